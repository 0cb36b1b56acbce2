import { finish, mix } from './hash';
import { filledSlots, findSlot, hashTable } from './hash-slots';

/** Longest gazetteer entry, in tokens ("Bosnia and Herzegovina", "Democratic Republic of the Congo"). */
const MAX_ENTRY_TOKENS = 6;
/** At most this many categories: a token's matches are 4 bits per category in a 32-bit mask. */
const MAX_CATEGORIES = 8;
const PREFIX_BIT = 0x80000000;
const SEED = 0x2545f491;
const LOAD_FACTOR = 0.5;
/**
 * Bits of the filter in front of the table (128 KB): one bit per key's low bits. `mark` probes at every token
 * and most tokens start no entry, so most probes stop at a filter that stays in a core's cache, instead of
 * missing it in the 2 MB table; with ~100,000 keys about one probe in ten passes the filter for nothing.
 */
const FILTER_BITS = 1 << 20;

/**
 * The category of nationalities and their plurals ("North Korean", "Americans"): the model's gazetteer
 * is built with it at this number (`scripts/ner-gazetteer.ts`), and `retypeDemonyms` reads it.
 *
 * @example
 * coversExactly(context.gazetteer, DEMONYM_CATEGORY, start, end); // "North Koreans" is exactly tokens start…end
 */
export const DEMONYM_CATEGORY = 2;
/**
 * The categories of places and nationalities: countries, capitals, nationalities, regions and cities, at these numbers
 * in `scripts/ner-gazetteer.ts`. A rule that joins names reads them so as not to take a place into a person's name.
 *
 * @example
 * PLACE_CATEGORIES.some((category) => coversExactly(context.gazetteer, category, i, i)); // "Pakistan" at token i
 */
export const PLACE_CATEGORIES: readonly number[] = [0, 1, DEMONYM_CATEGORY, 4, 6];

/**
 * Whether one entry of `category` covers exactly tokens `start…end` (inclusive), by the match bits of `mark`.
 *
 * @example
 * coversExactly(context.gazetteer, DEMONYM_CATEGORY, 3, 4); // "North Koreans" at tokens 3–4
 */
export function coversExactly(marks: Uint32Array, category: number, start: number, end: number): boolean {
  const base = category * 4;
  if (start === end) return ((marks[start] ?? 0) & (1 << (base + UNIT))) !== 0;
  return ((marks[start] ?? 0) & (1 << (base + BEGIN))) !== 0 && ((marks[end] ?? 0) & (1 << (base + LAST))) !== 0;
}

/**
 * Whether an entry of any category covers exactly tokens `start…end` (inclusive), by the match bits of `mark`
 * (as `coversExactly`, for every category at once).
 *
 * @example
 * coversAnyExactly(context.gazetteer, 3, 4); // "American Samoa" (a country) at tokens 3–4
 */
export function coversAnyExactly(marks: Uint32Array, start: number, end: number): boolean {
  for (let category = 0; category < MAX_CATEGORIES; category++) if (coversExactly(marks, category, start, end)) return true;
  return false;
}

/** Bits of a position inside a matched entry: Unit (one token), Begin, Inside, Last. */
const UNIT = 0;
const BEGIN = 1;
const INSIDE = 2;
const LAST = 3;

/**
 * Word lists (countries, cities, first names…) compiled into the model file as hashes of lower-case
 * token sequences, so that the runtime needs neither the lists nor the packages they came from.
 * Matching marks, per token, which categories cover it and where (begin, inside, last, unit).
 *
 * @example
 * const gazetteer = Gazetteer.build([{ tokens: [lowHashOf('north'), lowHashOf('korea')], category: 0 }]);
 * gazetteer.mark(low, last, count, out); // out[i] has bit 0 * 4 + BEGIN for "North" in "North Korea"
 */
export class Gazetteer {
  /** Bit `key & (FILTER_BITS - 1)` set for every key of the table: a clear bit means the key is not there. */
  private readonly filter = new Int32Array(FILTER_BITS >>> 5);

  private constructor(
    /** Open-addressing table of entry and prefix keys (0 = empty). */
    readonly keys: Int32Array,
    /** Category bits of the entry (bit c = category c), plus PREFIX_BIT when a longer entry continues it. */
    readonly values: Uint32Array,
  ) {
    for (const key of keys) if (key !== 0) setFilterBit(this.filter, key);
  }

  /** Builds the table from entries given as the lower-case token hashes of `FeatureContext.low`. */
  static build(entries: readonly { readonly tokens: readonly number[]; readonly category: number }[]): Gazetteer {
    const pending = new Map<number, number>();
    for (const { tokens, category } of entries) {
      if (tokens.length === 0 || tokens.length > MAX_ENTRY_TOKENS || category >= MAX_CATEGORIES) continue;
      let hash = SEED;
      tokens.forEach((token, index) => {
        hash = mix(hash, token);
        const key = finish(hash);
        const bits = index === tokens.length - 1 ? 1 << category : PREFIX_BIT;
        pending.set(key, ((pending.get(key) ?? 0) | bits) >>> 0);
      });
    }
    const { keys, values } = hashTable(pending, pending.size, LOAD_FACTOR);
    return new Gazetteer(keys, values);
  }

  /** Wraps tables read from a model file (sizes already checked by the reader). */
  static fromTables(keys: Int32Array, values: Uint32Array): Gazetteer {
    return new Gazetteer(keys, values);
  }

  /** Number of keys (entries and prefixes) in the table. */
  get size(): number {
    return filledSlots(this.keys);
  }

  /** The entry's value, or −1 when no entry or prefix has this key. */
  private lookup(key: number): number {
    if (!hasFilterBit(this.filter, key)) return -1;
    const slot = findSlot(this.keys, key);
    return slot === -1 ? -1 : (this.values[slot] ?? 0);
  }

  /**
   * ORs into `out[i]` the match bits (category * 4 + position) of every entry that covers token `i`.
   * `low` are the tokens' lower-case hashes, `last[i]` is 1 at a sentence's last token (entries never
   * cross sentences).
   */
  mark(low: Int32Array, last: Uint8Array, count: number, out: Uint32Array): void {
    for (let i = 0; i < count; i++) {
      let hash = SEED;
      for (let length = 1; length <= MAX_ENTRY_TOKENS && i + length <= count; length++) {
        const end = i + length - 1;
        hash = mix(hash, low[end] ?? 0);
        const value = this.lookup(finish(hash));
        if (value === -1) break;
        const categories = value & ~PREFIX_BIT;
        if (categories !== 0) markSpan(out, i, end, categories);
        if (!(value & PREFIX_BIT) || last[end]) break;
      }
    }
  }
}

function setFilterBit(filter: Int32Array, key: number): void {
  const bit = key & (FILTER_BITS - 1);
  filter[bit >>> 5] = (filter[bit >>> 5] ?? 0) | (1 << (bit & 31));
}

function hasFilterBit(filter: Int32Array, key: number): boolean {
  const bit = key & (FILTER_BITS - 1);
  return ((filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
}

function markSpan(out: Uint32Array, start: number, end: number, categories: number): void {
  for (let category = 0; category < MAX_CATEGORIES; category++) {
    if (!(categories & (1 << category))) continue;
    const base = category * 4;
    if (start === end) {
      out[start] = (out[start] ?? 0) | (1 << (base + UNIT));
      continue;
    }
    out[start] = (out[start] ?? 0) | (1 << (base + BEGIN));
    for (let i = start + 1; i < end; i++) out[i] = (out[i] ?? 0) | (1 << (base + INSIDE));
    out[end] = (out[end] ?? 0) | (1 << (base + LAST));
  }
}
