import { EntityType } from './types';

/**
 * Entity types in the order of their tag numbers: the order is part of the model file, so changing it
 * needs a retrained model.
 *
 * @example
 * ENTITY_TYPES[typeIndexOf(tagOf(2, TagPart.Last))]; // 'ORG'
 */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];

/**
 * Parts of a BILOU tag: Begin, Inside, Last, Unit (one-token entity); O is tag 0.
 *
 * @example
 * tagOf(0, TagPart.Unit); // U-PER
 */
export const enum TagPart {
  Begin = 0,
  Inside = 1,
  Last = 2,
  Unit = 3,
}

/**
 * The outside tag: 0, so a fresh `Uint8Array` of tags starts with every token outside any entity.
 *
 * @example
 * isAllowed(TAG_O, tagOf(0, TagPart.Inside), false); // false: I-PER needs an open PER
 */
export const TAG_O = 0;
/**
 * Number of tags: O plus four BILOU parts for each of the four types.
 *
 * @example
 * TAG_COUNT; // 17
 * const scores = new Int32Array(TAG_COUNT); // one score per tag
 */
export const TAG_COUNT = 1 + ENTITY_TYPES.length * 4;
/**
 * The "previous tag" of the first token of a sentence: one past the real tags, so it indexes
 * transition tables of `TAG_COUNT + 1` rows yet is never predicted.
 *
 * @example
 * isAllowed(TAG_START, tagOf(0, TagPart.Begin), false);  // true
 * isAllowed(TAG_START, tagOf(0, TagPart.Inside), false); // false
 */
export const TAG_START = TAG_COUNT;

/**
 * The tag number of a type index and BILOU part.
 *
 * @example
 * tagOf(0, TagPart.Unit); // 4: U-PER
 */
export function tagOf(typeIndex: number, part: TagPart): number {
  return 1 + typeIndex * 4 + part;
}

/**
 * The type index (0 = PER … 3 = MISC) of a tag other than O.
 *
 * @example
 * typeIndexOf(tagOf(2, TagPart.Last)); // 2 (ORG)
 */
export function typeIndexOf(tag: number): number {
  return (tag - 1) >> 2;
}

/**
 * The BILOU part of a tag other than O.
 *
 * @example
 * partOf(tagOf(1, TagPart.Begin)); // TagPart.Begin
 */
export function partOf(tag: number): TagPart {
  return ((tag - 1) & 3) as TagPart;
}

/**
 * The last token of the name whose first token is `first` (tagged B or U) among `count` tokens: `first` itself for a U,
 * else the next L (or the last token, should the tags break off).
 *
 * @example
 * nameLast(tags, 2, tokens.count); // 4 where tokens 2–4 are B-LOC I-LOC L-LOC
 */
export function nameLast(tags: Uint8Array, first: number, count: number): number {
  let last = first;
  while (partOf(tags[last] ?? TAG_O) !== TagPart.Unit && partOf(tags[last] ?? TAG_O) !== TagPart.Last && last + 1 < count) last++;
  return last;
}

/**
 * Tags tokens `first` to `last` (both included) as one name of the type `typeIndex`: U for one token, else B, I…, L.
 * The rules after decoding that make or retype a name write it so.
 *
 * @example
 * tagName(tags, 2, 4, 1); // tokens 2–4 become B-LOC I-LOC L-LOC
 * tagName(tags, 5, 5, 3); // token 5 becomes U-MISC
 */
export function tagName(tags: Uint8Array, first: number, last: number, typeIndex: number): void {
  if (first === last) {
    tags[first] = tagOf(typeIndex, TagPart.Unit);
    return;
  }
  tags[first] = tagOf(typeIndex, TagPart.Begin);
  for (let k = first + 1; k < last; k++) tags[k] = tagOf(typeIndex, TagPart.Inside);
  tags[last] = tagOf(typeIndex, TagPart.Last);
}

/**
 * Whether `tag` may follow `previous` (TAG_START at a sentence start), and stand at the end of a
 * sentence when `last` is set: the BILOU grammar, strictly. After B or I of a type only I or L of the
 * same type; after anything else only O, B or U; B and I never end a sentence. The sentence-level
 * decoder makes every other sequence impossible, so a name is never cut in two nor left open.
 *
 * @example
 * isAllowed(tagOf(0, TagPart.Begin), tagOf(0, TagPart.Last), false); // true
 * isAllowed(TAG_O, tagOf(0, TagPart.Inside), false);                 // false
 * isAllowed(tagOf(0, TagPart.Begin), TAG_O, false);                  // false: an open name must close
 */
export function isAllowed(previous: number, tag: number, last: boolean): boolean {
  const open = previous !== TAG_START && previous !== TAG_O && partOf(previous) <= TagPart.Inside;
  const part = tag === TAG_O ? -1 : partOf(tag);
  if (open) return (part === TagPart.Inside || part === TagPart.Last) && typeIndexOf(tag) === typeIndexOf(previous) && !(last && part === TagPart.Inside);
  if (part === TagPart.Inside || part === TagPart.Last) return false;
  return part !== TagPart.Begin || !last;
}
