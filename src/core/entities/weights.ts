/** A slot's row is packed as `start << ROW_LENGTH_BITS | length` (length ≤ 31 tags). */
const ROW_LENGTH_BITS = 5;
const ROW_LENGTH_MASK = (1 << ROW_LENGTH_BITS) - 1;
/** A pair is packed as `weight << PAIR_TAG_BITS | tag`. */
const PAIR_TAG_BITS = 8;
const PAIR_TAG_MASK = (1 << PAIR_TAG_BITS) - 1;
/**
 * Largest absolute quantised weight: 16 bits, which is plenty for an argmax over summed weights.
 *
 * @example
 * const table = WeightTable.fromRows(new Map([[7, [2, -1]]]), MAX_WEIGHT / 2); // the largest weight, 2, becomes MAX_WEIGHT
 * const scores = new Int32Array(2);
 * table.add(7, scores); // scores: [32767, -16383]
 */
export const MAX_WEIGHT = 32767;
/** Fill of the open-addressing table: low enough for short probe runs, high enough for a small file. */
const TABLE_LOAD_FACTOR = 0.7;

/**
 * The perceptron's weights, sparse per feature: an open-addressing table from feature key to a row of
 * (tag, weight) pairs. Most features only ever moved two or three of the 17 tags, so a sparse row is
 * both smaller and faster to add than a dense one. The layout is chosen for the cache: a slot holds
 * its key and its row side by side, and a pair holds its tag and weight in one integer, so a lookup
 * costs two memory accesses. Weights are integers: the decision is an argmax, so the quantisation
 * scale never needs to be applied.
 *
 * @example
 * const scores = new Int32Array(TAG_COUNT);
 * table.add(featureKey, scores); // scores[tag] += weight for every pair of the feature's row
 */
export class WeightTable {
  private readonly mask: number;
  /** `addAllAt`'s packed row of each key (0: no such feature), reused between calls. */
  private rows = new Int32Array(0);

  constructor(
    /** Per slot, two integers: the feature key (0 = empty slot) and the packed row. Slot count is a power of two. */
    readonly slots: Int32Array,
    /** Packed (weight, tag) pairs of every row. */
    readonly pairs: Int32Array,
  ) {
    this.mask = (slots.length >> 1) - 1;
  }

  /** Adds the weights of feature `key` to `scores` (nothing when the model never kept that feature). */
  add(key: number, scores: Int32Array): void {
    this.addAt(key, scores, 0);
  }

  /**
   * Adds the weights of feature `key` to the row of TAG_COUNT scores at `scores[offset…]`, so that the
   * decoder sums straight into its per-token table instead of summing into a scratch row and copying it.
   *
   * @example
   * table.addAt(featureKey, staticScores, token * TAG_COUNT);
   */
  addAt(key: number, scores: Int32Array, offset: number): void {
    const row = this.rowOf(key);
    const start = row >>> ROW_LENGTH_BITS;
    this.addPairs(start, start + (row & ROW_LENGTH_MASK), scores, offset);
  }

  /**
   * Adds the weights of the first `count` keys of `keys` to the row of TAG_COUNT scores at `scores[offset…]`:
   * the same sums as `addAt` for each key (integer sums: the order changes nothing), in three loops. The first
   * probes every key's slot and keeps its row, the second adds each row's first pair, the third the rest, so
   * the table's cache misses of the keys are independent loads that the CPU overlaps, instead of one chain
   * (probe, row, pairs, sum) a key after the other; a row's first pair is where its miss is.
   *
   * @example
   * const n = context.ownContextFeatures(i, keys, 0);
   * table.addAllAt(keys, n, scores, 0);
   */
  addAllAt(keys: Int32Array, count: number, scores: Int32Array, offset: number): void {
    if (this.rows.length < count) this.rows = new Int32Array(count);
    const rows = this.rows;
    for (let k = 0; k < count; k++) rows[k] = this.rowOf(keys[k] ?? 0);
    // A kept row is never empty (see fromRows), so a found row has a first pair.
    for (let k = 0; k < count; k++) {
      const row = rows[k] ?? 0;
      if (row === 0) continue;
      const start = row >>> ROW_LENGTH_BITS;
      this.addPairs(start, start + 1, scores, offset);
    }
    for (let k = 0; k < count; k++) {
      const row = rows[k] ?? 0;
      const start = row >>> ROW_LENGTH_BITS;
      this.addPairs(start + 1, start + (row & ROW_LENGTH_MASK), scores, offset);
    }
  }

  /** The packed row (start, length) of feature `key`, or 0 when the model never kept it. */
  private rowOf(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = key & mask;
    let found = slots[slot << 1] ?? 0;
    while (found !== key && found !== 0) {
      slot = (slot + 1) & mask;
      found = slots[slot << 1] ?? 0;
    }
    return found === 0 ? 0 : (slots[(slot << 1) + 1] ?? 0);
  }

  /** Adds the (tag, weight) pairs `from…end` of the pair array to the row of scores at `scores[offset…]`. */
  private addPairs(from: number, end: number, scores: Int32Array, offset: number): void {
    const pairs = this.pairs;
    for (let p = from; p < end; p++) {
      const pair = pairs[p] ?? 0;
      const at = offset + (pair & PAIR_TAG_MASK);
      scores[at] = (scores[at] ?? 0) + (pair >> PAIR_TAG_BITS);
    }
  }

  /** Number of features kept. */
  get featureCount(): number {
    let count = 0;
    for (let slot = 0; slot < this.slots.length; slot += 2) if (this.slots[slot] !== 0) count++;
    return count;
  }

  /**
   * Builds a table from dense per-feature rows of real weights (training output): each weight is
   * multiplied by `scale`, rounded, and kept when not 0.
   *
   * @example
   * const table = WeightTable.fromRows(new Map([[key, Float64Array.of(0.5, -0.25)]]), MAX_WEIGHT / 0.5);
   */
  static fromRows(rows: ReadonlyMap<number, ArrayLike<number>>, scale: number): WeightTable {
    const kept: { key: number; pairs: number[] }[] = [];
    let pairCount = 0;
    for (const [key, row] of rows) {
      const pairs: number[] = [];
      for (let tag = 0; tag < row.length; tag++) {
        const weight = Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, Math.round((row[tag] ?? 0) * scale)));
        if (weight !== 0) pairs.push((weight << PAIR_TAG_BITS) | tag);
      }
      if (pairs.length === 0) continue;
      kept.push({ key, pairs });
      pairCount += pairs.length;
    }
    kept.sort((a, b) => a.key - b.key); // deterministic layout whatever the map's insertion order
    let size = 16;
    while (size * TABLE_LOAD_FACTOR < kept.length) size *= 2;
    const slots = new Int32Array(size * 2);
    const pairs = new Int32Array(pairCount);
    let next = 0;
    for (const feature of kept) {
      let slot = feature.key & (size - 1);
      while (slots[slot << 1] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot << 1] = feature.key;
      slots[(slot << 1) + 1] = (next << ROW_LENGTH_BITS) | feature.pairs.length;
      pairs.set(feature.pairs, next);
      next += feature.pairs.length;
    }
    return new WeightTable(slots, pairs);
  }
}
