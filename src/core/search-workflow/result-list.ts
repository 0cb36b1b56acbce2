import { SearchHit, SearchResponse } from '../search/corpus-index';
import { Snippet } from '../search/snippet';

/**
 * Results shown at a time in the Search Results view; "Show more…" adds as many again.
 *
 * @example
 * new ResultList('oil', run).shownLimit; // RESULTS_PAGE_SIZE
 */
export const RESULTS_PAGE_SIZE = 200;

/**
 * Runs a query for a result list with at most `limit` hits; `undefined` while the corpus is still being indexed.
 *
 * @example
 * const run: RunQuery = (query, limit) => index.search(query, { limit });
 */
export type RunQuery = (query: string, limit: number) => SearchResponse | undefined;

/**
 * One query's results as the results view pages through them: the first {@link RESULTS_PAGE_SIZE} hits, then a
 * page more each time {@link showMore} is called. The index has no offsets, so a page more is the same query
 * with a larger limit: the ranking is the same, only the tail is new.
 *
 * @example
 * const list = new ResultList('oil', (query, limit) => index.search(query, { limit }));
 * list.refresh();                    // the first 200 hits
 * if (list.hasMore) list.showMore(); // the first 400
 */
export class ResultList {
  private pages = 1;
  private answer: SearchResponse | undefined;

  constructor(
    readonly query: string,
    private readonly run: RunQuery,
  ) {}

  /** The last answer; `undefined` before {@link refresh} or while the corpus is being indexed. */
  get response(): SearchResponse | undefined {
    return this.answer;
  }

  /** How many hits the list asks the index for. */
  get shownLimit(): number {
    return this.pages * RESULTS_PAGE_SIZE;
  }

  /** The hits shown so far, best first; none when the query was rejected. */
  get hits(): readonly SearchHit[] {
    return this.answer?.ok ? this.answer.hits : [];
  }

  /** Whether the query matched more articles than are shown. */
  get hasMore(): boolean {
    return this.answer?.ok === true && this.answer.hits.length < this.answer.total;
  }

  /** Runs the query again over the current corpus, keeping the number of pages shown. */
  refresh(): SearchResponse | undefined {
    this.answer = this.run(this.query, this.shownLimit);
    return this.answer;
  }

  /** Shows one page more. */
  showMore(): SearchResponse | undefined {
    this.pages++;
    return this.refresh();
  }
}

/**
 * The position `delta` steps from `current` in a list of `count` results, wrapping around at both ends, as
 * VS Code's own F4 does; with no current position, the first (forward) or the last (backward). `undefined` for
 * an empty list.
 *
 * @example
 * stepResult(undefined, 5, 1); // 0
 * stepResult(4, 5, 1);         // 0
 * stepResult(0, 5, -1);        // 4
 */
export function stepResult(current: number | undefined, count: number, delta: 1 | -1): number | undefined {
  if (count === 0) return undefined;
  if (current === undefined || current < 0 || current >= count) return delta > 0 ? 0 : count - 1;
  return (current + delta + count) % count;
}

/**
 * Where opening a result puts the selection: the first match its snippet highlights, the one the user saw, which
 * need not be the article's first (the snippet is the passage where the query's words come together); the
 * snippet's start when it highlights none (an entity or date filter alone).
 *
 * @example
 * openingMatch({ text: 'Kim Jong-un arrived', start: 17, end: 36, matches: [{ start: 17, end: 28 }] }); // { start: 17, end: 28 }
 */
export function openingMatch(snippet: Snippet): { readonly start: number; readonly end: number } {
  const match = snippet.matches[0] ?? { start: snippet.start, end: snippet.start };
  return { start: match.start, end: match.end };
}

/**
 * What the results view shows of a hit: its rank (0 = best), article, title, date, the snippet as one line and
 * the match it highlights first, where opening it puts the selection (see {@link openingMatch}).
 *
 * @example
 * const row: ResultRow = { ordinal: 0, path: '/news/kim.txt', title: 'Kim arrives', date: '2023-09-13',
 *   snippet: 'Kim Jong-un arrived in Russia', match: { start: 17, end: 28 } };
 */
export interface ResultRow {
  readonly ordinal: number;
  readonly path: string;
  readonly title: string;
  readonly date?: string;
  readonly snippet: string;
  readonly match: { readonly start: number; readonly end: number };
}

/**
 * The rows of hits, in rank order.
 *
 * @example
 * resultRows(list.hits)[0]?.match; // { start: 17, end: 28 }
 */
export function resultRows(hits: readonly SearchHit[]): ResultRow[] {
  return hits.map(({ path, title, date, snippet }, ordinal) => {
    const row = { ordinal, path, title, snippet: snippet.text.replace(/\s+/g, ' ').trim(), match: openingMatch(snippet) };
    return date === undefined ? row : { ...row, date };
  });
}
