import { filledSlots, findSlot, hashTable } from './hash-slots';

/** Fill of the open-addressing table, as the word clusters'. */
const LOAD_FACTOR = 0.7;
/**
 * Upper bounds of the share of capitalised mid-sentence occurrences of each bucket but the last (1: mostly lower
 * case, 2: sometimes capitalised, 3: mostly, 4: almost always); bucket 0 is a word the table does not hold.
 */
const CASE_BOUNDS = [0.05, 0.5, 0.95];
/**
 * Number of case buckets, the "not in the table" bucket 0 included.
 *
 * @example
 * for (let bucket = 0; bucket < CASE_BUCKETS; bucket++) caseKey(bucket);
 */
export const CASE_BUCKETS = CASE_BOUNDS.length + 2;

/**
 * The bucket of a word written `capitalised` times with a capital first letter out of `total` occurrences that
 * do not begin a sentence (1–4; see {@link WordCase}).
 *
 * @example
 * caseBucket(0, 40); // 1: "division"
 * caseBucket(39, 40); // 4: "melbourne"
 */
export function caseBucket(capitalised: number, total: number): number {
  const share = capitalised / total;
  let bucket = 1;
  while (bucket <= CASE_BOUNDS.length && share >= (CASE_BOUNDS[bucket - 1] ?? 1)) bucket++;
  return bucket;
}

/**
 * How words are usually written in running English, learned from unlabeled text and compiled into the model:
 * an open-addressing table from a word's lower-case hash (`FeatureContext.low`) to the bucket of how often it is
 * capitalised when it does not begin a sentence (`caseBucket`). Inside a document a capital says little about a
 * word that begins a sentence or a name ("Division", "Park"); the table tells the words that are names wherever
 * they stand ("Melbourne") from those that are usually lower case ("division", "park").
 *
 * @example
 * const wordCase = WordCase.build(new Map([[lowHash, caseBucket(39, 40)]]));
 * wordCase.lookup(lowHash); // 4; 0 for a word the table does not hold
 */
export class WordCase {
  private constructor(
    /** Word hashes (0 = empty slot). */
    readonly keys: Int32Array,
    /** The bucket of the word in the same slot. */
    readonly values: Uint8Array,
  ) {}

  /** Builds the table; keys are inserted in ascending order, so the same map always gives the same bytes. */
  static build(buckets: ReadonlyMap<number, number>): WordCase {
    const entries = [...buckets].filter(([key, value]) => key !== 0 && value > 0 && value < CASE_BUCKETS).sort((a, b) => a[0] - b[0]);
    const { keys, values } = hashTable(entries, entries.length, LOAD_FACTOR);
    return new WordCase(keys, Uint8Array.from(values));
  }

  /** Wraps tables read from a model file (the size already checked to be a power of two). */
  static fromTables(keys: Int32Array, values: Uint8Array): WordCase {
    return new WordCase(keys, values);
  }

  /** Number of words in the table. */
  get size(): number {
    return filledSlots(this.keys);
  }

  /** The case bucket of the word with lower-case hash `low`, 0 when the table does not hold it. */
  lookup(low: number): number {
    const slot = findSlot(this.keys, low);
    return slot === -1 ? 0 : (this.values[slot] ?? 0);
  }
}

