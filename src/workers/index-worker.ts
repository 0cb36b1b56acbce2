// The indexing thread: reads, parses, extracts entities and tokenises the files it is sent,
// and answers with one AnalyzedBatch per request (its typed arrays transferred, not copied). Started by the entity
// engine instead, it finds the entities of the long texts it is sent (EntitiesRequest).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { reasonOf } from '../core/messages';
import { BatchBuilder } from '../core/search/batch-builder';
import { createExtractor } from './entity-extractor';
import { EntitiesReply, EntitiesRequest, FileJob, ModelProblem, StopRequest, WorkerReply, WorkerRequest, WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;
/**
 * Indexing threads yield the CPU to the extension host: with two threads on two cores, a main thread at the
 * same priority waits its turn behind them, and every wait is a stall of the editor. (On Linux the nice
 * value is per thread, so this leaves the extension host's own priority alone.)
 */
const WORKER_NICENESS = 5;
if (setup.keepPriority !== true) {
  try {
    setPriority(WORKER_NICENESS);
  } catch {
    // Not allowed on this system: indexing works the same, only less politely.
  }
}
const extract = createExtractor(setup.extractor, (problem) => parentPort?.postMessage({ kind: 'model-problem', problem } satisfies ModelProblem));
// Texts deflated here, in parallel: the main thread holds every article's text until the save codes it.
const builder = new BatchBuilder(extract, setup.maxFileBytes, { deflateText: true });
/** Bytes of the read buffer at first; it grows to the largest file read. */
const INITIAL_READ_BYTES = 1 << 16;
/**
 * One buffer for every file this thread reads: `readFileSync` allocated one per file (100,000 small
 * buffers outside the heap, each a little more work for the garbage collector) and asked for its size first.
 */
let readBuffer = Buffer.allocUnsafe(INITIAL_READ_BYTES);

/**
 * The content of the file at `path`, in the shared read buffer (valid until the next read): all of it, or
 * its first `limit + 1` bytes when it is longer, which is enough to call it too large (it may have grown since it was listed).
 */
function readUpTo(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === readBuffer.length) {
        const grown = Buffer.allocUnsafe(readBuffer.length * 2);
        readBuffer.copy(grown, 0, 0, length);
        readBuffer = grown;
      }
      const read = readSync(fd, readBuffer, length, Math.min(readBuffer.length, limit + 1) - length, null);
      if (read === 0 || length + read > limit) return readBuffer.subarray(0, length + read);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

function analyze(file: FileJob): void {
  try {
    if (file.text !== undefined) {
      builder.addText({ path: file.path, size: file.size ?? file.text.length, mtimeMs: file.mtimeMs ?? 0 }, file.text);
      return;
    }
    const stat = file.size === undefined || file.mtimeMs === undefined ? statSync(file.path) : undefined;
    const stamp = { path: file.path, size: file.size ?? stat?.size ?? 0, mtimeMs: file.mtimeMs ?? stat?.mtimeMs ?? 0 };
    if (stamp.size > setup.maxFileBytes) {
      builder.addSkipped(file.path, 'too-large', { size: stamp.size });
      return;
    }
    builder.addBytes(stamp, readUpTo(file.path, setup.maxFileBytes));
  } catch (error) {
    // A file deleted between listing and reading is simply gone, not a problem to report.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    builder.addSkipped(file.path, 'unreadable', { error: error instanceof Error ? error.message : String(error) });
  }
}

/** How many of the builder's terms earlier replies carried: each reply sends only the new ones. */
let termsSent = 0;

const stopFlag = new Int32Array(setup.stopFlag);
/** Ends the thread if the main thread asked it to: called only where no zlib call is under way. */
function stopIfAsked(): void {
  if (Atomics.load(stopFlag, 0) !== 0) process.exit(0);
}

/** The entities of one text, for the entity engine's thread (see {@link EntitiesRequest}). */
function entitiesOf(request: EntitiesRequest): EntitiesReply {
  try {
    return { kind: 'entities', id: request.id, entities: extract(request.text) };
  } catch (error) {
    return { kind: 'failed', id: request.id, message: reasonOf(error) };
  }
}

parentPort?.on('message', (request: WorkerRequest | EntitiesRequest | StopRequest) => {
  stopIfAsked();
  if (request.kind === 'stop') return;
  if (request.kind === 'entities') {
    parentPort?.postMessage(entitiesOf(request));
    return;
  }
  let reply: WorkerReply;
  try {
    for (const file of request.files) {
      stopIfAsked();
      analyze(file);
    }
    const batch = builder.finish();
    reply = { kind: 'batch', id: request.id, batch: { ...batch, vocabulary: batch.vocabulary.slice(termsSent) } };
    termsSent = batch.vocabulary.length;
  } catch (error) {
    builder.finish();
    reply = { kind: 'failed', id: request.id, message: reasonOf(error) };
  }
  const transfer = reply.kind === 'batch' ? [reply.batch.tokens.buffer, reply.batch.roles.buffer, reply.batch.forms.buffer, reply.batch.text.buffer] : [];
  parentPort?.postMessage(reply, transfer as ArrayBuffer[]);
});
