// `npm run bench:memory -- COUNT [--no-entities] [--every MS]`: where a first build's memory peaks. Builds COUNT
// real-length benchmark articles in this fresh process (as a window opening the folder does), then saves, sampling
// `process.memoryUsage()` every few ms; prints the peak of each phase (merging batches, compaction, the rest of the
// build, save) with the heap, the array buffers and the RSS at that moment. The RSS counts the indexing threads too.
// On a shared machine the times are the load's; the memory is not.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { CorpusIndex } from '../src/core/search/corpus-index';
import { DocStore } from '../src/core/search/doc-store';
import { IndexService } from '../src/workers/index-service';
import { listArticleFiles } from '../src/workers/list-files';
import { benchCorpus } from './bench-corpus';
import { MODEL, REUTERS, removeCacheFile } from './bench-paths';

const MB = 1024 * 1024;
/** Sampling period: short enough to catch the compaction's peak, which lasts a second or two at 100,000. */
const DEFAULT_EVERY_MS = 20;

interface Sample {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
  readonly ms: number;
  readonly merged: number;
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
}

function describe(sample: Sample): string {
  const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;
  return `RSS ${mb(sample.rss)} (heap ${mb(sample.heapUsed)}, external ${mb(sample.external)} of which array buffers ${mb(sample.arrayBuffers)}) at ${(sample.ms / 1000).toFixed(1)} s, ${sample.merged} articles merged`;
}

/** The kernel's record of the process's largest RSS (Linux), which sampling may miss. */
function highWaterMark(): string {
  try {
    const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((entry) => entry.startsWith('VmHWM:'));
    return line === undefined ? 'unknown' : `${(Number(line.replace(/\D/g, '')) / 1024).toFixed(0)} MB`;
  } catch {
    return 'unknown (no /proc)';
  }
}

/** Starts the kernel's high-water mark again from the current RSS (Linux), so that the save's is told from the build's. */
function resetHighWaterMark(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the save's mark then includes the build's.
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 20000);
  const everyAt = args.indexOf('--every');
  const every = everyAt === -1 ? DEFAULT_EVERY_MS : Number(args[everyAt + 1]);
  const extractor = args.includes('--no-entities') ? ({ kind: 'none' } as const) : ({ kind: 'model', modelPath: MODEL } as const);
  const dir = benchCorpus(REUTERS, count, 'real');
  const files = listArticleFiles(dir);
  const textMb = files.reduce((sum, file) => sum + (file.size ?? 0), 0) / MB;
  console.log(`${files.length} articles, ${textMb.toFixed(1)} MB of text, ${extractor.kind === 'none' ? 'no entities' : 'entities'}; load ${load()}`);

  let phase = 'merging';
  let merged = 0;
  const started = performance.now();
  const peaks = new Map<string, Sample>();
  const sample = (): void => {
    const memory = process.memoryUsage();
    const now: Sample = { rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external, arrayBuffers: memory.arrayBuffers, ms: performance.now() - started, merged };
    const peak = peaks.get(phase);
    if (peak === undefined || now.rss > peak.rss) peaks.set(phase, now);
  };
  const timer = setInterval(sample, every);
  // Phase stamps from the outside: the index's own methods are wrapped, the code under test is unchanged.
  const stamp = (name: 'compact' | 'prepare', label: string): void => {
    const methods = CorpusIndex.prototype as unknown as Record<string, (this: CorpusIndex, ...args: unknown[]) => Promise<void>>;
    const original = methods[name];
    if (original === undefined) throw new Error(`News Corpus: CorpusIndex has no ${name} to trace.`);
    methods[name] = async function (this: CorpusIndex, ...rest: unknown[]) {
      sample();
      const before = phase;
      phase = merged >= files.length ? label : `${label} (partial, ${merged} merged)`;
      try {
        await original.apply(this, rest);
      } finally {
        sample();
        phase = merged >= files.length ? `after ${label}` : before;
      }
    };
  };
  stamp('compact', 'compaction');
  stamp('prepare', 'prepare');
  // The save's own steps, which are the store's generators: each is a phase until the next begins.
  const stampSteps = (name: 'codecSteps' | 'codeTextSteps' | 'letIdsGoSteps', label: string, after: string): void => {
    const methods = DocStore.prototype as unknown as Record<string, (this: DocStore, ...args: unknown[]) => Generator<void, unknown>>;
    const original = methods[name];
    if (original === undefined) throw new Error(`News Corpus: DocStore has no ${name} to trace.`);
    methods[name] = function* (this: DocStore, ...rest: unknown[]) {
      sample();
      phase = label;
      const result: unknown = yield* original.apply(this, rest);
      sample();
      phase = after;
      return result;
    };
  };
  stampSteps('codecSteps', 'save: text codes', 'save: coding texts');
  stampSteps('codeTextSteps', 'save: coding texts', 'save: title ids');
  stampSteps('letIdsGoSteps', 'save: letting ids go', 'save: other sections, writing');

  const cacheFile = path.join(tmpdir(), `news-corpus-trace-${process.pid}.ncidx`);
  const cpu = process.cpuUsage();
  const service = new IndexService({ root: dir, cacheFile, extractor });
  let buildMs: number;
  let used: NodeJS.CpuUsage;
  let buildHighWater: string;
  try {
    await service.open(files, { onProgress: (done) => (merged = done) });
    buildMs = performance.now() - started;
    used = process.cpuUsage(cpu);
    sample();
    buildHighWater = highWaterMark();
    resetHighWaterMark();
    phase = 'save';
    await service.save();
    sample();
  } finally {
    // Also when the build or the save fails: a pending timer would keep the process alive, and the cache is a temporary file.
    clearInterval(timer);
    removeCacheFile(cacheFile);
    await service.dispose();
  }

  console.log(`build ${(buildMs / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU, ${service.index.entityCount} entities; load ${load()}`);
  let overall: Sample | undefined;
  for (const [name, peak] of peaks) {
    console.log(`  ${name.padEnd(34)} ${describe(peak)}`);
    if (!name.startsWith('save') && (overall === undefined || peak.rss > overall.rss)) overall = peak;
  }
  if (overall) console.log(`peak RSS of the build ${(overall.rss / MB).toFixed(0)} MB (${((overall.rss / MB / textMb) * 100).toFixed(0)} % of the text), sampled every ${every} ms`);
  console.log(`kernel high-water mark of the build: ${buildHighWater}; of the save: ${highWaterMark()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
