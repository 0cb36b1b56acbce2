// `npm run bench:panels`: times the data of each corpus panel (Corpus Overview, Timeline, Keyword in Context,
// Entity Network) at 5,000, 20,000 and 100,000 Reuters-derived articles (the corpora of scripts/bench-corpus.ts),
// on an index built with the shipped entity model (cached in its own file, reopened on later runs), against
// the 200 ms. Each figure is the median of a few rounds, printed with the load average: the machine is shared.
// Usage: npm run bench:panels [-- 5000 20000 100000] (the sizes to measure; all three when none is given)
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { EntityCandidate, overviewData, topEntities } from '../src/core/panels/overview';
import { KwicArticle, KwicSort, kwicLines, kwicPage, kwicPattern } from '../src/core/panels/kwic';
import { NETWORK_DEFAULTS, entityNetwork } from '../src/core/panels/network';
import { SeriesSpec, timelineData } from '../src/core/panels/timeline';
import { CorpusIndex } from '../src/core/search/corpus-index';
import { IndexService } from '../src/workers/index-service';
import { listArticleFiles } from '../src/workers/list-files';
import { benchCorpus } from './bench-corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const REUTERS = process.env['NEWS_CORPUS_REUTERS'] ?? path.resolve(ROOT, '..', 'shared', 'corpora', 'reuters');
const MODEL = path.join(ROOT, 'models', 'ner.bin');
const DEFAULT_SIZES = [5000, 20000, 100000];
const ROUNDS = 5;
const TARGET_MS = 200;
/** What the panels use (src/panels): candidates per type of the overview, articles a KWIC reads. */
const OVERVIEW_CANDIDATES = 200;
const KWIC_ENTITY_ARTICLES = 1000;
const KWIC_SEARCH_ARTICLES = 300;
const KWIC_PAGE_SIZE = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median time of `run` over {@link ROUNDS} rounds, and the first round (cold caches) apart. */
function time(run: () => unknown): { first: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return { first: times[0] ?? 0, median: median(times) };
}

async function openIndex(count: number): Promise<CorpusIndex> {
  const dir = benchCorpus(REUTERS, count);
  const cacheFile = path.join(tmpdir(), 'news-corpus-bench', `panels-index-${count}.ncidx`);
  const service = new IndexService({ root: dir, cacheFile, extractor: { kind: 'model', modelPath: MODEL } });
  const outcome = await service.open(listArticleFiles(dir));
  if (outcome.source !== 'cache') await service.save();
  await service.dispose();
  await service.index.prepare();
  return service.index;
}

function measure(index: CorpusIndex): [string, { first: number; median: number }][] {
  const summaries = [...index.summaries()];
  const dates = summaries.map(({ date }) => date).filter((date): date is string => date !== undefined).sort();
  const span = dates.length === 0 ? undefined : { first: dates[0] ?? '', last: dates[dates.length - 1] ?? '' };
  const candidatesOf = (): EntityCandidate[] =>
    (['PER', 'LOC', 'ORG'] as const).flatMap((type) =>
      index.listEntities({ type, sort: 'mentions', offset: 0, limit: OVERVIEW_CANDIDATES }).entities.map(({ key, name }) => ({ key, name, type, months: index.entityTimeline(key) })),
    );
  const candidates = candidatesOf();
  const months = [...new Set(dates.map((date) => date.slice(0, 7)))];
  const biggest = index.listEntities({ type: 'LOC', sort: 'articles', offset: 0, limit: 1 }).entities[0];
  const person = index.listEntities({ type: 'PER', sort: 'articles', offset: 0, limit: 1 }).entities[0];
  if (!biggest || !person) throw new Error('News Corpus: the bench corpus has no entities; is the model there?');
  const countMatching = (query: string) => {
    const response = index.search(query, { limit: 0, fuzzyFallback: false });
    return response.ok ? response.total : undefined;
  };
  const timeline = (specs: SeriesSpec[]) => timelineData(span, specs, { entityArticles: (key) => index.entityArticles(key), countMatching });
  const kwicOf = (paths: readonly string[], forms: string[], sort: KwicSort) => {
    const pattern = kwicPattern(forms);
    const articles = paths.slice(0, KWIC_ENTITY_ARTICLES).flatMap((articlePath): KwicArticle[] => {
      const found = index.article(articlePath);
      return found ? [{ id: articlePath, title: found.title, date: found.date, text: found.text }] : [];
    });
    return kwicPage(articles.flatMap((article) => kwicLines(article, pattern)), { sort, offset: 0, limit: KWIC_PAGE_SIZE });
  };
  const searchPaths = (query: string) => {
    const response = index.search(query, { limit: KWIC_SEARCH_ARTICLES, fuzzyFallback: false });
    return response.ok ? response.hits.map(({ path: hitPath }) => hitPath) : [];
  };
  const source = { companions: index.companions.bind(index), summary: index.entitySummary.bind(index), articleCount: index.articleCount };
  return [
    ['overview: top-list candidates (first open)', time(candidatesOf)],
    ['overview: counts and months', time(() => overviewData(summaries.map(({ date }) => date), 0, candidates))],
    ['overview: brush a year', time(() => topEntities(candidates, { from: months[0] ?? '', to: months[11] ?? '' }))],
    [`timeline: entity ${biggest.name} (${biggest.articleCount} articles)`, time(() => timeline([{ kind: 'entity', key: biggest.key, label: biggest.name }]))],
    ['timeline: query "oil"', time(() => timeline([{ kind: 'query', query: 'oil', label: 'oil' }]))],
    ['timeline: query "interest rates"', time(() => timeline([{ kind: 'query', query: '"interest rates"', label: 'rates' }]))],
    [`kwic: entity ${person.name}, by left words`, time(() => kwicOf(index.entityArticles(person.key).map(({ path: articlePath }) => articlePath), [person.name, ...person.aliases], 'left'))],
    ['kwic: "interest rates", by right words', time(() => kwicOf(searchPaths('"interest rates"'), ['interest rates'], 'right'))],
    ['kwic: "said", by right words', time(() => kwicOf(searchPaths('said'), ['said'], 'right'))],
    [`network: ${biggest.name}, ${NETWORK_DEFAULTS.maxNodes} nodes`, time(() => entityNetwork(source, biggest.key, NETWORK_DEFAULTS))],
    [`network: ${person.name}, PMI`, time(() => entityNetwork(source, person.key, { ...NETWORK_DEFAULTS, measure: 'pmi' }))],
  ];
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
  for (const count of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
    const index = await openIndex(count);
    console.log(`\n${count.toLocaleString('en-US')} articles (${index.entityCount.toLocaleString('en-US')} entities), load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
    console.log('panel data                                              first ms  median ms');
    for (const [name, { first, median: typical }] of measure(index)) {
      const flag = typical > TARGET_MS ? `  over ${TARGET_MS} ms` : '';
      console.log(`${name.padEnd(54)} ${first.toFixed(1).padStart(8)} ${typical.toFixed(1).padStart(10)}${flag}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
