import { ArticleEntity, EntityType } from '../../../src/core/entities/types';
import { AnalyzedBatch, EntityExtractor } from '../../../src/core/search/analyzed-batch';
import { BatchBuilder, FileStamp } from '../../../src/core/search/batch-builder';
import { CorpusIndex } from '../../../src/core/search/corpus-index';

/** An entity the fake extractor finds wherever its name or an alias appears. */
export interface KnownEntity {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases?: readonly string[];
}

export const PUTIN: KnownEntity = { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'] };
export const KIM: KnownEntity = { key: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', aliases: ['Kim'] };
export const MOSCOW: KnownEntity = { key: 'LOC:moscow', name: 'Moscow', type: 'LOC' };
export const KREMLIN: KnownEntity = { key: 'ORG:kremlin', name: 'Kremlin', type: 'ORG' };
export const GEORGIA_PLACE: KnownEntity = { key: 'LOC:georgia', name: 'Georgia', type: 'LOC' };

/**
 * A hand-made entity extractor: finds the known names (longest first, whole words) in a text.
 * An article that only says "Putin" still gets the merged entity, as the real engine would do.
 */
export function fakeExtractor(known: readonly KnownEntity[]): EntityExtractor {
  return (text) => {
    const found = new Map<string, { entity: KnownEntity; mentions: { start: number; end: number }[]; forms: Map<string, number> }>();
    const taken: boolean[] = [];
    const forms = known.flatMap((entity) => [entity.name, ...(entity.aliases ?? [])].map((form) => ({ entity, form }))).sort((a, b) => b.form.length - a.form.length);
    for (const { entity, form } of forms) {
      const pattern = new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        if (taken[match.index]) continue;
        for (let i = match.index; i < match.index + form.length; i++) taken[i] = true;
        const entry = found.get(entity.key) ?? { entity, mentions: [], forms: new Map<string, number>() };
        entry.mentions.push({ start: match.index, end: match.index + form.length });
        entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
        found.set(entity.key, entry);
      }
    }
    return [...found.values()].map(
      ({ entity, mentions, forms }): ArticleEntity => ({
        key: entity.key,
        name: entity.name,
        type: entity.type,
        aliases: entity.aliases ?? [],
        mentions,
        forms: [...forms].map(([text, count]) => ({ text, count })),
      }),
    );
  };
}

/** One fixture article: a path and its full text (header included). */
export interface FixtureArticle {
  readonly path: string;
  readonly text: string;
}

/** An article text in the corpus format. */
export function article(date: string | undefined, ...paragraphs: string[]): string {
  return date === undefined ? paragraphs.join('\n\n') : ` date ${date} ${paragraphs.join('\n\n')}`;
}

/** One article's text analysed as a batch of its own, as an edit of a single file is indexed. */
export function analyzeText(stamp: FileStamp, text: string, extractEntities: EntityExtractor): AnalyzedBatch {
  const builder = new BatchBuilder(extractEntities);
  builder.addText(stamp, text);
  return builder.finish();
}

/** Builds a compacted index over the fixtures with the fake extractor. */
export function buildIndex(articles: readonly FixtureArticle[], known: readonly KnownEntity[] = [], compact = true): CorpusIndex {
  const index = new CorpusIndex();
  const builder = new BatchBuilder(fakeExtractor(known));
  for (const { path, text } of articles) builder.addText({ path, size: text.length, mtimeMs: 1 }, text);
  index.addBatch(builder.finish(), { defer: compact });
  if (compact) index.compactNow();
  return index;
}

/** The paths of a query's hits, in rank order; fails the test on a query error. */
export function hitPaths(index: CorpusIndex, query: string, options: Parameters<CorpusIndex['search']>[1] = {}): string[] {
  const response = index.search(query, options);
  if (!response.ok) throw new Error(`query "${query}" failed: ${response.error}`);
  return response.hits.map((hit) => hit.path);
}

/** A small corpus about one week of news, used by most tests. */
export const NEWS: readonly FixtureArticle[] = [
  {
    path: 'arrival.txt',
    text: article('2023-09-12', 'Kim Jong-un arrives in Russia by armoured train.', 'The North Korean leader will meet Vladimir Putin in the far east, the Kremlin said.'),
  },
  {
    path: 'summit.txt',
    text: article('2023-09-13', 'Putin and Kim hold talks at a space centre.', 'The two leaders discussed interest rates, weapons and rockets. Moscow denied any arms deal.'),
  },
  {
    path: 'rates.txt',
    text: article('2023-09-14', 'Central bank raises interest rates again.', 'Banking shares fell as rates rose. The bank said inflation remains high.'),
  },
  {
    path: 'wheat.txt',
    text: article('2022-07-01', 'Wheat prices climb on export fears.', 'Exporters of wheat and corn expect higher prices; the rates of freight also rose.'),
  },
  {
    path: 'undated.txt',
    text: article('2023-02-30', 'Notes on banks and the interest of savers in rates.'),
  },
  {
    path: 'georgia.txt',
    text: article('2021-03-05', 'Elections in Georgia draw observers.', 'Voters in Georgia queued for hours; results rate as close.'),
  },
];

export const NEWS_ENTITIES: readonly KnownEntity[] = [PUTIN, KIM, MOSCOW, KREMLIN, GEORGIA_PLACE];
