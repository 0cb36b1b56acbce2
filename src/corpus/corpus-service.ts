import * as vscode from 'vscode';
import { Corpus, CorpusArticle, SkippedFile } from '../core/corpus';
import { describeSkip, plainFileError } from '../core/article-file';
import { countOf, toDisplayText } from '../core/display-text';
import { ArticlePaths, CorrectedIndexEntities, EntityCount, IndexEntities } from '../core/curation/corrected-entities';
import { EntityCorrections } from '../core/curation/entity-corrections';
import { SearchCorrections } from '../core/curation/corrected-search';
import { EntityType } from '../core/entities/types';
import { FactsLookup } from '../core/facts/facts-store';
import { FailureNotices } from '../core/failure-notices';
import { reasonOf } from '../core/messages';
import { ArticleSummary, SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { SkippedArticle } from '../core/search/analyzed-batch';
import { MatchesPerDay, mergeMatchesPerDay } from '../core/search/matches-per-day';
import { mergeResponses } from '../core/search/merge-responses';
import { runInSlices } from '../core/search/time-slices';
import { PacedUpdates } from '../core/paced-updates';
import { SYSTEM_TIMERS, Timers } from '../core/timers';
import { IndexService, LoadOutcome } from '../workers/index-service';
import { listFileSteps } from '../workers/list-files';
import { listInThread } from '../workers/list-thread';
import { FileJob } from '../workers/protocol';
import { idOfIndexPath, indexPathOf, uriOfIndexPath } from './index-paths';
import { IndexedStamp, prepareCandidate } from './read-candidate';
import { CorpusSettings, foldersNotReadMessage, malformedCorpusSetting, MalformedSetting } from './settings';
import { Candidate, CandidateFilter, displayPath, displayPaths, findCandidates, listingGlobs, UnreadableFolder } from './workspace-scanner';
import { WorkspaceEntities } from './workspace-entities';

/** How many remote or virtual files are read at once: enough to hide latency, few enough not to flood a remote. */
const READ_CONCURRENCY = 16;
/**
 * How many files on the host's own disk are stat'ed at once: each waits for a thread of Node's pool, and with
 * 16 at a time the round trips, not the disk, were the cost (20,000 files: 2.8 s at 16, 0.8 s at 256).
 */
const LOCAL_STAT_CONCURRENCY = 256;
/** File events arriving within this window are handled as one batch. */
const FILE_EVENT_DELAY_MS = 150;
/**
 * How long a batch of file events that failed waits before it is tried again, at each failure in a row: a cause that
 * passes (a model file being replaced, a disk coming back) is got over without a rescan; one that stays is told and
 * left to the Rescan command after the last, never tried for ever.
 */
const FOLLOWING_RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 60_000];
/** The index is saved this long after its last change, so a burst of edits costs one save. */
const SAVE_DELAY_MS = 5_000;
/**
 * Articles a first build lists reach the views at most this often, plus a millisecond for every
 * {@link LISTED_PER_MS} articles listed already: each listing regroups the Dates view, which costs more as it grows,
 * and each is drawn by the workbench, whose processes take their CPU from the indexing threads' two cores.
 */
const LISTING_INTERVAL_MS = 1_000;
const LISTED_PER_MS = 100;
/**
 * A build's progress reaches the status bar, the views' messages and bars at most this often: the indexing threads
 * report every 25 articles, and each report the workbench is told of is several messages to it and a frame to draw,
 * on the cores the threads need (at 4 a second, the workbench's processes took 33 s of CPU during a 100,000-article
 * build, as much as 12 s of its length).
 */
const PROGRESS_INTERVAL_MS = 1_000;
/** Articles whose corpus entries a publish makes between two checks of its time slice (about a millisecond of work). */
const PUBLISH_STEP_ARTICLES = 250;
/** How the corrections name articles (by URI) and the index names them (by path on disk, else URI). */
const ARTICLE_PATHS: ArticlePaths = { idOf: (path) => uriOfIndexPath(path).toString(), pathOf: (id) => indexPathOf(vscode.Uri.parse(id)) };
/** Walks for single file events are short and not cancelled. */
const NEVER_CANCELLED = new AbortController().signal;
/** The kinds of failure the user is told of once until they succeed again (see {@link FailureNotices}); saving is one a folder. */
const LISTING = 'listing the articles';
const SCANNING = 'reading the articles';
const FOLLOWING = 'following file changes';
const FOLLOWING_GIVEN_UP = 'following file changes, given up';
const SAVING = 'saving the index';

/** What the service needs from the editor, passed in so tests can supply their own. */
export interface CorpusServiceDeps {
  readonly settings: (folder: vscode.WorkspaceFolder) => CorpusSettings;
  readonly folders: () => readonly vscode.WorkspaceFolder[];
  /** Makes the index of a folder (its cache file, entity model, size limit). */
  readonly createIndex: (folder: vscode.WorkspaceFolder, settings: CorpusSettings) => IndexService;
  /** Tells the user something went wrong but was dealt with (a damaged cache was rebuilt). */
  readonly notify: (message: string) => void;
  /** Writes to the extension's log: every failure, also those the user was told of already. */
  readonly log: (message: string) => void;
  /** How long a failed batch of file events waits before each retry; {@link FOLLOWING_RETRY_DELAYS_MS} unless given. */
  readonly retryDelaysMs?: readonly number[];
  /** The timers those retries wait on; the system's unless given (a test's own runs them without waiting). */
  readonly retryTimers?: Timers;
  /**
   * Where the folders owed a rebuild (see {@link CorpusService}'s `rebuildsOwed`) are kept from one window to the next:
   * the workspace's state. Without it they are kept in memory only.
   */
  readonly owedRebuilds?: { readonly read: () => readonly string[]; readonly write: (folders: readonly string[]) => void };
}

/** The file events a batch takes from those noted, by URI. */
interface FileEventBatch {
  readonly deleted: readonly vscode.Uri[];
  readonly changed: readonly vscode.Uri[];
}

/** The phase the corpus is in, as shown by welcome views and the status bar. */
export type CorpusState = 'scanning' | 'empty' | 'ready';

/** The entity types whose entities changed, or undefined when any may have (a scan). */
export type EntityChange = ReadonlySet<EntityType> | undefined;

/**
 * Where a scan is: loading the saved indexes, checking the files against them (from the moment the saved indexes
 * answer searches, their listing possibly still under way; the views show the cache meanwhile) or, with nothing
 * saved, listing them (the views show the first articles found), then indexing the files that are new or changed
 * (the views fill in as they are read).
 */
export type ScanPhase = 'loading' | 'checking' | 'listing' | 'indexing';

/** What a scan is asked to do: `rebuild` ignores the saved indexes and reads every file, as on a first opening. */
export interface ScanRequest {
  readonly rebuild?: boolean;
  /** The user asked for this scan (the Rescan command): a failure is told even if the last scan's was. */
  readonly asked?: boolean;
}

/**
 * The changed files a failed batch of file events left unread: waiting for the batch's retry, or, once it was given
 * up (`givenUp`), for a rescan.
 */
export interface UnreadChanges {
  readonly files: number;
  readonly givenUp: boolean;
}

/** What the last full scan did, summed over the folders: how much came from the index as it was. */
export interface ScanSummary {
  readonly unchanged: number;
  readonly reread: number;
  readonly removed: number;
  readonly ms: number;
}

interface FolderIndex {
  readonly service: IndexService;
  readonly maxFileBytes: number;
}

/** A folder a scan goes through, with its settings and index. */
interface FolderScan {
  readonly folder: vscode.WorkspaceFolder;
  readonly settings: CorpusSettings;
  readonly index: IndexService;
  /** Rebuilt from the articles: its saved index is not loaded (a rebuild, of a folder whose settings can be read). */
  readonly fresh: boolean;
  /** Its include or exclude setting that cannot be used: the folder is then kept as it is, not scanned. */
  readonly problem: MalformedSetting | undefined;
}

/** A folder a scan left out, and why: its include or exclude setting is malformed. */
export interface SettingsStop {
  readonly folder: vscode.WorkspaceFolder;
  readonly setting: MalformedSetting;
}

/** What the ids of a folder's articles and skipped files start with: its URI and a slash. */
function folderPrefix(key: string): string {
  return key.endsWith('/') ? key : `${key}/`;
}

function sameArticle(listed: CorpusArticle | undefined, article: CorpusArticle): boolean {
  return listed !== undefined && listed.path === article.path && listed.title === article.title && listed.date === article.date;
}

function sameSkipped(before: Iterable<SkippedFile>, after: readonly SkippedFile[]): boolean {
  const known = new Map([...before].map((file) => [file.id, file.message]));
  return known.size === after.length && after.every((file) => known.get(file.id) === file.message);
}

/** Why a folder's files are missing from the corpus, whether it was listed through Node's fs or `workspace.fs`. */
function unreadableFolderMessage(error: string): string {
  return `folder could not be read: ${plainFileError(error)}`;
}

/** The skipped-file entry of a folder `findCandidates` could not read. */
function unreadableFolderOf({ uri, path, error }: UnreadableFolder): SkippedFile {
  return { id: uri.toString(), path, reason: 'unreadable', message: unreadableFolderMessage(error) };
}

/** The corpus's entry for an indexed article; `shown` works out its display path, for many articles at once. */
function articleOf({ path, title, date }: ArticleSummary, shown = displayPaths()): CorpusArticle {
  // One object, not one copied with its date: a reopen makes 100,000 on the host before the rows show.
  const id = idOfIndexPath(path);
  return date === undefined ? { id, path: shown(path), title } : { id, path: shown(path), title, date };
}

/** Appends the corpus's entries of `summaries` to `articles`, as steps for `runInSlices`. */
function* articleSteps(summaries: Iterable<ArticleSummary>, articles: CorpusArticle[] = []): Generator<void, CorpusArticle[]> {
  const shown = displayPaths();
  for (const summary of summaries) {
    if (articles.push(articleOf(summary, shown)) % PUBLISH_STEP_ARTICLES === 0) yield;
  }
  return articles;
}

function skippedOf(file: SkippedArticle): SkippedFile {
  return { id: idOfIndexPath(file.path), path: displayPath(uriOfIndexPath(file.path)), reason: file.code, message: file.reason };
}

/** Prepares candidates for indexing, a few at a time; files that vanished are left out. */
async function prepareAll(candidates: readonly Candidate[], maxFileBytes: number, signal: AbortSignal, indexed?: IndexedStamp): Promise<{ jobs: FileJob[]; skipped: SkippedFile[] }> {
  const jobs: FileJob[] = [];
  const skipped: SkippedFile[] = [];
  let next = 0;
  const worker = async () => {
    while (next < candidates.length && !signal.aborted) {
      const candidate = candidates[next++];
      if (!candidate) continue;
      const outcome = await prepareCandidate(candidate, maxFileBytes, indexed);
      if (outcome.kind === 'job') jobs.push(outcome.job);
      else if (outcome.kind === 'skipped') skipped.push(outcome.file);
    }
  };
  const local = candidates.every((candidate) => candidate.uri.scheme === 'file');
  await Promise.all(Array.from({ length: local ? LOCAL_STAT_CONCURRENCY : READ_CONCURRENCY }, worker));
  return { jobs, skipped };
}

/** The window's progress of a scan: `report` a step, or `end` it before the scan ends. */
interface WindowProgress {
  report(step: { readonly message?: string }): void;
  end(): void;
}

/** Shows the window's progress (a spinner and a message in the status bar) until `end` is called. */
function showWindowProgress(): WindowProgress {
  let ended = false;
  let finish: (() => void) | undefined;
  let shown: vscode.Progress<{ message?: string }> | undefined;
  let pending: { readonly message?: string } | undefined;
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News Corpus' }, (progress) => {
    shown = progress;
    if (pending) progress.report(pending);
    return ended ? Promise.resolve() : new Promise<void>((resolve) => (finish = resolve));
  });
  return {
    report: (step) => (shown ? shown.report(step) : (pending = step)),
    end: () => {
      ended = true;
      finish?.();
    },
  };
}

/**
 * Shows the window's progress while `body` runs or until it calls `end`: a build ends it when it starts counting
 * files in the status bar item and the views, since a spinner is redrawn all the time, on the cores the indexing
 * threads need. A step reported after `end` (the next folder's listing) shows it again.
 */
async function withWindowProgress<T>(body: (progress: WindowProgress) => Promise<T>): Promise<T> {
  let current: WindowProgress | undefined = showWindowProgress();
  const progress: WindowProgress = {
    report: (step) => {
      current ??= showWindowProgress();
      current.report(step);
    },
    end: () => {
      current?.end();
      current = undefined;
    },
  };
  try {
    return await body(progress);
  } finally {
    progress.end();
  }
}

/**
 * Keeps the corpus of the open workspace: one index per workspace folder, opened from its cache and
 * brought up to date off the UI thread (indexing threads read, parse, find entities and tokenise), then
 * following file creations, changes and deletions. Only reads article files, never writes them.
 */
export class CorpusService implements vscode.Disposable {
  readonly corpus = new Corpus();
  private readonly stateChanged = new vscode.EventEmitter<CorpusState>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly entitiesChanged = new vscode.EventEmitter<EntityChange>();
  /** Fires after a scan or a batch of file events changed the index, with the entity types it touched. */
  readonly onDidChangeEntities = this.entitiesChanged.event;
  private readonly engineEntitiesChanged = new vscode.EventEmitter<void>();
  /**
   * Fires, before {@link onDidChangeEntities}, when the engine's entities may have changed, not the corrections alone:
   * what is worked out from them stays valid across edits of the facts file, which change the corrections at each key.
   */
  readonly onDidChangeEngineEntities = this.engineEntitiesChanged.event;
  private currentState: CorpusState = 'scanning';
  private scan: AbortController | undefined;
  private work: Promise<void> = Promise.resolve();
  private readonly indexes = new Map<string, FolderIndex>();
  private readonly changedUris = new Map<string, vscode.Uri>();
  private readonly deletedUris = new Map<string, vscode.Uri>();
  private eventTimer: ReturnType<typeof setTimeout> | undefined;
  /** Tries a failed batch again (see {@link FOLLOWING_RETRY_DELAYS_MS}); {@link whenIdle} does not wait for it. */
  private retryTimer: unknown;
  private readonly retryTimers: Timers;
  /** Batches of file events that failed in a row: the retries used. */
  private failedBatches = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private lastScanSummary: ScanSummary | undefined;
  private scanFailureNow: string | undefined;
  private settingsProblemNow: string | undefined;
  private settingsStopsNow: readonly SettingsStop[] = [];
  /**
   * The folders (by URI) a rebuild left out, their settings malformed: the first scan that can read them rebuilds them,
   * in this window or, kept in the workspace's state, the next one.
   */
  private readonly rebuildsOwed: Set<string>;
  private unreadNow: UnreadChanges | undefined;

  private readonly progressChanged = new vscode.EventEmitter<void>();
  /** Fires as a scan moves on and indexes files: see {@link phase} and {@link indexing}. */
  readonly onDidProgress = this.progressChanged.event;
  private indexingNow: { readonly done: number; readonly total: number } | undefined;
  private phaseNow: ScanPhase | undefined;
  private savedDatesNow: ReadonlyMap<string | undefined, number> | undefined;
  private savedListingDueNow = false;
  /** Indexes replaced (the size limit changed): saved before their successor loads the cache. */
  private retiring: Promise<void> = Promise.resolve();
  /** Articles a first build has indexed and not listed yet, listed at the pace of {@link listing}. */
  private unlisted: CorpusArticle[] = [];
  /** The first articles of a scan's first builds, listed ahead of the build (read by the listing thread), and their indexes. */
  private listedAhead: { readonly path: string; readonly index: IndexService }[] = [];
  /** Lists what a build has indexed: the first articles at once, then at intervals (see {@link LISTING_INTERVAL_MS}). */
  private readonly listing = new PacedUpdates(
    () => this.changeCorpus(() => this.corpus.update({ articles: this.unlisted.splice(0) })),
    () => LISTING_INTERVAL_MS + this.corpus.size / LISTED_PER_MS,
  );
  /** What failed, told once a kind (a view that throws at each listing was a notification a second), all of it logged. */
  private readonly failures: FailureNotices;
  /** The user's corrections of the entities (from the facts file), applied to every answer about entities. */
  private corrections = EntityCorrections.NONE;
  private stopFollowingCorrections: (() => void) | undefined;
  /** Each index's corrected entities, which remember the corrected entities' articles until the entities change. */
  private correctedIndexes = new WeakMap<IndexEntities, CorrectedIndexEntities>();
  /** The entities of every folder's index, corrected. */
  readonly entities = new WorkspaceEntities(() => [...this.indexes.values()].map(({ service }) => this.corrected(service.index)));
  /** The recogniser's own entities, before any correction: what the facts file's corrections refer to. */
  readonly engineEntities = new WorkspaceEntities(() => [...this.indexes.values()].map(({ service }) => service.index));

  constructor(private readonly deps: CorpusServiceDeps) {
    this.failures = new FailureNotices(deps.notify, deps.log);
    this.retryTimers = deps.retryTimers ?? SYSTEM_TIMERS;
    this.rebuildsOwed = new Set(deps.owedRebuilds?.read() ?? []);
  }

  /** Notes that the folder `key` is owed a rebuild, or no longer is, and keeps the list where the next window reads it. */
  private oweRebuild(key: string, owed: boolean): void {
    if (owed === this.rebuildsOwed.has(key)) return;
    if (owed) this.rebuildsOwed.add(key);
    else this.rebuildsOwed.delete(key);
    this.deps.owedRebuilds?.write([...this.rebuildsOwed]);
  }

  get state(): CorpusState {
    return this.currentState;
  }

  /** How far the scan under way is in indexing the files it must read, or undefined when it is not indexing. */
  get indexing(): { readonly done: number; readonly total: number } | undefined {
    return this.indexingNow;
  }

  /** Where the scan under way is, or undefined when none is. */
  get phase(): ScanPhase | undefined {
    return this.phaseNow;
  }

  /**
   * How many articles of the saved index being loaded fall on each date (undefined: undated), from its day column,
   * heard before its articles are listed on a reopen ({@link onDidProgress} fires then, and when they are dropped);
   * undefined otherwise. The Dates view's first rows are counted from it.
   */
  get savedDates(): ReadonlyMap<string | undefined, number> | undefined {
    return this.savedDatesNow;
  }

  /**
   * Whether a saved index being loaded is about to list its articles (a reopen): from the start of its load until
   * its listing is in the corpus, or its load ends without one ({@link onDidProgress} fires then). The index may
   * answer searches before (the phase is then `checking` already): the Dates view holds its requests on this.
   */
  get savedListingDue(): boolean {
    return this.savedListingDueNow;
  }

  /** How much of a first build searches see while it runs (summed over folders), or undefined when they see everything. */
  get partialIndex(): { readonly indexed: number; readonly total: number } | undefined {
    const partial = [...this.indexes.values()].flatMap(({ service }) => service.partialIndex ?? []);
    if (partial.length === 0) return undefined;
    return { indexed: partial.reduce((sum, part) => sum + part.indexed, 0), total: partial.reduce((sum, part) => sum + part.total, 0) };
  }

  /** Where the folders' indexes are saved. */
  get cacheFiles(): string[] {
    return [...this.indexes.values()].flatMap(({ service }) => service.cacheFile ?? []);
  }

  /**
   * Why the last scan failed (loading a saved index, listing or indexing the files), until the next scan starts; the
   * corpus then lists what the indexes hold, which after a failed load is nothing, never the listing from before.
   */
  get scanFailure(): string | undefined {
    return this.scanFailureNow;
  }

  /**
   * Why the include or exclude setting cannot be used, when the last scan stopped on it (then also its
   * {@link scanFailure}), until the next scan starts: the views then say to correct the setting rather than to retry.
   */
  get settingsProblem(): string | undefined {
    return this.settingsProblemNow;
  }

  /** The folders the last scan left out and the malformed setting of each, while {@link settingsProblem} says so. */
  get settingsStops(): readonly SettingsStop[] {
    return this.settingsStopsNow;
  }

  /** What a failed batch of file events left unread, until its retry goes through or a scan starts. */
  get unreadChanges(): UnreadChanges | undefined {
    return this.unreadNow;
  }

  /** What the last completed scan did; `undefined` before the first. */
  get lastScan(): ScanSummary | undefined {
    return this.lastScanSummary;
  }

  /** Resolves once every scan and file event received so far has reached the corpus and its index. */
  async whenIdle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.work || this.eventTimer !== undefined) {
      seen = this.work;
      await seen;
      if (this.eventTimer !== undefined) await new Promise((resolve) => setTimeout(resolve, FILE_EVENT_DELAY_MS));
    }
  }

  /**
   * Runs a query over every folder's index; `undefined` while nothing is searchable yet. During a first
   * build the answer covers what is indexed so far, and says so in `partial`.
   */
  search(query: string, options: SearchOptions): SearchResponse | undefined {
    const services = this.searchableServices();
    if (!services) return undefined;
    const corrections = this.searchCorrections();
    const response = mergeResponses(services.map((service) => service.search(query, corrections ? { ...options, corrections } : options)), options);
    const partial = this.partialIndex;
    return response.ok && partial ? { ...response, partial } : response;
  }

  /**
   * The key the entity `key` has now: its own while the corpus has it, else that of the corrected entity a rename or a
   * merge made it part of; undefined when it is ignored or gone.
   */
  entityKeyNow(key: string): string | undefined {
    if (this.entities.summary(key)) return key;
    const fate = this.corrections.fateOf(key);
    return typeof fate === 'object' && this.entities.summary(fate.entity.key) ? fate.entity.key : undefined;
  }

  /**
   * A key of the recogniser's own that the entity `key` takes in (itself when it is one), which stays while renames
   * and merges change the corrected key; `key` when it has none (an added name alone).
   */
  entityAnchor(key: string): string {
    if (this.engineEntities.summary(key)) return key;
    return this.corrections.entity(key)?.members.find((member) => this.engineEntities.summary(member) !== undefined) ?? key;
  }

  /** How many articles a query matches per day over every folder's index; `undefined` while nothing is searchable yet. */
  matchesPerDay(query: string): MatchesPerDay | undefined {
    const services = this.searchableServices();
    const corrections = this.searchCorrections();
    return services && mergeMatchesPerDay(services.map((service) => service.matchesPerDay(query, corrections)));
  }

  /** The user's corrections as the index applies them to entity filters; undefined when there are none. */
  private searchCorrections(): SearchCorrections | undefined {
    return this.corrections.isEmpty ? undefined : { corrections: this.corrections, pathOf: ARTICLE_PATHS.pathOf };
  }

  /** The entities of the indexed article at `path` (an index path), most mentioned first; none if it is not indexed. */
  entitiesOf(path: string): readonly EntityCount[] {
    for (const { service } of this.indexes.values()) {
      const found = this.corrected(service.index).entitiesOf(path);
      if (found.length > 0) return found;
    }
    return [];
  }

  /** The folders' indexes, or undefined while a first scan has made nothing searchable yet. */
  private searchableServices(): IndexService[] | undefined {
    const services = [...this.indexes.values()].map(({ service }) => service);
    return this.currentState === 'scanning' && services.every((service) => service.index.articleCount === 0 && !service.partialIndex) ? undefined : services;
  }

  /**
   * Applies the corrections of `facts` to every answer about entities from now on, and again each time they
   * change: a mapping over the indexes' entities, so nothing is indexed again; the views hear of it as a change of entities.
   */
  followCorrections(facts: Pick<FactsLookup, 'corrections' | 'subscribe'>): void {
    const apply = () => {
      const corrections = facts.corrections();
      if (corrections === this.corrections) return;
      this.corrections = corrections;
      this.entitiesDidChange(undefined, false);
    };
    this.stopFollowingCorrections?.();
    this.stopFollowingCorrections = facts.subscribe(apply);
    apply();
  }

  /** Scans all workspace folders, cancelling a scan under way; unchanged files come from the index's cache. */
  rescan(request: ScanRequest = {}): Promise<void> {
    this.scan?.abort();
    const controller = new AbortController();
    this.scan = controller;
    this.work = this.work
      .then(() => {
        // When this scan starts, not when it is asked for: the scan it replaced, failing meanwhile, took the notice.
        if (request.asked === true) this.failures.askedAgain(SCANNING);
        return this.runScan(controller.signal, request);
      })
      .then((notRead) => {
        if (notRead.length > 0) return this.settingsStopped(notRead);
        this.failures.succeeded(SCANNING);
        this.failures.succeeded(FOLLOWING_GIVEN_UP);
      }, (error: unknown) => this.scanFailed(error))
      .catch((error: unknown) => this.failed(SCANNING, error));
    return this.work;
  }

  /** Saves every index that changed since it was last saved, now rather than after the usual delay. */
  async saveNow(): Promise<void> {
    await this.work;
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.retiring;
    await Promise.all([...this.indexes.values()].map(({ service }) => service.save()));
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
    this.disposed = true;
    this.stopFollowingCorrections?.();
    this.scan?.abort();
    if (this.eventTimer !== undefined) clearTimeout(this.eventTimer);
    this.stopRetrying(true);
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.listing.reset();
    for (const { service } of this.indexes.values()) void service.dispose();
    this.stateChanged.dispose();
    this.entitiesChanged.dispose();
    this.engineEntitiesChanged.dispose();
    this.progressChanged.dispose();
  }

  /** An index's entities with the corrections applied (the index itself when there are none), kept until the entities change. */
  private corrected(index: IndexEntities): IndexEntities {
    if (this.corrections.isEmpty) return index;
    let corrected = this.correctedIndexes.get(index);
    if (!corrected) this.correctedIndexes.set(index, (corrected = new CorrectedIndexEntities(index, this.corrections, ARTICLE_PATHS)));
    return corrected;
  }

  /**
   * Takes the articles and skipped files of the folders `keys` (their URIs) out of the corpus and tells the views the
   * entities changed, at once: folders removed from the workspace, whose indexes are gone, and the folders a rebuild
   * reads again while others are kept as they are (their indexes start empty). The views would otherwise list their
   * articles until the scan ends.
   */
  private dropFolders(keys: readonly string[]): void {
    const prefixes = keys.map(folderPrefix);
    const removed = [...this.corpus.articles(), ...this.corpus.skipped()].filter((entry) => prefixes.some((prefix) => entry.id.startsWith(prefix))).map((entry) => entry.id);
    this.entitiesDidChange(undefined);
    if (removed.length > 0) this.changeCorpus(() => this.corpus.update({ removed }));
  }

  /** Forgets what was worked out from the entities (they changed, or only the corrections did: not `engine`) and tells the views. */
  private entitiesDidChange(types: EntityChange, engine = true): void {
    this.correctedIndexes = new WeakMap();
    if (engine) this.engineEntitiesChanged.fire();
    this.entitiesChanged.fire(types);
  }

  /**
   * Ends a failed scan: the corpus and the entities are listed again from the indexes as they are, so that the views
   * show no article or entity that the indexes (which searches read) no longer hold; the failure stays shown.
   */
  private async scanFailed(error: unknown): Promise<void> {
    // Without its full stop: the status bar and the views put it inside sentences of their own.
    this.scanFailureNow = reasonOf(error).replace(/\.$/, '');
    // What the failed build indexed and did not list yet would otherwise be listed by the listing's timer.
    this.stopListing();
    try {
      await this.relistFromIndexes();
    } finally {
      this.failed(SCANNING, error);
    }
  }

  /**
   * Ends a scan that left out the folders `notRead`, whose include or exclude setting is malformed: the failure is
   * recorded and told. Nothing is listed again: the scan listed what it read, and the folders left out are listed
   * as their indexes hold them (a relisting here was a second publish of the whole corpus, 0.5–1 s of this thread at
   * 100,000 articles, every view regrouped for nothing).
   */
  private settingsStopped(notRead: readonly SettingsStop[]): void {
    // Every folder left out, by name: "reading the articles failed" said nothing of the folders read, and named the first alone.
    const problem = foldersNotReadMessage(notRead);
    this.scanFailureNow = problem;
    this.settingsProblemNow = problem;
    this.settingsStopsNow = notRead;
    this.failures.failed(SCANNING, `News Corpus: ${problem}.`);
    this.setState(this.settledState());
  }

  /**
   * Ends a batch of file events that failed part-way (an indexing thread failed on one of its files): the steps
   * before the failure are in the index, an article re-read or removed, and the listing has none of them. Listed
   * again from the indexes, as after a failed scan, and saved as any change of the index is. The batch is noted
   * again whole, but for files with newer events, and tried after a delay (with any events noted meanwhile): its
   * steps that went through give the same again. After the last retry the user is told what is left out and how to
   * read it (a rescan).
   */
  private async fileEventsFailed(batch: FileEventBatch, error: unknown): Promise<void> {
    try {
      await this.relistFromIndexes();
      this.scheduleSave();
    } finally {
      if (!this.disposed) this.retryOrGiveUp(batch, reasonOf(error).replace(/\.$/, ''));
      this.setState(this.settledState());
    }
  }

  /** Tries a failed batch again after the next of the retry delays, or after the last tells the user what is left out. */
  private retryOrGiveUp(batch: FileEventBatch, reason: string): void {
    // A batch that failed before the last one's retry took that retry's events: its own retry replaces it.
    this.retryTimers.clearTimeout(this.retryTimer);
    const delay = (this.deps.retryDelaysMs ?? FOLLOWING_RETRY_DELAYS_MS)[this.failedBatches];
    const files = batch.changed.length + batch.deleted.length;
    if (delay === undefined) {
      this.failures.failed(FOLLOWING_GIVEN_UP, `News Corpus: ${FOLLOWING} failed ${countOf(this.failedBatches + 1, 'time')} in a row, so ${countOf(files, 'changed file')} may be missing from the corpus or out of date; run News Corpus: Rescan Workspace to read them again. The last failure: ${reason}.`);
      this.failedBatches = 0;
      this.unreadNow = { files, givenUp: true };
      return;
    }
    this.failedBatches++;
    this.unreadNow = { files, givenUp: false };
    this.noteAgain(batch);
    this.retryTimer = this.retryTimers.setTimeout(() => {
      this.retryTimer = undefined;
      this.scheduleEvents();
    }, delay);
    this.failures.failed(FOLLOWING, `News Corpus: ${FOLLOWING} failed: ${reason}. The changed files are tried again shortly.`);
  }

  /** Notes the events of a failed batch again, but for files with newer events. */
  private noteAgain({ deleted, changed }: FileEventBatch): void {
    const noted = (uri: vscode.Uri) => this.changedUris.has(uri.toString()) || this.deletedUris.has(uri.toString());
    for (const uri of changed) if (!noted(uri)) this.changedUris.set(uri.toString(), uri);
    for (const uri of deleted) if (!noted(uri)) this.deletedUris.set(uri.toString(), uri);
  }

  /**
   * Stops trying a failed batch again: a scan reads every file, and a batch that went through held the files noted
   * again. What a given-up batch left unread stays so until a scan (`scanning`) reads it.
   */
  private stopRetrying(scanning: boolean): void {
    if (this.retryTimer !== undefined) this.retryTimers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.failedBatches = 0;
    if (this.unreadNow === undefined || (this.unreadNow.givenUp && !scanning)) return;
    this.unreadNow = undefined;
    this.progressChanged.fire();
  }

  /**
   * Lists the corpus again from the indexes as they are, entities first, so that the views show every article the
   * indexes (which searches read) hold and no other. The skipped files stay, but for those indexed since: a file
   * listed as skipped is not listed as an article.
   */
  private async relistFromIndexes(): Promise<void> {
    await this.publish([...this.corpus.skipped()].filter(({ id }) => !this.isIndexed(vscode.Uri.parse(id))));
  }

  private isIndexed(uri: vscode.Uri): boolean {
    return this.indexFor(uri)?.index.stamp(indexPathOf(uri)) !== undefined;
  }

  /** Keeps the service usable after an unexpected failure: the user is told, the next scan starts afresh. */
  private failed(activity: string, error: unknown): void {
    this.failures.failed(activity, `News Corpus: ${activity} failed: ${reasonOf(error)}`);
    this.setState(this.settledState());
  }

  /**
   * Makes a change of the corpus, which its listeners (the views) hear at once. A listener that throws is reported
   * (told once until a change goes through), not passed on: the change is in the corpus all the same and the other
   * listeners heard it, so the scan, the listing at intervals or the file events go on. Passed on, it failed a
   * reopen's load, a build's end or a batch of file events, and from the listing's timer it was uncaught.
   */
  private changeCorpus(change: () => void): void {
    try {
      change();
      this.failures.succeeded(LISTING);
    } catch (error) {
      this.failures.failed(LISTING, `News Corpus: ${LISTING} failed: ${reasonOf(error)}`);
    }
  }

  /**
   * Saves the index of the folder `key` if it changed; a save that fails keeps the old cache and is reported. Told
   * once a folder: in a multi-root workspace, the other folders' saves succeeding between its failures told each.
   */
  private save(key: string, service: IndexService): Promise<void> {
    const kind = `${SAVING} of ${key}`;
    return service.save().then(
      () => this.failures.succeeded(kind),
      (error: unknown) => this.failures.failed(kind, `News Corpus: could not save the index: ${reasonOf(error)}`),
    );
  }

  private setState(state: CorpusState): void {
    if (state !== 'scanning') {
      this.indexingNow = undefined;
      this.phaseNow = undefined;
      this.savedDatesNow = undefined;
    }
    this.currentState = state;
    this.stateChanged.fire(state);
  }

  /** Keeps the saved index's dates the views count from, and tells them: rows counted from dates dropped must go. */
  private setSavedDates(dates: ReadonlyMap<string | undefined, number> | undefined): void {
    if (dates === this.savedDatesNow) return;
    this.savedDatesNow = dates;
    this.progressChanged.fire();
  }

  private setSavedListingDue(due: boolean): void {
    if (due === this.savedListingDueNow) return;
    this.savedListingDueNow = due;
    this.progressChanged.fire();
  }

  private setPhase(phase: ScanPhase | undefined): void {
    this.phaseNow = phase;
    this.progressChanged.fire();
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

  /**
   * The folder's index as file events may update it: none when a scan is to make it (a folder added, or the size
   * limit changed since its index was made: either queued a rescan).
   */
  private followedIndexOf(folder: vscode.WorkspaceFolder, settings: CorpusSettings): IndexService | undefined {
    const existing = this.indexes.get(folder.uri.toString());
    return existing?.maxFileBytes === settings.maxFileBytes ? existing.service : undefined;
  }

  /**
   * The folder's index, made anew when the size limit changed (the indexing threads are set up with it) or
   * `fresh` asks for it; a replaced index is saved first, so that its successor loads what it knew.
   */
  private indexOf(folder: vscode.WorkspaceFolder, settings: CorpusSettings, fresh: boolean): IndexService {
    const key = folder.uri.toString();
    const existing = this.indexes.get(key);
    if (existing && existing.maxFileBytes === settings.maxFileBytes && !fresh) return existing.service;
    if (existing) this.retire(key, existing.service, !fresh);
    const service = this.deps.createIndex(folder, settings);
    this.indexes.set(key, { service, maxFileBytes: settings.maxFileBytes });
    return service;
  }

  /** Saves (unless `keep` is false) and closes the index of the folder `key` that a new one replaces. */
  private retire(key: string, service: IndexService, keep: boolean): void {
    const saved = keep ? this.save(key, service) : Promise.resolve();
    this.retiring = this.retiring.then(() => saved).finally(() => service.dispose());
  }

  /** Scans the workspace folders; returns the folders left out because their settings are malformed. */
  private async runScan(signal: AbortSignal, request: ScanRequest): Promise<readonly SettingsStop[]> {
    if (this.disposed) return [];
    this.stopRetrying(true);
    this.scanFailureNow = undefined;
    this.settingsProblemNow = undefined;
    this.settingsStopsNow = [];
    this.setState('scanning');
    const folders = this.deps.folders();
    const gone = [...this.indexes.keys()].filter((key) => !folders.some((folder) => folder.uri.toString() === key));
    for (const key of gone) {
      void this.indexes.get(key)?.service.dispose();
      this.indexes.delete(key);
      this.oweRebuild(key, false);
    }
    if (gone.length > 0) this.dropFolders(gone);
    const rebuild = request.rebuild === true;
    // A malformed glob would list other files than meant (`**/{live`, none), and the sync would then take every other
    // article out of the index: that folder is not scanned, its index kept as it is (loaded, listed and searchable,
    // its saved index not dropped by a rebuild), and the scan ends with a message naming every folder left out and
    // its setting. Their settings may differ (the include and exclude settings are a folder's own): the
    // other folders are scanned, or rebuilt, as usual. A rebuild where no folder's settings can be read is not begun.
    const configured = folders.map((folder) => {
      const settings = this.deps.settings(folder);
      return { folder, settings, problem: malformedCorpusSetting(settings) };
    });
    const notRead = configured.flatMap(({ folder, problem }): SettingsStop[] => (problem === undefined ? [] : [{ folder, setting: problem }]));
    // The rebuild asked for is owed to the folders it leaves out: an ordinary rescan once corrected kept their index as it was.
    if (rebuild) for (const { folder } of notRead) this.oweRebuild(folder.uri.toString(), true);
    if (rebuild && notRead.length > 0 && notRead.length === configured.length) return notRead;
    const scans = configured.map(({ folder, settings, problem }): FolderScan => {
      const key = folder.uri.toString();
      const fresh = problem === undefined && (rebuild || this.rebuildsOwed.has(key));
      if (fresh) this.oweRebuild(key, false);
      return { folder, settings, index: this.indexOf(folder, settings, fresh), fresh, problem };
    });
    // The folders not scanned keep their articles and skipped files listed.
    const scanned = scans.filter(({ problem }) => problem === undefined);
    const kept = scans.filter(({ problem }) => problem !== undefined);
    // A rebuild starts from nothing, as a first opening does: the views fill in as files are read. The folders not
    // rebuilt stay listed.
    const rebuilt = scans.filter(({ fresh }) => fresh);
    if (rebuilt.length > 0 && rebuilt.length === scans.length) this.changeCorpus(() => this.corpus.reset([], []));
    else if (rebuilt.length > 0) this.dropFolders(rebuilt.map(({ folder }) => folder.uri.toString()));
    await withWindowProgress(async (progress) => {
      const started = performance.now();
      // The saved indexes first: the views and search come back before a single file is looked at.
      const loaded = await this.loadIndexes(scans, progress);
      this.setPhase('checking');
      if (loaded.listed) {
        // Listed already from the start of their caches: the loaded indexes add their entities, and answer what was
        // asked while they loaded (a search run meanwhile found nothing searchable: its listeners run it again).
        this.entitiesDidChange(undefined);
        this.changeCorpus(() => this.corpus.update({}));
      } else if (loaded.relist) await this.publish([...this.corpus.skipped()]);
      // First builds into an empty corpus list every article as they index it: their end lists only the rest.
      const listedAsBuilt = this.corpus.size === 0 && this.corpus.skippedCount === 0 && scans.every(({ index }) => index.index.articleCount === 0);
      const rest: CorpusArticle[] = [];
      const keptPrefixes = kept.map(({ folder }) => folderPrefix(folder.uri.toString()));
      const skipped: SkippedFile[] = [...this.corpus.skipped()].filter(({ id }) => keptPrefixes.some((prefix) => id.startsWith(prefix)));
      const keptArticles = kept.reduce((sum, { index }) => sum + index.index.articleCount, 0);
      const summary = { unchanged: 0, reread: 0, removed: 0 };
      for (const scan of scanned) {
        const { folder, index } = scan;
        // The status bar shows progress and draws `$(icon)` in it; a folder's name is anyone's text.
        const name = toDisplayText(folder.name);
        progress.report({ message: `looking for articles in ${name}…` });
        const prepared = await this.prepareFolder(scan, signal);
        skipped.push(...prepared.skipped);
        if (signal.aborted) return;
        // The files the listing thread read for the articles it listed ahead of the build count as read: from 0, the
        // status bar and the Dates view said "0 of … files read" beside the articles they listed. The indexing threads
        // read those files again, so their count takes over once it is the larger.
        const readAhead = this.listedAhead.filter((ahead) => ahead.index === index).length;
        // A first build counts its files from the moment the threads have them, not from their first batch (the model's load).
        if (index.index.articleCount === 0 && prepared.jobs.length > 0) {
          this.indexingNow = { done: readAhead, total: prepared.jobs.length };
          progress.end();
          this.setPhase('indexing');
        }
        const reports = new PacedUpdates(() => {
          // The status bar item and the views count the files from here on.
          progress.end();
          if (this.phaseNow !== 'indexing') this.setPhase('indexing');
          else this.progressChanged.fire();
        }, () => PROGRESS_INTERVAL_MS);
        const sync = await index
          .sync(prepared.jobs, {
            signal,
            onProgress: (done, total) => {
              this.indexingNow = { done: Math.max(done, readAhead), total };
              // The start of the count and its end are shown at once, the reports between at the pace of `reports`.
              if (this.phaseNow === 'indexing' && done < total) reports.request();
              else reports.runNow();
            },
            onArticles: (summaries) => this.list(summaries),
          })
          .finally(() => reports.reset());
        this.indexingNow = undefined;
        for (const article of this.stopListing()) rest.push(article);
        if (sync.cancelled) return;
        skipped.push(...sync.skipped.map(skippedOf));
        const { added, updated, removed, unchanged } = sync;
        summary.unchanged += unchanged;
        summary.reread += added + updated;
        summary.removed += removed;
      }
      // Saves only what changed (a rebuilt damaged cache included); an unchanged index is not written again.
      this.scheduleSave();
      // What the folders scanned went through: a scan that stopped before any (a malformed setting) leaves the last one's.
      if (scanned.length > 0) this.lastScanSummary = { ...summary, ms: performance.now() - started };
      // An unchanged corpus is not listed again: at 100,000 articles that regrouped every view for nothing.
      const changed = summary.reread + summary.removed > 0 || !sameSkipped(this.corpus.skipped(), skipped) || this.corpus.size !== summary.unchanged + keptArticles;
      if (changed && listedAsBuilt) this.listRest(rest, skipped);
      else if (changed) await this.publish(skipped);
    }).finally(() => {
      // Only this scan's end reads them: held on, they kept an index replaced or a folder removed since.
      this.listedAhead = [];
    });
    this.stopListing();
    if (signal.aborted) return [];
    if (notRead.length === 0) this.setState(this.settledState());
    return notRead;
  }

  /**
   * The indexing jobs of a folder's candidate files, and the files skipped. A folder on this disk is listed and
   * stat'ed with Node's fs (in a listing thread on a first build); others through `workspace.fs`, fetching only what the index lacks.
   */
  private async prepareFolder(scan: FolderScan, signal: AbortSignal): Promise<{ jobs: FileJob[]; skipped: SkippedFile[] }> {
    const { folder, settings, index } = scan;
    if (folder.uri.scheme === 'file') return this.prepareLocalFolder(scan, signal);
    this.setPhase(index.index.articleCount > 0 ? 'checking' : 'listing');
    const found = await findCandidates(folder.uri, new CandidateFilter(settings), signal);
    const unreadable = found.unreadable.map(unreadableFolderOf);
    // A rescan need not fetch remote files the index already has unchanged (events always re-read).
    const prepared = await prepareAll(found.candidates, settings.maxFileBytes, signal, (path) => index.index.stamp(path));
    return { jobs: prepared.jobs, skipped: [...unreadable, ...prepared.skipped] };
  }

  /**
   * Lists and stats a folder on this disk. When its index is empty (a first build), the listing runs in a thread of
   * its own, which also reads the first articles it finds (listed here at once), and the indexing threads start
   * meanwhile, to load the entity model.
   */
  private async prepareLocalFolder({ folder, settings, index }: FolderScan, signal: AbortSignal): Promise<{ jobs: FileJob[]; skipped: SkippedFile[] }> {
    const firstBuild = index.index.articleCount === 0;
    this.setPhase(firstBuild ? 'listing' : 'checking');
    let threadsStarted = !firstBuild;
    // Once the first articles are listed (or the listing is over): started with the listing thread, the indexing
    // threads' start and model loading took the cores from it, and the first articles came later.
    const startThreads = () => {
      if (threadsStarted) return;
      threadsStarted = true;
      index.startThreads();
    };
    // Listed before the build's own articles, which replace them.
    const onFirstArticles = (summaries: readonly ArticleSummary[]) => {
      if (signal.aborted) return;
      for (const { path } of summaries) this.listedAhead.push({ path, index });
      this.list(summaries);
      startThreads();
    };
    // A first opening shares the host's thread with the other extensions' start: its listing goes to a thread of its
    // own. A rescan finds the thread idle, where starting a thread cost more than it saved (plain Node, 20,000 files,
    // 12 rounds alternating at load 18–21: median 468 ms in the host's slices, 691 ms in a thread).
    const listed = firstBuild
      ? listInThread({ root: folder.uri.fsPath, ...listingGlobs(settings), maxFileBytes: settings.maxFileBytes }, { onFirstArticles, signal })
      : runInSlices(listFileSteps(folder.uri.fsPath, new CandidateFilter(settings), { signal }));
    const listing = await listed;
    startThreads();
    const skippedFile = (path: string, reason: SkippedFile['reason'], message: string): SkippedFile => {
      const uri = vscode.Uri.file(path);
      return { id: uri.toString(), path: displayPath(uri), reason, message };
    };
    const skipped = [
      ...listing.unreadableFolders.map(({ path, error }) => skippedFile(path, 'unreadable', unreadableFolderMessage(error))),
      ...listing.unreadableFiles.map(({ path, error }) => skippedFile(path, 'unreadable', describeSkip('unreadable', { error }))),
    ];
    const maxBytes = settings.maxFileBytes;
    const jobs: FileJob[] = [];
    for (const file of listing.files) {
      if (file.size !== undefined && file.size > maxBytes) skipped.push(skippedFile(file.path, 'too-large', describeSkip('too-large', { size: file.size, maxBytes })));
      else jobs.push(file);
    }
    return { jobs, skipped };
  }

  /**
   * Loads the saved index of each folder not loaded yet, after saving those replaced. In a window that lists
   * nothing yet (a reopen), each cache's articles are listed as soon as the start of the file is read, before the
   * rest is loaded: the Dates view comes back while the index is still loading. Says whether the corpus must be
   * listed again from the loaded indexes (any index loaded, or a listing shown from a cache that then proved
   * damaged: its articles must not stay listed through the rebuild), and whether every index loaded was listed so.
   */
  private async loadIndexes(scans: readonly FolderScan[], progress: vscode.Progress<{ message?: string }>): Promise<{ relist: boolean; listed: boolean }> {
    await this.retiring;
    const listEarly = this.corpus.size === 0 && this.corpus.skippedCount === 0;
    let loadedAny = false;
    let listedStale = false;
    let listedAll = listEarly;
    const loading = scans.filter(({ index }) => !index.isLoaded);
    for (const { folder, index, fresh } of loading) {
      // Before the phase: a view asking for its rows as the load starts is held.
      this.setSavedListingDue(listEarly);
      this.setPhase('loading');
      progress.report({ message: `opening the index of ${toDisplayText(folder.name)}…` });
      let listing: Promise<void> | undefined;
      const onListing = (summaries: Iterable<ArticleSummary>) => (listing = this.listSaved(summaries));
      // Once the last index answers searches, the files can be said to be checked behind it: its listing may still
      // be under way (search does not need it), and the check itself waits for the listing.
      const last = index === loading.at(-1)?.index;
      const onSearchable = () => {
        if (last) this.setPhase('checking');
      };
      let loaded: LoadOutcome;
      try {
        loaded = await index.load(listEarly ? { ignoreCache: fresh, onListing, onDates: (dates) => this.setSavedDates(dates), onSearchable } : { ignoreCache: fresh, onSearchable });
        await listing;
      } finally {
        // However the load ends: a failed one left the Dates view holding its requests until the next scan.
        this.setSavedDates(undefined);
        this.setSavedListingDue(false);
      }
      if (loaded.message !== undefined) this.deps.notify(`News Corpus: the saved index of ${folder.name} could not be used (${loaded.message}); it is rebuilt from the articles.`);
      loadedAny ||= loaded.source === 'cache';
      listedStale ||= listing !== undefined && loaded.source !== 'cache';
      listedAll &&= loaded.source !== 'cache' || listing !== undefined;
    }
    return { relist: loadedAny || listedStale, listed: loadedAny && listedAll && !listedStale };
  }

  /** Lists the articles of a saved index not loaded yet, in slices as {@link publish} does. */
  private async listSaved(summaries: Iterable<ArticleSummary>): Promise<void> {
    const articles = await runInSlices(articleSteps(summaries));
    this.changeCorpus(() => this.corpus.update({ articles }));
  }

  /**
   * Lists every folder's indexed articles and `skipped` as the corpus, entities first. The articles' entries are
   * made in slices: at 100,000 articles, making them at once (a URI and a display path each) was the reopening's
   * longest stall of the extension host (0.86 s).
   */
  private async publish(skipped: readonly SkippedFile[]): Promise<void> {
    const articles = await runInSlices(this.indexedArticleSteps());
    // Entities first: views that follow the corpus then read entities that are already up to date.
    this.entitiesDidChange(undefined);
    this.changeCorpus(() => this.corpus.reset(articles, skipped));
  }

  /**
   * Ends first builds that listed their articles as they indexed them (see {@link list}) as {@link publish} would,
   * without making every article's entry again (0.5–1 s of this thread at 100,000 articles) nor regrouping the
   * views: lists `rest` (indexed, not listed yet: see {@link list}) and `skipped`, and drops the articles listed ahead
   * of a build that it did not index, in one change (the new articles only, when that is all it is), entities first.
   */
  private listRest(rest: readonly CorpusArticle[], skipped: readonly SkippedFile[]): void {
    const removed = this.listedAhead.filter(({ path, index }) => index.index.stamp(path) === undefined).map(({ path }) => idOfIndexPath(path));
    this.entitiesDidChange(undefined);
    this.changeCorpus(() => this.corpus.update({ articles: rest, skipped, removed }));
  }

  /** The corpus's entries of every folder's indexed articles, as steps for `runInSlices`. */
  private *indexedArticleSteps(): Generator<void, CorpusArticle[]> {
    const articles: CorpusArticle[] = [];
    for (const { service } of this.indexes.values()) yield* articleSteps(service.index.summaries(), articles);
    return articles;
  }

  /**
   * Lists articles as they are indexed: the first at once, then at intervals (see {@link LISTING_INTERVAL_MS}); not
   * those listed the same already (ahead of a first build, by the listing thread): listed again, they made the
   * build's first listing a change of any article, which regrouped every view.
   */
  private list(summaries: readonly ArticleSummary[]): void {
    const shown = displayPaths();
    const before = this.unlisted.length;
    for (const summary of summaries) {
      const article = articleOf(summary, shown);
      if (!sameArticle(this.corpus.article(article.id), article)) this.unlisted.push(article);
    }
    if (this.unlisted.length > before) this.listing.request();
  }

  /** Ends the listing of a sync; returns what it indexed and did not list (the scan's end lists it). */
  private stopListing(): CorpusArticle[] {
    this.listing.reset();
    return this.unlisted.splice(0);
  }

  private scheduleEvents(): void {
    if (this.eventTimer !== undefined || this.disposed) return;
    this.eventTimer = setTimeout(() => {
      this.eventTimer = undefined;
      // The queue must never stay rejected: every later scan and batch is chained onto it.
      this.work = this.work.then(() => this.followFileEvents()).catch((error: unknown) => this.failed(FOLLOWING, error));
    }, FILE_EVENT_DELAY_MS);
  }

  /** Applies the file events noted so far as one batch; a batch that fails is tried again or given up (see {@link fileEventsFailed}). */
  private async followFileEvents(): Promise<void> {
    if (this.disposed) return;
    const batch: FileEventBatch = { deleted: [...this.deletedUris.values()], changed: [...this.changedUris.values()] };
    this.deletedUris.clear();
    this.changedUris.clear();
    const read = new Set<string>();
    try {
      await this.applyFileEvents(batch, read);
    } catch (error) {
      // What went through is in the index: the retry reads only the rest.
      await this.fileEventsFailed({ deleted: batch.deleted, changed: batch.changed.filter((uri) => !read.has(uri.toString())) }, error);
      return;
    }
    // A retry still pending would run an empty batch: this one held the files it noted again.
    this.stopRetrying(false);
    this.failures.succeeded(FOLLOWING);
    this.failures.succeeded(FOLLOWING_GIVEN_UP);
  }

  private scheduleSave(): void {
    if (this.disposed) return;
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      for (const [key, { service }] of this.indexes) void this.save(key, service);
    }, SAVE_DELAY_MS);
  }

  /**
   * Applies a batch of file events to the indexes and the listing. `read` gets the changed paths that are done with:
   * indexed, and nothing of theirs left to remove (the removals come last), for a retry of a batch that fails later.
   */
  private async applyFileEvents({ deleted, changed }: FileEventBatch, read: Set<string>): Promise<void> {
    const removed = new Set<string>();
    const articles: CorpusArticle[] = [];
    const skipped: SkippedFile[] = [];
    const touchedTypes = new Set<EntityType>();
    // The engine's types and the corrected ones: a retyped entity changes both groups.
    const noteTypes = (index: IndexService, path: string) => [...index.index.entitiesOf(path), ...this.corrected(index.index).entitiesOf(path)].forEach((entity) => touchedTypes.add(entity.type));
    for (const uri of deleted) {
      const prefix = `${uri.toString()}/`;
      for (const entry of [...this.corpus.articles(), ...this.corpus.skipped()]) {
        if (entry.id === uri.toString() || entry.id.startsWith(prefix)) removed.add(entry.id);
      }
    }
    for (const uri of changed) {
      const folder = this.folderOf(uri);
      if (!folder) continue;
      const settings = this.deps.settings(folder);
      // Which files the settings take is not known: the scan that stopped on them said so, and the one after their
      // correction reads these changes with the rest.
      if (malformedCorpusSetting(settings) !== undefined) continue;
      const index = this.followedIndexOf(folder, settings);
      // The rescan the change queued reads every file into a new index: updated now, that index, not loaded yet,
      // replaced the folder's, and searches saw the batch's articles alone until the rescan loaded it.
      if (!index) continue;
      const leftToRemove = removed.size + skipped.length;
      const candidates = await this.candidatesAt(folder, new CandidateFilter(settings), uri, removed, skipped);
      const prepared = await prepareAll(candidates, settings.maxFileBytes, NEVER_CANCELLED);
      skipped.push(...prepared.skipped);
      for (const job of prepared.jobs) {
        noteTypes(index, job.path);
        const outcome = await index.update(job);
        noteTypes(index, job.path);
        const summary = index.index.summary(job.path);
        if (summary) articles.push(articleOf(summary));
        else if (outcome.skipped.length > 0) skipped.push(...outcome.skipped.map(skippedOf));
        else removed.add(uriOfIndexPath(job.path).toString());
      }
      const preparedIds = new Set([...prepared.jobs.map((job) => uriOfIndexPath(job.path).toString()), ...prepared.skipped.map((file) => file.id)]);
      for (const candidate of candidates) {
        if (!preparedIds.has(candidate.uri.toString())) removed.add(candidate.uri.toString());
      }
      if (removed.size + skipped.length === leftToRemove) read.add(uri.toString());
    }
    // Whatever left the corpus or became a skipped file must leave the index too, or searches would still find it.
    for (const id of [...removed, ...skipped.map((file) => file.id)]) {
      const uri = vscode.Uri.parse(id);
      const index = this.indexFor(uri);
      if (!index) continue;
      noteTypes(index, indexPathOf(uri));
      await index.remove(indexPathOf(uri));
    }
    // An article without entities may still hold a name the corrections add: what was worked out is forgotten anyway.
    this.correctedIndexes = new WeakMap();
    if (touchedTypes.size > 0) this.entitiesDidChange(touchedTypes);
    this.changeCorpus(() => this.corpus.update({ articles, skipped, removed: [...removed] }));
    if (articles.length + skipped.length + removed.size > 0) this.scheduleSave();
    this.setState(this.settledState());
  }

  private indexFor(uri: vscode.Uri): IndexService | undefined {
    const folder = this.folderOf(uri);
    return folder ? this.indexes.get(folder.uri.toString())?.service : undefined;
  }

  /**
   * The candidates a created or changed path stands for: itself, or the files below a new folder, whose subfolders
   * that cannot be read go to `skipped`, as a scan lists them.
   */
  private async candidatesAt(folder: vscode.WorkspaceFolder, filter: CandidateFilter, uri: vscode.Uri, removed: Set<string>, skipped: SkippedFile[]): Promise<Candidate[]> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      removed.add(uri.toString());
      return [];
    }
    const relativePath = uri.path.slice(folder.uri.path.length).replace(/^\/+/, '');
    if (stat.type & vscode.FileType.Directory) {
      if (!filter.entersFolder(relativePath)) return [];
      const found = await findCandidates(folder.uri, filter, NEVER_CANCELLED, relativePath);
      skipped.push(...found.unreadable.map(unreadableFolderOf));
      return found.candidates;
    }
    if (filter.acceptsFile(relativePath)) return [{ uri }];
    // A file that stopped matching (e.g. renamed to .bak) leaves the corpus.
    removed.add(uri.toString());
    return [];
  }
}
