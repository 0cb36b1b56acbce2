/**
 * The first index in [0, length) for which `before` is false (it must be true, then false): a binary search over
 * anything indexed.
 *
 * @example
 * const sorted = [2, 5, 9];
 * lowerBound(sorted.length, (i) => (sorted[i] ?? Infinity) < 5); // 1
 * lowerBound(sorted.length, (i) => (sorted[i] ?? Infinity) < 10); // 3
 */
export function lowerBound(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
