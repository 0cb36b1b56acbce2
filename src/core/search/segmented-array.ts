/** The typed arrays a {@link SegmentedArray} can hold. */
type SegmentType = Uint8Array | Uint32Array;

interface SegmentConstructor<T extends SegmentType> {
  new (length: number): T;
}

/**
 * Positions are `segment × SEGMENT_STRIDE + offset`: a stride of 2^32 keeps any run (even one longer
 * than a segment) addressable, and positions stay exact in a double up to 2^21 segments.
 */
const SEGMENT_STRIDE = 2 ** 32;

/**
 * Frees a typed array's memory at once, when it alone holds its buffer: an array let go is otherwise freed when the
 * collector next sweeps the old generation, and during a save of 100,000 articles that came after the save had
 * allocated its own sections on top (the 32-bit word ids let go, ~320 MB, were still held at the save's peak of
 * memory). Transferring the buffer detaches it, its views all becoming empty: its memory moves to a new buffer that
 * nothing holds, freed at the next minor collection, within milliseconds.
 */
function freeNow(values: SegmentType): void {
  const buffer = values.buffer;
  if (buffer instanceof ArrayBuffer) structuredClone(buffer, { transfer: [buffer] });
}

/**
 * An append-only store of runs (one article's text or tokens), kept in fixed-size segments instead of
 * one array that doubles: growing a 100 MB array copies it in one go, which blocked the extension host
 * for ~100 ms during a 100,000-article build. A run never straddles two segments, so it is always read
 * back as one zero-copy view; a run longer than a segment gets a segment of its own.
 *
 * @example
 * const text = new SegmentedArray(Uint8Array, 1 << 22, 1 << 14); // segments of 16 KB, 32 KB, … then 4 MB
 * const at = text.append(new TextEncoder().encode('Kim met Putin'), 0, 13);
 * new TextDecoder().decode(text.view(at, 13)); // 'Kim met Putin'
 */
export class SegmentedArray<T extends SegmentType> {
  private readonly segments: T[] = [];
  /** Entries used in each segment (the last one is still being filled). */
  private readonly used: number[] = [];
  /** Whether each segment was made here, its buffer its own (an adopted one may be a view of a file's whole buffer). */
  private readonly owned: boolean[] = [];
  /** The length of the next segment made here (unless a run needs more). */
  private nextLength: number;

  /**
   * Segments made here hold `segmentLength` entries, the first ones fewer when `firstLength` is given: from
   * `firstLength`, each twice the one before, up to `segmentLength` (a tiny corpus then never takes a full segment).
   */
  constructor(
    private readonly type: SegmentConstructor<T>,
    private readonly segmentLength: number,
    firstLength = segmentLength,
  ) {
    this.nextLength = Math.min(firstLength, segmentLength);
  }

  /** Entries stored, over all segments. */
  get length(): number {
    return this.used.reduce((sum, used) => sum + used, 0);
  }

  /** Segments made or adopted so far (released ones included): the index the next new segment gets. */
  get segmentCount(): number {
    return this.segments.length;
  }

  /** The index of the segment that holds the run at `position`. */
  segmentOf(position: number): number {
    return Math.floor(position / SEGMENT_STRIDE);
  }

  /**
   * Appends `values[from..to)` as one run; returns its position for {@link view}. With `fromSegment`, the run goes
   * to that segment or a later one, never into the room left in an earlier one: runs appended so from the
   * {@link segmentCount} of a moment on are then back to back in {@link runsFrom}.
   */
  append(values: T, from: number, to: number, fromSegment = 0): number {
    const position = this.reserve(to - from, fromSegment);
    this.view(position, to - from).set(values.subarray(from, to) as ArrayLike<number>);
    return position;
  }

  /**
   * The entries of the segments from `segment` on, each segment's as one view (without copying): the runs
   * appended there, back to back, in the order they were appended.
   */
  runsFrom(segment: number): T[] {
    return this.segments.slice(segment).map((values, at) => values.subarray(0, this.used[segment + at] ?? 0) as T);
  }

  /**
   * Lets a segment go: the caller has moved every run it held elsewhere, reads none of their positions again and
   * keeps no view of them. Later runs go to new segments. A segment made here is freed at once (see
   * {@link freeNow}); an adopted one once nothing else holds its buffer.
   */
  release(segment: number): void {
    const values = this.segments[segment];
    if (values === undefined) return;
    this.segments[segment] = new this.type(0);
    this.used[segment] = 0;
    if (this.owned[segment] === true) freeNow(values);
    this.owned[segment] = false;
  }

  /** Lets every segment go, as {@link release} does one. */
  releaseAll(): void {
    for (let segment = 0; segment < this.segments.length; segment++) this.release(segment);
  }

  /**
   * Takes `values` over as a full segment of its own, without copying (loading: the text section of the
   * file the index was read from); returns the position of its first entry. Later runs go to new segments.
   * While it is a view into a larger buffer, it keeps all of that buffer alive.
   */
  adopt(values: T): number {
    this.segments.push(values);
    this.used.push(values.length);
    this.owned.push(false);
    return (this.segments.length - 1) * SEGMENT_STRIDE;
  }

  /**
   * Adds a run of `count` entries (zeros) for the caller to fill through {@link view}; returns its position.
   * Loading writes decoded values straight into the segment this way, without a scratch copy per article.
   * `fromSegment` as for {@link append}.
   */
  reserve(count: number, fromSegment = 0): number {
    let last = this.segments.length - 1;
    const lastSegment = this.segments[last];
    if (lastSegment === undefined || last < fromSegment || (this.used[last] ?? 0) + count > lastSegment.length) {
      this.segments.push(new this.type(Math.max(count, this.nextLength)));
      this.nextLength = Math.min(2 * this.nextLength, this.segmentLength);
      this.used.push(0);
      this.owned.push(true);
      last++;
    }
    const offset = this.used[last] ?? 0;
    this.used[last] = offset + count;
    return last * SEGMENT_STRIDE + offset;
  }

  /** The run of `count` entries at `position`, without copying. */
  view(position: number, count: number): T {
    const segment = this.segments[Math.floor(position / SEGMENT_STRIDE)];
    const offset = position % SEGMENT_STRIDE;
    return (segment ? segment.subarray(offset, offset + count) : new this.type(0)) as T;
  }
}
