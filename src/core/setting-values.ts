import { globProblem } from './glob';

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

/**
 * What is wrong with a glob pattern setting, in a sentence naming the setting and the problem (see
 * {@link globProblem}); `undefined` when the pattern can be read as meant.
 *
 * @example
 * globSettingProblem('newsCorpus.include', '**\/{live');
 * // 'News Corpus: the setting newsCorpus.include is not a valid glob pattern: the "{" at character 4 of "**\/{live" is never closed'
 * globSettingProblem('newsCorpus.exclude', '**\/drafts/**'); // undefined
 */
export function globSettingProblem(setting: string, pattern: string): string | undefined {
  const problem = globProblem(pattern);
  return problem === undefined ? undefined : `News Corpus: the setting ${setting} is not a valid glob pattern: ${problem}`;
}
