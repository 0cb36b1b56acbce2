import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagOf, typeIndexOf } from './tags';
import { TokenBuffer, TokenKind } from './tokenizer';

/** The types whose names take a plural possessive as their first word ("Workers’ Party", "Winners' Cup"). */
const JOINED_TYPES = new Set([ENTITY_TYPES.indexOf('ORG'), ENTITY_TYPES.indexOf('MISC')]);
const APOSTROPHE = /^['’]$/u;
const PLURAL = /s$/u;

/**
 * Puts a capitalised plural possessive that the decoder left outside into the organization or MISC name that
 * follows it ("Workers" + "’" before "Party Central Committee" ORG becomes "Workers’ Party Central Committee"):
 * the word ends in "s", is glued to an apostrophe, both are tagged outside, and a name of one of those types
 * begins right after them. In the gold data such a word before a name is inside it 16 times (CoNLL train and
 * dev, wikigold: "Farmers ' Union", "Ratepayers' Association") and outside it once (a place, in tweets), so
 * persons and places are left alone.
 *
 * @example
 * joinPluralPossessives(text, tokens, tags); // "Workers" O, "’" O, "Party" B-ORG → B-ORG, I-ORG, I-ORG
 */
export function joinPluralPossessives(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  for (let i = 0; i + 2 < tokens.count; i++) {
    const name = tags[i + 2] ?? TAG_O;
    if (name === TAG_O || (tags[i] ?? TAG_O) !== TAG_O || (tags[i + 1] ?? TAG_O) !== TAG_O || !JOINED_TYPES.has(typeIndexOf(name))) continue;
    const part = partOf(name);
    if (part !== TagPart.Begin && part !== TagPart.Unit) continue;
    const wordEnd = tokens.ends[i] ?? 0;
    if (!((tokens.kinds[i] ?? 0) & TokenKind.FirstUpper) || !PLURAL.test(text.slice(wordEnd - 1, wordEnd))) continue;
    if ((tokens.starts[i + 1] ?? 0) !== wordEnd || !APOSTROPHE.test(text.slice(wordEnd, tokens.ends[i + 1] ?? 0))) continue;
    const type = typeIndexOf(name);
    tags[i] = tagOf(type, TagPart.Begin);
    tags[i + 1] = tagOf(type, TagPart.Inside);
    tags[i + 2] = tagOf(type, part === TagPart.Unit ? TagPart.Last : TagPart.Inside);
  }
}
