import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_FILE_BYTES } from '../core/article-file';
import { reasonOf } from '../core/messages';
import { AnalyzedBatch } from '../core/search/analyzed-batch';
import { batchPieces } from './batch-pieces';
import { ExtractorSpec } from './entity-extractor';
import { FileJob, ModelProblem, WorkerReply, WorkerRequest, WorkerSetup } from './protocol';
import { STOP_GRACE_MS, stopThread } from './stop-thread';

/** Files per request: big enough to amortise messaging, small enough that merging one batch takes a few ms. */
export const DEFAULT_BATCH_FILES = 200;
/**
 * Articles merged in one event-loop turn: a whole batch of 200 took up to 25–38 ms to merge at 100,000 articles
 * (more with a GC on top), half of the 50 ms the main thread may be blocked; the first merge of a build runs
 * in code not yet optimised and was a 35 ms task at 100 articles. Cutting on the main thread instead of asking
 * for smaller batches keeps the threads' per-message overhead (~3 ms a reply) where it is.
 */
export const MERGE_PIECE_ARTICLES = 25;
/** Requests kept in flight per thread, so a thread never waits for the main thread to merge. */
const IN_FLIGHT_PER_WORKER = 2;
/**
 * A run of at least this many files stops the threads when it ends, instead of leaving them to the idle timer:
 * after a first build each holds ~75 MB (its heap, the model, every term it has numbered) at 20,000 articles,
 * more at 100,000, through the compaction that follows, which is the build's peak of memory. Starting them again
 * for a later rescan costs ~0.1 s.
 */
export const STOP_AFTER_FILES = 2000;
/**
 * Young generation of an indexing thread's heap, in MB. V8 grew it to ~50 MB for the recogniser's short-lived
 * objects, which die within an article: a first build's memory peaked while the threads ran, and at 5,000
 * real-length articles 4 MB lowered that peak by 60–80 MB (two threads) without costing CPU (see docs/build-speed.md).
 */
const WORKER_YOUNG_GENERATION_MB = 4;
/** More threads than this add contention, not speed, on the machines the extension runs on. */
const MAX_WORKERS = 4;
/**
 * The bundled worker script: `dist/index-worker.js` next to the extension and CLI bundles, or the
 * compiled `index-worker.js` next to this file when run from `out/` (tests).
 */
export const DEFAULT_WORKER_PATH = path.join(__dirname, 'index-worker.js');

/**
 * How to start the indexing threads.
 *
 * @example
 * const options: WorkerPoolOptions = { extractor: { kind: 'none' }, workers: 2 };
 */
export interface WorkerPoolOptions {
  readonly extractor: ExtractorSpec;
  /** Number of threads (default: the cores, at most 4). */
  readonly workers?: number;
  readonly workerPath?: string;
  readonly maxFileBytes?: number;
  /** Runs of at least this many files stop the threads when they end (default {@link STOP_AFTER_FILES}). */
  readonly stopAfterFiles?: number;
  /** Told, by each thread that starts, why an unchecked entity model cannot be loaded (the threads then find no entities). */
  readonly onModelProblem?: (problem: string) => void;
  /** How long a thread asked to stop may take before it is terminated (default {@link STOP_GRACE_MS}). */
  readonly stopGraceMs?: number;
}

/**
 * What to do with analysed files while a run goes on.
 *
 * @example
 * await pool.analyze(files, { onBatch: (batch) => index.addBatch(batch, { defer: true }), onProgress: (done, total) => log(done, total) });
 */
export interface AnalyzeOptions {
  /** Called on the calling thread for each analysed batch (or piece of one, see `mergeArticles`), one per event-loop turn. */
  readonly onBatch: (batch: AnalyzedBatch) => void;
  /** Files done so far and in all, after each batch. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting resolves the run to `'cancelled'` at once and stops the threads (each ends itself between two files). */
  readonly signal?: AbortSignal;
  readonly batchFiles?: number;
  /** Most articles handed to `onBatch` at once (default {@link MERGE_PIECE_ARTICLES}); bigger batches arrive in pieces. */
  readonly mergeArticles?: number;
}

interface Slot {
  readonly worker: Worker;
  /** Set to ask the thread to end itself ({@link WorkerSetup.stopFlag}). */
  readonly stopFlag: Int32Array;
  /** Every term the thread has sent, in its own numbering (see `WorkerReply`). */
  readonly vocabulary: string[];
}

/** A run in progress, so that stopping the threads can settle it instead of leaving it waiting forever. */
interface ActiveRun {
  readonly stopped: () => void;
}

/**
 * Indexing threads (`node:worker_threads`) that read, parse, extract entities from and tokenise files,
 * so the calling thread only merges finished batches.
 *
 * Every request carries a pool-wide sequence number and each run only accepts replies to its own
 * requests: a reply still on its way from a failed or cancelled run can never be merged into the next one.
 * A run that rejects stops the threads (they may still be busy with its requests); the next run starts fresh ones.
 *
 * @example
 * const pool = new IndexWorkerPool({ extractor: { kind: 'none' } });
 * const outcome = await pool.analyze([{ path: '/data/a.txt' }], { onBatch: (batch) => index.addBatch(batch) });
 * await pool.dispose();
 */
export class IndexWorkerPool {
  private slots: Slot[] = [];
  private readonly workerCount: number;
  private nextRequestId = 0;
  private readonly active = new Set<ActiveRun>();
  /** Threads told to stop that have not ended yet, to their exit codes: {@link dispose} waits for them too. */
  private readonly stopping = new Set<Promise<number>>();

  constructor(private readonly options: WorkerPoolOptions) {
    this.workerCount = Math.max(1, options.workers ?? Math.min(MAX_WORKERS, availableParallelism()));
  }

  /** Number of threads running now (0 before the first run and after {@link dispose}). */
  get threadCount(): number {
    return this.slots.length;
  }

  /** Analyses `files`, handing each batch to `onBatch`. Rejects with a "News Corpus:" error if a thread fails. */
  analyze(files: readonly FileJob[], options: AnalyzeOptions): Promise<'done' | 'cancelled'> {
    if (options.signal?.aborted) return Promise.resolve('cancelled');
    const batchFiles = Math.max(1, options.batchFiles ?? DEFAULT_BATCH_FILES);
    const mergePiece = options.mergeArticles ?? MERGE_PIECE_ARTICLES;
    const firstId = this.nextRequestId;
    const requests: WorkerRequest[] = [];
    for (let i = 0; i < files.length; i += batchFiles) requests.push({ kind: 'analyze', id: firstId + requests.length, files: files.slice(i, i + batchFiles) });
    if (requests.length === 0) return Promise.resolve('done');
    this.nextRequestId += requests.length;
    return new Promise((resolve, reject) => {
      let next = 0;
      let finished = 0;
      let done = 0;
      let settled = false;
      const slots = this.ensureWorkers();
      // In flight per thread for this run only: another run's requests must not count against it.
      const inFlight = new Map<Slot, number>(slots.map((slot) => [slot, 0]));
      const listeners = slots.map((slot) => ({ slot, onMessage: (message: WorkerReply | ModelProblem) => {
          // A thread's start-up notice belongs to no run: the pool's own listener passes it on.
          if (message.kind !== 'model-problem') onMessage(slot, message);
        },
      }));
      const run: ActiveRun = { stopped: () => settle(() => reject(new Error('News Corpus: indexing was stopped because the indexing threads were shut down.'))) };
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        this.active.delete(run);
        options.signal?.removeEventListener('abort', onAbort);
        for (const { slot, onMessage: listener } of listeners) {
          slot.worker.off('message', listener);
          slot.worker.off('error', onError);
          slot.worker.off('exit', onExit);
        }
        outcome();
      };
      // Every rejection stops the threads first: they may still hold requests of this run.
      const fail = (error: unknown): void => {
        if (settled) return;
        settle(() => undefined);
        void Promise.all(this.terminate());
        reject(error);
      };
      const dispatch = (slot: Slot): void => {
        let count = inFlight.get(slot) ?? 0;
        while (count < IN_FLIGHT_PER_WORKER && next < requests.length) {
          count++;
          slot.worker.postMessage(requests[next++]);
        }
        inFlight.set(slot, count);
      };
      // Replies wait here and are merged one per event-loop turn: the port delivers every queued message in
      // one go, and two or three merges back to back (plus a GC) were stalls of more than 50 ms.
      const ready: { readonly batch: AnalyzedBatch; readonly endsRequest: boolean }[] = [];
      let merging = false;
      const mergeOne = (): void => {
        const piece = ready.shift();
        if (settled || piece === undefined) {
          merging = false;
          return;
        }
        const { batch } = piece;
        try {
          options.onBatch(batch);
        } catch (error) {
          merging = false;
          fail(error);
          return;
        }
        // onBatch may have cancelled the run (aborted its signal): nothing more is reported then.
        if (settled) {
          merging = false;
          return;
        }
        done += batch.articles.length + batch.skipped.length;
        if (piece.endsRequest) finished++;
        options.onProgress?.(done, files.length);
        if (finished === requests.length) {
          merging = false;
          // Resolved once the threads are gone, so that their memory is free before the caller's compaction allocates.
          const stop = files.length >= (this.options.stopAfterFiles ?? STOP_AFTER_FILES) && this.active.size <= 1;
          settle(() => (stop ? void Promise.all(this.terminate()).then(() => resolve('done')) : resolve('done')));
        } else if (ready.length > 0) setImmediate(mergeOne);
        else merging = false;
      };
      const onMessage = (slot: Slot, reply: WorkerReply): void => {
        if (settled || reply.id < firstId || reply.id >= firstId + requests.length) return;
        inFlight.set(slot, (inFlight.get(slot) ?? 1) - 1);
        if (reply.kind === 'failed') {
          fail(new Error(`News Corpus: indexing failed: ${reply.message}`));
          return;
        }
        // The thread gets its next request before this batch is merged, so it never waits for the main thread.
        dispatch(slot);
        const pieces = batchPieces({ ...reply.batch, vocabulary: slot.vocabulary }, mergePiece);
        pieces.forEach((batch, i) => ready.push({ batch, endsRequest: i === pieces.length - 1 }));
        if (!merging) {
          merging = true;
          setImmediate(mergeOne);
        }
      };
      const onError = (error: Error): void => fail(new Error(`News Corpus: an indexing thread failed: ${reasonOf(error)}`));
      const onExit = (code: number): void => fail(new Error(`News Corpus: an indexing thread stopped unexpectedly (exit code ${code}).`));
      const onAbort = (): void => {
        settle(() => resolve('cancelled'));
        void Promise.all(this.terminate());
      };
      this.active.add(run);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      for (const { slot, onMessage: listener } of listeners) {
        slot.worker.on('message', listener);
        slot.worker.on('error', onError);
        slot.worker.on('exit', onExit);
      }
      for (const slot of slots) dispatch(slot);
    });
  }

  /** Starts the threads now (they load the entity model), so that a run about to come finds them ready. */
  start(): void {
    this.ensureWorkers();
  }

  /**
   * Stops the threads, and waits until every thread it stopped has ended; the pool starts new ones if used again.
   * Resolves to their exit codes: 0 for a thread that ended itself, 1 for one that had to be terminated.
   */
  async dispose(): Promise<number[]> {
    this.terminate();
    return Promise.all(this.stopping);
  }

  /** The threads, those missing started: all of them at first, or one in place of a thread that failed. */
  private ensureWorkers(): Slot[] {
    while (this.slots.length < this.workerCount) {
      const stopFlag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
      const workerData: WorkerSetup = { extractor: this.options.extractor, maxFileBytes: this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, stopFlag };
      const worker = new Worker(this.options.workerPath ?? DEFAULT_WORKER_PATH, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      const slot: Slot = { worker, stopFlag: new Int32Array(stopFlag), vocabulary: [] };
      // Listening for the thread's whole life, not per run, and first: no reply's new terms may be missed.
      worker.on('message', (message: WorkerReply | ModelProblem) => {
        if (message.kind === 'batch') for (const term of message.batch.vocabulary) slot.vocabulary.push(term);
        else if (message.kind === 'model-problem') this.options.onModelProblem?.(message.problem);
      });
      // A thread that ends outside a run (started early by start(), failing before the build) is dropped: the build
      // would send it requests and wait for replies for ever. In a run, the run's own listeners fail it too.
      const drop = () => {
        this.slots = this.slots.filter((other) => other !== slot);
      };
      worker.on('error', drop);
      worker.on('exit', drop);
      this.slots.push(slot);
    }
    return this.slots;
  }

  /** Stops the threads now; runs still going are rejected rather than left waiting for replies that never come. */
  private terminate(): Promise<number>[] {
    const stopping = this.slots.map(({ worker, stopFlag }) => stopThread(worker, { graceMs: this.options.stopGraceMs ?? STOP_GRACE_MS, stopFlag }));
    for (const stop of stopping) {
      this.stopping.add(stop);
      const ended = () => this.stopping.delete(stop);
      void stop.then(ended, ended);
    }
    this.slots = [];
    for (const run of [...this.active]) run.stopped();
    return stopping;
  }
}
