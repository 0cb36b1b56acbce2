import { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_FILE_BYTES } from '../core/article-file';
import { ArticleEntity } from '../core/entities/types';
import { reasonOf } from '../core/messages';
import { ExtractorSpec } from './entity-extractor';
import { EntitiesReply, EntitiesRequest, ModelProblem, WorkerSetup } from './protocol';
import { stopThread } from './stop-thread';
import { DEFAULT_WORKER_PATH } from './worker-pool';

/**
 * A thread with no text to analyse for this long stops: it holds the whole model (tens of MB) for an article a user
 * may have read once; the next long text starts it again (model loaded in well under a second).
 */
export const ENTITY_THREAD_IDLE_MS = 60_000;

/**
 * How to start the entity engine's thread.
 *
 * @example
 * const options: EntityThreadOptions = { extractor: () => engine.extractorSpec(), onModelProblem: (problem) => engine.modelProblemFound(problem) };
 */
export interface EntityThreadOptions {
  /** The extractor the thread loads, asked when it starts (the host may have learnt meanwhile that the model is broken). */
  readonly extractor: () => ExtractorSpec;
  /** Told, as the thread starts, why an unchecked entity model cannot be loaded (the thread then finds no entities). */
  readonly onModelProblem?: (problem: string) => void;
  readonly workerPath?: string;
  /** How long the thread asked to stop may take before it is terminated (default: `stopThread`'s). */
  readonly stopGraceMs?: number;
  /** How long the thread waits without a text before it stops (default {@link ENTITY_THREAD_IDLE_MS}). */
  readonly idleMs?: number;
}

/** The thread and the flag that asks it to stop. */
interface RunningThread {
  readonly thread: Worker;
  readonly stopFlag: Int32Array;
}

interface Pending {
  readonly resolve: (entities: readonly ArticleEntity[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * One indexing thread (the same script and model as the index's) kept by the entity engine for the long texts it
 * does not analyse on the extension host's thread. Started at the first text, not before, and stopped after
 * {@link ENTITY_THREAD_IDLE_MS} without one; a thread that fails or ends fails its texts and is replaced at the next
 * one; {@link dispose} stops it as the indexing threads are stopped.
 *
 * @example
 * const thread = new EntityThread({ extractor: () => ({ kind: 'model', modelPath: shippedModelPath() }) });
 * const entities = await thread.extract(longText);
 * await thread.dispose();
 */
export class EntityThread {
  private worker: RunningThread | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: EntityThreadOptions) {}

  /** Whether the thread is running (it starts with the first text). */
  get started(): boolean {
    return this.worker !== undefined;
  }

  /** The entities of `text`, found on the thread. Rejects with a "News Corpus:" error if the thread fails or stops. */
  extract(text: string): Promise<readonly ArticleEntity[]> {
    clearTimeout(this.idleTimer);
    const { thread } = this.running();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      thread.postMessage({ kind: 'entities', id, text } satisfies EntitiesRequest);
    });
  }

  /** Stops the thread (see `stopThread`); texts still waiting are rejected. Resolves to its exit code, if it ran. */
  async dispose(): Promise<number | undefined> {
    const worker = this.worker;
    this.ended(new Error('News Corpus: the entity thread was stopped.'));
    return worker && this.stop(worker);
  }

  private stop(worker: RunningThread): Promise<number> {
    return stopThread(worker.thread, { stopFlag: worker.stopFlag, ...(this.options.stopGraceMs !== undefined && { graceMs: this.options.stopGraceMs }) });
  }

  /** With no text left to analyse, the thread stops after the idle time unless another text comes first. */
  private stopWhenIdle(worker: RunningThread): void {
    clearTimeout(this.idleTimer);
    if (this.pending.size > 0) return;
    this.idleTimer = setTimeout(() => {
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = undefined;
      void this.stop(worker);
    }, this.options.idleMs ?? ENTITY_THREAD_IDLE_MS);
    this.idleTimer.unref();
  }

  private running(): RunningThread {
    if (this.worker !== undefined) return this.worker;
    const stopFlag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const workerData: WorkerSetup = { extractor: this.options.extractor(), maxFileBytes: DEFAULT_MAX_FILE_BYTES, stopFlag, keepPriority: true };
    const thread = new Worker(this.options.workerPath ?? DEFAULT_WORKER_PATH, { workerData });
    const worker = { thread, stopFlag: new Int32Array(stopFlag) };
    thread.on('message', (message: EntitiesReply | ModelProblem) => {
      if (message.kind === 'model-problem') {
        this.options.onModelProblem?.(message.problem);
        return;
      }
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.kind === 'entities') waiting?.resolve(message.entities);
      else waiting?.reject(new Error(`News Corpus: finding the entities of a long article failed: ${message.message}`));
      this.stopWhenIdle(worker);
    });
    // An 'exit' follows an 'error': only the first is heard, and never once another thread has taken this one's place.
    thread.on('error', (error) => {
      if (this.worker === worker) this.ended(new Error(`News Corpus: the entity thread failed: ${reasonOf(error)}`));
    });
    thread.on('exit', (code) => {
      if (this.worker === worker) this.ended(new Error(`News Corpus: the entity thread stopped unexpectedly (exit code ${code}).`));
    });
    this.worker = worker;
    return worker;
  }

  /** The thread is gone (failed, ended or stopped): its texts fail, and the next text starts another. */
  private ended(error: Error): void {
    clearTimeout(this.idleTimer);
    this.worker = undefined;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(error);
  }
}
