import { ByteReader, ByteWriter } from './byte-codec';
import { BitReader, BitWriter, HuffmanCode } from './huffman';
import { forEachToken } from './tokenize';

/**
 * How a word is spelt in the text, given its term: as the term, capitalised, in capitals, or spelt out as a
 * literal (mixed case, accents, cut terms). Two bits of a word's symbol.
 */
const AS_TERM = 0;
const CAPITALISED = 1;
const CAPITALS = 2;
const LITERAL = 3;
const VARIANTS = 4;
/** Article modes, the first byte of a coded article: its words coded, or its text and ids as they are. */
const RAW = 0;
const WORDS = 1;
/** At most this many separators get a symbol of their own; the others are spelt out (a few in a million). */
const MAX_GAPS = 1024;
/** A separator seen fewer times than this in the sample is spelt out, not given a symbol. */
const MIN_GAP_COUNT = 2;
/** Bits of each half of a term id written after the escape symbol (ids the code does not know). */
const HALF_ID_BITS = 16;
const HALF_ID_MASK = 0xffff;
/** Sample articles read between two chances to pause while the codes are made (~0.1–0.3 ms each). */
const BUILD_STEP_ARTICLES = 50;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The text of an article to be coded, with its body token ids (the forward index's first `bodyIds.length` ids). */
interface CodedArticleInput {
  readonly text: string;
  /** UTF-16 offset of the body's first paragraph: the text before it (the date line) is kept as it is. */
  readonly bodyStart: number;
  readonly bodyIds: ArrayLike<number>;
}

function capitalised(term: string): string {
  return term.charAt(0).toUpperCase() + term.slice(1);
}

function variantOf(surface: string, term: string): number {
  if (surface === term) return AS_TERM;
  // Most other words are ASCII and capitalised: told without building the capitalised term.
  const first = surface.charCodeAt(0);
  if (surface.length === term.length && first >= 65 && first <= 90 && first + 32 === term.charCodeAt(0) && surface.startsWith(term.slice(1), 1)) return CAPITALISED;
  if (surface === capitalised(term)) return CAPITALISED;
  if (surface === term.toUpperCase()) return CAPITALS;
  return LITERAL;
}

/** Calls `onWord(term, start, end)` for every word of the body, as the index tokenised it (from its first paragraph to the end). */
function forEachBodyWord(article: CodedArticleInput, onWord: (term: string, start: number, end: number) => void): void {
  forEachToken(article.text, article.bodyStart, article.text.length, onWord);
}

/** Appends `value` to `out` as a varint (as a `ByteWriter` does, without its 1 MB chunk per article). */
function pushVarint(out: number[], value: number): void {
  let rest = value >>> 0;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
}

/** Writes strings spelt out (the date line, odd separators and spellings) as varint lengths and UTF-8 bytes. */
class LiteralWriter {
  private readonly parts: number[] = [];

  add(text: string): void {
    const bytes = encoder.encode(text);
    pushVarint(this.parts, bytes.length);
    for (const byte of bytes) this.parts.push(byte);
  }

  get bytes(): number[] {
    return this.parts;
  }
}

/**
 * Codes an article's text and its body's term ids together, so that the index stores them once: the words of
 * the body are its term ids (which the forward index needs anyway), each with a symbol for how it is spelt
 * (see {@link AS_TERM}…) and the separator before it (one of a table of frequent separators, or spelt out);
 * term ids and symbols are Huffman-coded with codes made from the corpus's counts. The text before the body (the
 * date line) and anything the codes cannot restore are spelt out. An article whose words do not match its ids
 * (which the index never makes) is kept as it is. Decoding restores the text exactly, byte for byte.
 * On 20,000 real-length articles (Reuters-derived): 10.1 bits a term id, 1.7 bits a symbol, ~27 % of the text
 * for text and body ids together (the text deflated was 42 %, and the ids as varints another 30 %).
 *
 * @example
 * const terms = ['kim', 'met', 'putin'];
 * const articles = [{ text: ' date 2023-09-13 Kim met Putin.', bodyStart: 17, bodyIds: [0, 1, 2] }];
 * const codec = runAtOnce(WordCodec.buildSteps(articles, terms));
 * const bytes = codec.encode(articles[0]);
 * codec.decodeText(bytes); // ' date 2023-09-13 Kim met Putin.'
 * codec.decodeIds(bytes); // Uint32Array [0, 1, 2]
 */
export class WordCodec {
  private readonly gapIndex: ReadonlyMap<string, number>;
  private readonly gapBytes: readonly Uint8Array[];
  private readonly scratch = new TextBuffer();

  private constructor(
    private readonly gaps: readonly string[],
    private readonly ids: HuffmanCode,
    private readonly symbols: HuffmanCode,
    private readonly terms: readonly string[],
  ) {
    this.gapIndex = new Map(gaps.map((gap, index) => [gap, index]));
    this.gapBytes = gaps.map((gap) => encoder.encode(gap));
  }

  /** The separator table of the saved codec, for tests and figures. */
  get separators(): readonly string[] {
    return this.gaps;
  }

  /**
   * Makes the codes: term ids from their counts in `idCounts` (every term of `terms` gets a code; one escape code
   * covers terms added later; without counts, from the samples' ids), separators and spellings from `samples` (a
   * thousand articles spread over the corpus are enough). `terms` is the dictionary's own array, which may grow:
   * the codec reads it when decoding. A generator that pauses every {@link BUILD_STEP_ARTICLES} samples.
   *
   * @example
   * const codec = runAtOnce(WordCodec.buildSteps(samples, dictionary.all(), counts));
   */
  static *buildSteps(samples: Iterable<CodedArticleInput>, terms: readonly string[], idCounts?: ArrayLike<number>): Generator<void, WordCodec> {
    const gapCounts = new Map<string, number>();
    const seen: { gap: string; variant: number }[] = [];
    const counted = new Float64Array(terms.length + 1).fill(1);
    let sampled = 0;
    for (const article of samples) {
      let previous = article.bodyStart;
      let word = 0;
      forEachBodyWord(article, (term, start, end) => {
        const gap = article.text.slice(previous, start);
        gapCounts.set(gap, (gapCounts.get(gap) ?? 0) + 1);
        seen.push({ gap, variant: variantOf(article.text.slice(start, end), term) });
        const id = article.bodyIds[word++] ?? terms.length;
        if (idCounts === undefined) counted[id] = (counted[id] ?? 0) + 1;
        previous = end;
      });
      seen.push({ gap: article.text.slice(previous), variant: AS_TERM });
      if (++sampled % BUILD_STEP_ARTICLES === 0) yield;
    }
    if (idCounts !== undefined) for (let id = 0; id < terms.length; id++) counted[id] = (counted[id] ?? 0) + (idCounts[id] ?? 0);
    const gaps = [...gapCounts]
      .filter(([, count]) => count >= MIN_GAP_COUNT)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_GAPS)
      .map(([gap]) => gap);
    const gapIndex = new Map(gaps.map((gap, index) => [gap, index]));
    const symbolCounts = new Float64Array((gaps.length + 1) * VARIANTS).fill(1);
    for (const { gap, variant } of seen) {
      const symbol = (gapIndex.get(gap) ?? gaps.length) * VARIANTS + variant;
      symbolCounts[symbol] = (symbolCounts[symbol] ?? 0) + 1;
    }
    yield;
    const ids = HuffmanCode.fromCounts(counted);
    yield;
    return new WordCodec(gaps, ids, HuffmanCode.fromCounts(symbolCounts), terms);
  }

  /** Writes the codes (separators, then the code lengths of term ids and of symbols), as {@link read} takes them. */
  write(writer: ByteWriter): void {
    writer.varint(this.gaps.length);
    for (const gap of this.gaps) {
      const bytes = encoder.encode(gap);
      writer.varint(bytes.length);
      writer.bytes(bytes);
    }
    for (const code of [this.ids, this.symbols]) {
      writer.varint(code.size);
      writer.bytes(code.lengths.slice());
    }
  }

  /** The codec {@link write} wrote, decoding with `terms`; throws a "News Corpus:" error if damaged. */
  static read(reader: ByteReader, terms: readonly string[]): WordCodec {
    const gaps: string[] = [];
    const count = reader.varint();
    for (let i = 0; i < count; i++) gaps.push(decoder.decode(reader.bytes(reader.varint())));
    const ids = HuffmanCode.fromLengths(new Uint8Array(reader.bytes(reader.varint())));
    const symbols = HuffmanCode.fromLengths(new Uint8Array(reader.bytes(reader.varint())));
    if (symbols.size !== (gaps.length + 1) * VARIANTS || ids.size === 0) throw new Error('News Corpus: the text codes in the index file do not fit together.');
    return new WordCodec(gaps, ids, symbols, terms);
  }

  /** The article coded (see the class comment). */
  encode(article: CodedArticleInput): Uint8Array {
    return this.encodeWords(article) ?? WordCodec.encodeRaw(article);
  }

  /**
   * The article's text; with `ids`, its body term ids too, into `ids` from index 0 (what reading them apart
   * would decode a second time). Throws a "News Corpus:" error if the bytes are damaged.
   */
  decodeText(bytes: Uint8Array, ids?: Uint32Array): string {
    if (bytes[0] !== WORDS) {
      if (ids !== undefined) this.decodeIds(bytes, ids);
      return decoder.decode(WordCodec.rawParts(bytes).text);
    }
    return decoder.decode(this.decodeWords(bytes, ids));
  }

  /**
   * The text of a coded article as UTF-8, in a scratch buffer the next call reuses. Written byte by byte rather
   * than joined as strings: ~650 words an article, and one native decode of the whole was ~3 times faster.
   */
  private decodeWords(bytes: Uint8Array, ids: Uint32Array | undefined): Uint8Array {
    const { count, literals, bits } = this.open(bytes);
    const out = this.scratch;
    out.reset(bytes.length * 8);
    out.bytes(literals.next());
    for (let word = 0; ; word++) {
      const symbol = this.symbols.read(bits);
      const gapIndex = (symbol / VARIANTS) | 0;
      out.bytes(gapIndex < this.gapBytes.length ? (this.gapBytes[gapIndex] ?? EMPTY) : literals.next());
      if (word === count) break;
      const id = this.readId(bits);
      if (ids !== undefined) ids[word] = id;
      const term = this.terms[id] ?? '';
      const variant = symbol % VARIANTS;
      if (variant === LITERAL) out.bytes(literals.next());
      else out.word(term, variant);
    }
    if (bits.overrun || !literals.done) throw new Error('News Corpus: an article in the index file is damaged.');
    return out.view();
  }

  /** The article's body term ids, into `out` from `from` (a new array when none is given). */
  decodeIds(bytes: Uint8Array, out?: Uint32Array, from = 0): Uint32Array {
    if (bytes[0] !== WORDS) {
      const { count, reader } = WordCodec.rawParts(bytes);
      const target = out ?? new Uint32Array(count);
      reader.varints(target, from, count);
      return target;
    }
    const { count, bits } = this.open(bytes);
    const target = out ?? new Uint32Array(count);
    for (let word = 0; word < count; word++) {
      this.symbols.read(bits);
      target[from + word] = this.readId(bits);
    }
    if (bits.overrun) throw new Error('News Corpus: an article in the index file is damaged.');
    return target;
  }

  /** The number of body words of a coded article. */
  static wordCount(bytes: Uint8Array): number {
    return new ByteReader(bytes, 1).varint();
  }

  private encodeWords(article: CodedArticleInput): Uint8Array | undefined {
    const { text, bodyIds } = article;
    const literals = new LiteralWriter();
    const bits = new BitWriter();
    literals.add(text.slice(0, article.bodyStart));
    let previous = article.bodyStart;
    let word = 0;
    let matches = true;
    const writeGap = (gap: string, variant: number): void => {
      const index = this.gapIndex.get(gap);
      this.symbols.write(bits, (index ?? this.gaps.length) * VARIANTS + variant);
      if (index === undefined) literals.add(gap);
    };
    forEachBodyWord(article, (term, start, end) => {
      const id = bodyIds[word++];
      if (id === undefined || this.terms[id] !== term) {
        matches = false;
        return;
      }
      const surface = text.slice(start, end);
      const variant = variantOf(surface, term);
      writeGap(text.slice(previous, start), variant);
      this.writeId(bits, id);
      if (variant === LITERAL) literals.add(surface);
      previous = end;
    });
    if (!matches || word !== bodyIds.length) return undefined;
    writeGap(text.slice(previous), AS_TERM);
    const header = [WORDS];
    pushVarint(header, word);
    pushVarint(header, literals.bytes.length);
    return concat([Uint8Array.from(header), Uint8Array.from(literals.bytes), bits.finish()]);
  }

  private static encodeRaw(article: CodedArticleInput): Uint8Array {
    const bytes = encoder.encode(article.text);
    const header = [RAW];
    pushVarint(header, article.bodyIds.length);
    pushVarint(header, bytes.length);
    const ids: number[] = [];
    for (let i = 0; i < article.bodyIds.length; i++) pushVarint(ids, article.bodyIds[i] ?? 0);
    return concat([Uint8Array.from(header), bytes, Uint8Array.from(ids)]);
  }

  private static rawParts(bytes: Uint8Array): { count: number; text: Uint8Array; reader: ByteReader } {
    const reader = new ByteReader(bytes, 1);
    const count = reader.varint();
    const text = reader.bytes(reader.varint());
    return { count, text, reader };
  }

  private open(bytes: Uint8Array): { count: number; literals: LiteralReader; bits: BitReader } {
    const reader = new ByteReader(bytes, 1);
    const count = reader.varint();
    const literalBytes = reader.varint();
    const literals = new LiteralReader(reader.bytes(literalBytes));
    return { count, literals, bits: new BitReader(bytes, reader.position) };
  }

  private writeId(bits: BitWriter, id: number): void {
    if (id < this.ids.size - 1 && this.ids.has(id)) {
      this.ids.write(bits, id);
      return;
    }
    this.ids.write(bits, this.ids.size - 1);
    bits.write(id >>> HALF_ID_BITS, HALF_ID_BITS);
    bits.write(id & HALF_ID_MASK, HALF_ID_BITS);
  }

  private readId(bits: BitReader): number {
    const id = this.ids.read(bits);
    if (id < this.ids.size - 1) return id;
    return ((bits.read(HALF_ID_BITS) << HALF_ID_BITS) | bits.read(HALF_ID_BITS)) >>> 0;
  }
}

/** Reads the strings a {@link LiteralWriter} wrote, in order. */
class LiteralReader {
  private readonly reader: ByteReader;

  constructor(private readonly bytes: Uint8Array) {
    this.reader = new ByteReader(bytes);
  }

  get done(): boolean {
    return this.reader.position === this.bytes.length;
  }

  next(): Uint8Array {
    if (this.done) throw new Error('News Corpus: an article in the index file is damaged.');
    return this.reader.bytes(this.reader.varint());
  }
}

const EMPTY = new Uint8Array(0);
/** The capital of an ASCII lower-case letter's code; any other code as it is. */
function upperAscii(code: number): number {
  return code >= 97 && code <= 122 ? code - 32 : code;
}

/** Byte strings up to this long are copied by a loop rather than by `Uint8Array.set`. */
const SHORT_COPY_BYTES = 16;

/** The UTF-8 bytes of a text being restored, written into one buffer that grows and is reused. */
class TextBuffer {
  private buffer = new Uint8Array(1 << 16);
  private at = 0;

  /** Starts a new text, with room for about `expected` bytes. */
  reset(expected: number): void {
    this.at = 0;
    this.ensure(expected);
  }

  bytes(bytes: Uint8Array): void {
    const length = bytes.length;
    this.ensure(length);
    if (length > SHORT_COPY_BYTES) {
      this.buffer.set(bytes, this.at);
      this.at += length;
      return;
    }
    // Separators are a byte or two: a loop is several times cheaper than a call to `set`.
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < length; i++) buffer[at++] = bytes[i] ?? 0;
    this.at = at;
  }

  /** Writes `term` spelt as `variant` says (as the term, capitalised or in capitals). */
  word(term: string, variant: number): void {
    const length = term.length;
    this.ensure(length * 3);
    const buffer = this.buffer;
    const start = this.at;
    let at = start;
    for (let i = 0; i < length; i++) {
      const code = term.charCodeAt(i);
      if (code >= 128) {
        // Rare (accented terms that keep their accents, digits of other scripts): spelt by the string functions.
        this.bytes(encoder.encode(variant === CAPITALS ? term.toUpperCase() : variant === CAPITALISED ? capitalised(term) : term));
        return;
      }
      buffer[at++] = code;
    }
    if (variant === CAPITALISED) buffer[start] = upperAscii(buffer[start] ?? 0);
    else if (variant === CAPITALS) for (let i = start; i < at; i++) buffer[i] = upperAscii(buffer[i] ?? 0);
    this.at = at;
  }

  view(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }

  private ensure(more: number): void {
    if (this.at + more <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.at + more));
    grown.set(this.buffer.subarray(0, this.at));
    this.buffer = grown;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}
