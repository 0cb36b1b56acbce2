import { FeatureContext, POSITION_CAPS_LINE } from './features';
import { DEMONYM_CATEGORY, coversAnyExactly, coversExactly } from './gazetteer';
import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagOf, typeIndexOf } from './tags';
import { TokenBuffer, TokenKind } from './tokenizer';

const MISC_INDEX = ENTITY_TYPES.indexOf('MISC');
const PER_INDEX = ENTITY_TYPES.indexOf('PER');

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

/**
 * Splits a nationality off the front of a name when the rest is a name on its own: "the Russian Vostochny Space
 * Center" becomes MISC "Russian" and LOC "Vostochny Space Center". The gold sets disagree on where a nationality
 * belongs — CoNLL keeps it apart from a person and from a name that stands alone ("American" | "Todd Martin",
 * "Russian" | "Duma"), tweets put it inside the company it names ("Malaysian Airlines", "Thai Airways") — and both
 * conventions agree with one reading: the nationality is part of the name when the word after it is an ordinary
 * English word ("Airlines", "Airways", "Copyright"), and a modifier when that word is a name of its own. So a span
 * that begins with a gazetteer nationality is split when the rest is a person (a nationality never begins a
 * person's name), or when the next word is capitalised, is not glued to the nationality, is written in lower case
 * nowhere in the document (the context's `lowerSeen`) and is not among the common words that have a pre-trained
 * word vector (the model's embedding clusters, GloVe's most frequent words): a rare word never written in lower case
 * is a proper name. A nationality that the gazetteer knows with the words after it as one name ("American Samoa")
 * is left inside it.
 * Frequent proper names ("Bundestag", "Gazprom") have vectors and keep the decoder's reading, and so does a name
 * on an all-caps line. Run on the gold names of CoNLL train and dev, wikigold, GUM news and BTC (a name that begins
 * with a nationality, or a nationality right before a name, joined), it splits 70 (the gold separates 63: 56 before
 * a person) and keeps 552 (the gold keeps 495 whole; most of the rest are "Foreign Ministry", "Senate", "Grand Prix").
 *
 * @example
 * splitNationalities(context, tokens, tags); // B-LOC "Russian" I-LOC "Vostochny" … → U-MISC, B-LOC …
 */
export function splitNationalities(context: FeatureContext, tokens: TokenBuffer, tags: Uint8Array): void {
  let start = -1;
  for (let i = 0; i < tokens.count; i++) {
    const tag = tags[i] ?? TAG_O;
    if (tag === TAG_O) continue;
    const part = partOf(tag);
    if (part === TagPart.Begin) start = i;
    if (part === TagPart.Last && start !== -1) splitName(context, tokens, tags, start, i);
    if (part === TagPart.Last || part === TagPart.Unit) start = -1;
  }
}

/** Splits the name at tokens `start…end` after its leading nationality, if the rest stands alone (`splitNationalities`). */
function splitName(context: FeatureContext, tokens: TokenBuffer, tags: Uint8Array, start: number, end: number): void {
  let nationalityEnd = -1;
  for (let k = start; k < end; k++) if (coversExactly(context.gazetteer, DEMONYM_CATEGORY, start, k)) nationalityEnd = k;
  const next = nationalityEnd + 1;
  // A run-together word ("IrishOpen2014") is one name, whatever its first part.
  if (nationalityEnd === -1 || (tokens.starts[next] ?? 0) === (tokens.ends[nationalityEnd] ?? 0) || !((tokens.kinds[next] ?? 0) & TokenKind.FirstUpper)) return;
  // The gazetteer knows the nationality and what follows as one name ("American Samoa", "American Samoans").
  for (let k = next; k <= end; k++) if (coversAnyExactly(context.gazetteer, start, k)) return;
  const type = typeIndexOf(tags[start] ?? TAG_O);
  // In an all-caps line (a headline) the case of a word says nothing about it.
  const properOnly = !((context.position[next] ?? 0) & POSITION_CAPS_LINE) && (context.lowerSeen[next] ?? 0) === 0 && context.embeddingsOf(next) === 0;
  const restStandsAlone = type === PER_INDEX || properOnly;
  if (!restStandsAlone) return;
  for (let k = start; k <= nationalityEnd; k++) tags[k] = tagOf(MISC_INDEX, TagPart.Inside);
  tags[start] = tagOf(MISC_INDEX, TagPart.Begin);
  tags[nationalityEnd] = tagOf(MISC_INDEX, start === nationalityEnd ? TagPart.Unit : TagPart.Last);
  tags[next] = tagOf(type, next === end ? TagPart.Unit : TagPart.Begin);
}
