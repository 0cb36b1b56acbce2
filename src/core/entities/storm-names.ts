import { ENTITY_TYPES, TAG_O, TagPart, nameLast, partOf, tagName, typeIndexOf } from './tags';
import { TokenBuffer } from './tokenizer';

const PER_INDEX = ENTITY_TYPES.indexOf('PER');
const MISC_INDEX = ENTITY_TYPES.indexOf('MISC');
/** The words that name a storm before its name, as news writes them ("Hurricane Dorian", "Typhoon Haiyan"). */
const STORM_WORDS = new Set(['Hurricane', 'Typhoon', 'Cyclone']);
/** What makes "Storm" or "Depression" a storm word: "Tropical Storm Barry", "Tropical Depression Nine". */
const TROPICAL = 'Tropical';
const TROPICAL_STORM_WORDS = new Set(['Storm', 'Depression']);
/** "Storm" alone is a storm word only outside the name ("Storm Ciara"): inside it, it is a first name ("Storm Reid"). */
const STORM = 'Storm';

/**
 * Makes a storm named like a person no person: after "Hurricane", "Typhoon", "Cyclone", "Storm" or "Tropical
 * Storm", a name the decoder read as a person becomes MISC, as CoNLL-2003 writes storms ("Hurricane" outside the
 * name, "Edouard" MISC), and so does every other mention of that name in the document read as a person ("Dorian
 * then moved north"). Storms take people's first names, and a model trained on 1996 Reuters read them as people:
 * the People list of the 317 sample articles held "Dorian" (15 mentions), "Humberto" (14), "Lorenzo" and "Typhoon
 * Phanfone". A storm word the decoder took into the person's name ("Typhoon Phanfone" as one person) is left out of
 * it, but for "Storm" without "Tropical": "Storm Reid" is an actress. Places and organizations after a storm word
 * are left as read: "Hurricane Ridge" is a place, the "National Hurricane Center" an organization.
 *
 * @example
 * retypeStormNames(text, tokens, tags); // "Hurricane Dorian … Dorian moved": O U-PER … U-PER becomes O U-MISC … U-MISC
 * retypeStormNames(text, tokens, tags); // "Typhoon Phanfone": B-PER L-PER becomes O U-MISC; "Storm Reid" stays a person
 */
export function retypeStormNames(text: string, tokens: TokenBuffer, tags: Uint8Array): void {
  const word = (i: number): string => text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0);
  /** Whether token `i` names a storm before its name; `outside`: the decoder left it out of the name. */
  const isStormWord = (i: number, outside: boolean): boolean => {
    const candidate = word(i);
    return STORM_WORDS.has(candidate) || (TROPICAL_STORM_WORDS.has(candidate) && word(i - 1) === TROPICAL) || (outside && candidate === STORM);
  };
  const stormNames = new Set<string>();
  const persons: { first: number; last: number }[] = [];
  for (let first = 0; first < tokens.count; first++) {
    const tag = tags[first] ?? TAG_O;
    if (tag === TAG_O || typeIndexOf(tag) !== PER_INDEX || (partOf(tag) !== TagPart.Begin && partOf(tag) !== TagPart.Unit)) continue;
    const last = nameLast(tags, first, tokens.count);
    let nameFirst = first;
    if (word(first) === TROPICAL && last > first + 1 && isStormWord(first + 1, false)) nameFirst = first + 2;
    else if (isStormWord(first, false) && last > first) nameFirst = first + 1;
    else if (first === 0 || (tags[first - 1] ?? TAG_O) !== TAG_O || !isStormWord(first - 1, true)) {
      persons.push({ first, last });
      first = last;
      continue;
    }
    for (let k = first; k < nameFirst; k++) tags[k] = TAG_O;
    tagName(tags, nameFirst, last, MISC_INDEX);
    stormNames.add(text.slice(tokens.starts[nameFirst] ?? 0, tokens.ends[last] ?? 0));
    first = last;
  }
  if (stormNames.size === 0) return;
  for (const { first, last } of persons) {
    if (stormNames.has(text.slice(tokens.starts[first] ?? 0, tokens.ends[last] ?? 0))) tagName(tags, first, last, MISC_INDEX);
  }
}
