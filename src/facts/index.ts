import * as vscode from 'vscode';
import { FACTS_FILE_SEGMENTS } from '../core/facts/entity-facts';
import { FactsStore } from '../core/facts/facts-store';
import { editFacts, EditFactsDeps } from './edit-facts';
import { EngineEntityCheck, FactsFiles } from './facts-files';

/** The id (URI) of the article at `relativePath` in the workspace folder of the facts file `source`. */
function articleIdOf(source: string, relativePath: string): string {
  return vscode.Uri.joinPath(vscode.Uri.parse(source), '..', '..', ...relativePath.split('/')).toString();
}

/**
 * The user's facts about entities, from `.newscorpus/entities.json` in each workspace folder: read at start,
 * followed live (the open document's unsaved edits, and changes on disk, a colleague's included), with a
 * diagnostic for an invalid file; and the Edit Facts command. Returns the facts for the other features.
 */
export function registerFacts(
  context: vscode.ExtensionContext,
  deps: Omit<EditFactsDeps, 'facts'> & {
    /** Whether the corpus has an engine entity (undefined while it is being read): aliases naming none get a hint. */
    readonly engineEntity: EngineEntityCheck;
    /** Events after which the corpus may have other entities (its state, its entities). */
    readonly corpusChanges: readonly vscode.Event<unknown>[];
  },
): FactsStore {
  const store = new FactsStore(articleIdOf);
  const files = new FactsFiles(store, deps.engineEntity);
  const reloadIfFacts = (uri: vscode.Uri) => {
    const file = files.factsFileAt(uri);
    if (file) void files.reload(file);
  };
  // The folder too: deleting or restoring `.newscorpus` as a whole reports the folder, not the file.
  const watchers = [FACTS_FILE_SEGMENTS.join('/'), FACTS_FILE_SEGMENTS[0]].map((path) => vscode.workspace.createFileSystemWatcher(`**/${path}`));
  context.subscriptions.push(
    files,
    ...watchers,
    ...watchers.flatMap((watcher) => [watcher.onDidCreate(reloadIfFacts), watcher.onDidChange(reloadIfFacts), watcher.onDidDelete(reloadIfFacts)]),
    vscode.workspace.onDidOpenTextDocument((document) => reloadIfFacts(document.uri)),
    vscode.workspace.onDidChangeTextDocument((event) => reloadIfFacts(event.document.uri)),
    vscode.workspace.onDidCloseTextDocument((document) => reloadIfFacts(document.uri)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void files.reloadAll()),
    ...deps.corpusChanges.map((changed) => changed(() => files.showProblems())),
    vscode.commands.registerCommand('newsCorpus.editFacts', (...args: unknown[]) => editFacts({ entities: deps.entities, analyzed: deps.analyzed, facts: store }, ...args)),
  );
  void files.reloadAll();
  return store;
}
