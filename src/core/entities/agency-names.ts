import { ENTITY_TYPES, TAG_O, TagPart, nameLast, partOf, tagName, typeIndexOf } from './tags';
import { TokenBuffer } from './tokenizer';

const ORG_INDEX = ENTITY_TYPES.indexOf('ORG');
/**
 * A word of an agency's name, in any case, in the languages news agencies go by: "Agence France-Presse",
 * "Deutsche Presse-Agentur", "Anadolu Agency", "Prensa Latina", "Agenzia Nova". Every gold name that holds one in
 * CoNLL-2003 train and dev, GUM news and BTC is an organization (17 names: "Saudi Press Agency", "LA PRESSE", "Korean
 * Central News Agency"). "Press" alone is not one of them: it is also a family name ("Bill Press").
 */
const AGENCY_WORD = /(?:^|[\s-])(?:agence|agency|agencia|agência|agenzia|agentur|presse|prensa)(?=$|[\s-])/i;

/**
 * Makes a name that holds an agency's word an organization, whatever type the decoder gave it. Every news story cites
 * one, and the model read "told Agence France-Presse" as a person told something: the sample corpus's People list held
 * "Agence France-Presse" in 4 articles. A word of a hyphenated token counts ("France-Presse", "Presse-Agentur").
 *
 * @example
 * retypeAgencyNames(text, tokens, tags); // "told Agence France-Presse": O B-PER L-PER becomes O B-ORG L-ORG
 * retypeAgencyNames(text, tokens, tags); // "Bill Press" stays a person
 */
export function retypeAgencyNames(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  for (let first = 0; first < tokens.count; first++) {
    const tag = tags[first] ?? TAG_O;
    if (tag === TAG_O || (partOf(tag) !== TagPart.Begin && partOf(tag) !== TagPart.Unit)) continue;
    const last = nameLast(tags, first, tokens.count);
    // One test of the name's text, not one per token: this runs for every name of every article.
    if (typeIndexOf(tag) !== ORG_INDEX && AGENCY_WORD.test(text.slice(tokens.starts[first] ?? 0, tokens.ends[last] ?? 0))) tagName(tags, first, last, ORG_INDEX);
    first = last;
  }
}
