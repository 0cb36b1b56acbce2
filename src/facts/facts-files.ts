import * as vscode from 'vscode';
import { FACTS_FILE_SEGMENTS, FactsProblem } from '../core/facts/entity-facts';
import { FactsStore } from '../core/facts/facts-store';
import { CorpusNames } from '../core/search/query-help';
import { lineAndCharacter } from '../core/text-position';

/** The facts file of a workspace folder (it may not exist). */
export function factsFileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...FACTS_FILE_SEGMENTS);
}

/**
 * The text of the facts file as the user sees it: `undefined` when there is no file on disk (a deleted file is
 * gone even if an editor still shows it), else its open document when that has unsaved edits, else the file.
 */
export async function currentFactsText(uri: vscode.Uri): Promise<string | undefined> {
  let onDisk: string;
  try {
    onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  return open?.isDirty ? open.getText() : onDisk;
}

const SEVERITY: Readonly<Record<FactsProblem['severity'] | 'information' | 'hint', vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function diagnosticOf(text: string, problem: Omit<FactsProblem, 'severity'> & { readonly severity: keyof typeof SEVERITY }): vscode.Diagnostic {
  const start = lineAndCharacter(text, problem.offset);
  const end = lineAndCharacter(text, Math.min(text.length, problem.offset + problem.length));
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), problem.message, SEVERITY[problem.severity]);
  diagnostic.source = 'News Corpus';
  return diagnostic;
}

function meantKey(uri: vscode.Uri, diagnostic: vscode.Diagnostic): string {
  return `${uri.toString()}|${diagnostic.range.start.line}:${diagnostic.range.start.character}|${diagnostic.message}`;
}

/**
 * Whether the corpus has an engine entity of this key; `undefined` while it does not know yet (being read).
 */
export type EngineEntityCheck = (key: string) => boolean | undefined;

/**
 * Keeps the facts store in step with the facts file of every workspace folder, read through `workspace.fs`
 * (so virtual workspaces have facts too), and shows the file's problems as diagnostics: its own, the conflicts
 * with another folder's file, each entry and alias naming no entity of the corpus (with the nearest name of `names`),
 * and a hint at each entry of a country's other name.
 */
export class FactsFiles implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('newsCorpus.facts');
  /** The latest read of each file: an older read that finishes later must not win. */
  private readonly reads = new Map<string, number>();
  /**
   * What each diagnostic's "did you mean" names, by {@link meantKey}: a code action gets a copy of the diagnostic, not
   * the object set, so it is found again by its file, place and message.
   */
  private readonly meant = new Map<string, string>();
  /** Each file's text as last read and its own problems, for the diagnostics made again after any change. */
  private readonly read = new Map<string, { readonly uri: vscode.Uri; readonly text: string; readonly problems: readonly FactsProblem[] }>();
  private known: vscode.Uri[] = [];

  constructor(
    private readonly store: FactsStore,
    private readonly engineEntity: EngineEntityCheck,
    private readonly names: Pick<CorpusNames, 'nearest'>,
  ) {}

  /**
   * The facts file that an event on `uri` concerns: `uri` itself, or the file inside it when `uri` is its
   * folder (a deleted or restored `.newscorpus` folder reports only the folder).
   */
  factsFileAt(uri: vscode.Uri): vscode.Uri | undefined {
    const at = uri.toString();
    return this.known.find((known) => known.toString() === at || vscode.Uri.joinPath(known, '..').toString() === at);
  }

  /** Reads the facts files of the current workspace folders, and forgets those of folders that left. */
  async reloadAll(): Promise<void> {
    const current = (vscode.workspace.workspaceFolders ?? []).map(factsFileOf);
    for (const gone of this.known.filter((uri) => !current.some((other) => other.toString() === uri.toString()))) this.forget(gone);
    this.known = current;
    await Promise.all(current.map((uri) => this.reload(uri)));
  }

  /** Reads the facts file `uri` again (created, changed, deleted, opened, edited or closed). */
  async reload(uri: vscode.Uri): Promise<void> {
    const source = uri.toString();
    const read = (this.reads.get(source) ?? 0) + 1;
    this.reads.set(source, read);
    const text = await currentFactsText(uri);
    if (this.reads.get(source) !== read) return;
    // A correction is heard up to four times (its own reload, the watcher, the workbench's file event, the open
    // document): a text already read changes nothing, and must not have every listener redo its work.
    if (text !== undefined && this.read.get(source)?.text === text) return;
    if (text === undefined) {
      this.forget(uri);
      return;
    }
    this.read.set(source, { uri, text, problems: this.store.update(source, text) });
    this.showProblems();
  }

  /** Sets every file's diagnostics again: another file, or the corpus, may have changed what they say. */
  showProblems(): void {
    // While the corpus is being read every name is taken to be known: its entities come in as it goes.
    const known = (key: string) => this.engineEntity(key) ?? true;
    // Listed in the Problems view (a hint is not): a misspelt name there went unseen (ux38).
    const namingNothing = [...this.store.entriesNamingNothing(known, this.names), ...this.store.aliasesNamingNothing(known, this.names)];
    const others = [
      ...this.store.conflicts().map((problem) => ({ ...problem, severity: 'warning' as const })),
      ...namingNothing.map((problem) => ({ ...problem, severity: 'information' as const })),
      ...this.store.countryAliasEntries().map((problem) => ({ ...problem, severity: 'hint' as const })),
    ];
    this.meant.clear();
    for (const [source, { uri, text, problems }] of this.read) {
      const mine = others.filter((problem) => problem.source === source);
      this.diagnostics.set(
        uri,
        [...problems, ...mine].map((problem) => {
          const diagnostic = diagnosticOf(text, problem);
          if (problem.meant !== undefined) this.meant.set(meantKey(uri, diagnostic), problem.meant);
          return diagnostic;
        }),
      );
    }
  }

  /** The JSON string likely meant in place of the one a diagnostic of the file `uri` is at ("did you mean …?"), if any. */
  meantAt(uri: vscode.Uri, diagnostic: vscode.Diagnostic): string | undefined {
    return this.meant.get(meantKey(uri, diagnostic));
  }

  dispose(): void {
    this.diagnostics.dispose();
  }

  private forget(uri: vscode.Uri): void {
    this.read.delete(uri.toString());
    this.store.remove(uri.toString());
    this.diagnostics.delete(uri);
    this.showProblems();
  }
}
