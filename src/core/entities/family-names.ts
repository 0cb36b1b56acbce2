import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagOf, typeIndexOf } from './tags';
import { TokenBuffer, TokenKind } from './tokenizer';

const PER_INDEX = ENTITY_TYPES.indexOf('PER');
const LOC_INDEX = ENTITY_TYPES.indexOf('LOC');
const ORG_INDEX = ENTITY_TYPES.indexOf('ORG');
const COMMA = ',';

/**
 * Retypes as a person a one-word place or organization spelled exactly like the last word of a person that the
 * same document names in full (two words or more): after "Angela Merkel", "Merkel said…" is Merkel, not a place
 * or a company. News names a person in full once and by the family name afterwards, where the decoder has only
 * the word and its neighbours and often reads a rare surname as a place or an organization; the document itself
 * is the evidence. A place right before ", " and a capitalised word stays a place: "Springfield, Illinois" is
 * how places are written, whoever "John Springfield" is.
 *
 * @example
 * retypeFamilyNames(text, tokens, tags); // "Angela Merkel … Merkel said": U-ORG "Merkel" becomes U-PER
 */
export function retypeFamilyNames(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  const familyNames = fullNameEndings(text, tokens, tags);
  if (familyNames.size === 0) return;
  for (let i = 0; i < tokens.count; i++) {
    const tag = tags[i] ?? TAG_O;
    if (tag === TAG_O || partOf(tag) !== TagPart.Unit) continue;
    const type = typeIndexOf(tag);
    if (type !== LOC_INDEX && type !== ORG_INDEX) continue;
    if (!familyNames.has(wordAt(text, tokens, i))) continue;
    if (type === LOC_INDEX && placeBeforeItsRegion(text, tokens, i)) continue;
    tags[i] = tagOf(PER_INDEX, TagPart.Unit);
  }
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
