import * as vscode from 'vscode';
import { FACTS_FILE_SEGMENTS } from '../core/facts/entity-facts';
import { FactsStore } from '../core/facts/facts-store';
import { editFacts, EditFactsDeps } from './edit-facts';
import { FactsFiles } from './facts-files';

/**
 * The user's facts about entities, from `.newscorpus/entities.json` in each workspace folder: read at start,
 * followed live (the open document's unsaved edits, and changes on disk, a colleague's included), with a
 * diagnostic for an invalid file; and the Edit Facts command. Returns the facts for the other features.
 */
export function registerFacts(context: vscode.ExtensionContext, deps: Omit<EditFactsDeps, 'facts'>): FactsStore {
  const store = new FactsStore();
  const files = new FactsFiles(store);
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${FACTS_FILE_SEGMENTS.join('/')}`);
  const reloadIfFacts = (uri: vscode.Uri) => {
    if (files.isFactsFile(uri)) void files.reload(uri);
  };
  context.subscriptions.push(
    files,
    watcher,
    watcher.onDidCreate(reloadIfFacts),
    watcher.onDidChange(reloadIfFacts),
    watcher.onDidDelete(reloadIfFacts),
    vscode.workspace.onDidOpenTextDocument((document) => reloadIfFacts(document.uri)),
    vscode.workspace.onDidChangeTextDocument((event) => reloadIfFacts(event.document.uri)),
    vscode.workspace.onDidCloseTextDocument((document) => reloadIfFacts(document.uri)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void files.reloadAll()),
    vscode.commands.registerCommand('newsCorpus.editFacts', (...args: unknown[]) => editFacts({ ...deps, facts: store }, ...args)),
  );
  void files.reloadAll();
  return store;
}
