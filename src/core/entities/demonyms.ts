import { DEMONYM_CATEGORY, coversExactly } from './gazetteer';
import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagOf, typeIndexOf } from './tags';

const MISC_INDEX = ENTITY_TYPES.indexOf('MISC');

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
