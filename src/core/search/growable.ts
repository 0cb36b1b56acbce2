/** The typed arrays the index stores its columns in. */
type NumberArray = Uint8Array | Uint32Array | Int32Array | Float64Array;

interface NumberArrayConstructor<T extends NumberArray> {
  new (length: number): T;
}

const MIN_CAPACITY = 16;

/**
 * An append-only typed array that doubles its capacity as it fills: the index's per-document columns
 * live off the JavaScript heap. Only for small columns (a few bytes an article): large stores use
 * `SegmentedArray`, as copying a 100 MB array on growth blocks the thread.
 *
 * @example
 * const days = new Growable(Int32Array);
 * days.push(20230913);
 * days.view(); // Int32Array [20230913]
 */
export class Growable<T extends NumberArray> {
  /** The backing store; only the first `length` entries are meaningful. */
  array: T;
  length = 0;

  constructor(private readonly type: NumberArrayConstructor<T>) {
    this.array = new type(MIN_CAPACITY);
  }

  /**
   * Makes the column hold exactly `values` (taken over, not copied): loading builds whole columns at once
   * instead of pushing 100,000 values one by one.
   *
   * @example
   * const days = new Growable(Int32Array);
   * days.adopt(new Int32Array([20230913, 20230914]));
   * days.length; // 2
   */
  adopt(values: NumberArray): void {
    // Typed arrays read from a file are typed over `ArrayBufferLike`; what matters is the element type.
    if (values.constructor !== this.array.constructor) throw new Error('News Corpus: a column was given values of another type.');
    this.array = values as T;
    this.length = values.length;
  }

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(this.length + 1);
    this.array[this.length++] = value;
  }

  /** Appends all of `values`. */
  pushAll(values: ArrayLike<number>): void {
    this.reserve(this.length + values.length);
    this.array.set(values, this.length);
    this.length += values.length;
  }

  /** Empties the column, keeping its capacity for what comes next. */
  clear(): void {
    this.length = 0;
  }

  /**
   * Makes room for `capacity` entries without changing `length`: a caller that writes into {@link array} past
   * `length` itself (varints, whose size is known only once written) then sets `length`.
   *
   * @example
   * bytes.reserve(bytes.length + MAX_VARINT_BYTES);
   * bytes.length = putVarint(bytes.array, bytes.length, 300);
   */
  reserve(capacity: number): void {
    if (capacity <= this.array.length) return;
    const grown = new this.type(Math.max(capacity, this.array.length * 2, MIN_CAPACITY));
    grown.set(this.array as ArrayLike<number>);
    this.array = grown;
  }

  /**
   * Lets the capacity beyond `length` go: the meaningful part is copied into an array of its own size. For a column
   * complete for now (an index being saved), which doubling left with up to as much again spare; a later push grows
   * it again.
   *
   * @example
   * bytes.fit();
   * bytes.array.length === bytes.length; // true
   */
  fit(): void {
    if (this.array.length > this.length) this.array = this.array.slice(0, this.length) as T;
  }

  /** The meaningful part, without copying. */
  view(): T {
    return this.array.subarray(0, this.length) as T;
  }
}
