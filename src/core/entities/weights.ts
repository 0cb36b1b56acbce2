/** A row is packed as `start << ROW_LENGTH_BITS | length` (length ≤ 31 tags). */
export const ROW_LENGTH_BITS = 5;
const ROW_LENGTH_MASK = (1 << ROW_LENGTH_BITS) - 1;

/**
 * The perceptron's weights, sparse per feature: an open-addressing table from feature key to a row of
 * (tag, weight) pairs. Most features only ever moved two or three of the 17 tags, so a sparse row is
 * both smaller and faster to add than a dense one. Weights are 16-bit integers: the decision is an
 * argmax, so the quantisation scale never needs to be applied.
 *
 * @example
 * const scores = new Int32Array(TAG_COUNT);
 * table.add(featureKey, scores); // scores[tag] += weight for every pair of the feature's row
 */
export class WeightTable {
  private readonly mask: number;

  constructor(
    /** Feature key per slot; 0 marks an empty slot. Length is a power of two. */
    readonly keys: Int32Array,
    /** Per slot: start of the row in `tags`/`weights`, shifted, OR the row's length. */
    readonly rows: Uint32Array,
    /** Tag of each pair. */
    readonly tags: Uint8Array,
    /** Quantised weight of each pair. */
    readonly weights: Int16Array,
  ) {
    this.mask = keys.length - 1;
  }

  /** Adds the weights of feature `key` to `scores` (nothing when the model never kept that feature). */
  add(key: number, scores: Int32Array): void {
    const keys = this.keys;
    const mask = this.mask;
    let slot = key & mask;
    for (;;) {
      const found = keys[slot] ?? 0;
      if (found === key) break;
      if (found === 0) return;
      slot = (slot + 1) & mask;
    }
    const row = this.rows[slot] ?? 0;
    const start = row >>> ROW_LENGTH_BITS;
    const end = start + (row & ROW_LENGTH_MASK);
    const tags = this.tags;
    const weights = this.weights;
    for (let p = start; p < end; p++) {
      const tag = tags[p] ?? 0;
      scores[tag] = (scores[tag] ?? 0) + (weights[p] ?? 0);
    }
  }

  /** Number of features kept. */
  get featureCount(): number {
    let count = 0;
    for (const key of this.keys) if (key !== 0) count++;
    return count;
  }

  /**
   * Builds a table from dense per-feature rows (training output), keeping pairs whose quantised weight is not 0.
   *
   * @example
   * const table = WeightTable.fromRows(new Map([[key, Float32Array.of(0.5, -0.25)]]), 1 / 0.5 * 32767);
   */
  static fromRows(rows: ReadonlyMap<number, ArrayLike<number>>, scale: number): WeightTable {
    const kept: { key: number; tags: number[]; weights: number[] }[] = [];
    let pairCount = 0;
    for (const [key, row] of rows) {
      const tags: number[] = [];
      const weights: number[] = [];
      for (let tag = 0; tag < row.length; tag++) {
        const weight = Math.round((row[tag] ?? 0) * scale);
        if (weight === 0) continue;
        tags.push(tag);
        weights.push(Math.max(-32767, Math.min(32767, weight)));
      }
      if (tags.length === 0) continue;
      kept.push({ key, tags, weights });
      pairCount += tags.length;
    }
    kept.sort((a, b) => a.key - b.key); // deterministic layout whatever the map's insertion order
    let size = 16;
    while (size * TABLE_LOAD_FACTOR < kept.length) size *= 2;
    const keys = new Int32Array(size);
    const packed = new Uint32Array(size);
    const tags = new Uint8Array(pairCount);
    const weights = new Int16Array(pairCount);
    let next = 0;
    for (const feature of kept) {
      let slot = feature.key & (size - 1);
      while (keys[slot] !== 0) slot = (slot + 1) & (size - 1);
      keys[slot] = feature.key;
      packed[slot] = ((next << ROW_LENGTH_BITS) | feature.tags.length) >>> 0;
      tags.set(feature.tags, next);
      weights.set(feature.weights, next);
      next += feature.tags.length;
    }
    return new WeightTable(keys, packed, tags, weights);
  }
}

/** Fill of the open-addressing table: low enough for short probe runs, high enough for a small file. */
const TABLE_LOAD_FACTOR = 0.7;
