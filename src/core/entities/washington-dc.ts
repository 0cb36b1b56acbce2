import { reopenAfter } from './name-edges';
import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagName, tagOf } from './tags';
import { TokenBuffer } from './tokenizer';

const LOC_INDEX = ENTITY_TYPES.indexOf('LOC');
const CITY = 'Washington';
const CITY_FIRST = CITY.charCodeAt(0);
const COMMA = ',';
/** How news writes the district after the city; "D.C" is "D.C." before a sentence's full stop, which the tokenizer splits off. */
const DISTRICT = new Set(['D.C.', 'D.C', 'DC']);
/** The district's spellings that name nothing else (unlike "DC", also DC Comics): a place wherever they stand alone. */
const DISTRICT_ALONE = new Set(['D.C.', 'D.C']);
const DISTRICT_FIRST = 'D'.charCodeAt(0);

/**
 * Makes one place of "Washington, D.C." (also "Washington D.C." and "Washington, DC"), and a place of a lone
 * "D.C.". The city and its district are one name, as the modern gold sets write it, but a model trained on 1996
 * Reuters (which writes "WASHINGTON" alone in its datelines) reads them as two names and often the second as a
 * person or an organization, so the Entities view showed a place "Washington" next to a person "D.C.". A
 * "Washington" that ends a longer name ("George Washington, D.C.'s founder") is left as the decoder read it.
 *
 * @example
 * joinWashingtonDC(text, tokens, tags); // "Washington , D.C." U-LOC O U-PER becomes B-LOC I-LOC L-LOC
 */
export function joinWashingtonDC(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  const word = (i: number): string => text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0);
  for (let i = 0; i < tokens.count; i++) {
    // This runs on every token of the corpus: compare the first letter before making a string.
    const first = text.charCodeAt(tokens.starts[i] ?? 0);
    if (first !== CITY_FIRST && first !== DISTRICT_FIRST) continue;
    const tag = tags[i] ?? TAG_O;
    if (first === DISTRICT_FIRST) {
      if (tag !== TAG_O && partOf(tag) === TagPart.Unit && DISTRICT_ALONE.has(word(i))) tags[i] = tagOf(LOC_INDEX, TagPart.Unit);
      continue;
    }
    if ((tokens.ends[i] ?? 0) - (tokens.starts[i] ?? 0) !== CITY.length || word(i) !== CITY) continue;
    if (tag !== TAG_O && (partOf(tag) === TagPart.Inside || partOf(tag) === TagPart.Last)) continue;
    const last = word(i + 1) === COMMA ? i + 2 : i + 1;
    if (last >= tokens.count || !DISTRICT.has(word(last))) continue;
    const district = tags[last] ?? TAG_O;
    if (district !== TAG_O && (partOf(district) === TagPart.Begin || partOf(district) === TagPart.Inside)) reopenAfter(tokens, tags, last + 1);
    tagName(tags, i, last, LOC_INDEX);
    i = last;
  }
}
