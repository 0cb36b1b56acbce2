import { SearchCorrections } from '../core/curation/corrected-search';
import { AnalyzedArticleMeta, AnalyzedBatch, SkippedArticle } from '../core/search/analyzed-batch';
import { dayString } from '../core/search/date-values';
import { ArticleSummary, CorpusIndex, SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { IndexIdentity, ReadIndexFile, decodeSavedSteps, textCheckSteps } from '../core/search/index-file';
import { SavedListing } from '../core/search/index-sections';
import { MatchesPerDay } from '../core/search/matches-per-day';
import { NO_PAIRS } from '../core/search/pair-counter';
import { WARMUP_SLICE_MS, warmUpSteps } from '../core/search/query-warmup';
import { DEFAULT_SLICE_MS, runInSlices, runUntil } from '../core/search/time-slices';
import { CacheLoadPhases, readCacheFile } from './cache-file';
import { writeCacheFile } from './cache-write';
import { ExtractorSpec, extractorId } from './entity-extractor';
import { modelIdRecordFile } from './model-id-record';
import { FileJob } from './protocol';
import { IndexWorkerPool } from './worker-pool';

/** Changed files up to this many are indexed straight into the live postings; more (or a first build) are merged by a compaction. */
const INCREMENTAL_LIMIT = 2000;
/** Indexing threads are stopped after this long without work (they hold the entity model). */
export const WORKER_IDLE_MS = 30_000;
/** Files compared with the index between two pauses of a sync (a few ms of work). */
const SYNC_STEP_FILES = 5000;
/**
 * A first build makes what it has indexed searchable each time it has this many times more articles than at
 * the last time (each step compacts everything so far, so the steps together cost a fraction of the last one).
 */
const PARTIAL_SEARCH_GROWTH = 4;
/** The first partial search index of a first build holds at least this many articles. */
const FIRST_PARTIAL_SEARCH_ARTICLES = 2000;

/**
 * How an {@link IndexService} is set up.
 *
 * @example
 * const options: IndexServiceOptions = { root: '/data/news', cacheFile: '/storage/index.ncidx', extractor: { kind: 'model', modelPath } };
 */
export interface IndexServiceOptions {
  /** What the cache is keyed by (the workspace folder); a cache for another root is stale. */
  readonly root: string;
  /** Where {@link IndexService.save} writes and {@link IndexService.open} reads; no cache without it. */
  readonly cacheFile?: string;
  /** The entity extractor, or how to find out which on first need. */
  readonly extractor: ExtractorSpec | (() => ExtractorSpec);
  /**
   * Told why the entity model cannot be loaded, when the index's identity is worked out (a reopen) or the indexing
   * threads find out (an unchecked model: see {@link ExtractorSpec}); possibly more than once.
   */
  readonly onModelProblem?: (problem: string) => void;
  readonly workers?: number;
  readonly workerPath?: string;
  /**
   * The cache's reading thread (`DEFAULT_CACHE_READER_PATH`), for a process whose thread others share (the extension
   * host); without it the cache is read on this thread.
   */
  readonly cacheReaderPath?: string;
  /**
   * Hears when each phase of a saved index's load ended, once it answers searches (only when the cache's thread read
   * it); without a listener the thread times nothing. For the stall probe of `npm run bench:vscode`.
   */
  readonly onLoadPhases?: (phases: CacheLoadPhases) => void;
  readonly maxFileBytes?: number;
  /** Articles a first build indexes before its first partial search index (default {@link FIRST_PARTIAL_SEARCH_ARTICLES}). */
  readonly partialSearchFrom?: number;
  /**
   * Whether the index warms the search's code once it is loaded or built, before the first search (see
   * {@link warmUpSteps}): for a process that searches it many times, as the extension host does, not for one query.
   */
  readonly warmUp?: boolean;
  /**
   * The warm-up's slices between turns of the event loop (default {@link WARMUP_SLICE_MS}); 0 yields after every query,
   * so that a test can search while the warm-up is under way, whatever the machine's speed.
   */
  readonly warmUpSliceMs?: number;
  /** Hears how the warm-up ended. */
  readonly onWarmUp?: (outcome: WarmUpOutcome) => void;
}

/**
 * How a warm-up ended: after all its queries, or stopped by a search, a change or the service's disposal; `ms` from
 * its start, `cpuMs` the process's CPU time meanwhile (its compiler and GC threads too), `longestStepMs` its longest
 * query (the longest the thread waited for it: a slice runs another query only within {@link WARMUP_SLICE_MS}).
 *
 * @example
 * const outcome: WarmUpOutcome = { queries: 48, stopped: false, ms: 1040, cpuMs: 700, longestStepMs: 80 };
 */
export interface WarmUpOutcome {
  /** The queries it ran (undefined when stopped). */
  readonly queries: number | undefined;
  readonly stopped: boolean;
  readonly ms: number;
  readonly cpuMs: number;
  readonly longestStepMs: number;
}

/**
 * Progress and cancellation of a long operation.
 *
 * @example
 * const run: RunOptions = { onProgress: (done, total) => report(done / total), signal: controller.signal };
 */
export interface RunOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** Hears the title and date of articles as they are indexed, before they are searchable (e.g. to list them at once). */
  readonly onArticles?: (articles: readonly ArticleSummary[]) => void;
  readonly signal?: AbortSignal;
}

/**
 * How {@link IndexService.load} loads: `ignoreCache` to start from nothing; `onListing` hears the saved articles'
 * titles and dates as soon as the start of the cache is read, before the rest is read, checked and loaded (only
 * when the cache is read in a thread of its own: see `IndexServiceOptions.cacheReaderPath`).
 *
 * @example
 * await service.load({ onListing: (articles) => list(articles) });
 */
export interface LoadOptions {
  readonly ignoreCache?: boolean;
  /**
   * Hears the articles as an iterable made as it is read, so that the listener makes them in its own slices; a
   * promise it returns is awaited before the load ends (the rest of the load is decoded on this thread meanwhile).
   */
  readonly onListing?: (articles: Iterable<ArticleSummary>) => void | Promise<void>;
  /**
   * Hears, before the listing, how many saved articles fall on each date (undefined: undated), from the cache's day
   * column alone: counted before the articles' paths and titles are inflated.
   */
  readonly onDates?: (dates: ReadonlyMap<string | undefined, number>) => void;
  /**
   * Hears that the saved index answers searches ({@link IndexService.search}), as soon as it is decoded: while
   * `onListing`'s listener may still be at work, since a search needs the index, not the listed articles.
   */
  readonly onSearchable?: () => void;
}

/**
 * What {@link IndexService.load} did: loaded the cache, or found none usable, and why.
 *
 * @example
 * const loaded: LoadOutcome = { source: 'cache', loadMs: 812 };
 */
export interface LoadOutcome {
  readonly source: 'cache' | 'none';
  /** Why the cache was not used (damaged, out of date), for the user; absent when there was simply none. */
  readonly message?: string;
  readonly loadMs: number;
}

/**
 * How much of a first build a search sees while the build is under way.
 *
 * @example
 * const partial: PartialIndex = { indexed: 8000, total: 100000 };
 */
export interface PartialIndex {
  readonly indexed: number;
  readonly total: number;
}

/** What a {@link IndexService.sync} changed. */
export interface SyncOutcome {
  readonly cancelled: boolean;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly skipped: readonly SkippedArticle[];
  readonly ms: number;
}

/** What {@link IndexService.open} did: loaded the cache (and synced), or built from scratch, and why. */
export interface OpenOutcome {
  readonly source: 'cache' | 'built';
  /** Why the cache was not used (damaged, out of date), for the user; absent when there was simply none. */
  readonly message?: string;
  readonly loadMs: number;
  readonly sync: SyncOutcome;
}

/** An article's summary, one object; `spell` writes its day as a date (a listing passes one that remembers its days). */
function summaryOf({ path, title, day }: Pick<AnalyzedArticleMeta, 'path' | 'title' | 'day'>, spell: (day: number) => string | undefined = dayString): ArticleSummary {
  const date = spell(day);
  return date === undefined ? { path, title } : { path, title, date };
}

/**
 * The articles of a saved listing, each made when read: 100,000 made at once were one long task on the host. A day's
 * date is spelled once for all its articles (100,000 fall on a few thousand days): spelling each and copying each
 * summary cost the reopen's host ~0.1 s of CPU at 100,000.
 */
function* listedSummaries(listing: SavedListing): Generator<ArticleSummary> {
  const dates = new Map<number, string | undefined>();
  const spell = (day: number): string | undefined => {
    if (!dates.has(day)) dates.set(day, dayString(day));
    return dates.get(day);
  };
  for (let doc = 0; doc < listing.paths.length; doc++) {
    yield summaryOf({ path: listing.paths[doc] ?? '', title: listing.titles[doc] ?? '', day: listing.day[doc] ?? 0 }, spell);
  }
}

/** How many articles fall on each of `days` (spelled as dates; undefined: undated). */
function datesOf(days: Int32Array): Map<string | undefined, number> {
  const perDay = new Map<number, number>();
  for (const day of days) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  const dates = new Map<string | undefined, number>();
  for (const [day, count] of perDay) {
    const date = dayString(day);
    dates.set(date, (dates.get(date) ?? 0) + count);
  }
  return dates;
}

/** `steps` with each step's time told to `onStep`. */
function* timedSteps<T>(steps: Generator<void, T>, onStep: (ms: number) => void): Generator<void, T> {
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    onStep(performance.now() - started);
    if (step.done) return step.value;
    yield;
  }
}

function sameStamp(file: FileJob, stamp: { size: number; mtimeMs: number } | undefined): boolean {
  return stamp !== undefined && file.size === stamp.size && file.mtimeMs === stamp.mtimeMs;
}

/**
 * The corpus index of one workspace folder, kept by the extension: opens from its cache, brings it
 * up to date with the files on disk using indexing threads, follows single-file changes, searches and saves.
 * Changes run one at a time in call order; searches run at once on the current state.
 * After {@link IndexService.dispose}, changes (`open`, `sync`, `update`, `remove`) are refused with an
 * error and start no thread; `search`, `save` and `index` keep working on the last state.
 *
 * @example
 * const service = new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' } });
 * await service.open(listArticleFiles(dir), { onProgress: (done, total) => console.log(done, total) });
 * service.search('person:Putin after:2023-09');
 * await service.save();
 */
export class IndexService {
  private current = new CorpusIndex();
  private poolMade: IndexWorkerPool | undefined;
  private extractorMade: ExtractorSpec | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private identityCache: IndexIdentity | undefined;
  private disposed = false;
  private loaded = false;
  /** Whether the index was loaded from the cache and what its load leaves for later is not queued yet. */
  private restOfLoad = false;
  /** Whether the index differs from its cache file: a save with nothing changed would rewrite hundreds of MB. */
  private unsaved = false;
  /** The warm-up, once per service: not queued yet, queued (or run), or stopped (by a search, a change, the disposal). */
  private warmUp: 'none' | 'queued' | 'stopped' = 'none';
  /** What a first build under way has made searchable so far, answering searches until the build is done. */
  private partial: { readonly index: CorpusIndex; readonly indexed: number; readonly total: number } | undefined;

  constructor(private readonly options: IndexServiceOptions) {}

  /** The index as it stands (replaced by a new object after a full build). */
  get index(): CorpusIndex {
    return this.current;
  }

  /** Where the index is saved, if anywhere. */
  get cacheFile(): string | undefined {
    return this.options.cacheFile;
  }

  /** Whether {@link load} or {@link open} has run: the index holds what the cache had, or what a build found. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** How much a first build under way has made searchable, or undefined when searches see the whole index. */
  get partialIndex(): PartialIndex | undefined {
    return this.partial && { indexed: this.partial.indexed, total: this.partial.total };
  }

  /** Runs a query on the current index (during a first build, on what it has made searchable); never throws on a bad query. */
  search(query: string, options?: SearchOptions): SearchResponse {
    this.warmUp = 'stopped';
    return (this.partial?.index ?? this.current).search(query, options);
  }

  /** Counts a query's matching articles per day on the current index (during a first build, on what it has made searchable). */
  matchesPerDay(query: string, corrections?: SearchCorrections): MatchesPerDay {
    this.warmUp = 'stopped';
    return (this.partial?.index ?? this.current).matchesPerDay(query, corrections);
  }

  /**
   * Loads the cache if there is a usable one, so that the index answers before any file is looked at; a
   * damaged or out-of-date cache gives a message saying why. {@link sync} then brings it up to date. What the
   * load leaves for later (the entity table and fields) is decoded after that first sync, in the background, or
   * at once when something asks for it first: the views and the check of the files come first.
   */
  load(run: LoadOptions = {}): Promise<LoadOutcome> {
    return this.enqueueChange(() => this.loadNow(run));
  }

  /**
   * Loads the cache if there is a usable one, then syncs it with `files` (re-reading only new and
   * changed files); a missing, damaged or out-of-date cache means a full build, with a message saying why.
   */
  async open(files: readonly FileJob[], run: RunOptions & { readonly ignoreCache?: boolean } = {}): Promise<OpenOutcome> {
    const loaded = await this.load(run);
    const sync = await this.sync(files, run);
    const source = loaded.source === 'cache' ? 'cache' : 'built';
    const outcome = { source, loadMs: loaded.loadMs, sync } as const;
    return loaded.message === undefined ? outcome : { ...outcome, message: loaded.message };
  }

  /** Brings the index in line with `files`: adds new ones, re-reads changed ones (by size and mtime), drops missing ones. */
  async sync(files: readonly FileJob[], run: RunOptions = {}): Promise<SyncOutcome> {
    const outcome = await this.enqueueChange(() => this.syncNow(files, run));
    if (this.restOfLoad) this.prepareLater();
    return outcome;
  }

  /** Re-indexes one created or changed file (read from disk, or from `file.text`). */
  update(file: FileJob): Promise<SyncOutcome> {
    return this.enqueueChange(() => {
      this.unsaved = true;
      return this.analyzeInto([file], false, {}, 0);
    });
  }

  /** Drops a deleted file from the index; returns whether it was indexed. */
  remove(filePath: string): Promise<boolean> {
    return this.enqueueChange(async () => {
      const removed = this.current.remove(filePath);
      this.unsaved ||= removed;
      await this.compactIfDue();
      return removed;
    });
  }

  /**
   * Writes the index to the cache file (atomically and durably: see {@link writeCacheFile}), unless it is the one
   * the cache file already holds. Resolves to whether it wrote; a failed write keeps the old cache and rejects.
   */
  save(): Promise<boolean> {
    return this.enqueue(async () => {
      const file = this.options.cacheFile;
      if (file === undefined || !this.unsaved) return false;
      // A build already ends with a compaction: compacting again would redo ~1 s of work at 100,000 articles.
      if (!this.current.isCompact) await this.current.compact();
      await writeCacheFile(file, this.current.parts(), this.identity());
      this.unsaved = false;
      return true;
    });
  }

  /**
   * Starts the indexing threads ahead of a build, so that they load the entity model while the caller lists the
   * files. The caller syncs next: that build, even of no file, stops them after {@link WORKER_IDLE_MS} idle (an
   * idle stop set here could end them before a listing of 100,000 files under load is over).
   */
  startThreads(): void {
    if (!this.disposed) this.pool.start();
  }

  /** Stops the indexing threads once the changes already asked for are done; later changes are refused. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.warmUp = 'stopped';
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.queue.catch(() => undefined);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.poolMade?.dispose();
  }

  private async loadNow(run: LoadOptions): Promise<LoadOutcome> {
    const started = performance.now();
    const loaded = run.ignoreCache ? { ok: false } : await this.loadCache(run);
    this.loaded = true;
    this.restOfLoad = loaded.ok;
    // Ignoring the cache means replacing it, even with an empty index.
    this.unsaved ||= run.ignoreCache === true;
    const outcome = { source: loaded.ok ? 'cache' : 'none', loadMs: performance.now() - started } as const;
    return loaded.message === undefined ? outcome : { ...outcome, message: loaded.message };
  }

  /**
   * Queues the rest of a load (the entity table and fields, which the load leaves for later) and the term tree,
   * entity figures and the large entities' timelines and companions, which a query, an entity list or a hover card
   * would otherwise make at once (after a sync: the companions it left). Failing would only leave them
   * to be built on first use: nothing to report. The index keeps using the file's buffer: its text, coded token
   * ids and postings are most of it, and are kept as the file holds them.
   */
  private prepareLater(): void {
    this.restOfLoad = false;
    void this.enqueue(() => this.current.prepare()).catch(() => undefined);
    if (this.options.warmUp && this.warmUp === 'none') {
      this.warmUp = 'queued';
      // Failing would only leave the code cold for the first searches: nothing to report.
      void this.enqueue(() => this.warmUpNow()).catch(() => undefined);
    }
  }

  /**
   * Runs the warm-up's queries in slices of {@link WARMUP_SLICE_MS}, unless the user has searched already (the code
   * is then warming on their queries); it stops at the next slice when a search, a change or the disposal comes.
   */
  private async warmUpNow(): Promise<void> {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let longestStepMs = 0;
    const steps = timedSteps(warmUpSteps(this.current), (ms) => (longestStepMs = Math.max(longestStepMs, ms)));
    const queries = await runUntil(steps, () => this.warmUp === 'stopped', this.options.warmUpSliceMs ?? WARMUP_SLICE_MS);
    const { user, system } = process.cpuUsage(cpu);
    this.options.onWarmUp?.({ queries, stopped: queries === undefined, ms: performance.now() - started, cpuMs: (user + system) / 1000, longestStepMs });
  }

  private identity(): IndexIdentity {
    const { root, cacheFile, onModelProblem } = this.options;
    this.identityCache ??= { root, extractor: extractorId(this.extractor(), onModelProblem, cacheFile === undefined ? undefined : { file: modelIdRecordFile(cacheFile) }) };
    return this.identityCache;
  }

  private extractor(): ExtractorSpec {
    const { extractor } = this.options;
    this.extractorMade ??= typeof extractor === 'function' ? extractor() : extractor;
    return this.extractorMade;
  }

  /** The indexing threads, set up on first use; they load the entity model themselves. */
  private get pool(): IndexWorkerPool {
    const { workers, workerPath, maxFileBytes, onModelProblem } = this.options;
    this.poolMade ??= new IndexWorkerPool({
      extractor: this.extractor(),
      ...(onModelProblem === undefined ? {} : { onModelProblem }),
      ...(workers === undefined ? {} : { workers }),
      ...(workerPath === undefined ? {} : { workerPath }),
      ...(maxFileBytes === undefined ? {} : { maxFileBytes }),
    });
    return this.poolMade;
  }

  private async loadCache({ onListing, onDates, onSearchable }: LoadOptions): Promise<{ ok: boolean; message?: string }> {
    const file = this.options.cacheFile;
    if (file === undefined) return { ok: false };
    // Read, checked and inflated (off this thread, given a reader: see readCacheFile, which lists the articles
    // first); what lists the articles and answers a search is built here now, the entity table later (see prepareLater).
    // Caught as soon as it is made: the decode runs before it is awaited, and the listener says whether it failed.
    let listing: Promise<void> | undefined;
    const listed = onListing && ((saved: SavedListing) => (listing = Promise.resolve(onListing(listedSummaries(saved))).catch(() => undefined)));
    const counted = onDates && ((days: Int32Array) => onDates(datesOf(days)));
    const { onLoadPhases } = this.options;
    const cache = await readCacheFile(file, () => this.identity(), this.options.cacheReaderPath, { onListing: listed, onDays: counted, timed: onLoadPhases !== undefined });
    // Decoded while the listener makes the listed articles, not after: search waited for the listing and the views'
    // work on it (0.27–0.49 s in the workbench at 100,000), and the Dates view's first rows come from the days
    // before either. The load ends once the listener has, as before.
    const loaded = cache.found ? await this.decodeCache(cache.read, onSearchable) : { ok: false };
    const searchableAt = Date.now();
    // The text section's checksum, left for after the first search can be answered (see readCacheFile), alongside the listing.
    const check = loaded.ok && cache.found && cache.read.ok ? cache.read.textCheck : undefined;
    const checked = check && runInSlices(textCheckSteps(check)).then((damaged) => ({ damaged, at: Date.now() }));
    await listing;
    const { damaged, at } = (await checked) ?? { damaged: undefined, at: searchableAt };
    if (loaded.ok && cache.found && cache.timed) onLoadPhases?.({ ...cache.timed, searchableAt, textCheckedAt: at });
    if (!damaged) return loaded;
    // It may have answered searches meanwhile: from now on they see an empty index, until the rebuild fills it.
    this.current = new CorpusIndex();
    this.unsaved = true;
    return { ok: false, message: damaged.problem.message };
  }

  /** Makes the index of a read cache searchable, or says why it cannot be used; `onSearchable` hears it at once. */
  private async decodeCache(read: ReadIndexFile, onSearchable?: () => void): Promise<{ ok: boolean; message?: string }> {
    const decoded = read.ok ? await runInSlices(decodeSavedSteps(read, { staged: true })) : read;
    // A damaged or stale cache is rewritten even if the folder turns out to be empty.
    if (!decoded.ok) {
      this.unsaved = true;
      return { ok: false, message: decoded.problem.message };
    }
    this.current = new CorpusIndex(decoded.parts);
    onSearchable?.();
    return { ok: true };
  }

  private async syncNow(files: readonly FileJob[], run: RunOptions): Promise<SyncOutcome> {
    const started = performance.now();
    const { changed, removed } = await runInSlices(this.compareSteps(files));
    const bulk = changed.length > INCREMENTAL_LIMIT || this.current.articleCount === 0;
    const outcome = await this.analyzeInto(changed, bulk, run, files.length - changed.length);
    if (removed > 0 || outcome.added + outcome.updated > 0) this.unsaved = true;
    return { ...outcome, removed, ms: performance.now() - started };
  }

  /**
   * Finds the files to (re-)read and drops indexed ones that are gone, pausing every {@link SYNC_STEP_FILES}
   * files: at 100,000 files, doing it at once was one task of up to ~40 ms before indexing even began. When every
   * indexed article is among `files` (an unchanged rescan), nothing can be gone and the indexed paths are not walked.
   */
  private *compareSteps(files: readonly FileJob[]): Generator<void, { changed: FileJob[]; removed: number }> {
    const changed: FileJob[] = [];
    let indexedListed = 0;
    // Plain loops over chunks, pausing only between them: a generator step per file would cost more than the comparison.
    for (let from = 0; from < files.length; from += SYNC_STEP_FILES) {
      indexedListed += this.compareChunk(files, from, Math.min(files.length, from + SYNC_STEP_FILES), changed);
      yield;
    }
    // A listing names each file once, so as many indexed files listed as there are articles means all of them.
    if (indexedListed === this.current.articleCount) return { changed, removed: 0 };
    const wanted = new Set(files.map((file) => file.path));
    yield;
    const indexed = [...this.current.paths()];
    let removed = 0;
    for (let from = 0; from < indexed.length; from += SYNC_STEP_FILES) {
      removed += this.removeChunk(indexed, from, Math.min(indexed.length, from + SYNC_STEP_FILES), wanted);
      yield;
    }
    return { changed, removed };
  }

  /** Adds the files of `files[from, to)` that are new or changed to `changed`; returns how many of them are indexed. */
  private compareChunk(files: readonly FileJob[], from: number, to: number, changed: FileJob[]): number {
    let indexed = 0;
    for (let i = from; i < to; i++) {
      const file = files[i];
      if (file === undefined) continue;
      const stamp = this.current.stamp(file.path);
      if (stamp !== undefined) indexed++;
      if (!sameStamp(file, stamp)) changed.push(file);
    }
    return indexed;
  }

  private removeChunk(indexed: readonly string[], from: number, to: number, wanted: ReadonlySet<string>): number {
    let removed = 0;
    for (let i = from; i < to; i++) {
      const gone = indexed[i];
      if (gone !== undefined && !wanted.has(gone) && this.current.remove(gone)) removed++;
    }
    return removed;
  }

  private async analyzeInto(files: readonly FileJob[], bulk: boolean, run: RunOptions, unchanged: number): Promise<SyncOutcome> {
    const started = performance.now();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    // A bulk run fills a fresh index when nothing is indexed yet, so the old one keeps answering searches meanwhile.
    const fresh = bulk && this.current.articleCount === 0;
    const target = fresh ? new CorpusIndex() : this.current;
    const firstAt = this.options.partialSearchFrom ?? FIRST_PARTIAL_SEARCH_ARTICLES;
    const searchable = fresh ? new PartialSearch(target, files.length, firstAt, (partial) => (this.partial = partial)) : undefined;
    let added = 0;
    let updated = 0;
    const skipped: SkippedArticle[] = [];
    let outcome: 'done' | 'cancelled';
    const take = (batch: AnalyzedBatch): void => {
      for (const article of batch.articles) {
        if (target.stamp(article.path)) updated++;
        else added++;
      }
      for (const file of batch.skipped) target.remove(file.path);
      skipped.push(...batch.skipped);
      target.addBatch(batch, { defer: bulk });
      run.onArticles?.(batch.articles.map((article) => summaryOf(article)));
    };
    try {
      outcome = await this.pool.analyze(files, {
        onBatch: (batch) => (searchable ? searchable.offer(batch, take) : take(batch)),
        ...(run.onProgress ? { onProgress: run.onProgress } : {}),
        ...(run.signal ? { signal: run.signal } : {}),
      });
      await searchable?.settled(take);
    } finally {
      // Also after a failure: the threads hold the entity model and must not outlive their use.
      this.scheduleIdleStop();
      this.partial = undefined;
    }
    if (outcome === 'cancelled') {
      // Deferred articles are not searchable until compaction: a cancelled bulk run must not leave them half-in.
      if (bulk && target !== this.current) return { cancelled: true, added: 0, updated: 0, removed: 0, unchanged, skipped, ms: performance.now() - started };
    }
    // A first build's postings so far served only its partial searches, which have ended: dropped before the last compaction allocates.
    if (bulk) await target.compact(DEFAULT_SLICE_MS, { releasePostings: fresh });
    else await this.compactIfDue(target);
    // Nothing indexed: the index was prepared after its build, or is after its load (see prepareLater). The large
    // entities' companions are counted after the sync has answered, queued: a first build or a compaction counts them
    // all again (~1 s at 100,000 articles), which a complete index need not wait for; a hover card meanwhile counts its own.
    const changed = bulk || added + updated > 0;
    if (changed) await target.prepare(DEFAULT_SLICE_MS, { companions: false });
    this.current = target;
    if (changed) this.prepareLater();
    return { cancelled: outcome === 'cancelled', added, updated, removed: 0, unchanged, skipped, ms: performance.now() - started };
  }

  private async compactIfDue(index = this.current): Promise<void> {
    if (index.needsCompaction) await index.compact();
  }

  private scheduleIdleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.disposed) return;
    this.idleTimer = setTimeout(() => void this.poolMade?.dispose(), WORKER_IDLE_MS);
    this.idleTimer.unref();
  }

  /** Queues a change of the index; refused once disposed, so that nothing starts threads again. */
  private enqueueChange<T>(operation: () => Promise<T>): Promise<T> {
    // A change queued behind a warm-up ends it: the change comes first.
    if (this.warmUp === 'queued') this.warmUp = 'stopped';
    if (this.disposed) return Promise.reject(new Error(`News Corpus: the index of ${this.options.root} has been closed; it cannot be changed any more.`));
    return this.enqueue(operation);
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/**
 * Makes a first build searchable while it runs: each time the index under construction has grown
 * {@link PARTIAL_SEARCH_GROWTH} times, it is compacted (in slices) and published as the partial index.
 * Batches that arrive during a compaction wait, since a compacting index cannot take them.
 */
class PartialSearch {
  private compaction: Promise<void> | undefined;
  private readonly waiting: AnalyzedBatch[] = [];

  constructor(
    private readonly target: CorpusIndex,
    private readonly total: number,
    private nextAt: number,
    private readonly publish: (partial: { readonly index: CorpusIndex; readonly indexed: number; readonly total: number }) => void,
  ) {}

  /** Hands `batch` to `take` now, or after the compaction under way. */
  offer(batch: AnalyzedBatch, take: (batch: AnalyzedBatch) => void): void {
    if (this.compaction) {
      this.waiting.push(batch);
      return;
    }
    take(batch);
    // The last batches need no partial index: the build's own compaction follows at once.
    if (this.target.articleCount < this.nextAt || this.target.articleCount * 2 > this.total) return;
    this.nextAt = this.target.articleCount * PARTIAL_SEARCH_GROWTH;
    // No stored pair answers: the build's last compaction makes them for every article.
    this.compaction = this.target.compact(DEFAULT_SLICE_MS, { pairRule: NO_PAIRS }).then(() => {
      // Articles taken after this stay deferred, unsearchable, until the next compaction.
      this.publish({ index: this.target, indexed: this.target.articleCount, total: this.total });
      this.compaction = undefined;
      for (const waiting of this.waiting.splice(0)) take(waiting);
    });
    // A failure is reported by settled(), which the build awaits; until then it must not count as unhandled.
    this.compaction.catch(() => undefined);
  }

  /** Resolves once no compaction runs and every batch offered has been taken. */
  async settled(take: (batch: AnalyzedBatch) => void): Promise<void> {
    await this.compaction;
    for (const waiting of this.waiting.splice(0)) take(waiting);
  }
}
