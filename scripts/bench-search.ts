// `npm run bench`: builds Reuters-derived corpora of 5,000, 20,000 and 100,000 articles of real-news length
// (~3.6 KB) and measures the corpus index against the issues' targets, with ripgrep on the same queries for
// comparison; the queries ask for the search box's 50 results with snippets, first on the built index, then
// on the index reopened from its cache (its first query and first round timed apart); then, on that reopened
// index, the Entities view's work (listing a group's first page, expanding an entity) and what the entity
// model costs in memory, cache bytes and reopen time. Every size and time is printed next to the text's size.
// Usage: npm run bench [-- [--short] [--no-entities] [--hover] 5000 20000 100000] (the sizes to measure, all three
// when none is given; --short: Reuters stories at their own length, under 1 KB, as the benchmark measured before
// issue 13; --no-entities: build without the entity model, ~5× faster, for the index's own figures; --hover: only
// the Entities view and hover card rows, on an index reopened from a cache kept between runs, built when missing)
import { fork, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { LikelyDuplicateHints } from '../src/core/curation/likely-duplicate-hints';
import { cardDuplicateOf, entityCardMarkdown, entityCardOf } from '../src/core/entity-card';
import { EntityDirectory, everyEntity } from '../src/core/entity-directory';
import { RememberedEntities } from '../src/core/entities/remembered-entities';
import { ArticleEntity } from '../src/core/entities/types';
import { periodChildren } from '../src/core/period-groups';
import { seededRandom } from '../src/core/random';
import { CorpusIndex, IndexParts } from '../src/core/search/corpus-index';
import { CorpusNameLookup } from '../src/core/search/corpus-names';
import { nameSuggestions } from '../src/core/search/query-help';
import { EntityListRequest, EntitySort, EntitySummary } from '../src/core/search/entity-listing';
import { ENTITY_TYPES } from '../src/core/search/entity-table';
import { INDEX_FILE_MAGIC, IndexIdentity, decodeIndex, indexFileSections } from '../src/core/search/index-file';
import { SectionInfo, decodeEntitySection } from '../src/core/search/index-sections';
import { runAtOnce } from '../src/core/search/time-slices';
import { ExtractorSpec, extractorId, loadModel } from '../src/workers/entity-extractor';
import { IndexService, WarmUpOutcome } from '../src/workers/index-service';
import { listArticleFiles } from '../src/workers/list-files';
import { ArticleLength, BENCH_SEED, benchCorpus } from './bench-corpus';
import { CORRECTION_NOTES, CorrectionFigures, correctionFigures } from './bench-corrections';
import { MODEL, REUTERS, removeCacheFile } from './bench-paths';

const DEFAULT_SIZES = [5000, 20000, 100000];
const ROUNDS = 5;
/** The search box asks for this many results, snippets included (`DEFAULT_SEARCH_RESULTS` in src/corpus/settings.ts). */
const SEARCH_BOX_RESULTS = 50;
const SEARCH_OPTIONS = { limit: SEARCH_BOX_RESULTS };
const MB = 1024 * 1024;
/** The Entities view lists a group's first entities in pages of this many ("Show 200 more…"). */
const ENTITY_PAGE = 200;
const ENTITY_SORTS: readonly EntitySort[] = ['articles', 'mentions', 'name'];
/**
 * Name filters a user might type, besides none (undefined): short ones match the most entities, which makes
 * the slowest filtered lists.
 */
const ENTITY_FILTERS: readonly (string | undefined)[] = [undefined, 'an', 'ba', 'mar'];
/** Rounds over every listing; the first round holds each listing's first call after the reopen. */
const LISTING_ROUNDS = 3;
/** Entities expanded once each: the largest ones (the slowest to expand), then random ones. */
const EXPANDED_ENTITIES = 200;
const LARGEST_EXPANDED = 10;
/** Words of the long article whose first hover is timed (the issue's "newly opened 10,000-word article"). */
const LONG_ARTICLE_WORDS = 10_000;

/** The fixed query mix, each with the literal ripgrep is given for the same need. */
const QUERIES: readonly (readonly [query: string, rgPattern: string])[] = [
  ['dividend', 'dividend'],
  ['bundesbank', 'bundesbank'],
  ['coffee', 'coffee'],
  ['said', 'said'],
  ['interest rates', 'interest'],
  ['oil prices opec', 'opec'],
  ['trade deficit japan', 'deficit'],
  ['acquisition merger', 'merger'],
  ['federal reserve', 'federal'],
  ['bank*', 'bank'],
  ['export*', 'export'],
  ['currenc*', 'currenc'],
  ['"bank of england"', 'bank of england'],
  ['"interest rates"', 'interest rates'],
  ['"crude oil" prices', 'crude oil'],
  ['person:Baker', 'baker'],
  ['place:Japan', 'japan'],
  ['org:OPEC', 'opec'],
  ['place:Tokyo stocks', 'tokyo'],
  ['date:2019-03 oil', 'oil'],
  ['after:2022-06-01 wheat', 'wheat'],
  ['before:2016 dividend', 'dividend'],
  ['on:2020-01-15', 'date 2020-01-15'],
  ['bundesbnak', 'bundesbnak'],
  ['dividnd', 'dividnd'],
  ['acqusition~', 'acqusition'],
  ['wheat OR corn -usda', 'wheat'],
  ['coffee -brazil', 'coffee'],
];

interface Figures {
  readonly articles: number;
  /** The text of the articles: the size of their files. */
  readonly megabytes: number;
  /** The 1-minute load average when the size ended. */
  readonly loadAtEnd: number;
  /** The process's largest RSS, sampled every 5 ms during the cold build (indexing threads included). */
  readonly peakRssMb: number;
  /** Queries on the index reopened from its cache. */
  readonly reopened: ReopenedQueries;
  readonly coldMs: number;
  /** CPU time of the whole process (main thread and indexing threads) during the cold build. */
  readonly coldCpuMs: number;
  /** The 1-minute load average when the size started: the machine is shared, and times depend on it. */
  readonly loadAtStart: number;
  /** Reading every file once before the build, which puts them in the OS cache (as for ripgrep's runs). */
  readonly fillCacheMs: number;
  readonly withoutEntities: BuildWithoutEntities;
  /** Heap and typed arrays the built index holds (after a full GC, less the same before the build). */
  readonly indexMb: number;
  readonly entities: number;
  readonly maxStallMs: number;
  /** When the longest build stall began, and when the last batch was merged (after it: compaction), in ms into the build. */
  readonly stallAtMs: number;
  readonly lastBatchMs: number;
  readonly saveMs: number;
  readonly saveStallMs: number;
  readonly reopenStallMs: number;
  readonly cacheMb: number;
  /** Each section of the cache file, as its description lists them (issue 13: what each part costs). */
  readonly sections: readonly { readonly name: string; readonly mb: number }[];
  readonly reopenMs: number;
  /** The reopen's first stage (the cache read, checked and decoded up to what lists articles and answers a search). */
  readonly reopenLoadMs: number;
  /** The rest of the load after the reopen, in the background (entity table and fields, term tree, entity figures). */
  readonly reopenRestMs: number;
  /** From the reopen's start until the index answers a search (the cache's first stage decoded). */
  readonly reopenSearchableMs: number;
  /** From the reopen's start until the search's warm-up is done (after the rest of the load), and the warm-up itself. */
  readonly reopenWarmedMs: number;
  readonly warmUp: WarmUpOutcome;
  readonly heapMb: number;
  readonly arrayBuffersMb: number;
  readonly rssMb: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly rgP50?: number;
  readonly rgP95?: number;
  readonly browsing: BrowsingFigures;
  readonly cost: EntityModelCost;
  readonly corrections: CorrectionFigures;
}

/** The same cold build without entity extraction: its time, the memory its index holds, its cache's size and reopen. */
interface BuildWithoutEntities {
  readonly ms: number;
  readonly indexMb: number;
  readonly cacheMb: number;
  readonly reopenMs: number;
}

/** The very first query on a reopened index and the first round of the mix (each query's first run). */
interface FirstQueries {
  readonly firstMs: number;
  readonly firstRound: Spread;
}

/**
 * Queries on the index reopened from its cache, once its search has warmed up: the very first query, the first
 * round of the mix (each query's first run), then {@link ROUNDS} more; and the first ones of a new process that
 * searches at once, as soon as the reopen answers, the rest of the load and the warm-up not waited for.
 */
interface ReopenedQueries extends FirstQueries {
  readonly atOnce: FirstQueries;
  /** Every round, the first included. */
  readonly all: Spread;
  /** The phrase queries alone, every round. */
  readonly phrases: Spread;
}

/** Median, 95th percentile and maximum of a set of timings, in ms. */
interface Spread {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** Hover cards on the reopened index: building a card for sampled entities, and the first hover on a long new article. */
interface HoverFigures {
  readonly card: Spread;
  /** The same cards' CPU time (the process's, which has no other work then): what a shared machine's waiting does not inflate. */
  readonly cardCpu: Spread;
  /** The first card of each of as many other entities (sampled alike), once the card code has run: as an extension host after its first hovers. */
  readonly warmCard: Spread;
  readonly warmCardCpu: Spread;
  /** The first hover on a new long article analysed when its editor showed it: the remembered entities, then the card. */
  readonly firstLongMs: number;
  /** The same, on the first article analysed in the process. */
  readonly coldFirstLongMs: number;
  /** The analysis when the editor shows the article (recogniser and merging), recogniser warm / first analysis of the process. */
  readonly shownMs: number;
  readonly coldShownMs: number;
  /** A hover that finds nothing analysed: the analysis and the card in one go, recogniser warm. */
  readonly unanalysedMs: number;
  readonly longWords: number;
  /** The 1-minute load average when the hover figures were taken. */
  readonly load: number;
}

/** The Entities view's work on the index reopened from its cache, first calls included. */
interface BrowsingFigures {
  readonly hover: HoverFigures;
  readonly typeCountsMs: number;
  readonly listings: number;
  readonly listing: Spread;
  readonly firstListingMs: number;
  readonly expanding: Spread;
  readonly largestArticles: number;
  /** The nearest name offered for a sampled name misspelt in a filter that finds nothing, and how often it was that name. */
  readonly nameMeant: Spread & { readonly found: number; readonly asked: number };
}

/** What the entity model costs: memory, cache bytes and time on reopen. */
interface EntityModelCost {
  readonly decodeMs: number;
  readonly tableMb: number;
  readonly figuresMb: number;
  readonly entitiesSectionMb: number;
  readonly cacheMb: number;
}

/** The argument that makes this script a child process of itself, for one task ({@link inChild}). */
const CHILD_FLAG = '--child';

/**
 * Runs a task of this script (`task`: its arguments after {@link CHILD_FLAG}) in a child process, with the same
 * Node options, and gives what it sends back. A build's peak RSS is the process's: memory freed by an earlier
 * build (another size, or the build without entities) stays mapped by the C allocator and counted there (120 MB
 * more at 100,000 articles than in a fresh process, as a window opening the folder is), so each runs in its own.
 */
function inChild<T>(task: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1] ?? '', [CHILD_FLAG, ...task], { execArgv: process.execArgv, serialization: 'advanced' });
    const replies: T[] = [];
    child.on('message', (message) => replies.push(message as T));
    child.once('error', reject);
    child.once('exit', (code) => {
      const [reply] = replies;
      if (reply === undefined) reject(new Error(`the benchmark's child process (${task.join(' ')}) exited with code ${code} and no result.`));
      else resolve(reply);
    });
  });
}

/** A task of {@link inChild}, in the child process: its result sent to the parent. */
async function runChildTask([task, ...rest]: readonly string[], length: ArticleLength, extractor: ExtractorSpec, withRipgrep: boolean): Promise<void> {
  const result =
    task === 'without-entities'
      ? await coldBuildWithoutEntities(rest[0] ?? '', rest[1] ?? '')
      : task === 'at-once'
        ? await firstQueriesAtOnce(rest[0] ?? '', rest[1] ?? '', extractor)
        : await measure(Number(rest[0]), length, extractor, withRipgrep);
  await new Promise<void>((resolve, reject) => process.send?.(result, (error: Error | null) => (error ? reject(error) : resolve())));
  process.disconnect?.();
}

/**
 * Two full collections: V8 frees the memory of the array buffers a collection finds dead on a background thread
 * (concurrent array buffer sweeping), and `process.memoryUsage().arrayBuffers` read right after one collection may
 * still count it; the next collection first finishes that sweep. Read after one, the index in memory after a build
 * and save of 100,000 articles came out 489 MB or 524–559 MB on the same code, the save's own buffers counted or not
 * (fix26, plain Node: a second collection gave 489 MB each time).
 */
function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] ?? 0 };
}

/** Heap used plus array buffers (the index's typed arrays live off-heap) after a full GC, in MB. */
function heapAndBuffersMb(): number {
  gc();
  const memory = process.memoryUsage();
  return (memory.heapUsed + memory.arrayBuffers) / MB;
}

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** The longest main-thread stall and when it began, in ms since the monitor started, and the largest RSS seen. */
interface Stall {
  readonly ms: number;
  readonly at: number;
  readonly peakRssMb: number;
}

/** Measures the longest gap between timer ticks (how long the main thread was blocked at a time), and the peak RSS. */
function stallMonitor(): () => Stall {
  const started = performance.now();
  let last = started;
  let worst = { ms: 0, at: 0 };
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > worst.ms) worst = { ms: now - last, at: last - started };
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 5);
  return () => {
    clearInterval(timer);
    return { ...worst, peakRssMb: Math.max(peakRss, process.memoryUsage.rss()) / MB };
  };
}

/** Runs the query mix once, at the search box's result count; returns each query's time. */
function queryRound(index: { search: CorpusIndex['search'] }): number[] {
  return QUERIES.map(([query]) => {
    const started = performance.now();
    const response = index.search(query, SEARCH_OPTIONS);
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`${query}: ${response.error}`);
    return ms;
  });
}

/** The very first query on a reopened index, then the mix's first round, then {@link ROUNDS} more. */
function reopenedQueries(index: { search: CorpusIndex['search'] }, atOnce: FirstQueries): ReopenedQueries {
  const [first] = QUERIES;
  const firstMs = first === undefined ? 0 : timed(() => index.search(first[0], SEARCH_OPTIONS));
  const rounds = [queryRound(index)];
  for (let round = 0; round < ROUNDS; round++) rounds.push(queryRound(index));
  const phrases = rounds.flatMap((round) => round.filter((_, at) => QUERIES[at]?.[0].includes('"')));
  return { firstMs, firstRound: spread(rounds[0] ?? []), all: spread(rounds.flat()), phrases: spread(phrases), atOnce };
}

/**
 * In a process of its own ({@link inChild}), as a new window: reopens the saved index and searches as soon as the
 * reopen answers (its very first query, then the mix's first round), the rest of the load and the warm-up not waited
 * for: the first search stops the warm-up.
 */
async function firstQueriesAtOnce(dir: string, cacheFile: string, extractor: ExtractorSpec): Promise<FirstQueries> {
  const service = new IndexService({ root: dir, cacheFile, extractor, warmUp: true });
  await service.open(listArticleFiles(dir));
  const [first] = QUERIES;
  const firstMs = first === undefined ? 0 : timed(() => service.search(first[0], SEARCH_OPTIONS));
  const firstRound = spread(queryRound(service));
  await service.dispose();
  return { firstMs, firstRound };
}

function hasRipgrep(): boolean {
  return spawnSync('rg', ['--version']).status === 0;
}

function ripgrep(dir: string): number[] {
  return QUERIES.map(([, pattern]) => {
    const started = performance.now();
    spawnSync('rg', ['-l', '-i', '-F', '-e', pattern, dir], { maxBuffer: 256 * MB });
    return performance.now() - started;
  });
}

/**
 * Reads every article file once, so that the cold build and ripgrep both run with the files in the OS
 * cache: this machine empties its file cache after about a minute without work, and a build that starts
 * then reads 100,000 files from disk (20–26 s instead of 13–16 s measured). Returns how long it took.
 */
function fillOsCache(dir: string): number {
  const started = performance.now();
  for (const file of listArticleFiles(dir)) readFileSync(file.path);
  return performance.now() - started;
}

/**
 * The same cold build without entity extraction, to tell the index's own cost from the recogniser's, and
 * the memory and cache bytes of an index without entities, to tell what entities add to both. Run before the
 * build with entities, from the same state (no other index alive), and reopened right after that build's reopen:
 * both sides measured at the same stage (when this build ran beside the other's live index and reopened before
 * it, "all entity data" in memory and in the reopen came out negative). Leaves its cache for {@link measure}.
 * Run in a process of its own ({@link inChild}): the memory its build freed stays mapped by the C allocator, and
 * counted in the peak RSS of the build with entities that followed it in one process.
 */
async function coldBuildWithoutEntities(dir: string, cacheFile: string): Promise<Omit<BuildWithoutEntities, 'reopenMs'>> {
  const before = heapAndBuffersMb();
  const started = performance.now();
  const service = new IndexService({ root: dir, cacheFile, extractor: { kind: 'none' } });
  await service.open(listArticleFiles(dir));
  const ms = performance.now() - started;
  // After the save, as for the build with entities: saving leaves the index holding its text deflated.
  await service.save();
  const indexMb = heapAndBuffersMb() - before;
  const cacheMb = statSync(cacheFile).size / MB;
  await service.dispose();
  return { ms, indexMb, cacheMb };
}

/**
 * The Entities view and hover card rows alone (`--hover`), on the index reopened from a cache this mode keeps
 * between runs (`hover-index-….ncidx`: built and saved when missing or out of date), so that they can be measured
 * again without a cold build of 100,000 articles. As in {@link measure}, the index is reopened once built.
 */
async function measureBrowsing(count: number, length: ArticleLength, extractor: ExtractorSpec): Promise<{ articles: number; browsing: BrowsingFigures }> {
  const dir = benchCorpus(REUTERS, count, length);
  const cacheFile = path.join(tmpdir(), 'news-corpus-bench', `hover-index-${length}-${count}.ncidx`);
  const files = listArticleFiles(dir);
  const service = new IndexService({ root: dir, cacheFile, extractor });
  const opened = await service.open(files);
  if (opened.source === 'built') await service.save();
  await service.dispose();
  const { index } = await reopen(dir, cacheFile, extractor);
  return { articles: index.articleCount, browsing: browseEntities(index, dir) };
}

/** The cache file of the build without entities, beside the one with. */
function cacheWithoutEntities(cacheFile: string): string {
  return cacheFile.replace(/\.ncidx$/, '-no-entities.ncidx');
}

/** The build, save and query figures of one size; the service is dropped when this returns, as when a window closes. */
async function buildSaveAndQuery(
  dir: string,
  cacheFile: string,
  extractor: ExtractorSpec,
): Promise<Omit<Figures, 'fillCacheMs' | 'reopenMs' | 'reopenLoadMs' | 'reopenRestMs' | 'reopenStallMs' | 'reopenSearchableMs' | 'reopenWarmedMs' | 'warmUp' | 'rgP50' | 'rgP95' | 'browsing' | 'cost' | 'reopened' | 'loadAtEnd' | 'corrections' | 'sections'>> {
  removeCacheFile(cacheFile);
  const withoutEntities = extractor.kind === 'none' ? undefined : await inChild<Awaited<ReturnType<typeof coldBuildWithoutEntities>>>(['without-entities', dir, cacheWithoutEntities(cacheFile)]);
  const beforeMb = heapAndBuffersMb();
  const loadAtStart = loadavg()[0] ?? 0;
  const cpuStart = process.cpuUsage();
  const coldStart = performance.now();
  const files = listArticleFiles(dir);
  // Listing is not watched for stalls: the extension lists files itself, asynchronously.
  const stall = stallMonitor();
  const service = new IndexService({ root: dir, cacheFile, extractor });
  const buildStart = performance.now();
  let lastBatchMs = 0;
  const built = await service.open(files, { onProgress: () => (lastBatchMs = performance.now() - buildStart) });
  const coldMs = performance.now() - coldStart;
  const { ms: maxStallMs, at: stallAtMs, peakRssMb } = stall();
  const cpu = process.cpuUsage(cpuStart);
  const coldCpuMs = (cpu.user + cpu.system) / 1000;
  const saveStart = performance.now();
  const saveStall = stallMonitor();
  await service.save();
  const saveMs = performance.now() - saveStart;
  const saveStallMs = saveStall().ms;
  gc();
  const memory = process.memoryUsage();
  const latencies: number[] = [];
  queryRound(service);
  for (let round = 0; round < ROUNDS; round++) latencies.push(...queryRound(service));
  await service.dispose();
  latencies.sort((a, b) => a - b);
  const indexMb = (memory.heapUsed + memory.arrayBuffers) / MB - beforeMb;
  const cacheMb = statSync(cacheFile).size / MB;
  return {
    articles: built.sync.added,
    megabytes: files.reduce((sum, file) => sum + (file.size ?? 0), 0) / MB,
    coldMs,
    coldCpuMs,
    loadAtStart,
    peakRssMb,
    // The reopen without entities is timed by measure(), after the one with.
    withoutEntities: { ...(withoutEntities ?? { ms: coldMs, indexMb, cacheMb }), reopenMs: Number.NaN },
    indexMb,
    entities: service.index.entityCount,
    maxStallMs,
    stallAtMs,
    lastBatchMs,
    saveMs,
    saveStallMs,
    cacheMb,
    heapMb: memory.heapUsed / MB,
    arrayBuffersMb: memory.arrayBuffers / MB,
    rssMb: memory.rss / MB,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: latencies[latencies.length - 1] ?? 0,
  };
}

/** What {@link reopen} measured, with the reopened index, which keeps answering after its service's `dispose`. */
interface Reopened {
  readonly reopenMs: number;
  readonly reopenLoadMs: number;
  readonly reopenRestMs: number;
  readonly reopenStallMs: number;
  readonly reopenSearchableMs: number;
  /** When the warm-up ended, and how (NaN and undefined without one). */
  readonly reopenWarmedMs: number;
  readonly warmUp: WarmUpOutcome | undefined;
  readonly index: CorpusIndex;
}

/**
 * Opens the saved index in a new service, as a new window does: listing, stat, load (as `IndexService.open`, told
 * when the index answers searches); stalls watched until the work queued behind the open is done: the rest of the
 * load, then, with `warmUp`, the search's warm-up, waited for.
 */
async function reopen(dir: string, cacheFile: string, extractor: ExtractorSpec, warmUp = false): Promise<Reopened> {
  const reopenStart = performance.now();
  const files = listArticleFiles(dir);
  const stall = stallMonitor();
  let warmedUp: (outcome: WarmUpOutcome) => void = () => undefined;
  const warmed = new Promise<WarmUpOutcome>((resolve) => (warmedUp = resolve));
  const reopened = new IndexService({ root: dir, cacheFile, extractor, warmUp, onWarmUp: warmedUp });
  let reopenSearchableMs = Number.NaN;
  const loaded = await reopened.load({ onSearchable: () => (reopenSearchableMs = performance.now() - reopenStart) });
  await reopened.sync(files);
  const reopenMs = performance.now() - reopenStart;
  // Disposing waits for the queued rest of the load, but stops a warm-up: that is waited for first.
  const warmUpOutcome = warmUp ? await warmed : undefined;
  const reopenWarmedMs = warmUp ? performance.now() - reopenStart : Number.NaN;
  await reopened.dispose();
  // The warm-up runs right after the rest of the load, in the same queue.
  const reopenRestMs = (warmUpOutcome === undefined ? performance.now() - reopenStart : reopenWarmedMs - warmUpOutcome.ms) - reopenMs;
  const reopenStallMs = stall().ms;
  if (loaded.source !== 'cache') throw new Error(`News Corpus: the reopen did not use the cache (${loaded.message ?? 'no message'}).`);
  return { reopenMs, reopenLoadMs: loaded.loadMs, reopenRestMs, reopenStallMs, reopenSearchableMs, reopenWarmedMs, warmUp: warmUpOutcome, index: reopened.index };
}

/** Reopens the saved index, queries it, then browses its entities; the reopened index is dropped when this returns. */
async function reopenAndBrowse(
  dir: string,
  cacheFile: string,
  extractor: ExtractorSpec,
): Promise<Omit<Reopened, 'index' | 'warmUp'> & { warmUp: WarmUpOutcome; reopened: ReopenedQueries; browsing: BrowsingFigures; corrections: CorrectionFigures }> {
  const { index, warmUp, ...reopened } = await reopen(dir, cacheFile, extractor, true);
  if (warmUp === undefined || warmUp.stopped) throw new Error('News Corpus: the reopened index did not warm its search up.');
  // Before this process's own queries, which would leave the saved index's pages and the model in the OS cache for it alike.
  const atOnce = await inChild<FirstQueries>(['at-once', dir, cacheFile]);
  return { ...reopened, warmUp, reopened: reopenedQueries(index, atOnce), browsing: browseEntities(index, dir), corrections: correctionFigures(index) };
}

/** The corpus as the hover card reads it: the index reopened from the cache. */
function cardSource(index: CorpusIndex): Parameters<typeof entityCardOf>[1] {
  return {
    summary: (key) => index.entitySummary(key),
    roles: (key) => index.entityRoles(key),
    timeline: (key) => index.entityTimeline(key),
    companions: (key, limit) => index.companions(key, limit),
  };
}

/** Texts whose entities the extension host remembers (`REMEMBERED_TEXTS` in src/entity-engine/index.ts). */
const REMEMBERED_TEXTS = 8;

/**
 * Hover cards: the card of each sampled entity (its summary, mentions per month, companions and Markdown: what a
 * hover does once the document is analysed), and the first hover on a new article of {@link LONG_ARTICLE_WORDS}
 * words made of the corpus's own articles. The extension analyses an article when an editor shows it
 * (src/entity-editor/analysis-ahead.ts), and VS Code asks for a hover only once the mouse has rested 300 ms
 * (`editor.hover.delay`) over the text, so a user's first hover finds the analysis done: it costs the lookup of
 * the remembered entities by the document's text, then the card. The analysis itself is timed apart (it must end
 * within that delay), as is a hover that would find nothing analysed. Model load not included.
 */
function hoverFigures(index: CorpusIndex, sample: readonly string[], dir: string): HoverFigures {
  const corpus = cardSource(index);
  // The likely duplicates, worked out ahead as the extension does once the entities stop changing; each card looks its entity up.
  const directory = { typeCounts: () => index.entityTypeCounts(), list: (request: EntityListRequest) => index.listEntities(request) };
  const duplicates = new LikelyDuplicateHints(() => everyEntity(directory, 'articles'), (key) => index.entitySummary(key) !== undefined, { setTimeout: (run) => run(), clearTimeout: () => undefined });
  // An ask works them out (at once on these timers), before any card is timed.
  duplicates.of('');
  const cardOf = (entity: ArticleEntity) => {
    const pair = duplicates.of(entity.key);
    return entityCardMarkdown(entityCardOf(entity, corpus, undefined, pair && cardDuplicateOf(pair)), []);
  };
  /** The first card of each entity of `keys`, wall and CPU time. */
  const firstCards = (keys: readonly string[]) => {
    const cpuTimes: number[] = [];
    const times = keys.map((key) => {
      const summary = index.entitySummary(key);
      if (!summary) throw new Error(`News Corpus: the sampled entity ${key} is not in the index.`);
      const entity: ArticleEntity = { key, name: summary.name, type: summary.type, aliases: summary.aliases, mentions: [{ start: 0, end: summary.name.length }], forms: [] };
      const cpuStart = process.cpuUsage();
      const ms = timed(() => cardOf(entity));
      const cpu = process.cpuUsage(cpuStart);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      return ms;
    });
    return { wall: spread(times), cpu: spread(cpuTimes) };
  };
  const sampled = firstCards(sample);
  // Other entities, none shown before: the sample's first cards were also the process's first, compiling the card's code.
  const others = firstCards(expansionSample(index, new Set(sample), BENCH_SEED + 1));
  const paragraphs: string[] = [];
  let words = 0;
  for (const file of listArticleFiles(dir)) {
    if (words >= LONG_ARTICLE_WORDS) break;
    const text = readFileSync(file.path, 'utf8').replace(/^ date \S+ /, '');
    paragraphs.push(text);
    words += text.split(/\s+/).length;
  }
  // Each a new article: another date line, so that no analysis of an earlier one is remembered for it.
  const longArticle = (day: number) => ` date 2024-01-${String(day).padStart(2, '0')} ${paragraphs.join('\n\n')}`;
  const model = loadModel(MODEL);
  const load = loadavg()[0] ?? 0;
  if (!model.ok) return { card: sampled.wall, cardCpu: sampled.cpu, warmCard: others.wall, warmCardCpu: others.cpu, firstLongMs: Number.NaN, coldFirstLongMs: Number.NaN, shownMs: Number.NaN, coldShownMs: Number.NaN, unanalysedMs: Number.NaN, longWords: words, load };
  const remembered = new RememberedEntities((text) => model.extract(text), REMEMBERED_TEXTS);
  const card = (entities: readonly ArticleEntity[]) => {
    const [first] = entities;
    if (first) cardOf(first);
  };
  /** The document's text as a hover gets it: a string of its own (document.getText()), equal to the one analysed. */
  const textOfDocument = (text: string) => Buffer.from(text).toString();
  // The very first analysis in the process pays for compiling the recogniser; the extension host pays it on the first article a user opens.
  const cold = longArticle(1);
  const coldShownMs = timed(() => remembered.of(cold));
  const coldFirstLongMs = timed(() => card(remembered.of(textOfDocument(cold))));
  for (const text of paragraphs) model.extract(text);
  const warm = longArticle(2);
  const shownMs = timed(() => remembered.of(warm));
  const firstLongMs = timed(() => card(remembered.of(textOfDocument(warm))));
  const unanalysed = longArticle(3);
  const unanalysedMs = timed(() => card(remembered.of(unanalysed)));
  return { card: sampled.wall, cardCpu: sampled.cpu, warmCard: others.wall, warmCardCpu: others.cpu, firstLongMs, coldFirstLongMs, shownMs, coldShownMs, unanalysedMs, longWords: words, load };
}

/** The 10 largest entities, then random ones (seeded: the same on every run), as keys; none of `leftOut`. */
function expansionSample(index: CorpusIndex, leftOut: ReadonlySet<string> = new Set(), seed = BENCH_SEED): string[] {
  // Every entity articles mention, in name order within each type: an order that does not depend on which thread indexed what first.
  const all = ENTITY_TYPES.flatMap((type) => index.listEntities({ type, sort: 'name', offset: 0, limit: Number.MAX_SAFE_INTEGER }).entities).filter((entity) => !leftOut.has(entity.key));
  const bySize = [...all].sort((a, b) => b.articleCount - a.articleCount || (a.key < b.key ? -1 : 1));
  const largest = new Set(bySize.slice(0, LARGEST_EXPANDED));
  const rest: EntitySummary[] = all.filter((entity) => !largest.has(entity));
  const picked = [...largest].map((entity) => entity.key);
  const next = seededRandom(seed);
  // A partial Fisher–Yates shuffle: each pick is moved out of the pool, so no entity is picked twice.
  while (picked.length < EXPANDED_ENTITIES && rest.length > 0) {
    const at = Math.floor(next() * rest.length);
    picked.push(rest[at]?.key ?? '');
    rest[at] = rest[rest.length - 1] as EntitySummary;
    rest.pop();
  }
  return picked;
}

/**
 * What the Entities view asks of the index reopened from its cache, first calls included: the type counts
 * (the view's root), every group's first page in every sort, with and without a name filter, and expanding
 * an entity (its articles, then the periods the tree splits them into). Largest entities are expanded first,
 * so that the first, coldest expansion is also the largest.
 */
function browseEntities(index: CorpusIndex, dir: string): BrowsingFigures {
  const typeCountsMs = timed(() => index.entityTypeCounts());
  const requests = ENTITY_TYPES.flatMap((type) =>
    ENTITY_SORTS.flatMap((sort) =>
      ENTITY_FILTERS.map((filter): EntityListRequest => ({ type, sort, offset: 0, limit: ENTITY_PAGE, ...(filter === undefined ? {} : { filter }) })),
    ),
  );
  const listings: number[] = [];
  for (let round = 0; round < LISTING_ROUNDS; round++) {
    for (const request of requests) listings.push(timed(() => index.listEntities(request)));
  }
  const sample = expansionSample(index);
  const expansions = sample.map((key) => timed(() => periodChildren(index.entityArticles(key), undefined)));
  // Each sampled person's last word with two of its middle letters swapped, in a filter alone: nothing matches, and
  // the search box works out the name likely meant, reading the corpus's names (listed at the first ask: its max).
  const names = new CorpusNameLookup((query, options) => index.search(query, options), directoryOf(index));
  const misspelt = sample.flatMap((key) => {
    const summary = index.entitySummary(key);
    const word = summary?.type === 'PER' ? summary.name.split(' ').at(-1) : undefined;
    return word !== undefined && word.length >= 5 ? [{ word, typo: `${word.slice(0, 2)}${word[3] ?? ''}${word[2] ?? ''}${word.slice(4)}` }] : [];
  });
  let found = 0;
  const nameMeant = misspelt.map(({ word, typo }) =>
    timed(() => {
      const [meant] = nameSuggestions(`person:${typo}`, names);
      if (meant?.query === `person:${word}`) found++;
    }),
  );
  return {
    hover: hoverFigures(index, sample, dir),
    typeCountsMs,
    listings: requests.length,
    listing: spread(listings),
    firstListingMs: listings[0] ?? 0,
    expanding: spread(expansions),
    largestArticles: index.entitySummary(sample[0] ?? '')?.articleCount ?? 0,
    nameMeant: { ...spread(nameMeant), found, asked: misspelt.length },
  };
}

/** The index's entities as the extension's directory lists them. */
function directoryOf(index: CorpusIndex): EntityDirectory {
  return {
    typeCounts: () => index.entityTypeCounts(),
    list: (request) => index.listEntities(request),
    summary: (key) => index.entitySummary(key),
    articles: () => [],
    articleText: () => undefined,
    roles: (key) => index.entityRoles(key),
    timeline: (key) => index.entityTimeline(key),
    companions: (key, limit) => index.companions(key, limit),
  };
}

/** The sections of the benchmark's index file, each with its bytes. */
function cacheSections(bytes: Buffer): { info: SectionInfo; bytes: Uint8Array }[] {
  if (bytes.subarray(0, INDEX_FILE_MAGIC.length).toString('latin1') !== INDEX_FILE_MAGIC) throw new Error('News Corpus: the benchmark cache is not an index file.');
  return indexFileSections(bytes);
}

function decodeParts(bytes: Buffer, identity: IndexIdentity): IndexParts {
  const decoded = decodeIndex(bytes, identity);
  if (!decoded.ok) throw new Error(decoded.problem.message);
  return decoded.parts;
}

/** Memory of some parts of the index as a reopen decodes it: the decoded parts with them, then without them. */
function partsMb(bytes: Buffer, identity: IndexIdentity, dropped: readonly ('entities' | 'entityStats')[]): number {
  const parts: Partial<IndexParts> = { ...decodeParts(bytes, identity) };
  const withParts = heapAndBuffersMb();
  for (const part of dropped) delete parts[part];
  const mb = withParts - heapAndBuffersMb();
  // Read after the measurement, so that the other parts stay alive through it.
  if ((parts.store?.count ?? 0) === 0) throw new Error('News Corpus: the benchmark cache holds no articles.');
  return mb;
}

/** How long decoding the 'entities' section takes (the entity table with its names, spellings, roles and figures), as a reopen does it. */
function entitySectionDecodeMs(bytes: Buffer): number {
  const sections = cacheSections(bytes);
  const entities = sections.find(({ info }) => info.name === 'entities');
  if (entities === undefined) throw new Error('News Corpus: the benchmark cache has no entities section.');
  const termCount = sections.find(({ info }) => info.name === 'terms')?.info.count ?? 0;
  return timed(() => runAtOnce(decodeEntitySection(entities.bytes, entities.info.count, termCount)));
}

/**
 * What the entity model costs, measured on the saved cache: the bytes of its 'entities' section, and the memory
 * of the decoded entity table and of the per-entity figures saved with it.
 */
function entityModelCost(cacheFile: string, identity: IndexIdentity): EntityModelCost {
  const bytes = readFileSync(cacheFile);
  const entitiesSectionMb = (cacheSections(bytes).find(({ info }) => info.name === 'entities')?.info.bytes ?? 0) / MB;
  // The figures refer to the table (to tell entity terms from words): the table is freed only with them.
  const figuresMb = partsMb(bytes, identity, ['entityStats']);
  const tableMb = partsMb(bytes, identity, ['entities', 'entityStats']) - figuresMb;
  return { tableMb, figuresMb, entitiesSectionMb, cacheMb: bytes.length / MB, decodeMs: entitySectionDecodeMs(bytes) };
}

async function measure(count: number, length: ArticleLength, extractor: ExtractorSpec, withRipgrep: boolean): Promise<Figures> {
  const dir = benchCorpus(REUTERS, count, length);
  const fillCacheMs = fillOsCache(dir);
  // Of this process alone: other benchmarks may run at the same time on this machine.
  const cacheFile = path.join(tmpdir(), 'news-corpus-bench', `index-${length}-${count}-${process.pid}.ncidx`);
  const built = await buildSaveAndQuery(dir, cacheFile, extractor);
  const reopened = await reopenAndBrowse(dir, cacheFile, extractor);
  const cost = entityModelCost(cacheFile, { root: dir, extractor: extractorId(extractor) });
  const sections = cacheSections(readFileSync(cacheFile)).map(({ info }) => ({ name: info.name, mb: info.bytes / MB }));
  // Without a model the build was the one without entities, and its reopen the one just timed.
  const withoutEntities = extractor.kind === 'none'
    ? { ...built.withoutEntities, reopenMs: reopened.reopenMs }
    : await reopen(dir, cacheWithoutEntities(cacheFile), { kind: 'none' }).then(({ reopenMs }) => ({ ...built.withoutEntities, reopenMs }));
  removeCacheFile(cacheFile);
  removeCacheFile(cacheWithoutEntities(cacheFile));
  const figures: Figures = { ...built, withoutEntities, fillCacheMs, ...reopened, cost, sections, loadAtEnd: 0 };
  const rg = withRipgrep ? ripgrep(dir).sort((a, b) => a - b) : undefined;
  const loadAtEnd = loadavg()[0] ?? 0;
  return rg === undefined ? { ...figures, loadAtEnd } : { ...figures, loadAtEnd, rgP50: percentile(rg, 0.5), rgP95: percentile(rg, 0.95) };
}

/** What the query rows measure, printed under the table. */
const QUERY_NOTES: readonly string[] = [
  `Query rows: ${QUERIES.length} queries (words, prefixes, phrases, entity filters, dates, typos), each asking for the search box's`,
  `${SEARCH_BOX_RESULTS} results with their snippets, as the quick pick does. "reopened": the index dropped and opened again from its cache`,
  "(after the open's queued work: the rest of the load, then the search's warm-up), then its very first query alone, then the",
  `mix's first round (each query's first run), then ${ROUNDS} rounds more; "searched at once": a new process reopens the cache and`,
  'runs the very first query and the first round as soon as the reopen answers (the rest of the load and the warm-up not waited',
  'for; the first search stops the warm-up), as a user who searches as soon as the window can; "built index, warm": on the index',
  'just built, after one round not counted. The warm-up: its own queries (made of the index\'s words, not these), its wall and',
  "CPU time (the process's, compiler and GC threads included) and its longest query, which is the longest the thread waited for it.",
];

/** What the cache and reopen rows measure, printed under the table. */
const CACHE_NOTES: readonly string[] = [
  "Cache rows: each section's bytes as the cache file's description lists them (format 11: the entity fields are saved",
  "in the postings alone; 'pairs' holds the phrase checks' answers for frequent word pairs). Warm reopen: listing and stat'ing the files, then `IndexService.open` (the cache's first stage:",
  'what lists the articles and answers a search; then the check of the files); "rest of the load": what it leaves for later',
  '(entity table and fields, term tree, entity name words and timelines), in the background, timed until it is done.',
];

/** What each row of the Entities view and hover card part measures, printed under it. */
const ENTITY_NOTES: readonly string[] = [
  'Entity rows, measured on the index reopened from the cache (the warm reopen above), first calls included:',
  '- type counts: entityTypeCounts(), the Entities view\'s root, the first entity call after the reopen.',
  `- first page: listEntities({ type, sort, filter, offset: 0, limit: ${ENTITY_PAGE} }) for ${ENTITY_TYPES.length} types × ${ENTITY_SORTS.length} sorts ` +
    `(${ENTITY_SORTS.join(', ')}) × ${ENTITY_FILTERS.length} filters (${ENTITY_FILTERS.map((filter) => (filter === undefined ? 'none' : `"${filter}"`)).join(', ')}), ` +
    `${LISTING_ROUNDS} rounds; the first round holds each listing's first call, and "first listing" is the very first.`,
  `- expand entity: entityArticles(key), then periodChildren(articles, undefined) as the tree splits them, once per entity, ` +
    `for the ${LARGEST_EXPANDED} largest entities (expanded first, the first coldest) and ${EXPANDED_ENTITIES - LARGEST_EXPANDED} picked at random (seed ${BENCH_SEED}).`,
  '- hover card: entityCardOf (summary, roles, mentions per month, companions, its likely duplicate looked up, the pairs worked out before) and entityCardMarkdown, as a hover over an analysed document,',
  '  for the same sampled entities as "expand entity", each card the first of its entity and the first ones the first of the process (the',
  '  card\'s code compiled, number formatting loaded); "other entities, code warm": the same for 200 others sampled alike (the 10 largest',
  '  left, then random ones, seed + 1), each its entity\'s first card, in a process that has shown cards before, as an extension host after',
  '  its first hovers. First hover: on a new article made of the corpus\'s first articles (about the words',
  '  shown), analysed when an editor shows it as the extension does, before VS Code asks for a hover (the mouse rests 300 ms first,',
  '  editor.hover.delay): the entities remembered for the document\'s text, then its first entity\'s card; measured once the recogniser',
  '  has analysed those articles (as the extension host has after the first article a user opens), and on the first article of the process.',
  '  "analysis when shown": the recogniser and merging over that article, warm / first of the process (the model loaded beforehand);',
  '  "hover finding nothing analysed": that analysis and the card in one go, recogniser warm.',
];

/** What each row of the entity model's cost measures, printed under the entity rows. */
const COST_NOTES: readonly string[] = [
  '- entity table in memory: heap used + array buffers after a full GC, with the decoded index parts, less the same once their entity table',
  '  and figures are dropped, less the figures alone.',
  '- per-entity figures in memory: heap used + array buffers after a full GC, with the decoded index parts, less the same once their saved figures are dropped.',
  "- 'entities' cache section: its bytes, from the section table in the cache file's description, and its share of the whole cache file.",
  '- all entity data in the cache: the cache file with entity extraction less the one without, as a share of the one with.',
  "- decoding the 'entities' section: the entity model's part of a reopen (names, spellings, roles, saved figures), timed alone, and its",
  '  share of the warm reopen above.',
  '- all entity data in the reopen: the warm reopen with entity extraction less the one without (the same articles, another cache),',
  '  as a share of the one with: decoding the entity table, its figures, entity terms and postings. The reopen without runs right',
  '  after the one with, both once their builds are dropped.',
];

/** Wide enough for a size with its share of the text, e.g. "169 MB (47 %)". */
const COLUMN_WIDTH = 16;

function row(label: string, values: readonly string[]): string {
  return `${label.padEnd(40)}${values.map((value) => value.padStart(COLUMN_WIDTH)).join('')}`;
}

/** A time in ms, two decimals under 10, one under 100 (so that a figure next to a 10 ms target says which side it is on). */
function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
}

/** A time that needs the entity model, 'n/a' without it. */
function orNa(value: number): string {
  return Number.isNaN(value) ? 'n/a' : ms(value);
}

/** The Entities view and hover card rows, printed by the whole benchmark and by `--hover` alone. */
function browsingRows(results: readonly { readonly browsing: BrowsingFigures }[]): string[] {
  return [
    row('Entities view, reopened index:', results.map(() => '')),
    row('  type counts, first call', results.map((r) => ms(r.browsing.typeCountsMs))),
    row(`  first page p50 (${results[0]?.browsing.listings ?? 0} × ${LISTING_ROUNDS})`, results.map((r) => ms(r.browsing.listing.p50))),
    row('  first page p95', results.map((r) => ms(r.browsing.listing.p95))),
    row('  first page max', results.map((r) => ms(r.browsing.listing.max))),
    row('  first listing after reopen', results.map((r) => ms(r.browsing.firstListingMs))),
    row(`  expand entity p50 (${EXPANDED_ENTITIES})`, results.map((r) => ms(r.browsing.expanding.p50))),
    row('  expand entity p95', results.map((r) => ms(r.browsing.expanding.p95))),
    row('  expand entity max', results.map((r) => ms(r.browsing.expanding.max))),
    row("  largest entity's articles", results.map((r) => r.browsing.largestArticles.toLocaleString('en-US'))),
    row('Search box, a name misspelt in a filter:', results.map(() => '')),
    row('  name meant, p50 / max', results.map((r) => `${ms(r.browsing.nameMeant.p50)} / ${ms(r.browsing.nameMeant.max)}`)),
    row('  the right name offered', results.map((r) => `${r.browsing.nameMeant.found} of ${r.browsing.nameMeant.asked}`)),
    row('Hover card, reopened index:', results.map(() => '')),
    row(`  card p50 (${EXPANDED_ENTITIES} entities)`, results.map((r) => ms(r.browsing.hover.card.p50))),
    row('  card p95', results.map((r) => ms(r.browsing.hover.card.p95))),
    row('  card max', results.map((r) => ms(r.browsing.hover.card.max))),
    row('  card CPU p50 / p95 / max, ms', results.map((r) => [r.browsing.hover.cardCpu.p50, r.browsing.hover.cardCpu.p95, r.browsing.hover.cardCpu.max].map((value) => value.toFixed(value < 10 ? 2 : 0)).join(' / '))),
    row(`  ${EXPANDED_ENTITIES} other entities, code warm p50`, results.map((r) => ms(r.browsing.hover.warmCard.p50))),
    row('    p95 / max', results.map((r) => `${ms(r.browsing.hover.warmCard.p95)} / ${ms(r.browsing.hover.warmCard.max)}`)),
    row('    CPU p50 / p95 / max, ms', results.map((r) => [r.browsing.hover.warmCardCpu.p50, r.browsing.hover.warmCardCpu.p95, r.browsing.hover.warmCardCpu.max].map((value) => value.toFixed(value < 10 ? 2 : 0)).join(' / '))),
    row('  load average (1 min) then', results.map((r) => r.browsing.hover.load.toFixed(2))),
    row('  first hover, new long article', results.map((r) => orNa(r.browsing.hover.firstLongMs))),
    row('    same, first article of the process', results.map((r) => orNa(r.browsing.hover.coldFirstLongMs))),
    row('    its words', results.map((r) => r.browsing.hover.longWords.toLocaleString('en-US'))),
    row('  analysis when shown, warm / 1st', results.map((r) => `${orNa(r.browsing.hover.shownMs)} / ${orNa(r.browsing.hover.coldShownMs)}`)),
    row('  hover finding nothing analysed', results.map((r) => orNa(r.browsing.hover.unanalysedMs))),
  ];
}

function printTable(results: readonly Figures[], length: ArticleLength): void {
  const s = (value: number): string => `${(value / 1000).toFixed(2)} s`;
  const mb = (value: number): string => `${value.toFixed(0)} MB`;
  const mb1 = (value: number): string => `${value.toFixed(1)} MB`;
  const share = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)} %`;
  /** A size with its share of the text, which every size is compared with. */
  const ofText = (value: number, r: Figures): string => `${mb(value)} (${((100 * value) / r.megabytes).toFixed(0)} %)`;
  /** A time with the text it goes through per second. */
  const rate = (value: number, r: Figures): string => `${s(value)} (${(r.megabytes / (value / 1000)).toFixed(1)} MB/s)`;
  const lines = [
    row('articles', results.map((r) => r.articles.toLocaleString('en-US'))),
    row(`text (article files, ${length} articles)`, results.map((r) => mb(r.megabytes))),
    row('  average article', results.map((r) => `${((r.megabytes * MB) / r.articles / 1024).toFixed(2)} KB`)),
    row('load average (1 min) at start / end', results.map((r) => `${r.loadAtStart.toFixed(2)} / ${r.loadAtEnd.toFixed(2)}`)),
    row('read all files once (fills OS cache)', results.map((r) => s(r.fillCacheMs))),
    row('cold build (list+parse+NER+index)', results.map((r) => rate(r.coldMs, r))),
    row('  peak RSS during it (% of text)', results.map((r) => ofText(r.peakRssMb, r))),
    row('  CPU time, all threads', results.map((r) => s(r.coldCpuMs))),
    row('  same without entity extraction', results.map((r) => rate(r.withoutEntities.ms, r))),
    row('  entities found', results.map((r) => r.entities.toLocaleString('en-US'))),
    row('  longest main-thread stall', results.map((r) => ms(r.maxStallMs))),
    row('    began at / last batch merged', results.map((r) => `${(r.stallAtMs / 1000).toFixed(1)}/${(r.lastBatchMs / 1000).toFixed(1)} s`)),
    row('save', results.map((r) => s(r.saveMs))),
    row('  longest main-thread stall', results.map((r) => ms(r.saveStallMs))),
    row('cache file (% of text)', results.map((r) => ofText(r.cacheMb, r))),
    row('  same without entity extraction', results.map((r) => ofText(r.withoutEntities.cacheMb, r))),
    ...(results[0]?.sections ?? []).map(({ name }) => row(`  section '${name}' (% of text)`, results.map((r) => `${mb1(r.sections.find((section) => section.name === name)?.mb ?? 0)} (${((100 * (r.sections.find((section) => section.name === name)?.mb ?? 0)) / r.megabytes).toFixed(1)} %)`))),
    row('warm reopen (list+stat+load)', results.map((r) => s(r.reopenMs))),
    row('  of which the load, first stage', results.map((r) => s(r.reopenLoadMs))),
    row('  search can answer after', results.map((r) => s(r.reopenSearchableMs))),
    row('  rest of the load, in the background', results.map((r) => s(r.reopenRestMs))),
    row('  search warm-up done after', results.map((r) => s(r.reopenWarmedMs))),
    row('  warm-up: queries / wall / CPU', results.map((r) => `${r.warmUp.queries ?? 0} / ${ms(r.warmUp.ms)} / ${ms(r.warmUp.cpuMs)}`)),
    row('  warm-up: longest query', results.map((r) => ms(r.warmUp.longestStepMs))),
    row('  longest main-thread stall', results.map((r) => ms(r.reopenStallMs))),
    row('heap used after build (% of text)', results.map((r) => ofText(r.heapMb, r))),
    row('  + typed arrays (off-heap)', results.map((r) => ofText(r.arrayBuffersMb, r))),
    row('  process RSS', results.map((r) => ofText(r.rssMb, r))),
    row('index in memory (heap+arrays)', results.map((r) => ofText(r.indexMb, r))),
    row('  same without entity extraction', results.map((r) => ofText(r.withoutEntities.indexMb, r))),
    row(`Queries, ${SEARCH_BOX_RESULTS} results with snippets:`, results.map(() => '')),
    row('  reopened, searched at once: first query', results.map((r) => ms(r.reopened.atOnce.firstMs))),
    row(`    first round p50 (${QUERIES.length})`, results.map((r) => ms(r.reopened.atOnce.firstRound.p50))),
    row('    first round p95 / max', results.map((r) => `${ms(r.reopened.atOnce.firstRound.p95)} / ${ms(r.reopened.atOnce.firstRound.max)}`)),
    row('  reopened: first query', results.map((r) => ms(r.reopened.firstMs))),
    row(`  reopened: first round p50 (${QUERIES.length})`, results.map((r) => ms(r.reopened.firstRound.p50))),
    row('  reopened: first round p95 / max', results.map((r) => `${ms(r.reopened.firstRound.p95)} / ${ms(r.reopened.firstRound.max)}`)),
    row(`  reopened: p50, ${ROUNDS + 1} rounds (1st incl.)`, results.map((r) => ms(r.reopened.all.p50))),
    row('  reopened: p95 / max, same', results.map((r) => `${ms(r.reopened.all.p95)} / ${ms(r.reopened.all.max)}`)),
    row('  reopened: phrases p50 / p95', results.map((r) => `${ms(r.reopened.phrases.p50)} / ${ms(r.reopened.phrases.p95)}`)),
    row(`  built index, warm: p50 (${QUERIES.length} × ${ROUNDS})`, results.map((r) => ms(r.p50))),
    row('  built index, warm: p95 / max', results.map((r) => `${ms(r.p95)} / ${ms(r.max)}`)),
    row('ripgrep p50 (rg -l -i -F)', results.map((r) => (r.rgP50 === undefined ? 'n/a' : ms(r.rgP50)))),
    row('ripgrep p95', results.map((r) => (r.rgP95 === undefined ? 'n/a' : ms(r.rgP95)))),
    row('speed-up at p50 (rg p50 / p50)', results.map((r) => (r.rgP50 === undefined ? 'n/a' : `${(r.rgP50 / r.p50).toFixed(0)}×`))),
    row('speed-up at p95 (rg p95 / p95)', results.map((r) => (r.rgP95 === undefined ? 'n/a' : `${(r.rgP95 / r.p95).toFixed(0)}×`))),
    ...browsingRows(results),
    row('Entity model cost:', results.map(() => '')),
    row('  entity table in memory', results.map((r) => mb1(r.cost.tableMb))),
    row('  per-entity figures in memory', results.map((r) => mb1(r.cost.figuresMb))),
    row('  table + figures', results.map((r) => mb1(r.cost.tableMb + r.cost.figuresMb))),
    row("  'entities' cache section", results.map((r) => mb1(r.cost.entitiesSectionMb))),
    row('    share of the cache file', results.map((r) => share(r.cost.entitiesSectionMb, r.cost.cacheMb))),
    row('  all entity data in the cache', results.map((r) => share(r.cacheMb - r.withoutEntities.cacheMb, r.cacheMb))),
    row("  decoding the 'entities' section", results.map((r) => ms(r.cost.decodeMs))),
    row('    share of the warm reopen', results.map((r) => share(r.cost.decodeMs, r.reopenMs))),
    row('  warm reopen without entity extraction', results.map((r) => s(r.withoutEntities.reopenMs))),
    row('  all entity data in the reopen', results.map((r) => share(r.reopenMs - r.withoutEntities.reopenMs, r.reopenMs))),
    row('Corrections (facts file), reopened index:', results.map(() => '')),
    row('  apply a merge, every surface', results.map((r) => orNa(r.corrections.mergeMs))),
    row('  apply an ignore, every surface', results.map((r) => orNa(r.corrections.ignoreMs))),
    row('  apply a split, every surface', results.map((r) => orNa(r.corrections.splitMs))),
    row('  likely duplicates: pairs / ticked', results.map((r) => `${r.corrections.duplicates.pairs} / ${r.corrections.duplicates.likely}`)),
    row('  likely duplicates: find them', results.map((r) => orNa(r.corrections.duplicates.findMs))),
    row('  merge the ticked ones, every surface', results.map((r) => orNa(r.corrections.duplicates.applyMs))),
  ];
  const corrected = results.map((r) =>
    r.corrections.merged.length === 0
      ? `${r.articles / 1000}k: n/a, no entity to correct (built without entities)`
      : `${r.articles / 1000}k: merged ${r.corrections.merged.join(' ← ')}; ignored ${r.corrections.ignored}; split ${r.corrections.split}`,
  );
  console.log(['', row('', results.map((r) => `${r.articles / 1000}k (${mb(r.megabytes)})`)), ...lines, '', ...CACHE_NOTES, '', ...QUERY_NOTES, '', ...ENTITY_NOTES, ...COST_NOTES, '', ...CORRECTION_NOTES, ...corrected].join('\n'));
}

async function main(): Promise<void> {
  if (!existsSync(REUTERS)) {
    console.error(`News Corpus: the Reuters corpus is not at ${REUTERS}; set NEWS_CORPUS_REUTERS to its folder.`);
    process.exitCode = 1;
    return;
  }
  const args = process.argv.slice(2);
  const length: ArticleLength = args.includes('--short') ? 'short' : 'real';
  const sizes = args.map(Number).filter((size) => size > 0);
  const extractor: ExtractorSpec = existsSync(MODEL) && !args.includes('--no-entities') ? { kind: 'model', modelPath: MODEL } : { kind: 'none' };
  const withRipgrep = hasRipgrep();
  if (args[0] === CHILD_FLAG) {
    await runChildTask(args.slice(1), length, extractor, withRipgrep);
    return;
  }
  console.log(`News Corpus search benchmark — ${length === 'real' ? 'real-length articles (12–40 paragraphs)' : 'short articles (--short)'}, load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.log(`Entities: ${extractor.kind === 'model' ? `entity model ${MODEL}` : 'not extracted (--no-entities, or no entity model found)'}`);
  if (!withRipgrep) console.log('ripgrep (rg) is not installed: skipping the ripgrep comparison.');
  if ((globalThis as { gc?: unknown }).gc === undefined) console.log('Run with node --expose-gc for exact heap figures.');
  if (args.includes('--hover')) {
    const browsed: { articles: number; browsing: BrowsingFigures }[] = [];
    for (const size of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
      console.log(`… ${size.toLocaleString('en-US')} articles`);
      browsed.push(await measureBrowsing(size, length, extractor));
    }
    console.log(['', row('', browsed.map((r) => `${r.articles / 1000}k`)), ...browsingRows(browsed), '', ...ENTITY_NOTES].join('\n'));
    return;
  }
  const results: Figures[] = [];
  for (const size of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
    console.log(`… ${size.toLocaleString('en-US')} articles`);
    results.push(await inChild<Figures>(['measure', String(size), ...args.filter((arg) => arg.startsWith('--'))]));
  }
  printTable(results, length);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `News Corpus: ${error.message}` : String(error));
  process.exitCode = 1;
});
