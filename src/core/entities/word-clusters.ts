import { filledSlots, findSlot, hashTable } from './hash-slots';

/** Fill of the open-addressing table: short probe runs, and a file that compresses the empty slots. */
const LOAD_FACTOR = 0.7;
/** Bits of each level's cluster number in a packed value (up to 1,024 clusters a level). */
export const CLUSTER_LEVEL_BITS = 10;
const LEVEL_MASK = (1 << CLUSTER_LEVEL_BITS) - 1;
/**
 * Levels of the hierarchy, finest first: the packed value of a word is `fine | middle << 10 | coarse << 20`
 * (each number + 1, so that 0 means "no cluster").
 *
 * @example
 * clusterAt(value, 0); // the fine cluster of a packed value
 */
export const CLUSTER_LEVELS = 3;

/**
 * The cluster number (1 + index) at `level` (0 finest) of a packed value, 0 for a word without a cluster.
 *
 * @example
 * clusterAt(packClusters([4, 2, 0]), 1); // 3
 */
export function clusterAt(value: number, level: number): number {
  return (value >>> (level * CLUSTER_LEVEL_BITS)) & LEVEL_MASK;
}

/**
 * Packs one word's cluster indices (finest first, each below 1,023) into the value `WordClusters` stores.
 *
 * @example
 * packClusters([4, 2, 0]); // 5 | 3 << 10 | 1 << 20
 */
export function packClusters(indices: readonly number[]): number {
  let value = 0;
  indices.forEach((index, level) => {
    value |= (index + 1) << (level * CLUSTER_LEVEL_BITS);
  });
  return value >>> 0;
}

/**
 * Word clusters learned from unlabeled text (`buildWordClusters`), compiled into the model as an
 * open-addressing table from a word's lower-case hash (`FeatureContext.low`) to its packed cluster
 * numbers at three levels. Words that appear in similar contexts share a cluster ("google" with
 * "microsoft"), so a name never seen in the labeled data still gets the evidence of its neighbours.
 *
 * @example
 * const clusters = WordClusters.build(new Map([[lowHash, packClusters([4, 2, 0])]]));
 * clusters.lookup(lowHash); // the packed value, or 0 for a word without a cluster
 */
export class WordClusters {
  private constructor(
    /** Word hashes (0 = empty slot). */
    readonly keys: Int32Array,
    /** Packed cluster numbers of the word in the same slot. */
    readonly values: Uint32Array,
  ) {}

  /** Builds the table; keys are inserted in ascending order, so the same map always gives the same bytes. */
  static build(clusters: ReadonlyMap<number, number>): WordClusters {
    const entries = [...clusters].filter(([key, value]) => key !== 0 && value !== 0).sort((a, b) => a[0] - b[0]);
    const { keys, values } = hashTable(entries, clusters.size, LOAD_FACTOR);
    return new WordClusters(keys, values);
  }

  /** Wraps tables read from a model file (the size already checked to be a power of two). */
  static fromTables(keys: Int32Array, values: Uint32Array): WordClusters {
    return new WordClusters(keys, values);
  }

  /** Number of words with a cluster. */
  get size(): number {
    return filledSlots(this.keys);
  }

  /** The packed cluster numbers of the word with lower-case hash `low`, 0 when it has none. */
  lookup(low: number): number {
    const slot = findSlot(this.keys, low);
    return slot === -1 ? 0 : (this.values[slot] ?? 0);
  }
}
