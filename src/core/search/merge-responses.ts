import { DEFAULT_LIMIT, SearchOptions, SearchResponse } from './corpus-index';

/**
 * Combines the answers of several indexes (one per workspace folder) to one query: hits ranked by score
 * across all of them, totals and times added up. The first error wins, since the query is the same for all.
 *
 * @example
 * mergeResponses([folderA.search('oil'), folderB.search('oil')], { limit: 20, tieBreak: 'newest' });
 */
export function mergeResponses(responses: readonly SearchResponse[], options: Pick<SearchOptions, 'limit' | 'tieBreak'> = {}): SearchResponse {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const newestFirst = options.tieBreak !== 'oldest';
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
  hits.sort((a, b) => b.score - a.score || (newestFirst ? (b.date ?? '').localeCompare(a.date ?? '') : (a.date ?? '').localeCompare(b.date ?? '')));
  return { ok: true, hits: hits.slice(0, limit), total, fuzzy, tookMs };
}
