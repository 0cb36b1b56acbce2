import { DEFAULT_LIMIT, SearchResponse } from './corpus-index';

/**
 * Combines the answers of several indexes (one per workspace folder) to one query: hits ranked by score
 * across all of them, totals and times added up. The first error wins, since the query is the same for all.
 *
 * @example
 * mergeResponses([folderA.search('oil'), folderB.search('oil')], 20);
 */
export function mergeResponses(responses: readonly SearchResponse[], limit = DEFAULT_LIMIT): SearchResponse {
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
  hits.sort((a, b) => b.score - a.score || (b.date ?? '').localeCompare(a.date ?? ''));
  return { ok: true, hits: hits.slice(0, limit), total, fuzzy, tookMs };
}
