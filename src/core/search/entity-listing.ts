import { EntityType } from '../entities/types';
import { foldCase } from './tokenize';

/**
 * How the entities of a type are ordered: most articles, most mentions, or by name.
 *
 * @example
 * const sort: EntitySort = 'articles';
 */
export type EntitySort = 'articles' | 'mentions' | 'name';

/**
 * The default order of entity lists.
 *
 * @example
 * index.listEntities({ type: 'PER', sort: DEFAULT_ENTITY_SORT, offset: 0, limit: 200 });
 */
export const DEFAULT_ENTITY_SORT: EntitySort = 'articles';

/**
 * Whether an entity's name (its key's, lower case) or one of its other spellings contains `needle`, as the Entities
 * view filters: in any case and without accents ("erdogan" finds "Erdoğan", as search does). `needle` is folded
 * already (`foldCase`); empty, it matches all.
 *
 * @example
 * matchesEntityFilter('recep tayyip erdoğan', [], foldCase('Erdogan')); // true
 */
export function matchesEntityFilter(identity: string, aliases: readonly string[], needle: string): boolean {
  return needle === '' || folded(identity).includes(needle) || aliases.some((alias) => folded(alias).includes(needle));
}

/**
 * Names folded before, kept: a filter lists every entity at each keystroke (Go to Symbol in Workspace, the Entity
 * Network's picker), and folding them all again cost 1.5–9 ms at 17,000 entities, most for accented names.
 */
const FOLDED_NAMES = new Map<string, string>();
/** Names {@link FOLDED_NAMES} keeps at most: more than the names and spellings of a corpus of 100,000 articles. */
const MAX_FOLDED_NAMES = 200_000;

function folded(name: string): string {
  let found = FOLDED_NAMES.get(name);
  if (found === undefined) {
    if (FOLDED_NAMES.size >= MAX_FOLDED_NAMES) FOLDED_NAMES.clear();
    found = foldCase(name);
    FOLDED_NAMES.set(name, found);
  }
  return found;
}

/**
 * A page of one type's entities: those whose name or an alias contains `filter` (any case, any accents), in `sort`
 * order, from `offset`, at most `limit`.
 *
 * @example
 * const request: EntityListRequest = { type: 'PER', sort: 'articles', filter: 'kim', offset: 0, limit: 200 };
 */
export interface EntityListRequest {
  readonly type: EntityType;
  readonly sort: EntitySort;
  readonly filter?: string;
  readonly offset: number;
  readonly limit: number;
}

/**
 * What the UI shows of an entity of the corpus. Dates are `YYYY-MM-DD`, absent when no dated article mentions it.
 *
 * @example
 * const kim: EntitySummary = { key: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', aliases: ['Kim', 'Kim Jong-Un'],
 *   articleCount: 2, mentionCount: 9, firstDate: '2023-09-12', lastDate: '2023-09-13' };
 */
export interface EntitySummary {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly articleCount: number;
  readonly mentionCount: number;
  readonly firstDate?: string;
  readonly lastDate?: string;
}

/**
 * One page of an entity list, and how many entities the whole list holds.
 *
 * @example
 * const page: EntityPage = { total: 1, entities: [kim] };
 */
export interface EntityPage {
  readonly total: number;
  readonly entities: readonly EntitySummary[];
}

/**
 * The fields an entity list is ordered by: `identity` is the lower-case name without a leading "the"
 * (cheap to compare: a name sort over 300,000 entities with a collator took most of a listing).
 *
 * @example
 * const key: EntityOrderKey = { identity: 'kim jong-un', articles: 2, mentions: 9 };
 */
export interface EntityOrderKey {
  readonly identity: string;
  readonly articles: number;
  readonly mentions: number;
}

/**
 * Orders articles newest first, undated last, then by title: how every list of an entity's articles reads.
 *
 * @example
 * articles.sort(newestFirst);
 */
export function newestFirst(a: { readonly date?: string; readonly title: string }, b: { readonly date?: string; readonly title: string }): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title);
}

function byIdentity(a: EntityOrderKey, b: EntityOrderKey): number {
  if (a.identity === b.identity) return 0;
  return a.identity < b.identity ? -1 : 1;
}

/**
 * The comparison that puts entities in `sort` order; ties by articles, mentions, then name.
 *
 * @example
 * entities.sort(compareEntities('mentions'));
 */
export function compareEntities(sort: EntitySort): (a: EntityOrderKey, b: EntityOrderKey) => number {
  switch (sort) {
    case 'articles':
      return (a, b) => b.articles - a.articles || b.mentions - a.mentions || byIdentity(a, b);
    case 'mentions':
      return (a, b) => b.mentions - a.mentions || b.articles - a.articles || byIdentity(a, b);
    case 'name':
      return (a, b) => byIdentity(a, b) || b.articles - a.articles;
  }
}

/**
 * The first `count` items of `items` in `compare` order, sorted, without sorting them all: a bounded
 * heap costs O(n log count), where the long tail of entities (most named once) makes n large.
 *
 * @example
 * selectFirst([5, 1, 4, 2], 2, (a, b) => a - b); // [1, 2]
 */
export function selectFirst<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  if (count >= items.length) return [...items].sort(compare);
  // A max-heap on `compare`: its root is the worst item kept, the one a better newcomer replaces.
  const heap: T[] = [];
  const worse = (i: number, j: number): boolean => compare(heap[i] as T, heap[j] as T) > 0;
  const swap = (i: number, j: number): void => {
    const held = heap[i] as T;
    heap[i] = heap[j] as T;
    heap[j] = held;
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let top = i;
        if (left < heap.length && worse(left, top)) top = left;
        if (right < heap.length && worse(right, top)) top = right;
        if (top === i) break;
        swap(i, top);
        i = top;
      }
    }
  }
  return heap.sort(compare);
}

/**
 * One entity's summaries from several indexes (one per workspace folder) as one: counts added, aliases
 * joined, the widest span of dates, the name of the summary with the most mentions.
 *
 * @example
 * mergeSummaries([{ …kim, articleCount: 2 }, { …kim, articleCount: 1 }]).articleCount; // 3
 */
export function mergeSummaries(summaries: readonly EntitySummary[]): EntitySummary | undefined {
  const [first, ...rest] = [...summaries].sort((a, b) => b.mentionCount - a.mentionCount);
  if (first === undefined || rest.length === 0) return first;
  const aliases = new Set(summaries.flatMap((summary) => [summary.name, ...summary.aliases]));
  aliases.delete(first.name);
  const firstDates = summaries.flatMap((summary) => (summary.firstDate === undefined ? [] : [summary.firstDate])).sort();
  const lastDates = summaries.flatMap((summary) => (summary.lastDate === undefined ? [] : [summary.lastDate])).sort();
  const merged = {
    ...first,
    aliases: [...aliases].sort(),
    articleCount: summaries.reduce((sum, summary) => sum + summary.articleCount, 0),
    mentionCount: summaries.reduce((sum, summary) => sum + summary.mentionCount, 0),
  };
  const firstDate = firstDates[0];
  const lastDate = lastDates[lastDates.length - 1];
  return firstDate === undefined || lastDate === undefined ? merged : { ...merged, firstDate, lastDate };
}

/**
 * The page `request` asks for, from the pages several indexes gave for the same request with offset 0
 * and `offset + limit` entries: an entity named in several folders is counted once with its counts added.
 * `total` adds the totals, so it counts such an entity once per folder.
 *
 * @example
 * mergeEntityPages([folderA.listEntities(wide), folderB.listEntities(wide)], request);
 */
export function mergeEntityPages(pages: readonly EntityPage[], request: EntityListRequest): EntityPage {
  if (pages.length === 1 && pages[0] !== undefined && request.offset === 0) return pages[0];
  const byKey = new Map<string, EntitySummary[]>();
  for (const page of pages) {
    for (const entity of page.entities) byKey.set(entity.key, [...(byKey.get(entity.key) ?? []), entity]);
  }
  const merged = [...byKey.values()].flatMap((summaries) => {
    const summary = mergeSummaries(summaries);
    return summary === undefined ? [] : [{ summary, identity: summary.key.slice(summary.key.indexOf(':') + 1), articles: summary.articleCount, mentions: summary.mentionCount }];
  });
  const ordered = merged.sort(compareEntities(request.sort)).slice(request.offset, request.offset + request.limit);
  return { total: pages.reduce((sum, page) => sum + page.total, 0), entities: ordered.map(({ summary }) => summary) };
}
