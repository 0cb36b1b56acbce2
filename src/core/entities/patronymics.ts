import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagName, typeIndexOf } from './tags';
import { TokenBuffer, TokenKind } from './tokenizer';

const PER_INDEX = ENTITY_TYPES.indexOf('PER');
const ORG_INDEX = ENTITY_TYPES.indexOf('ORG');
/** "Son of" and "daughter of" in Arabic and Malay names: in lower case inside the name, capitalised at a sentence's start. */
const PARTICLES = new Set(['bin', 'ibn', 'bint', 'binti', 'Bin', 'Ibn', 'Bint', 'Binti']);
const FIRST_LETTERS = new Set([...PARTICLES].map((particle) => particle.charCodeAt(0)));

/** Whether `tag` starts a name (B or U). */
function opens(tag: number): boolean {
  return tag !== TAG_O && (partOf(tag) === TagPart.Begin || partOf(tag) === TagPart.Unit);
}

/** Whether `tag` ends a name (L or U). */
function closes(tag: number): boolean {
  return tag !== TAG_O && (partOf(tag) === TagPart.Last || partOf(tag) === TagPart.Unit);
}

/**
 * Makes one person of a name joined by "bin", "ibn", "bint" or "binti" ("Mohammed bin Salman", "Usama bin Laden",
 * "Hamad bin Isa Al Khalifa"), and of "bin" with the father's name alone ("bin Laden"). No gold set has such a name, so
 * the model never learned the lower-case particle inside a name: it read "Mohammed" and "Salman" as two people, and
 * "Usama" as a place beside a person "Laden". The father's name must be one the decoder read, right after the
 * particle; the name before it joins when it ends right before (of any type, as "Usama" was read); a chain of
 * particles makes one name ("Hamad bin Isa bin Salman"). An organization of several words after the particle ("bin
 * Laden Group") is left as read.
 *
 * @example
 * joinPatronymics(text, tokens, tags); // "Mohammed bin Salman": U-PER O U-PER becomes B-PER I-PER L-PER
 * joinPatronymics(text, tokens, tags); // "killed bin Laden": O O U-PER becomes O B-PER L-PER
 */
export function joinPatronymics(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  for (let i = 0; i + 1 < tokens.count; i++) {
    // This runs on every token of the corpus: compare the first letter before making a string.
    if (!FIRST_LETTERS.has(text.charCodeAt(tokens.starts[i] ?? 0)) || !PARTICLES.has(text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0))) continue;
    const father = tags[i + 1] ?? TAG_O;
    if (!opens(father) || !((tokens.kinds[i + 1] ?? 0) & TokenKind.FirstUpper)) continue;
    let last = i + 1;
    while (!closes(tags[last] ?? TAG_O) && last + 1 < tokens.count) last++;
    if (typeIndexOf(father) === ORG_INDEX && last > i + 1) continue;
    let first = i;
    if (i > 0 && closes(tags[i - 1] ?? TAG_O)) {
      first = i - 1;
      while (first > 0 && !opens(tags[first] ?? TAG_O)) first--;
    }
    tagName(tags, first, last, PER_INDEX);
    i = last;
  }
}
