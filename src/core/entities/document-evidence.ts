import { FeatureContext } from './features';
import { FNV_OFFSET, finish, mix } from './hash';
import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagOf, typeIndexOf } from './tags';
import { TokenKind } from './tokenizer';

/**
 * Counted per word: the four types and "outside". Types, not BILOU tags: a word that was the first
 * name of a full name elsewhere ("Kim" of "Kim Jong-un") must not be pushed to be a whole name here.
 */
const OUTCOMES = ENTITY_TYPES.length + 1;
const MIN_TABLE_SIZE = 64;
/** Longest first-pass name (in tokens) looked for again: longer ones are rare and seldom repeated whole. */
const MAX_NAME_TOKENS = 6;

/**
 * Document-level evidence for the second pass: what the first pass said about the same word elsewhere
 * in the document. A reused open-addressing table from lower-case hash to tag counts.
 *
 * @example
 * const evidence = new EvidenceTable();
 * evidence.mark(context, firstPassTags); // fills context.documentType
 */
export class EvidenceTable {
  private keys = new Int32Array(0);
  private counts = new Int32Array(0);
  private slots = new Int32Array(0);
  /** Per hash of a first-pass name's words, how often the first pass gave it each type. */
  private readonly names = new Map<number, Int32Array>();

  /**
   * Sets `context.documentType[i]` for every capitalised token from the first-pass tags of the *other*
   * capitalised occurrences of the same word in the document: 1 + the most frequent type index, or
   * 5 when they were mostly outside any entity, or 0 when the word occurs nowhere else. This is what lets "ROMANIA" in an all-caps headline borrow the LOC that
   * "Romania" got in the body, and a lone "Fischler" the PER of "Franz Fischler".
   *
   * @example
   * evidence.mark(context, firstPassTags);
   */
  mark(context: FeatureContext, tags: Uint8Array): void {
    const count = context.count;
    // The table is sized for this document, not for the largest one seen: clearing it must stay O(count).
    let size = MIN_TABLE_SIZE;
    while (size < count * 2) size *= 2;
    if (this.keys.length < size) {
      this.keys = new Int32Array(size);
      this.counts = new Int32Array(size * OUTCOMES);
    }
    if (this.slots.length < count) this.slots = new Int32Array(Math.max(count, this.slots.length * 2));
    const mask = size - 1;
    const keys = this.keys;
    const counts = this.counts;
    const slots = this.slots;
    keys.fill(0, 0, size);
    counts.fill(0, 0, size * OUTCOMES);
    slots.fill(-1, 0, count);
    for (let i = 0; i < count; i++) {
      if (!((context.kinds[i] ?? 0) & TokenKind.FirstUpper)) continue;
      const key = context.low[i] || 1;
      let slot = key & mask;
      while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
      keys[slot] = key;
      slots[i] = slot;
      const tag = tags[i] ?? TAG_O;
      const outcome = tag === TAG_O ? OUTCOMES - 1 : typeIndexOf(tag);
      counts[slot * OUTCOMES + outcome] = (counts[slot * OUTCOMES + outcome] ?? 0) + 1;
    }
    for (let i = 0; i < count; i++) {
      const slot = slots[i] ?? -1;
      const tag = tags[i] ?? TAG_O;
      context.documentType[i] = slot === -1 ? 0 : this.majority(slot, tag);
      context.firstOutcome[i] = tag === TAG_O ? OUTCOMES - 1 : typeIndexOf(tag);
    }
    this.markNames(context, tags);
  }

  /**
   * Sets `context.nameTag` from the names of two or more words the first pass found: wherever the same words
   * stand again from a capitalised token (the longest such name first), each token gets the BILOU tag it has
   * in that name, of the name's majority type, its own occurrence discounted. This is what lets a headline's
   * missed "Kim Jong-un" borrow the name the body tagged, and keeps "Alba Berlin" one club throughout.
   */
  private markNames(context: FeatureContext, tags: Uint8Array): void {
    const count = context.count;
    const names = this.names;
    names.clear();
    context.nameTag.fill(0, 0, count);
    for (let i = 0; i < count; i++) {
      const length = spanLengthAt(tags, i, count);
      if (length < 2) continue;
      const key = nameHash(context, i, length);
      let counts = names.get(key);
      if (counts === undefined) {
        counts = new Int32Array(ENTITY_TYPES.length);
        names.set(key, counts);
      }
      const type = typeIndexOf(tags[i] ?? TAG_O);
      counts[type] = (counts[type] ?? 0) + 1;
    }
    if (names.size === 0) return;
    for (let i = 0; i < count; ) {
      const matched = (context.kinds[i] ?? 0) & TokenKind.FirstUpper ? this.longestName(context, tags, i) : 0;
      if (matched === 0) {
        i++;
        continue;
      }
      const length = matched >> 3;
      const type = matched & 7;
      for (let k = 0; k < length; k++) context.nameTag[i + k] = tagOf(type, k === 0 ? TagPart.Begin : k + 1 === length ? TagPart.Last : TagPart.Inside);
      i += length;
    }
  }

  /** The longest first-pass name starting at token `i`, as `length << 3 | type index`, or 0. */
  private longestName(context: FeatureContext, tags: Uint8Array, i: number): number {
    const ownLength = spanLengthAt(tags, i, context.count);
    const ownType = ownLength >= 2 ? typeIndexOf(tags[i] ?? TAG_O) : -1;
    let hash = FNV_OFFSET;
    let found = 0;
    for (let length = 1; length <= MAX_NAME_TOKENS && i + length <= context.count; length++) {
      const j = i + length - 1;
      if (length > 1 && (context.position[j] ?? 0) & 1) break;
      hash = mix(hash, context.low[j] ?? 0);
      if (length < 2) continue;
      const counts = this.names.get(finish(hash));
      if (counts === undefined) continue;
      let best = -1;
      let bestCount = 0;
      for (let type = 0; type < counts.length; type++) {
        const value = (counts[type] ?? 0) - (length === ownLength && type === ownType ? 1 : 0);
        if (value > bestCount) {
          best = type;
          bestCount = value;
        }
      }
      if (best !== -1) found = (length << 3) | best;
    }
    return found;
  }

  /** 1 + the most frequent outcome at `slot` once the token's own tag is discounted (ties go to the lower type); 0 when none. */
  private majority(slot: number, ownTag: number): number {
    const own = ownTag === TAG_O ? OUTCOMES - 1 : typeIndexOf(ownTag);
    let best = -1;
    let bestCount = 0;
    for (let outcome = 0; outcome < OUTCOMES; outcome++) {
      const value = (this.counts[slot * OUTCOMES + outcome] ?? 0) - (outcome === own ? 1 : 0);
      if (value > bestCount) {
        best = outcome;
        bestCount = value;
      }
    }
    return best === -1 ? 0 : best + 1;
  }
}

/** The number of tokens of the first-pass name that starts at token `i` (B … L or U), or 0. */
function spanLengthAt(tags: Uint8Array, i: number, count: number): number {
  const tag = tags[i] ?? TAG_O;
  if (tag === TAG_O) return 0;
  const part = partOf(tag);
  if (part === TagPart.Unit) return 1;
  if (part !== TagPart.Begin) return 0;
  let end = i + 1;
  while (end < count && partOf(tags[end] ?? TAG_O) === TagPart.Inside && tags[end] !== TAG_O) end++;
  return end < count && (tags[end] ?? TAG_O) !== TAG_O && partOf(tags[end] ?? TAG_O) === TagPart.Last ? end - i + 1 : 0;
}

/** Hash of the lower-case words of tokens `i … i + length − 1`, as `longestName` computes it. */
function nameHash(context: FeatureContext, i: number, length: number): number {
  let hash = FNV_OFFSET;
  for (let k = 0; k < length; k++) hash = mix(hash, context.low[i + k] ?? 0);
  return finish(hash);
}
