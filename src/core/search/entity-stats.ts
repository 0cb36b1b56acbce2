import { DocStore } from './doc-store';

/**
 * How often the corpus mentions one entity: articles, mentions, and the first and last day (`YYYYMMDD`,
 * 0 when no dated article mentions it).
 *
 * @example
 * const putin: EntityFigures = { articles: 2, mentions: 9, firstDay: 20230912, lastDay: 20230913 };
 */
export interface EntityFigures {
  readonly articles: number;
  readonly mentions: number;
  readonly firstDay: number;
  readonly lastDay: number;
}

/** Documents counted between two chances to pause (~1 ms of work). */
const BUILD_STEP_DOCS = 2000;
const MIN_CAPACITY = 1024;

/**
 * Per-entity figures kept in step with the index: built once from the forward index (after a load or a
 * compaction), then updated per added or removed article in time proportional to that article's entities.
 * A removed article on an entity's first or last day leaves that entity's dates to be recounted from its
 * postings by the index ({@link EntityStats.datesStale}), since a minimum cannot be taken back.
 *
 * @example
 * const stats = runAtOnce(EntityStats.buildSteps(store, termCount, (term) => table.byTermId(term) !== undefined));
 * stats.figures(putinTerm); // { articles: 2, mentions: 9, firstDay: 20230912, lastDay: 20230913 }
 */
export class EntityStats {
  private articles: Uint32Array;
  private mentions: Uint32Array;
  private first: Int32Array;
  private last: Int32Array;
  private readonly staleDates = new Set<number>();

  private constructor(
    capacity: number,
    private readonly isEntityTerm: (term: number) => boolean,
  ) {
    this.articles = new Uint32Array(capacity);
    this.mentions = new Uint32Array(capacity);
    this.first = new Int32Array(capacity);
    this.last = new Int32Array(capacity);
  }

  /** Figures set one entity at a time with {@link set}, as a saved index is loaded. */
  static empty(termCount: number, isEntityTerm: (term: number) => boolean): EntityStats {
    return new EntityStats(Math.max(MIN_CAPACITY, termCount), isEntityTerm);
  }

  /** Counts every live document of `store`, pausing every {@link BUILD_STEP_DOCS} documents. */
  static *buildSteps(store: DocStore, termCount: number, isEntityTerm: (term: number) => boolean): Generator<void, EntityStats> {
    const stats = new EntityStats(Math.max(MIN_CAPACITY, termCount), isEntityTerm);
    for (let doc = 0; doc < store.count; doc++) {
      if (store.isLive(doc)) stats.add(store, doc);
      if (doc % BUILD_STEP_DOCS === BUILD_STEP_DOCS - 1) yield;
    }
    return stats;
  }

  /** Counts a document that joined the index. */
  add(store: DocStore, doc: number): void {
    const day = store.day.array[doc] ?? 0;
    this.forEachEntity(store, doc, (term, mentions) => {
      this.ensure(term);
      this.articles[term] = (this.articles[term] ?? 0) + 1;
      this.mentions[term] = (this.mentions[term] ?? 0) + mentions;
      if (day === 0) return;
      if ((this.first[term] ?? 0) === 0 || day < (this.first[term] ?? 0)) this.first[term] = day;
      if (day > (this.last[term] ?? 0)) this.last[term] = day;
    });
  }

  /** Takes back a document that leaves the index (call before the store forgets it). */
  remove(store: DocStore, doc: number): void {
    const day = store.day.array[doc] ?? 0;
    this.forEachEntity(store, doc, (term, mentions) => {
      if (term >= this.articles.length) return;
      this.articles[term] = Math.max(0, (this.articles[term] ?? 0) - 1);
      this.mentions[term] = Math.max(0, (this.mentions[term] ?? 0) - mentions);
      if (this.articles[term] === 0) {
        this.first[term] = 0;
        this.last[term] = 0;
        this.staleDates.delete(term);
      } else if (day !== 0 && (day === this.first[term] || day === this.last[term])) {
        this.staleDates.add(term);
      }
    });
  }

  /** Sets the figures of the entity term `term`, as they were saved. */
  set(term: number, figures: EntityFigures): void {
    this.ensure(term);
    this.articles[term] = figures.articles;
    this.mentions[term] = figures.mentions;
    this.first[term] = figures.firstDay;
    this.last[term] = figures.lastDay;
  }

  /** Whether the entity's first or last day may be out of date (see {@link setDates}). */
  datesStale(term: number): boolean {
    return this.staleDates.has(term);
  }

  /** Records recounted dates of an entity whose dates were stale. */
  setDates(term: number, firstDay: number, lastDay: number): void {
    this.ensure(term);
    this.first[term] = firstDay;
    this.last[term] = lastDay;
    this.staleDates.delete(term);
  }

  /** Number of live articles mentioning the entity term `term`. */
  articleCount(term: number): number {
    return this.articles[term] ?? 0;
  }

  /** Number of mentions of the entity term `term` (at most 65,535 counted per article). */
  mentionCount(term: number): number {
    return this.mentions[term] ?? 0;
  }

  figures(term: number): EntityFigures {
    return { articles: this.articles[term] ?? 0, mentions: this.mentions[term] ?? 0, firstDay: this.first[term] ?? 0, lastDay: this.last[term] ?? 0 };
  }

  private forEachEntity(store: DocStore, doc: number, onEntity: (term: number, mentions: number) => void): void {
    const tokens = store.entityField(doc);
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      const term = tokens[i] ?? 0;
      if (this.isEntityTerm(term)) onEntity(term, tokens[i + 1] ?? 0);
    }
  }

  private ensure(term: number): void {
    if (term < this.articles.length) return;
    const capacity = Math.max(term + 1, this.articles.length * 2);
    this.articles = grown(this.articles, new Uint32Array(capacity));
    this.mentions = grown(this.mentions, new Uint32Array(capacity));
    this.first = grown(this.first, new Int32Array(capacity));
    this.last = grown(this.last, new Int32Array(capacity));
  }
}

function grown<T extends Uint32Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
