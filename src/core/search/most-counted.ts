/**
 * The `limit` ids with the highest counts, highest first, ties by smaller id: what sorting every id would
 * give, but only the ids at or above the `limit`-th highest count are sorted. Counts are small integers (a
 * histogram of them is made). An entity's companions count
 * thousands of entities in its 300 articles, and sorting them all was most of an Entity Network (25 calls).
 *
 * @example
 * mostCounted([7, 3, 9, 4], new Uint32Array([0, 0, 0, 2, 5, 0, 0, 2, 0, 1]), 2); // [4, 3]
 */
export function mostCounted(ids: readonly number[], counts: ArrayLike<number>, limit: number): number[] {
  if (limit <= 0) return [];
  const countOf = (id: number) => counts[id] ?? 0;
  let kept = ids;
  if (ids.length > limit) {
    let highest = 0;
    for (const id of ids) highest = Math.max(highest, countOf(id));
    // How many ids have each count, then the highest count below which fewer than `limit` ids remain.
    const histogram = new Uint32Array(highest + 1);
    for (const id of ids) histogram[countOf(id)] = (histogram[countOf(id)] ?? 0) + 1;
    let threshold = highest;
    for (let above = histogram[highest] ?? 0; above < limit && threshold > 0; above += histogram[threshold] ?? 0) threshold--;
    kept = ids.filter((id) => countOf(id) >= threshold);
  }
  return kept
    .slice()
    .sort((a, b) => countOf(b) - countOf(a) || a - b)
    .slice(0, limit);
}
