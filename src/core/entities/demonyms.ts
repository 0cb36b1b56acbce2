import { FeatureContext, POSITION_CAPS_LINE, POSITION_SENTENCE_START } from './features';
import { DEMONYM_CATEGORY, coversAnyExactly, coversExactly } from './gazetteer';
import { ENTITY_TYPES, TAG_O, TagPart, nameLast, partOf, tagName, tagOf, typeIndexOf } from './tags';
import { TokenBuffer, TokenKind } from './tokenizer';

const MISC_INDEX = ENTITY_TYPES.indexOf('MISC');
const PER_INDEX = ENTITY_TYPES.indexOf('PER');
const LOC_INDEX = ENTITY_TYPES.indexOf('LOC');
const ORG_INDEX = ENTITY_TYPES.indexOf('ORG');

/**
 * Retypes as MISC a person, place or organization that is exactly a nationality of the gazetteer
 * ("North Koreans", "Americans", "North Korean"): CoNLL annotates nationalities MISC, yet the model
 * sometimes reads "the North Koreans want…" as a group of people or an organization. A rule, because the
 * gazetteer already names these words and no training sentence says otherwise.
 *
 * @example
 * retypeDemonyms(context.gazetteer, tags, tokens.count); // U-ORG "Americans" becomes U-MISC
 */
export function retypeDemonyms(marks: Uint32Array, tags: Uint8Array, count: number): void {
  let start = -1;
  for (let i = 0; i < count; i++) {
    const tag = tags[i] ?? TAG_O;
    if (tag === TAG_O) continue;
    const part = partOf(tag);
    if (part === TagPart.Begin || part === TagPart.Unit) start = i;
    if (part !== TagPart.Last && part !== TagPart.Unit) continue;
    if (start !== -1 && typeIndexOf(tag) !== MISC_INDEX && coversExactly(marks, DEMONYM_CATEGORY, start, i)) {
      for (let k = start; k <= i; k++) tags[k] = tagOf(MISC_INDEX, partOf(tags[k] ?? TAG_O));
    }
    start = -1;
  }
}

/** Endings of English adjectives ("Entomological", "Episcopal", "Legislative", "Honorary"): a word that describes. */
const ADJECTIVE_ENDING = /(?:al|ic|ary|ive|ous)$/iu;

/**
 * Splits a nationality off the front of a name when the rest is a name on its own: "the Russian Vostochny Space
 * Center" becomes MISC "Russian" and LOC "Vostochny Space Center". The gold sets disagree on where a nationality
 * belongs — CoNLL keeps it apart from a person and from a name that stands alone ("American" | "Todd Martin",
 * "Russian" | "Duma"), tweets put it inside the company it names ("Malaysian Airlines", "Thai Airways") — and both
 * conventions agree with one reading: the nationality is part of the name when the word after it is an ordinary
 * English word ("Airlines", "Airways", "Entomological"), and a modifier when that word is a name of its own.
 *
 * The evidence that the next word is a name of its own: it is capitalised, not glued to the nationality, written in
 * lower case nowhere in the document (the context's `lowerSeen`), not on an all-caps line, not among the common words
 * that have a pre-trained word vector (the model's embedding clusters, GloVe's most frequent words) and not shaped like
 * an English adjective ("-al", "-ic", "-ary", "-ive", "-ous"): a rare word never written in lower case is a proper name.
 * A person's name needs less: a nationality is split off a person when the rest is a full name of two words or more
 * ("American" | "Todd Martin"), or one such proper word ("Japanese" | "Sasaki"), or one word the document also writes
 * after another capitalised word ("American Tyson" after "Mike Tyson"); otherwise the nationality may be a first
 * name ("German Villa", a Mexican footballer) and the decoder's reading stands. A nationality that the gazetteer knows
 * with the words after it as one name ("American Samoa") is left inside it; frequent proper names ("Bundestag",
 * "Gazprom") have vectors and keep the decoder's reading.
 * Run on the gold names of CoNLL train and dev, wikigold, GUM news and BTC (a name that begins with a nationality, or
 * a nationality right before a name, joined; 427 cases), it splits 62, of which the gold separates 59 (54 before a
 * person), and keeps 365, of which the gold keeps 336 whole.
 *
 * @example
 * splitNationalities(text, context, tokens, tags); // B-LOC "Russian" I-LOC "Vostochny" … → U-MISC, B-LOC …
 */
export function splitNationalities(text: string, context: FeatureContext, tokens: TokenBuffer, tags: Uint8Array): void {
  let start = -1;
  for (let i = 0; i < tokens.count; i++) {
    const tag = tags[i] ?? TAG_O;
    if (tag === TAG_O) continue;
    const part = partOf(tag);
    if (part === TagPart.Begin) start = i;
    if (part === TagPart.Last && start !== -1) splitName(text, context, tokens, tags, start, i);
    if (part === TagPart.Last || part === TagPart.Unit) start = -1;
  }
}

/** Splits the name at tokens `start…end` after its leading nationality, if the rest stands alone (`splitNationalities`). */
function splitName(text: string, context: FeatureContext, tokens: TokenBuffer, tags: Uint8Array, start: number, end: number): void {
  let nationalityEnd = -1;
  for (let k = start; k < end; k++) if (coversExactly(context.gazetteer, DEMONYM_CATEGORY, start, k)) nationalityEnd = k;
  const next = nationalityEnd + 1;
  // A run-together word ("IrishOpen2014") is one name, whatever its first part.
  if (nationalityEnd === -1 || (tokens.starts[next] ?? 0) === (tokens.ends[nationalityEnd] ?? 0) || !((tokens.kinds[next] ?? 0) & TokenKind.FirstUpper)) return;
  // The gazetteer knows the nationality and what follows as one name ("American Samoa", "American Samoans").
  for (let k = next; k <= end; k++) if (coversAnyExactly(context.gazetteer, start, k)) return;
  const type = typeIndexOf(tags[start] ?? TAG_O);
  const restStandsAlone = type === PER_INDEX ? personStandsAlone(text, context, tokens, next, end) : isProperOnly(text, context, tokens, next);
  if (!restStandsAlone) return;
  tagName(tags, start, nationalityEnd, MISC_INDEX);
  tags[next] = tagOf(type, next === end ? TagPart.Unit : TagPart.Begin);
}

/** Token `i` is an ordinary English word: it has a pre-trained vector, the document writes it in lower case, or it ends like an adjective. */
function isOrdinaryWord(text: string, context: FeatureContext, tokens: TokenBuffer, i: number): boolean {
  return context.embeddingsOf(i) !== 0 || (context.lowerSeen[i] ?? 0) !== 0 || ADJECTIVE_ENDING.test(text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0));
}

/** Token `i` is a word that only ever names something: rare, never in lower case, not an adjective (`splitNationalities`). */
function isProperOnly(text: string, context: FeatureContext, tokens: TokenBuffer, i: number): boolean {
  // In an all-caps line (a headline) the case of a word says nothing about it.
  return !((context.position[i] ?? 0) & POSITION_CAPS_LINE) && !isOrdinaryWord(text, context, tokens, i);
}

/** Tokens `next…end`, what follows a nationality in a person's name, are a person's name without it (`splitNationalities`). */
function personStandsAlone(text: string, context: FeatureContext, tokens: TokenBuffer, next: number, end: number): boolean {
  if (next < end || isProperOnly(text, context, tokens, next)) return true;
  // The document names the person elsewhere with another capitalised word before the surname ("Mike Tyson").
  const surname = context.low[next] ?? 0;
  for (let k = 1; k < tokens.count; k++) {
    if (k === next || (context.low[k] ?? 0) !== surname) continue;
    const before = k - 1;
    if ((tokens.kinds[before] ?? 0) & TokenKind.FirstUpper && !coversExactly(context.gazetteer, DEMONYM_CATEGORY, before, before)) return true;
  }
  return false;
}

/**
 * Joins a nationality to the organization or place that the decoder read right after it when that name begins with an
 * ordinary English word: "Italian" | "Episcopal Conference" becomes ORG "Italian Episcopal Conference", "Spanish" |
 * "Air Force" becomes "Spanish Air Force". The converse of `splitNationalities`, on the same evidence (a word with a
 * pre-trained vector, written in lower case in the document, or ending like an adjective is not a name of its own, so
 * the nationality belongs to the name), and never where that rule would split. Only on one line: the next word is
 * capitalised with lower-case letters (not an acronym: "Palestinian" | "U.N."), does not begin a sentence and is not on an
 * all-caps line. A person is never joined ("American" | "Todd Martin").
 *
 * @example
 * joinNationalities(text, context, tokens, tags); // U-MISC "Italian" B-ORG "Episcopal" L-ORG … → B-ORG, I-ORG, L-ORG
 */
export function joinNationalities(text: string, context: FeatureContext, tokens: TokenBuffer, tags: Uint8Array): void {
  let start = -1;
  for (let i = 0; i + 1 < tokens.count; i++) {
    const tag = tags[i] ?? TAG_O;
    if (tag === TAG_O) continue;
    const part = partOf(tag);
    if (part === TagPart.Begin || part === TagPart.Unit) start = i;
    if (part !== TagPart.Last && part !== TagPart.Unit) continue;
    if (start !== -1 && typeIndexOf(tag) === MISC_INDEX && coversExactly(context.gazetteer, DEMONYM_CATEGORY, start, i) && beginsOrdinaryName(text, context, tokens, tags, i + 1)) {
      joinName(tags, start, i + 1);
    }
    start = -1;
  }
}

/** Token `next` begins an organization or place on the nationality's line with an ordinary capitalised word (`joinNationalities`). */
function beginsOrdinaryName(text: string, context: FeatureContext, tokens: TokenBuffer, tags: Uint8Array, next: number): boolean {
  const tag = tags[next] ?? TAG_O;
  const type = typeIndexOf(tag);
  const part = partOf(tag);
  if (tag === TAG_O || (type !== LOC_INDEX && type !== ORG_INDEX) || (part !== TagPart.Begin && part !== TagPart.Unit)) return false;
  const kind = tokens.kinds[next] ?? 0;
  const glued = (tokens.starts[next] ?? 0) === (tokens.ends[next - 1] ?? 0);
  const lineStart = (context.position[next] ?? 0) & (POSITION_SENTENCE_START | POSITION_CAPS_LINE);
  return !glued && !lineStart && (kind & TokenKind.FirstUpper) !== 0 && (kind & TokenKind.HasLower) !== 0 && isOrdinaryWord(text, context, tokens, next);
}

/** Retags the nationality at `start…` and the name that begins at `next` as one name of the name's type. */
function joinName(tags: Uint8Array, start: number, next: number): void {
  const type = typeIndexOf(tags[next] ?? TAG_O);
  tagName(tags, start, nameLast(tags, next, tags.length), type);
}
