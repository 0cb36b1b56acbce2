import { EntityType } from '../entities/types';

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
 * A page of one type's entities: those whose name or an alias contains `filter` (any case), in `sort`
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
