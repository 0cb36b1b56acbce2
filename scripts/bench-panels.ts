// `npm run bench:panels`: times the data of each corpus panel, through the panels' own data functions, (Corpus Overview, Timeline, Keyword in Context,
// Entity Network) at 5,000, 20,000 and 100,000 Reuters-derived articles (the corpora of scripts/bench-corpus.ts),
// on an index built with the shipped entity model (cached in its own file, reopened on later runs), against
// the 200 ms. Each figure is the median of a few rounds (the first apart), printed with the load average: the machine is shared,
// so the CPU time (what an idle machine would take) is printed too and is what the target is checked against.
// Usage: npm run bench:panels [-- 5000 20000 100000] (the sizes to measure; all three when none is given)
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { Corpus } from '../src/core/corpus';
import { EntityDirectory } from '../src/core/entity-directory';
import { KwicSort, kwicOfArticles, kwicPage } from '../src/core/panels/kwic';
import { NETWORK_DEFAULTS } from '../src/core/panels/network';
import { SeriesSpec } from '../src/core/panels/timeline';
import { CorpusIndex } from '../src/core/search/corpus-index';
import { networkPanel } from '../src/panels/network-panel';
import { overviewPanel } from '../src/panels/overview-panel';
import { PanelSources } from '../src/panels/panel-sources';
import { timelinePanel } from '../src/panels/timeline-panel';
import { IndexService } from '../src/workers/index-service';
import { listArticleFiles } from '../src/workers/list-files';
import { benchCorpus } from './bench-corpus';
import { MODEL, REUTERS } from './bench-paths';

const DEFAULT_SIZES = [5000, 20000, 100000];
const ROUNDS = 5;
const TARGET_MS = 200;
/** What the Keyword in Context panel reads (src/panels/kwic-panel.ts, which needs VS Code to name articles). */
const KWIC_ENTITY_ARTICLES = 1000;
const KWIC_SEARCH_ARTICLES = 300;
const KWIC_PAGE_SIZE = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A figure's wall time (first round apart, then the median) and its CPU time (median): on a shared machine the wall time is mostly waiting for a core. */
interface Timing {
  readonly first: number;
  readonly median: number;
  readonly cpu: number;
}

/** Times `run` over {@link ROUNDS} rounds. */
function time(run: () => unknown): Timing {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { first: times[0] ?? 0, median: median(times), cpu: median(cpuTimes) };
}

async function openIndex(count: number): Promise<CorpusIndex> {
  const dir = benchCorpus(REUTERS, count, 'real');
  const cacheFile = path.join(tmpdir(), 'news-corpus-bench', `panels-index-real-${count}.ncidx`);
  const service = new IndexService({ root: dir, cacheFile, extractor: { kind: 'model', modelPath: MODEL } });
  const outcome = await service.open(listArticleFiles(dir));
  if (outcome.source !== 'cache') await service.save();
  await service.dispose();
  await service.index.prepare();
  return service.index;
}

/** The Entities directory of one index, as the extension builds it over each folder (ids are index paths here). */
function directoryOf(index: CorpusIndex): EntityDirectory {
  return {
    typeCounts: () => index.entityTypeCounts(),
    list: (request) => index.listEntities(request),
    summary: (key) => index.entitySummary(key),
    articles: (key) => index.entityArticles(key).map((found) => ({ ...found, id: found.path })),
    articleText: (id) => index.article(id)?.text,
    roles: (key) => index.entityRoles(key),
    timeline: (key) => index.entityTimeline(key),
    companions: (key, limit) => index.companions(key, limit),
  };
}

function measure(index: CorpusIndex): [string, Timing][] {
  const corpus = new Corpus();
  corpus.reset(
    [...index.summaries()].map(({ path: articlePath, title, date }) => (date === undefined ? { id: articlePath, path: articlePath, title } : { id: articlePath, path: articlePath, title, date })),
    [],
  );
  const entities = directoryOf(index);
  const sources = new PanelSources({ corpus, entities, search: (query, options) => index.search(query, options), matchesPerDay: (query) => index.matchesPerDay(query) });
  const overview = overviewPanel(sources);
  const timeline = timelinePanel(sources);
  const network = networkPanel(sources);
  sources.overviewCandidates();
  const span = sources.datedSpan();
  const firstYear = { from: span?.first.slice(0, 7) ?? '', to: `${span?.first.slice(0, 4) ?? ''}-12` };
  const biggest = entities.list({ type: 'LOC', sort: 'articles', offset: 0, limit: 1 }).entities[0];
  const person = entities.list({ type: 'PER', sort: 'articles', offset: 0, limit: 1 }).entities[0];
  if (!biggest || !person) throw new Error('News Corpus: the bench corpus has no entities; is the model there?');
  const kwicOf = (articles: readonly { id: string; title: string; date?: string }[], forms: string[], sort: KwicSort) =>
    kwicPage(kwicOfArticles(articles, forms, (id) => entities.articleText(id)).lines, { sort, offset: 0, limit: KWIC_PAGE_SIZE });
  const searched = (query: string) => {
    const response = index.search(query, { limit: KWIC_SEARCH_ARTICLES, fuzzyFallback: false, snippetLength: 0 });
    return response.ok ? response.hits.map(({ path: hitPath, title, date }) => (date === undefined ? { id: hitPath, title } : { id: hitPath, title, date })) : [];
  };
  const series = (...specs: SeriesSpec[]) => () => timeline.data({ series: specs });
  return [
    ['overview: top-list candidates (first open, then kept)', time(() => {
        sources.reset();
        return sources.overviewCandidates();
      }),],
    ['overview: counts, months and top lists', time(() => overview.data({}))],
    ['overview: brush the first year', time(() => overview.data({ range: firstYear }))],
    [`timeline: entity ${biggest.name} (${biggest.articleCount} articles)`, time(series({ kind: 'entity', key: biggest.key, label: biggest.name }))],
    ['timeline: query "oil"', time(series({ kind: 'query', query: 'oil', label: 'oil' }))],
    ['timeline: query "interest rates"', time(series({ kind: 'query', query: '"interest rates"', label: 'rates' }))],
    ['timeline: query "coffee"', time(series({ kind: 'query', query: 'coffee', label: 'coffee' }))],
    [`kwic: entity ${person.name}, by left words`, time(() => kwicOf(entities.articles(person.key).slice(0, KWIC_ENTITY_ARTICLES), [person.name, ...person.aliases], 'left'))],
    ['kwic: "interest rates", by right words', time(() => kwicOf(searched('"interest rates"'), ['interest rates'], 'right'))],
    ['kwic: "said", by right words', time(() => kwicOf(searched('said'), ['said'], 'right'))],
    [`network: ${biggest.name}, ${NETWORK_DEFAULTS.maxNodes} nodes`, time(() => network.data({ ...NETWORK_DEFAULTS, center: biggest.key }))],
    [`network: ${person.name}, PMI`, time(() => network.data({ ...NETWORK_DEFAULTS, measure: 'pmi', center: person.key }))],
  ];
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
  for (const count of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
    const index = await openIndex(count);
    console.log(`\n${count.toLocaleString('en-US')} articles (${index.entityCount.toLocaleString('en-US')} entities), load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
    console.log('panel data                                              first ms  median ms  CPU ms');
    for (const [name, { first, median: typical, cpu }] of measure(index)) {
      const flag = cpu > TARGET_MS ? `  over ${TARGET_MS} ms` : '';
      console.log(`${name.padEnd(54)} ${first.toFixed(1).padStart(8)} ${typical.toFixed(1).padStart(10)} ${cpu.toFixed(1).padStart(7)}${flag}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
