/**
 * How many articles a query matches on each day (`YYYY-MM-DD`; undated articles count only in `total`), or
 * why the query could not be run: what a timeline of a query draws, without ranked results or snippets.
 *
 * @example
 * const counted = index.matchesPerDay('wheat');
 * if (counted.ok) console.log(counted.total, counted.days.get('2023-09-13'));
 * else console.log(counted.error);
 */
export type MatchesPerDay =
  | { readonly ok: true; readonly total: number; readonly days: ReadonlyMap<string, number> }
  | { readonly ok: false; readonly error: string; readonly offset: number };

/**
 * Adds up the counts of several indexes (one per workspace folder) for one query, day by day. The first
 * error wins, since the query is the same for all.
 *
 * @example
 * mergeMatchesPerDay([folderA.matchesPerDay('oil'), folderB.matchesPerDay('oil')]);
 * // { ok: true, total: 5, days: Map { '2023-09-13' => 3, '2023-09-14' => 2 } }
 */
export function mergeMatchesPerDay(counts: readonly MatchesPerDay[]): MatchesPerDay {
  const days = new Map<string, number>();
  let total = 0;
  for (const counted of counts) {
    if (!counted.ok) return counted;
    total += counted.total;
    for (const [day, count] of counted.days) days.set(day, (days.get(day) ?? 0) + count);
  }
  return { ok: true, total, days };
}
