/**
 * The most bytes an output chunk of a {@link ByteWriter} is made with: small enough that allocating one never
 * stalls the thread.
 *
 * @example
 * const block = new Uint8Array(WRITER_CHUNK_BYTES + 1);
 * writer.bytes(block);
 * writer.finish().includes(block); // true: a block larger than a chunk is kept, not copied
 */
export const WRITER_CHUNK_BYTES = 1 << 20;
/**
 * Bytes of a {@link ByteWriter}'s first chunk; each next one is twice the last, up to {@link WRITER_CHUNK_BYTES}.
 * Most writers write little (a section's header, a small index in a test): a 1 MB first chunk each was zeroed for
 * nothing.
 */
const FIRST_CHUNK_BYTES = 4096;
/**
 * A 32-bit value takes at most this many varint bytes.
 *
 * @example
 * const room = new Uint8Array(ids.length * MAX_VARINT_BYTES); // enough for writeVarints(ids, 0, ids.length, room)
 */
export const MAX_VARINT_BYTES = 5;
const LOW_SEVEN_BITS = 0x7f;
const CONTINUE_BIT = 0x80;
/** The fifth (last) byte of a 32-bit varint holds its top 4 bits. */
const LAST_BYTE_MAX = 0x0f;

/**
 * Writes `value` (an integer in 0..2^32-1) as an unsigned LEB128 varint into `out` at `at` (which must have
 * {@link MAX_VARINT_BYTES} of room); returns where the next one goes.
 *
 * @example
 * const out = new Uint8Array(MAX_VARINT_BYTES);
 * putVarint(out, 0, 300); // 2: out starts [0xac, 0x02]
 */
export function putVarint(out: Uint8Array, at: number, value: number): number {
  let rest = value >>> 0;
  let next = at;
  while (rest > LOW_SEVEN_BITS) {
    out[next++] = (rest & LOW_SEVEN_BITS) | CONTINUE_BIT;
    rest >>>= 7;
  }
  out[next++] = rest;
  return next;
}

/**
 * Writes `values[from..to)` as varints into `out` from 0 (which must have {@link MAX_VARINT_BYTES} of room per
 * value); returns the bytes written. The same bytes as {@link ByteWriter.varint} of each: an article's word ids
 * coded so in memory are those the index file's forward section holds.
 *
 * @example
 * const out = new Uint8Array(2 * MAX_VARINT_BYTES);
 * writeVarints(new Uint32Array([5, 300]), 0, 2, out); // 3: out starts [0x05, 0xac, 0x02]
 */
export function writeVarints(values: Uint32Array, from: number, to: number, out: Uint8Array): number {
  let at = 0;
  for (let i = from; i < to; i++) at = putVarint(out, at, values[i] ?? 0);
  return at;
}

/**
 * `parts` joined into one array of their own (a {@link ByteWriter}'s chunks, or a header and its body).
 *
 * @example
 * joinBytes([Uint8Array.of(1, 2), Uint8Array.of(3)]); // Uint8Array [1, 2, 3]
 */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/**
 * Writes unsigned LEB128 varints and raw bytes into a list of chunks instead of one growing buffer:
 * the index file is ~150 MB at 100,000 articles, and growing one buffer that size means copying it.
 * Token ids and posting gaps are mostly small, so a varint takes 1–2 bytes instead of 4.
 *
 * With `out`, each chunk goes there as soon as it is full (or kept), not to {@link finish}'s list: an index file
 * is then written as it is made, never held whole.
 *
 * @example
 * const writer = new ByteWriter();
 * writer.varint(300);
 * writer.finish(); // [Uint8Array [0xac, 0x02]]
 */
export class ByteWriter {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes the current chunk was made with, unless a block needed more (see {@link FIRST_CHUNK_BYTES}). */
  private chunkBytes = FIRST_CHUNK_BYTES;
  private current = new Uint8Array(FIRST_CHUNK_BYTES);
  private at = 0;
  private flushed = 0;

  constructor(private readonly out?: (chunk: Uint8Array) => void) {}

  /** Bytes written so far. */
  get length(): number {
    return this.flushed + this.at;
  }

  /** Appends `value` (an integer in 0..2^32-1) as a varint. */
  varint(value: number): void {
    if (this.at + MAX_VARINT_BYTES > this.current.length) this.flush(0);
    this.at = putVarint(this.current, this.at, value);
  }

  /**
   * Appends `bytes` as they are: copied, unless larger than a chunk (then kept as a view, not to change until the
   * chunks are written). A small block is copied even at the end of a chunk: the caller may let its buffer go.
   */
  bytes(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (bytes.length > WRITER_CHUNK_BYTES) {
      this.flush(0);
      this.add(bytes);
      return;
    }
    if (bytes.length > this.current.length - this.at) this.flush(bytes.length);
    this.current.set(bytes, this.at);
    this.at += bytes.length;
  }

  /**
   * Appends `bytes` as a chunk of their own, never copied, whatever their size (they must not change until the
   * chunks are written): a section made elsewhere, such as the coded texts the store keeps, is not held twice.
   * What is written after goes on in the room left in the current chunk.
   */
  keep(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.passOn();
    this.add(bytes);
  }

  /** The chunks written, in order (none with `out`: it had them); the writer is not to be used afterwards. */
  finish(): Uint8Array[] {
    this.passOn();
    return this.chunks;
  }

  /** Passes on what the current chunk holds and starts the next: twice as large as the last, and at least `needed` bytes. */
  private flush(needed: number): void {
    this.passOn();
    this.chunkBytes = Math.min(2 * this.chunkBytes, WRITER_CHUNK_BYTES);
    this.current = new Uint8Array(Math.max(needed, this.chunkBytes));
  }

  /** Passes on what the current chunk holds; what is written next goes on in the room left. */
  private passOn(): void {
    if (this.at === 0) return;
    this.add(this.current.subarray(0, this.at));
    this.current = this.current.subarray(this.at);
    this.at = 0;
  }

  private add(chunk: Uint8Array): void {
    if (this.out) this.out(chunk);
    else this.chunks.push(chunk);
    this.flushed += chunk.length;
  }
}

/**
 * Reads what a {@link ByteWriter} wrote. Reading past the end throws a "News Corpus:" error
 * (a damaged file), which the index decoder turns into a rebuild.
 *
 * @example
 * const reader = new ByteReader(new Uint8Array([0xac, 0x02]));
 * reader.varint(); // 300
 */
export class ByteReader {
  /** Made on the first single read: a reader per article is made for its varints alone. */
  private single: Uint32Array | undefined;

  constructor(
    private readonly data: Uint8Array,
    private at = 0,
  ) {}

  /** Where the next read starts. */
  get position(): number {
    return this.at;
  }

  varint(): number {
    this.single ??= new Uint32Array(1);
    this.varints(this.single, 0, 1);
    return this.single[0] ?? 0;
  }

  /** Passes over `count` varints without decoding them (each ends with the first byte below 128). */
  skipVarints(count: number): void {
    const data = this.data;
    let at = this.at;
    for (let left = count; left > 0; at++) if (((data[at] ?? 0) & CONTINUE_BIT) === 0) left--;
    if (at > data.length) throw new Error('News Corpus: a number runs past the end of its section.');
    this.at = at;
  }

  /**
   * Reads `count` varints into `out[from..from + count)`: one tight loop, as decoding ~40 million of them
   * is most of loading a 100,000-article index.
   */
  varints(out: Uint32Array | Uint16Array, from: number, count: number): void {
    const data = this.data;
    let at = this.at;
    // Unrolled: most values take one or two bytes. Reading past the end gives `undefined`, which ends
    // the value (and is caught below) rather than being checked on every byte.
    for (let i = from; i < from + count; i++) {
      let byte = data[at++] as number;
      let value = byte & LOW_SEVEN_BITS;
      if (byte & CONTINUE_BIT) {
        byte = data[at++] as number;
        value |= (byte & LOW_SEVEN_BITS) << 7;
        if (byte & CONTINUE_BIT) {
          byte = data[at++] as number;
          value |= (byte & LOW_SEVEN_BITS) << 14;
          if (byte & CONTINUE_BIT) {
            byte = data[at++] as number;
            value |= (byte & LOW_SEVEN_BITS) << 21;
            if (byte & CONTINUE_BIT) {
              byte = data[at++] as number;
              if (byte > LAST_BYTE_MAX) throw new Error('News Corpus: a number in the index file is too long.');
              value = (value | (byte << 28)) >>> 0;
            }
          }
        }
      }
      out[i] = value;
    }
    if (at > data.length) throw new Error('News Corpus: a number runs past the end of its section.');
    this.at = at;
  }

  /** The next `count` bytes, without copying. */
  bytes(count: number): Uint8Array {
    if (this.at + count > this.data.length) throw new Error('News Corpus: a section runs past the end of the file.');
    const view = this.data.subarray(this.at, this.at + count);
    this.at += count;
    return view;
  }
}
