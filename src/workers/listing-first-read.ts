import { INDEX_HEAD_BYTES, IndexIdentity, describesIndex, indexListingEnd, readIndexDays, readIndexListing } from '../core/search/index-file';
import { CacheReaderMessage } from './cache-file';

/** What {@link readListingFirst} reads through: a file handle's reads at a position and its size. */
export interface PositionedReads {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  stat(): Promise<{ size: number }>;
}

/** Reads `bytes[from, to)` of the file; returns `to`. */
async function fill(handle: PositionedReads, bytes: Buffer, from: number, to: number): Promise<number> {
  for (let at = from; at < to; ) {
    const { bytesRead } = await handle.read(bytes, at, to - at, at);
    if (bytesRead === 0) throw new Error('News Corpus: the index file became shorter while it was read.');
    at += bytesRead;
  }
  return to;
}

/**
 * Reads a whole index file through one handle (the listing and the checksum see the same file, even if a save
 * replaces it meanwhile), posting its articles' days and then its listing once their part is read and found to hold
 * the index `expected`; returns the bytes and whether a listing went. The rest of the file is read while the
 * identity is awaited (the asking thread works it out meanwhile: it loads and hashes the entity model), not after.
 *
 * @example
 * const handle = await open(file);
 * try {
 *   const { bytes, listed } = await readListingFirst(handle, expectedIdentity, (message, transfer) => parentPort?.postMessage(message, transfer));
 * } finally {
 *   await handle.close();
 * }
 */
export async function readListingFirst(
  handle: PositionedReads,
  expected: Promise<IndexIdentity>,
  post: (message: CacheReaderMessage, transfer: ArrayBuffer[]) => void,
): Promise<{ bytes: Buffer; listed: boolean }> {
  const size = (await handle.stat()).size;
  // A buffer of its own, never a slice of Node's shared pool: it moves to the other thread instead of being copied.
  const bytes = Buffer.allocUnsafeSlow(size);
  let read = await fill(handle, bytes, 0, Math.min(size, INDEX_HEAD_BYTES));
  const end = indexListingEnd(bytes.subarray(0, read));
  let listed = false;
  if (end !== undefined && end <= size) {
    read = await fill(handle, bytes, read, Math.max(read, end));
    const rest = fill(handle, bytes, read, size);
    // Awaited below; until then a failed read must not count as a rejection nobody handles.
    rest.catch(() => undefined);
    const start = bytes.subarray(0, end);
    if (describesIndex(start, await expected)) {
      // The days first, before the paths and titles are inflated: the Dates view's top rows are counted from them.
      const days = readIndexDays(start);
      if (days) post({ kind: 'days', days }, [days.buffer as ArrayBuffer]);
      const listing = readIndexListing(start);
      listed = listing !== undefined;
      if (listing) post({ kind: 'listing', listing }, [listing.day.buffer as ArrayBuffer]);
    }
    read = await rest;
  }
  await fill(handle, bytes, read, size);
  return { bytes, listed };
}
