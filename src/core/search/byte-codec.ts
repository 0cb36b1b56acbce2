/** Bytes per output chunk of a {@link ByteWriter}: small enough that allocating one never stalls the thread. */
export const WRITER_CHUNK_BYTES = 1 << 20;
/** A 32-bit value takes at most this many varint bytes. */
const MAX_VARINT_BYTES = 5;
const LOW_SEVEN_BITS = 0x7f;
const CONTINUE_BIT = 0x80;

/**
 * Writes unsigned LEB128 varints and raw bytes into a list of chunks instead of one growing buffer:
 * the index file is ~150 MB at 100,000 articles, and growing one buffer that size means copying it.
 * Token ids and posting gaps are mostly small, so a varint takes 1–2 bytes instead of 4.
 *
 * @example
 * const writer = new ByteWriter();
 * writer.varint(300);
 * writer.finish(); // [Uint8Array [0xac, 0x02]]
 */
export class ByteWriter {
  private readonly chunks: Uint8Array[] = [];
  private current = new Uint8Array(WRITER_CHUNK_BYTES);
  private at = 0;
  private flushed = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.flushed + this.at;
  }

  /** Appends `value` (an integer in 0..2^32-1) as a varint. */
  varint(value: number): void {
    if (this.at + MAX_VARINT_BYTES > this.current.length) this.flush(WRITER_CHUNK_BYTES);
    let rest = value >>> 0;
    while (rest > LOW_SEVEN_BITS) {
      this.current[this.at++] = (rest & LOW_SEVEN_BITS) | CONTINUE_BIT;
      rest >>>= 7;
    }
    this.current[this.at++] = rest;
  }

  /** Appends `bytes` as they are; a large block is kept as a view rather than copied. */
  bytes(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (bytes.length <= this.current.length - this.at) {
      this.current.set(bytes, this.at);
      this.at += bytes.length;
      return;
    }
    this.flush(WRITER_CHUNK_BYTES);
    this.chunks.push(bytes);
    this.flushed += bytes.length;
  }

  /** The chunks written, in order; the writer is not to be used afterwards. */
  finish(): Uint8Array[] {
    this.flush(0);
    return this.chunks;
  }

  private flush(nextBytes: number): void {
    if (this.at > 0) this.chunks.push(this.current.subarray(0, this.at));
    this.flushed += this.at;
    this.current = new Uint8Array(nextBytes);
    this.at = 0;
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
  constructor(
    private readonly data: Uint8Array,
    private at = 0,
  ) {}

  /** Where the next read starts. */
  get position(): number {
    return this.at;
  }

  varint(): number {
    const data = this.data;
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (this.at >= data.length || shift > 28) throw new Error('News Corpus: a number runs past the end of its section.');
      byte = data[this.at++] ?? 0;
      value += (byte & LOW_SEVEN_BITS) * 2 ** shift;
      shift += 7;
    } while (byte & CONTINUE_BIT);
    return value;
  }

  /** The next `count` bytes, without copying. */
  bytes(count: number): Uint8Array {
    if (this.at + count > this.data.length) throw new Error('News Corpus: a section runs past the end of the file.');
    const view = this.data.subarray(this.at, this.at + count);
    this.at += count;
    return view;
  }
}
