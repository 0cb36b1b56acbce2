import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagOf, typeIndexOf } from './tags';
import { TokenBuffer } from './tokenizer';

const PER_INDEX = ENTITY_TYPES.indexOf('PER');

/**
 * Titles and honorifics that CoNLL, wikigold and GUM leave out of a person's name ("Mr Key" → "Key",
 * "Ambassador Mohib" → "Mohib"). Lower case, without a final period. Not "Lady", "King", "Prince",
 * "Saint" or "Dean": they begin names too ("Lady Gaga", "Dean Kamen").
 */
const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sir', 'prof', 'professor', 'president', 'vice', 'senator', 'sen', 'rep', 'representative',
  'gov', 'governor', 'gen', 'general', 'lt', 'lieutenant', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'sgt',
  'sergeant', 'adm', 'admiral', 'ambassador', 'minister', 'prime', 'chancellor', 'premier', 'mayor', 'judge', 'rev',
  'reverend', 'bishop', 'archbishop', 'cardinal', 'pope', 'chairman', 'secretary', 'commissioner', 'coach', 'detective',
  'inspector', 'officer', 'councillor', 'councilor', 'spokesman', 'spokeswoman',
]);

/**
 * Takes leading titles out of the names of people: the model sometimes tags "Mr Key" or "Ambassador
 * Mohib" as one person, where the annotation conventions it is measured on (and the merging of short
 * forms) want "Key" and "Mohib". A name that is a title alone ("General") is left as it is.
 *
 * @example
 * dropTitles(text, tokens, tags); // B-PER "Mr" + L-PER "Key" becomes O + U-PER "Key"
 */
export function dropTitles(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  for (let i = 0; i + 1 < tokens.count; i++) {
    const tag = tags[i] ?? TAG_O;
    if (tag === TAG_O || partOf(tag) !== TagPart.Begin || typeIndexOf(tag) !== PER_INDEX) continue;
    if (!TITLES.has(text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0).replace(/\.$/, '').toLowerCase())) continue;
    const next = tags[i + 1] ?? TAG_O;
    tags[i] = TAG_O;
    tags[i + 1] = tagOf(PER_INDEX, partOf(next) === TagPart.Last ? TagPart.Unit : TagPart.Begin);
  }
}
