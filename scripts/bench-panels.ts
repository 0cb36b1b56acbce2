// `npm run bench:panels`: times the data of each corpus panel, through the panels' own data functions, (Corpus Overview, Timeline, Keyword in Context,
// Entity Network) at 5,000, 20,000 and 100,000 Reuters-derived articles (the corpora of scripts/bench-corpus.ts),
// on an index built with the shipped entity model (cached in its own file, reopened on later runs), against
// the 200 ms. Each figure is the median of a few rounds (the first apart), printed with the load average: the machine is shared,
// so the CPU time (what an idle machine would take) is printed too and is what the target is checked against.
// Usage: npm run bench:panels [-- 5000 20000 100000] (the sizes to measure; all three when none is given)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { Corpus } from '../src/core/corpus';
import { EntityDirectory } from '../src/core/entity-directory';
import { KWIC_ARTICLES, KWIC_PAGE } from '../src/core/panels/kwic';
import { NETWORK_DEFAULTS } from '../src/core/panels/network';
import { topEntities } from '../src/core/panels/overview';
import { SeriesSpec } from '../src/core/panels/timeline';
import { CorpusIndex } from '../src/core/search/corpus-index';
import { KwicState, kwicPanel } from '../src/panels/kwic-panel';
import { networkPanel } from '../src/panels/network-panel';
import { overviewPanel } from '../src/panels/overview-panel';
import { PanelKind } from '../src/panels/panel-host';
import { PanelSources } from '../src/panels/panel-sources';
import { timelinePanel } from '../src/panels/timeline-panel';
import { IndexService } from '../src/workers/index-service';
import { loadModel } from '../src/workers/entity-extractor';
import { listArticleFiles } from '../src/workers/list-files';
import { benchCorpus } from './bench-corpus';
import { MODEL, REUTERS, SCRIPTS } from './bench-paths';

const DEFAULT_SIZES = [5000, 20000, 100000];
const ROUNDS = 5;
const TARGET_MS = 200;
/** The node cap's largest value in the Entity Network panel: the most it ever draws. */
const NETWORK_MAX_NODES = 60;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A figure's wall time (first round apart, then the median) and its CPU time (median): on a shared machine the wall time is mostly waiting for a core. */
interface Timing {
  readonly first: number;
  readonly median: number;
  readonly cpu: number;
  /** Whether the wall times are until an early draw: the CPU time is then of more than they are. */
  readonly early: boolean;
}

/** What a run returns when its page showed lines before the run ended (an early draw): the wall time until then. */
interface EarlyDraw {
  readonly drawnMs: number;
}

function isEarlyDraw(value: unknown): value is EarlyDraw {
  return typeof value === 'object' && value !== null && typeof (value as Partial<EarlyDraw>).drawnMs === 'number';
}

/** Times `run` over {@link ROUNDS} rounds: the wall time until it ends, or until its early draw; the CPU time of all of it. */
async function time(run: () => unknown): Promise<Timing> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let early = false;
  for (let i = 0; i < ROUNDS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = await run();
    early ||= isEarlyDraw(result);
    times.push(isEarlyDraw(result) ? result.drawnMs : performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { first: times[0] ?? 0, median: median(times), cpu: median(cpuTimes), early };
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
    articles: (key, limit) => index.entityArticles(key, limit).map((found) => ({ ...found, id: found.path })),
    articleText: (id) => index.article(id)?.text,
    roles: (key) => index.entityRoles(key),
    timeline: (key) => index.entityTimeline(key),
    companions: (key, limit) => index.companions(key, limit),
  };
}

/** A figure of the table: what is timed, and the page (a panel's script, title and state) that draws its data, if any. */
interface Figure {
  readonly name: string;
  readonly run: () => unknown;
  readonly page?: { readonly script: string; readonly title: string; readonly state: unknown };
}

/** What the render benchmark draws: a panel's page and the data the extension would send it. */
interface RenderInput {
  readonly name: string;
  readonly script: string;
  readonly title: string;
  readonly state: unknown;
  readonly data: unknown;
}

function figures(index: CorpusIndex): Figure[] {
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
  // Search hits name articles by index path, as the entity directory above does. An entity's mentions are found by the
  // recogniser on the host, as the extension finds those of an article of real length (a long one's on its thread).
  const model = loadModel(MODEL);
  if (!model.ok) throw new Error(`News Corpus: the entity model cannot be loaded: ${model.problem}`);
  const analyze = async (text: string) => model.extract(text);
  const kwic = kwicPanel(sources, (indexPath) => indexPath, analyze);
  overview.data({});
  const span = sources.datedSpan();
  const firstYear = { from: span?.first.slice(0, 7) ?? '', to: `${span?.first.slice(0, 4) ?? ''}-12` };
  const biggest = entities.list({ type: 'LOC', sort: 'articles', offset: 0, limit: 1 }).entities[0];
  const person = entities.list({ type: 'PER', sort: 'articles', offset: 0, limit: 1 }).entities[0];
  if (!biggest || !person) throw new Error('News Corpus: the bench corpus has no entities; is the model there?');
  const drawn = <S>(name: string, kind: PanelKind<S>, state: S, before?: () => void): Figure => ({
    name,
    run: async () => {
      before?.();
      await kind.prepare?.(state, () => {});
      return kind.data(state);
    },
    page: { script: kind.script, title: kind.title(state), state },
  });
  /**
   * Until the page first shows lines: its early draw (`EarlyDraw`, at least KWIC_FIRST_DRAW_MS in) if it had one, else
   * its whole data (a round whose analyses were kept has none); the rest is read all the same.
   */
  const firstDrawn = <S>(name: string, kind: PanelKind<S>, state: S, before: () => void): Figure => ({
    name,
    run: async (): Promise<EarlyDraw | undefined> => {
      before();
      const start = performance.now();
      let drawnMs: number | undefined;
      await kind.prepare?.(state, () => {
        kind.data(state);
        drawnMs ??= performance.now() - start;
      });
      return drawnMs === undefined ? undefined : { drawnMs };
    },
  });
  const entitySeries: SeriesSpec = { kind: 'entity', key: biggest.key, label: biggest.name };
  const querySeries = (query: string): SeriesSpec => ({ kind: 'query', query, label: query });
  // A new target is read afresh (the panel keeps the lines of the last one until the index changes).
  const freshKwic = () => sources.reset();
  const reagan: KwicState = { target: { kind: 'entity', key: person.key }, sort: 'left', offset: 0 };
  return [
    {
      name: 'overview: top lists of the whole corpus (first open, then kept)',
      run: () => {
        sources.reset();
        return topEntities(sources.rankedEntities());
      },
    },
    drawn('overview: counts, months and top lists', overview, {}),
    drawn('overview: brush the first year', overview, { range: firstYear }),
    // The first month alone: a sparse period whose lists may not fill, so that only RANKING_LIMIT ends the walk.
    drawn('overview: brush the first month (months read afresh)', overview, { range: { from: firstYear.from, to: firstYear.from } }, () => sources.reset()),
    drawn(`timeline: entity ${biggest.name} (${biggest.articleCount} articles)`, timeline, { series: [entitySeries] }),
    drawn('timeline: query "oil"', timeline, { series: [querySeries('oil')] }),
    drawn('timeline: query "interest rates"', timeline, { series: [querySeries('"interest rates"')] }),
    drawn('timeline: query "coffee"', timeline, { series: [querySeries('coffee')] }),
    drawn(`timeline: ${biggest.name}, "oil" and "said"`, timeline, { series: [entitySeries, querySeries('oil'), querySeries('said')] }),
    // Its own panel, whose analyses no other figure has made: the first lines as a reader meets them.
    firstDrawn(`kwic: entity ${person.name}, first lines (early draw)`, kwicPanel(sources, (indexPath) => indexPath, analyze), reagan, freshKwic),
    drawn(`kwic: entity ${person.name}, by left words`, kwic, reagan, freshKwic),
    drawn(`kwic: entity ${person.name}, next page (lines kept)`, kwic, { ...reagan, offset: KWIC_PAGE }),
    drawn(`kwic: entity ${person.name}, ${KWIC_ARTICLES} articles more`, kwic, { ...reagan, read: 2 * KWIC_ARTICLES }),
    drawn('kwic: "interest rates", by right words', kwic, { target: { kind: 'words', text: 'interest rates' }, sort: 'right', offset: 0 }, freshKwic),
    drawn('kwic: "said", by right words', kwic, { target: { kind: 'words', text: 'said' }, sort: 'right', offset: 0 }, freshKwic),
    drawn(`network: ${biggest.name}, ${NETWORK_DEFAULTS.maxNodes} nodes`, network, { ...NETWORK_DEFAULTS, center: biggest.key }),
    drawn(`network: ${biggest.name}, ${NETWORK_MAX_NODES} nodes`, network, { ...NETWORK_DEFAULTS, maxNodes: NETWORK_MAX_NODES, center: biggest.key }),
    drawn(`network: ${person.name}, PMI`, network, { ...NETWORK_DEFAULTS, measure: 'pmi', center: person.key }),
  ];
}

/** Draws the pages of `file` in Chromium and prints their times (scripts/bench-panels-render.mjs). */
function benchRender(file: string): void {
  const run = spawnSync(process.execPath, [path.join(SCRIPTS, 'bench-panels-render.mjs'), file], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`News Corpus: the render benchmark failed (exit ${run.status ?? run.signal})`);
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
  for (const count of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
    const index = await openIndex(count);
    console.log(`\n${count.toLocaleString('en-US')} articles (${index.entityCount.toLocaleString('en-US')} entities), load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
    console.log('panel data                                              first ms  median ms  CPU ms');
    const pages: RenderInput[] = [];
    for (const { name, run, page } of figures(index)) {
      const { first, median: typical, cpu, early } = await time(run);
      const flag = (early ? first : cpu) > TARGET_MS ? `  over ${TARGET_MS} ms` : '';
      console.log(`${name.padEnd(54)} ${first.toFixed(1).padStart(8)} ${typical.toFixed(1).padStart(10)} ${cpu.toFixed(1).padStart(7)}${flag}`);
      if (page) pages.push({ name, ...page, data: await run() });
    }
    const file = path.join(tmpdir(), 'news-corpus-bench', `panels-data-${count}.json`);
    writeFileSync(file, JSON.stringify({ articles: count, pages }));
    benchRender(file);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
