import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ByteReader, ByteWriter } from './byte-codec';
import { Growable } from './growable';
import { SegmentedArray } from './segmented-array';

/** What the store is given for one new article. */
interface StoredArticle {
  readonly path: string;
  readonly title: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly day: number;
  readonly bodyStart: number;
  readonly bodyTokens: number;
  readonly titleTokens: number;
  readonly entityPairs: number;
}

/**
 * The per-document number columns of a {@link DocStore}, as saved (tokens and text are saved per document).
 * `forwardBytes` and `textLen` count the bytes of each article's coded tokens and deflated text (a store
 * that holds them otherwise gives 0; saving fills them in).
 *
 * @example
 * store.columns().day; // Int32Array [20230913] for the store of the {@link DocStore} example
 */
export interface DocColumns {
  readonly day: Int32Array;
  readonly size: Float64Array;
  readonly mtime: Float64Array;
  readonly bodyStart: Uint32Array;
  readonly bodyLen: Uint32Array;
  readonly titleLen: Uint32Array;
  readonly entityPairs: Uint32Array;
  readonly entityLen: Uint32Array;
  readonly forwardBytes: Uint32Array;
  readonly textLen: Uint32Array;
}

/** Token ids per segment of the forward index (4 MB): allocating one never stalls the thread. */
const FORWARD_SEGMENT = 1 << 20;
/** Bytes per segment of the stored text (4 MB; larger than any indexed file gets its own segment). */
const TEXT_SEGMENT = 1 << 22;
/** {@link DocStore}'s `forwardState` bits: the token ids are in the forward index; their coded bytes are held. */
const DECODED = 1;
const CODED = 2;

/** Articles loaded between two chances to pause (a few objects and map entries each). */
const LOAD_STEP_DOCS = 2000;
/** Articles whose token ids are decoded between two chances to pause (~900 ids and 3.6 KB of fresh pages each). */
const DECODE_STEP_DOCS = 500;

const decoder = new TextDecoder();
/**
 * The preset dictionary of the stored text ({@link DocStore.textDictionary}) is this many slices of this many
 * bytes, from articles spread over the corpus: a preset dictionary lets each ~4 KB article, deflated on its own
 * (so that a snippet inflates only its article), refer to what articles share, as a whole block would. Per
 * article (Reuters-derived, 3.6 KB), 52 % of the text without one, 42 % with 16 KB of the corpus's text, 39 %
 * with 32 KB; but zlib reads the whole dictionary for every article, and 32 KB took twice as long to deflate.
 */
const DICTIONARY_SLICES = 32;
const DICTIONARY_SLICE_BYTES = 512;
/** Deflate's window: a preset dictionary longer than this is not used. */
const MAX_DICTIONARY_BYTES = 32 * 1024;

/** A document's text as the store holds it: its UTF-8 bytes, or those deflated with the store's dictionary. */
interface StoredText {
  readonly bytes: Uint8Array;
  readonly deflated: boolean;
}

/**
 * Every indexed article by document id: its file stamp, date, field lengths, its token ids
 * (the "forward index", used to check phrases and to rebuild postings) and its UTF-8 text (for snippets).
 * The text of an article loaded from a saved index stays deflated (as the file holds it: a quarter to a half of
 * its size) and is inflated when read; an article indexed since is held as it is until it is saved. The token
 * ids of an article loaded from a saved index stay coded as varints (as the file holds them, ~1.7 bytes a token)
 * until first read or until {@link decodeTokensSteps} decodes them, then are kept decoded: the load itself
 * copies and decodes none of them.
 * Removal only marks a tombstone; {@link CorpusIndex.compact} drops them.
 *
 * @example
 * const store = new DocStore();
 * const id = store.append({ path: 'a.txt', title: 'T', size: 18, mtimeMs: 0, day: 20230913, bodyStart: 17, bodyTokens: 1, titleTokens: 0, entityPairs: 0 },
 *   new Uint32Array([7]), 0, 1, new TextEncoder().encode(' date 2023-09-13 T'), 0);
 * store.text(id); // ' date 2023-09-13 T'
 * store.tokens(id); // Uint32Array [7]
 */
export class DocStore {
  readonly paths: string[] = [];
  readonly titles: string[] = [];
  readonly day = new Growable(Int32Array);
  readonly size = new Growable(Float64Array);
  readonly mtime = new Growable(Float64Array);
  readonly bodyStart = new Growable(Uint32Array);
  readonly bodyLen = new Growable(Uint32Array);
  readonly titleLen = new Growable(Uint32Array);
  readonly entityPairs = new Growable(Uint32Array);
  readonly entityLen = new Growable(Uint32Array);
  readonly textLen = new Growable(Uint32Array);
  readonly deleted = new Growable(Uint8Array);
  /** 1 where the stored text is deflated with {@link textDictionary}. */
  private readonly deflated = new Growable(Uint8Array);
  /** Per document, {@link DECODED} when its tokens are in `forward`, {@link CODED} when `coded` holds their varints. */
  private readonly forwardState = new Growable(Uint8Array);
  /** Where each document's tokens, coded tokens and text start in the segmented stores. */
  private readonly forwardAt = new Growable(Float64Array);
  private readonly codedAt = new Growable(Float64Array);
  private readonly codedLen = new Growable(Uint32Array);
  private readonly textAt = new Growable(Float64Array);
  private readonly forward = new SegmentedArray<Uint32Array>(Uint32Array, FORWARD_SEGMENT);
  private readonly coded = new SegmentedArray<Uint8Array>(Uint8Array, TEXT_SEGMENT);
  private texts = new SegmentedArray<Uint8Array>(Uint8Array, TEXT_SEGMENT);
  private readonly byPath = new Map<string, number>();
  private live = 0;
  private totals = { body: 0, title: 0, entity: 0 };

  /** `textDictionary`: the preset dictionary deflated texts use (empty until one is chosen, see {@link ensureTextDictionary}). */
  constructor(private dictionary: Uint8Array = new Uint8Array(0)) {}

  /** The preset dictionary of the deflated texts (empty when none is). */
  get textDictionary(): Uint8Array {
    return this.dictionary;
  }

  /**
   * Builds a store in bulk from what a saved index holds: the number columns (taken over, not copied), every
   * article's token ids as varints back to back (`forward`, as {@link codedTokens} gives them, their bytes per
   * article in the columns' `forwardBytes`), and the articles' text back to back. Column by column, instead of
   * article by article through {@link append}, which made loading 100,000 articles create as many objects,
   * scratch copies and path look-ups. Both are used where they lie, in the buffer of the file; the tokens are
   * decoded per article when first read. With `dictionary`, `text` holds the articles deflated with it (as
   * the columns' `textLen` counts them) and they stay so. A generator that pauses every {@link LOAD_STEP_DOCS}
   * articles; throws a "News Corpus:" error when the tokens or the text are too short.
   *
   * @example
   * const saved = { ...store.columns(), forwardBytes: new Uint32Array([1]) }; // of the store in the class example: one article, one token
   * const loaded = runAtOnce(DocStore.loadSteps(['a.txt'], ['T'], saved, new Uint8Array([7]), new TextEncoder().encode(' date 2023-09-13 T')));
   * loaded.tokens(0); // Uint32Array [7]
   * loaded.text(0); // ' date 2023-09-13 T'
   */
  static *loadSteps(
    paths: readonly string[],
    titles: readonly string[],
    columns: DocColumns,
    forward: Uint8Array,
    text: Uint8Array,
    dictionary?: Uint8Array,
  ): Generator<void, DocStore> {
    const store = new DocStore(dictionary);
    const count = paths.length;
    for (let doc = 0; doc < count; doc++) {
      store.paths.push(paths[doc] ?? '');
      store.titles.push(titles[doc] ?? '');
    }
    store.day.adopt(columns.day);
    store.size.adopt(columns.size);
    store.mtime.adopt(columns.mtime);
    store.bodyStart.adopt(columns.bodyStart);
    store.bodyLen.adopt(columns.bodyLen);
    store.titleLen.adopt(columns.titleLen);
    store.entityPairs.adopt(columns.entityPairs);
    store.textLen.adopt(columns.textLen);
    store.entityLen.adopt(columns.entityLen);
    store.codedLen.adopt(columns.forwardBytes);
    store.deleted.adopt(new Uint8Array(count));
    store.deflated.adopt(new Uint8Array(count).fill(dictionary === undefined ? 0 : 1));
    store.forwardState.adopt(new Uint8Array(count).fill(CODED));
    store.forwardAt.adopt(new Float64Array(count));
    // Both are used where they lie in the loaded file: copying them (~80 MB of text at 100k) was 0.15–0.25 s of a
    // reopen. They keep the whole file buffer alive, which they and the postings are most of.
    store.codedAt.adopt(DocStore.positions(store.coded.adopt(forward), columns.forwardBytes, forward.length, 'token ids'));
    store.textAt.adopt(DocStore.positions(store.texts.adopt(text), columns.textLen, text.length, 'text'));
    for (let doc = 0; doc < count; doc++) {
      store.byPath.set(store.paths[doc] ?? '', doc);
      store.countIn(doc, 1);
      if (doc % LOAD_STEP_DOCS === LOAD_STEP_DOCS - 1) yield;
    }
    return store;
  }

  /**
   * Where each of the runs of `lengths` bytes lies when they follow each other from `base` in a segmented
   * store holding `available` bytes; throws a "News Corpus:" error when they need more.
   */
  private static positions(base: number, lengths: Uint32Array, available: number, what: string): Float64Array {
    const at = new Float64Array(lengths.length);
    let from = 0;
    for (let doc = 0; doc < lengths.length; doc++) {
      at[doc] = base + from;
      from += lengths[doc] ?? 0;
    }
    if (from > available) throw new Error(`News Corpus: the ${what} section is shorter than the articles need.`);
    return at;
  }

  /** Number of document ids ever given out (live or removed). */
  get count(): number {
    return this.paths.length;
  }

  /** Number of articles not removed. */
  get liveCount(): number {
    return this.live;
  }

  /** Average length of each field over live articles (at least 1, so scores never divide by zero). */
  averages(): { body: number; title: number; entity: number } {
    const n = Math.max(1, this.live);
    return { body: Math.max(1, this.totals.body / n), title: Math.max(1, this.totals.title / n), entity: Math.max(1, this.totals.entity / n) };
  }

  docOf(path: string): number | undefined {
    return this.byPath.get(path);
  }

  livePaths(): IterableIterator<string> {
    return this.byPath.keys();
  }

  /**
   * Adds an article whose forward tokens are `tokens[from..to)` (global term ids, entity pairs included)
   * and whose text is `text[textFrom..textTo)` (deflated with this store's dictionary if `deflated`).
   * Replaces an article with the same path.
   */
  append(article: StoredArticle, tokens: Uint32Array, from: number, to: number, text: Uint8Array, textFrom: number, textTo = text.length, deflated = false): number {
    this.remove(article.path);
    const doc = this.paths.length;
    this.paths.push(article.path);
    this.titles.push(article.title);
    this.day.push(article.day);
    this.size.push(article.size);
    this.mtime.push(article.mtimeMs);
    this.bodyStart.push(article.bodyStart);
    this.bodyLen.push(article.bodyTokens);
    this.titleLen.push(article.titleTokens);
    this.entityPairs.push(article.entityPairs);
    this.forwardAt.push(this.forward.append(tokens, from, to));
    this.forwardState.push(DECODED);
    this.codedAt.push(0);
    this.codedLen.push(0);
    this.entityLen.push(this.entityWords(doc));
    this.textAt.push(this.texts.append(text, textFrom, textTo));
    this.textLen.push(textTo - textFrom);
    this.deflated.push(deflated ? 1 : 0);
    this.deleted.push(0);
    this.byPath.set(article.path, doc);
    this.countIn(doc, 1);
    return doc;
  }

  /** Marks the article at `path` removed; returns whether there was one. */
  remove(path: string): boolean {
    const doc = this.byPath.get(path);
    if (doc === undefined) return false;
    this.byPath.delete(path);
    this.deleted.array[doc] = 1;
    this.countIn(doc, -1);
    return true;
  }

  isLive(doc: number): boolean {
    return doc < this.paths.length && this.deleted.array[doc] === 0;
  }

  /**
   * The document's token ids (body, then title, then entity (term, count) pairs), without copying; decoded
   * when first read if the store holds them coded. Throws a "News Corpus:" error if the coded ids do not fill
   * their bytes exactly (a damaged file, which its checksum makes unlikely).
   */
  tokens(doc: number): Uint32Array {
    const length = this.tokenCount(doc);
    if (((this.forwardState.array[doc] ?? 0) & DECODED) === 0) this.decodeTokens(doc, length);
    return this.forward.view(this.forwardAt.array[doc] ?? 0, length);
  }

  /**
   * The document's token ids as varints, as saved and as {@link loadSteps} takes them: the bytes held since the
   * load, without copying, or the ids coded now into `writer` (then undefined is returned).
   *
   * @example
   * const bytes = store.codedTokens(doc, writer); // a loaded article: its bytes; an indexed one: written to `writer`
   */
  codedTokens(doc: number, writer: ByteWriter): Uint8Array | undefined {
    if (((this.forwardState.array[doc] ?? 0) & CODED) !== 0) return this.coded.view(this.codedAt.array[doc] ?? 0, this.codedLen.array[doc] ?? 0);
    const tokens = this.tokens(doc);
    for (let i = 0; i < tokens.length; i++) writer.varint(tokens[i] ?? 0);
    return undefined;
  }

  /**
   * Decodes the token ids of every article whose ids are still coded, pausing every {@link DECODE_STEP_DOCS}
   * articles: run in slices after a load, so that later reads find them decoded.
   *
   * @example
   * await runInSlices(store.decodeTokensSteps());
   */
  *decodeTokensSteps(): Generator<void, void> {
    for (let doc = 0; doc < this.count; doc++) {
      if (((this.forwardState.array[doc] ?? 0) & DECODED) === 0) this.decodeTokens(doc, this.tokenCount(doc));
      if (doc % DECODE_STEP_DOCS === DECODE_STEP_DOCS - 1) yield;
    }
  }

  private tokenCount(doc: number): number {
    return (this.bodyLen.array[doc] ?? 0) + (this.titleLen.array[doc] ?? 0) + 2 * (this.entityPairs.array[doc] ?? 0);
  }

  private decodeTokens(doc: number, length: number): void {
    const bytes = this.coded.view(this.codedAt.array[doc] ?? 0, this.codedLen.array[doc] ?? 0);
    const at = this.forward.reserve(length);
    const reader = new ByteReader(bytes);
    reader.varints(this.forward.view(at, length), 0, length);
    if (reader.position !== bytes.length) throw new Error('News Corpus: an article\'s token ids do not fill their bytes.');
    this.forwardAt.array[doc] = at;
    this.forwardState.array[doc] = (this.forwardState.array[doc] ?? 0) | DECODED;
  }

  /** The document's UTF-8 text: without copying, or inflated when the store holds it deflated. */
  textBytes(doc: number): Uint8Array {
    const { bytes, deflated } = this.storedText(doc);
    return deflated ? inflateRawSync(bytes, this.zlibOptions()) : bytes;
  }

  /** The document's text as the store holds it, without copying (to copy it into a store with the same dictionary). */
  storedText(doc: number): StoredText {
    return { bytes: this.texts.view(this.textAt.array[doc] ?? 0, this.textLen.array[doc] ?? 0), deflated: this.deflated.array[doc] === 1 };
  }

  /** The document's text deflated with the store's dictionary (for saving): as it is held, or deflated now. */
  deflatedText(doc: number): Uint8Array {
    const { bytes, deflated } = this.storedText(doc);
    return deflated ? bytes : deflateRawSync(bytes, this.zlibOptions());
  }

  /**
   * Takes the texts a save deflated as the store's own (`chunks`: every document's deflated text back to back,
   * none straddling two chunks, as a `ByteWriter` leaves them; `lengths`: each one's bytes), freeing the texts
   * held as they were indexed: after a build, the text then takes in memory what it takes in the file.
   *
   * @example
   * encodeIndex(index.parts(), identity); // saving deflates every text, then the store adopts them this way
   * index.article(path)?.text; // the same text as before, inflated when read
   */
  adoptDeflatedTexts(chunks: readonly Uint8Array[], lengths: Uint32Array): void {
    if (lengths.length !== this.count) throw new Error('News Corpus: the deflated texts are not those of this store.');
    const texts = new SegmentedArray<Uint8Array>(Uint8Array, TEXT_SEGMENT);
    const textAt = new Float64Array(this.count);
    let chunk = 0;
    let base = chunks.length > 0 ? texts.adopt(chunks[0] ?? new Uint8Array(0)) : 0;
    let offset = 0;
    for (let doc = 0; doc < this.count; doc++) {
      const length = lengths[doc] ?? 0;
      while (offset + length > (chunks[chunk]?.length ?? 0) && chunk + 1 < chunks.length) {
        chunk++;
        base = texts.adopt(chunks[chunk] ?? new Uint8Array(0));
        offset = 0;
      }
      if (offset + length > (chunks[chunk]?.length ?? 0)) throw new Error('News Corpus: the deflated texts are shorter than the store needs.');
      textAt[doc] = base + offset;
      offset += length;
    }
    this.texts = texts;
    this.textAt.adopt(textAt);
    this.textLen.adopt(Uint32Array.from(lengths));
    this.deflated.adopt(new Uint8Array(this.count).fill(1));
  }

  /**
   * Chooses the preset dictionary of the deflated texts, if the store has none yet: slices of articles spread
   * over the store (see {@link DICTIONARY_SLICES}). Texts held as they are keep working; saving deflates them with it.
   *
   * @example
   * store.ensureTextDictionary();
   * const bytes = store.deflatedText(0);
   */
  ensureTextDictionary(): void {
    // Texts already deflated need the dictionary they were deflated with.
    if (this.dictionary.length > 0 || this.count === 0 || this.deflated.view().includes(1)) return;
    const slices: Uint8Array[] = [];
    const step = Math.max(1, Math.floor(this.count / DICTIONARY_SLICES));
    for (let doc = 0; doc < this.count && slices.length < DICTIONARY_SLICES; doc += step) {
      const text = this.textBytes(doc);
      const middle = Math.max(0, Math.floor((text.length - DICTIONARY_SLICE_BYTES) / 2));
      slices.push(text.subarray(middle, middle + DICTIONARY_SLICE_BYTES));
    }
    const dictionary = new Uint8Array(Math.min(MAX_DICTIONARY_BYTES, slices.reduce((sum, slice) => sum + slice.length, 0)));
    let at = 0;
    for (const slice of slices) {
      if (at + slice.length > dictionary.length) break;
      dictionary.set(slice, at);
      at += slice.length;
    }
    this.dictionary = dictionary;
  }

  /** The article's original text (as decoded when it was indexed). */
  text(doc: number): string {
    return decoder.decode(this.textBytes(doc));
  }

  /** The number columns trimmed to their length, for saving. */
  columns(): DocColumns {
    return {
      day: this.day.view(),
      size: this.size.view(),
      mtime: this.mtime.view(),
      bodyStart: this.bodyStart.view(),
      bodyLen: this.bodyLen.view(),
      titleLen: this.titleLen.view(),
      entityPairs: this.entityPairs.view(),
      entityLen: this.entityLen.view(),
      forwardBytes: this.codedLen.view(),
      textLen: this.textLen.view(),
    };
  }

  /** The document as {@link append} takes it, to copy it into another store. */
  stored(doc: number): StoredArticle {
    return {
      path: this.paths[doc] ?? '',
      title: this.titles[doc] ?? '',
      size: this.size.array[doc] ?? 0,
      mtimeMs: this.mtime.array[doc] ?? 0,
      day: this.day.array[doc] ?? 0,
      bodyStart: this.bodyStart.array[doc] ?? 0,
      bodyTokens: this.bodyLen.array[doc] ?? 0,
      titleTokens: this.titleLen.array[doc] ?? 0,
      entityPairs: this.entityPairs.array[doc] ?? 0,
    };
  }

  /** Deflate's options for the store's texts: zlib refuses an empty preset dictionary. */
  private zlibOptions(): { dictionary?: Uint8Array } {
    return this.dictionary.length > 0 ? { dictionary: this.dictionary } : {};
  }

  /** Sum of the counts of the entity field, the length its scores are normalised by. */
  private entityWords(doc: number): number {
    const tokens = this.tokens(doc);
    let words = 0;
    for (let i = (this.bodyLen.array[doc] ?? 0) + (this.titleLen.array[doc] ?? 0) + 1; i < tokens.length; i += 2) words += tokens[i] ?? 0;
    return words;
  }

  private countIn(doc: number, sign: 1 | -1): void {
    this.live += sign;
    this.totals.body += sign * (this.bodyLen.array[doc] ?? 0);
    this.totals.title += sign * (this.titleLen.array[doc] ?? 0);
    this.totals.entity += sign * (this.entityLen.array[doc] ?? 0);
  }
}
