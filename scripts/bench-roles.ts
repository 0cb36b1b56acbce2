// Mines entity roles over the Reuters dev set: speed, and a reproducible sample of 100 (entity, role,
// sentence) triples for a person to judge precision (docs/roles.md). Research-only data: read from
// ../shared, never copied. Usage: npm run bench:roles   (REUTERS_DIR=another folder of articles)
import { readFileSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractArticleEntities } from '../src/core/entities/article-entities';
import { EntityRecognizer } from '../src/core/entities/recognizer';
import { MinedRole, articleRoles, mineRoles } from '../src/core/entities/roles';
import { ArticleEntity } from '../src/core/entities/types';
import { seededRandom } from '../src/core/random';
import { MODEL_PATH, REPO_ROOT } from './ner-shared';

const REUTERS_DIR = process.env['REUTERS_DIR'] ?? path.resolve(REPO_ROOT, '../shared/corpora/reuters');
/** Fixed seed: every run samples the same roles, so a judgement can be checked by someone else. */
const SAMPLE_SEED = 9;
const SAMPLE_SIZE = 100;
/** Timed runs of the miner over the corpus; the best is reported (the machine is shared). */
const RUNS = 5;
/** Characters of context shown on each side of a sampled role and its mention. */
const CONTEXT = 90;

interface Article {
  readonly file: string;
  readonly text: string;
  readonly entities: ArticleEntity[];
}

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The line around a role and its mention, cut to CONTEXT characters each side. */
function context(text: string, role: MinedRole): string {
  const from = Math.min(role.start, role.mention.start);
  const to = Math.max(role.end, role.mention.end);
  const lineStart = text.lastIndexOf('\n', from) + 1;
  const lineEnd = text.indexOf('\n', to);
  const start = Math.max(lineStart, from - CONTEXT);
  const end = Math.min(lineEnd < 0 ? text.length : lineEnd, to + CONTEXT);
  return `${start > lineStart ? '…' : ''}${text.slice(start, end)}${end < (lineEnd < 0 ? text.length : lineEnd) ? '…' : ''}`;
}

const recognizer = EntityRecognizer.fromModel(new Uint8Array(readFileSync(MODEL_PATH)));
const files = readdirSync(REUTERS_DIR).filter((name) => name.endsWith('.txt')).sort();
const extracting = process.hrtime.bigint();
const articles: Article[] = files.map((file) => {
  const text = readFileSync(path.join(REUTERS_DIR, file), 'utf8');
  return { file, text, entities: extractArticleEntities(recognizer, text) };
});
const extractSeconds = seconds(extracting);

let best = Infinity;
let mined = 0;
for (let run = 0; run < RUNS; run++) {
  const started = process.hrtime.bigint();
  mined = 0;
  for (const article of articles) mined += articleRoles(article.text, article.entities).size;
  best = Math.min(best, seconds(started));
}
const bytes = articles.reduce((sum, article) => sum + article.text.length, 0);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version} (single thread)`);
console.log(`${articles.length} Reuters articles, ${(bytes / 1e6).toFixed(2)} M characters`);
console.log(`entities (recognise + merge): ${extractSeconds.toFixed(2)} s, ${Math.round(articles.length / extractSeconds).toLocaleString('en-US')} articles/s`);
console.log(`roles (articleRoles alone): ${(best * 1000).toFixed(0)} ms, ${Math.round(articles.length / best).toLocaleString('en-US')} articles/s (best of ${RUNS}); ${mined} entity-article pairs with a role`);

const all = articles.flatMap((article) => mineRoles(article.text, article.entities).map((role) => ({ article, role })));
const counts = new Map<string, number>();
for (const { role } of all) counts.set(role.role, (counts.get(role.role) ?? 0) + 1);
console.log(`${all.length} roles mined in ${new Set(all.map(({ article }) => article.file)).size} articles; most frequent:`);
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([role, count]) => `  ${count} × ${role}`).join('\n'));

// Seeded Fisher–Yates: the first SAMPLE_SIZE of a reproducible shuffle.
const next = seededRandom(SAMPLE_SEED);
const sample = [...all];
for (let i = sample.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [sample[i], sample[j]] = [sample[j] as (typeof sample)[number], sample[i] as (typeof sample)[number]];
}
console.log(`\nsample of ${Math.min(SAMPLE_SIZE, sample.length)} roles (seed ${SAMPLE_SEED}): entity | role | file | text`);
sample.slice(0, SAMPLE_SIZE).forEach(({ article, role }, index) => {
  const name = article.entities.find((entity) => entity.key === role.key)?.name ?? role.key;
  console.log(`${String(index + 1).padStart(3)}. ${name} | ${role.role} | ${article.file} | ${context(article.text, role)}`);
});
