/**
 * The number of typos between `a` and `b`, or `max + 1` once it is sure to exceed `max`: insertions, deletions and
 * changes of a character, as Levenshtein counts them, and swaps of two neighbouring characters, which Levenshtein
 * counts as two ("Trmup" for "Trump"). Each character is edited at most once (the optimal string alignment distance),
 * as a typist's slips are.
 *
 * @example
 * editsWithin('scholtz', 'scholz', 2); // 1
 * editsWithin('trmup', 'trump', 1);    // 1 (Levenshtein: 2)
 * editsWithin('sarkozy', 'scholz', 2); // 3, i.e. more than 2
 */
export function editsWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let edits = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) edits = Math.min(edits, (beforePrevious[j - 2] ?? 0) + 1);
      row.push(edits);
    }
    // No later row goes below this one's least value: a swap adds one to a cell two rows up, which a change reached already.
    if (Math.min(...row) > max) return max + 1;
    beforePrevious = previous;
    previous = row;
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}
