import { ByteReader, ByteWriter } from './byte-codec';
import { BitReader, BitWriter, ENTRY_LENGTH_BITS, HuffmanCode, MAX_CODE_BITS } from './huffman';
import { TextPart, WordLocator } from './snippet';
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
/** Term ids up to this many bits long are decoded by one table look-up (99 % of a Reuters corpus's words). */
const ID_LOOKUP_BITS = 16;
/** Words between two restart points of a {@link CodedLayout}: a snippet decodes from the one before its text. */
const RESTART_WORDS = 64;
/** The low {@link MAX_CODE_BITS} bits of a bit window: the most a code takes. */
const WINDOW_MASK = (1 << MAX_CODE_BITS) - 1;
const ENTRY_LENGTH_MASK = (1 << ENTRY_LENGTH_BITS) - 1;

/** Where {@link WordCodec}'s scan puts the words' UTF-16 spans (by body position) and its restart points. */
interface ScanLayout {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly restarts: RestartPoint[];
}

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
  /** Each separator's length in UTF-16 units, as the text's offsets count it. */
  private readonly gapLengths: Uint32Array;
  /**
   * Each term's length in UTF-16 units, times 2, plus 1 if it is not all ASCII (then a capitalised spelling may
   * be longer): read by id when locating words, as reading the strings' lengths missed the caches.
   */
  private termLengths = new Uint32Array(0);
  private readonly scratch = new TextBuffer();

  private constructor(
    private readonly gaps: readonly string[],
    private readonly ids: HuffmanCode,
    private readonly symbols: HuffmanCode,
    private readonly terms: readonly string[],
  ) {
    this.gapIndex = new Map(gaps.map((gap, index) => [gap, index]));
    this.gapBytes = gaps.map((gap) => encoder.encode(gap));
    this.gapLengths = Uint32Array.from(gaps, (gap) => gap.length);
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
    const ids = HuffmanCode.fromCounts(counted, ID_LOOKUP_BITS);
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
    const ids = HuffmanCode.fromLengths(new Uint8Array(reader.bytes(reader.varint())), ID_LOOKUP_BITS);
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
    const walk = this.walk(bytes);
    const out = this.scratch;
    out.reset(bytes.length * 8);
    out.bytes(walk.opening);
    for (;;) {
      this.step(walk);
      walk.emit(out);
      if (walk.done) break;
      if (ids !== undefined) ids[walk.word - 1] = walk.id;
    }
    walk.check();
    return out.view();
  }

  /**
   * The words of a coded article located in its text without decoding it whole (see {@link CodedLayout}), or
   * undefined for an article kept as it is (see {@link encode}). `restarts`: the article's restart points an
   * earlier layout of it left, which this one uses and adds to.
   *
   * @example
   * const words = codec.layout(bytes);
   * words?.spans([0, 2]); // the UTF-16 spans of the body's first and third words
   */
  layout(bytes: Uint8Array, restarts?: RestartPoint[]): CodedLayout | undefined {
    return bytes[0] === WORDS ? new CodedLayout(this, bytes, restarts) : undefined;
  }

  /**
   * A walk over a coded article's words from its start (`restart`: from a restart point of an earlier walk).
   *
   * @example
   * const walk = codec.walk(bytes);
   * codec.step(walk); // walk.wordStart, walk.wordEnd: the first body word's span
   */
  walk(bytes: Uint8Array, restart?: RestartPoint): WordWalk {
    const { count, literals, bits } = this.open(bytes);
    const opening = literals.next();
    const walk = new WordWalk(count, literals, bits, opening, decoder.decode(opening).length);
    if (restart !== undefined) walk.resume(BitReader.at(bytes, restart.bit), new LiteralReader(literals.bytes, restart.literal), restart);
    return walk;
  }

  /**
   * Reads the next separator and, unless the body has ended, the word after it, with their UTF-16 spans; the walk
   * holds what was read until {@link WordWalk.emit} writes it.
   *
   * @example
   * while (!walk.done) codec.step(walk); // walk.char: the text's length
   */
  step(walk: WordWalk): void {
    const symbol = this.symbols.read(walk.bits);
    const gapIndex = symbol >>> 2;
    let gap: Uint8Array;
    let gapLength: number;
    if (gapIndex < this.gapBytes.length) {
      gap = this.gapBytes[gapIndex] ?? EMPTY;
      gapLength = this.gapLengths[gapIndex] ?? 0;
    } else {
      gap = walk.literals.next();
      gapLength = decoder.decode(gap).length;
    }
    walk.gap = gap;
    walk.wordStart = walk.char + gapLength;
    if (walk.word === walk.count) {
      walk.finish();
      return;
    }
    const id = this.readId(walk.bits);
    const variant = symbol % VARIANTS;
    const term = this.terms[id] ?? '';
    walk.id = id;
    walk.term = term;
    walk.variant = variant;
    if (variant === LITERAL) {
      walk.literal = walk.literals.next();
      walk.wordEnd = walk.wordStart + decoder.decode(walk.literal).length;
    } else {
      walk.wordEnd = walk.wordStart + spelledLength(term, variant);
    }
    walk.char = walk.wordEnd;
    walk.word++;
  }

  /** The article's body term ids, into `out` from `from` (a new array when none is given). */
  decodeIds(bytes: Uint8Array, out?: Uint32Array, from = 0): Uint32Array {
    if (bytes[0] !== WORDS) {
      const { count, reader } = WordCodec.rawParts(bytes);
      const target = out ?? new Uint32Array(count);
      reader.varints(target, from, count);
      return target;
    }
    const target = out ?? new Uint32Array(WordCodec.wordCount(bytes));
    this.scan(bytes, Infinity, target, from, undefined);
    return target;
  }

  /** {@link termLengths}, extended to the terms added since it was made. */
  private lengthsOfTerms(): Uint32Array {
    const terms = this.terms;
    if (this.termLengths.length >= terms.length) return this.termLengths;
    const lengths = new Uint32Array(terms.length);
    lengths.set(this.termLengths);
    for (let id = this.termLengths.length; id < terms.length; id++) {
      const term = terms[id] ?? '';
      lengths[id] = term.length * 2 + (isAscii(term) ? 0 : 1);
    }
    this.termLengths = lengths;
    return lengths;
  }

  /**
   * Reads the body words of a coded article up to word `until` (exclusive): their ids into `ids` from `idsFrom`,
   * and with `layout`, each word's UTF-16 span in the text and a restart point every {@link RESTART_WORDS} words.
   * One loop with its own bit window, as decoding the ids of every candidate of a phrase is most of its first
   * run, and locating the words most of a snippet. Throws a "News Corpus:" error if the bytes are damaged.
   *
   * @example
   * codec.scan(bytes, Infinity, ids, 0, undefined); // every body id into ids
   * codec.scan(bytes, 10, undefined, 0, { starts, ends, restarts: [] }); // the spans of the first 10 words
   */
  scan(bytes: Uint8Array, until: number, ids: Uint32Array | undefined, idsFrom: number, layout: ScanLayout | undefined, from?: RestartPoint): void {
    const opened = this.open(bytes);
    const { count, bits } = opened;
    let literals = opened.literals;
    const opening = literals.next();
    let char = layout === undefined ? 0 : decoder.decode(opening).length;
    let first = 0;
    let at = bits.bitPosition / 8;
    let window = 0;
    let held = 0;
    if (from !== undefined) {
      first = from.word;
      char = from.char;
      literals = new LiteralReader(literals.bytes, from.literal);
      const skip = from.bit % 8;
      at = (from.bit - skip) / 8;
      if (skip > 0) {
        window = (bytes[at++] ?? 0) & ((1 << (8 - skip)) - 1);
        held = 8 - skip;
      }
    }
    const symbols = this.symbols;
    const idCode = this.ids;
    const escape = idCode.size - 1;
    const gapCount = this.gapBytes.length;
    const gapLengths = this.gapLengths;
    const termLengths = layout === undefined ? this.termLengths : this.lengthsOfTerms();
    const end = Math.min(until, count);
    // The two code reads below (separator symbol, term id) are written out rather than shared through a closure,
    // which would hold the bit window in a context object: this loop runs for every word a query reads.
    for (let word = first; word < end; word++) {
      if (layout !== undefined && word === layout.restarts.length * RESTART_WORDS) layout.restarts.push({ word, char, bit: at * 8 - held, literal: literals.position });
      while (held <= MAX_CODE_BITS - 1) {
        window = ((window << 8) | (bytes[at++] ?? 0)) >>> 0;
        held += 8;
      }
      const symbolEntry = symbols.entry((window >>> (held - MAX_CODE_BITS)) & WINDOW_MASK);
      held -= symbolEntry & ENTRY_LENGTH_MASK;
      window &= (1 << held) - 1;
      const symbol = symbolEntry >>> ENTRY_LENGTH_BITS;
      const gapIndex = symbol >>> 2;
      let gapLength = 0;
      if (gapIndex < gapCount) gapLength = gapLengths[gapIndex] ?? 0;
      else gapLength = layout === undefined ? literals.next().length : decoder.decode(literals.next()).length;
      while (held <= MAX_CODE_BITS - 1) {
        window = ((window << 8) | (bytes[at++] ?? 0)) >>> 0;
        held += 8;
      }
      const idEntry = idCode.entry((window >>> (held - MAX_CODE_BITS)) & WINDOW_MASK);
      held -= idEntry & ENTRY_LENGTH_MASK;
      window &= (1 << held) - 1;
      let id = idEntry >>> ENTRY_LENGTH_BITS;
      if (id === escape) {
        // A term added after the codes were made: its id follows in two halves (rare: read by a BitReader).
        const position = at * 8 - held;
        const rest = BitReader.at(bytes, position);
        id = ((rest.read(HALF_ID_BITS) << HALF_ID_BITS) | rest.read(HALF_ID_BITS)) >>> 0;
        const next = position + 2 * HALF_ID_BITS;
        const skip = next % 8;
        at = (next - skip) / 8;
        window = 0;
        held = 0;
        if (skip > 0) {
          window = (bytes[at++] ?? 0) & ((1 << (8 - skip)) - 1);
          held = 8 - skip;
        }
      }
      if (ids !== undefined) ids[idsFrom + word] = id;
      const variant = symbol % VARIANTS;
      if (layout === undefined) {
        if (variant === LITERAL) literals.next();
        continue;
      }
      const start = char + gapLength;
      const lengthAndFlag = termLengths[id] ?? 0;
      let length = lengthAndFlag >>> 1;
      if (variant === LITERAL) length = decoder.decode(literals.next()).length;
      else if (variant !== AS_TERM && (lengthAndFlag & 1) === 1) length = spelledLength(this.terms[id] ?? '', variant);
      char = start + length;
      layout.starts[word] = start;
      layout.ends[word] = char;
    }
    if ((at - bytes.length) * 8 > held) throw new Error('News Corpus: an article in the index file is damaged.');
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

  constructor(
    readonly bytes: Uint8Array,
    from = 0,
  ) {
    this.reader = new ByteReader(bytes, from);
  }

  get done(): boolean {
    return this.reader.position === this.bytes.length;
  }

  /** Where the next string starts in {@link bytes}. */
  get position(): number {
    return this.reader.position;
  }

  next(): Uint8Array {
    if (this.done) throw new Error('News Corpus: an article in the index file is damaged.');
    return this.reader.bytes(this.reader.varint());
  }
}

/**
 * Where a walk over a coded article's words can resume: before the separator of body word `word`, at UTF-16
 * offset `char`, with its bit and literal positions. A {@link CodedLayout} leaves one every {@link RESTART_WORDS}
 * words, and a store may keep them for the next snippet of the same article.
 *
 * @example
 * const point: RestartPoint = { word: 64, char: 371, bit: 1466, literal: 18 };
 */
export interface RestartPoint {
  readonly word: number;
  readonly char: number;
  readonly bit: number;
  readonly literal: number;
}

/**
 * A walk over a coded article's words (see {@link WordCodec.step}): after each step, the separator and the word
 * just read, with the word's UTF-16 span in the text. `char` is where the next separator starts.
 */
class WordWalk {
  word = 0;
  char: number;
  wordStart = 0;
  wordEnd = 0;
  id = 0;
  term = '';
  variant = AS_TERM;
  gap: Uint8Array = EMPTY;
  literal: Uint8Array = EMPTY;
  done = false;

  constructor(
    readonly count: number,
    public literals: LiteralReader,
    public bits: BitReader,
    /** The text before the body (the date line), spelt out. */
    readonly opening: Uint8Array,
    openingLength: number,
  ) {
    this.char = openingLength;
  }

  /** Where the walk stands, to resume there later. */
  get restart(): RestartPoint {
    return { word: this.word, char: this.char, bit: this.bits.bitPosition, literal: this.literals.position };
  }

  resume(bits: BitReader, literals: LiteralReader, point: RestartPoint): void {
    this.bits = bits;
    this.literals = literals;
    this.word = point.word;
    this.char = point.char;
  }

  /** The body's last separator was read. */
  finish(): void {
    this.char = this.wordStart;
    this.done = true;
  }

  /** Writes the separator and the word of the last step. */
  emit(out: TextBuffer): void {
    out.bytes(this.gap);
    if (this.done) return;
    if (this.variant === LITERAL) out.bytes(this.literal);
    else out.word(this.term, this.variant);
  }

  /** Throws a "News Corpus:" error when the walk read more bits or fewer literals than the article holds. */
  check(): void {
    if (this.bits.overrun || !this.literals.done) throw new Error('News Corpus: an article in the index file is damaged.');
  }
}

/**
 * The words of an article coded by a {@link WordCodec}, located in its text from the codes alone (the length of
 * each separator and spelling), so that a snippet decodes only the text around its matches: {@link spans} walks
 * the codes up to the last word asked for, leaving a restart point every {@link RESTART_WORDS} words, and
 * {@link around} decodes from the restart point before the text it is asked for.
 *
 * @example
 * const words = codec.layout(bytes);
 * const [span] = words.spans([120]); // { start: 731, end: 737 }
 * words.around(span.start - 200, span.end + 200); // { text: '…', base: 520, length: 950 }
 */
export class CodedLayout implements WordLocator {
  /** `restarts`: the article's restart points found so far (by an earlier layout of it, or none); this layout adds to them. */
  constructor(
    private readonly codec: WordCodec,
    private readonly bytes: Uint8Array,
    private readonly restarts: RestartPoint[] = [],
  ) {}

  spans(positions: readonly number[]): { start: number; end: number }[] {
    const last = positions[positions.length - 1];
    if (last === undefined) return [];
    const layout = { ...spanArrays(last + 1), restarts: this.restarts };
    // Positions that start from the same known restart point are found in one scan; past the known ones, the
    // scan leaves new points.
    const known = this.restarts.length;
    const pointOf = (position: number): number => Math.min(Math.floor(position / RESTART_WORDS), known - 1);
    for (let first = 0; first < positions.length; ) {
      const point = pointOf(positions[first] ?? 0);
      let end = first;
      while (end + 1 < positions.length && pointOf(positions[end + 1] ?? 0) === point) end++;
      this.codec.scan(this.bytes, (positions[end] ?? 0) + 1, undefined, 0, layout, this.restarts[point]);
      first = end + 1;
    }
    return positions.map((position) => ({ start: layout.starts[position] ?? 0, end: layout.ends[position] ?? 0 }));
  }

  around(from: number, to: number): TextPart {
    let point: RestartPoint | undefined;
    for (const restart of this.restarts) if (restart.char <= from) point = restart;
    const walk = this.codec.walk(this.bytes, point);
    const out = layoutScratch;
    out.reset(Math.max(0, to - from) * 2);
    let base = -1;
    if (point === undefined && from < walk.char) {
      base = 0;
      out.bytes(walk.opening);
    }
    while (!walk.done && walk.char < to) {
      const stepStart = walk.char;
      this.codec.step(walk);
      if (base < 0 && walk.char > from) base = stepStart;
      if (base >= 0) walk.emit(out);
    }
    // Past `to`, the text's length only bounds the snippet's arithmetic, which stays below `to`.
    return { text: decoder.decode(out.view()), base: Math.max(0, base < 0 ? walk.char : base), length: walk.char };
  }
}

/** The length in UTF-16 units of `term` spelt as `variant` says (as the term, capitalised or in capitals). */
function spelledLength(term: string, variant: number): number {
  if (variant === AS_TERM) return term.length;
  // Upper-casing ASCII keeps the length; other letters may not (ß becomes SS).
  if (variant === CAPITALISED ? term.charCodeAt(0) < 128 : isAscii(term)) return term.length;
  return (variant === CAPITALS ? term.toUpperCase() : capitalised(term)).length;
}

function isAscii(term: string): boolean {
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) >= 128) return false;
  return true;
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

/** The text a {@link CodedLayout} decodes, reused: snippets decode one at a time. */
const layoutScratch = new TextBuffer();
/** The word spans a {@link CodedLayout} finds, reused likewise. */
let spanScratch = { starts: new Uint32Array(1024), ends: new Uint32Array(1024) };

/** Span arrays for `words` words, reused by every layout (snippets are made one at a time). */
function spanArrays(words: number): { starts: Uint32Array; ends: Uint32Array } {
  if (spanScratch.starts.length < words) spanScratch = { starts: new Uint32Array(words * 2), ends: new Uint32Array(words * 2) };
  return spanScratch;
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
