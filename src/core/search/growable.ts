/** The typed arrays the index stores its columns in. */
export type NumberArray = Uint8Array | Uint32Array | Int32Array | Float64Array;

interface NumberArrayConstructor<T extends NumberArray> {
  new (length: number): T;
}

const MIN_CAPACITY = 16;

/**
 * An append-only typed array that doubles its capacity as it fills: the index's columns live
 * off the JavaScript heap and are saved and loaded as raw bytes.
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

  constructor(
    private readonly type: NumberArrayConstructor<T>,
    initial?: T,
  ) {
    this.array = initial ?? new type(MIN_CAPACITY);
    this.length = initial?.length ?? 0;
  }

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(this.length + 1);
    this.array[this.length++] = value;
  }

  /** Appends `values` (all of them, or `from`..`to`). */
  append(values: ArrayLike<number> & { subarray?: unknown }, from = 0, to = values.length): void {
    const count = to - from;
    this.reserve(this.length + count);
    if (values instanceof this.type) {
      this.array.set((values as T).subarray(from, to) as ArrayLike<number>, this.length);
      this.length += count;
    } else {
      for (let i = from; i < to; i++) this.array[this.length++] = values[i] ?? 0;
    }
  }

  /** Makes room for `capacity` entries without changing `length`. */
  reserve(capacity: number): void {
    if (capacity <= this.array.length) return;
    const grown = new this.type(Math.max(capacity, this.array.length * 2, MIN_CAPACITY));
    grown.set(this.array as ArrayLike<number>);
    this.array = grown;
  }

  /** The meaningful part, without copying. */
  view(): T {
    return this.array.subarray(0, this.length) as T;
  }
}
