import { Growable } from './growable';

/** What the store is given for one new article. */
export interface StoredArticle {
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

/** The columns of a {@link DocStore}, as saved and loaded. */
export interface DocColumns {
  readonly paths: string[];
  readonly titles: string[];
  readonly day: Int32Array;
  readonly size: Float64Array;
  readonly mtime: Float64Array;
  readonly bodyStart: Uint32Array;
  readonly bodyLen: Uint32Array;
  readonly titleLen: Uint32Array;
  readonly entityPairs: Uint32Array;
  readonly entityLen: Uint32Array;
  readonly forwardStart: Float64Array;
  readonly forward: Uint32Array;
  readonly textStart: Float64Array;
  readonly text: Uint8Array;
  readonly deleted: Uint8Array;
}

const decoder = new TextDecoder();

/**
 * Every indexed article by document id: its file stamp, date, field lengths, its token ids
 * (the "forward index", used to check phrases and to rebuild postings) and its UTF-8 text (for snippets).
 * Removal only marks a tombstone; {@link CorpusIndex.compact} drops them.
 *
 * @example
 * const store = new DocStore();
 * const id = store.append({ path: 'a.txt', title: 'T', size: 1, mtimeMs: 0, day: 20230913, bodyStart: 16, bodyTokens: 1, titleTokens: 0, entityPairs: 0 },
 *   new Uint32Array([7]), 0, 1, new TextEncoder().encode(' date 2023-09-13 T'), 0);
 * store.text(id); // ' date 2023-09-13 T'
 */
export class DocStore {
  readonly paths: string[];
  readonly titles: string[];
  readonly day: Growable<Int32Array>;
  readonly size: Growable<Float64Array>;
  readonly mtime: Growable<Float64Array>;
  readonly bodyStart: Growable<Uint32Array>;
  readonly bodyLen: Growable<Uint32Array>;
  readonly titleLen: Growable<Uint32Array>;
  readonly entityPairs: Growable<Uint32Array>;
  readonly entityLen: Growable<Uint32Array>;
  readonly forwardStart: Growable<Float64Array>;
  readonly forward: Growable<Uint32Array>;
  readonly textStart: Growable<Float64Array>;
  readonly textBytes: Growable<Uint8Array>;
  readonly deleted: Growable<Uint8Array>;
  private readonly byPath = new Map<string, number>();
  private live = 0;
  private totals = { body: 0, title: 0, entity: 0 };

  constructor(columns?: DocColumns) {
    this.paths = columns ? columns.paths : [];
    this.titles = columns ? columns.titles : [];
    this.day = new Growable(Int32Array, columns?.day);
    this.size = new Growable(Float64Array, columns?.size);
    this.mtime = new Growable(Float64Array, columns?.mtime);
    this.bodyStart = new Growable(Uint32Array, columns?.bodyStart);
    this.bodyLen = new Growable(Uint32Array, columns?.bodyLen);
    this.titleLen = new Growable(Uint32Array, columns?.titleLen);
    this.entityPairs = new Growable(Uint32Array, columns?.entityPairs);
    this.entityLen = new Growable(Uint32Array, columns?.entityLen);
    this.forwardStart = new Growable(Float64Array, columns?.forwardStart);
    this.forward = new Growable(Uint32Array, columns?.forward);
    this.textStart = new Growable(Float64Array, columns?.textStart);
    this.textBytes = new Growable(Uint8Array, columns?.text);
    // Loaded columns may be views into the caller's file buffer: the one column changed in place is copied.
    this.deleted = new Growable(Uint8Array, columns?.deleted.slice());
    // textStart and forwardStart carry one extra entry (the end of the last document).
    if (!columns) {
      this.textStart.push(0);
      this.forwardStart.push(0);
    }
    for (let doc = 0; doc < this.paths.length; doc++) {
      if (this.deleted.array[doc]) continue;
      this.byPath.set(this.paths[doc] ?? '', doc);
      this.countIn(doc, 1);
    }
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
   * and whose text is `text[textFrom..textFrom + article text length)`. Replaces an article with the same path.
   */
  append(article: StoredArticle, tokens: Uint32Array, from: number, to: number, text: Uint8Array, textFrom: number, textTo = text.length): number {
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
    this.forward.append(tokens, from, to);
    this.forwardStart.push(this.forward.length);
    this.entityLen.push(this.entityWords(doc));
    this.textBytes.append(text, textFrom, textTo);
    this.textStart.push(this.textBytes.length);
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

  /** Where the document's tokens start in `forward.array` (body, then title, then entity pairs). */
  forwardOffset(doc: number): number {
    return this.forwardStart.array[doc] ?? 0;
  }

  /** The article's original text (as decoded when it was indexed). */
  text(doc: number): string {
    const start = this.textStart.array[doc] ?? 0;
    const end = this.textStart.array[doc + 1] ?? start;
    return decoder.decode(this.textBytes.array.subarray(start, end));
  }

  /** The document's text bytes, for copying into another store. */
  textSlice(doc: number): [number, number] {
    const start = this.textStart.array[doc] ?? 0;
    return [start, this.textStart.array[doc + 1] ?? start];
  }

  /** The columns as typed arrays trimmed to their length, for saving. */
  columns(): DocColumns {
    return {
      paths: this.paths,
      titles: this.titles,
      day: this.day.view(),
      size: this.size.view(),
      mtime: this.mtime.view(),
      bodyStart: this.bodyStart.view(),
      bodyLen: this.bodyLen.view(),
      titleLen: this.titleLen.view(),
      entityPairs: this.entityPairs.view(),
      entityLen: this.entityLen.view(),
      forwardStart: this.forwardStart.view(),
      forward: this.forward.view(),
      textStart: this.textStart.view(),
      text: this.textBytes.view(),
      deleted: this.deleted.view(),
    };
  }

  /** Sum of the counts of the entity field, the length its scores are normalised by. */
  private entityWords(doc: number): number {
    const start = this.forwardOffset(doc) + (this.bodyLen.array[doc] ?? 0) + (this.titleLen.array[doc] ?? 0);
    const end = this.forwardStart.array[doc + 1] ?? start;
    let words = 0;
    for (let i = start + 1; i < end; i += 2) words += this.forward.array[i] ?? 0;
    return words;
  }

  private countIn(doc: number, sign: 1 | -1): void {
    this.live += sign;
    this.totals.body += sign * (this.bodyLen.array[doc] ?? 0);
    this.totals.title += sign * (this.titleLen.array[doc] ?? 0);
    this.totals.entity += sign * (this.entityLen.array[doc] ?? 0);
  }
}
