import { DocStore, FieldLengths } from './doc-store';
import { bodyCount, entityCount, titleCount } from './postings';

/** BM25 term-frequency saturation. */
const BM25_K1 = 1.2;
/** BM25 length normalisation. */
const BM25_B = 0.75;

/**
 * How much a match in each field weighs: a word in the title or in an entity's name says more
 * about what the article is about than the same word in the body.
 */
const FIELD_WEIGHTS = { body: 1, title: 3, entity: 2 } as const;

/**
 * Weight of a dictionary word reached by a prefix (`bank*` → "banking"); the exact word weighs 1.
 *
 * @example
 * const weight = term === prefix ? 1 : PREFIX_WEIGHT; // bank* gives "banking" 0.6, "bank" itself 1
 */
export const PREFIX_WEIGHT = 0.6;
/**
 * Weight of a word one edit away from a fuzzy word; two edits weigh half of this.
 *
 * @example
 * const weight = distance === 0 ? 1 : FUZZY_WEIGHT / distance; // 0.5 for one edit, 0.25 for two
 */
export const FUZZY_WEIGHT = 0.5;
/** Weight of an entity filter's match, per unit of BM25 over the entity's mention count. */
const ENTITY_FILTER_WEIGHT = 1;

/**
 * BM25 over the three fields of the index, with the collection statistics of one moment.
 *
 * @example
 * const scorer = new Scorer(store);
 * const score = scorer.idf(df) * scorer.fields(packed, doc);
 */
export class Scorer {
  private readonly liveCount: number;
  private readonly bodyNorm: number;
  private readonly titleNorm: number;
  private readonly entityNorm: number;
  private readonly bodyLen: Uint32Array;
  private readonly titleLen: Uint32Array;
  private readonly entityLen: Uint32Array;
  /** This scorer over the store's shortest fields, made when a bound is first asked for. */
  private bounding: Scorer | undefined;

  /** `lengths`: every document scored as if its fields had these lengths (what {@link fieldsBound} scores with). */
  constructor(
    private readonly store: DocStore,
    lengths?: FieldLengths,
  ) {
    const averages = store.averages();
    this.liveCount = store.liveCount;
    this.bodyNorm = BM25_B / averages.body;
    this.titleNorm = BM25_B / averages.title;
    this.entityNorm = BM25_B / averages.entity;
    this.bodyLen = lengths === undefined ? store.bodyLen.array : Uint32Array.of(lengths.body);
    this.titleLen = lengths === undefined ? store.titleLen.array : Uint32Array.of(lengths.title);
    this.entityLen = lengths === undefined ? store.entityLen.array : Uint32Array.of(lengths.entity);
  }

  /**
   * Inverse document frequency of a term found in `df` documents (BM25's, never negative). `df` counts the postings,
   * which keep removed articles until compaction: above the live count, it is taken as every live article (a common
   * word's idf went below zero after many removals, and its matches sank below articles it barely matched).
   */
  idf(df: number): number {
    const live = Math.min(df, this.liveCount);
    return Math.log(1 + (this.liveCount - live + 0.5) / (live + 0.5));
  }

  /** The field-weighted BM25 of one posting, before idf. */
  fields(packed: number, doc: number): number {
    let score = 0;
    const body = bodyCount(packed);
    if (body > 0) score += (FIELD_WEIGHTS.body * body * (BM25_K1 + 1)) / (body + BM25_K1 * (1 - BM25_B + this.bodyNorm * (this.bodyLen[doc] ?? 0)));
    const title = titleCount(packed);
    if (title > 0) score += (FIELD_WEIGHTS.title * title * (BM25_K1 + 1)) / (title + BM25_K1 * (1 - BM25_B + this.titleNorm * (this.titleLen[doc] ?? 0)));
    const entity = entityCount(packed);
    if (entity > 0) score += (FIELD_WEIGHTS.entity * entity * (BM25_K1 + 1)) / (entity + BM25_K1 * (1 - BM25_B + this.entityNorm * (this.entityLen[doc] ?? 0)));
    return score;
  }

  /**
   * The most {@link fields} gives a posting of `packed` in any document of the store: BM25 grows as a field gets
   * shorter, so this is {@link fields} itself over the store's shortest fields (the same operations on lengths no
   * longer than any article's, whose rounding cannot make the sum smaller either). One formula for both: a copy
   * written out apart could slip and drop articles that belong in a top 50.
   *
   * @example
   * scorer.fieldsBound(packed) >= scorer.fields(packed, doc); // for every document of the store
   */
  fieldsBound(packed: number): number {
    const bounding = this.bounding ?? (this.bounding = new Scorer(this.store, this.store.shortestLengths()));
    return bounding.fields(packed, 0);
  }

  /** The score of an entity filter's posting: saturating in the number of mentions. */
  mentions(packed: number): number {
    const count = entityCount(packed);
    return (ENTITY_FILTER_WEIGHT * count * (BM25_K1 + 1)) / (count + BM25_K1);
  }
}
