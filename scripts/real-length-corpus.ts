// Generates folders of articles at the length of real news (12–40 Reuters paragraphs, ~3.7 KB an article) for
// `npm run bench:vscode`, deterministically, in a temporary folder (research-only data: never committed).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { seededRandom } from '../src/core/random';

const SEED = 20231201;
const MIN_PARAGRAPHS = 12;
const MAX_PARAGRAPHS = 40;
const ARTICLES_PER_FOLDER = 1000;
const FIRST_YEAR = 2015;
const YEARS = 9;
const DAY_MS = 86_400_000;

function readParagraphs(sourceDir: string): { firsts: string[]; paragraphs: string[] } {
  const firsts: string[] = [];
  const paragraphs: string[] = [];
  for (const name of readdirSync(sourceDir).filter((file) => file.endsWith('.txt')).sort()) {
    const [first, ...rest] = readFileSync(path.join(sourceDir, name), 'utf8').replace(/^\s*date \S+ /, '').split(/\n\s*\n/).filter((part) => part.trim() !== '');
    if (first === undefined) continue;
    firsts.push(first.trim());
    paragraphs.push(...rest.map((part) => part.trim()));
  }
  return { firsts, paragraphs };
}

/**
 * The folder of `count` real-length articles made from the paragraphs under `sourceDir` (made on first use,
 * reused afterwards), 1,000 to a subfolder.
 *
 * @example
 * const dir = realLengthCorpus('/work/shared/corpora/reuters', 20000, console.log);
 */
export function realLengthCorpus(sourceDir: string, count: number, say: (message: string) => void): string {
  const dir = path.join(tmpdir(), 'news-corpus-bench', `real-${count}-${SEED}`);
  const complete = path.join(dir, '.complete');
  if (existsSync(complete)) return dir;
  say(`generating ${count.toLocaleString('en-US')} real-length articles in ${dir}…`);
  rmSync(dir, { recursive: true, force: true });
  const { firsts, paragraphs } = readParagraphs(sourceDir);
  const next = seededRandom(SEED + count);
  const pick = (items: readonly string[]): string => items[Math.floor(next() * items.length)] ?? '';
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const days = (Date.UTC(FIRST_YEAR + YEARS, 0, 1) - start) / DAY_MS;
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, String(Math.floor(i / ARTICLES_PER_FOLDER)).padStart(3, '0'));
    if (i % ARTICLES_PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    const length = MIN_PARAGRAPHS + Math.floor(next() * (MAX_PARAGRAPHS - MIN_PARAGRAPHS + 1));
    const body = [pick(firsts)];
    for (let p = 1; p < length; p++) body.push(pick(paragraphs));
    const date = new Date(start + Math.floor(next() * days) * DAY_MS).toISOString().slice(0, 10);
    writeFileSync(path.join(folder, `${String(i).padStart(6, '0')}.txt`), ` date ${date} ${body.join('\n\n')}\n`);
  }
  writeFileSync(complete, '');
  return dir;
}
