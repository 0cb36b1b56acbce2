import * as vscode from 'vscode';
import { FACTS_FILE_SEGMENTS } from '../core/facts/entity-facts';
import { FactsStore } from '../core/facts/facts-store';
import { CorpusNames } from '../core/search/query-help';
import { editFacts, EditFactsDeps } from './edit-facts';
import { EngineEntityCheck, FactsFiles } from './facts-files';
import { registerFactsQuickFixes } from './facts-quick-fixes';

/** The id (URI) of the article at `relativePath` in the workspace folder of the facts file `source`. */
function articleIdOf(source: string, relativePath: string): string {
  return vscode.Uri.joinPath(vscode.Uri.parse(source), '..', '..', ...relativePath.split('/')).toString();
}

/** What the facts feature gives the others: the facts, and a way to read a file again that they just wrote. */
export interface FactsFeature {
  readonly store: FactsStore;
  /** Reads the facts file at `uri` again now (nothing when `uri` is no facts file), without waiting for the watcher. */
  readonly reloadFile: (uri: vscode.Uri) => Promise<void>;
}

/**
 * The user's facts about entities, from `.newscorpus/entities.json` in each workspace folder: read at start,
 * followed live (the open document's unsaved edits, and changes on disk, a colleague's included), with a
 * diagnostic for an invalid file; and the Edit Facts command. Returns the facts for the other features.
 */
export function registerFacts(
  context: vscode.ExtensionContext,
  deps: Omit<EditFactsDeps, 'facts'> & {
    /** Whether the corpus has an engine entity (undefined while it is being read): entries and aliases naming none are pointed out. */
    readonly engineEntity: EngineEntityCheck;
    /** The corpus's nearest name to a misspelt one, said with an entry or alias naming nothing. */
    readonly names: Pick<CorpusNames, 'nearest'>;
    /** Events after which the corpus may have other entities (its state, its entities). */
    readonly corpusChanges: readonly vscode.Event<unknown>[];
  },
): FactsFeature {
  const store = new FactsStore(articleIdOf);
  const files = new FactsFiles(store, deps.engineEntity, deps.names);
  const reloadFile = async (uri: vscode.Uri) => {
    const file = files.factsFileAt(uri);
    if (file) await files.reload(file);
  };
  const reloadIfFacts = (uri: vscode.Uri) => void reloadFile(uri);
  // The folder too: deleting or restoring `.newscorpus` as a whole reports the folder, not the file.
  const watchers = [FACTS_FILE_SEGMENTS.join('/'), FACTS_FILE_SEGMENTS[0]].map((path) => vscode.workspace.createFileSystemWatcher(`**/${path}`));
  context.subscriptions.push(
    files,
    ...watchers,
    ...watchers.flatMap((watcher) => [watcher.onDidCreate(reloadIfFacts), watcher.onDidChange(reloadIfFacts), watcher.onDidDelete(reloadIfFacts)]),
    vscode.workspace.onDidOpenTextDocument((document) => reloadIfFacts(document.uri)),
    vscode.workspace.onDidChangeTextDocument((event) => reloadIfFacts(event.document.uri)),
    vscode.workspace.onDidCloseTextDocument((document) => reloadIfFacts(document.uri)),
    // What the workbench itself creates, deletes or renames (the Explorer, an edit): heard even where the watcher is
    // not, which under load missed a file written at once into a new folder, and so its later deletion too.
    vscode.workspace.onDidCreateFiles((event) => event.files.forEach(reloadIfFacts)),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach(reloadIfFacts)),
    vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => [oldUri, newUri].forEach(reloadIfFacts))),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void files.reloadAll()),
    ...deps.corpusChanges.map((changed) => changed(() => files.showProblems())),
    vscode.commands.registerCommand('newsCorpus.editFacts', (...args: unknown[]) => editFacts({ entities: deps.entities, analyzed: deps.analyzed, corpus: deps.corpus, facts: store }, ...args)),
  );
  registerFactsQuickFixes(context, files);
  void files.reloadAll();
  return { store, reloadFile };
}
