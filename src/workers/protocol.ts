import { ArticleEntity } from '../core/entities/types';
import { AnalyzedBatch } from '../core/search/analyzed-batch';
import { ExtractorSpec } from './entity-extractor';

/**
 * One file to analyse: read from `path` with node's fs, or — for files the editor reads itself
 * (non-`file:` URIs) — from `text`. Size and modification time are read from disk when not given.
 *
 * @example
 * const job: FileJob = { path: 'vscode-vfs://github/x/a.txt', text: ' date 2023-09-13 …', size: 120, mtimeMs: 0 };
 */
export interface FileJob {
  readonly path: string;
  readonly text?: string;
  readonly size?: number;
  readonly mtimeMs?: number;
}

/** What an indexing thread is started with. */
export interface WorkerSetup {
  readonly extractor: ExtractorSpec;
  readonly maxFileBytes: number;
  /**
   * One Int32 the main thread sets to ask the thread to stop: read between files, so that a busy thread ends at
   * once without being terminated (see {@link StopRequest}).
   */
  readonly stopFlag: SharedArrayBuffer;
  /**
   * Whether the thread keeps the extension host's priority: the entity engine's, whose answer a user waits for (a
   * hover over a long article), must not wait behind indexing threads during a rebuild. Indexing threads yield.
   */
  readonly keepPriority?: boolean;
}

/** Main thread → indexing thread: analyse these files. */
export interface WorkerRequest {
  readonly kind: 'analyze';
  readonly id: number;
  readonly files: readonly FileJob[];
}

/**
 * Main thread → the entity engine's thread (an indexing thread of its own): the entities of one text, a long open
 * article that the extension host's thread would take too long to analyse.
 *
 * @example
 * const request: EntitiesRequest = { kind: 'entities', id: 3, text: ' date 2024-04-02 A very long article. …' };
 */
export interface EntitiesRequest {
  readonly kind: 'entities';
  readonly id: number;
  readonly text: string;
}

/**
 * The entity engine's thread → main thread: the entities of the text of request `id`, or why they could not be found.
 *
 * @example
 * const reply: EntitiesReply = { kind: 'entities', id: 3, entities: [] };
 */
export type EntitiesReply = { readonly kind: 'entities'; readonly id: number; readonly entities: readonly ArticleEntity[] } | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/**
 * Main thread → indexing thread or the cache's reading thread: end now. `worker.terminate()` can land inside a zlib
 * call (an indexing thread deflates each text, the reading thread inflates the saved index) and then aborts the whole
 * process (Node's "close before init" assertion), so the thread ends itself instead: an indexing thread between two
 * files (it sees the stop flag when busy, this message when idle), the reading thread in place of the identity it
 * waits for (see `readCacheFile`).
 */
export interface StopRequest {
  readonly kind: 'stop';
}

/**
 * Indexing thread → main thread. A thread numbers terms once for its whole life, and a batch's
 * `vocabulary` holds only the terms that thread had not sent before: the main thread appends them to
 * what it has from that thread (`ThreadVocabulary`), so each term crosses threads and is interned once.
 */
export type WorkerReply =
  | { readonly kind: 'batch'; readonly id: number; readonly batch: AnalyzedBatch }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/**
 * Indexing thread → main thread, once, as the thread starts: the unchecked entity model it was given cannot be
 * loaded (in words for the user), so it extracts no entities.
 *
 * @example
 * const notice: ModelProblem = { kind: 'model-problem', problem: 'News Corpus: the entity model /x/ner.bin is missing; …' };
 */
export interface ModelProblem {
  readonly kind: 'model-problem';
  readonly problem: string;
}
