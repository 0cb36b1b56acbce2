/**
 * The largest value of the `maxFileSizeKB` setting (100 MB): an article file is read whole into memory, decoded and
 * searched for entities in one piece, and no news article comes near it (the longest real one seen is 55 KB).
 *
 * @example
 * wholeSetting(99_999_999, { min: 1, max: MAX_FILE_SIZE_KB, fallback: 2048 }); // 102400
 */
export const MAX_FILE_SIZE_KB = 102_400;

/**
 * A whole-number setting as the extension uses it: the Settings editor refuses a fraction or a value out of range
 * only as a warning, and settings.json written by hand may hold anything, so an odd value is rounded down and
 * brought within [min, max]; one that is not a finite number gives `fallback`.
 *
 * @example
 * wholeSetting(2.5, { min: 1, max: 1000, fallback: 50 });      // 2
 * wholeSetting(0.5, { min: 1, max: 1000, fallback: 50 });      // 1
 * wholeSetting(5000, { min: 1, max: 1000, fallback: 50 });     // 1000
 * wholeSetting('many', { min: 1, max: 1000, fallback: 50 });   // 50
 */
export function wholeSetting(value: unknown, range: { readonly min: number; readonly max: number; readonly fallback: number }): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return range.fallback;
  return Math.min(range.max, Math.max(range.min, Math.floor(value)));
}
