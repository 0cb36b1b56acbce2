import { ByteReader, ByteWriter, joinBytes } from './byte-codec';
import { Growable } from './growable';
import { BitReader, BitWriter, ENTRY_LENGTH_BITS, HuffmanCode, HuffmanTables, MAX_CODE_BITS } from './huffman';
import { TextPart, WordLocator } from './snippet';
import { RunFinder } from './run-finder';
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
/** A phrase's ids are told from others by their low 5 bits first (see {@link RunFinder.mask}). */
const RUN_MASK_BITS = 31;
/**
 * Words between two restart points of a {@link CodedLayout}: a snippet decodes from the one before its text, and
 * locates each match from the one before it (every 64 words, a warm snippet read ~2.5 times as many words).
 *
 * @example
 * restarts.length === Math.ceil(wordsScanned / RESTART_WORDS);
 */
export const RESTART_WORDS = 16;
/** {@link WordCodec}'s byte of term length for a term too long for a byte to tell (see `termLengths`). */
const LONG_TERM = 0xff;
/** The low {@link MAX_CODE_BITS} bits of a bit window: the most a code takes. */
const WINDOW_MASK = (1 << MAX_CODE_BITS) - 1;
const ENTRY_LENGTH_MASK = (1 << ENTRY_LENGTH_BITS) - 1;

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
 * A {@link WordCodec} as its file section holds it, read into plain data ({@link WordCodec.readSaved}): its
 * separators and the tables of its two codes, which can cross to another thread.
 *
 * @example
 * const saved: SavedWordCodec = WordCodec.readSaved(new ByteReader(section));
 */
export interface SavedWordCodec {
  readonly gaps: readonly string[];
  readonly ids: HuffmanTables;
  readonly symbols: HuffmanTables;
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
   * be longer), or {@link LONG_TERM} for a longer term (an entity term: never a body word): read by id when
   * locating words, as reading the strings' lengths missed the caches. A byte each, as a quarter of the
   * 4-byte table's reads missed the caches too (~150,000 terms at 100,000 articles: 150 KB instead of 600).
   * 0 for a term not yet met by a located word (see {@link lengthsOfTerms}).
   */
  private termLengths = new Uint8Array(0);
  /**
   * The bytes of the ASCII terms restored text has spelt so far, back to back, each copied there the first time
   * (see {@link pooledTerm}; at most a few bytes per term of the dictionary). Restoring a snippet's text read each
   * word's term string, scattered over the heap: copying from the pool, the text restored for the 50 snippets of
   * each of the benchmark's 28 queries took 7.8–8.6 instead of 9.3–10.5 ms at 100,000 articles.
   */
  private readonly termPool = new Growable(Uint8Array);
  /** Where each term's bytes start in {@link termPool}, plus 1; 0 for a term not pooled yet. */
  private termStarts = new Uint32Array(0);
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
    // Each separator seen once as a string, then by number: an object per word of the samples (~650,000) was
    // ~40 MB of the heap at the start of the save, when the build's memory is all still held.
    const gapIds = new Map<string, number>();
    const gapCounts: number[] = [];
    const seenGaps = new Growable(Uint32Array);
    const seenVariants = new Growable(Uint8Array);
    // An article's last separator (after its last word) is coded, but not counted towards the table of separators.
    const see = (gap: string, variant: number, counts: boolean): void => {
      let id = gapIds.get(gap);
      if (id === undefined) {
        id = gapCounts.push(0) - 1;
        gapIds.set(gap, id);
      }
      if (counts) gapCounts[id] = (gapCounts[id] ?? 0) + 1;
      seenGaps.push(id);
      seenVariants.push(variant);
    };
    const counted = new Float64Array(terms.length + 1).fill(1);
    let sampled = 0;
    for (const article of samples) {
      let previous = article.bodyStart;
      let word = 0;
      forEachBodyWord(article, (term, start, end) => {
        see(article.text.slice(previous, start), variantOf(article.text.slice(start, end), term), true);
        const id = article.bodyIds[word++] ?? terms.length;
        if (idCounts === undefined) counted[id] = (counted[id] ?? 0) + 1;
        previous = end;
      });
      see(article.text.slice(previous), AS_TERM, false);
      if (++sampled % BUILD_STEP_ARTICLES === 0) yield;
    }
    if (idCounts !== undefined) for (let id = 0; id < terms.length; id++) counted[id] = (counted[id] ?? 0) + (idCounts[id] ?? 0);
    const gaps = [...gapIds]
      .filter(([, id]) => (gapCounts[id] ?? 0) >= MIN_GAP_COUNT)
      .sort((a, b) => (gapCounts[b[1]] ?? 0) - (gapCounts[a[1]] ?? 0) || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_GAPS);
    // A separator's symbol group by its number: its rank among the kept ones, or the escape's after them.
    const rank = new Uint32Array(gapCounts.length).fill(gaps.length);
    gaps.forEach(([, id], index) => (rank[id] = index));
    const symbolCounts = new Float64Array((gaps.length + 1) * VARIANTS).fill(1);
    const seenIds = seenGaps.view();
    const variants = seenVariants.view();
    for (let i = 0; i < seenIds.length; i++) {
      const symbol = (rank[seenIds[i] ?? 0] ?? gaps.length) * VARIANTS + (variants[i] ?? 0);
      symbolCounts[symbol] = (symbolCounts[symbol] ?? 0) + 1;
    }
    yield;
    const ids = HuffmanCode.fromCounts(counted, ID_LOOKUP_BITS);
    yield;
    return new WordCodec(
      gaps.map(([gap]) => gap),
      ids,
      HuffmanCode.fromCounts(symbolCounts),
      terms,
    );
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
    return WordCodec.fromSaved(WordCodec.readSaved(reader), terms);
  }

  /**
   * The codec {@link write} wrote, as plain data: its separators and its codes' tables, made here (a thread that reads
   * the file) and wrapped by {@link fromSaved} on the thread that decodes with it. Throws a "News Corpus:" error if damaged.
   *
   * @example
   * const codec = WordCodec.fromSaved(structuredClone(WordCodec.readSaved(new ByteReader(section))), dictionary.all());
   */
  static readSaved(reader: ByteReader): SavedWordCodec {
    const gaps: string[] = [];
    const count = reader.varint();
    for (let i = 0; i < count; i++) gaps.push(decoder.decode(reader.bytes(reader.varint())));
    const ids = HuffmanCode.fromLengths(new Uint8Array(reader.bytes(reader.varint())), ID_LOOKUP_BITS);
    const symbols = HuffmanCode.fromLengths(new Uint8Array(reader.bytes(reader.varint())));
    if (symbols.size !== (gaps.length + 1) * VARIANTS || ids.size === 0) throw new Error('News Corpus: the text codes in the index file do not fit together.');
    return { gaps, ids: ids.tables(), symbols: symbols.tables() };
  }

  /** The codec {@link readSaved} read, decoding with `terms`; throws a "News Corpus:" error if its tables do not fit together. */
  static fromSaved({ gaps, ids, symbols }: SavedWordCodec, terms: readonly string[]): WordCodec {
    return new WordCodec(gaps, HuffmanCode.fromTables(ids), HuffmanCode.fromTables(symbols), terms);
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
   * The text of a coded article as UTF-8, in a scratch buffer the next call reuses: restored by {@link scan} into
   * one buffer rather than joined as strings (~650 words an article, and one native decode of the whole was ~3
   * times faster).
   */
  private decodeWords(bytes: Uint8Array, ids: Uint32Array | undefined): Uint8Array {
    const out = this.scratch;
    out.reset(bytes.length * 8);
    const parts = this.open(bytes);
    const piece = new TextPiece(out, -1, Infinity);
    this.scan(bytes, parts, { ...NO_SCAN, ids, text: piece });
    if (!parts.literals.done) throw new Error('News Corpus: an article in the index file is damaged.');
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
  layout(bytes: Uint8Array, restarts?: RestartPoints): CodedLayout | undefined {
    return bytes[0] === WORDS ? new CodedLayout(this, bytes, this.open(bytes), restarts) : undefined;
  }

  /**
   * The body term ids of a coded article into `ids` from 0, and its words located in its text, in one pass over
   * its codes: what a snippet of an article whose ids are still coded needs (decoding the ids, then locating the
   * matched words, read most of its words twice). Undefined for an article kept as it is (its ids decoded all the same).
   *
   * @example
   * const words = codec.locate(bytes, ids, []); // ids filled in; words.spans([0]) read from what the pass found
   */
  locate(bytes: Uint8Array, ids: Uint32Array, restarts: RestartPoints): CodedLayout | undefined {
    if (bytes[0] !== WORDS) {
      this.decodeIds(bytes, ids);
      return undefined;
    }
    const parts = this.open(bytes);
    const spans = { starts: new Uint32Array(parts.count), ends: new Uint32Array(parts.count) };
    this.scan(bytes, parts, { ...NO_SCAN, ids, spans, restarts });
    return new CodedLayout(this, bytes, parts, restarts, spans);
  }

  /**
   * The article's body term ids, into `out` from `from` (a new array when none is given); with `resume` (where a
   * scan looking for a phrase stopped), only the ids from there on.
   */
  decodeIds(bytes: Uint8Array, out?: Uint32Array, from = 0, resume?: ScanPosition): Uint32Array {
    if (bytes[0] !== WORDS) {
      const { count, reader } = WordCodec.rawParts(bytes);
      const target = out ?? new Uint32Array(count);
      reader.varints(target, from, count);
      return target;
    }
    const target = out ?? new Uint32Array(WordCodec.wordCount(bytes));
    this.scan(bytes, this.open(bytes), { ...NO_SCAN, ids: target, idsFrom: from, from: resume });
    return target;
  }

  /**
   * Decodes a coded article's body ids into `ids` from 0 (from `resume` on, where an earlier call stopped) until
   * `finder` knows whether its phrase is there; returns where it stopped, or undefined when it decoded every id.
   * An article kept as it is has all its ids decoded, then searched.
   *
   * @example
   * finder.start([7, 12], counts);
   * const stopped = codec.findRun(bytes, ids, finder); // finder.found; ids[0..stopped.word) decoded
   */
  findRun(bytes: Uint8Array, ids: Uint32Array, finder: RunFinder, resume?: ScanPosition): ScanPosition | undefined {
    if (bytes[0] !== WORDS) {
      this.decodeIds(bytes, ids);
      finder.resume(ids, WordCodec.wordCount(bytes));
      return undefined;
    }
    finder.stopped = undefined;
    this.scan(bytes, this.open(bytes), { ...NO_SCAN, ids, from: resume, run: finder });
    return finder.stopped;
  }

  /**
   * {@link termLengths}, as long as the term list: an entry is 0 until {@link termLength} fills it, the first time a
   * located word has that term. Filling all ~150,000 terms' entries at once (entity terms included, which are never
   * body words) made the first snippet after a reopen wait ~5 ms; the first snippets meet a few thousand terms.
   */
  private lengthsOfTerms(): Uint8Array {
    const terms = this.terms;
    if (this.termLengths.length >= terms.length) return this.termLengths;
    const lengths = new Uint8Array(terms.length);
    lengths.set(this.termLengths);
    this.termLengths = lengths;
    return lengths;
  }

  /**
   * Where the bytes of term `id` (all ASCII, `length` of them) start in {@link termPool}, copied there when it is
   * first asked for.
   */
  private pooledTerm(id: number, length: number): number {
    if (this.termStarts.length <= id) {
      const starts = new Uint32Array(Math.max(this.terms.length, id + 1));
      starts.set(this.termStarts);
      this.termStarts = starts;
    }
    const pooled = this.termStarts[id] ?? 0;
    if (pooled > 0) return pooled - 1;
    const pool = this.termPool;
    const start = pool.length;
    const term = this.terms[id] ?? '';
    for (let i = 0; i < length; i++) pool.push(term.charCodeAt(i));
    this.termStarts[id] = start + 1;
    return start;
  }

  /** The {@link termLengths} entry of term `id`, written into `lengths` (that table) for the next word with it. */
  private termLength(id: number, lengths: Uint8Array): number {
    const term = this.terms[id] ?? '';
    const entry = Math.min(LONG_TERM, term.length * 2 + (isAscii(term) ? 0 : 1));
    lengths[id] = entry;
    return entry;
  }

  /**
   * Reads the body words of a coded article (its {@link open} parts) as `request` asks: from its start or a restart
   * point, up to a word or, restoring text, until the text reaches the piece's end (through the separator after
   * the last word when it reaches the end); their ids, their UTF-16 spans in the text, the restart points every
   * {@link RESTART_WORDS} words, the text. Returns the UTF-16 offset reached (when the text is restored to its
   * end or words are located: the text's length after the last separator, else where the next separator starts).
   * The one decoding loop of the codec, with its own bit window: it runs for every word a query reads (the ids of
   * a phrase's candidates, the words a snippet locates, the text it shows). Throws a "News Corpus:" error if the
   * bytes are damaged.
   *
   * @example
   * codec.scan(bytes, codec.open(bytes), { ...NO_SCAN, ids }); // every body id into ids
   * codec.scan(bytes, parts, { ...NO_SCAN, until: 10, spans: { starts, ends } }); // the spans of the first 10 words
   */
  scan(bytes: Uint8Array, parts: CodedParts, request: ScanRequest): number {
    const { count } = parts;
    const { ids, spans, restarts, from, text, run } = request;
    const idsFrom = request.idsFrom ?? 0;
    const literals = parts.literals;
    const located = spans !== undefined || restarts !== undefined || text !== undefined;
    let char = from?.char ?? parts.openingLength;
    let word = from?.word ?? 0;
    const bit = from?.bit ?? parts.bitStart * 8;
    literals.seek(from?.literal ?? parts.afterOpening);
    const skip = bit % 8;
    let at = (bit - skip) / 8;
    let window = 0;
    let held = 0;
    if (skip > 0) {
      window = (bytes[at++] ?? 0) & ((1 << (8 - skip)) - 1);
      held = 8 - skip;
    }
    if (text !== undefined && from === undefined && text.from < char) text.emit(0, parts.opening);
    const symbols = this.symbols;
    const idCode = this.ids;
    const escape = idCode.size - 1;
    const gapCount = this.gapBytes.length;
    const gapLengths = this.gapLengths;
    const gapBytes = this.gapBytes;
    const terms = this.terms;
    const termLengths = located ? this.lengthsOfTerms() : this.termLengths;
    // Restoring text reads the separator after the last word too.
    const end = text === undefined ? Math.min(request.until ?? Infinity, count) : count + 1;
    const runMask = run?.mask ?? 0;
    let runStop = run?.stopsAt ?? Infinity;
    const to = text?.to ?? Infinity;
    // The two code reads below (separator symbol, term id) are written out rather than shared through a closure,
    // which would hold the bit window in a context object: this loop runs for every word a query reads.
    for (; word < end && char < to; word++) {
      if (restarts !== undefined && word === restarts.length * RESTART_WORDS && word < count) restarts.push(char, at * 8 - held, literals.position);
      while (held <= MAX_CODE_BITS - 1) {
        window = ((window << 8) | (bytes[at++] ?? 0)) >>> 0;
        held += 8;
      }
      const symbolEntry = symbols.entry((window >>> (held - MAX_CODE_BITS)) & WINDOW_MASK);
      held -= symbolEntry & ENTRY_LENGTH_MASK;
      window &= (1 << held) - 1;
      const symbol = symbolEntry >>> ENTRY_LENGTH_BITS;
      const gapIndex = symbol >>> 2;
      let gap: Uint8Array = EMPTY;
      let gapLength = 0;
      if (gapIndex < gapCount) {
        gapLength = gapLengths[gapIndex] ?? 0;
        if (text !== undefined) gap = gapBytes[gapIndex] ?? EMPTY;
      } else {
        gap = literals.next();
        if (located) gapLength = decoder.decode(gap).length;
      }
      const stepStart = char;
      if (word === count) {
        // The separator after the last word (restoring text only): the text ends with it.
        char += gapLength;
        if (text !== undefined && char > text.from) text.emit(stepStart, gap);
        break;
      }
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
      if (!located) {
        if (variant === LITERAL) literals.next();
        if (run === undefined || ids === undefined) continue;
        // Only the phrase's own ids (and a few others sharing their low bits) are handed to the finder.
        if (((runMask >>> (id & RUN_MASK_BITS)) & 1) !== 0) {
          if (!run.add(ids, idsFrom + word)) {
            runStop = run.stopsAt;
            continue;
          }
        } else if (word + 1 < runStop) {
          continue;
        }
        run.stopped = { word: word + 1, char: 0, bit: at * 8 - held, literal: literals.position };
        break;
      }
      const start = char + gapLength;
      let literal: Uint8Array = EMPTY;
      let lengthAndFlag = termLengths[id] ?? 0;
      if (lengthAndFlag === 0) lengthAndFlag = this.termLength(id, termLengths);
      let length = lengthAndFlag >>> 1;
      if (variant === LITERAL) {
        literal = literals.next();
        length = decoder.decode(literal).length;
      } else if (lengthAndFlag === LONG_TERM || (variant !== AS_TERM && (lengthAndFlag & 1) === 1)) {
        length = spelledLength(terms[id] ?? '', variant);
      }
      char = start + length;
      if (spans !== undefined) {
        spans.starts[word] = start;
        spans.ends[word] = char;
      }
      if (text !== undefined && char > text.from) {
        text.emit(stepStart, gap);
        if (variant === LITERAL) {
          text.out.bytes(literal);
        } else if ((lengthAndFlag & 1) === 0) {
          // An ASCII term (a long one's entry is odd): its bytes copied from the pool.
          const pooled = this.pooledTerm(id, lengthAndFlag >>> 1);
          text.out.ascii(this.termPool.array, pooled, lengthAndFlag >>> 1, variant);
        } else {
          text.out.word(terms[id] ?? '', variant);
        }
      }
    }
    if ((at - bytes.length) * 8 > held) throw new Error('News Corpus: an article in the index file is damaged.');
    return char;
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
    return joinBytes([Uint8Array.from(header), Uint8Array.from(literals.bytes), bits.finish()]);
  }

  private static encodeRaw(article: CodedArticleInput): Uint8Array {
    const bytes = encoder.encode(article.text);
    const header = [RAW];
    pushVarint(header, article.bodyIds.length);
    pushVarint(header, bytes.length);
    const ids: number[] = [];
    for (let i = 0; i < article.bodyIds.length; i++) pushVarint(ids, article.bodyIds[i] ?? 0);
    return joinBytes([Uint8Array.from(header), bytes, Uint8Array.from(ids)]);
  }

  private static rawParts(bytes: Uint8Array): { count: number; text: Uint8Array; reader: ByteReader } {
    const reader = new ByteReader(bytes, 1);
    const count = reader.varint();
    const text = reader.bytes(reader.varint());
    return { count, text, reader };
  }

  /** The parts of a coded article that every scan of it reads: its header, literals and where its codes start. */
  private open(bytes: Uint8Array): CodedParts {
    const reader = new ByteReader(bytes, 1);
    const count = reader.varint();
    const literalBytes = reader.varint();
    const literals = new LiteralReader(reader.bytes(literalBytes));
    const opening = literals.next();
    return { count, literals, afterOpening: literals.position, opening, openingLength: utf16Length(opening), bitStart: reader.position };
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
}

/** Reads the strings a {@link LiteralWriter} wrote, in order, from wherever it is set. */
class LiteralReader {
  private at = 0;

  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.at === this.bytes.length;
  }

  /** Where the next string starts in {@link bytes}. */
  get position(): number {
    return this.at;
  }

  /** Reads on from `position` (a {@link position} read earlier). */
  seek(position: number): void {
    this.at = position;
  }

  next(): Uint8Array {
    const bytes = this.bytes;
    let at = this.at;
    let length = 0;
    let shift = 0;
    let byte = 0x80;
    while ((byte & 0x80) !== 0 && at < bytes.length) {
      byte = bytes[at++] ?? 0;
      length += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    }
    if ((byte & 0x80) !== 0 || at + length > bytes.length) throw new Error('News Corpus: an article in the index file is damaged.');
    this.at = at + length;
    return bytes.subarray(at, at + length);
  }
}

/** A coded article as every scan of it reads it (see {@link WordCodec.scan}): read once per article. */
interface CodedParts {
  /** Its body words. */
  readonly count: number;
  readonly literals: LiteralReader;
  /** Where the literals after the date line start. */
  readonly afterOpening: number;
  /** The text before the body (the date line), spelt out, and its length in UTF-16 units. */
  readonly opening: Uint8Array;
  readonly openingLength: number;
  /** Where its codes start (bytes). */
  readonly bitStart: number;
}

/** The UTF-16 spans of a coded article's body words, by body position. */
interface WordSpans {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

/**
 * What a {@link WordCodec.scan} reads and where it puts it; each part only when given (undefined otherwise). Every
 * field is always present, in this order, as every request is made from {@link NO_SCAN}: requests of one shape keep
 * the scan's reads of them monomorphic. With a shape per caller (6) they were megamorphic, and in most processes
 * one query's snippets made again and again located their words at 0.7–1.2 µs a scan of ~5 words instead of ~0.2
 * (not seen with the benchmark's 28 queries mixed; see docs/search.md, 3 December 2026, search-snip).
 */
interface ScanRequest {
  /** Words read (from the start, or from `from`) up to this one, exclusive; all when undefined. */
  readonly until: number | undefined;
  readonly ids: Uint32Array | undefined;
  /** Where the first body id goes in `ids` (0 when undefined). */
  readonly idsFrom: number | undefined;
  readonly spans: WordSpans | undefined;
  /** The article's restart points so far, to which the scan adds those it passes. */
  readonly restarts: RestartPoints | undefined;
  /** Where to start (from the text's start when undefined). */
  readonly from: ScanPosition | undefined;
  /** The text to restore: the scan then reads until it reaches the piece's end. */
  readonly text: TextPiece | undefined;
  /** A phrase to look for in the ids (without locating the words): the scan stops once the finder knows. */
  readonly run: RunFinder | undefined;
}

/**
 * The request that reads nothing, which every {@link ScanRequest} spreads first so that all have its shape.
 *
 * @example
 * codec.scan(bytes, parts, { ...NO_SCAN, ids }); // every body id into ids
 */
const NO_SCAN: ScanRequest = { until: undefined, ids: undefined, idsFrom: undefined, spans: undefined, restarts: undefined, from: undefined, text: undefined, run: undefined };

/**
 * Where a scan over a coded article's words stands: before the separator of body word `word`, at UTF-16 offset
 * `char` (when the scan locates words), at bit `bit` of the article's bytes and byte `literal` of its literals.
 *
 * @example
 * const resumed = codec.decodeIds(bytes, ids, 0, stoppedAt); // the ids from word stoppedAt.word on
 */
export interface ScanPosition {
  readonly word: number;
  readonly char: number;
  readonly bit: number;
  readonly literal: number;
}

/**
 * A piece of text a {@link WordCodec.scan} restores: every separator and word that ends after `from`, until the
 * text reaches `to`; `base` is where the first of them starts (-1 until one is written).
 */
class TextPiece {
  base = -1;

  constructor(
    readonly out: TextBuffer,
    readonly from: number,
    readonly to: number,
  ) {}

  /** Writes a step's separator, the step starting at UTF-16 offset `stepStart`. */
  emit(stepStart: number, gap: Uint8Array): void {
    if (this.base < 0) this.base = stepStart;
    this.out.bytes(gap);
  }
}

/**
 * Where scans over a coded article's words can resume: before the separator of body word `n` × {@link RESTART_WORDS}
 * (point `n`), its UTF-16 offset in the text, its bit position and where its literals go on. A {@link CodedLayout}
 * leaves them as it scans, and a store may keep them for the next snippet of the same article: three numbers a
 * point in one typed array, as thousands of articles' points are kept.
 *
 * @example
 * const restarts = new RestartPoints();
 * codec.layout(bytes, restarts)?.spans([100]); // restarts.length: 7, restarts.char(6): where word 96 starts
 */
export class RestartPoints {
  private values = new Uint32Array(3 * 16);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(char: number, bit: number, literal: number): void {
    if (3 * this.count === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[3 * this.count] = char;
    this.values[3 * this.count + 1] = bit;
    this.values[3 * this.count + 2] = literal;
    this.count++;
  }

  char(point: number): number {
    return this.values[3 * point] ?? 0;
  }

  bit(point: number): number {
    return this.values[3 * point + 1] ?? 0;
  }

  literal(point: number): number {
    return this.values[3 * point + 2] ?? 0;
  }

  /** Point `point` as a scan's position. */
  at(point: number): ScanPosition {
    return { word: point * RESTART_WORDS, char: this.char(point), bit: this.bit(point), literal: this.literal(point) };
  }

  /** The last point at or before UTF-16 offset `char`, or undefined when there is none. */
  before(char: number): number | undefined {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.char(middle) <= char) low = middle + 1;
      else high = middle - 1;
    }
    return high >= 0 ? high : undefined;
  }
}

/**
 * The words of an article coded by a {@link WordCodec}, located in its text from the codes alone (the length of
 * each separator and spelling), so that a snippet decodes only the text around its matches: {@link spans} scans
 * the codes up to the last word asked for, from the restart point before it, leaving a restart point every
 * {@link RESTART_WORDS} words, and {@link around} decodes from the restart point before the text it is asked for.
 * A layout made by {@link WordCodec.locate} knows every word's span already.
 *
 * @example
 * const words = codec.layout(bytes);
 * const [span] = words.spans([120]); // { start: 731, end: 737 }
 * words.around(span.start - 200, span.end + 200); // { text: '…', base: 520, length: 950 }
 */
export class CodedLayout implements WordLocator {
  /**
   * `restarts`: the article's restart points found so far (by an earlier layout of it, or none), to which this
   * layout adds; `known`: every word's span, when a pass over all of them found them.
   */
  constructor(
    private readonly codec: WordCodec,
    private readonly bytes: Uint8Array,
    private readonly parts: CodedParts,
    private readonly restarts = new RestartPoints(),
    private readonly known?: WordSpans,
  ) {}

  spans(positions: readonly number[]): { start: number; end: number }[] {
    const last = positions[positions.length - 1];
    if (last === undefined) return [];
    let found = this.known;
    if (found === undefined) {
      found = spanArrays(last + 1);
      // Positions that start from the same restart point are found in one scan, which leaves the points it passes.
      const pointOf = (position: number): number => Math.min(Math.floor(position / RESTART_WORDS), this.restarts.length - 1);
      for (let first = 0; first < positions.length; ) {
        const point = pointOf(positions[first] ?? 0);
        let end = first;
        while (end + 1 < positions.length && pointOf(positions[end + 1] ?? 0) === point) end++;
        this.codec.scan(this.bytes, this.parts, { ...NO_SCAN, until: (positions[end] ?? 0) + 1, spans: found, restarts: this.restarts, from: point < 0 ? undefined : this.restarts.at(point) });
        first = end + 1;
      }
    }
    const { starts, ends } = found;
    return positions.map((position) => ({ start: starts[position] ?? 0, end: ends[position] ?? 0 }));
  }

  around(from: number, to: number): TextPart {
    const point = this.restarts.before(from);
    const out = layoutScratch;
    out.reset(Math.max(0, to - from) * 2);
    const piece = new TextPiece(out, from, to);
    // Past `to`, the text's length only bounds the snippet's arithmetic, which stays below `to`.
    const reached = this.codec.scan(this.bytes, this.parts, { ...NO_SCAN, restarts: this.restarts, from: point === undefined ? undefined : this.restarts.at(point), text: piece });
    return { text: decoder.decode(out.view()), base: piece.base < 0 ? reached : piece.base, length: reached };
  }
}

/** The length in UTF-16 units of UTF-8 `bytes` (ASCII ones counted without decoding them). */
function utf16Length(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 128) return decoder.decode(bytes).length;
  return bytes.length;
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

const EMPTY: Uint8Array = new Uint8Array(0);
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
    this.at = at;
    this.spell(start, variant);
  }

  /** Writes the ASCII term in `pool[from..from + length)` spelt as `variant` says (as the term, capitalised or in capitals). */
  ascii(pool: Uint8Array, from: number, length: number, variant: number): void {
    this.ensure(length);
    const buffer = this.buffer;
    const start = this.at;
    let at = start;
    for (let i = from; i < from + length; i++) buffer[at++] = pool[i] ?? 0;
    this.at = at;
    this.spell(start, variant);
  }

  view(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }

  /** Ends the ASCII word written from `start` up to here, capitalised or in capitals when `variant` says so. */
  private spell(start: number, variant: number): void {
    const buffer = this.buffer;
    if (variant === CAPITALISED) buffer[start] = upperAscii(buffer[start] ?? 0);
    else if (variant === CAPITALS) for (let i = start; i < this.at; i++) buffer[i] = upperAscii(buffer[i] ?? 0);
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
let spanScratch: WordSpans = { starts: new Uint32Array(1024), ends: new Uint32Array(1024) };

/** Span arrays for `words` words, reused by every layout (snippets are made one at a time). */
function spanArrays(words: number): WordSpans {
  if (spanScratch.starts.length < words) spanScratch = { starts: new Uint32Array(words * 2), ends: new Uint32Array(words * 2) };
  return spanScratch;
}
