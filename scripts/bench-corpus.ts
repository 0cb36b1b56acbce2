// Generates benchmark corpora from the Reuters dev set: its real paragraphs recombined into new
// articles with new dates, deterministically, in a temporary folder (research-only data: never committed).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { seededRandom } from '../src/core/random';

/** Fixed seed: every run generates the same articles. */
export const BENCH_SEED = 20230913;
const FIRST_YEAR = 2015;
const YEARS = 9;
const COMPLETE_MARK = '.complete';


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

/**
 * The folder holding `count` generated articles (made on first use, reused afterwards).
 *
 * @example
 * const dir = benchCorpus('/work/shared/corpora/reuters', 5000);
 */
export function benchCorpus(sourceDir: string, count: number): string {
  const dir = path.join(tmpdir(), 'news-corpus-bench', `reuters-${count}-${BENCH_SEED}`);
  if (existsSync(path.join(dir, COMPLETE_MARK))) return dir;
  rmSync(dir, { recursive: true, force: true });
  const source = readSource(sourceDir);
  const next = seededRandom(BENCH_SEED + count);
  const perFolder = 1000;
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, String(Math.floor(i / perFolder)).padStart(3, '0'));
    if (i % perFolder === 0) mkdirSync(folder, { recursive: true });
    const paragraphs = [pick(source.firsts, next)];
    const length = pick(source.counts, next);
    for (let p = 1; p < length; p++) paragraphs.push(pick(source.paragraphs, next));
    writeFileSync(path.join(folder, `${String(i).padStart(6, '0')}.txt`), ` date ${day(next)} ${paragraphs.join('\n\n')}`);
  }
  writeFileSync(path.join(dir, COMPLETE_MARK), '');
  return dir;
}
