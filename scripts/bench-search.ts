// `npm run bench`: builds Reuters-derived corpora of 5,000, 20,000 and 100,000 articles and measures the
// corpus index against the issue's targets, with ripgrep on the same queries for comparison.
// Usage: npm run bench [-- 5000 20000 100000]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExtractorSpec } from '../src/workers/entity-extractor';
import { IndexService } from '../src/workers/index-service';
import { listArticleFiles } from '../src/workers/list-files';
import { benchCorpus } from './bench-corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const REUTERS = process.env['NEWS_CORPUS_REUTERS'] ?? path.resolve(ROOT, '..', 'shared', 'corpora', 'reuters');
const MODEL = path.join(ROOT, 'models', 'ner.bin');
const DEFAULT_SIZES = [5000, 20000, 100000];
const ROUNDS = 5;
const MB = 1024 * 1024;

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
  readonly megabytes: number;
  readonly coldMs: number;
  /** CPU time of the whole process (main thread and indexing threads) during the cold build. */
  readonly coldCpuMs: number;
  /** The 1-minute load average when the size started: the machine is shared, and times depend on it. */
  readonly loadAtStart: number;
  /** Reading every file once before the build, which puts them in the OS cache (as for ripgrep's runs). */
  readonly fillCacheMs: number;
  readonly withoutEntitiesMs: number;
  readonly entities: number;
  readonly maxStallMs: number;
  /** When the longest build stall began, and when the last batch was merged (after it: compaction), in ms into the build. */
  readonly stallAtMs: number;
  readonly lastBatchMs: number;
  readonly saveMs: number;
  readonly saveStallMs: number;
  readonly reopenStallMs: number;
  readonly cacheMb: number;
  readonly reopenMs: number;
  readonly heapMb: number;
  readonly arrayBuffersMb: number;
  readonly rssMb: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly rgP50?: number;
  readonly rgP95?: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** The longest main-thread stall and when it began, in ms since the monitor started. */
interface Stall {
  readonly ms: number;
  readonly at: number;
}

/** Measures the longest gap between timer ticks: how long the main thread was blocked at a time. */
function stallMonitor(): () => Stall {
  const started = performance.now();
  let last = started;
  let worst: Stall = { ms: 0, at: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > worst.ms) worst = { ms: now - last, at: last - started };
    last = now;
  }, 5);
  return () => {
    clearInterval(timer);
    return worst;
  };
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

/** The same cold build without entity extraction, to tell the index's own cost from the recogniser's. */
async function coldBuildWithoutEntities(dir: string): Promise<number> {
  gc();
  const started = performance.now();
  const service = new IndexService({ root: dir, extractor: { kind: 'none' } });
  await service.open(listArticleFiles(dir));
  const ms = performance.now() - started;
  await service.dispose();
  return ms;
}

/** The build, save and query figures of one size; the service is dropped when this returns, as when a window closes. */
async function buildSaveAndQuery(dir: string, cacheFile: string, extractor: ExtractorSpec): Promise<Omit<Figures, 'fillCacheMs' | 'reopenMs' | 'reopenStallMs' | 'rgP50' | 'rgP95'>> {
  rmSync(cacheFile, { force: true });
  gc();
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
  const { ms: maxStallMs, at: stallAtMs } = stall();
  const cpu = process.cpuUsage(cpuStart);
  const coldCpuMs = (cpu.user + cpu.system) / 1000;
  const withoutEntitiesMs = extractor.kind === 'none' ? coldMs : await coldBuildWithoutEntities(dir);
  const saveStart = performance.now();
  const saveStall = stallMonitor();
  await service.save();
  const saveMs = performance.now() - saveStart;
  const saveStallMs = saveStall().ms;
  gc();
  const memory = process.memoryUsage();
  const latencies: number[] = [];
  for (const [query] of QUERIES) service.search(query);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [query] of QUERIES) {
      const started = performance.now();
      const response = service.search(query);
      latencies.push(performance.now() - started);
      if (!response.ok) throw new Error(`${query}: ${response.error}`);
    }
  }
  await service.dispose();
  latencies.sort((a, b) => a - b);
  return {
    articles: built.sync.added,
    megabytes: files.reduce((sum, file) => sum + (file.size ?? 0), 0) / MB,
    coldMs,
    coldCpuMs,
    loadAtStart,
    withoutEntitiesMs,
    entities: service.index.entityCount,
    maxStallMs,
    stallAtMs,
    lastBatchMs,
    saveMs,
    saveStallMs,
    cacheMb: statSync(cacheFile).size / MB,
    heapMb: memory.heapUsed / MB,
    arrayBuffersMb: memory.arrayBuffers / MB,
    rssMb: memory.rss / MB,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: latencies[latencies.length - 1] ?? 0,
  };
}

/** Opens the saved index in a new service, as a new window does: listing, stat, load; stalls watched until the work queued behind the open is done. */
async function reopen(dir: string, cacheFile: string, extractor: ExtractorSpec): Promise<{ reopenMs: number; reopenStallMs: number }> {
  gc();
  const reopenStart = performance.now();
  const files = listArticleFiles(dir);
  const stall = stallMonitor();
  const reopened = new IndexService({ root: dir, cacheFile, extractor });
  const outcome = await reopened.open(files);
  const reopenMs = performance.now() - reopenStart;
  await reopened.dispose();
  const reopenStallMs = stall().ms;
  if (outcome.source !== 'cache') throw new Error(`News Corpus: the reopen did not use the cache (${outcome.message ?? 'no message'}).`);
  return { reopenMs, reopenStallMs };
}

async function measure(count: number, extractor: ExtractorSpec, withRipgrep: boolean): Promise<Figures> {
  const dir = benchCorpus(REUTERS, count);
  const fillCacheMs = fillOsCache(dir);
  const cacheFile = path.join(tmpdir(), 'news-corpus-bench', `index-${count}.ncidx`);
  const built = await buildSaveAndQuery(dir, cacheFile, extractor);
  const figures: Figures = { ...built, fillCacheMs, ...(await reopen(dir, cacheFile, extractor)) };
  if (!withRipgrep) return figures;
  const rg = ripgrep(dir).sort((a, b) => a - b);
  return { ...figures, rgP50: percentile(rg, 0.5), rgP95: percentile(rg, 0.95) };
}

function row(label: string, values: readonly string[]): string {
  return `${label.padEnd(34)}${values.map((value) => value.padStart(12)).join('')}`;
}

function printTable(results: readonly Figures[]): void {
  const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  const s = (value: number): string => `${(value / 1000).toFixed(2)} s`;
  const mb = (value: number): string => `${value.toFixed(0)} MB`;
  const lines = [
    row('articles', results.map((r) => r.articles.toLocaleString('en-US'))),
    row('corpus size', results.map((r) => mb(r.megabytes))),
    row('load average (1 min) at start', results.map((r) => r.loadAtStart.toFixed(2))),
    row('read all files once (fills OS cache)', results.map((r) => s(r.fillCacheMs))),
    row('cold build (list+parse+NER+index)', results.map((r) => s(r.coldMs))),
    row('  CPU time, all threads', results.map((r) => s(r.coldCpuMs))),
    row('  same without entity extraction', results.map((r) => s(r.withoutEntitiesMs))),
    row('  entities found', results.map((r) => r.entities.toLocaleString('en-US'))),
    row('  longest main-thread stall', results.map((r) => ms(r.maxStallMs))),
    row('    began at / last batch merged', results.map((r) => `${(r.stallAtMs / 1000).toFixed(1)}/${(r.lastBatchMs / 1000).toFixed(1)} s`)),
    row('save', results.map((r) => s(r.saveMs))),
    row('  longest main-thread stall', results.map((r) => ms(r.saveStallMs))),
    row('cache file', results.map((r) => mb(r.cacheMb))),
    row('warm reopen (list+stat+load)', results.map((r) => s(r.reopenMs))),
    row('  longest main-thread stall', results.map((r) => ms(r.reopenStallMs))),
    row('heap used after build', results.map((r) => mb(r.heapMb))),
    row('  + typed arrays (off-heap)', results.map((r) => mb(r.arrayBuffersMb))),
    row('  process RSS', results.map((r) => mb(r.rssMb))),
    row(`query p50 (${QUERIES.length} queries × ${ROUNDS})`, results.map((r) => ms(r.p50))),
    row('query p95', results.map((r) => ms(r.p95))),
    row('query max', results.map((r) => ms(r.max))),
    row('ripgrep p50 (rg -l -i -F)', results.map((r) => (r.rgP50 === undefined ? 'n/a' : ms(r.rgP50)))),
    row('ripgrep p95', results.map((r) => (r.rgP95 === undefined ? 'n/a' : ms(r.rgP95)))),
    row('speed-up at p50 (rg p50 / p50)', results.map((r) => (r.rgP50 === undefined ? 'n/a' : `${(r.rgP50 / r.p50).toFixed(0)}×`))),
    row('speed-up at p95 (rg p95 / p95)', results.map((r) => (r.rgP95 === undefined ? 'n/a' : `${(r.rgP95 / r.p95).toFixed(0)}×`))),
  ];
  console.log(['', row('', results.map((r) => `${r.articles / 1000}k`)), ...lines].join('\n'));
}

async function main(): Promise<void> {
  if (!existsSync(REUTERS)) {
    console.error(`News Corpus: the Reuters corpus is not at ${REUTERS}; set NEWS_CORPUS_REUTERS to its folder.`);
    process.exitCode = 1;
    return;
  }
  const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
  const extractor: ExtractorSpec = existsSync(MODEL) ? { kind: 'model', modelPath: MODEL } : { kind: 'none' };
  const withRipgrep = hasRipgrep();
  console.log(`News Corpus search benchmark — ${extractor.kind === 'model' ? `entity model ${path.relative(ROOT, MODEL)}` : 'no entity model found: entities not extracted'}`);
  if (!withRipgrep) console.log('ripgrep (rg) is not installed: skipping the ripgrep comparison.');
  if ((globalThis as { gc?: unknown }).gc === undefined) console.log('Run with node --expose-gc for exact heap figures.');
  const results: Figures[] = [];
  for (const size of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
    console.log(`… ${size.toLocaleString('en-US')} articles`);
    results.push(await measure(size, extractor, withRipgrep));
  }
  printTable(results);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `News Corpus: ${error.message}` : String(error));
  process.exitCode = 1;
});
