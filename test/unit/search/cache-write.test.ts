import * as assert from 'assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import fsPromises from 'node:fs/promises';
import { tmpdir } from 'os';
import * as path from 'path';
import { IndexIdentity, encodeIndex, indexFileSections } from '../../../src/core/search/index-file';
import { readCacheFile } from '../../../src/workers/cache-file';
import { writeCacheFile } from '../../../src/workers/cache-write';
import { FixtureArticle, NEWS, NEWS_ENTITIES, article, buildIndex } from './fixtures';

const IDENTITY: IndexIdentity = { root: '/corpus', extractor: 'fake' };
/** Slices of no length: the encoder pauses at each of its steps, so a failed write is heard at the next one. */
const EVERY_STEP = 0;
/** The old cache a failed save must leave as it was. */
const OLD_CACHE = 'the old cache';

/** Articles enough for the file to go out in several chunks (its texts, forward index and tables apart). */
function articles(): FixtureArticle[] {
  const more = Array.from({ length: 400 }, (_, i) => ({ path: `/corpus/${i}.txt`, text: article('2023-09-13', `Report ${i} on wheat and interest rates, number${i}.`) }));
  return [...NEWS, ...more];
}

/** How the patched file system treats a call: as it is, or failing with `error`. */
interface FileSystemFaults {
  /** The `call`-th write (counted from 1) of the temporary file fails, or `undefined` when it goes through. */
  readonly write?: (call: number) => Error | undefined;
  readonly syncFile?: Error;
  readonly openFolder?: Error;
}

/**
 * Runs `run` with `fs/promises`'s `open` and `rename` watched (and failing as `faults` say): each step on the
 * cache's temporary file, its folder and the rename is logged; `heardAt` holds the writes issued when a failed one
 * was first heard of (the patched write's own handler runs before the writer's).
 */
async function watched(folder: string, faults: FileSystemFaults, run: () => Promise<void>): Promise<{ log: string[]; writes: number; heardAt: number | undefined; renamed: Buffer | undefined }> {
  const realOpen = fsPromises.open;
  const realRename = fsPromises.rename;
  const log: string[] = [];
  let writes = 0;
  let heardAt: number | undefined;
  let renamed: Buffer | undefined;
  const what = (file: string): string => (file === folder ? 'folder' : file.endsWith('.tmp') ? 'temporary' : path.basename(file));
  fsPromises.open = async (...args: Parameters<typeof realOpen>) => {
    const name = what(String(args[0]));
    log.push(`open ${name}`);
    if (name === 'folder' && faults.openFolder) throw faults.openFolder;
    const handle = await realOpen(...args);
    const write = handle.write.bind(handle) as (buffer: Uint8Array, offset: number, length: number, position: number) => Promise<{ bytesWritten: number; buffer: Uint8Array }>;
    const sync = handle.sync.bind(handle);
    const close = handle.close.bind(handle);
    return Object.assign(handle, {
      write: (buffer: Uint8Array, offset: number, length: number, position: number) => {
        log.push(`write ${name}`);
        const call = ++writes;
        const failure = faults.write?.(call);
        if (failure === undefined) return write(buffer, offset, length, position);
        const failed = Promise.reject(failure);
        failed.catch(() => (heardAt ??= writes));
        return failed;
      },
      sync: () => {
        log.push(`sync ${name}`);
        return name === 'temporary' && faults.syncFile ? Promise.reject(faults.syncFile) : sync();
      },
      close: () => {
        log.push(`close ${name}`);
        return close();
      },
    });
  };
  fsPromises.rename = (from: Parameters<typeof realRename>[0], to: Parameters<typeof realRename>[1]) => {
    log.push(`rename ${what(String(from))} to ${what(String(to))}`);
    renamed = readFileSync(from);
    return realRename(from, to);
  };
  try {
    await run();
  } finally {
    fsPromises.open = realOpen;
    fsPromises.rename = realRename;
  }
  return { log, writes, heardAt, renamed };
}

describe('writeCacheFile', function () {
  this.timeout(60_000);
  let folder: string;
  let cacheFile: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'news-corpus-cache-write-'));
    cacheFile = path.join(folder, 'index.ncidx');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** Asserts that a failed save left the old cache (or none) as it was, and no temporary file. */
  const assertUntouched = (hadCache: boolean): void => {
    assert.deepStrictEqual(readdirSync(folder), hadCache ? ['index.ncidx'] : [], 'no temporary file left');
    if (hadCache) assert.strictEqual(readFileSync(cacheFile, 'utf8'), OLD_CACHE, 'the old cache is kept');
  };
  /** The error a failed save reports: the cache file the user knows, never the temporary one. */
  const notWritten = (reason: string, kept: boolean): RegExp =>
    new RegExp(`^Error: News Corpus: the index cache ${cacheFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be written \\(${reason}\\)${kept ? '; the old cache is kept' : ''}\\.$`);

  it('flushes the complete file to the disk before renaming it over the cache, then flushes the rename', async () => {
    writeFileSync(cacheFile, OLD_CACHE);
    const index = buildIndex(NEWS, NEWS_ENTITIES);
    const { log, renamed } = await watched(folder, {}, () => writeCacheFile(cacheFile, index.parts(), IDENTITY));
    const writes = log.filter((step) => step === 'write temporary').length;
    assert.ok(writes >= 2, 'the sections, then the head');
    assert.deepStrictEqual(
      log.filter((step) => step !== 'write temporary'),
      ['open temporary', 'sync temporary', 'close temporary', 'rename temporary to index.ncidx', 'open folder', 'sync folder', 'close folder'],
    );
    assert.strictEqual(log.lastIndexOf('write temporary'), writes, 'every write before the flush');
    assert.ok(renamed && renamed.equals(readFileSync(cacheFile)), 'the file was whole when renamed');
    // The file as the encoder makes it at once (only the description's time of writing may differ).
    const encoded = Buffer.concat(encodeIndex(index.parts(), IDENTITY));
    assert.strictEqual(renamed.length, encoded.length);
    assert.deepStrictEqual(indexFileSections(renamed), indexFileSections(encoded));
    const read = await readCacheFile(cacheFile, () => IDENTITY);
    assert.ok(read.found && read.read.ok && read.read.saved.paths.length === NEWS.length);
    assert.deepStrictEqual(readdirSync(folder), ['index.ncidx']);
  });

  it('renames nothing when the flush fails: the old cache kept, no temporary file, one error naming the cache file', async () => {
    writeFileSync(cacheFile, OLD_CACHE);
    const syncFile = Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    let error: unknown;
    const { log } = await watched(folder, { syncFile }, () => writeCacheFile(cacheFile, buildIndex(NEWS, NEWS_ENTITIES).parts(), IDENTITY).catch((caught: unknown) => void (error = caught)));
    assert.match(String(error), notWritten('EIO: i/o error, fsync', true));
    assert.strictEqual((error as Error).cause, syncFile);
    assert.ok(!log.some((step) => step.startsWith('rename')), log.join(', '));
    assertUntouched(true);
  });

  it('stops encoding at the first failed write: no write after it is heard of, one error, nothing renamed', async () => {
    const whole = await watched(folder, {}, () => writeCacheFile(cacheFile, buildIndex(articles(), NEWS_ENTITIES).parts(), IDENTITY, EVERY_STEP));
    rmSync(cacheFile);
    const noSpace = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    let error: unknown;
    const failed = await watched(folder, { write: (call) => (call === 2 ? noSpace : undefined) }, () =>
      writeCacheFile(cacheFile, buildIndex(articles(), NEWS_ENTITIES).parts(), IDENTITY, EVERY_STEP).catch((caught: unknown) => void (error = caught)),
    );
    assert.match(String(error), notWritten('ENOSPC: no space left on device, write', false));
    assert.ok(failed.heardAt !== undefined, 'the failure was heard');
    assert.strictEqual(failed.writes, failed.heardAt, 'no write once the failure was heard');
    assert.ok(failed.writes < whole.writes, `${failed.writes} of ${whole.writes} writes`);
    assert.ok(!failed.log.some((step) => step.startsWith('rename') || step === 'sync temporary'), failed.log.join(', '));
    assertUntouched(false);
  });

  it("reports a cache's folder that cannot be made with the same one error", async () => {
    writeFileSync(path.join(folder, 'a-file'), '');
    const under = path.join(folder, 'a-file', 'index.ncidx');
    await assert.rejects(writeCacheFile(under, buildIndex(NEWS, NEWS_ENTITIES).parts(), IDENTITY), (error: Error) => error.message.startsWith(`News Corpus: the index cache ${under} could not be written (`) && !error.message.includes('old cache'));
    assert.deepStrictEqual(readdirSync(folder), ['a-file']);
  });

  it('saves where a folder cannot be flushed (Windows cannot open one)', async () => {
    const openFolder = Object.assign(new Error('EISDIR: illegal operation on a directory, open'), { code: 'EISDIR' });
    const { log } = await watched(folder, { openFolder }, () => writeCacheFile(cacheFile, buildIndex(NEWS, NEWS_ENTITIES).parts(), IDENTITY));
    assert.ok(log.includes('open folder') && !log.includes('sync folder'));
    const read = await readCacheFile(cacheFile, () => IDENTITY);
    assert.ok(read.found && read.read.ok);
    assert.deepStrictEqual(readdirSync(folder), ['index.ncidx']);
  });
});
