import { FeatureContext, listEvidenceCode } from './features';
import { ENTITY_TYPES, TAG_O, typeIndexOf } from './tags';
import { TokenKind, tokenize } from './tokenizer';

/**
 * Counted per word: the four types and "outside". Types, not BILOU tags: a word that was the first
 * name of a full name elsewhere ("Kim" of "Kim Jong-un") must not be pushed to be a whole name here.
 */
const OUTCOMES = ENTITY_TYPES.length + 1;
const MIN_TABLE_SIZE = 64;
/** `documentType`'s value for a word the first pass left outside every name. */
const OUTSIDE = OUTCOMES;
/** Tokens that may stand alone between two items of a list of names ("A, B and C", "A / B", "A & B"). */
const LIST_SEPARATORS = [',', '/', '&', ';', 'and', 'or'];
/** What a token must hold to be part of a list item: a capital, or letters without case (as a name's start). */
const ITEM_KINDS = TokenKind.HasUpper | TokenKind.HasCaseless;

/** The lower-case hashes of `LIST_SEPARATORS`, as `FeatureContext.low` computes them. */
const separatorHashes: ReadonlySet<number> = (() => {
  const context = new FeatureContext();
  const text = LIST_SEPARATORS.join(' ');
  const tokens = tokenize(text);
  context.prepare(text, tokens, undefined);
  return new Set(context.low.subarray(0, tokens.count));
})();

/** The first-pass outcome of token `i` as a `documentType` value: 1 + its type index, or `OUTSIDE`. */
function outcomeOf(tags: Uint8Array, i: number): number {
  const tag = tags[i] ?? TAG_O;
  return tag === TAG_O ? OUTSIDE : typeIndexOf(tag) + 1;
}

/**
 * Sets `context.listEvidence` from the first-pass tags: for every token of a capitalised run (a list item)
 * that a separator joins to another capitalised run in the same sentence, what the first pass made of the
 * nearest token of the item before and of the item after. The items of a list are mostly of one type
 * ("bands such as Orgy, Velvet Revolver and Linkin Park", "played with Footscray and North Melbourne"), so
 * the items the first pass is sure of can vouch for the one it is not.
 *
 * @example
 * markListEvidence(context, firstPassTags); // fills context.listEvidence
 */
export function markListEvidence(context: FeatureContext, tags: Uint8Array): void {
  const { count, kinds, position, low } = context;
  const isItem = (i: number): boolean => i >= 0 && i < count && ((kinds[i] ?? 0) & ITEM_KINDS) !== 0;
  const startsSentence = (i: number): boolean => ((position[i] ?? 0) & 1) !== 0;
  const isSeparator = (i: number): boolean => i > 0 && i < count && !startsSentence(i) && separatorHashes.has(low[i] ?? 0);
  let start = 0;
  while (start < count) {
    if (!isItem(start)) {
      context.listEvidence[start] = 0;
      start++;
      continue;
    }
    let end = start + 1;
    while (isItem(end) && !startsSentence(end)) end++;
    const before = !startsSentence(start) && isSeparator(start - 1) && isItem(start - 2) ? outcomeOf(tags, start - 2) : 0;
    const after = isSeparator(end) && isItem(end + 1) && !startsSentence(end + 1) ? outcomeOf(tags, end + 1) : 0;
    context.listEvidence.fill(listEvidenceCode(before, after), start, end);
    start = end;
  }
}

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
   * Sets `context.listEvidence` (`markListEvidence`) and `context.documentType[i]` for every capitalised token from the first-pass tags of the *other*
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
    markListEvidence(context, tags);
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
