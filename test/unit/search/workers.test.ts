import * as assert from 'assert';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, readFileSync, unlinkSync } from 'fs';
import { tmpdir } from 'os';
import fsPromises from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import * as path from 'path';
import { AnalyzedBatch } from '../../../src/core/search/analyzed-batch';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { ArticleSummary, CorpusIndex } from '../../../src/core/search/corpus-index';
import { INDEX_HEAD_BYTES, decodeSavedSteps, indexFileSections, indexListingEnd, textCheckSteps } from '../../../src/core/search/index-file';
import { seededRandom } from '../../../src/core/random';
import { runAtOnce, runInSlices } from '../../../src/core/search/time-slices';
import { batchPieces } from '../../../src/workers/batch-pieces';
import { ENTITY_TYPES } from '../../../src/core/search/entity-table';
import { CacheLoadPhases, CacheRead, CacheReaderMessage, DEFAULT_CACHE_READER_PATH, readCacheFile } from '../../../src/workers/cache-file';
import { readListingFirst } from '../../../src/workers/listing-first-read';
import { SavedListing } from '../../../src/core/search/index-sections';
import { IndexService } from '../../../src/workers/index-service';
import { listArticleFiles } from '../../../src/workers/list-files';
import { IndexWorkerPool } from '../../../src/workers/worker-pool';
import { article, fakeExtractor, hitPaths, NEWS, NEWS_ENTITIES } from './fixtures';

function writeCorpus(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.txt`), article('2023-09-13', `Article ${i} about interest rates and wheat number${i}.`));
  }
}

describe('IndexWorkerPool', function () {
  this.timeout(60_000);
  let dir: string;
  const pool = new IndexWorkerPool({ extractor: { kind: 'none' }, workers: 2 });

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-pool-'));
    writeCorpus(dir, 120);
    writeFileSync(path.join(dir, 'notes.txt'), 'no header: not an article');
  });
  after(async () => {
    await pool.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('analyses files on two threads, streaming progress, from paths or handed-in text', async () => {
    const files = [...listArticleFiles(dir), { path: 'virtual:/x.txt', text: article('2020-01-01', 'Handed over by the editor.') }];
    const batches: AnalyzedBatch[] = [];
    const progress: [number, number][] = [];
    const outcome = await pool.analyze(files, { onBatch: (batch) => batches.push(batch), onProgress: (done, total) => progress.push([done, total]), batchFiles: 10 });
    assert.strictEqual(outcome, 'done');
    assert.strictEqual(batches.length, 13);
    assert.deepStrictEqual(progress.at(-1), [files.length, files.length]);
    assert.ok(progress.every(([done], i) => i === 0 || done > (progress[i - 1]?.[0] ?? 0)));
    const index = new CorpusIndex();
    for (const batch of batches) index.addBatch(batch);
    assert.strictEqual(index.articleCount, 121);
    assert.deepStrictEqual(batches.flatMap((batch) => batch.skipped.map((skip) => path.basename(skip.path))), ['notes.txt']);
    const hit = index.search('number7');
    assert.ok(hit.ok && hit.hits[0]?.path === path.join(dir, '0007.txt'));
    assert.ok(index.search('handed').ok && index.stamp('virtual:/x.txt'));
  });

  it('sends each thread\'s terms once: a second run, into a new index, searches as one built in this thread', async () => {
    const files = listArticleFiles(dir);
    const runInto = async (): Promise<CorpusIndex> => {
      const index = new CorpusIndex();
      const vocabularies = new Set<readonly string[]>();
      await pool.analyze(files, { batchFiles: 7, onBatch: (batch) => (vocabularies.add(batch.vocabulary), index.addBatch(batch)) });
      assert.strictEqual(vocabularies.size, 2, 'one growing vocabulary per thread');
      return index;
    };
    const first = await runInto();
    const second = await runInto();
    const builder = new BatchBuilder(() => []);
    for (const file of files) builder.addBytes({ path: file.path, size: file.size ?? 0, mtimeMs: file.mtimeMs ?? 0 }, readFileSync(file.path));
    const local = new CorpusIndex();
    local.addBatch(builder.finish());
    // As sets: equal scores are ordered by arrival, which differs between threads and one builder.
    const found = (index: CorpusIndex, query: string): string[] => hitPaths(index, query, { limit: 1000 }).sort();
    for (const query of ['number7', 'number11 OR number12', 'interest rates', 'wheat -number3', 'article*']) {
      assert.deepStrictEqual(found(first, query), found(local, query), query);
      assert.deepStrictEqual(found(second, query), found(local, query), query);
    }
  });

  it('stops its threads after a large run (their memory is not held through the compaction), and starts them again for the next', async () => {
    const files = listArticleFiles(dir);
    const small = new IndexWorkerPool({ extractor: { kind: 'none' }, workers: 2, stopAfterFiles: files.length });
    try {
      const count = async (run: readonly (typeof files)[number][]): Promise<number> => {
        let articles = 0;
        assert.strictEqual(await small.analyze(run, { batchFiles: 10, onBatch: (batch) => (articles += batch.articles.length) }), 'done');
        return articles;
      };
      assert.strictEqual(await count(files.slice(0, 5)), 5);
      assert.strictEqual(small.threadCount, 2, 'a small run keeps them for the next');
      assert.strictEqual(await count(files), 120);
      assert.strictEqual(small.threadCount, 0);
      assert.strictEqual(await count(files.slice(0, 5)), 5);
      assert.strictEqual(small.threadCount, 2);
    } finally {
      await small.dispose();
    }
  });

  it('stops when cancelled, and works again afterwards', async () => {
    const files = listArticleFiles(dir);
    const controller = new AbortController();
    let batches = 0;
    const outcome = await pool.analyze(files, {
      batchFiles: 5,
      signal: controller.signal,
      onBatch: () => {
        batches++;
        if (batches === 2) controller.abort();
      },
    });
    assert.strictEqual(outcome, 'cancelled');
    assert.ok(batches < files.length / 5);
    const again = await pool.analyze(files.slice(0, 3), { onBatch: () => undefined });
    assert.strictEqual(again, 'done');
    assert.strictEqual(await pool.analyze(files, { onBatch: () => undefined, signal: AbortSignal.abort() }), 'cancelled');
  });

  it('has busy threads end themselves between two files when stopped, never terminated inside a zlib call', async () => {
    const busy = new IndexWorkerPool({ extractor: { kind: 'none' }, workers: 2 });
    let stopped: Promise<number[]> | undefined;
    // Disposed at the first batch, with requests still in flight on both threads.
    const run = busy.analyze(listArticleFiles(dir), { batchFiles: 5, onBatch: () => void (stopped ??= busy.dispose()) });
    await assert.rejects(run, /indexing was stopped/);
    assert.deepStrictEqual(await stopped, [0, 0], 'exit code 0: ended itself; 1: terminated');
  });

  it('reports unreadable files as skipped rather than failing', async () => {
    const skipped: { code: string; reason: string }[] = [];
    await pool.analyze([{ path: dir }], { onBatch: (batch) => skipped.push(...batch.skipped) });
    assert.strictEqual(skipped[0]?.code, 'unreadable');
    // A folder named like an article: the reason says so, not Node's "EISDIR: illegal operation on a directory, read".
    assert.strictEqual(skipped[0]?.reason, 'could not be read: a folder, not a file');
  });

  it('reads no more of a file than the size limit allows, also when it grew after it was listed', async () => {
    const small = new IndexWorkerPool({ extractor: { kind: 'none' }, workers: 1, maxFileBytes: 100 });
    const grown = path.join(dir, 'grown.txt');
    writeFileSync(grown, article('2023-09-13', 'x'.repeat(70_000)));
    const fits = path.join(dir, '0001.txt');
    const seen: { articles: string[]; skipped: string[] } = { articles: [], skipped: [] };
    try {
      await small.analyze([{ path: grown, size: 50, mtimeMs: 0 }, { path: fits, size: 50, mtimeMs: 0 }], {
        onBatch: (batch) => {
          seen.articles.push(...batch.articles.map((meta) => path.basename(meta.path)));
          seen.skipped.push(...batch.skipped.map((file) => `${path.basename(file.path)}: ${file.code}`));
        },
      });
    } finally {
      await small.dispose();
      unlinkSync(grown);
    }
    assert.deepStrictEqual(seen, { articles: ['0001.txt'], skipped: ['grown.txt: too-large'] });
  });

  it('reads a file larger than its read buffer to the end', async () => {
    const large = path.join(dir, 'large.txt');
    writeFileSync(large, article('2023-09-13', `${'wheat '.repeat(40_000)}finalword`));
    const index = new CorpusIndex();
    try {
      await pool.analyze([{ path: large }], { onBatch: (batch) => index.addBatch(batch) });
    } finally {
      unlinkSync(large);
    }
    assert.deepStrictEqual(hitPaths(index, 'finalword'), [large]);
  });

  it('passes over a file deleted before it was read, without calling it a problem', async () => {
    const seen: { articles: number; skipped: number } = { articles: 0, skipped: 0 };
    await pool.analyze([{ path: path.join(dir, 'deleted-meanwhile.txt') }], {
      onBatch: (batch) => {
        seen.articles += batch.articles.length;
        seen.skipped += batch.skipped.length;
      },
    });
    assert.deepStrictEqual(seen, { articles: 0, skipped: 0 });
  });

  it('rejects with a clear message when the entity model cannot be loaded, the product named once', async () => {
    const broken = new IndexWorkerPool({ extractor: { kind: 'model', modelPath: path.join(dir, 'no-model.bin') }, workers: 1 });
    await assert.rejects(broken.analyze(listArticleFiles(dir).slice(0, 2), { onBatch: () => undefined }), /^Error: News Corpus: an indexing thread failed: (?!News Corpus)\S/);
    await broken.dispose();
  });

  it('leaves nothing uncaught when every thread fails to load the model: the threads stopped after the first failure report theirs too', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const broken = new IndexWorkerPool({ extractor: { kind: 'model', modelPath: path.join(dir, 'no-model.bin') }, workers: 2 });
    try {
      await assert.rejects(broken.analyze(listArticleFiles(dir).slice(0, 2), { onBatch: () => undefined }), /^Error: News Corpus: an indexing thread failed/);
      // The other thread's failure arrives after the run has ended (it was seen uncaught in the extension host), and before the thread has.
      await broken.dispose();
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    assert.deepStrictEqual(uncaught, []);
  });

  it('indexes without entities, and says why, when an unchecked entity model cannot be loaded', async () => {
    const problems: string[] = [];
    const pool = new IndexWorkerPool({ extractor: { kind: 'model', modelPath: path.join(dir, 'no-model.bin'), unchecked: true }, workers: 2, onModelProblem: (problem) => problems.push(problem) });
    const seen = { articles: 0, entities: 0 };
    const outcome = await pool.analyze(listArticleFiles(dir).filter((file) => !file.path.endsWith('notes.txt')).slice(0, 4), {
      onBatch: (batch) => {
        seen.articles += batch.articles.length;
        seen.entities += batch.entities.length;
      },
    });
    await pool.dispose();
    assert.strictEqual(outcome, 'done');
    assert.deepStrictEqual(seen, { articles: 4, entities: 0 });
    // A thread's notice comes before its first batch; a thread that answered no request may be stopped before it is read.
    assert.ok(problems.length >= 1 && problems.length <= 2, `one notice per thread at most, at least one: ${problems.length}`);
    for (const problem of problems) assert.match(problem, /^News Corpus: the entity model .*no-model\.bin is missing; people, places and organizations are not available/);
  });
});

describe('batchPieces', () => {
  it('cuts a batch into views that, merged one by one, index exactly like the whole batch', () => {
    const builder = new BatchBuilder(fakeExtractor(NEWS_ENTITIES));
    builder.addText({ path: 'not-an-article.txt', size: 5, mtimeMs: 0 }, 'plain');
    for (const item of NEWS) builder.addText({ path: item.path, size: item.text.length, mtimeMs: 0 }, item.text);
    const batch = builder.finish();
    const pieces = batchPieces(batch, 2);
    assert.strictEqual(pieces.length, Math.ceil(NEWS.length / 2));
    assert.deepStrictEqual(pieces.flatMap((piece) => piece.skipped.map((file) => file.path)), ['not-an-article.txt']);
    const byKey = (entities: readonly { key: string }[]) => entities.map(({ key }) => key).sort();
    assert.deepStrictEqual(byKey(pieces.flatMap((piece) => piece.entities)), byKey(batch.entities), 'every entity in exactly one piece');
    assert.ok(pieces.filter((piece) => piece.entities.length > 0).length > 1, 'shared out, not all in the first piece');
    assert.ok(pieces.every((piece) => piece.tokens.buffer === batch.tokens.buffer && piece.text.buffer === batch.text.buffer));
    const whole = new CorpusIndex();
    whole.addBatch(batch, { defer: true });
    whole.compactNow();
    const pieced = new CorpusIndex();
    for (const piece of pieces) pieced.addBatch(piece, { defer: true });
    pieced.compactNow();
    for (const query of ['wheat', 'person:Putin', '"interest rates"', 'date:2023', 'mosc*']) assert.deepStrictEqual(hitPaths(pieced, query), hitPaths(whole, query), query);
    assert.deepStrictEqual([...pieced.paths()], [...whole.paths()]);
    assert.deepStrictEqual(batchPieces(batch, batch.articles.length), [batch]);
  });

  it("gives each piece the entities its articles name first: merged without defer, as a sync of a few hundred files into an indexed corpus merges them, the entity figures count every article", () => {
    const builder = new BatchBuilder(fakeExtractor(NEWS_ENTITIES));
    // Articles naming no one first, then each entity: shared out evenly, the entities went with the first pieces, ahead of their articles.
    for (let i = 0; i < 4; i++) builder.addText({ path: `plain${i}.txt`, size: 1, mtimeMs: 0 }, article('2023-09-01', `Wheat report ${i}.`));
    for (const item of NEWS) builder.addText({ path: item.path, size: item.text.length, mtimeMs: 0 }, item.text);
    const batch = builder.finish();
    const pieces = batchPieces(batch, 2);
    const registered = new Set<number>();
    pieces.forEach((piece, at) => {
      for (const entity of piece.entities) registered.add(entity.term);
      let tokenAt = 0;
      const pieceTokens = piece.tokens;
      for (const item of piece.articles) {
        const fieldAt = tokenAt + item.bodyTokens + item.titleTokens;
        tokenAt = fieldAt + 2 * item.entityPairs;
        for (let t = fieldAt; t < tokenAt; t += 2) {
          const term = pieceTokens[t] ?? 0;
          if (batch.entities.some((entity) => entity.term === term)) assert.ok(registered.has(term), `${item.path} (piece ${at}) names ${batch.vocabulary[term]}, registered by a later piece`);
        }
      }
    });
    const figures = (index: CorpusIndex) => JSON.stringify(ENTITY_TYPES.map((type) => index.listEntities({ type, sort: 'mentions', offset: 0, limit: 100 }).entities));
    const compacted = new CorpusIndex();
    compacted.addBatch(batch, { defer: true });
    compacted.compactNow();
    const pieced = new CorpusIndex();
    // Figures counted before the pieces come, as those of an index already built or reopened are.
    assert.strictEqual(figures(pieced), JSON.stringify(ENTITY_TYPES.map(() => [])));
    for (const piece of pieces) pieced.addBatch(piece);
    assert.strictEqual(figures(pieced), figures(compacted));
  });
});

/**
 * A stand-in indexing thread: answers each request after a short delay with a batch that lists its
 * paths as skipped files, or with a 'failed' reply when a path is 'fail' — enough to test the pool's
 * bookkeeping without parsing anything.
 */
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (request) => {
  if (request.kind === 'stop') process.exit(0);
  const paths = request.files.map((file) => file.path);
  setTimeout(() => {
    if (paths.includes('fail')) {
      parentPort.postMessage({ kind: 'failed', id: request.id, message: 'broken on purpose' });
      return;
    }
    const skipped = paths.map((path) => ({ path, code: 'unreadable', reason: 'fake' }));
    parentPort.postMessage({ kind: 'batch', id: request.id, batch: { vocabulary: [], articles: [], entities: [], tokens: new Uint32Array(0), text: new Uint8Array(0), skipped } });
  }, 20);
});
`;

describe('IndexWorkerPool after a failed run', function () {
  this.timeout(20_000);
  let dir: string;
  let workerPath: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-fake-'));
    workerPath = path.join(dir, 'fake-worker.js');
    writeFileSync(workerPath, FAKE_WORKER);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const jobs = (...paths: string[]) => paths.map((file) => ({ path: file }));
  const seen = async (pool: IndexWorkerPool, paths: string[]): Promise<string[]> => {
    const got: string[] = [];
    await pool.analyze(jobs(...paths), { batchFiles: 1, onBatch: (batch) => got.push(...batch.skipped.map((file) => file.path)) });
    return got.sort();
  };

  it("on a 'failed' reply, stops the threads and never delivers that run's late replies to the next run", async () => {
    const pool = new IndexWorkerPool({ extractor: { kind: 'none' }, workers: 1, workerPath });
    // With two requests in flight, 'a' is still being answered when 'fail' makes the run reject.
    await assert.rejects(pool.analyze(jobs('fail', 'a', 'b'), { batchFiles: 1, onBatch: () => undefined }), /^Error: News Corpus: indexing failed: broken on purpose/);
    assert.strictEqual(pool.threadCount, 0);
    assert.deepStrictEqual(await seen(pool, ['x', 'y']), ['x', 'y']);
    await pool.dispose();
  });

  it('when onBatch throws, rejects with its error, stops the threads and keeps the next run clean', async () => {
    const pool = new IndexWorkerPool({ extractor: { kind: 'none' }, workers: 2, workerPath });
    const run = pool.analyze(jobs('a', 'b', 'c', 'd', 'e'), {
      batchFiles: 1,
      onBatch: () => {
        throw new Error('News Corpus: merge failed');
      },
    });
    await assert.rejects(run, /merge failed/);
    assert.strictEqual(pool.threadCount, 0);
    assert.deepStrictEqual(await seen(pool, ['x', 'y', 'z']), ['x', 'y', 'z']);
    await pool.dispose();
  });

  it('terminates a thread that does not end itself within the grace time', async () => {
    const deaf = path.join(dir, 'deaf-worker.js');
    writeFileSync(deaf, FAKE_WORKER.replace("if (request.kind === 'stop') process.exit(0);", "if (request.kind === 'stop') return;"));
    const pool = new IndexWorkerPool({ extractor: { kind: 'none' }, workers: 1, workerPath: deaf, stopGraceMs: 50 });
    // A run first, so that the thread is up and listening (terminated while it starts, a thread exits with 0).
    assert.deepStrictEqual(await seen(pool, ['x']), ['x']);
    assert.deepStrictEqual(await pool.dispose(), [1]);
  });

  it('rejects a run still going when the pool is disposed, instead of leaving it waiting', async () => {
    const pool = new IndexWorkerPool({ extractor: { kind: 'none' }, workers: 1, workerPath });
    const rejected = assert.rejects(pool.analyze(jobs('a', 'b', 'c'), { batchFiles: 1, onBatch: () => undefined }), /^Error: News Corpus: indexing was stopped/);
    await pool.dispose();
    await rejected;
  });

  it('drops a thread started ahead of a run that failed before it, and starts a fresh one for the run', async () => {
    // Fails once as it starts (the marker file is its failure), as a pre-started thread whose model was being replaced.
    const marker = path.join(dir, 'fail-once');
    writeFileSync(marker, '');
    const failingOnce = path.join(dir, 'failing-once-worker.js');
    writeFileSync(failingOnce, `const fs = require('node:fs');\nif (fs.existsSync(${JSON.stringify(marker)})) { fs.unlinkSync(${JSON.stringify(marker)}); throw new Error('failed to start'); }\n${FAKE_WORKER}`);
    const pool = new IndexWorkerPool({ extractor: { kind: 'none' }, workers: 1, workerPath: failingOnce });
    pool.start();
    assert.strictEqual(pool.threadCount, 1);
    while (pool.threadCount > 0) await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(await seen(pool, ['x', 'y']), ['x', 'y']);
    assert.strictEqual(pool.threadCount, 1);
    await pool.dispose();
  });

  it('IndexService: a failed update still schedules the idle stop of the threads', async () => {
    const service = new IndexService({ root: dir, extractor: { kind: 'none' }, workers: 1, workerPath });
    await assert.rejects(service.update({ path: 'fail' }), /indexing failed/);
    assert.notStrictEqual((service as unknown as { idleTimer?: unknown }).idleTimer, undefined);
    await service.dispose();
  });
});

/**
 * `ended` comes when the cache's reading thread has ended: the thread that posts the read, whichever thread starts
 * first (an index service may start its indexing threads before or after it). `stop` stops watching the threads
 * that start: call it whether or not `ended` came (a failed test must not leave the watch on the process).
 */
function cacheReaderEnded(): { ended: Promise<void>; stop: () => void } {
  let watch: (thread: Worker) => void = () => undefined;
  const ended = new Promise<void>((resolve) => {
    watch = (thread) => {
      thread.on('message', (message: Partial<CacheReaderMessage>) => {
        if (message.kind !== 'read') return;
        process.off('worker', watch);
        thread.once('exit', () => resolve());
      });
    };
    process.on('worker', watch);
  });
  return { ended, stop: () => process.off('worker', watch) };
}

describe('readCacheFile', function () {
  this.timeout(60_000);
  let dir: string;
  let cacheFile: string;
  const identity = (): { root: string; extractor: string } => ({ root: dir, extractor: 'none' });
  const inThisThread = '/nowhere/cache-reader.js';

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-reader-'));
    cacheFile = path.join(dir, 'index.ncidx');
    for (const item of NEWS) writeFileSync(path.join(dir, item.path), item.text);
    const built = new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' }, workers: 1 });
    await built.open(listArticleFiles(dir));
    await built.save();
    await built.dispose();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The articles and a few searches of the index a read gives, to compare two reads by. */
  const contents = (cache: CacheRead): unknown => {
    assert.ok(cache.found && cache.read.ok, 'the cache was read');
    const decoded = runAtOnce(decodeSavedSteps(cache.read));
    assert.ok(decoded.ok);
    const index = new CorpusIndex(decoded.parts);
    const searches = ['wheat', 'putin', '"interest rates"', 'after:2020'].map((query) => hitPaths(index, query));
    return { summaries: [...index.summaries()], searches };
  };

  it('reads in a thread of its own what this thread reads', async () => {
    assert.ok(statSync(DEFAULT_CACHE_READER_PATH).isFile(), 'the reader thread is compiled next to cache-file');
    const inThread = await readCacheFile(cacheFile, identity, DEFAULT_CACHE_READER_PATH);
    const here = await readCacheFile(cacheFile, identity, inThisThread);
    assert.deepStrictEqual(contents(inThread), contents(here));
    assert.ok(inThread.found && inThread.read.ok && inThread.read.saved.paths.length === NEWS.length);
  });

  it('says when its thread ended each phase only when asked, in order, the checksum only when the file has its length', async () => {
    const untimed = await readCacheFile(cacheFile, identity, DEFAULT_CACHE_READER_PATH);
    assert.ok(untimed.found && untimed.timed === undefined);
    const before = Date.now();
    const timed = await readCacheFile(cacheFile, identity, DEFAULT_CACHE_READER_PATH, { timed: true, onDays: () => undefined });
    assert.ok(timed.found && timed.read.ok && timed.timed);
    const { daysAt, reader, repliedAt } = timed.timed;
    const ends = [before, reader.readAt, reader.checkedAt ?? NaN, reader.inflatedAt, repliedAt, Date.now()];
    assert.deepStrictEqual([...ends].sort((a, b) => a - b), ends, 'read, checked, inflated, then received here');
    assert.ok(daysAt !== undefined && before <= daysAt && daysAt <= repliedAt, 'the days came before the read');
    assert.ok(reader.cpuMs === undefined || reader.cpuMs >= 0);
    const damagedFile = path.join(dir, 'damaged-timed.ncidx');
    writeFileSync(damagedFile, readFileSync(cacheFile).subarray(0, -5));
    const damaged = await readCacheFile(damagedFile, identity, DEFAULT_CACHE_READER_PATH, { timed: true });
    assert.ok(damaged.found && !damaged.read.ok && damaged.timed && damaged.timed.reader.checkedAt === undefined);
    const here = await readCacheFile(cacheFile, identity, inThisThread, { timed: true });
    assert.ok(here.found && here.timed === undefined, 'read here: no thread to time');
  });

  it('hands over the listing from the start of the file before the read, the same articles the read gives', async () => {
    const listings: SavedListing[] = [];
    const inThread = await readCacheFile(cacheFile, identity, DEFAULT_CACHE_READER_PATH, { onListing: (listing) => listings.push(listing) });
    assert.strictEqual(listings.length, 1);
    assert.ok(inThread.found && inThread.read.ok);
    const { paths, titles, columns } = inThread.read.saved;
    assert.deepStrictEqual(listings[0], { paths, titles, day: columns.day });
    const here: SavedListing[] = [];
    await readCacheFile(cacheFile, identity, inThisThread, { onListing: (listing) => here.push(listing) });
    assert.strictEqual(here.length, 0, 'read on this thread, the file is listed once loaded');
    const stale: SavedListing[] = [];
    await readCacheFile(cacheFile, () => ({ root: '/another/folder', extractor: 'none' }), DEFAULT_CACHE_READER_PATH, { onListing: (listing) => stale.push(listing) });
    assert.strictEqual(stale.length, 0, 'a cache for another folder lists nothing');
  });

  it('lets a load count the saved dates, then list the saved articles, before it is done, as the loaded index lists them', async () => {
    const service = new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' }, workers: 1, cacheReaderPath: DEFAULT_CACHE_READER_PATH });
    let listed: { articles: readonly ArticleSummary[]; loaded: boolean } | undefined;
    let dated: { dates: ReadonlyMap<string | undefined, number>; listed: boolean } | undefined;
    const outcome = await service.load({
      onListing: (articles) => {
        listed = { articles: [...articles], loaded: service.isLoaded };
      },
      onDates: (dates) => (dated = { dates, listed: listed !== undefined }),
    });
    assert.strictEqual(outcome.source, 'cache');
    assert.deepStrictEqual(listed, { articles: [...service.index.summaries()], loaded: false });
    const counts = new Map<string | undefined, number>();
    for (const { date } of service.index.summaries()) counts.set(date, (counts.get(date) ?? 0) + 1);
    assert.deepStrictEqual(dated, { dates: counts, listed: false }, 'the dates counted from the day column, heard before the listing');
    await service.dispose();
  });

  it("finishes a load only once the listing's listener has", async () => {
    const service = new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' }, workers: 1, cacheReaderPath: DEFAULT_CACHE_READER_PATH });
    const steps: string[] = [];
    const watching = process.listenerCount('worker');
    // A listener still at work when the rest of the file has come: it ends once the reading thread has.
    const reader = cacheReaderEnded();
    try {
      const outcome = await service.load({
        onListing: async (articles) => {
          await reader.ended;
          steps.push(`listed ${[...articles].length}`);
        },
      });
      steps.push('loaded');
      assert.strictEqual(outcome.source, 'cache');
      assert.deepStrictEqual(steps, [`listed ${service.index.articleCount}`, 'loaded']);
    } finally {
      reader.stop();
      await service.dispose();
    }
    assert.strictEqual(process.listenerCount('worker'), watching, 'no watch left on the process');
  });

  it("answers a search with the saved index while the listing's listener is still at work", async () => {
    const service = new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' }, workers: 1, cacheReaderPath: DEFAULT_CACHE_READER_PATH });
    const steps: string[] = [];
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    try {
      const outcome = await service.load({
        // Ends only once a search has answered: a load that decoded the index after the listing would never end.
        onListing: async (articles) => {
          await answered;
          steps.push(`listed ${[...articles].length}`);
        },
        onSearchable: () => {
          const response = service.search('wheat');
          steps.push(`searched: ${response.ok ? response.hits.map((hit) => path.basename(hit.path)).join(' ') : response.error}`);
          answer();
        },
      });
      steps.push('loaded');
      assert.strictEqual(outcome.source, 'cache');
      const wheat = hitPaths(service.index, 'wheat').map((file) => path.basename(file));
      assert.ok(wheat.length > 0, 'the query finds articles');
      assert.deepStrictEqual(steps, [`searched: ${wheat.join(' ')}`, `listed ${service.index.articleCount}`, 'loaded']);
    } finally {
      await service.dispose();
    }
  });

  it('asks once for what the index must have been built from, and lists nothing built with another entity extractor', async () => {
    let asked = 0;
    const listings: SavedListing[] = [];
    const expected = () => {
      asked++;
      return { root: dir, extractor: 'ner:0123456789abcdef' };
    };
    const other = await readCacheFile(cacheFile, expected, DEFAULT_CACHE_READER_PATH, { onListing: (listing) => listings.push(listing) });
    assert.strictEqual(asked, 1);
    assert.strictEqual(listings.length, 0);
    assert.ok(other.found && !other.read.ok && /built with entity extractor "none", now "ner:0123456789abcdef"/.test(other.read.problem.message));
  });

  it('finds no file without starting a thread or asking what the index must have been built from', async () => {
    let asked = 0;
    const started: Worker[] = [];
    const watch = (thread: Worker): number => started.push(thread);
    process.on('worker', watch);
    try {
      const read = await readCacheFile(path.join(dir, 'never-saved.ncidx'), () => (asked++, identity()), DEFAULT_CACHE_READER_PATH);
      assert.deepStrictEqual(read, { found: false });
    } finally {
      process.off('worker', watch);
    }
    assert.deepStrictEqual([asked, started.length], [0, 0]);
  });

  it('asks once for what the index must have been built from when its thread fails and the read is done here', async () => {
    const failing = path.join(dir, 'failing-reader.js');
    writeFileSync(failing, "throw new Error('a reader thread that fails');");
    let asked = 0;
    const counted = () => (asked++, identity());
    const read = await readCacheFile(cacheFile, counted, failing);
    assert.strictEqual(asked, 1);
    assert.deepStrictEqual(contents(read), contents(await readCacheFile(cacheFile, identity, inThisThread)));
  });

  it('reads the rest of the file while it waits for what the index must have been built from', async () => {
    // A file longer than the head read first, its rest after the listing's part: an article of words the codes cannot shorten much.
    const next = seededRandom(7);
    const words = Array.from({ length: 40_000 }, () => next().toString(36).slice(2, 8)).join(' ');
    writeFileSync(path.join(dir, 'long.txt'), article('2024-02-02', words));
    const longCache = path.join(dir, 'long.ncidx');
    const built = new IndexService({ root: dir, cacheFile: longCache, extractor: { kind: 'none' }, workers: 1 });
    await built.open(listArticleFiles(dir));
    await built.save();
    await built.dispose();
    unlinkSync(path.join(dir, 'long.txt'));
    const file = readFileSync(longCache);
    const listingEnd = indexListingEnd(file.subarray(0, INDEX_HEAD_BYTES)) ?? file.length;
    assert.ok(Math.max(INDEX_HEAD_BYTES, listingEnd) < file.length, 'the rest of the file is read after the listing\'s part');
    let readTo = 0;
    const inMemory = {
      stat: () => Promise.resolve({ size: file.length }),
      read: (buffer: Buffer, offset: number, length: number, position: number) => {
        file.copy(buffer, offset, position, position + length);
        readTo = Math.max(readTo, position + length);
        return Promise.resolve({ bytesRead: length });
      },
    };
    const readWhenAsked = async (built: { root: string; extractor: string }) => {
      let readWhenKnown = 0;
      // Reads from memory end within the current turn: the identity comes after every read that did not wait for it.
      const expected = new Promise<{ root: string; extractor: string }>((resolve) => setImmediate(() => ((readWhenKnown = readTo), resolve(built))));
      const kinds: string[] = [];
      readTo = 0;
      const { bytes, listed } = await readListingFirst(inMemory, expected, (message) => kinds.push(message.kind));
      return { readWhenKnown, whole: bytes.equals(file), listed, kinds };
    };
    assert.deepStrictEqual(await readWhenAsked(identity()), { readWhenKnown: file.length, whole: true, listed: true, kinds: ['days', 'listing'] });
    assert.deepStrictEqual(await readWhenAsked({ root: '/another/folder', extractor: 'none' }), { readWhenKnown: file.length, whole: true, listed: false, kinds: [] });
  });

  it('has its thread end itself, never terminated, and fails when what the index must have been built from cannot be worked out', async () => {
    const unknown = () => {
      throw new Error('News Corpus: the entity model cannot be read.');
    };
    // Not an index file: the thread reads it whole before it waits for the identity.
    const notAnIndex = path.join(dir, 'not-an-index.ncidx');
    writeFileSync(notAnIndex, 'not an index file');
    // The thread waits for the identity: left running, it would never end. Terminated, it could be inside a zlib
    // call (and end with 0 all the same if it had not started yet): the test counts the calls, made before the
    // process hears of the thread.
    const running = new Set<Worker>();
    const watch = (thread: Worker): void => {
      running.add(thread);
      thread.once('exit', () => running.delete(thread));
    };
    let terminated = 0;
    const { terminate } = Worker.prototype;
    Worker.prototype.terminate = function (this: Worker) {
      terminated++;
      return terminate.call(this);
    };
    process.on('worker', watch);
    try {
      for (const file of [cacheFile, notAnIndex]) await assert.rejects(readCacheFile(file, unknown, DEFAULT_CACHE_READER_PATH), /the entity model cannot be read/);
    } finally {
      process.off('worker', watch);
      Worker.prototype.terminate = terminate;
    }
    assert.deepStrictEqual([...running], [], 'every thread the read started has ended when it fails');
    assert.strictEqual(terminated, 0, 'no thread was terminated');
  });

  it('lets an index service ask for its extractor on first need, and refuse a cache built with another one before listing it', async () => {
    let asked = 0;
    const model = { kind: 'model', modelPath: path.join(__dirname, '..', '..', '..', '..', 'models', 'ner.bin') } as const;
    const service = new IndexService({ root: dir, cacheFile, extractor: () => (asked++, model), workers: 1, cacheReaderPath: DEFAULT_CACHE_READER_PATH });
    assert.strictEqual(asked, 0, 'not asked when made');
    let listed = 0;
    const outcome = await service.load({ onListing: () => void listed++ });
    assert.strictEqual(asked, 1);
    assert.strictEqual(listed, 0);
    assert.strictEqual(outcome.source, 'none');
    assert.match(outcome.message ?? '', /built with entity extractor "none", now "ner:[0-9a-f]{16}\+entities-v\d+"/);
    await service.dispose();
  });

  it('says when there is no file, and why a damaged or stale one cannot be used, from either thread', async () => {
    for (const reader of [DEFAULT_CACHE_READER_PATH, inThisThread]) {
      assert.deepStrictEqual(await readCacheFile(path.join(dir, 'missing.ncidx'), identity, reader), { found: false });
      const stale = await readCacheFile(cacheFile, () => ({ root: '/another/folder', extractor: 'none' }), reader);
      assert.ok(stale.found && !stale.read.ok && /out of date \(it was built for/.test(stale.read.problem.message));
      const damagedFile = path.join(dir, 'damaged.ncidx');
      writeFileSync(damagedFile, withTextByteFlipped(readFileSync(cacheFile)));
      const damaged = await readCacheFile(damagedFile, identity, reader);
      assert.ok(damaged.found && damaged.read.ok && damaged.read.textCheck, 'the text section is left for later');
      const found = await runInSlices(textCheckSteps(damaged.read.textCheck));
      assert.match(found?.problem.message ?? '', /damaged \(checksum mismatch\)/);
      writeFileSync(damagedFile, readFileSync(cacheFile).subarray(0, -5));
      const cut = await readCacheFile(damagedFile, identity, reader);
      assert.ok(cut.found && !cut.read.ok && /damaged \(the file was cut short/.test(cut.read.problem.message));
    }
  });
});

/** A copy of an index file's bytes with a byte in the middle of its text section flipped: damage no structural check sees. */
function withTextByteFlipped(file: Buffer): Buffer {
  const text = indexFileSections(file).find(({ info }) => info.name === 'text')?.bytes;
  assert.ok(text && text.length > 0);
  const bytes = Buffer.from(file);
  const at = text.byteOffset - file.byteOffset + Math.floor(text.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return bytes;
}

describe('IndexService', function () {
  this.timeout(60_000);
  let dir: string;
  let cacheFile: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-service-'));
    cacheFile = path.join(dir, 'cache', 'index.ncidx');
    for (const item of NEWS) writeFileSync(path.join(dir, item.path), item.text);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const service = (): IndexService => new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' }, workers: 2 });
  /** Builds the folder's index, saves it to the cache and lets the service go: the cache a next service finds. */
  const savedCache = async (): Promise<void> => {
    const first = service();
    await first.open(listArticleFiles(dir));
    await first.save();
    await first.dispose();
  };

  it("tells a load's listener when each phase ended, once the index answers searches, only from its cache's thread", async () => {
    await savedCache();
    const heard: CacheLoadPhases[] = [];
    let searchable = false;
    const onLoadPhases = (phases: CacheLoadPhases) => heard.push(phases);
    const timed = new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' }, workers: 1, cacheReaderPath: DEFAULT_CACHE_READER_PATH, onLoadPhases });
    assert.strictEqual((await timed.load({ onSearchable: () => (searchable = heard.length === 0) })).source, 'cache');
    await timed.dispose();
    assert.ok(searchable, 'heard after onSearchable');
    assert.strictEqual(heard.length, 1);
    const [{ reader, repliedAt, searchableAt, textCheckedAt }] = heard as [CacheLoadPhases];
    assert.ok(reader.readAt <= reader.inflatedAt && reader.inflatedAt <= repliedAt && repliedAt <= searchableAt && searchableAt <= textCheckedAt);
    const here = new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' }, workers: 1, onLoadPhases });
    assert.strictEqual((await here.load()).source, 'cache');
    await here.dispose();
    assert.strictEqual(heard.length, 1, 'read on this thread: nothing timed');
  });

  it('answers searches from a cache whose text section is damaged only until its checksum is finished, then drops it and rebuilds', async () => {
    await savedCache();
    for (const cacheReaderPath of [DEFAULT_CACHE_READER_PATH, undefined]) {
      writeFileSync(cacheFile, withTextByteFlipped(readFileSync(cacheFile)));
      const reopened = new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' }, workers: 1, ...(cacheReaderPath === undefined ? {} : { cacheReaderPath }) });
      let answeredWhileLoading = false;
      const loaded = await reopened.load({ onSearchable: () => (answeredWhileLoading = reopened.index.articleCount === NEWS.length) });
      assert.ok(answeredWhileLoading, 'searchable before the text was checked');
      assert.strictEqual(loaded.source, 'none');
      assert.strictEqual(loaded.message, 'News Corpus: the saved index is damaged (checksum mismatch); rebuilding it.');
      assert.strictEqual(reopened.index.articleCount, 0, 'the damaged index is dropped');
      const synced = await reopened.sync(listArticleFiles(dir));
      assert.strictEqual(synced.added, NEWS.length, 'every article read again');
      assert.strictEqual(await reopened.save(), true, 'the rebuilt index replaces the damaged file');
      await reopened.dispose();
    }
    const again = service();
    assert.strictEqual((await again.load()).source, 'cache');
    await again.dispose();
  });

  it('builds, saves, and reopens from the cache re-reading only what changed', async () => {
    const first = service();
    const built = await first.open(listArticleFiles(dir));
    assert.strictEqual(built.source, 'built');
    assert.strictEqual(built.sync.added, NEWS.length);
    await first.save();
    await first.dispose();

    writeFileSync(path.join(dir, 'wheat.txt'), article('2022-07-02', 'Barley replaces the crop.'));
    utimesSync(path.join(dir, 'wheat.txt'), new Date(), new Date(Date.now() + 5000));
    unlinkSync(path.join(dir, 'georgia.txt'));
    writeFileSync(path.join(dir, 'new.txt'), article('2024-01-01', 'A zebra escapes.'));

    const second = service();
    const reopened = await second.open(listArticleFiles(dir));
    assert.strictEqual(reopened.source, 'cache');
    assert.deepStrictEqual([reopened.sync.added, reopened.sync.updated, reopened.sync.removed, reopened.sync.unchanged], [1, 1, 1, NEWS.length - 2]);
    const hits = (query: string) => {
      const response = second.search(query);
      assert.ok(response.ok);
      return response.hits.map((hit) => path.basename(hit.path));
    };
    assert.deepStrictEqual(hits('barley'), ['wheat.txt']);
    assert.deepStrictEqual(hits('zebra'), ['new.txt']);
    assert.deepStrictEqual(hits('georgia'), []);
    assert.deepStrictEqual(hits('wheat'), []);
    await second.dispose();
  });

  it('does not rewrite the cache when nothing changed, and does after a change', async () => {
    const first = service();
    await first.open(listArticleFiles(dir));
    assert.strictEqual(await first.save(), true);
    assert.strictEqual(await first.save(), false, 'saved already');
    await first.dispose();
    const written = statSync(cacheFile);
    const second = service();
    const reopened = await second.open(listArticleFiles(dir));
    assert.deepStrictEqual([reopened.source, reopened.sync.unchanged], ['cache', NEWS.length]);
    assert.strictEqual(await second.save(), false);
    const after = statSync(cacheFile);
    assert.deepStrictEqual([after.mtimeMs, after.size, after.ino], [written.mtimeMs, written.size, written.ino]);
    await second.remove(path.join(dir, 'georgia.txt'));
    assert.strictEqual(await second.save(), true);
    await second.dispose();
  });

  it('keeps the old cache when a write of the new one fails or the head goes short: the error reported, no temporary file left, every write settled before the file is closed', async () => {
    await savedCache();
    const saved = readFileSync(cacheFile);
    const realOpen = fsPromises.open;
    // One error, naming the cache file the user knows (never the temporary one beside it).
    const notWritten = (reason: string): RegExp => new RegExp(`^Error: News Corpus: the index cache \\S*index\\.ncidx could not be written \\(${reason}\\); the old cache is kept\\.$`);
    // The third write fails; or the head, the last write, at the file's start (the first is the zeros there), goes short.
    const failing = [
      { name: 'a failed write', fails: (call: number) => call === 3, short: false, expected: notWritten('ENOSPC: no space left on device, write') },
      { name: 'a short head', fails: (call: number, position: number) => call > 1 && position === 0, short: true, expected: notWritten('the disk took only part of a write: is it full\\?') },
    ];
    for (const { name, fails, short, expected } of failing) {
      writeFileSync(path.join(dir, `${name.replace(/ /g, '-')}.txt`), article('2024-01-01', `A story about ${name}.`));
      const second = service();
      await second.open(listArticleFiles(dir));
      const pendingAtClose: number[] = [];
      fsPromises.open = async (...args: Parameters<typeof realOpen>) => {
        const handle = await realOpen(...args);
        let calls = 0;
        let pending = 0;
        const write = handle.write.bind(handle) as (buffer: Uint8Array, offset: number, length: number, position: number) => Promise<{ bytesWritten: number; buffer: Uint8Array }>;
        const close = handle.close.bind(handle);
        return Object.assign(handle, {
          write: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
            calls++;
            pending++;
            try {
              if (!fails(calls, position)) return await write(buffer, offset, length, position);
              if (short) return await write(buffer, offset, length - 1, position);
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            } finally {
              pending--;
            }
          },
          close: () => {
            pendingAtClose.push(pending);
            return close();
          },
        });
      };
      try {
        await assert.rejects(second.save(), expected, name);
      } finally {
        fsPromises.open = realOpen;
      }
      await second.dispose();
      assert.deepStrictEqual(pendingAtClose, [0], name);
      assert.ok(readFileSync(cacheFile).equals(saved), `${name}: the old cache is kept`);
      assert.deepStrictEqual(readdirSync(path.dirname(cacheFile)), ['index.ncidx'], `${name}: no temporary file left`);
    }
  });

  it('loads the cache before any file is compared, then syncs', async () => {
    await savedCache();
    const second = service();
    assert.strictEqual(second.isLoaded, false);
    const loaded = await second.load();
    assert.deepStrictEqual([loaded.source, second.isLoaded, second.index.articleCount], ['cache', true, NEWS.length]);
    writeFileSync(path.join(dir, 'new.txt'), article('2024-01-01', 'A zebra escapes.'));
    const synced = await second.sync(listArticleFiles(dir));
    assert.deepStrictEqual([synced.added, synced.unchanged], [1, NEWS.length]);
    await second.dispose();
  });

  it('lists articles as a first build indexes them, and answers searches over what it has made searchable so far', async () => {
    writeCorpus(dir, 400);
    const files = listArticleFiles(dir);
    const building = new IndexService({ root: dir, extractor: { kind: 'none' }, workers: 2, partialSearchFrom: 25 });
    const listed: string[] = [];
    const seen: { listed: number; indexed: number; total: number; hits: number }[] = [];
    const opened = await building.open(files, {
      onArticles: (articles) => {
        listed.push(...articles.map((summary) => summary.path));
        const partial = building.partialIndex;
        const response = building.search('wheat', { limit: 1000 });
        if (partial && response.ok) seen.push({ listed: listed.length, ...partial, hits: response.total });
      },
    });
    assert.strictEqual(listed.length, opened.sync.added);
    assert.ok(seen.length > 0, 'a search answered while the build ran');
    for (const state of seen) {
      assert.strictEqual(state.total, files.length);
      assert.ok(state.indexed > 0 && state.indexed < files.length && state.indexed <= state.listed, JSON.stringify(state));
      assert.ok(state.hits > 0 && state.hits <= state.indexed, JSON.stringify(state));
    }
    assert.strictEqual(building.partialIndex, undefined);
    const complete = building.search('wheat', { limit: 1000 });
    assert.ok(complete.ok && complete.total >= 400 && seen.every((state) => state.hits < complete.total));
    await building.dispose();
  });

  it('follows single-file changes: update, text handed in, removal, a file that stops being an article', async () => {
    const live = service();
    await live.open(listArticleFiles(dir));
    const file = path.join(dir, 'rates.txt');
    writeFileSync(file, article('2023-09-15', 'Rates cut to help giraffes.'));
    const updated = await live.update({ path: file });
    assert.deepStrictEqual([updated.added, updated.updated], [0, 1]);
    assert.strictEqual(live.search('giraffes').ok && (live.search('giraffes') as { total: number }).total, 1);
    await live.update({ path: 'untitled:1', text: article('2023-01-01', 'Unsaved okapi story.') });
    const okapi = live.search('okapi');
    assert.ok(okapi.ok && okapi.hits[0]?.path === 'untitled:1');
    assert.strictEqual(await live.remove(file), true);
    assert.ok(live.search('giraffes').ok && (live.search('giraffes') as { total: number }).total === 0);
    writeFileSync(path.join(dir, 'wheat.txt'), 'the header is gone');
    const stopped = await live.update({ path: path.join(dir, 'wheat.txt') });
    assert.strictEqual(stopped.skipped.length, 1);
    assert.ok((live.search('wheat') as { total: number }).total === 0);
    await live.dispose();
  });

  it('rebuilds with a message when the cache is damaged or was built for another folder', async () => {
    await savedCache();
    const bytes = readFileSync(cacheFile);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 1;
    writeFileSync(cacheFile, bytes);
    const damaged = service();
    const outcome = await damaged.open(listArticleFiles(dir));
    assert.strictEqual(outcome.source, 'built');
    assert.match(outcome.message ?? '', /damaged \(checksum mismatch\); rebuilding/);
    assert.ok((damaged.search('wheat') as { total: number }).total === 1);
    await damaged.save();
    await damaged.dispose();
    const elsewhere = new IndexService({ root: '/another/folder', cacheFile, extractor: { kind: 'none' } });
    const stale = await elsewhere.open(listArticleFiles(dir));
    assert.strictEqual(stale.source, 'built');
    assert.match(stale.message ?? '', /out of date \(it was built for/);
    await elsewhere.dispose();
  });

  it('lets two services in one process save the same cache at once', async () => {
    const files = listArticleFiles(dir);
    const [one, two] = [service(), service()];
    await Promise.all([one.open(files), two.open(files)]);
    await Promise.all([one.save(), two.save(), one.save()]);
    assert.deepStrictEqual(readdirSync(path.dirname(cacheFile)), ['index.ncidx']);
    await Promise.all([one.dispose(), two.dispose()]);
    const reopened = service();
    assert.strictEqual((await reopened.open(files)).source, 'cache');
    await reopened.dispose();
  });

  it('refuses changes after dispose without starting threads; searching still works', async () => {
    const live = service();
    await live.open(listArticleFiles(dir));
    await live.dispose();
    const threads = (): number => (live as unknown as { pool: IndexWorkerPool }).pool.threadCount;
    const closed = /^Error: News Corpus: the index of .* has been closed/;
    await assert.rejects(live.update({ path: path.join(dir, 'rates.txt') }), closed);
    await assert.rejects(live.sync(listArticleFiles(dir)), closed);
    await assert.rejects(live.open(listArticleFiles(dir)), closed);
    await assert.rejects(live.remove(path.join(dir, 'rates.txt')), closed);
    assert.strictEqual(threads(), 0);
    assert.ok((live.search('wheat') as { total: number }).total === 1);
  });

  it('cancels a build, keeping the previous index', async () => {
    writeCorpus(dir, 300);
    const live = service();
    const controller = new AbortController();
    const opened = await live.open(listArticleFiles(dir), { signal: controller.signal, onProgress: () => controller.abort() });
    assert.strictEqual(opened.sync.cancelled, true);
    assert.strictEqual(live.index.articleCount, 0);
    const retried = await live.sync(listArticleFiles(dir));
    assert.strictEqual(retried.cancelled, false);
    assert.strictEqual(live.index.articleCount, NEWS.length + 300);
    await live.dispose();
  });
});
