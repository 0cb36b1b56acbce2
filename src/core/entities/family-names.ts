import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagOf, typeIndexOf } from './tags';
import { TokenBuffer, TokenKind } from './tokenizer';

const PER_INDEX = ENTITY_TYPES.indexOf('PER');
const LOC_INDEX = ENTITY_TYPES.indexOf('LOC');
const ORG_INDEX = ENTITY_TYPES.indexOf('ORG');
const COMMA = ',';
/** A capital, then lower case: "Day", not "DAY" (a headline's word). */
const CAPITALISED = TokenKind.FirstUpper | TokenKind.HasLower;

/**
 * Makes a person of a one-word family name that the same document names in full (a person of two words or more):
 * after "Angela Merkel", "Merkel said…" is Merkel, not a place or a company, and "Day said…" after "Doris Day" is a
 * person, not an ordinary capitalised word. News names a person in full once and by the family name afterwards,
 * where the decoder has only the word and its neighbours and often reads a rare surname as a place or an
 * organization, or leaves a word-like one ("Day", "Fields", "Sells") outside any name; the document itself is the
 * evidence.
 * - A one-word place or organization so spelled becomes a person, but for a place right before ", " and a
 *   capitalised word: "Springfield, Illinois" is how places are written, whoever "John Springfield" is.
 * - A word so spelled outside any name, between two words outside any name, becomes a person only if the document
 *   never writes it another way ("may", "MAY"), which would make it an ordinary word ("Theresa May … in May" stays).
 *
 * @example
 * retypeFamilyNames(text, tokens, tags); // "Angela Merkel … Merkel said": U-ORG "Merkel" becomes U-PER
 * retypeFamilyNames(text, tokens, tags); // "Doris Day … Day said": O "Day" becomes U-PER
 */
export function retypeFamilyNames(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  const familyNames = fullNameEndings(text, tokens, tags);
  if (familyNames.size === 0) return;
  let ordinaryWords: Set<string> | undefined;
  for (let i = 0; i < tokens.count; i++) {
    const tag = tags[i] ?? TAG_O;
    if (tag === TAG_O) {
      if (((tokens.kinds[i] ?? 0) & CAPITALISED) !== CAPITALISED) continue;
      // The decoder's buffer runs past the last token, holding an earlier text's tags: nothing follows the last.
      const next = i + 1 < tokens.count ? (tags[i + 1] ?? TAG_O) : TAG_O;
      if ((tags[i - 1] ?? TAG_O) !== TAG_O || next !== TAG_O) continue;
      const word = wordAt(text, tokens, i);
      if (!familyNames.has(word)) continue;
      ordinaryWords ??= otherwiseWritten(text, tokens, familyNames);
      if (!ordinaryWords.has(word)) tags[i] = tagOf(PER_INDEX, TagPart.Unit);
      continue;
    }
    if (partOf(tag) !== TagPart.Unit) continue;
    const type = typeIndexOf(tag);
    if (type !== LOC_INDEX && type !== ORG_INDEX) continue;
    if (!familyNames.has(wordAt(text, tokens, i))) continue;
    if (type === LOC_INDEX && placeBeforeItsRegion(text, tokens, i)) continue;
    tags[i] = tagOf(PER_INDEX, TagPart.Unit);
  }
}

/** The family names (`fullNameEndings`) that the document also writes in another case: "may" or "MAY" for "May". */
function otherwiseWritten(text: string, tokens: TokenBuffer, familyNames: ReadonlySet<string>): Set<string> {
  const byLowerCase = new Map<string, string>();
  for (const name of familyNames) byLowerCase.set(name.toLowerCase(), name);
  const lengths = new Set([...familyNames].map((name) => name.length));
  const found = new Set<string>();
  for (let i = 0; i < tokens.count; i++) {
    if (!lengths.has((tokens.ends[i] ?? 0) - (tokens.starts[i] ?? 0))) continue;
    const word = wordAt(text, tokens, i);
    const name = byLowerCase.get(word.toLowerCase());
    if (name !== undefined && name !== word) found.add(name);
  }
  return found;
}

/** The capitalised last words of the persons named with two tokens or more (`retypeFamilyNames`). */
function fullNameEndings(text: string, tokens: TokenBuffer, tags: Uint8Array): Set<string> {
  const endings = new Set<string>();
  let start = -1;
  for (let i = 0; i < tokens.count; i++) {
    const tag = tags[i] ?? TAG_O;
    if (tag === TAG_O || typeIndexOf(tag) !== PER_INDEX) {
      start = -1;
      continue;
    }
    const part = partOf(tag);
    if (part === TagPart.Begin) start = i;
    if (part === TagPart.Last && start !== -1 && (tokens.kinds[i] ?? 0) & TokenKind.FirstUpper) endings.add(wordAt(text, tokens, i));
    if (part === TagPart.Last || part === TagPart.Unit) start = -1;
  }
  return endings;
}

/** Token `i` is followed by ", " and a capitalised word: "Springfield, Illinois" (`retypeFamilyNames`). */
function placeBeforeItsRegion(text: string, tokens: TokenBuffer, i: number): boolean {
  return i + 2 < tokens.count && wordAt(text, tokens, i + 1) === COMMA && ((tokens.kinds[i + 2] ?? 0) & TokenKind.FirstUpper) !== 0;
}

function wordAt(text: string, tokens: TokenBuffer, i: number): string {
  return text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0);
}
