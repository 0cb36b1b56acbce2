// Generates benchmark corpora from the Reuters dev set: its real paragraphs recombined into new
// articles with new dates, deterministically, in a temporary folder (research-only data: never committed).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { seededRandom } from '../src/core/random';

/** Fixed seed: every run generates the same articles. */
export const BENCH_SEED = 20230913;
const FIRST_YEAR = 2015;
const YEARS = 9;
const COMPLETE_MARK = '.complete';
/**
 * Paragraphs of a real-length article, drawn evenly: Reuters stories average under 1 KB, real news 3–5 KB
 * (the seeds 1.7 and 2.0 KB, the Wikinews samples 3.9 KB); 12–40 Reuters paragraphs make ~3.6 KB.
 */
const REAL_PARAGRAPHS = { min: 12, max: 40 };

/**
 * How long the generated articles are: `real` as news articles are (12–40 paragraphs, ~3.6 KB), `short` as
 * the Reuters stories themselves (their own paragraph counts, under 1 KB on average).
 *
 * @example
 * benchCorpus(reuters, 20000, 'short'); // the corpora of the benchmark before issue 13
 */
export type ArticleLength = 'real' | 'short';

interface Source {
  readonly firsts: string[];
  readonly paragraphs: string[];
  readonly counts: number[];
}

function readSource(dir: string): Source {
  const source: Source = { firsts: [], paragraphs: [], counts: [] };
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join(dir, name), 'utf8').replace(/^\s*date \S+ /, '');
    const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
    const [first, ...rest] = paragraphs;
    if (first === undefined) continue;
    source.firsts.push(first);
    source.paragraphs.push(...rest);
    source.counts.push(paragraphs.length);
  }
  return source;
}

function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('News Corpus: the source corpus is empty.');
  return item;
}

function day(next: () => number): string {
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const span = Date.UTC(FIRST_YEAR + YEARS, 0, 1) - start;
  return new Date(start + Math.floor(next() * (span / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

/** Forces a file's or a folder's entries to the disk (a file through a writable handle: Windows refuses fsync on a read-only one). */
function fsyncPath(item: string, kind: 'file' | 'folder'): void {
  const descriptor = openSync(item, kind === 'file' ? 'r+' : 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Forces the articles written under `folder` (their files in `written`) to the disk before the folder is marked
 * complete and renamed into place: after a crash, a folder under the final name then holds every article whole. One
 * syncfs (`sync --file-system`, GNU coreutils) where there is one: fsyncing each file took 2–4 ms here (1,000 files:
 * 4.2 s, against 65 ms for the syncfs, load 13), 3–7 minutes at 100,000 articles. Windows cannot fsync a folder.
 */
function flushFolder(folder: string, written: readonly string[]): void {
  if (process.platform === 'linux' && spawnSync('sync', ['--file-system', folder]).status === 0) return;
  const folders = process.platform === 'win32' ? [] : [...new Set(written.map((file) => path.dirname(file))), folder];
  for (const file of written) fsyncPath(file, 'file');
  for (const item of folders) fsyncPath(item, 'folder');
}

/**
 * The folder holding `count` generated articles of the given length (made on first use, reused afterwards).
 * Written under a name of this process's own, flushed to the disk and renamed when complete, so that two
 * benchmarks running at once never read each other's half-written folder, nor a run after a crash a folder whose
 * articles the crash cut short.
 *
 * @example
 * const dir = benchCorpus('/work/shared/corpora/reuters', 5000, 'real');
 */
export function benchCorpus(sourceDir: string, count: number, length: ArticleLength): string {
  const name = length === 'short' ? `reuters-${count}-${BENCH_SEED}` : `reuters-real-${count}-${BENCH_SEED}`;
  const dir = path.join(tmpdir(), 'news-corpus-bench', name);
  if (existsSync(path.join(dir, COMPLETE_MARK))) return dir;
  const partial = `${dir}.${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const source = readSource(sourceDir);
  const next = seededRandom(BENCH_SEED + count);
  const perFolder = 1000;
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(partial, String(Math.floor(i / perFolder)).padStart(3, '0'));
    if (i % perFolder === 0) mkdirSync(folder, { recursive: true });
    const paragraphs = [pick(source.firsts, next)];
    const total = length === 'short' ? pick(source.counts, next) : REAL_PARAGRAPHS.min + Math.floor(next() * (REAL_PARAGRAPHS.max - REAL_PARAGRAPHS.min + 1));
    for (let p = 1; p < total; p++) paragraphs.push(pick(source.paragraphs, next));
    const file = path.join(folder, `${String(i).padStart(6, '0')}.txt`);
    writeFileSync(file, ` date ${day(next)} ${paragraphs.join('\n\n')}`);
    written.push(file);
  }
  flushFolder(partial, written);
  writeFileSync(path.join(partial, COMPLETE_MARK), '');
  if (existsSync(path.join(dir, COMPLETE_MARK))) rmSync(partial, { recursive: true, force: true });
  else {
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  }
  return dir;
}
