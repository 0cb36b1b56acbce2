// Issue 15's part of `npm run bench`: how long applying a correction of the facts file takes at the benchmark's
// size, on the index reopened from its cache. A correction is a mapping over the entity model (nothing is
// recognised again), so "applying" is: resolving the facts entries' corrections, then what every
// surface asks again once they changed (the Entities view's root and first pages, the entity's expansion and
// hover card, the search filter with its results' entities, the panels' timeline and network).
import { correctArticleEntities } from '../src/core/curation/article-corrections';
import { entityKey } from '../src/core/entities/article-entities';
import { CorrectedIndexEntities } from '../src/core/curation/corrected-entities';
import { CorrectionEntry, resolveCorrections } from '../src/core/curation/entity-corrections';
import { EntryCorrections } from '../src/core/curation/entry-corrections';
import { likelyDuplicateMerges, likelyDuplicates } from '../src/core/curation/likely-duplicates';
import { entityCardMarkdown, entityCardOf } from '../src/core/entity-card';
import { CorpusIndex } from '../src/core/search/corpus-index';
import { EntityListRequest, EntitySummary } from '../src/core/search/entity-listing';
import { everyEntity } from '../src/core/entity-directory';
import { ENTITY_TYPES } from '../src/core/search/entity-table';
import { exactEntityQuery } from '../src/core/search/query-parser';

/** Entities the Entities view lists per group page. */
const PAGE = 200;
/** Search results whose entities are listed, as the search box's first page. */
const RESULTS = 50;
/** Rounds of each correction; the median is reported. */
const ROUNDS = 3;

/** People looked through for one with an alias to split off. */
const SPLIT_CANDIDATES = 20;

/**
 * The time to apply a merge (the second-largest person into the largest), an ignore (the largest
 * organization) and a split (the first alias, not a spelling of its own name, of the largest person that has one), each once every surface has
 * asked again, median of {@link ROUNDS}.
 *
 * @example
 * const figures = correctionFigures(index); // { mergeMs: 210, ignoreMs: 140, merged: […] }
 */
export interface CorrectionFigures {
  readonly mergeMs: number;
  readonly ignoreMs: number;
  readonly splitMs: number;
  /** Merge Likely Duplicates: finding the pairs (every entity listed, then paired), and applying the ticked ones as one facts file. */
  readonly duplicates: { readonly findMs: number; readonly pairs: number; readonly likely: number; readonly applyMs: number };
  /** The entities merged (canonical first, with their article counts), the one ignored, and the split (alias and entity). */
  readonly merged: readonly string[];
  readonly ignored: string;
  readonly split: string;
}

function largest(index: CorpusIndex, type: 'PER' | 'ORG', count: number): EntitySummary[] {
  return [...index.listEntities({ type, sort: 'articles', offset: 0, limit: count }).entities];
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A facts entry with these corrections, as `parseFacts` reads it (the parse of a one-entry file takes microseconds). */
function entry(of: EntitySummary, corrections: Partial<EntryCorrections>): CorrectionEntry {
  return { source: 'bench', type: of.type, name: of.name, corrections: { aliases: [], split: [], ignore: false, ignoreIn: [], add: false, addIn: [], ...corrections } };
}

/** Applies the entries' corrections and asks every surface again about `key`; returns the time taken in ms. */
function apply(index: CorpusIndex, entries: readonly CorrectionEntry[], key: string, name: string): number {
  const started = performance.now();
  const { corrections } = resolveCorrections(entries);
  const entities = new CorrectedIndexEntities(index, corrections, { idOf: (path) => path, pathOf: (id) => id });
  entities.entityTypeCounts();
  for (const type of ENTITY_TYPES) entities.listEntities({ type, sort: 'articles', offset: 0, limit: PAGE });
  entities.entityArticles(key);
  for (const facts of entries) for (const form of facts.corrections.split) entities.entitySummary(entityKey(facts.type, form));
  const summary = entities.entitySummary(key);
  if (summary) {
    const card = { summary: (of: string) => entities.entitySummary(of), roles: (of: string) => entities.entityRoles(of), timeline: (of: string) => entities.entityTimeline(of), companions: (of: string, limit: number) => entities.companions(of, limit) };
    entityCardMarkdown(entityCardOf({ key, name, type: summary.type, aliases: [], mentions: [{ start: 0, end: name.length }], forms: [] }, card), []);
  }
  const response = index.search(exactEntityQuery(summary?.type ?? 'PER', name), { limit: RESULTS, corrections: { corrections, pathOf: (id) => id } });
  if (response.ok) {
    for (const hit of response.hits) {
      entities.entitiesOf(hit.path);
      const text = index.article(hit.path)?.text ?? '';
      correctArticleEntities(corrections, [], text, hit.path);
    }
  }
  return performance.now() - started;
}

/**
 * Merge Likely Duplicates at the index's size: finding the pairs as the command does (every entity of every type
 * listed, then `likelyDuplicates`), and applying the ticked pairs' merges (each a facts entry with its aliases) with
 * every surface asked again about the entity that takes the most, median of {@link ROUNDS} each.
 */
function duplicatesFigures(index: CorpusIndex): CorrectionFigures['duplicates'] {
  const directory = { typeCounts: () => index.entityTypeCounts(), list: (request: EntityListRequest) => index.listEntities(request) };
  const find = () => likelyDuplicates(everyEntity(directory, 'articles'));
  const findMs = median(Array.from({ length: ROUNDS }, () => {
    const started = performance.now();
    find();
    return performance.now() - started;
  }));
  const found = find();
  const likely = found.filter((pair) => pair.likely);
  const entries = likelyDuplicateMerges(likely).flatMap((merge): CorrectionEntry[] => {
    const into = index.entitySummary(entityKey(merge.into.type, merge.into.name));
    const aliases = merge.entities.slice(1).map((alias) => ({ key: entityKey(alias.type, alias.name), type: alias.type, name: alias.name, offset: 0, length: 0 }));
    return into ? [entry(into, { aliases })] : [];
  });
  const biggest = likely.reduce<EntitySummary | undefined>((best, pair) => (best === undefined || pair.into.articleCount > best.articleCount ? pair.into : best), undefined);
  const applyMs = biggest ? median(Array.from({ length: ROUNDS }, () => apply(index, entries, biggest.key, biggest.name))) : Number.NaN;
  return { findMs, pairs: found.length, likely: likely.length, applyMs };
}

/**
 * Times applying a merge and an ignore on `index` (see {@link CorrectionFigures}).
 *
 * @example
 * correctionFigures(reopenedIndex).mergeMs;
 */
export function correctionFigures(index: CorpusIndex): CorrectionFigures {
  const [first, second] = largest(index, 'PER', 2);
  const [organization] = largest(index, 'ORG', 1);
  // An alias that is another name, not a spelling of the entity's own ("The Reagan" of Reagan cannot be split off).
  const otherName = (entity: EntitySummary) => entity.aliases.find((alias) => entityKey(entity.type, alias) !== entity.key);
  const splitting = largest(index, 'PER', SPLIT_CANDIDATES).find((entity) => otherName(entity) !== undefined);
  const alias = splitting && otherName(splitting);
  if (!first || !second || !organization || !splitting || alias === undefined) {
    return { mergeMs: Number.NaN, ignoreMs: Number.NaN, splitMs: Number.NaN, duplicates: { findMs: Number.NaN, pairs: 0, likely: 0, applyMs: Number.NaN }, merged: [], ignored: '', split: '' };
  }
  const merge = entry(first, { aliases: [{ key: second.key, type: second.type, name: second.name, offset: 0, length: 0 }] });
  const ignore = entry(organization, { ignore: true });
  const mergeMs = median(Array.from({ length: ROUNDS }, () => apply(index, [merge], first.key, first.name)));
  const ignoreMs = median(Array.from({ length: ROUNDS }, () => apply(index, [ignore], organization.key, organization.name)));
  const split = entry(splitting, { split: [alias] });
  const splitMs = median(Array.from({ length: ROUNDS }, () => apply(index, [split], splitting.key, splitting.name)));
  return {
    mergeMs,
    ignoreMs,
    splitMs,
    duplicates: duplicatesFigures(index),
    split: `"${alias}" off ${splitting.name} (${splitting.articleCount.toLocaleString('en-US')})`,
    merged: [first, second].map((entity) => `${entity.name} (${entity.articleCount.toLocaleString('en-US')})`),
    ignored: `${organization.name} (${organization.articleCount.toLocaleString('en-US')})`,
  };
}

/**
 * What the correction rows measure, printed under the table.
 *
 * @example
 * console.log(CORRECTION_NOTES.join('\n'));
 */
export const CORRECTION_NOTES: readonly string[] = [
  'Correction rows (issue 15), on the index reopened from the cache, median of 3: the facts entry\'s corrections resolved, then what',
  `every surface asks again: type counts, each group's first page (${PAGE}), the entity's articles and hover card, the search filter on it`,
  `(${RESULTS} results) with each result's corrected entities. Merge: the second-largest person into the largest; ignore: the largest organization;`,
  'split: the first alias of the largest person that has one, other than a spelling of its own name (its articles read through their word ids, the split-off entity\'s summary asked too).',
  'Likely duplicates: finding the pairs as Merge Likely Duplicates does (every entity listed, then paired); applying every ticked pair\'s merge at',
  'once (one facts entry per entity kept), with every surface asked again about the entity kept that has the most articles.',
];
