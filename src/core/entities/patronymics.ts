import { PLACE_CATEGORIES, coversExactly } from './gazetteer';
import { closeBefore } from './name-edges';
import { PATRONYMIC_PARTICLES } from './names';
import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagName, typeIndexOf } from './tags';
import { TokenBuffer, TokenFlag, TokenKind } from './tokenizer';

const PER_INDEX = ENTITY_TYPES.indexOf('PER');
const ORG_INDEX = ENTITY_TYPES.indexOf('ORG');
const SHORTEST_PARTICLE = 3;
const LONGEST_PARTICLE = 5;
/** The particles' first letters, in lower case; an ASCII letter ORed with this bit is its lower case. */
const FIRST_LETTERS = new Set([...PATRONYMIC_PARTICLES].map((particle) => particle.charCodeAt(0)));
const LOWER_CASE_BIT = 0x20;
/** Words before "bin" that make it the English noun ("in the bin Smith said"), not a name's particle. */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'each', 'every', 'his', 'her', 'its', 'our', 'their', 'my', 'your']);
/** Where a name cannot run on from the token before: a new sentence, line or paragraph. */
const BREAK = TokenFlag.SentenceStart | TokenFlag.LineStart | TokenFlag.ParagraphStart;

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
 * particle and in the same sentence; the name before joins when it ends right before, in the same sentence, and is a
 * person, or a word read otherwise that the gazetteer does not list as a place or nationality ("Usama" yes, "Pakistan"
 * and "Saudi" no); a chain of particles makes one name ("Hamad bin Isa bin Salman"). An organization of several words
 * after the particle ("bin Laden Group") is left as read, and so is "bin" after a determiner ("the bin").
 * `marks`: the gazetteer's matches of the tokens (`FeatureContext.gazetteer`).
 *
 * @example
 * joinPatronymics(text, tokens, tags, marks); // "Mohammed bin Salman": U-PER O U-PER becomes B-PER I-PER L-PER
 * joinPatronymics(text, tokens, tags, marks); // "killed bin Laden": O O U-PER becomes O B-PER L-PER
 */
export function joinPatronymics(text: string, tokens: TokenBuffer, tags: Uint8Array, marks: Uint32Array): void {
  const word = (i: number): string => text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0);
  for (let i = 0; i + 1 < tokens.count; i++) {
    // This runs on every token of the corpus: compare the length and the first letter before making a string.
    const length = (tokens.ends[i] ?? 0) - (tokens.starts[i] ?? 0);
    if (length < SHORTEST_PARTICLE || length > LONGEST_PARTICLE || !FIRST_LETTERS.has(text.charCodeAt(tokens.starts[i] ?? 0) | LOWER_CASE_BIT)) continue;
    if (!PATRONYMIC_PARTICLES.has(word(i).toLowerCase())) continue;
    const father = tags[i + 1] ?? TAG_O;
    if (!opens(father) || !((tokens.kinds[i + 1] ?? 0) & TokenKind.FirstUpper) || (tokens.flags[i + 1] ?? 0) & BREAK) continue;
    let last = i + 1;
    while (!closes(tags[last] ?? TAG_O) && last + 1 < tokens.count && (tags[last + 1] ?? TAG_O) !== TAG_O) last++;
    if (!closes(tags[last] ?? TAG_O) || (typeIndexOf(father) === ORG_INDEX && last > i + 1)) continue;
    const first = firstOfJoin(tokens, tags, marks, i);
    if (first === i && i > 0 && DETERMINERS.has(word(i - 1).toLowerCase())) continue;
    tagName(tags, first, last, PER_INDEX);
    i = last;
  }
}

/**
 * Where the joined name starts: at the name that ends right before the particle at `i` (or with it, when the decoder
 * took the particle into that name) when it may be the person's, else at the particle; a name the particle ended is
 * then closed before it.
 */
function firstOfJoin(tokens: TokenBuffer, tags: Uint8Array, marks: Uint32Array, i: number): number {
  const own = tags[i] ?? TAG_O;
  const inside = own !== TAG_O && partOf(own) === TagPart.Last;
  if (i === 0 || (!inside && (!closes(tags[i - 1] ?? TAG_O) || (tokens.flags[i] ?? 0) & BREAK))) return i;
  let first = i - 1;
  while (first > 0 && !opens(tags[first] ?? TAG_O) && (tags[first - 1] ?? TAG_O) !== TAG_O) first--;
  const person = typeIndexOf(tags[i - 1] ?? TAG_O) === PER_INDEX;
  const lone = first === i - 1 && !PLACE_CATEGORIES.some((category) => coversExactly(marks, category, first, first));
  if (opens(tags[first] ?? TAG_O) && (person || lone)) return first;
  if (inside) closeBefore(tags, i);
  return i;
}
