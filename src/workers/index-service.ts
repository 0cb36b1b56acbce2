import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { SkippedArticle } from '../core/search/analyzed-batch';
import { CorpusIndex, SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { IndexIdentity, decodeIndexSteps, encodeIndexSteps } from '../core/search/index-file';
import { runInSlices } from '../core/search/time-slices';
import { ExtractorSpec, extractorId } from './entity-extractor';
import { FileJob } from './protocol';
import { IndexWorkerPool } from './worker-pool';

/** Changed files up to this many are indexed straight into the live postings; more (or a first build) are merged by a compaction. */
const INCREMENTAL_LIMIT = 2000;
/** Indexing threads are stopped after this long without work (they hold the entity model). */
export const WORKER_IDLE_MS = 30_000;
/** Files compared with the index between two pauses of a sync (a few ms of work). */
const SYNC_STEP_FILES = 5000;
/** Random bytes in a temporary file's name: two services in one process may save the same cache at once. */
const TEMPORARY_NAME_BYTES = 6;

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
  readonly extractor: ExtractorSpec;
  readonly workers?: number;
  readonly workerPath?: string;
  readonly maxFileBytes?: number;
}

/**
 * Progress and cancellation of a long operation.
 *
 * @example
 * const run: RunOptions = { onProgress: (done, total) => report(done / total), signal: controller.signal };
 */
export interface RunOptions {
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
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
  private readonly pool: IndexWorkerPool;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private identityCache: IndexIdentity | undefined;
  private disposed = false;

  constructor(private readonly options: IndexServiceOptions) {
    const poolOptions = { extractor: options.extractor, ...(options.workers === undefined ? {} : { workers: options.workers }) };
    this.pool = new IndexWorkerPool({
      ...poolOptions,
      ...(options.workerPath === undefined ? {} : { workerPath: options.workerPath }),
      ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    });
  }

  /** The index as it stands (replaced by a new object after a full build). */
  get index(): CorpusIndex {
    return this.current;
  }

  /** Runs a query on the current index; never throws on a bad query. */
  search(query: string, options?: SearchOptions): SearchResponse {
    return this.current.search(query, options);
  }

  /**
   * Loads the cache if there is a usable one, then syncs it with `files` (re-reading only new and
   * changed files); a missing, damaged or out-of-date cache means a full build, with a message saying why.
   */
  open(files: readonly FileJob[], run: RunOptions & { readonly ignoreCache?: boolean } = {}): Promise<OpenOutcome> {
    return this.enqueueChange(async () => {
      const started = performance.now();
      const loaded = run.ignoreCache ? { ok: false } : await this.loadCache();
      const loadMs = performance.now() - started;
      const sync = await this.syncNow(files, run);
      // Queued behind this open, so the index answers first and the file's buffer is freed soon after.
      // Failing would only keep the buffer: the index works the same, so there is nothing to report.
      if (loaded.ok) void this.enqueue(() => this.current.releaseLoadedFile()).catch(() => undefined);
      const source = loaded.ok ? 'cache' : 'built';
      return loaded.message === undefined ? { source, loadMs, sync } : { source, message: loaded.message, loadMs, sync };
    });
  }

  /** Brings the index in line with `files`: adds new ones, re-reads changed ones (by size and mtime), drops missing ones. */
  sync(files: readonly FileJob[], run: RunOptions = {}): Promise<SyncOutcome> {
    return this.enqueueChange(() => this.syncNow(files, run));
  }

  /** Re-indexes one created or changed file (read from disk, or from `file.text`). */
  update(file: FileJob): Promise<SyncOutcome> {
    return this.enqueueChange(() => this.analyzeInto([file], false, {}, 0));
  }

  /** Drops a deleted file from the index; returns whether it was indexed. */
  remove(filePath: string): Promise<boolean> {
    return this.enqueueChange(async () => {
      const removed = this.current.remove(filePath);
      await this.compactIfDue();
      return removed;
    });
  }

  /** Writes the index to the cache file (atomically: a temporary file renamed over the old one). */
  save(): Promise<void> {
    return this.enqueue(async () => {
      const file = this.options.cacheFile;
      if (file === undefined) return;
      // A build already ends with a compaction: compacting again would redo ~1 s of work at 100,000 articles.
      if (!this.current.isCompact) await this.current.compact();
      const chunks = await runInSlices(encodeIndexSteps(this.current.parts(), this.identity()));
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${randomBytes(TEMPORARY_NAME_BYTES).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, chunks);
        await rename(temporary, file);
      } catch (error) {
        // A half-written temporary file would otherwise stay next to the cache for good.
        await rm(temporary, { force: true });
        throw error;
      }
    });
  }

  /** Stops the indexing threads once the changes already asked for are done; later changes are refused. */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.queue.catch(() => undefined);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.pool.dispose();
  }

  private identity(): IndexIdentity {
    this.identityCache ??= { root: this.options.root, extractor: extractorId(this.options.extractor) };
    return this.identityCache;
  }

  private async loadCache(): Promise<{ ok: boolean; message?: string }> {
    const file = this.options.cacheFile;
    if (file === undefined) return { ok: false };
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return { ok: false };
    }
    const decoded = await runInSlices(decodeIndexSteps(bytes, this.identity()));
    if (!decoded.ok) return { ok: false, message: decoded.problem.message };
    this.current = new CorpusIndex(decoded.parts);
    await this.current.prepare();
    return { ok: true };
  }

  private async syncNow(files: readonly FileJob[], run: RunOptions): Promise<SyncOutcome> {
    const started = performance.now();
    const { changed, removed } = await runInSlices(this.compareSteps(files));
    const bulk = changed.length > INCREMENTAL_LIMIT || this.current.articleCount === 0;
    const outcome = await this.analyzeInto(changed, bulk, run, files.length - changed.length);
    return { ...outcome, removed, ms: performance.now() - started };
  }

  /**
   * Finds the files to (re-)read and drops indexed ones that are gone, pausing every {@link SYNC_STEP_FILES}
   * files: at 100,000 files, doing it at once was one task of up to ~40 ms before indexing even began.
   */
  private *compareSteps(files: readonly FileJob[]): Generator<void, { changed: FileJob[]; removed: number }> {
    const wanted = new Set<string>();
    const changed: FileJob[] = [];
    // Plain loops over chunks, pausing only between them: a generator step per file would cost more than the comparison.
    for (let from = 0; from < files.length; from += SYNC_STEP_FILES) {
      this.compareChunk(files, from, Math.min(files.length, from + SYNC_STEP_FILES), wanted, changed);
      yield;
    }
    const indexed = [...this.current.paths()];
    let removed = 0;
    for (let from = 0; from < indexed.length; from += SYNC_STEP_FILES) {
      removed += this.removeChunk(indexed, from, Math.min(indexed.length, from + SYNC_STEP_FILES), wanted);
      yield;
    }
    return { changed, removed };
  }

  private compareChunk(files: readonly FileJob[], from: number, to: number, wanted: Set<string>, changed: FileJob[]): void {
    for (let i = from; i < to; i++) {
      const file = files[i];
      if (file === undefined) continue;
      wanted.add(file.path);
      if (!sameStamp(file, this.current.stamp(file.path))) changed.push(file);
    }
  }

  private removeChunk(indexed: readonly string[], from: number, to: number, wanted: Set<string>): number {
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
    const target = bulk && this.current.articleCount === 0 ? new CorpusIndex() : this.current;
    let added = 0;
    let updated = 0;
    const skipped: SkippedArticle[] = [];
    let outcome: 'done' | 'cancelled';
    try {
      outcome = await this.pool.analyze(files, {
        onBatch: (batch) => {
          for (const article of batch.articles) {
            if (target.stamp(article.path)) updated++;
            else added++;
          }
          for (const file of batch.skipped) target.remove(file.path);
          skipped.push(...batch.skipped);
          target.addBatch(batch, { defer: bulk });
        },
        ...(run.onProgress ? { onProgress: run.onProgress } : {}),
        ...(run.signal ? { signal: run.signal } : {}),
      });
    } finally {
      // Also after a failure: the threads hold the entity model and must not outlive their use.
      this.scheduleIdleStop();
    }
    if (outcome === 'cancelled') {
      // Deferred articles are not searchable until compaction: a cancelled bulk run must not leave them half-in.
      if (bulk && target !== this.current) return { cancelled: true, added: 0, updated: 0, removed: 0, unchanged, skipped, ms: performance.now() - started };
    }
    if (bulk) await target.compact();
    else await this.compactIfDue(target);
    await target.prepare();
    this.current = target;
    return { cancelled: outcome === 'cancelled', added, updated, removed: 0, unchanged, skipped, ms: performance.now() - started };
  }

  private async compactIfDue(index = this.current): Promise<void> {
    if (index.needsCompaction) await index.compact();
  }

  private scheduleIdleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.disposed) return;
    this.idleTimer = setTimeout(() => void this.pool.dispose(), WORKER_IDLE_MS);
    this.idleTimer.unref();
  }

  /** Queues a change of the index; refused once disposed, so that nothing starts threads again. */
  private enqueueChange<T>(operation: () => Promise<T>): Promise<T> {
    if (this.disposed) return Promise.reject(new Error(`News Corpus: the index of ${this.options.root} has been closed; it cannot be changed any more.`));
    return this.enqueue(operation);
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
