import { NAME_PARTICLES } from '../entities/names';
import { firstSentence } from '../sentences';

/**
 * Lower-case words that stand inside names: a person's particles ("Ludwig van Beethoven", "Mohammed bin Salman"), and
 * the words that join an organization's or a place's ("Bank of the West", "Society for the Prevention of Cruelty to
 * Animals"). They say nothing against a selection being one name.
 */
const NAME_LINKS: ReadonlySet<string> = new Set([
  ...NAME_PARTICLES,
  ...['of', 'the', 'and', 'for', 'to', 'at', 'on', 'des', 'do', 'la', 'le', 'les', 'zu', 'al', 'el', 'y', 'e', 'et', 'und'],
]);
/** Lower-case words other than `NAME_LINKS` that a name may hold ("Party of Regions and the people"): fewer than this. */
const DOUBTFUL_LOWER_CASE_WORDS = 2;
/** More words than any name the recogniser or the gold sets have is likely a sentence: 12 and more. */
const DOUBTFUL_WORD_COUNT = 12;

/**
 * Why a selected text does not look like one name, or undefined when it does: it runs over a sentence's end, it has
 * two lower-case words or more that are not words names hold, or it is very long. Mark as… asks before adding such a
 * text as a name (ux37: a whole clause was marked a place, swallowing a person and a city).
 *
 * @example
 * nameDoubt('Olaf Scholz in Berlin on Monday to discuss'); // 'it has 2 words in lower case (in, discuss)'
 * nameDoubt('Minister of Natural Resources and Environment'); // undefined
 */
export function nameDoubt(text: string): string | undefined {
  // Sentence ends as an article's title is cut at them: "Monday. The", not "George W. Bush" nor "Sen. John McCain".
  const trimmed = text.trim();
  if (firstSentence(trimmed).length < trimmed.length) return 'it runs over the end of a sentence';
  const words = text.split(/\s+/).filter((word) => word !== '');
  const lower = words.filter((word) => /^\p{Ll}/u.test(word) && !NAME_LINKS.has(word));
  if (lower.length >= DOUBTFUL_LOWER_CASE_WORDS) return `it has ${lower.length} words in lower case (${lower.join(', ')})`;
  if (words.length >= DOUBTFUL_WORD_COUNT) return `it has ${words.length} words`;
  return undefined;
}
