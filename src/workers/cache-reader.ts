// The cache's reading thread: reads an index file, posts its articles' days and then lists its articles from the
// start of the file as soon as that is read, then checks its checksum and inflates its sections (see `readCacheFile`) and hands them to the thread
// that asked, the file's buffer and the typed arrays moved, not copied.
import { FileHandle, open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { INDEX_HEAD_BYTES, IndexIdentity, describesIndex, indexListingEnd, readIndexDays, readIndexFileSteps, readIndexListing } from '../core/search/index-file';
import { savedSectionBuffers } from '../core/search/index-sections';
import { runAtOnce } from '../core/search/time-slices';
import { CacheReadRequest, CacheReaderMessage } from './cache-file';

const request = workerData as CacheReadRequest;
// Posted once the asking thread has worked it out (it loads the entity model meanwhile): the file's start is read
// before it comes, and checked against it before anything is handed over.
const expected = new Promise<IndexIdentity>((resolve) => parentPort?.once('message', resolve));

function post(message: CacheReaderMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

/** Reads `bytes[from, to)` of the file; returns `to`. */
async function fill(handle: FileHandle, bytes: Buffer, from: number, to: number): Promise<number> {
  for (let at = from; at < to; ) {
    const { bytesRead } = await handle.read(bytes, at, to - at, at);
    if (bytesRead === 0) throw new Error('News Corpus: the index file became shorter while it was read.');
    at += bytesRead;
  }
  return to;
}

/**
 * Reads the whole file through one handle (the listing and the checksum see the same file, even if a save replaces
 * it meanwhile), posting the listing once its part is read; returns the bytes and whether a listing went.
 */
async function readFile(handle: FileHandle): Promise<{ bytes: Buffer; listed: boolean }> {
  const size = (await handle.stat()).size;
  // A buffer of its own, never a slice of Node's shared pool: it moves to the other thread instead of being copied.
  const bytes = Buffer.allocUnsafeSlow(size);
  let read = await fill(handle, bytes, 0, Math.min(size, INDEX_HEAD_BYTES));
  const end = indexListingEnd(bytes.subarray(0, read));
  let listed = false;
  if (end !== undefined && end <= size) {
    read = await fill(handle, bytes, read, Math.max(read, end));
    const start = bytes.subarray(0, end);
    if (describesIndex(start, await expected)) {
      // The days first, before the paths and titles are inflated: the Dates view's top rows are counted from them.
      const days = readIndexDays(start);
      if (days) post({ kind: 'days', days }, [days.buffer as ArrayBuffer]);
      const listing = readIndexListing(start);
      listed = listing !== undefined;
      if (listing) post({ kind: 'listing', listing }, [listing.day.buffer as ArrayBuffer]);
    }
  }
  await fill(handle, bytes, read, size);
  return { bytes, listed };
}

async function readCache(): Promise<void> {
  let file: { bytes: Buffer; listed: boolean };
  try {
    const handle = await open(request.file);
    try {
      file = await readFile(handle);
    } finally {
      await handle.close();
    }
  } catch {
    // Missing or unreadable: the index is then built, not an error.
    post({ kind: 'read', reply: { found: false } });
    return;
  }
  // After a listing, the paths and titles are left out: the other thread has them already (see readCacheFile).
  const read = runAtOnce(readIndexFileSteps(file.bytes, await expected, { listed: file.listed }));
  post({ kind: 'read', reply: { found: true, read } }, read.ok ? savedSectionBuffers(read.saved) : []);
}

void readCache();
