import { inflateRawSync } from 'node:zlib';
import { ByteReader, MAX_VARINT_BYTES, writeVarints } from './byte-codec';
import { Growable } from './growable';
import { PairAnswers } from './pair-answers';
import { entityCount, entityCountClamped } from './postings';
import { RunFinder, containsRun } from './run-finder';
import { SavedEntityFields } from './saved-entity-fields';
import { SegmentedArray } from './segmented-array';
import { CodedLayout, RestartPoints, ScanPosition, WordCodec } from './word-codec';

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
  /** The sum of the entity field's counts, when known (copied from another store); else summed from the field. */
  readonly entityWords?: number;
}

/**
 * The per-document number columns of a {@link DocStore}, as saved (tokens and text are saved per document).
 * `forwardBytes` and `textLen` count the bytes of each article's title ids as varints and of its
 * coded text with its body ids (see {@link WordCodec}) as the file holds them (a store that holds some otherwise gives
 * other lengths: saving gives the file's).
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
/**
 * Entries in the first segment of each segmented store (16–64 KB), the next ones doubling up to the segment's
 * length: a store of a few articles took 4 MB for each of its texts, ids and entity fields.
 */
const FIRST_SEGMENT = 1 << 14;
/** Bytes per segment of the word ids held as varints (4 MB). */
const CODED_SEGMENT = 1 << 22;
/** Bytes per segment of the stored text (4 MB; larger than any indexed file gets its own segment). */
const TEXT_SEGMENT = 1 << 22;
/**
 * {@link DocStore}'s `forwardState` bits: the word ids are decoded in the forward index (kept for the readers that
 * come back to an article: phrases, snippets); the article was loaded from a saved index or saved since (its title
 * ids are held as varints, its body's with its coded text, its entity field in the saved postings unless
 * {@link FIELD_HELD}); room for its word ids is reserved in the forward index, where some may be decoded (see
 * {@link DocStore.containsRun}); its entity field is held in the store's own field array (an article indexed here);
 * its word ids, the body's then the title's, are held as varints (an article indexed since the last save: see
 * {@link DocStore.append}). Every article is either {@link CODED} or {@link VARINTS}.
 */
const DECODED = 1;
const CODED = 2;
const RESERVED = 4;
const FIELD_HELD = 8;
const VARINTS = 16;

/**
 * Articles whose restart points ({@link DocStore.bodyWords}) are kept: those of recent results (~40 points
 * of 12 bytes an article); when full, the kept points are dropped and found again.
 */
const KEPT_LAYOUTS = 4096;

/** Phrases whose answer per document {@link DocStore.phraseCheck} keeps (a byte per document each). */
const KEPT_PHRASES = 16;
/** {@link DocStore.phraseCheck}'s answers: not checked yet, not in the body, in the body. */
const UNCHECKED = 0;
const NOT_IN_BODY = 1;
const IN_BODY = 2;

/** Articles loaded between two chances to pause (a few objects and map entries each). */
const LOAD_STEP_DOCS = 2000;

const decoder = new TextDecoder();
/**
 * The codes of the stored text ({@link DocStore.codec}) learn separators and spellings from this many articles
 * spread over the corpus (~0.2 ms each); term ids are counted over all articles.
 */
const CODEC_SAMPLE_DOCS = 1000;
/** Articles whose term ids are counted between two chances to pause while the codes are made (~1 µs each). */
const COUNT_STEP_DOCS = 5000;
/** Articles whose text is coded between two chances to pause (~100–300 µs each at 4 KB). */
const CODE_STEP_DOCS = 64;

/**
 * How the store holds a document's text: its UTF-8 bytes; coded with its body ids by the store's codec (loaded, or
 * saved since); or its UTF-8 bytes raw-deflated, as the indexing threads send it (built since the last save:
 * about half the bytes, for the build's peak of memory).
 *
 * @example
 * store.storedText(doc).form; // 'coded' after a load or a save
 */
export type TextForm = 'plain' | 'coded' | 'deflated';

/**
 * A length in words for each of an article's three fields.
 *
 * @example
 * const shortest: FieldLengths = store.shortestLengths(); // { body: 212, title: 0, entity: 0 }
 */
export interface FieldLengths {
  readonly body: number;
  readonly title: number;
  readonly entity: number;
}
/** The {@link TextForm}s by their number in the store's column. */
const TEXT_FORMS: readonly TextForm[] = ['plain', 'coded', 'deflated'];
const CODED_TEXT = TEXT_FORMS.indexOf('coded');

/** A document's text as the store holds it (see {@link TextForm}). */
interface StoredText {
  readonly bytes: Uint8Array;
  readonly form: TextForm;
}

/**
 * Every indexed article by document id: its file stamp, date, field lengths, its token ids
 * (the "forward index", used to check phrases and to rebuild postings) and its UTF-8 text (for snippets).
 * The text of an article loaded from a saved index stays coded together with its body's token ids (as the file
 * holds them, see {@link WordCodec}: ~27 % of the text's size for both) and is decoded when read; an article
 * indexed since is held as its batch gave it (UTF-8, or deflated by an indexing thread) until it is saved. The
 * word ids of an article loaded from a saved index are decoded from there (the body's) and from varints (the
 * title's) when first read, then are kept decoded: the load itself copies and decodes none of them; its entity
 * field is read from the saved postings (see {@link SavedEntityFields}). An article indexed since holds its word ids
 * as varints (~1.5 bytes an id instead of 4) until it is saved, then as a loaded one does (see
 * {@link letIdsGoSteps}), and its entity field on its own; its ids too are decoded when first read. Readers of
 * every article (counting, compaction, the save) read them through {@link tokensOnce}, which keeps none decoded.
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
  /** How each document's text is held: its {@link TextForm}'s number in {@link TEXT_FORMS}. */
  private readonly textForm = new Growable(Uint8Array);
  /**
   * Per document, {@link DECODED} when its word ids are in `forward`, {@link CODED} when it was loaded or saved (its
   * coded text and `coded`, title ids as varints, hold them), {@link VARINTS} when `coded` holds all its word ids,
   * {@link FIELD_HELD} when its entity field is in `fields`.
   */
  private readonly forwardState = new Growable(Uint8Array);
  /** Where each document's decoded ids, ids as varints and text start in the segmented stores. */
  private readonly forwardAt = new Growable(Float64Array);
  private readonly codedAt = new Growable(Float64Array);
  private readonly codedLen = new Growable(Uint32Array);
  private readonly textAt = new Growable(Float64Array);
  private forward = new SegmentedArray<Uint32Array>(Uint32Array, FORWARD_SEGMENT, FIRST_SEGMENT);
  /** The entity fields of articles indexed here, and where each starts. */
  private readonly fields = new SegmentedArray<Uint32Array>(Uint32Array, FORWARD_SEGMENT, FIRST_SEGMENT);
  private readonly fieldAt = new Growable(Float64Array);
  private readonly coded = new SegmentedArray<Uint8Array>(Uint8Array, CODED_SEGMENT, FIRST_SEGMENT);
  private readonly texts = new SegmentedArray<Uint8Array>(Uint8Array, TEXT_SEGMENT, FIRST_SEGMENT);
  /**
   * The live documents by path; made when first asked after a load (see {@link byPath}): at 100,000 articles it
   * was 60–80 ms of a reopen's first stage, which lists the articles by document id and needs no look-up by path.
   */
  private pathMap: Map<string, number> | undefined = new Map();
  /** Restart points of the coded texts of recent results, by document (see {@link bodyWords}). */
  private readonly restarts = new Map<number, RestartPoints>();
  /**
   * Where the decoding of a document's body ids stopped (see {@link containsRun}), by document: the words decoded
   * (0 when none are kept), the bit and literal positions to go on from; made when first needed.
   */
  private partial: { words: Uint32Array; bits: Float64Array; literals: Uint32Array } | undefined;
  /** The answers of {@link phraseCheck} by phrase (its ids joined), the last checked last. */
  private readonly phrases = new Map<string, Uint8Array>();
  /** The stored answers of frequent pairs of words for the articles of the last compaction (see {@link useStoredPairs}). */
  private pairs: PairAnswers | undefined;
  /** Looks for phrases in bodies read one id at a time (one check at a time). */
  private readonly finder = new RunFinder();
  /** The ids {@link tokensOnce} decoded last, and the varints {@link append} coded last. */
  private onceIds = new Uint32Array(0);
  private varintBytes = new Uint8Array(0);
  private live = 0;
  private totals = { body: 0, title: 0, entity: 0 };
  /** {@link shortestLengths} as of the article count it was found at: articles are only ever added after it. */
  private shortest: { readonly count: number; readonly lengths: FieldLengths } | undefined;

  /**
   * `codec`: the codes coded texts use (none until they are made, see {@link codecSteps}); `saved`: the entity
   * fields of the articles loaded from a saved index.
   */
  constructor(
    private textCodec?: WordCodec,
    private readonly saved?: SavedEntityFields,
  ) {}

  /** The codes of the coded texts (undefined until some are made). */
  get codec(): WordCodec | undefined {
    return this.textCodec;
  }

  /**
   * Builds a store in bulk from what a saved index holds: the number columns (taken over, not copied), every
   * article's title ids as varints back to back (`forward`, as {@link codedTokens} gives them, their
   * bytes per article in the columns' `forwardBytes`), the articles' coded texts back to back (`text`, as
   * {@link codedText} gives them, their bytes in the columns' `textLen`), and their entity fields (`fields`, made
   * from the saved postings; none: empty fields). Column by column, instead of
   * article by article through {@link append}, which made loading 100,000 articles create as many objects,
   * scratch copies and path look-ups. Both are used where they lie, in the buffer of the file; the tokens are
   * decoded per article when first read. A generator that pauses every {@link LOAD_STEP_DOCS}
   * articles; throws a "News Corpus:" error when the tokens or the text are too short.
   *
   * @example
   * const saved = { ...store.columns(), forwardBytes: new Uint32Array([0]), textLen: new Uint32Array([coded.length]) }; // coded = store.codedText(0)
   * const loaded = runAtOnce(DocStore.loadSteps(['a.txt'], ['T'], saved, new Uint8Array(0), coded, store.codec, fields));
   * loaded.tokens(0); // Uint32Array [7]
   * loaded.text(0); // ' date 2023-09-13 T'
   */
  static *loadSteps(
    paths: readonly string[],
    titles: readonly string[],
    columns: DocColumns,
    forward: Uint8Array,
    text: Uint8Array,
    codec: WordCodec,
    fields?: SavedEntityFields,
  ): Generator<void, DocStore> {
    const store = new DocStore(codec, fields);
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
    store.textForm.adopt(new Uint8Array(count).fill(CODED_TEXT));
    store.forwardState.adopt(new Uint8Array(count).fill(CODED));
    store.forwardAt.adopt(new Float64Array(count));
    store.fieldAt.adopt(new Float64Array(count));
    // Both are used where they lie in the loaded file: copying them (~80 MB of text at 100k) was 0.15–0.25 s of a
    // reopen. They keep the whole file buffer alive, which they and the postings are most of.
    store.codedAt.adopt(DocStore.positions(store.coded.adopt(forward), columns.forwardBytes, forward.length, 'token ids'));
    store.textAt.adopt(DocStore.positions(store.texts.adopt(text), columns.textLen, text.length, 'text'));
    store.pathMap = undefined;
    for (let doc = 0; doc < count; doc++) {
      store.countIn(doc, 1);
      if (doc % LOAD_STEP_DOCS === LOAD_STEP_DOCS - 1) yield;
    }
    return store;
  }

  /** The live documents by path, made from the paths when first needed after a load. */
  private get byPath(): Map<string, number> {
    if (this.pathMap === undefined) {
      const map = new Map<string, number>();
      for (let doc = 0; doc < this.paths.length; doc++) if (this.deleted.array[doc] === 0) map.set(this.paths[doc] ?? '', doc);
      this.pathMap = map;
    }
    return this.pathMap;
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

  /**
   * The shortest length of each field over every article held, removed ones included (so no live article's is
   * shorter): what a score's upper bound is computed with. Found once for each article count.
   */
  shortestLengths(): FieldLengths {
    const count = this.count;
    if (this.shortest?.count === count) return this.shortest.lengths;
    const lengths = { body: shortestOf(this.bodyLen.array, count), title: shortestOf(this.titleLen.array, count), entity: shortestOf(this.entityLen.array, count) };
    this.shortest = { count, lengths };
    return lengths;
  }

  docOf(path: string): number | undefined {
    return this.byPath.get(path);
  }

  livePaths(): IterableIterator<string> {
    return this.byPath.keys();
  }

  /**
   * Adds an article whose forward tokens are `tokens[from..to)` (global term ids: its words, then its entity field's
   * pairs) and whose text is `text[textFrom..textTo)`, held as `form` says (coded: with this store's codec). Its
   * word ids are held as varints (see {@link VARINTS}), its entity field as it is. Replaces an article with the
   * same path.
   */
  append(article: StoredArticle, tokens: Uint32Array, from: number, to: number, text: Uint8Array, textFrom: number, textTo = text.length, form: TextForm = 'plain'): number {
    const wordsEnd = from + article.bodyTokens + article.titleTokens;
    const room = (wordsEnd - from) * MAX_VARINT_BYTES;
    if (this.varintBytes.length < room) this.varintBytes = new Uint8Array(2 * room);
    const ids = this.varintBytes.subarray(0, writeVarints(tokens, from, wordsEnd, this.varintBytes));
    return this.add(article, { ids, state: VARINTS }, tokens.subarray(wordsEnd, to), text.subarray(textFrom, textTo), form);
  }

  /**
   * Adds article `doc` of `source` as that store holds it: its word ids and text coded as they are, its whole
   * entity field. What a compaction copies of the live articles, decoding none (decoding them and holding them as
   * 32-bit ids was 1.4–2.4 times a compaction's CPU after a save). The stores must share their codec.
   *
   * @example
   * const copy = new DocStore(store.codec);
   * copy.copyFrom(store, 0); // 0, with the ids, text and entity field of store's article 0
   */
  copyFrom(source: DocStore, doc: number): number {
    const field = source.wholeEntityField(doc);
    const text = source.storedText(doc);
    const words = { ids: source.coded.view(source.codedAt.array[doc] ?? 0, source.codedLen.array[doc] ?? 0), state: (source.forwardState.array[doc] ?? 0) & (CODED | VARINTS) };
    return this.add({ ...source.stored(doc), entityPairs: field.length / 2 }, words, field, text.bytes, text.form);
  }

  /** Adds an article whose word ids are `words.ids`, held as `words.state` says, and its entity field `field`. */
  private add(article: StoredArticle, words: { readonly ids: Uint8Array; readonly state: number }, field: Uint32Array, text: Uint8Array, form: TextForm): number {
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
    this.forwardAt.push(0);
    this.forwardState.push(words.state | FIELD_HELD);
    // An empty field takes no room (an index without entities then makes no segment): any position views it.
    this.fieldAt.push(field.length === 0 ? 0 : this.fields.append(field, 0, field.length));
    this.codedAt.push(this.coded.append(words.ids, 0, words.ids.length));
    this.codedLen.push(words.ids.length);
    this.entityLen.push(article.entityWords ?? this.entityWords(doc));
    this.textAt.push(this.texts.append(text, 0, text.length));
    this.textLen.push(text.length);
    this.textForm.push(TEXT_FORMS.indexOf(form));
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
   * The document's word ids (body, then title), without copying; decoded when first read, then kept (for readers
   * that come back to an article: phrases, snippets). Throws a "News Corpus:" error if the coded ids do not fill
   * their bytes exactly (a damaged file, which its checksum makes unlikely).
   */
  tokens(doc: number): Uint32Array {
    const length = this.wordCount(doc);
    if (((this.forwardState.array[doc] ?? 0) & DECODED) === 0) this.decodeTokens(doc, (codec, text, ids, resume) => codec.decodeIds(text, ids, 0, resume));
    return this.forward.view(this.forwardAt.array[doc] ?? 0, length);
  }

  /**
   * The document's word ids (body, then title) for a reader that goes through the articles once (counting their
   * postings, coding their texts): the kept ones when decoded, else decoded into an array that the next call
   * reuses, so that none is kept. Read as {@link tokens} reads them, a compaction would hold every article's ids
   * decoded (~320 MB at 100,000 real-length articles). Valid until the next call.
   *
   * @example
   * const ids = store.tokensOnce(doc); // Uint32Array [7]: read before asking for another article's
   */
  tokensOnce(doc: number): Uint32Array {
    const length = this.wordCount(doc);
    if (((this.forwardState.array[doc] ?? 0) & DECODED) !== 0) return this.forward.view(this.forwardAt.array[doc] ?? 0, length);
    if (this.onceIds.length < length) this.onceIds = new Uint32Array(2 * length);
    const ids = this.onceIds.subarray(0, length);
    this.decodeInto(doc, ids, (codec, text, out) => codec.decodeIds(text, out, 0));
    return ids;
  }

  /**
   * The check of a phrase (`ids` in a row in a body, see {@link containsRun}), remembering each document's answer
   * for the {@link KEPT_PHRASES} phrases checked last: a phrase checked again (a query refined around it, the next
   * page of results) reads no body twice. A document's answer never changes: changing an article gives it a new id.
   *
   * @example
   * const inBody = store.phraseCheck([interestTerm, ratesTerm]);
   * inBody(doc, [2, 1]); // as containsRun(doc, …), then from memory
   */
  phraseCheck(ids: readonly number[]): (doc: number, counts: readonly number[]) => boolean {
    const key = ids.join(' ');
    let known = this.phrases.get(key);
    this.phrases.delete(key);
    if (known === undefined) {
      known = new Uint8Array(Math.max(this.count, 1));
      this.answerFromPairs(ids, known);
    } else if (known.length < this.count) {
      const grown = new Uint8Array(this.count);
      grown.set(known);
      known = grown;
    }
    this.phrases.set(key, known);
    if (this.phrases.size > KEPT_PHRASES) this.phrases.delete(this.phrases.keys().next().value ?? key);
    const answers = known;
    return (doc, counts) => {
      const answer = answers[doc] ?? UNCHECKED;
      if (answer !== UNCHECKED) return answer === IN_BODY;
      const found = this.containsRun(doc, ids, counts);
      answers[doc] = found ? IN_BODY : NOT_IN_BODY;
      return found;
    };
  }

  /**
   * Makes `pairs` the stored answers that {@link phraseCheck} uses: those a compaction made for this store's articles
   * (and postings), or a load read with them.
   *
   * @example
   * store.useStoredPairs(compacted.pairs);
   */
  useStoredPairs(pairs: PairAnswers | undefined): void {
    this.pairs = pairs;
  }

  /** The stored answers of frequent pairs of words in use (see {@link useStoredPairs}), for saving. */
  get storedPairs(): PairAnswers | undefined {
    return this.pairs;
  }

  /**
   * Fills a phrase's answers from the stored answers of its pairs of words: a candidate of a stored pair lacking it
   * lacks the phrase; a two-word phrase's candidates holding it hold the phrase. Articles the pairs do not cover
   * (added since the compaction that made them), and the rest of a longer phrase's, are checked by reading.
   */
  private answerFromPairs(ids: readonly number[], answers: Uint8Array): void {
    const pairs = this.pairs;
    if (pairs === undefined) return;
    const whole = ids.length === 2;
    for (let i = 0; i + 1 < ids.length; i++) {
      try {
        pairs.visit(ids[i] ?? 0, ids[i + 1] ?? 0, (doc, adjacent) => {
          if (!adjacent) answers[doc] = NOT_IN_BODY;
          else if (whole) answers[doc] = IN_BODY;
        });
      } catch {
        // A pair's answers are decoded when first asked (decoding all at the load would decode their words' postings):
        // one that does not fit its candidates (a file right by its checksum, wrong by its writer) is refused before it
        // answers any, and every phrase is then checked by reading, as without stored answers, instead of failing.
        this.pairs = undefined;
        return;
      }
    }
  }

  /**
   * Whether the document's body holds `ids` in a row (a phrase), whose words occur `counts` times each in it (as
   * its postings count them, which the check relies on). A body still coded is decoded only until the answer is
   * known (the run found, or every occurrence of one of its words read), and the ids decoded so far are kept: the
   * next check or read of the document goes on from there. Decoding every candidate of a phrase whole was most of
   * its first run.
   *
   * @example
   * store.containsRun(doc, [interestTerm, ratesTerm], [2, 1]); // true if "interest rates" is in its body
   */
  containsRun(doc: number, ids: readonly number[], counts: readonly number[]): boolean {
    for (const count of counts) if (count === 0) return false;
    const bodyLength = this.bodyLen.array[doc] ?? 0;
    const state = this.forwardState.array[doc] ?? 0;
    if ((state & DECODED) !== 0) return containsRun(this.forward.view(this.forwardAt.array[doc] ?? 0, bodyLength), ids, counts);
    // Varints decode in 3–5 µs an article (660 words, under load): kept decoded, a common phrase's ~25,000 candidates would hold ~65 MB.
    if ((state & VARINTS) !== 0) return containsRun(this.tokensOnce(doc).subarray(0, bodyLength), ids, counts);
    const codec = this.textCodec;
    const text = this.storedText(doc);
    if (codec === undefined || text.form !== 'coded') return containsRun(this.tokens(doc).subarray(0, bodyLength), ids, counts);
    const finder = this.finder;
    finder.start(ids, counts);
    const tokens = this.tokenRoom(doc);
    const resume = this.resumeOf(doc);
    if (resume !== undefined && finder.resume(tokens, resume.word)) return finder.found;
    const stopped = codec.findRun(text.bytes, tokens, finder, resume);
    if (stopped === undefined) this.decodeTokens(doc, () => undefined);
    else this.keepResume(doc, stopped);
    return finder.found;
  }

  /** The document's room in the forward index for all its ids, reserved the first time its ids are decoded. */
  private tokenRoom(doc: number): Uint32Array {
    const length = this.wordCount(doc);
    const state = this.forwardState.array[doc] ?? 0;
    if ((state & (DECODED | RESERVED)) === 0) {
      this.forwardAt.array[doc] = this.forward.reserve(length);
      this.forwardState.array[doc] = state | RESERVED;
    }
    return this.forward.view(this.forwardAt.array[doc] ?? 0, length);
  }

  /** Where the decoding of the document's body ids stopped last (see {@link containsRun}), if it did. */
  private resumeOf(doc: number): ScanPosition | undefined {
    const partial = this.partial;
    const word = partial?.words[doc] ?? 0;
    if (partial === undefined || word === 0) return undefined;
    return { word, char: 0, bit: partial.bits[doc] ?? 0, literal: partial.literals[doc] ?? 0 };
  }

  private keepResume(doc: number, position: ScanPosition): void {
    if (this.partial === undefined || this.partial.words.length <= doc) {
      const size = Math.max(this.count, doc + 1);
      const grown = { words: new Uint32Array(size), bits: new Float64Array(size), literals: new Uint32Array(size) };
      if (this.partial !== undefined) {
        grown.words.set(this.partial.words);
        grown.bits.set(this.partial.bits);
        grown.literals.set(this.partial.literals);
      }
      this.partial = grown;
    }
    this.partial.words[doc] = position.word;
    this.partial.bits[doc] = position.bit;
    this.partial.literals[doc] = position.literal;
  }

  /**
   * The document's entity terms' (term id, mentions) pairs back to back, without copying; for an article indexed
   * since the load, its whole entity field (the words of entity names too, which readers of entity terms skip).
   * A loaded article's come from the saved postings, without decoding its words: a hover card reads this of 300
   * articles, and decoding each body's words cost ~40 µs.
   *
   * @example
   * const pairs = store.entityField(doc); // [putinTerm, 3, kremlinTerm, 1]
   */
  entityField(doc: number): Uint32Array {
    if (((this.forwardState.array[doc] ?? 0) & FIELD_HELD) === 0) return this.saved?.entityPairs(doc) ?? new Uint32Array(0);
    return this.heldField(doc);
  }

  /**
   * The mentions of the entity term `term` in the document whose posting packs `packed`: the posting's count, or,
   * where the posting clamps it at 15, the count of the document's entity field (exact up to 65,535).
   *
   * @example
   * store.entityMentions(doc, putinTerm, packCounts(0, 0, 31)); // 31, read from the entity field
   */
  entityMentions(doc: number, term: number, packed: number): number {
    const counted = entityCount(packed);
    if (!entityCountClamped(packed)) return counted;
    const field = this.entityField(doc);
    for (let i = 0; i + 1 < field.length; i += 2) if (field[i] === term) return field[i + 1] ?? counted;
    return counted;
  }

  /**
   * The document's whole entity field: (term id, mentions) pairs of its entities and of the words of their names.
   * A loaded article's is made from the saved postings (all of them, at the first call: see
   * {@link wholeFieldSteps}), with a name word's mentions as the postings keep them (at most 15).
   *
   * @example
   * store.wholeEntityField(doc); // [putinTerm, 3, vladimirTerm, 3, putinWordTerm, 3]
   */
  wholeEntityField(doc: number): Uint32Array {
    if (((this.forwardState.array[doc] ?? 0) & FIELD_HELD) === 0) return this.saved?.wholePairs(doc) ?? new Uint32Array(0);
    return this.heldField(doc);
  }

  /** Makes the loaded articles' entity terms' pairs now, pausing every few ms, so that no reader waits for them. */
  *entityFieldSteps(): Generator<void, void> {
    if (this.saved) yield* this.saved.entitySteps();
  }

  /** Makes the loaded articles' whole entity fields now, pausing every few ms (before a compaction reads them). */
  *wholeFieldSteps(): Generator<void, void> {
    if (this.saved) yield* this.saved.wholeSteps();
  }

  /** Drops the loaded articles' whole entity fields once a compaction has read them (a tenth of the text's size). */
  forgetWholeFields(): void {
    this.saved?.forgetWhole();
  }

  /**
   * The document's entity field (see {@link entityField}) copied into `out` from 0, which must hold at least
   * 2 × `entityPairs` values; returns its length. No array is made: a hover card's companions read this of 300
   * articles, and an array per article was a third of the card's time and most of its garbage.
   *
   * @example
   * const length = store.entityFieldInto(doc, scratch); // scratch[0..length): [putinTerm, 3, kremlinTerm, 1]
   */
  entityFieldInto(doc: number, out: Uint32Array): number {
    const field = this.entityField(doc);
    out.set(field);
    return field.length;
  }

  /**
   * The document's title ids as varints, as saved and as {@link loadSteps} takes them (the body's are saved with
   * the text, its entity field in the postings), without copying: a view of the bytes held since the load or since
   * the article was indexed, valid until {@link letIdsGoSteps} lets them go.
   *
   * @example
   * const bytes = store.codedTokens(doc); // [5]: the title's one id, 5
   */
  codedTokens(doc: number): Uint8Array {
    const bytes = this.coded.view(this.codedAt.array[doc] ?? 0, this.codedLen.array[doc] ?? 0);
    if (((this.forwardState.array[doc] ?? 0) & VARINTS) === 0) return bytes;
    const reader = new ByteReader(bytes);
    reader.skipVarints(this.bodyLen.array[doc] ?? 0);
    return bytes.subarray(reader.position);
  }

  /** The entity field of an article indexed since the load (see {@link FIELD_HELD}). */
  private heldField(doc: number): Uint32Array {
    return this.fields.view(this.fieldAt.array[doc] ?? 0, 2 * (this.entityPairs.array[doc] ?? 0));
  }

  private wordCount(doc: number): number {
    return (this.bodyLen.array[doc] ?? 0) + (this.titleLen.array[doc] ?? 0);
  }

  /**
   * Decodes the document's word ids into the forward index and keeps them there (see {@link decodeInto}; `decodeBody`
   * is also given where an earlier decoding of the body stopped).
   */
  private decodeTokens(doc: number, decodeBody: (codec: WordCodec, text: Uint8Array, ids: Uint32Array, resume: ScanPosition | undefined) => void): void {
    const resume = this.resumeOf(doc);
    this.decodeInto(doc, this.tokenRoom(doc), (codec, text, ids) => decodeBody(codec, text, ids, resume));
    this.forwardState.array[doc] = (this.forwardState.array[doc] ?? 0) | DECODED;
    if (this.partial !== undefined && doc < this.partial.words.length) this.partial.words[doc] = 0;
  }

  /**
   * Decodes the document's word ids into `ids`: all from their varints ({@link VARINTS}), or the body's by
   * `decodeBody` (given the codec and the coded text) and the title's from their varints.
   */
  private decodeInto(doc: number, ids: Uint32Array, decodeBody: (codec: WordCodec, text: Uint8Array, ids: Uint32Array) => void): void {
    const length = this.wordCount(doc);
    const bytes = this.coded.view(this.codedAt.array[doc] ?? 0, this.codedLen.array[doc] ?? 0);
    const reader = new ByteReader(bytes);
    if (((this.forwardState.array[doc] ?? 0) & VARINTS) !== 0) reader.varints(ids, 0, length);
    else {
      const codec = this.textCodec;
      const body = this.bodyLen.array[doc] ?? 0;
      const text = this.storedText(doc);
      if (codec === undefined || text.form !== 'coded' || WordCodec.wordCount(text.bytes) !== body) throw new Error('News Corpus: an article\'s token ids are missing.');
      decodeBody(codec, text.bytes, ids);
      reader.varints(ids, body, length - body);
    }
    if (reader.position !== bytes.length) throw new Error('News Corpus: an article\'s token ids do not fill their bytes.');
  }

  /** The document's text as the store holds it (plain, deflated or coded), without copying. */
  storedText(doc: number): StoredText {
    return { bytes: this.texts.view(this.textAt.array[doc] ?? 0, this.textLen.array[doc] ?? 0), form: TEXT_FORMS[this.textForm.array[doc] ?? 0] ?? 'plain' };
  }

  /** The UTF-8 bytes of a text held plain or deflated. */
  private static utf8(text: StoredText): Uint8Array {
    return text.form === 'deflated' ? inflateRawSync(text.bytes) : text.bytes;
  }

  /**
   * The document's text coded with its body ids by the store's codec (for saving): as it is held, or coded now.
   * Throws a "News Corpus:" error when the store has no codec yet (see {@link codecSteps}).
   */
  codedText(doc: number): Uint8Array {
    const stored = this.storedText(doc);
    if (stored.form === 'coded') return stored.bytes;
    if (this.textCodec === undefined) throw new Error('News Corpus: the texts have no codes to be saved with.');
    return this.textCodec.encode({ text: decoder.decode(DocStore.utf8(stored)), bodyStart: this.bodyStart.array[doc] ?? 0, bodyIds: this.tokensOnce(doc).subarray(0, this.bodyLen.array[doc] ?? 0) });
  }

  /**
   * Codes every text with its body ids by the store's codec (see {@link codecSteps}; coded ones are copied as
   * they are) and keeps them so: after a build, the text then takes in memory what it takes in the file. Each
   * article switches to its coded text as soon as that is made, and the texts held before are let go a segment
   * at a time, once no article still reads one: coding them all before letting any go held both at once (at
   * 100,000 real-length articles ~190 MB deflated and ~96 MB coded), the save's peak of memory. Returns the coded
   * texts back to back as the file's text section holds them, in chunks (views of the store's own, none
   * straddling two), and each one's length. Pauses every {@link CODE_STEP_DOCS} articles; the store reads as
   * before in between. Throws a "News Corpus:" error when the store has no codec yet.
   *
   * @example
   * runAtOnce(store.codecSteps(dictionary.all()));
   * const { lengths, chunks } = runAtOnce(store.codeTextSteps()); // lengths[doc]: bytes of article doc's coded text in chunks
   * store.storedText(0).form; // 'coded'
   */
  *codeTextSteps(): Generator<void, { lengths: Uint32Array; chunks: Uint8Array[] }> {
    const texts = this.texts;
    const lastReader = new Map<number, number>();
    for (let doc = 0; doc < this.count; doc++) lastReader.set(texts.segmentOf(this.textAt.array[doc] ?? 0), doc);
    const first = texts.segmentCount;
    for (let doc = 0; doc < this.count; doc++) {
      const coded = this.codedText(doc);
      const segment = texts.segmentOf(this.textAt.array[doc] ?? 0);
      this.textAt.array[doc] = texts.append(coded, 0, coded.length, first);
      this.textLen.array[doc] = coded.length;
      this.textForm.array[doc] = CODED_TEXT;
      if (lastReader.get(segment) === doc) texts.release(segment);
      if (doc % CODE_STEP_DOCS === CODE_STEP_DOCS - 1) yield;
    }
    return { lengths: this.textLen.view(), chunks: texts.runsFrom(first) };
  }

  /**
   * Lets go of the body ids held as varints once the texts are coded with them (see {@link codeTextSteps}): every
   * article then holds its words as a loaded one does, its body's in its coded text and its title's as varints
   * (`titles`: every article's, back to back, as {@link codedTokens} gives them and the file's forward section holds
   * them, with their byte lengths), decoded when first read; an article indexed here keeps its entity field on its
   * own. Ids decoded since are let go too: a saved index holds no more than a reopened one. Pauses every
   * {@link LOAD_STEP_DOCS} articles. Throws a "News Corpus:" error when a text is not coded or `titles` does not fit
   * the articles.
   *
   * @example
   * runAtOnce(store.codeTextSteps());
   * runAtOnce(store.letIdsGoSteps(runAtOnce(codeForward(store))));
   * store.tokens(0); // Uint32Array [7], decoded from the coded text
   */
  *letIdsGoSteps(titles: { readonly lengths: Uint32Array; readonly chunks: readonly Uint8Array[] }): Generator<void, void> {
    if (titles.lengths.length !== this.count) throw new Error('News Corpus: the title ids are not those of this store.');
    for (let doc = 0; doc < this.count; doc++) {
      if (this.textForm.array[doc] !== CODED_TEXT) throw new Error("News Corpus: an article's text is not coded yet.");
      if (doc % LOAD_STEP_DOCS === LOAD_STEP_DOCS - 1) yield;
    }
    const bytes = new Uint8Array(titles.chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let filled = 0;
    for (const chunk of titles.chunks) {
      bytes.set(chunk, filled);
      filled += chunk.length;
    }
    // Every article switches at once: between two pauses one would read its ids from bytes about to be let go.
    const held = this.coded.segmentCount;
    this.codedAt.adopt(DocStore.positions(this.coded.adopt(bytes), titles.lengths, bytes.length, 'token ids'));
    this.codedLen.adopt(titles.lengths);
    for (let segment = 0; segment < held; segment++) this.coded.release(segment);
    for (let doc = 0; doc < this.count; doc++) this.forwardState.array[doc] = CODED | ((this.forwardState.array[doc] ?? 0) & FIELD_HELD);
    this.forward.releaseAll();
    this.forward = new SegmentedArray<Uint32Array>(Uint32Array, FORWARD_SEGMENT, FIRST_SEGMENT);
    this.partial = undefined;
  }

  /**
   * Makes the codes of the coded texts, if the store has none yet: term ids counted over every article's body,
   * separators and spellings from {@link CODEC_SAMPLE_DOCS} articles spread over the store. `terms` is the
   * dictionary's array of terms by id (read when decoding: it may grow). Texts held as they are keep working;
   * saving codes them. A generator that pauses every {@link COUNT_STEP_DOCS} articles counted.
   *
   * @example
   * runAtOnce(store.codecSteps(dictionary.all()));
   * const bytes = store.codedText(0);
   */
  *codecSteps(terms: readonly string[]): Generator<void, void> {
    if (this.textCodec !== undefined) return;
    const counts = new Uint32Array(terms.length);
    for (let doc = 0; doc < this.count; doc++) {
      const body = this.tokensOnce(doc).subarray(0, this.bodyLen.array[doc] ?? 0);
      for (let i = 0; i < body.length; i++) counts[body[i] ?? 0] = (counts[body[i] ?? 0] ?? 0) + 1;
      if (doc % COUNT_STEP_DOCS === COUNT_STEP_DOCS - 1) yield;
    }
    this.textCodec = yield* WordCodec.buildSteps(this.codecSamples(), terms, counts);
  }

  /** {@link CODEC_SAMPLE_DOCS} articles spread over the store, each decoded when the codec reads it. */
  private *codecSamples(): Generator<{ text: string; bodyStart: number; bodyIds: Uint32Array }> {
    const step = Math.max(1, Math.floor(this.count / CODEC_SAMPLE_DOCS));
    for (let doc = 0; doc < this.count; doc += step) yield { text: this.text(doc), bodyStart: this.bodyStart.array[doc] ?? 0, bodyIds: this.tokensOnce(doc).subarray(0, this.bodyLen.array[doc] ?? 0) };
  }

  /**
   * The article's body term ids and its words located in its coded text, for a snippet that decodes only the text
   * around its matches (see {@link CodedLayout}), with the restart points an earlier snippet of it found (kept for
   * {@link KEPT_LAYOUTS} articles), so that the next one scans only the blocks of words it needs. When the ids
   * are still coded, one pass decodes them (kept, as {@link tokens} keeps them) and locates every word. `words` is
   * undefined when the text is not held coded word by word (an article indexed since the last save, or one the
   * codec kept as it is): then {@link text} gives it whole.
   *
   * @example
   * const { body, words } = store.bodyWords(doc); // words?.spans([0]): the body's first word in the text
   */
  bodyWords(doc: number): { body: Uint32Array; words: CodedLayout | undefined } {
    const bodyLength = this.bodyLen.array[doc] ?? 0;
    const { bytes, form } = this.storedText(doc);
    const codec = this.textCodec;
    if (form !== 'coded' || codec === undefined) return { body: this.tokens(doc).subarray(0, bodyLength), words: undefined };
    let restarts = this.restarts.get(doc);
    if (restarts === undefined) {
      if (this.restarts.size >= KEPT_LAYOUTS) this.restarts.clear();
      restarts = new RestartPoints();
      this.restarts.set(doc, restarts);
    }
    const kept = restarts;
    let words: CodedLayout | undefined;
    if (((this.forwardState.array[doc] ?? 0) & DECODED) === 0) this.decodeTokens(doc, (_, text, ids) => (words = codec.locate(text, ids, kept)));
    return { body: this.tokens(doc).subarray(0, bodyLength), words: words ?? codec.layout(bytes, kept) };
  }

  /** The article's original text (as decoded when it was indexed). */
  text(doc: number): string {
    const stored = this.storedText(doc);
    const { bytes } = stored;
    if (stored.form !== 'coded') return decoder.decode(DocStore.utf8(stored));
    if (this.textCodec === undefined) throw new Error('News Corpus: an article\'s text is coded without codes.');
    // Ids held as varints are not worth decoding with the text (see containsRun).
    if (((this.forwardState.array[doc] ?? 0) & (DECODED | VARINTS)) !== 0) return this.textCodec.decodeText(bytes);
    // Its ids are read next (snippets, phrases): decoded in the same pass.
    let text = '';
    this.decodeTokens(doc, (codec, coded, ids) => (text = codec.decodeText(coded, ids)));
    return text;
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
      entityWords: this.entityLen.array[doc] ?? 0,
    };
  }

  /** Sum of the counts of the entity field of an article just appended, the length its scores are normalised by. */
  private entityWords(doc: number): number {
    const field = this.heldField(doc);
    let words = 0;
    for (let i = 1; i < field.length; i += 2) words += field[i] ?? 0;
    return words;
  }

  private countIn(doc: number, sign: 1 | -1): void {
    this.live += sign;
    this.totals.body += sign * (this.bodyLen.array[doc] ?? 0);
    this.totals.title += sign * (this.titleLen.array[doc] ?? 0);
    this.totals.entity += sign * (this.entityLen.array[doc] ?? 0);
  }
}

/** The least of the first `count` values (0 when there are none). */
function shortestOf(values: Uint32Array, count: number): number {
  let least = count > 0 ? (values[0] ?? 0) : 0;
  for (let i = 1; i < count; i++) least = Math.min(least, values[i] ?? 0);
  return least;
}
