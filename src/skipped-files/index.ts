import * as vscode from 'vscode';
import { Corpus, SkippedFile } from '../core/corpus';
import { groupDigits, toDisplayText } from '../core/display-text';
import { folderNeeded } from '../core/messages';
import { notify } from '../notifications';

interface SkippedPick extends vscode.QuickPickItem {
  readonly file: SkippedFile;
}

/** Lists the files that are not in the corpus, with the reason; picking one opens it (binary files excepted). */
async function showSkippedFiles(corpus: Corpus): Promise<void> {
  // With no folder, "no files were skipped" would say the folder was read and found clean.
  const noFolder = folderNeeded(vscode.workspace.workspaceFolders?.length ?? 0, 'see which of its files are not articles');
  if (noFolder) {
    notify('info', noFolder);
    return;
  }
  const files = [...corpus.skipped()].sort((a, b) => a.path.localeCompare(b.path));
  if (files.length === 0) {
    notify('info', 'no files were skipped.');
    return;
  }
  const picked = await vscode.window.showQuickPick<SkippedPick>(
    files.map((file) => ({ label: toDisplayText(file.path), detail: toDisplayText(file.message), file, iconPath: new vscode.ThemeIcon('warning') })),
    { title: `News Corpus: ${groupDigits(files.length)} skipped files`, placeHolder: 'Files that matched the include setting but are not articles', matchOnDetail: true },
  );
  if (!picked) return;
  if (picked.file.reason === 'binary' || picked.file.reason === 'too-large') {
    notify('info', `${picked.file.path} was skipped: ${picked.file.message}.`);
    return;
  }
  await vscode.commands.executeCommand('newsCorpus.openArticle', vscode.Uri.parse(picked.file.id));
}

export function registerSkippedFiles(context: vscode.ExtensionContext, deps: { corpus: Corpus }): void {
  context.subscriptions.push(vscode.commands.registerCommand('newsCorpus.showSkippedFiles', () => showSkippedFiles(deps.corpus)));
}
