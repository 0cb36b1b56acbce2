import { ScanPosition } from './word-codec';

/**
 * A body count at least this large may have been clamped by the postings (see `packCounts`): the finder then does
 * not rely on it.
 */
const CLAMPED_COUNT = 0x3ff;

/**
 * Looks for a run of term ids (a phrase's words) in a document's body as its ids are decoded one by one, and tells
 * as soon as the answer is known: when the run is complete, or when every occurrence of one of its words (as many as
 * the postings count in the body) was decoded so long ago that no run can use it any more. A body still coded is
 * then decoded only as far as the answer needs.
 *
 * @example
 * const finder = new RunFinder();
 * finder.start([7, 12], [1, 2]);
 * const body = new Uint32Array([3, 7, 12]);
 * finder.add(body, 0) || finder.add(body, 1) || finder.add(body, 2); // true, at the 12
 * finder.found; // true
 */
export class RunFinder {
  /** Whether the run was found: meaningful once {@link add} or {@link resume} returned true. */
  found = false;
  /** Where a scan feeding this finder stopped, once it knew (see `WordCodec.findRun`). */
  stopped: ScanPosition | undefined;
  /** A bit per value of the low 5 bits of the phrase's ids: an id whose bit is clear is none of them. */
  mask = 0;
  private ids: readonly number[] = [];
  private seen: number[] = [];
  private counts: readonly number[] = [];
  /** The number of ids decoded after which no run can be found any more. */
  private hopelessAt = Infinity;

  /** Starts looking for `ids` (at least one), whose words occur `counts` times each in the body. */
  start(ids: readonly number[], counts: readonly number[]): void {
    this.ids = ids;
    this.counts = counts;
    this.seen = ids.map(() => 0);
    this.found = false;
    this.hopelessAt = Infinity;
    this.mask = 0;
    for (const id of ids) this.mask |= 1 << (id & 31);
  }

  /** The number of ids read after which no run can be found any more (Infinity until known). */
  get stopsAt(): number {
    return this.hopelessAt;
  }

  /**
   * Reads the body's id at position `at` (the ids before it were read): true once the answer is known. Called for
   * every id a phrase check decodes, so the common case (an id that is none of the phrase's) costs a few compares.
   */
  add(body: Uint32Array, at: number): boolean {
    const ids = this.ids;
    const id = body[at] ?? 0;
    for (let j = 0; j < ids.length; j++) if (ids[j] === id) this.saw(body, at, j);
    return this.found || at + 1 >= this.hopelessAt;
  }

  /** Takes the first `length` ids of `body` as read (decoded earlier): true once the answer is known. */
  resume(body: Uint32Array, length: number): boolean {
    const decoded = body.subarray(0, length);
    if (containsRun(decoded, this.ids, this.counts)) {
      this.found = true;
      return true;
    }
    this.ids.forEach((id, j) => {
      let last = -1;
      let seen = 0;
      for (let i = decoded.indexOf(id); i !== -1; i = decoded.indexOf(id, i + 1)) {
        seen++;
        last = i;
      }
      this.seen[j] = seen;
      if (seen > 0) this.noteLast(last, j);
    });
    return length >= this.hopelessAt;
  }

  private saw(body: Uint32Array, at: number, j: number): void {
    const ids = this.ids;
    const length = ids.length;
    if (j === length - 1 && at >= length - 1) {
      let i = 0;
      while (i < length - 1 && body[at - length + 1 + i] === ids[i]) i++;
      if (i === length - 1) this.found = true;
    }
    const seen = (this.seen[j] ?? 0) + 1;
    this.seen[j] = seen;
    this.noteLast(at, j);
  }

  /** Word `j` was last seen at `at`: when that was its last occurrence, a run using it ends `length - 1 - j` ids later. */
  private noteLast(at: number, j: number): void {
    const count = this.counts[j] ?? 0;
    if (this.seen[j] === count && count < CLAMPED_COUNT) this.hopelessAt = Math.min(this.hopelessAt, at + this.ids.length - j);
  }
}

/**
 * Whether `body` (decoded term ids) holds `ids` in a row, whose words occur `counts` times each in it: the
 * occurrences of the rarest word are found with the native `indexOf`, and only those are checked.
 *
 * @example
 * containsRun(new Uint32Array([3, 7, 12]), [7, 12], [1, 1]); // true
 */
export function containsRun(body: Uint32Array, ids: readonly number[], counts: readonly number[]): boolean {
  let anchor = 0;
  for (let j = 1; j < ids.length; j++) if ((counts[j] ?? 0) < (counts[anchor] ?? 0)) anchor = j;
  const anchorId = ids[anchor] ?? 0;
  const last = body.length - ids.length + anchor;
  for (let i = body.indexOf(anchorId, anchor); i !== -1 && i <= last; i = body.indexOf(anchorId, i + 1)) {
    const start = i - anchor;
    let j = 0;
    while (j < ids.length && body[start + j] === ids[j]) j++;
    if (j === ids.length) return true;
  }
  return false;
}
