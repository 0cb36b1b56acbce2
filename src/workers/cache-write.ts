import { randomBytes } from 'node:crypto';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { reasonOf } from '../core/messages';
import { IndexParts } from '../core/search/corpus-index';
import { IndexIdentity, streamIndexSteps } from '../core/search/index-file';
import { DEFAULT_SLICE_MS, runInSlices } from '../core/search/time-slices';

/** Random bytes in a temporary file's name: two services in one process may save the same cache at once. */
const TEMPORARY_NAME_BYTES = 6;

/**
 * Writes an index to the cache file `file`, atomically and durably: into a temporary file next to it, flushed to
 * the disk, then renamed over the old cache, and the rename flushed too where the platform can. Without the flush
 * before the rename, a power cut could leave the new name on a file whose bytes never reached the disk: an empty
 * or partial cache where a good one was. On any failure the old cache stays as it was, no temporary file is left,
 * and the promise rejects with one "News Corpus:" error naming the cache file. Encodes in slices of about `sliceMs`.
 *
 * @example
 * await writeCacheFile('/storage/index.ncidx', index.parts(), { root: dir, extractor: 'none' });
 */
export async function writeCacheFile(file: string, parts: IndexParts, identity: IndexIdentity, sliceMs = DEFAULT_SLICE_MS): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(TEMPORARY_NAME_BYTES).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeStreamed(temporary, parts, identity, sliceMs);
    await rename(temporary, file);
  } catch (error) {
    // A half-written temporary file would otherwise stay next to the cache for good. The write's failure is the one
    // to report: where the folder could not be made, there is nothing to remove either.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw await notWritten(file, error);
  }
  await syncFolder(path.dirname(file));
}

/**
 * Writes an index to `file` as it is encoded ({@link streamIndexSteps}): each chunk is written where it goes as soon
 * as it is made, and let go once written, so that the file is never held whole (at 100,000 real-length articles its
 * sections other than the texts, which the index keeps anyway, were ~70 MB at the save's peak of memory); the head
 * goes last, over the room left for it, and the file is flushed to the disk before it is closed.
 */
async function writeStreamed(file: string, parts: IndexParts, identity: IndexIdentity, sliceMs: number): Promise<void> {
  const handle = await open(file, 'w');
  // Settled writes only (a failure is kept, not thrown): awaited before closing, also when encoding fails.
  const writes: Promise<void>[] = [];
  let failure: unknown;
  try {
    let position = 0;
    const encoding = streamIndexSteps(parts, identity, (chunk) => {
      // Thrown out of the encoder: the sections left would be made for nothing. A write's failure is heard between
      // two slices, and chunks are made only once the index's own changes for the save (its coded texts) are done.
      if (failure !== undefined) throw failure;
      // Positional writes need no order among themselves: each is under way while the next chunk is made.
      writes.push(
        handle.write(chunk, 0, chunk.length, position).then(
          ({ bytesWritten }) => void (bytesWritten === chunk.length || (failure ??= writtenShort())),
          (error: unknown) => void (failure ??= error),
        ),
      );
      position += chunk.length;
    });
    const head = await runInSlices(encoding, sliceMs);
    await Promise.all(writes);
    if (failure !== undefined) throw failure;
    // Checked as the others are: a file without its head renamed over the cache would lose a good one.
    if ((await handle.write(head, 0, head.length, 0)).bytesWritten !== head.length) throw writtenShort();
    await handle.sync();
  } finally {
    await Promise.all(writes);
    await handle.close();
  }
}

function writtenShort(): Error {
  return new Error('News Corpus: the disk took only part of a write: is it full?');
}

/** The one error a failed save reports: the cache file the user knows, why, and whether a cache is still there. */
async function notWritten(file: string, error: unknown): Promise<Error> {
  const kept = await access(file).then(
    () => '; the old cache is kept',
    () => '',
  );
  return new Error(`News Corpus: the index cache ${file} could not be written (${reasonOf(error)})${kept}.`, { cause: error });
}

/**
 * Flushes the folder's entries to the disk, so that the rename just made survives a power cut. Windows cannot open a
 * folder for this, and the cache is in place already: a rename not flushed can at worst bring back the old cache,
 * whole, after a crash. Nothing to report, then.
 */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // See above: a folder that cannot be flushed leaves the saved cache as it is.
  }
}
