import * as vscode from 'vscode';
import { Corpus, CorpusArticle, SkippedFile } from '../core/corpus';
import { CandidateOutcome, readCandidate } from './read-candidate';
import { CorpusSettings } from './settings';
import { Candidate, CandidateFilter, displayPath, findCandidates } from './workspace-scanner';

/** How many files are read at once: enough to hide file-system latency, few enough not to flood a remote. */
const READ_CONCURRENCY = 16;
/** File events arriving within this window are handled as one batch. */
const FILE_EVENT_DELAY_MS = 150;
/** Walks for single file events are short and not cancelled. */
const NEVER_CANCELLED = new vscode.CancellationTokenSource().token;

/** What the service needs from the editor, passed in so tests can supply their own. */
export interface CorpusServiceDeps {
  readonly settings: (folder: vscode.WorkspaceFolder) => CorpusSettings;
  readonly folders: () => readonly vscode.WorkspaceFolder[];
}

/** The phase the corpus is in, as shown by welcome views and the status bar. */
export type CorpusState = 'scanning' | 'empty' | 'ready';

function sortOutcomes(outcomes: readonly CandidateOutcome[]): { articles: CorpusArticle[]; skipped: SkippedFile[] } {
  const articles: CorpusArticle[] = [];
  const skipped: SkippedFile[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'article') articles.push(outcome.article);
    else if (outcome.kind === 'skipped') skipped.push(outcome.file);
  }
  return { articles, skipped };
}

async function readAll(
  candidates: readonly Candidate[],
  maxFileBytes: (candidate: Candidate) => number,
  onProgress: (done: number) => void,
  token?: vscode.CancellationToken,
): Promise<CandidateOutcome[]> {
  const outcomes: CandidateOutcome[] = new Array(candidates.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < candidates.length && !token?.isCancellationRequested) {
      const index = next++;
      const candidate = candidates[index];
      if (!candidate) continue;
      outcomes[index] = await readCandidate(candidate, maxFileBytes(candidate));
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  return outcomes.filter((outcome) => outcome !== undefined);
}

/**
 * Keeps the corpus of the open workspace: scans every folder with progress, then follows file
 * creations, changes and deletions. Only reads files, never writes them.
 */
export class CorpusService implements vscode.Disposable {
  readonly corpus = new Corpus();
  private readonly stateChanged = new vscode.EventEmitter<CorpusState>();
  readonly onDidChangeState = this.stateChanged.event;
  private currentState: CorpusState = 'scanning';
  private scan: vscode.CancellationTokenSource | undefined;
  private work: Promise<void> = Promise.resolve();
  private readonly changedUris = new Map<string, vscode.Uri>();
  private readonly deletedUris = new Map<string, vscode.Uri>();
  private eventTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: CorpusServiceDeps) {}

  get state(): CorpusState {
    return this.currentState;
  }

  /** Resolves once every scan and file event received so far has reached the corpus. */
  async whenIdle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.work || this.eventTimer !== undefined) {
      seen = this.work;
      await seen;
      if (this.eventTimer !== undefined) await new Promise((resolve) => setTimeout(resolve, FILE_EVENT_DELAY_MS));
    }
  }

  /** Scans all workspace folders from scratch, cancelling a scan under way. */
  rescan(): Promise<void> {
    this.scan?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.scan = source;
    this.work = this.work.then(() => this.runScan(source.token)).finally(() => source.dispose());
    return this.work;
  }

  /** Notes that files or folders were created or changed; they are read again shortly. */
  fileChanged(uri: vscode.Uri): void {
    this.deletedUris.delete(uri.toString());
    this.changedUris.set(uri.toString(), uri);
    this.scheduleEvents();
  }

  /** Notes that a file or folder was deleted; its articles leave the corpus shortly. */
  fileDeleted(uri: vscode.Uri): void {
    this.changedUris.delete(uri.toString());
    this.deletedUris.set(uri.toString(), uri);
    this.scheduleEvents();
  }

  dispose(): void {
    this.scan?.cancel();
    if (this.eventTimer !== undefined) clearTimeout(this.eventTimer);
    this.stateChanged.dispose();
  }

  private setState(state: CorpusState): void {
    this.currentState = state;
    this.stateChanged.fire(state);
  }

  private settledState(): CorpusState {
    return this.corpus.size > 0 ? 'ready' : 'empty';
  }

  /** The folder a URI lies in, among the service's own folders (which tests may give outside the workspace). */
  private folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
    const target = uri.toString();
    return this.deps.folders().find((folder) => {
      const root = folder.uri.toString();
      return target === root || target.startsWith(root.endsWith('/') ? root : `${root}/`);
    });
  }

  private async runScan(token: vscode.CancellationToken): Promise<void> {
    this.setState('scanning');
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'News Corpus' },
      async (progress) => {
        progress.report({ message: 'looking for articles…' });
        const candidates: Candidate[] = [];
        const unreadable: SkippedFile[] = [];
        for (const folder of this.deps.folders()) {
          const found = await findCandidates(folder.uri, new CandidateFilter(this.deps.settings(folder)), token);
          candidates.push(...found.candidates);
          for (const { uri, path, error } of found.unreadable) {
            unreadable.push({ id: uri.toString(), path, reason: 'unreadable', message: `folder could not be read: ${error}` });
          }
        }
        const total = candidates.length;
        const maxFileBytes = this.maxFileBytesFor();
        const outcomes = await readAll(candidates, maxFileBytes, (done) => {
          if (done % 50 === 0 || done === total) progress.report({ message: `reading articles ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` });
        }, token);
        if (token.isCancellationRequested) return;
        const { articles, skipped } = sortOutcomes(outcomes);
        this.corpus.reset(articles, [...skipped, ...unreadable]);
      },
    );
    if (!token.isCancellationRequested) this.setState(this.settledState());
  }

  private maxFileBytesFor(): (candidate: Candidate) => number {
    const cache = new Map<string, number>();
    return (candidate) => {
      const folder = this.folderOf(candidate.uri);
      if (!folder) return 0;
      const key = folder.uri.toString();
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const limit = this.deps.settings(folder).maxFileBytes;
      cache.set(key, limit);
      return limit;
    };
  }

  private scheduleEvents(): void {
    if (this.eventTimer !== undefined) return;
    this.eventTimer = setTimeout(() => {
      this.eventTimer = undefined;
      this.work = this.work.then(() => this.applyFileEvents());
    }, FILE_EVENT_DELAY_MS);
  }

  private async applyFileEvents(): Promise<void> {
    const deleted = [...this.deletedUris.values()];
    const changed = [...this.changedUris.values()];
    this.deletedUris.clear();
    this.changedUris.clear();
    const removed: string[] = [];
    for (const uri of deleted) {
      const prefix = `${uri.toString()}/`;
      for (const entry of [...this.corpus.articles(), ...this.corpus.skipped()]) {
        if (entry.id === uri.toString() || entry.id.startsWith(prefix)) removed.push(entry.id);
      }
    }
    const candidates: Candidate[] = [];
    for (const uri of changed) candidates.push(...(await this.candidatesAt(uri, removed)));
    const outcomes = await readAll(candidates, this.maxFileBytesFor(), () => undefined);
    for (const [index, outcome] of outcomes.entries()) {
      const candidate = candidates[index];
      if (outcome.kind === 'gone' && candidate) removed.push(candidate.uri.toString());
    }
    this.corpus.update({ ...sortOutcomes(outcomes), removed });
    this.setState(this.settledState());
  }

  /** The candidates a created or changed path stands for: itself, or the files below a new folder. */
  private async candidatesAt(uri: vscode.Uri, removed: string[]): Promise<Candidate[]> {
    const folder = this.folderOf(uri);
    if (!folder) return [];
    const filter = new CandidateFilter(this.deps.settings(folder));
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      removed.push(uri.toString());
      return [];
    }
    const relativePath = uri.path.slice(folder.uri.path.length).replace(/^\/+/, '');
    if (stat.type & vscode.FileType.Directory) {
      if (!filter.entersFolder(relativePath)) return [];
      const found = await findCandidates(folder.uri, filter, NEVER_CANCELLED, relativePath);
      return found.candidates;
    }
    if (filter.acceptsFile(relativePath)) return [{ uri, path: displayPath(uri) }];
    // A file that stopped matching (e.g. renamed to .bak) leaves the corpus.
    removed.push(uri.toString());
    return [];
  }
}
