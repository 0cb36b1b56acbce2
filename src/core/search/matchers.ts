import { DocStore } from './doc-store';
import { Growable } from './growable';
import { PostingList, bodyCount, findDoc, postingCount, seekDoc } from './postings';
import { Scorer } from './scoring';
import { TopK } from './top-k';

/** Receives each matching document with its score; a document may arrive more than once (summed). */
type MatchSink = (doc: number, score: number) => void;

/**
 * One query atom or clause, evaluated against the postings. `collect` walks every match;
 * `probe` checks a single document (a score ≥ 0, or -1 when it does not match) — the evaluator
 * picks whichever is cheaper from `cost` (postings walked) and `probeCost` (per document).
 *
 * @example
 * const score = matcher.probe(doc); // -1 if doc does not match
 */
export interface Matcher {
  readonly cost: number;
  readonly probeCost: number;
  /** Whether `collect` reports each document at most once. */
  readonly distinct: boolean;
  collect(sink: MatchSink): void;
  probe(doc: number): number;
  /**
   * What an evaluator does through `collect`, without a call per posting: each document not `deleted` (and, with
   * `within`, stamped in that pass: the candidates a further clause filters) is summed into `into`, its first score
   * stamping it and listing it in `found` (when given), later ones adding to it.
   */
  sumInto?(into: ScoreSums, deleted: Uint8Array, found?: DocList, within?: ScoreSums): void;
  /**
   * For a `distinct` matcher alone in its query: offers `top` each document not `deleted` with its score, as
   * offering what `collect` reports does, but without scoring the documents that cannot be kept; returns how many
   * documents it had (all counted, scored or not).
   */
  offerTo?(top: TopK, deleted: Uint8Array): number;
  /**
   * For a matcher with a costly last check per document (a phrase's sequence): the matcher without it, and the
   * check, which an evaluator then runs only on the documents every other clause kept.
   */
  deferred?(): { matcher: Matcher; verify: PhraseCheck };
  /**
   * The matcher's documents one at a time in ascending order, with their scores, for an evaluator that merges the
   * clauses of a query document by document; undefined when it has none to give (several postings lists).
   */
  cursor?(): DocCursor | undefined;
  /**
   * Its postings listed without being scored, for an evaluator that scores only the documents its further clauses
   * keep; undefined when it has none to give (several postings lists).
   */
  placed?(): PlacedPostings | undefined;
}

/**
 * One list's postings, listed first and scored later: {@link placeInto} stamps each document not `deleted` in
 * `into`, lists it in `found` and keeps its posting's place in `into.sums`; {@link scoreAt} then gives the score
 * `sumInto` would have summed for it (the same number, to the last bit).
 *
 * @example
 * placed.placeInto(first, deleted, candidates);
 * const score = placed.scoreAt(first.sums[doc] ?? 0, doc); // for a candidate that every further clause kept
 */
export interface PlacedPostings {
  placeInto(into: ScoreSums, deleted: Uint8Array, found: DocList): void;
  scoreAt(place: number, doc: number): number;
}

/**
 * Where a {@link DocCursor} stands once past its last document: above every document id.
 *
 * @example
 * if (cursor.seek(doc) === NO_MORE_DOCS) return; // none of its documents is at or after doc
 */
export const NO_MORE_DOCS = 0x7fffffff;

/**
 * A matcher's documents in ascending order: {@link seek} moves forward to the first one at or after a document,
 * and {@link score} gives the score of the one it stands on, summed over its postings in the order `sumInto` and
 * `probe` add them (the same number, to the last bit).
 *
 * @example
 * for (let doc = cursor.seek(0); doc !== NO_MORE_DOCS; doc = cursor.seek(doc + 1)) top.offer(doc, cursor.score());
 */
export interface DocCursor {
  /** The first of its documents at or after `doc` ({@link NO_MORE_DOCS} when none is): `doc` never goes back from call to call. */
  seek(doc: number): number;
  /** The score of the document the last {@link seek} stopped on. */
  score(): number;
}

/**
 * The scores of one evaluation pass by document: `sums[doc]` is the document's score so far where `stamps[doc]`
 * is `stamp` (the scratch arrays of an evaluation, reused across queries).
 *
 * @example
 * const into: ScoreSums = { stamp: 1, stamps: new Uint32Array(docCount), sums: new Float64Array(docCount) };
 */
export interface ScoreSums {
  readonly stamp: number;
  readonly stamps: Uint32Array;
  readonly sums: Float64Array;
}

/**
 * Document ids in the order they were listed, in a typed array that grows and is kept from one query to the next:
 * an evaluation's candidates (tens of thousands for a common word at 100,000 articles) were a JavaScript array
 * made and grown anew per query and per clause, 17 MB of garbage per round of the benchmark's queries.
 *
 * @example
 * const found = new DocList();
 * found.push(7);
 * found.keep((doc) => doc > 5); // found.length: 1, found.at(0): 7
 */
export class DocList {
  /** Grows as {@link Growable} does and keeps its room when cleared. */
  private readonly docs = new Growable(Uint32Array);

  get length(): number {
    return this.docs.length;
  }

  at(index: number): number {
    return this.docs.array[index] ?? 0;
  }

  push(doc: number): void {
    this.docs.push(doc);
  }

  /** Empties the list, keeping its room. */
  clear(): void {
    this.docs.clear();
  }

  /**
   * Puts `doc` at `index`, below the length: with {@link truncate}, how a loop that reads each document once keeps
   * some of them in place without a call per document.
   */
  put(index: number, doc: number): void {
    this.docs.array[index] = doc;
  }

  /** Keeps the first `length` documents. */
  truncate(length: number): void {
    this.docs.length = Math.min(this.docs.length, length);
  }

  /** Keeps the documents `keep` says yes to, in their order. */
  keep(keep: (doc: number) => boolean): void {
    const docs = this.docs.array;
    let kept = 0;
    for (let i = 0; i < this.docs.length; i++) {
      const doc = docs[i] ?? 0;
      if (keep(doc)) docs[kept++] = doc;
    }
    this.docs.length = kept;
  }
}

/**
 * Adds `score` to `doc`'s sum in `into`: the pass's first score of a document stamps it and lists it in `found` (when given).
 *
 * @example
 * addScore(into, 7, 1.5, found); // into.sums[7] === 1.5, found: [7]
 * addScore(into, 7, 0.5, found); // into.sums[7] === 2, found still [7]
 */
export function addScore(into: ScoreSums, doc: number, score: number, found: DocList | undefined): void {
  const { stamps, sums } = into;
  if (stamps[doc] !== into.stamp) {
    stamps[doc] = into.stamp;
    sums[doc] = score;
    found?.push(doc);
  } else {
    sums[doc] = (sums[doc] ?? 0) + score;
  }
}

/**
 * A dictionary term a query atom reaches, with its postings and the factor its field score is multiplied by.
 *
 * @example
 * const lists = context.lists(term);
 * const exact: Expansion = { lists, factor: scorer.idf(postingCount(lists)) };
 */
export interface Expansion {
  readonly lists: readonly PostingList[];
  /** Match weight (exact 1, prefix or fuzzy less) times idf. */
  readonly factor: number;
}

function listsProbeCost(lists: readonly PostingList[]): number {
  let cost = 0;
  for (const list of lists) cost += Math.log2(list.end - list.start + 1) + 1;
  return cost;
}

/**
 * Words (exact, prefix or fuzzy expansions) or entity terms: a document matches if it has any of them.
 *
 * @example
 * const matcher = new TermsMatcher([{ lists, factor: 1.3 }], scorer, 'words');
 */
export class TermsMatcher implements Matcher {
  readonly cost: number;
  readonly probeCost: number;
  readonly distinct: boolean;

  constructor(
    private readonly expansions: readonly Expansion[],
    private readonly scorer: Scorer,
    private readonly kind: 'words' | 'entity',
  ) {
    this.distinct = expansions.length <= 1;
    this.cost = expansions.reduce((sum, expansion) => sum + postingCount(expansion.lists), 0);
    this.probeCost = expansions.reduce((sum, expansion) => sum + listsProbeCost(expansion.lists), 0);
  }

  collect(sink: MatchSink): void {
    const scorer = this.scorer;
    const words = this.kind === 'words';
    for (const { lists, factor } of this.expansions) {
      for (const { docs, counts, start, end } of lists) {
        for (let i = start; i < end; i++) {
          const doc = docs[i] ?? 0;
          const packed = counts[i] ?? 0;
          sink(doc, factor * (words ? scorer.fields(packed, doc) : scorer.mentions(packed)));
        }
      }
    }
  }

  sumInto(into: ScoreSums, deleted: Uint8Array, found?: DocList, within?: ScoreSums): void {
    const scorer = this.scorer;
    const words = this.kind === 'words';
    // Documents outside `within` are skipped before they are scored (`collect` scored every posting).
    const stamps = within?.stamps;
    const stamp = within?.stamp;
    // The loop of `collect` with the evaluator's summing written in: without its call per posting, the median query
    // at 100,000 articles took 9–12 % less CPU (same runs, old and new code alternating).
    for (const { lists, factor } of this.expansions) {
      for (const { docs, counts, start, end } of lists) {
        for (let i = start; i < end; i++) {
          const doc = docs[i] ?? 0;
          if (deleted[doc] || (stamps !== undefined && stamps[doc] !== stamp)) continue;
          const packed = counts[i] ?? 0;
          addScore(into, doc, factor * (words ? scorer.fields(packed, doc) : scorer.mentions(packed)), found);
        }
      }
    }
  }

  /**
   * A word's postings need not all be scored for a top 50: once the heap is full, a posting whose score's bound
   * from its counts alone ({@link Scorer.fieldsBound}, kept per packed counts) is below the heap's worst cannot come
   * in (`said` at 100,000 articles scored and offered 99,991 postings for its 50 best). Skipping only those, the
   * heap goes through the same states as when offered every posting: the same documents and scores, ties included.
   */
  offerTo(top: TopK, deleted: Uint8Array): number {
    const scorer = this.scorer;
    const words = this.kind === 'words';
    let total = 0;
    for (const { lists, factor } of this.expansions) {
      // A bound scaled by a factor that is not positive would bound nothing: every posting is then scored.
      const bounds = new Float64Array(BOUNDED_COUNTS).fill(words && factor > 0 ? Number.NaN : Infinity);
      let floor = top.floor();
      for (const { docs, counts, start, end } of lists) {
        for (let i = start; i < end; i++) {
          const doc = docs[i] ?? 0;
          if (deleted[doc]) continue;
          total++;
          const packed = counts[i] ?? 0;
          if (packed < BOUNDED_COUNTS) {
            let bound = bounds[packed] ?? Infinity;
            if (Number.isNaN(bound)) bounds[packed] = bound = factor * scorer.fieldsBound(packed);
            if (bound < floor) continue;
          }
          top.offer(doc, factor * postingScore(scorer, this.kind, packed, doc));
          floor = top.floor();
        }
      }
    }
    return total;
  }

  /**
   * A cursor over its one postings list; none over several (an entity's, a prefix's): walking them in step read
   * every one of them at each document, and cost more than summing them (`place:Japan` at 100,000 articles).
   */
  cursor(): DocCursor | undefined {
    return this.oneList();
  }

  /** Its one postings list unscored; none for several (see {@link cursor}). */
  placed(): PlacedPostings | undefined {
    return this.oneList();
  }

  private oneList(): OneList | undefined {
    const [expansion, ...others] = this.expansions;
    const [list, ...more] = expansion?.lists ?? [];
    if (expansion === undefined || list === undefined || others.length > 0 || more.length > 0) return undefined;
    return new OneList(list, expansion.factor, this.scorer, this.kind);
  }

  probe(doc: number): number {
    let score = -1;
    for (const { lists, factor } of this.expansions) {
      for (const list of lists) {
        const at = findDoc(list, doc);
        if (at < 0) continue;
        const packed = list.counts[at] ?? 0;
        score = Math.max(score, 0) + factor * postingScore(this.scorer, this.kind, packed, doc);
      }
    }
    return score;
  }
}

/**
 * The packed counts whose bound {@link TermsMatcher.offerTo} keeps in a table: those of words in the body and title
 * alone (a word in the entity field as well is scored without a bound).
 */
const BOUNDED_COUNTS = 1 << 12;

/**
 * One posting's score before its expansion's factor: a word's by the fields it occurs in, an entity's by its
 * mentions. (`collect` and `sumInto` write it out in their loops, which a call per posting made slower.)
 */
function postingScore(scorer: Scorer, kind: 'words' | 'entity', packed: number, doc: number): number {
  return kind === 'words' ? scorer.fields(packed, doc) : scorer.mentions(packed);
}

/** One postings list in ascending order, each posting scored as {@link TermsMatcher} scores it. */
class OneList implements DocCursor, PlacedPostings {
  private at: number;

  constructor(
    private readonly list: PostingList,
    private readonly factor: number,
    private readonly scorer: Scorer,
    private readonly kind: 'words' | 'entity',
  ) {
    this.at = list.start;
  }

  seek(doc: number): number {
    const list = this.list;
    this.at = seekDoc(list, this.at, doc);
    return this.at < list.end ? (list.docs[this.at] ?? NO_MORE_DOCS) : NO_MORE_DOCS;
  }

  score(): number {
    return this.scoreAt(this.at, this.list.docs[this.at] ?? 0);
  }

  placeInto(into: ScoreSums, deleted: Uint8Array, found: DocList): void {
    const { docs, start, end } = this.list;
    const { stamps, sums, stamp } = into;
    for (let i = start; i < end; i++) {
      const doc = docs[i] ?? 0;
      if (deleted[doc]) continue;
      stamps[doc] = stamp;
      sums[doc] = i;
      found.push(doc);
    }
  }

  scoreAt(place: number, doc: number): number {
    return this.factor * postingScore(this.scorer, this.kind, this.list.counts[place] ?? 0, doc);
  }
}

/**
 * A phrase's check for one document, given each word's occurrences in its body as its postings count them: a
 * matcher that leaves it to the evaluator ({@link PhraseMatcher.deferred}) hands it over with the words' matcher.
 *
 * @example
 * const { matcher, verify } = phrase.deferred();
 * candidates.filter((doc) => verify(doc));
 */
export type PhraseCheck = (doc: number) => boolean;

/**
 * An exact phrase: every word must be in the document, then its body is checked for the words in sequence
 * ({@link DocStore.phraseCheck}: from the forward index, decoding a body still coded only as far as it must, each
 * document's answer kept).
 *
 * @example
 * const matcher = new PhraseMatcher([7, 12], [expansion7, expansion12], store, scorer);
 */
export class PhraseMatcher implements Matcher {
  readonly cost: number;
  readonly probeCost: number;
  readonly distinct = true;
  private readonly driver: number;
  /** Each word's body count in the document last scored, for the check. */
  private readonly counts: number[];
  private readonly inBody: (doc: number, counts: readonly number[]) => boolean;

  /** `verifying`: whether `collect` and `probe` check the sequence, or leave it to whoever asked for {@link deferred}. */
  constructor(
    private readonly terms: readonly number[],
    private readonly words: readonly Expansion[],
    private readonly store: DocStore,
    private readonly scorer: Scorer,
    private readonly verifying = true,
  ) {
    const costs = words.map((word) => postingCount(word.lists));
    this.driver = costs.indexOf(Math.min(...costs));
    this.cost = costs[this.driver] ?? 0;
    this.probeCost = words.reduce((sum, word) => sum + listsProbeCost(word.lists), 0) + (verifying ? PHRASE_VERIFY_COST : 0);
    this.counts = words.map(() => 0);
    this.inBody = store.phraseCheck(terms);
  }

  /**
   * The phrase as the matcher of its words alone (every one in the document, scored as the phrase is), and the
   * check of their sequence: an evaluator checks only the documents that every other clause kept.
   */
  deferred(): { matcher: Matcher; verify: PhraseCheck } {
    return { matcher: new PhraseMatcher(this.terms, this.words, this.store, this.scorer, false), verify: (doc) => this.probe(doc) >= 0 };
  }

  collect(sink: MatchSink): void {
    const driver = this.words[this.driver];
    if (!driver) return;
    // The driver's documents arrive in ascending order, so each other list is walked once with a cursor.
    const cursors = this.words.map((word) => word.lists.map((list) => list.start));
    for (const { docs, start, end } of driver.lists) {
      for (let i = start; i < end; i++) {
        const doc = docs[i] ?? 0;
        const score = this.scoreWithCursors(doc, cursors);
        if (score >= 0 && this.inSequence(doc)) sink(doc, score);
      }
    }
  }

  private scoreWithCursors(doc: number, cursors: number[][]): number {
    let score = 0;
    for (let w = 0; w < this.words.length; w++) {
      const word = this.words[w];
      const positions = cursors[w];
      if (!word || !positions) return -1;
      let found = false;
      let count = 0;
      for (let l = 0; l < word.lists.length; l++) {
        const list = word.lists[l];
        if (!list) continue;
        const at = seekDoc(list, positions[l] ?? list.start, doc);
        positions[l] = at;
        if (at < list.end && list.docs[at] === doc) {
          const packed = list.counts[at] ?? 0;
          score += word.factor * this.scorer.fields(packed, doc);
          count += bodyCount(packed);
          found = true;
        }
      }
      if (!found) return -1;
      this.counts[w] = count;
    }
    return score;
  }

  probe(doc: number): number {
    let score = 0;
    for (let w = 0; w < this.words.length; w++) {
      const { lists, factor } = this.words[w] as Expansion;
      let found = false;
      let count = 0;
      for (const list of lists) {
        const at = findDoc(list, doc);
        if (at < 0) continue;
        const packed = list.counts[at] ?? 0;
        score += factor * this.scorer.fields(packed, doc);
        count += bodyCount(packed);
        found = true;
      }
      if (!found) return -1;
      this.counts[w] = count;
    }
    return this.inSequence(doc) ? score : -1;
  }

  /** Whether the document last scored has the words in sequence (always, when the check is deferred). */
  private inSequence(doc: number): boolean {
    return !this.verifying || this.inBody(doc, this.counts);
  }
}

/** Probing a phrase reads the document's tokens; counted as this many binary-search steps. */
const PHRASE_VERIFY_COST = 64;

/**
 * Articles dated within an inclusive range of `YYYYMMDD` numbers.
 *
 * @example
 * const september = new DateMatcher(20230901, 20230930, store);
 */
export class DateMatcher implements Matcher {
  readonly cost: number;
  readonly probeCost = 1;
  readonly distinct = true;

  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly store: DocStore,
  ) {
    this.cost = store.count;
  }

  collect(sink: MatchSink): void {
    const days = this.store.day.array;
    for (let doc = 0; doc < this.store.count; doc++) {
      const day = days[doc] ?? 0;
      if (day >= this.from && day <= this.to) sink(doc, 0);
    }
  }

  probe(doc: number): number {
    const day = this.store.day.array[doc] ?? 0;
    return day >= this.from && day <= this.to ? 0 : -1;
  }
}

/**
 * Alternatives joined by OR: a document matches if any does; scores add up.
 *
 * @example
 * const either = new AnyMatcher([wheat, corn]);
 */
export class AnyMatcher implements Matcher {
  readonly cost: number;
  readonly probeCost: number;
  readonly distinct = false;

  constructor(private readonly alternatives: readonly Matcher[]) {
    this.cost = alternatives.reduce((sum, matcher) => sum + matcher.cost, 0);
    this.probeCost = alternatives.reduce((sum, matcher) => sum + matcher.probeCost, 0);
  }

  collect(sink: MatchSink): void {
    for (const matcher of this.alternatives) matcher.collect(sink);
  }

  probe(doc: number): number {
    let score = -1;
    for (const matcher of this.alternatives) {
      const found = matcher.probe(doc);
      if (found >= 0) score = Math.max(score, 0) + found;
    }
    return score;
  }
}
