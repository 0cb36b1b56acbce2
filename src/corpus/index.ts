import * as vscode from 'vscode';
import { CorpusService, CorpusState } from './corpus-service';
import { affectsCorpus, readCorpusSettings } from './settings';

function publishState(service: CorpusService, state: CorpusState): void {
  void vscode.commands.executeCommand('setContext', 'newsCorpus.state', state);
  void vscode.commands.executeCommand('setContext', 'newsCorpus.hasSkipped', service.corpus.skippedCount > 0);
}

function watchFiles(service: CorpusService): vscode.Disposable {
  // One recursive watcher: deleting or moving a folder reports only the folder, which an include glob would miss.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate((uri) => service.fileChanged(uri)),
    watcher.onDidChange((uri) => service.fileChanged(uri)),
    watcher.onDidDelete((uri) => service.fileDeleted(uri)),
  );
}

/**
 * Starts the corpus of the workspace: the first scan runs in the background so activation returns at once,
 * then files, settings and workspace folders are followed.
 */
export function registerCorpus(context: vscode.ExtensionContext): CorpusService {
  const service = new CorpusService({ settings: (folder) => readCorpusSettings(folder), folders: () => vscode.workspace.workspaceFolders ?? [] });
  context.subscriptions.push(
    service,
    service.onDidChangeState((state) => publishState(service, state)),
    watchFiles(service),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsCorpus(event)) void service.rescan();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void service.rescan()),
    vscode.commands.registerCommand('newsCorpus.refresh', () => service.rescan()),
    vscode.commands.registerCommand('newsCorpus.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`)),
  );
  publishState(service, service.state);
  void service.rescan();
  return service;
}
