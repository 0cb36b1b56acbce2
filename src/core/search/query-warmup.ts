import { EntityType } from '../entities/types';
import { CorpusIndex } from './corpus-index';
import { forEachToken } from './tokenize';

/**
 * The warm-up asks for as many results, snippets included, as the search box does (`DEFAULT_SEARCH_RESULTS` in
 * src/corpus/settings.ts), so that it runs the code a user's first searches run.
 *
 * @example
 * index.search(query, { limit: WARMUP_RESULTS });
 */
export const WARMUP_RESULTS = 50;

/**
 * The warm-up runs its kinds of queries once for each of these shares of the articles, its words held by about that
 * share (and a tenth of it): V8 optimises a function only after enough calls and loop turns, so each kind runs more
 * than once, and the small queries come first, while the code is slowest, so that the warm-up holds the thread as
 * short a time as it can (see docs/search.md, 3 December 2026, qwarm).
 *
 * @example
 * WARMUP_SHARES.length * warmUpQueries(index, WARMUP_SHARES[0]).length; // about the queries a complete warm-up runs
 */
export const WARMUP_SHARES: readonly number[] = [0.0005, 0.005, 0.05];

/**
 * The warm-up gives the event loop a turn after this long of queries: a search the user starts meanwhile waits for
 * the query under way at most.
 *
 * @example
 * await runUntil(warmUpSteps(index), () => userSearched, WARMUP_SLICE_MS);
 */
export const WARMUP_SLICE_MS = 4;

/** Articles whose words the warm-up's queries are made of: the index's first ones. */
const SAMPLE_ARTICLES = 8;
/** The warm-up's rarer word is held by this part of its share of the articles; a phrase's rarer word, by this part. */
const RARER_PART = 0.1;
const PHRASE_PART = 0.05;
/**
 * The warm-up's phrase of a stored pair (see {@link CorpusIndex.storedPairs}) has its commoner word held by this many
 * times its share of the articles: at the three shares, pairs of words held by ~0.2 % (the least there is: 1 %),
 * 2 % and 20 % of the articles: commoner words than the other queries' (at most 5 %), whose evaluation and 50
 * snippets run the large loops a user's common words run, and a phrase whose answers come from the stored ones, code
 * no other warm-up query runs. With the three, the first round after a reopen at 100,000 articles took 12–23 % less
 * CPU, most of it owed to the commoner words (see docs/search.md, 4 December 2026, query).
 */
const STORED_PAIR_PART = 4;
/** A word of fewer letters is left out: short words are mostly numbers and function words. */
const MIN_WORD_LENGTH = 4;
/**
 * A word held by more than this share of the articles is left out: the first query on it decodes the most postings
 * in one go (`said`: ~100,000 at 100,000 articles), the longest the warm-up would hold the thread.
 */
const MAX_WORD_SHARE = 0.2;
/** A word held by no more articles than this is never left out for being frequent: its postings decode in microseconds. */
const FEW_ARTICLES = 1000;
/** Letters of the frequent word that make the warm-up's prefix. */
const PREFIX_LETTERS = 4;
/** The query operator of each entity type an entity filter asks for. */
const ENTITY_OPERATOR: Readonly<Record<EntityType, string | undefined>> = { PER: 'person', LOC: 'place', ORG: 'org', MISC: undefined };

/**
 * The words of the index's first articles with how many articles hold each, the pairs of them that follow each
 * other there (a phrase), entity filters and a date: what the warm-up's queries are made of.
 */
interface SampledWords {
  readonly counts: ReadonlyMap<string, number>;
  readonly pairs: readonly (readonly [string, string])[];
  /** The index's stored pairs of words (letters only: their phrase parses back to the same two terms), with how many articles hold the commoner word. */
  readonly storedPairs: readonly StoredPair[];
  /** Entity filters on a word of an entity's name, e.g. `place:Japan`, with how many articles hold that word. */
  readonly entities: readonly EntityFilter[];
  readonly date: string | undefined;
}

/** The item of `items` whose count is nearest `target` (on a log scale), ties to the first. */
function nearest<T>(items: Iterable<T>, count: (item: T) => number, target: number): T | undefined {
  let best: T | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const distance = Math.abs(Math.log(count(item) / target));
    if (distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

function sampledWords(index: CorpusIndex): SampledWords {
  const counts = new Map<string, number>();
  const pairs: [string, string][] = [];
  const entities: EntityFilter[] = [];
  let date: string | undefined;
  const isWord = (term: string): boolean => term.length >= MIN_WORD_LENGTH && /^[a-z]+$/.test(term);
  const mostArticles = Math.max(FEW_ARTICLES, MAX_WORD_SHARE * index.articleCount);
  let sampled = 0;
  for (const path of index.paths()) {
    if (sampled++ === SAMPLE_ARTICLES) break;
    const article = index.article(path);
    if (article === undefined) continue;
    date ??= article.date;
    let previous: string | undefined;
    forEachToken(article.text, 0, article.text.length, (term) => {
      const count = isWord(term) ? (counts.get(term) ?? index.articleCountOf(term)) : Number.POSITIVE_INFINITY;
      if (count > mostArticles) return (previous = undefined);
      counts.set(term, count);
      if (previous !== undefined) pairs.push([previous, term]);
      return (previous = term);
    });
    entities.push(...entityFilters(index, path));
  }
  const storedPairs = index
    .storedPairs()
    .filter((words) => words.every((word) => /^[a-z]+$/.test(word)))
    .map((words) => {
      const articles = words.map((word) => index.articleCountOf(word));
      return { words, articles: Math.max(...articles), rarer: Math.min(...articles) };
    });
  return { counts, pairs, storedPairs, entities, date };
}

/**
 * A stored pair of words, how many articles hold the commoner of the two (what its phrase's first run grows with) and
 * how many the rarer (what its stored answers' fill grows with).
 */
interface StoredPair {
  readonly words: readonly [string, string];
  readonly articles: number;
  readonly rarer: number;
}

/** An entity filter on a word of an entity's name, and how many articles hold that word (what the filter's cost grows with). */
interface EntityFilter {
  readonly query: string;
  readonly articles: number;
}

/** Entity filters on the longest word of each person, place or organisation of the article at `path`. */
function entityFilters(index: CorpusIndex, path: string): EntityFilter[] {
  return index.entitiesOf(path).flatMap(({ name, type }) => {
    const operator = ENTITY_OPERATOR[type];
    const word = name.split(/[^\p{L}\p{N}]+/u).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
    return operator === undefined || word.length < MIN_WORD_LENGTH ? [] : [{ query: `${operator}:${word}`, articles: index.articleCountOf(word) }];
  });
}

/** `word` with its second and third letters swapped: a typo, which finds nothing and so runs the fuzzy retry. */
function typo(word: string): string {
  return `${word.slice(0, 1)}${word.slice(2, 3)}${word.slice(1, 2)}${word.slice(3)}`;
}

/**
 * The queries of a warm-up at one of {@link WARMUP_SHARES}, made of the index's own words (found in its first
 * articles, chosen by how many articles hold them): one of each kind the query language has, a word held by about
 * `share` of the articles, a pair of it and a rarer word, a phrase, a phrase whose check the index stored (see
 * {@link STORED_PAIR_PART}), a prefix, a typo and a fuzzy word, an entity filter (on a name word held by about `share`
 * of the articles) alone and with a word, a negation, an OR and date filters. Empty for an index with no word to make
 * them of.
 *
 * @example
 * warmUpQueries(index, 0.05); // ['trade', 'trade surplus', 'trad*', 'sruplus', 'surplus~', …, '"trade surplus"', …, '"fed funds"', 'place:Japan', …]
 */
export function warmUpQueries(index: CorpusIndex, share: number, sampled = sampledWords(index)): string[] {
  const { counts, pairs, storedPairs, entities, date } = sampled;
  const articles = Math.max(1, index.articleCount);
  const countOf = (word: string): number => counts.get(word) ?? 0;
  const frequent = nearest(counts.keys(), countOf, share * articles);
  const middling = nearest(counts.keys(), countOf, RARER_PART * share * articles);
  if (frequent === undefined || middling === undefined) return [];
  const pair = nearest(pairs, ([first, second]) => Math.min(countOf(first), countOf(second)), PHRASE_PART * share * articles);
  const entity = nearest(entities, (filter) => filter.articles, share * articles)?.query;
  const queries = [frequent, `${frequent} ${middling}`, `${frequent.slice(0, PREFIX_LETTERS)}*`, typo(middling), `${middling}~`, `${frequent} -${middling}`, `${middling} OR ${frequent}`];
  if (pair !== undefined) queries.push(`${pair[0]} ${pair[1]}`, `"${pair[0]} ${pair[1]}"`, `"${pair[0]} ${pair[1]}" ${frequent}`);
  const stored = nearest(storedPairs, (storedPair) => storedPair.articles, STORED_PAIR_PART * share * articles)?.words;
  if (stored !== undefined) queries.push(`"${stored[0]} ${stored[1]}"`);
  if (entity !== undefined) queries.push(entity, `${entity} ${middling}`);
  if (date !== undefined) queries.push(`date:${date.slice(0, 7)} ${frequent}`, `after:${date} ${middling}`, `before:${date.slice(0, 4)} ${frequent}`, `on:${date}`);
  return queries;
}

/**
 * The phrase of the stored pair (see {@link CorpusIndex.storedPairs}) whose rarer word the most articles hold, which
 * the warm-up asks for last: filling a stored pair's answers merges the two words' postings, a loop as large as the
 * rarer word's, and the pairs of {@link warmUpQueries} (rarer words held by ≤ 0.2 % of the articles at 100,000) left
 * it cold for a common phrase such as `"interest rates"`, whose first run after the warm-up then took ~43 instead of
 * ~15 ms of CPU under load (`"or about"` at 100,000 articles; see docs/search.md, 4 December 2026, qtail3).
 * Undefined when none is stored.
 *
 * @example
 * closingWarmUpQuery(index); // '"or about"'
 */
export function closingWarmUpQuery(index: CorpusIndex, sampled = sampledWords(index)): string | undefined {
  let commonest: StoredPair | undefined;
  for (const pair of sampled.storedPairs) if (commonest === undefined || pair.rarer > commonest.rarer) commonest = pair;
  return commonest === undefined ? undefined : `"${commonest.words[0]} ${commonest.words[1]}"`;
}

/**
 * Warms the search's code after a load or a build, before the user's first search: runs {@link warmUpQueries}
 * at each of {@link WARMUP_SHARES}, then {@link closingWarmUpQuery}, {@link WARMUP_RESULTS} results with snippets,
 * results discarded, one query a step (the first step chooses the queries); returns how many it ran. Searching
 * changes no answer: it only decodes what later searches would decode on first use. Stop it by no longer asking for steps.
 *
 * @example
 * const ran = await runUntil(warmUpSteps(index), () => userSearched, WARMUP_SLICE_MS); // undefined if the user searched first
 */
export function* warmUpSteps(index: CorpusIndex): Generator<void, number> {
  const sampled = sampledWords(index);
  const closing = closingWarmUpQuery(index, sampled);
  const queries = [...WARMUP_SHARES.flatMap((share) => warmUpQueries(index, share, sampled)), ...(closing === undefined ? [] : [closing])];
  for (const query of queries) {
    yield;
    index.search(query, { limit: WARMUP_RESULTS });
  }
  return queries.length;
}
