// The cache's reading thread: reads an index file, checks its checksum and inflates its sections (see
// `readCacheFile`), then hands them to the thread that asked, the file's buffer and the typed arrays moved, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { readIndexFileSteps } from '../core/search/index-file';
import { savedSectionBuffers } from '../core/search/index-sections';
import { runAtOnce } from '../core/search/time-slices';
import { CacheRead, CacheReadRequest, readCacheBytes } from './cache-file';

const request = workerData as CacheReadRequest;

async function readCache(): Promise<{ reply: CacheRead; transfer: ArrayBuffer[] }> {
  const bytes = await readCacheBytes(request.file);
  if (!bytes) return { reply: { found: false }, transfer: [] };
  const read = runAtOnce(readIndexFileSteps(bytes, request.expected));
  // A small file's buffer is a slice of Node's shared pool, which cannot move: it is copied instead (a few KB).
  const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length;
  return { reply: { found: true, read }, transfer: read.ok && own ? savedSectionBuffers(read.saved) : [] };
}

void readCache().then(({ reply, transfer }) => parentPort?.postMessage(reply, transfer));
