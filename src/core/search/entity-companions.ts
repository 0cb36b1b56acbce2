import { selectFirst } from './entity-listing';

/**
 * What counting an entity's companions reads: the entity's own term (not its own companion), its newest
 * articles, the most values an article's entity field ((term, mentions) pairs) can hold and the field copied into
 * an array (giving its length), which terms are entities (one bit per term id), how many term ids there are, and
 * which of two companions sharing as many articles comes first (`rank`, higher first): a rank a term keeps (its
 * kind, say), as the kept counts are forgotten only when the entity's own articles change.
 *
 * @example
 * const source: CompanionSource = { own: putinTerm, docs: () => [7, 3], fieldLength: (doc) => 2 * store.entityPairs.array[doc],
 *   entityField: (doc, out) => store.entityFieldInto(doc, out), isEntity: bits, termCount: 40_000, rank: (term) => (typeOf(term) === 'MISC' ? 0 : 1) };
 */
export interface CompanionSource {
  readonly own: number;
  readonly docs: () => readonly number[];
  readonly fieldLength: (doc: number) => number;
  readonly entityField: (doc: number, out: Uint32Array) => number;
  readonly isEntity: Uint8Array;
  readonly termCount: number;
  readonly rank: (term: number) => number;
}

/**
 * An entity's best companion candidates: entity term ids with the number of the entity's articles that name
 * them, most articles first (then highest rank, then lowest term id), and whether they are all the entities seen with it.
 */
interface Candidates {
  readonly terms: Uint32Array;
  readonly articles: Uint32Array;
  readonly complete: boolean;
}

/**
 * Counts the entities named in the same articles as an entity, and keeps what it counted for each entity, in
 * step with the index: an added or removed article forgets the kept counts of the entities it names (the only
 * ones whose articles it changes), and {@link clear} forgets all of them when the postings are rebuilt. A hover
 * card asks this of an entity each time it is shown, and counting reads the entity fields of up to 300 articles
 * (about 1 ms at 100,000 articles); kept, the same card asks again for nothing. An index counts the largest
 * entities' ahead, when it is prepared ({@link keeps} tells it which are kept already), so that even their first
 * card reads no article.
 *
 * @example
 * const companions = new EntityCompanions();
 * companions.best(source, 10, true); // [{ term: kimTerm, articles: 2 }, …], kept: the next call reads no article
 * companions.keeps(putinTerm, 10); // true: best(source, 10, true) or for fewer reads no article
 * companions.forget(store.entityField(doc)); // an article that names Putin was added or removed: counted again next time
 */
export class EntityCompanions {
  /** Shared-article counts by term id, zeroed after each count: a new array per hover cost ~1 ms at 100,000 articles. */
  private counts = new Uint32Array(0);
  /** One article's entity field at a time, copied here: an array per article made most of a card's garbage. */
  private field = new Uint32Array(0);
  private readonly kept = new Map<number, Candidates>();

  /** How many entities have their companions kept: none, and an added article need not be read for them. */
  get size(): number {
    return this.kept.size;
  }

  /** Whether the best `count` companions of the entity term `own` are kept: {@link best} would read no article for them. */
  keeps(own: number, count: number): boolean {
    const candidates = this.kept.get(own);
    return candidates !== undefined && (candidates.complete || candidates.terms.length >= count);
  }

  /**
   * The best `count` companions of `source.own` (most shared articles first, then highest rank, then lowest term id):
   * ties are ranked before the cut, as an entity of one article shares one with each of its many companions. With `kept`,
   * taken from an earlier call's count when it counted enough, else counted and kept; without, counted alone
   * (from other articles than the usual ones, say).
   */
  best(source: CompanionSource, count: number, kept: boolean): { term: number; articles: number }[] {
    let candidates = kept && this.keeps(source.own, count) ? this.kept.get(source.own) : undefined;
    if (candidates === undefined) {
      candidates = this.count(source, count);
      if (kept) this.kept.set(source.own, candidates);
    }
    const best: { term: number; articles: number }[] = [];
    for (let i = 0; i < Math.min(count, candidates.terms.length); i++) best.push({ term: candidates.terms[i] ?? 0, articles: candidates.articles[i] ?? 0 });
    return best;
  }

  /** Forgets the kept companions of the entities an article names (its entity field, `pairs`): it is being added or removed. */
  forget(pairs: ArrayLike<number>): void {
    for (let i = 0; i < pairs.length && this.kept.size > 0; i += 2) this.kept.delete(pairs[i] ?? 0);
  }

  /** Forgets every kept count. */
  clear(): void {
    this.kept.clear();
  }

  private count(source: CompanionSource, count: number): Candidates {
    const { own, isEntity } = source;
    // Typed counts by term id, and the terms seen, instead of a map: this loop reads tens of thousands of pairs.
    if (this.counts.length < source.termCount) this.counts = new Uint32Array(Math.ceil(source.termCount * 1.25));
    const shared = this.counts;
    const seen: number[] = [];
    for (const doc of source.docs()) {
      const most = source.fieldLength(doc);
      if (this.field.length < most) this.field = new Uint32Array(2 * most);
      const pairs = this.field;
      const length = source.entityField(doc, pairs);
      for (let i = 0; i < length; i += 2) {
        const term = pairs[i] ?? 0;
        // The same field holds the words of entity names, which are not entities.
        if (term === own || ((isEntity[term >> 3] ?? 0) & (1 << (term & 7))) === 0) continue;
        if (shared[term] === 0) seen.push(term);
        shared[term] = (shared[term] ?? 0) + 1;
      }
    }
    // Each term's rank asked once, not at every comparison of the selection.
    const ranks = new Map<number, number>();
    const rankOf = (term: number) => {
      let rank = ranks.get(term);
      if (rank === undefined) ranks.set(term, (rank = source.rank(term)));
      return rank;
    };
    // The best few of the thousands of terms seen: sorting them all was most of a card.
    const best = selectFirst(seen, count, (a, b) => (shared[b] ?? 0) - (shared[a] ?? 0) || rankOf(b) - rankOf(a) || a - b);
    const candidates = { terms: Uint32Array.from(best), articles: Uint32Array.from(best, (term) => shared[term] ?? 0), complete: best.length === seen.length };
    for (const term of seen) shared[term] = 0;
    return candidates;
  }
}
