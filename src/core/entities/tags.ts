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
 * Whether `tag` may follow `previous` (TAG_START at a sentence start), and stand at the end of a
 * sentence when `last` is set. I and L only continue an open entity of their type; an open entity may
 * also be abandoned (O, or another type begins), which `tagsToSpans` closes at its last token, but not
 * restarted with the same type, which would cut one name in two.
 *
 * @example
 * isAllowed(tagOf(0, TagPart.Begin), tagOf(0, TagPart.Last), false); // true
 * isAllowed(TAG_O, tagOf(0, TagPart.Inside), false);                 // false
 * isAllowed(tagOf(0, TagPart.Begin), TAG_O, false);                  // true: a wrong B is dropped
 */
export function isAllowed(previous: number, tag: number, last: boolean): boolean {
  const open = previous !== TAG_START && previous !== TAG_O && partOf(previous) <= TagPart.Inside;
  const part = tag === TAG_O ? -1 : partOf(tag);
  const sameType = tag !== TAG_O && open && typeIndexOf(tag) === typeIndexOf(previous);
  if (part === TagPart.Inside || part === TagPart.Last) return sameType && (part === TagPart.Last || !last);
  // An open entity may be abandoned (O, or another type starts): greedy decoding must not be forced
  // to drag a wrong B through the rest of the sentence. Restarting the same type is not allowed, so a
  // name is not cut in two ("Kim" | "Jong-Un").
  if (sameType) return false;
  return part !== TagPart.Begin || !last;
}

/**
 * The table of `isAllowed` for every (previous, tag, last) triple, indexed
 * `[(previous * TAG_COUNT + tag) * 2 + (last ? 1 : 0)]`, so the decoder tests a byte instead of branching.
 *
 * @example
 * ALLOWED[(TAG_START * TAG_COUNT + TAG_O) * 2]; // 1
 */
export const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT * 2);
  for (let previous = 0; previous <= TAG_COUNT; previous++) {
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      table[(previous * TAG_COUNT + tag) * 2] = isAllowed(previous, tag, false) ? 1 : 0;
      table[(previous * TAG_COUNT + tag) * 2 + 1] = isAllowed(previous, tag, true) ? 1 : 0;
    }
  }
  return table;
})();
