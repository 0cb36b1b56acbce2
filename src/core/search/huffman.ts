/**
 * The longest code a {@link HuffmanCode} gives: the decoder reads a code bit by bit, and a bound keeps a rare
 * term's code within one 32-bit read. Counts are flattened until the longest code fits.
 *
 * @example
 * const entry = code.entry((window >>> (held - MAX_CODE_BITS)) & 0xffffff); // the next code, from a bit window of `held` bits
 */
export const MAX_CODE_BITS = 24;
/**
 * Codes up to this long are decoded by one table look-up, longer ones by length: the default, enough for every
 * common symbol of a small alphabet (see {@link HuffmanCode.fromCounts} for a wider table).
 */
const LOOKUP_BITS = 11;
/**
 * A look-up entry ({@link HuffmanCode.entry}) holds the symbol above this many bits and the code's length below them.
 *
 * @example
 * const length = entry & ((1 << ENTRY_LENGTH_BITS) - 1);
 */
export const ENTRY_LENGTH_BITS = 5;
const LENGTH_BITS = ENTRY_LENGTH_BITS;
const LENGTH_MASK = (1 << LENGTH_BITS) - 1;

/**
 * Writes bits, most significant first, into a growing byte array.
 *
 * @example
 * const bits = new BitWriter();
 * bits.write(0b101, 3);
 * bits.finish(); // Uint8Array [0b10100000]
 */
export class BitWriter {
  private bytes = new Uint8Array(256);
  private at = 0;
  private pending = 0;
  private pendingBits = 0;

  /** Appends the low `count` bits of `value` (count ≤ 24). */
  write(value: number, count: number): void {
    this.pending = (this.pending << count) | (value & ((1 << count) - 1));
    this.pendingBits += count;
    while (this.pendingBits >= 8) {
      this.pendingBits -= 8;
      this.push((this.pending >>> this.pendingBits) & 0xff);
    }
    this.pending &= (1 << this.pendingBits) - 1;
  }

  /** The bytes written, the last one padded with zero bits. */
  finish(): Uint8Array {
    if (this.pendingBits > 0) this.push((this.pending << (8 - this.pendingBits)) & 0xff);
    this.pendingBits = 0;
    this.pending = 0;
    return this.bytes.subarray(0, this.at);
  }

  private push(byte: number): void {
    if (this.at === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.at++] = byte;
  }
}

/**
 * Reads what a {@link BitWriter} wrote, through a window of up to 31 bits refilled a byte at a time. Reading past
 * the end reads zero bits; {@link overrun} tells.
 *
 * @example
 * const bits = new BitReader(new Uint8Array([0b10100000]), 0);
 * bits.read(3); // 5
 */
export class BitReader {
  private at: number;
  private window = 0;
  private held = 0;

  constructor(
    private readonly bytes: Uint8Array,
    from: number,
  ) {
    this.at = from;
  }

  /**
   * A reader that starts `bitPosition` bits into `bytes` (a {@link bitPosition} read earlier), to resume there.
   *
   * @example
   * const resumed = BitReader.at(bytes, reader.bitPosition);
   */
  static at(bytes: Uint8Array, bitPosition: number): BitReader {
    const reader = new BitReader(bytes, Math.floor(bitPosition / 8));
    reader.read(bitPosition % 8);
    return reader;
  }

  /** How many bits of the bytes were read (from their start). */
  get bitPosition(): number {
    return this.at * 8 - this.held;
  }

  /** Whether more bits were read than the bytes hold (a damaged article). */
  get overrun(): boolean {
    return (this.at - this.bytes.length) * 8 > this.held;
  }

  /** The next `count` bits (count ≤ 24), without consuming them. */
  peek(count: number): number {
    while (this.held <= 23) {
      this.window = ((this.window << 8) | (this.bytes[this.at++] ?? 0)) >>> 0;
      this.held += 8;
    }
    return (this.window >>> (this.held - count)) & ((1 << count) - 1);
  }

  skip(count: number): void {
    this.held -= count;
    this.window &= (1 << this.held) - 1;
  }

  /** The next `count` bits as an unsigned number (count ≤ 24). */
  read(count: number): number {
    const value = this.peek(count);
    this.skip(count);
    return value;
  }
}

/** Code lengths of a Huffman code for `counts` (0 for a symbol never counted, unless it is the only one). */
function codeLengths(counts: ArrayLike<number>): Uint8Array {
  const size = counts.length;
  const lengths = new Uint8Array(size);
  const symbols: number[] = [];
  for (let s = 0; s < size; s++) if ((counts[s] ?? 0) > 0) symbols.push(s);
  if (symbols.length === 1) lengths[symbols[0] ?? 0] = 1;
  if (symbols.length <= 1) return lengths;
  // Two queues (leaves sorted by count, then merged nodes in the order made) build the tree in linear time.
  symbols.sort((a, b) => (counts[a] ?? 0) - (counts[b] ?? 0) || a - b);
  const weight: number[] = symbols.map((s) => counts[s] ?? 0);
  const parent: number[] = new Array<number>(symbols.length * 2 - 1).fill(-1);
  let leaf = 0;
  let merged = symbols.length;
  let next = symbols.length;
  const take = (): number => (leaf < symbols.length && (merged >= next || (weight[leaf] ?? 0) <= (weight[merged] ?? 0)) ? leaf++ : merged++);
  while (next < symbols.length * 2 - 1) {
    const a = take();
    const b = take();
    weight[next] = (weight[a] ?? 0) + (weight[b] ?? 0);
    parent[a] = next;
    parent[b] = next;
    next++;
  }
  const depth = new Uint8Array(next);
  for (let node = next - 2; node >= 0; node--) depth[node] = (depth[parent[node] ?? 0] ?? 0) + 1;
  symbols.forEach((s, i) => (lengths[s] = depth[i] ?? 0));
  return lengths;
}

/**
 * A {@link HuffmanCode}'s tables, plain typed arrays: what a thread that read a code from a file hands another
 * ({@link HuffmanCode.tables}), which wraps them ({@link HuffmanCode.fromTables}) without building them again.
 *
 * @example
 * const tables: HuffmanTables = HuffmanCode.fromCounts([5, 1, 1]).tables();
 * HuffmanCode.fromTables(structuredClone(tables)).size; // 3
 */
export interface HuffmanTables {
  readonly lengths: Uint8Array;
  readonly lookupBits: number;
  readonly codes: Uint32Array;
  /** Per length: the first canonical code, the number of codes, and where its symbols start in `sorted`. */
  readonly firstCode: Int32Array;
  readonly lengthCount: Int32Array;
  readonly firstIndex: Int32Array;
  readonly sorted: Uint32Array;
  /** By the next `lookupBits` bits: symbol << {@link LENGTH_BITS} | length, or 0 for a longer code. */
  readonly lookup: Uint32Array;
  /**
   * The same for the next {@link LOOKUP_BITS} bits, read first when `lookup` is wider: the commonest codes are
   * short, and this table (8 KB) stays in the CPU's cache where the 16-bit one (256 KB) is read at random.
   */
  readonly shortLookup: Uint32Array;
}

/** The tables of the canonical code with these code `lengths`, decoding codes up to `lookupBits` long by one look-up. */
function buildTables(lengths: Uint8Array, lookupBits: number): HuffmanTables {
  // The short table is read first with LOOKUP_BITS bits: a narrower lookup would be indexed with the wrong width.
  if (!Number.isInteger(lookupBits) || lookupBits < LOOKUP_BITS || lookupBits > MAX_CODE_BITS) {
    throw new Error(`News Corpus: a Huffman code's lookup width must be ${LOOKUP_BITS} to ${MAX_CODE_BITS} bits, not ${lookupBits}.`);
  }
  const firstCode = new Int32Array(MAX_CODE_BITS + 2);
  const lengthCount = new Int32Array(MAX_CODE_BITS + 2);
  const firstIndex = new Int32Array(MAX_CODE_BITS + 2);
  const lookup = new Uint32Array(1 << lookupBits);
  const shortLookup = lookupBits > LOOKUP_BITS ? new Uint32Array(1 << LOOKUP_BITS) : lookup;
  const codes = new Uint32Array(lengths.length);
  let total = 0;
  for (const length of lengths) if (length > 0) lengthCount[length] = (lengthCount[length] ?? 0) + 1;
  let code = 0;
  for (let length = 1; length <= MAX_CODE_BITS; length++) {
    code = (code + (lengthCount[length - 1] ?? 0)) << 1;
    firstCode[length] = code;
    firstIndex[length] = total;
    total += lengthCount[length] ?? 0;
  }
  const sorted = new Uint32Array(total);
  const nextCode = Int32Array.from(firstCode);
  const nextIndex = Int32Array.from(firstIndex);
  for (let s = 0; s < lengths.length; s++) {
    const length = lengths[s] ?? 0;
    if (length === 0) continue;
    codes[s] = nextCode[length] ?? 0;
    nextCode[length] = (nextCode[length] ?? 0) + 1;
    sorted[nextIndex[length] ?? 0] = s;
    nextIndex[length] = (nextIndex[length] ?? 0) + 1;
    if (length <= lookupBits) {
      const first = (codes[s] ?? 0) << (lookupBits - length);
      lookup.fill(((s << LENGTH_BITS) | length) >>> 0, first, first + (1 << (lookupBits - length)));
    }
    if (length <= LOOKUP_BITS && shortLookup !== lookup) {
      const first = (codes[s] ?? 0) << (LOOKUP_BITS - length);
      shortLookup.fill(((s << LENGTH_BITS) | length) >>> 0, first, first + (1 << (LOOKUP_BITS - length)));
    }
  }
  return { lengths, lookupBits, codes, firstCode, lengthCount, firstIndex, sorted, lookup, shortLookup };
}

/**
 * A canonical Huffman code over the symbols `0..size-1`, made from their counts or rebuilt from the code
 * lengths it saved. Codes are at most {@link MAX_CODE_BITS} long. Symbols never counted have no code.
 *
 * @example
 * const code = HuffmanCode.fromCounts([5, 1, 1]);
 * const bits = new BitWriter();
 * code.write(bits, 0);
 * code.read(new BitReader(bits.finish(), 0)); // 0
 */
export class HuffmanCode {
  readonly lengths: Uint8Array;
  private readonly lookupBits: number;
  private readonly codes: Uint32Array;
  private readonly firstCode: Int32Array;
  private readonly lengthCount: Int32Array;
  private readonly firstIndex: Int32Array;
  private readonly sorted: Uint32Array;
  private readonly lookup: Uint32Array;
  private readonly shortLookup: Uint32Array;

  // Each table a field of its own: the decoding loops read them for every code.
  private constructor(private readonly made: HuffmanTables) {
    this.lengths = made.lengths;
    this.lookupBits = made.lookupBits;
    this.codes = made.codes;
    this.firstCode = made.firstCode;
    this.lengthCount = made.lengthCount;
    this.firstIndex = made.firstIndex;
    this.sorted = made.sorted;
    this.lookup = made.lookup;
    this.shortLookup = made.shortLookup;
  }

  /**
   * The code for symbols counted `counts[symbol]` times, decoding codes up to `lookupBits` long by one look-up
   * in a table of 2^lookupBits entries (16 for term ids: a 256 KB table, against a loop over lengths for the
   * third of the ids whose codes are longer than 11 bits); `lookupBits` is 11 to {@link MAX_CODE_BITS}, or it throws.
   */
  static fromCounts(counts: ArrayLike<number>, lookupBits = LOOKUP_BITS): HuffmanCode {
    const flattened = Float64Array.from(counts);
    for (;;) {
      const lengths = codeLengths(flattened);
      if (lengths.every((length) => length <= MAX_CODE_BITS)) return new HuffmanCode(buildTables(lengths, lookupBits));
      // Too deep: halving every count (keeping each above zero) evens them out until the code fits.
      for (let s = 0; s < flattened.length; s++) if ((flattened[s] ?? 0) > 0) flattened[s] = Math.ceil((flattened[s] ?? 0) / 2);
    }
  }

  /** The code saved as its {@link lengths} (`lookupBits` as for {@link fromCounts}); throws a "News Corpus:" error for lengths no code has. */
  static fromLengths(lengths: Uint8Array, lookupBits = LOOKUP_BITS): HuffmanCode {
    // The room each code takes, in units of the longest code's (integers: this loop runs over every term id).
    let room = 0;
    for (let s = 0; s < lengths.length; s++) {
      const length = lengths[s] ?? 0;
      if (length > MAX_CODE_BITS) throw new Error('News Corpus: a code in the index file is too long.');
      if (length > 0) room += 1 << (MAX_CODE_BITS - length);
    }
    if (room > 1 << MAX_CODE_BITS) throw new Error('News Corpus: the codes in the index file overlap.');
    return new HuffmanCode(buildTables(lengths, lookupBits));
  }

  /**
   * The code whose tables another thread made ({@link tables}, of a code made there by {@link fromLengths}): wrapped,
   * not built again (the term ids' 2^16-entry table was a reopen's longest step on the extension host).
   */
  static fromTables(tables: HuffmanTables): HuffmanCode {
    const { lookupBits, lookup, shortLookup, codes, lengths } = tables;
    if (lookup.length !== 1 << lookupBits || shortLookup.length !== 1 << LOOKUP_BITS || codes.length !== lengths.length) {
      throw new Error('News Corpus: the tables of a Huffman code do not fit together.');
    }
    return new HuffmanCode(tables);
  }

  /** The code's tables, to be handed to another thread (see {@link fromTables}). */
  tables(): HuffmanTables {
    return this.made;
  }

  /** Number of symbols. */
  get size(): number {
    return this.lengths.length;
  }

  /** Whether `symbol` has a code. */
  has(symbol: number): boolean {
    return (this.lengths[symbol] ?? 0) > 0;
  }

  write(bits: BitWriter, symbol: number): void {
    bits.write(this.codes[symbol] ?? 0, this.lengths[symbol] ?? 0);
  }

  /** The next symbol; throws a "News Corpus:" error for bits that are no code. */
  read(bits: BitReader): number {
    const entry = this.entry(bits.peek(MAX_CODE_BITS));
    bits.skip(entry & LENGTH_MASK);
    return entry >>> LENGTH_BITS;
  }

  /**
   * The code at the start of the next {@link MAX_CODE_BITS} bits `window` (most significant first), as
   * `symbol << 5 | length`: for decoding loops that keep their own bit window (see `WordCodec`). Throws a
   * "News Corpus:" error for bits that are no code.
   *
   * @example
   * const entry = code.entry(window24);
   * const symbol = entry >>> 5; // and the code took entry & 31 bits
   */
  entry(window: number): number {
    const short = this.shortLookup[window >>> (MAX_CODE_BITS - LOOKUP_BITS)] ?? 0;
    if (short !== 0) return short;
    const entry = this.lookup[window >>> (MAX_CODE_BITS - this.lookupBits)] ?? 0;
    return entry !== 0 ? entry : this.longEntry(window);
  }

  private longEntry(window: number): number {
    for (let length = this.lookupBits + 1; length <= MAX_CODE_BITS; length++) {
      const offset = (window >>> (MAX_CODE_BITS - length)) - (this.firstCode[length] ?? 0);
      if (offset >= 0 && offset < (this.lengthCount[length] ?? 0)) return (((this.sorted[(this.firstIndex[length] ?? 0) + offset] ?? 0) << LENGTH_BITS) | length) >>> 0;
    }
    throw new Error('News Corpus: an article in the index file holds a code that is none.');
  }
}
