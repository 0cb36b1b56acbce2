import { ByteReader } from './byte-codec';
import { readCounts } from './count-codec';
import { readDocIds } from './doc-id-codec';

/**
 * A posting's counts are packed into 16 bits — body 10, title 2, entity field 4 — which halves the
 * biggest table of the index. BM25 saturates long before these limits, so clamping costs no ranking.
 */
const MAX_BODY_COUNT = 0x3ff;
/** Largest title count a posting records. */
const MAX_TITLE_COUNT = 0x3;
/** Largest entity-field count (mentions) a posting records. */
const MAX_ENTITY_COUNT = 0xf;

/**
 * Packs the counts of a term in a document's body, title and entity field into one 16-bit word.
 *
 * @example
 * const packed = packCounts(3, 1, 0); // body 3, title 1
 * bodyCount(packed); // 3
 */
export function packCounts(body: number, title: number, entity: number): number {
  return Math.min(body, MAX_BODY_COUNT) | (Math.min(title, MAX_TITLE_COUNT) << 10) | (Math.min(entity, MAX_ENTITY_COUNT) << 12);
}

/** The body count of a packed word. @example bodyCount(packCounts(3, 1, 0)); // 3 */
export function bodyCount(packed: number): number {
  return packed & MAX_BODY_COUNT;
}

/** The title count of a packed word. @example titleCount(packCounts(3, 1, 0)); // 1 */
export function titleCount(packed: number): number {
  return (packed >>> 10) & MAX_TITLE_COUNT;
}

/**
 * Whether a packed word's entity-field count is the most a posting records, so that the article may mention the
 * entity more often: its entity field has the exact count.
 *
 * @example
 * entityCountClamped(packCounts(0, 0, 31)); // true: the posting says 15
 * entityCountClamped(packCounts(0, 0, 14)); // false
 */
export function entityCountClamped(packed: number): boolean {
  return entityCount(packed) === MAX_ENTITY_COUNT;
}

/** The entity-field count of a packed word. @example entityCount(packCounts(0, 0, 2)); // 2 */
export function entityCount(packed: number): number {
  return packed >>> 12;
}

/**
 * One posting list, or a part of one: ascending document ids `docs[start..end)` with their packed counts.
 *
 * @example
 * const list: PostingList = { docs: [0, 4], counts: [packCounts(1, 0, 0), packCounts(2, 0, 0)], start: 0, end: 2 };
 */
export interface PostingList {
  readonly docs: ArrayLike<number>;
  readonly counts: ArrayLike<number>;
  readonly start: number;
  readonly end: number;
}

/**
 * Postings still in their saved form, decoded one term at a time when first read: per term, its postings'
 * document ids (see `writeDocIds`: gaps, or a bitmap of the index's `docCount` articles) then their packed counts
 * (see `writeCounts`), `bytes[starts[t]..starts[t + 1])`.
 *
 * @example
 * const encoded: EncodedPostings = { bytes: new Uint8Array([5, 1]), starts: new Uint32Array([0, 2]), docCount: 100 }; // term 0: doc 5, once in the body
 */
export interface EncodedPostings {
  readonly bytes: Uint8Array;
  readonly starts: Uint32Array;
  readonly docCount: number;
}

/**
 * The immutable bulk of the postings, in compressed-sparse-row form: the postings of term `t`
 * are `docs[offsets[t]..offsets[t + 1])`. Three typed arrays, saved as varints. A loaded index passes
 * `encoded`: each term is then decoded into its place the first time it is read, because decoding all
 * ~11 million postings of a 100,000-article index was ~150 ms of every reopen, and a session reads a
 * small fraction of the terms.
 *
 * @example
 * const main = new MainPostings(new Uint32Array([0, 1]), new Uint32Array([5]), new Uint16Array([packCounts(1, 0, 0)]));
 * main.list(0); // { docs, counts, start: 0, end: 1 }
 */
export class MainPostings {
  /** Terms not decoded yet (1), when loaded lazily. */
  private readonly pending: Uint8Array | undefined;

  constructor(
    readonly offsets: Uint32Array,
    readonly docs: Uint32Array,
    readonly counts: Uint16Array,
    private readonly encoded?: EncodedPostings,
  ) {
    this.pending = encoded ? new Uint8Array(offsets.length - 1).fill(1) : undefined;
  }

  /** Number of terms covered (terms added later have no main postings). */
  get termCount(): number {
    return this.offsets.length - 1;
  }

  /** How many postings `term` has, without decoding them. */
  size(term: number): number {
    return term < this.termCount ? (this.offsets[term + 1] ?? 0) - (this.offsets[term] ?? 0) : 0;
  }

  list(term: number): PostingList | undefined {
    if (term >= this.termCount) return undefined;
    const start = this.offsets[term] ?? 0;
    const end = this.offsets[term + 1] ?? start;
    if (end <= start) return undefined;
    if (this.pending?.[term] === 1) this.decode(term, start, end);
    return { docs: this.docs, counts: this.counts, start, end };
  }

  /** Empty postings, for a new index. */
  static empty(): MainPostings {
    return new MainPostings(new Uint32Array(1), new Uint32Array(0), new Uint16Array(0));
  }

  private decode(term: number, start: number, end: number): void {
    const { bytes, starts, docCount } = this.encoded as EncodedPostings;
    const reader = new ByteReader(bytes.subarray(starts[term] ?? 0, starts[term + 1] ?? 0));
    readDocIds(reader, this.docs, start, end - start, docCount);
    readCounts(reader, this.counts, start, end - start);
    (this.pending as Uint8Array)[term] = 0;
  }
}

/**
 * Postings of the documents added since the last compaction, in growable arrays per term.
 * Documents are appended with increasing ids, so each list stays sorted.
 *
 * @example
 * const delta = new DeltaPostings();
 * delta.add(3, 100, packCounts(1, 0, 0));
 * delta.list(3)?.end; // 1
 */
export class DeltaPostings {
  private readonly lists = new Map<number, { docs: number[]; counts: number[] }>();
  private postingCount = 0;

  /** Total postings held: when this grows large the index compacts. */
  get size(): number {
    return this.postingCount;
  }

  add(term: number, doc: number, packed: number): void {
    let list = this.lists.get(term);
    if (!list) {
      list = { docs: [], counts: [] };
      this.lists.set(term, list);
    }
    list.docs.push(doc);
    list.counts.push(packed);
    this.postingCount++;
  }

  list(term: number): PostingList | undefined {
    const list = this.lists.get(term);
    return list ? { docs: list.docs, counts: list.counts, start: 0, end: list.docs.length } : undefined;
  }
}

/**
 * Number of postings in `lists`: the work of walking them, and for the lists of one term its document
 * frequency (documents removed since the last compaction still count, which scoring can live with).
 *
 * @example
 * postingCount([{ docs: [1, 5, 9], counts: [0, 0, 0], start: 1, end: 3 }]); // 2
 */
export function postingCount(lists: readonly PostingList[]): number {
  let count = 0;
  for (const list of lists) count += list.end - list.start;
  return count;
}

/**
 * Index of `doc` in `list.docs[from..list.end)`, or -1: a binary search, as lists are sorted.
 *
 * @example
 * findDoc({ docs: [1, 5, 9], counts: [0, 0, 0], start: 0, end: 3 }, 5); // 1
 */
export function findDoc(list: PostingList, doc: number, from = list.start): number {
  let low = from;
  let high = list.end - 1;
  const docs = list.docs;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = docs[mid] ?? 0;
    if (value < doc) low = mid + 1;
    else if (value > doc) high = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * The first index in `list.docs[from..list.end)` whose document is ≥ `doc` (or `list.end`): galloping
 * (exponential steps, then binary search), so walking a list in order costs little more than a merge.
 *
 * @example
 * seekDoc({ docs: [1, 5, 9], counts: [0, 0, 0], start: 0, end: 3 }, 0, 6); // 2
 */
export function seekDoc(list: PostingList, from: number, doc: number): number {
  const docs = list.docs;
  if (from >= list.end || (docs[from] ?? 0) >= doc) return from;
  let step = 1;
  let low = from;
  let high = from + 1;
  while (high < list.end && (docs[high] ?? 0) < doc) {
    low = high;
    step *= 2;
    high = low + step;
  }
  high = Math.min(high, list.end);
  // Invariant: docs[low] < doc, and docs[high] >= doc or high === end.
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if ((docs[mid] ?? 0) < doc) low = mid;
    else high = mid;
  }
  return high;
}
