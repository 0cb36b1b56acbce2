import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { IndexIdentity, ReadIndexFile, readIndexFileSteps } from '../core/search/index-file';
import { PackedListing, SavedListing, unpackListing } from '../core/search/index-sections';
import { runInSlices } from '../core/search/time-slices';
import { stopThread } from './stop-thread';

/** Folder, under the system's temporary folder, of the command line's index caches. */
export const CACHE_FOLDER_NAME = 'news-corpus-index';
const KEY_DIGITS = 16;

/**
 * Where the command line keeps the index of a corpus folder when not told: outside the folder
 * (never written into the corpus), one file per absolute folder path.
 *
 * @example
 * defaultCacheFile('/data/news'); // '/tmp/news-corpus-index/3f2a…c1.ncidx'
 */
export function defaultCacheFile(dir: string): string {
  const key = createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, KEY_DIGITS);
  return path.join(tmpdir(), CACHE_FOLDER_NAME, `${key}.ncidx`);
}

/**
 * What {@link readCacheFile} asks its thread as it starts: which file. What the index in it must have been built
 * from follows in a message (an {@link IndexIdentity}), once the asking thread has worked it out.
 */
export interface CacheReadRequest {
  readonly file: string;
  /** Whether the thread times its phases ({@link CacheReaderPhases}): only when someone listens. */
  readonly timed: boolean;
}

/**
 * When each phase of the cache's reading thread ended (`Date.now()` times: the threads share the clock), and the
 * thread's own CPU time to then (`process.threadCpuUsage`, user and system; undefined on a Node without it, before 23.9).
 *
 * @example
 * const phases: CacheReaderPhases = { readAt: 1764800000100, checkedAt: 1764800000400, inflatedAt: 1764800000700, cpuMs: 520 };
 */
export interface CacheReaderPhases {
  /** The whole file is in memory (the read waits for the asking thread's identity too: see `readListingFirst`). */
  readonly readAt: number;
  /** Its checksum is summed but for the text section (undefined when the file failed its checks first). */
  readonly checkedAt: number | undefined;
  /** Its sections are inflated and checked, and the reply is posted. */
  readonly inflatedAt: number;
  readonly cpuMs: number | undefined;
}

/**
 * A saved index's load, phase by phase, as `Date.now()` times: when the articles' days reached the asking thread,
 * the reading thread's phases ({@link CacheReaderPhases}), when its reply reached the asking thread, when the index
 * was decoded there and answered searches, and when the text section's checksum was finished after that (see
 * `textCheckSteps`).
 *
 * @example
 * const load: CacheLoadPhases = { daysAt: 60, reader: { readAt: 100, checkedAt: 400, inflatedAt: 700, cpuMs: 520 }, repliedAt: 750, searchableAt: 1400, textCheckedAt: 1500 };
 */
export interface CacheLoadPhases extends TimedReply {
  readonly searchableAt: number;
  readonly textCheckedAt: number;
}

/**
 * What {@link readCacheFile} found: no file (or none readable), or the file read (its sections, or why it cannot be used).
 *
 * @example
 * const cache: CacheRead = { found: false };
 */
export type CacheRead = { readonly found: false } | { readonly found: true; readonly read: ReadIndexFile; readonly timed?: TimedReply };

/**
 * A reply of a timed thread (see {@link CacheReadRequest}): its phases, when it reached the asking thread, and when
 * the articles' days did (undefined when none came: a file that does not hold the index expected).
 */
export interface TimedReply {
  readonly daysAt: number | undefined;
  readonly reader: CacheReaderPhases;
  readonly repliedAt: number;
}

/**
 * What the cache's reading thread says: the articles' days, then the articles listed, from the start of the file as
 * soon as that part is read (when it holds the index expected), then the file read whole. After a listing, the
 * read's paths and titles are left empty: they are the listing's.
 *
 * @example
 * worker.on('message', (message: CacheReaderMessage) => (message.kind === 'read' ? done(message.reply) : message.kind === 'listing' ? list(unpackListing(message.listing)) : count(message.days)));
 */
export type CacheReaderMessage =
  | { readonly kind: 'days'; readonly days: Int32Array }
  | { readonly kind: 'listing'; readonly listing: PackedListing }
  | { readonly kind: 'read'; readonly reply: CacheRead; readonly phases?: CacheReaderPhases };

/**
 * What {@link readCacheFile} tells as the cache's thread reads: the articles' days, then their listing, and whether it
 * times its phases (see {@link CacheReadRequest}).
 *
 * @example
 * const hooks: CacheReadHooks = { onListing: (listing) => list(listing.paths), timed: true };
 */
export interface CacheReadHooks {
  readonly onListing?: ((listing: SavedListing) => void) | undefined;
  readonly onDays?: ((days: Int32Array) => void) | undefined;
  readonly timed?: boolean;
}

/** The cache's reading thread, next to this file once bundled or compiled (see `cache-reader.ts`). */
export const DEFAULT_CACHE_READER_PATH = path.join(__dirname, 'cache-reader.js');

/**
 * Reads an index file and inflates and checks its sections ({@link readIndexFileSteps}) in the thread at
 * `readerPath` when it is given and exists, here in slices otherwise. The extension host's thread is shared with
 * every other extension starting up on a reopen, and waiting for turns there made a load that takes 0.6 s in plain
 * Node take 3 s; a process with a thread of its own (the command line) reads faster here than by starting a thread.
 * The file's buffer and arrays are moved back, not copied; a reader thread that fails (it should not) leaves the
 * work to this one. The thread hands `onListing` the articles' paths, titles and days from the start of the file
 * first, before the rest is read and checked (at 100,000 articles: 9 of 177 MB), so that they can be listed
 * meanwhile; the file's checksum has not been checked then, and a file found damaged after it is still refused.
 * The text section's part of the checksum is left out of the read (`textLater`, see `readIndexFileSteps`): whoever
 * uses the read finishes it with `textCheckSteps` once the index answers searches, and drops the index if it fails.
 * `expected` (what the index must have been built from) is asked for once the thread has started: working it out
 * reads and hashes the entity model's file, while the thread reads the index. Before the listing, the thread
 * hands `onDays` the articles' days alone (one per article, in the listing's order), which need no inflating. With no
 * file there (a first opening), no thread is started and `expected` is not asked. With `timed`, a read by the
 * thread says when its phases ended ({@link TimedReply}); the probe of `npm run bench:vscode` prints them.
 *
 * @example
 * const cache = await readCacheFile(file, () => ({ root: dir, extractor: 'none' }), DEFAULT_CACHE_READER_PATH, { onListing: (listing) => list(listing.paths), onDays: (days) => count(days) });
 * if (cache.found && cache.read.ok) runAtOnce(decodeSavedSteps(cache.read));
 */
export async function readCacheFile(
  file: string,
  expected: () => IndexIdentity,
  readerPath?: string,
  { onListing, onDays, timed = false }: CacheReadHooks = {},
): Promise<CacheRead> {
  // Worked out once: it reads and hashes the entity model, and a failed thread must not make this thread do it again.
  let identity: IndexIdentity | undefined;
  const expectedOnce = (): IndexIdentity => (identity ??= expected());
  const readOnThisThread = (): Promise<CacheRead> => readHere(file, expectedOnce());
  // A first opening has no file: starting the thread and working out the identity only put off the listing.
  if (!(await isFile(file))) return { found: false };
  if (readerPath === undefined || !existsSync(readerPath)) return readOnThisThread();
  const request: CacheReadRequest = { file, timed };
  const worker = new Worker(readerPath, { workerData: request });
  const fromThread = new Promise<CacheRead | undefined>((resolve) => {
    // Undefined when no listing came; null when one came that did not fit together (the read then lacks its strings).
    let listing: SavedListing | null | undefined;
    let daysAt: number | undefined;
    worker.on('message', (message: CacheReaderMessage) => {
      if (message.kind === 'read') resolve(listing === null ? undefined : withTimes(listing ? withListing(message.reply, listing) : message.reply, message.phases, daysAt));
      else if (message.kind === 'days') {
        if (timed) daysAt = Date.now();
        onDays?.(message.days);
      } else {
        listing = listingOf(message.listing) ?? null;
        if (listing) onListing?.(listing);
      }
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  try {
    worker.postMessage(expectedOnce());
  } catch (error) {
    // The thread waits for the identity: without it, it would never end. Told to end itself, not terminated, as the
    // indexing threads are: a thread terminated inside a zlib call aborts the process.
    await stopThread(worker);
    throw error;
  }
  return (await fromThread) ?? readOnThisThread();
}

/** The listing packed, or undefined when it does not fit together (a damaged file: its read then says so). */
function listingOf(packed: PackedListing): SavedListing | undefined {
  try {
    return unpackListing(packed);
  } catch {
    return undefined;
  }
}

/** A read that came after a listing, with the listing's paths and titles put back (see {@link CacheReaderMessage}). */
function withListing(reply: CacheRead, { paths, titles }: SavedListing): CacheRead {
  if (!reply.found || !reply.read.ok) return reply;
  return { found: true, read: { ...reply.read, saved: { ...reply.read.saved, paths, titles } } };
}

/** A read with its thread's phases and the time it came, when the thread timed them. */
function withTimes(reply: CacheRead, phases: CacheReaderPhases | undefined, daysAt: number | undefined): CacheRead {
  return phases === undefined || !reply.found ? reply : { ...reply, timed: { daysAt, reader: phases, repliedAt: Date.now() } };
}

async function readHere(file: string, expected: IndexIdentity): Promise<CacheRead> {
  const bytes = await readCacheBytes(file);
  return bytes ? { found: true, read: await runInSlices(readIndexFileSteps(bytes, expected, { textLater: true })) } : { found: false };
}

/** Whether `file` is there to be read; an error (a folder that cannot be searched) leaves it to the read to say. */
async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * The bytes of an index file, or undefined when there is none to read (missing or unreadable: the index is
 * then built, not an error).
 */
async function readCacheBytes(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}
