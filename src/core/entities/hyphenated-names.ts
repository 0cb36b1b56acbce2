import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagOf, typeIndexOf } from './tags';
import { closeBefore, reopenAfter } from './name-edges';
import { TokenBuffer } from './tokenizer';

const PER_INDEX = ENTITY_TYPES.indexOf('PER');
/** A family name of one syllable ("Wu", "Kim", "Leung"), then a given name of two joined by a hyphen ("Chi-wai", "Jong-un"). */
const FAMILY_NAME = /^\p{Lu}\p{Ll}{1,4}$/u;
const GIVEN_NAME = /^(\p{Lu}\p{Ll}{1,4})-(\p{Ll}{2,5})$/u;
/**
 * One romanised Chinese or Korean syllable: up to three consonants, one to three vowels, at most one final
 * consonant or "ng" ("wai", "chung", "kwok", "yeung", "jae", "un"). English words of that length mostly have
 * more ("based", "born", "led", "York"), which keeps "New York-based" and "Hong Kong-based" out.
 */
const SYLLABLE = /^[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|[nmkptlhr])?$/;

/** Whether `family` + `given` is written like an East Asian name ("Wu Chi-wai", "Moon Jae-in"). */
function isHyphenatedName(family: string, given: string): boolean {
  const parts = GIVEN_NAME.exec(given);
  return (
    parts !== null &&
    FAMILY_NAME.test(family) &&
    SYLLABLE.test(family.toLowerCase()) &&
    SYLLABLE.test((parts[1] ?? '').toLowerCase()) &&
    SYLLABLE.test(parts[2] ?? '')
  );
}

/**
 * Makes a person of a family name and a hyphenated given name of romanised syllables ("Wu Chi-wai",
 * "Yau Wai-ching", "Lam Cheuk-ting") wherever the decoder found a name on either word but not that person:
 * the model, trained on CoNLL's "Serbian-led" and "U.S.-based", reads such a given name as MISC, or runs it
 * into the organization after it ("Chung-tai of Civic Passion"), and leaves the family name out. Where the
 * decoder found nothing on either word ("The Long-run"), nothing changes; a name the two words were part of
 * is cut around them, its remainder keeping its type from its next capitalised word ("Civic Passion").
 *
 * @example
 * joinHyphenatedNames(text, tokens, tags); // "Wu" O + "Chi-wai" U-MISC becomes B-PER + L-PER
 */
export function joinHyphenatedNames(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  const word = (i: number): string => text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0);
  for (let i = 0; i + 1 < tokens.count; i++) {
    const family = tags[i] ?? TAG_O;
    const given = tags[i + 1] ?? TAG_O;
    if (family === TAG_O && given === TAG_O) continue;
    if (typeIndexOf(family) === PER_INDEX && typeIndexOf(given) === PER_INDEX && partOf(given) !== TagPart.Begin && partOf(given) !== TagPart.Unit) continue;
    if ((tokens.starts[i + 1] ?? 0) !== (tokens.ends[i] ?? 0) + 1 || !isHyphenatedName(word(i), word(i + 1))) continue;
    if (family !== TAG_O && (partOf(family) === TagPart.Inside || partOf(family) === TagPart.Last)) closeBefore(tags, i);
    if (given !== TAG_O && (partOf(given) === TagPart.Begin || partOf(given) === TagPart.Inside)) reopenAfter(tokens, tags, i + 2);
    tags[i] = tagOf(PER_INDEX, TagPart.Begin);
    tags[i + 1] = tagOf(PER_INDEX, TagPart.Last);
    i++;
  }
}
