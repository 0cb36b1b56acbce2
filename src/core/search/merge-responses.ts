import { DEFAULT_LIMIT, SearchHit, SearchOptions, SearchResponse } from './corpus-index';

/**
 * Combines the answers of several indexes (one per workspace folder) to one query: hits ranked by score (by date with
 * `order: 'date'`) across all of them, totals and times added up. The first error wins, since the query is the same
 * for all.
 *
 * @example
 * mergeResponses([folderA.search('oil'), folderB.search('oil')], { limit: 20, tieBreak: 'newest' });
 */
export function mergeResponses(responses: readonly SearchResponse[], options: Pick<SearchOptions, 'limit' | 'tieBreak' | 'order'> = {}): SearchResponse {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const newestFirst = options.tieBreak !== 'oldest';
  const byDate = options.order === 'date';
  const tookMs = responses.reduce((sum, response) => sum + response.tookMs, 0);
  const failed = responses.find((response) => !response.ok);
  if (failed && !failed.ok) return { ...failed, tookMs };
  let total = 0;
  let fuzzy = false;
  const hits = [];
  for (const response of responses) {
    if (!response.ok) continue;
    total += response.total;
    fuzzy ||= response.fuzzy;
    hits.push(...response.hits);
  }
  // Undated hits go last in a chronology, as each index puts them (see TopK).
  const byDay = (a: SearchHit, b: SearchHit) => (byDate && (a.date === undefined) !== (b.date === undefined) ? (a.date === undefined ? 1 : -1) : newestFirst ? (b.date ?? '').localeCompare(a.date ?? '') : (a.date ?? '').localeCompare(b.date ?? ''));
  hits.sort((a, b) => (byDate ? byDay(a, b) || b.score - a.score : b.score - a.score || byDay(a, b)));
  return { ok: true, hits: hits.slice(0, limit), total, fuzzy, tookMs };
}
