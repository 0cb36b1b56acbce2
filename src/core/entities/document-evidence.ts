import { FeatureContext } from './features';
import { ENTITY_TYPES, TAG_O, typeIndexOf } from './tags';
import { TokenKind } from './tokenizer';

/**
 * Counted per word: the four types and "outside". Types, not BILOU tags: a word that was the first
 * name of a full name elsewhere ("Kim" of "Kim Jong-un") must not be pushed to be a whole name here.
 */
const OUTCOMES = ENTITY_TYPES.length + 1;
const MIN_TABLE_SIZE = 64;

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
      context.documentType[i] = slot === -1 ? 0 : this.majority(slot, tags[i] ?? TAG_O);
    }
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
