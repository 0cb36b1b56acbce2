// The cache's reading thread: reads an index file, posts its articles' days and then lists its articles from the
// start of the file as soon as that is read, then sums the file but its text section and inflates its sections (see
// `readCacheFile`) and hands them to the thread that asked, the file's buffer and the typed arrays moved, not copied.
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { IndexIdentity, readIndexFileSteps } from '../core/search/index-file';
import { savedSectionBuffers } from '../core/search/index-sections';
import { runAtOnce } from '../core/search/time-slices';
import { CacheReadRequest, CacheReaderMessage } from './cache-file';
import { readListingFirst } from './listing-first-read';
import { StopRequest } from './protocol';

/** Why the read ends early: the asking thread could not work out the identity, and told this thread to end. */
class Stopped extends Error {}

const request = workerData as CacheReadRequest;
// Posted once the asking thread has worked it out (it loads the entity model meanwhile): the file is read while it
// comes, its start checked against it before anything is handed over. A stop comes in its place when it cannot be.
const expected = new Promise<IndexIdentity>((resolve, reject) =>
  parentPort?.once('message', (message: IndexIdentity | StopRequest) => ('kind' in message ? reject(new Stopped()) : resolve(message))),
);
// Awaited once the file's start is read; a stop that comes before then must not count as a rejection nobody handles.
expected.catch(() => undefined);

function post(message: CacheReaderMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

/** This thread's CPU time in ms, where Node can tell (`process.threadCpuUsage`, Node 23.9 on; the host runs 24). */
function threadCpuMs(): number | undefined {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.();
  return usage && Math.round((usage.user + usage.system) / 1000);
}

async function readCache(): Promise<void> {
  let file: { bytes: Buffer; listed: boolean };
  try {
    const handle = await open(request.file);
    try {
      file = await readListingFirst(handle, expected, post);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof Stopped) throw error;
    // Missing or unreadable: the index is then built, not an error.
    post({ kind: 'read', reply: { found: false } });
    return;
  }
  // After a listing, the paths and titles are left out: the other thread has them already (see readCacheFile).
  const readAt = Date.now();
  let checkedAt: number | undefined;
  const onChecked = () => {
    checkedAt = Date.now();
  };
  // The text section's sum is left to the asking thread, once its index answers searches (see readCacheFile).
  const read = runAtOnce(readIndexFileSteps(file.bytes, await expected, { listed: file.listed, onChecked, textLater: true }));
  const phases = request.timed ? { readAt, checkedAt, inflatedAt: Date.now(), cpuMs: threadCpuMs() } : undefined;
  post({ kind: 'read', reply: { found: true, read }, ...(phases && { phases }) }, read.ok ? savedSectionBuffers(read.saved) : []);
}

readCache().catch((error: unknown) => {
  // Stopped: nobody waits for a reply, and the thread ends once its file is closed. Anything else stays uncaught: the
  // asking thread then reads the file itself.
  if (!(error instanceof Stopped)) throw error;
});
