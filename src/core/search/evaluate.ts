import { DocStore } from './doc-store';
import { DocCursor, DocList, Matcher, NO_MORE_DOCS, PhraseCheck, PlacedPostings, ScoreSums, addScore } from './matchers';
import { ResultOrder, TieBreak, TopK } from './top-k';

/**
 * A clause ready to evaluate.
 *
 * @example
 * const notSeptember: ClauseMatcher = { matcher: new DateMatcher(20230901, 20230930, store), negated: true };
 */
export interface ClauseMatcher {
  readonly matcher: Matcher;
  readonly negated: boolean;
}

/** The ranked documents of a query and how many matched in all. */
interface Ranked {
  readonly top: readonly { doc: number; score: number }[];
  readonly total: number;
}

/**
 * Scratch arrays indexed by document id, reused across queries; a generation number per array
 * marks which entries belong to the current pass, so nothing is cleared between queries.
 *
 * @example
 * const pass = new Scratch().next(0, store.count);
 * pass.stamps[doc] = pass.stamp; // doc is marked in this pass only: the next call stamps with a new number
 */
export class Scratch {
  private stamps = [new Uint32Array(0), new Uint32Array(0)];
  private sums = [new Float64Array(0), new Float64Array(0)];
  private generation = 0;
  /** An evaluation's candidates, filtered in place by each further clause. */
  readonly candidates = new DocList();

  /** Fresh arrays pair `which` for `docCount` documents: the stamp to write and the arrays. */
  next(which: 0 | 1, docCount: number): { stamp: number; stamps: Uint32Array; sums: Float64Array } {
    if ((this.stamps[which]?.length ?? 0) < docCount) {
      const capacity = Math.max(docCount, (this.stamps[which]?.length ?? 0) * 2);
      this.stamps[which] = new Uint32Array(capacity);
      this.sums[which] = new Float64Array(capacity);
    }
    this.generation++;
    return { stamp: this.generation, stamps: this.stamps[which] ?? new Uint32Array(0), sums: this.sums[which] ?? new Float64Array(0) };
  }
}

/**
 * Evaluates AND-of-clauses document at a time: the cheapest positive clause yields the candidates,
 * each further clause filters them by probing (binary search per candidate) or, when that is dearer,
 * by walking its postings once; then a bounded heap keeps the best `limit`.
 *
 * @example
 * const { top, total } = evaluate([{ matcher, negated: false }], store, scratch, 20, 'newest');
 */
export function evaluate(clauses: readonly ClauseMatcher[], store: DocStore, scratch: Scratch, limit: number, tieBreak: TieBreak, order: ResultOrder = 'relevance'): Ranked {
  const top = new TopK(limit, store.day.array, tieBreak, order);
  const [only] = clauses;
  // One clause that yields each document once, as forEachMatch's commonest case, offered straight to the heap.
  const total =
    clauses.length === 1 && only !== undefined && !only.negated && only.matcher.distinct && only.matcher.offerTo
      ? only.matcher.offerTo(top, store.deleted.array)
      : offerMatches(clauses, store, scratch, top);
  return { top: top.sorted(), total };
}

/**
 * Where {@link offerMatches} hands the matches: each one scoring at least {@link floor} (a top 50's heap refuses
 * the others once it is full, see `TopK.floor`).
 *
 * @example
 * const everyMatch: MatchSink = { offer: (doc, score) => found.set(doc, score), floor: () => -Infinity };
 */
interface MatchSink {
  offer(doc: number, score: number): void;
  /** The least score a match needs to be offered; it only ever rises. */
  floor(): number;
}

/**
 * Calls `onMatch` once for every live document matching all of `clauses` (AND; negated ones exclude), with its
 * summed score, unordered, as {@link evaluate} finds them; returns how many matched. For callers that count
 * or bucket the matches (per day, say) rather than rank them.
 *
 * @example
 * const matchedDays: number[] = [];
 * const total = forEachMatch(clauses, store, scratch, (doc) => matchedDays.push(store.day.array[doc] ?? 0));
 */
export function forEachMatch(clauses: readonly ClauseMatcher[], store: DocStore, scratch: Scratch, onMatch: (doc: number, score: number) => void): number {
  return offerMatches(clauses, store, scratch, { offer: onMatch, floor: () => -Infinity });
}

/**
 * What {@link forEachMatch} finds, each match counted but handed to `sink` only when it scores at least the sink's
 * floor: `export*` at 100,000 articles has ~50,000 matches for a top 50, each offered to the heap in a call of its
 * own (its evaluation 2.52 → 2.25 ms of CPU without them, `bank*` 5.59 → 4.98, the two ways alternating in one process).
 */
function offerMatches(clauses: readonly ClauseMatcher[], store: DocStore, scratch: Scratch, sink: MatchSink): number {
  const negatives = clauses.filter((clause) => clause.negated);
  // A phrase's sequence is checked last, on the documents every other clause kept: it reads their words.
  const checks: PhraseCheck[] = [];
  const positives = clauses
    .filter((clause) => !clause.negated)
    .map((clause) => {
      const deferred = clauses.length > 1 ? clause.matcher.deferred?.() : undefined;
      if (deferred === undefined) return clause;
      checks.push(deferred.verify);
      return { matcher: deferred.matcher, negated: false };
    })
    .sort((a, b) => a.matcher.cost - b.matcher.cost);
  const [driver, ...rest] = positives;
  if (!driver) return 0;
  const deleted = store.deleted.array;
  if (rest.length === 0 && negatives.length === 0 && driver.matcher.distinct) {
    // One clause that yields each document once (the commonest query: one word) needs no summing.
    let total = 0;
    driver.matcher.collect((doc, score) => {
      if (deleted[doc]) return;
      total++;
      if (score < sink.floor()) return;
      sink.offer(doc, score);
    });
    return total;
  }
  const merged = mergeableClauses(driver, [...rest, ...negatives]);
  if (merged !== undefined) return mergeMatches(merged.driver, merged.filters, checks, deleted, sink);
  const first = scratch.next(0, store.count);
  const candidates = scratch.candidates;
  candidates.clear();
  // The driver's postings of one list are scored only for the documents its further clauses keep: summing them all
  // scored `merger`'s 17,068 for the 3,790 of `acquisition merger` at 100,000 articles (369 µs, against 186 µs to
  // place them, in one process).
  let unscored = driver.matcher.placed?.();
  if (unscored) {
    unscored.placeInto(first, deleted, candidates);
  } else if (driver.matcher.sumInto) {
    driver.matcher.sumInto(first, deleted, candidates);
  } else {
    driver.matcher.collect((doc, score) => {
      if (!deleted[doc]) addScore(first, doc, score, candidates);
    });
  }
  for (const clause of [...rest, ...negatives]) {
    if (candidates.length === 0) break;
    filter(candidates, clause, first, store, scratch, unscored);
    // A positive clause's scores are added to the driver's, which its filter has scored.
    if (!clause.negated) unscored = undefined;
  }
  for (const verify of checks) candidates.keep(verify);
  const sums = first.sums;
  if (unscored) {
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates.at(i);
      sums[doc] = unscored.scoreAt(sums[doc] ?? 0, doc);
    }
  }
  let floor = sink.floor();
  for (let i = 0; i < candidates.length; i++) {
    const doc = candidates.at(i);
    const score = sums[doc] ?? 0;
    if (score < floor) continue;
    sink.offer(doc, score);
    floor = sink.floor();
  }
  return candidates.length;
}

/** A candidate's score in `first`, where `unscored` (when given) has left its driver's posting place instead. */
function scoreSoFar(first: ScoreSums, doc: number, unscored: PlacedPostings | undefined): number {
  const sum = first.sums[doc] ?? 0;
  return unscored === undefined ? sum : unscored.scoreAt(sum, doc);
}

/**
 * Keeps the `candidates` that `clause` keeps (in place), adding a positive clause's scores to `first` (to the
 * driver's, scored first, while `unscored` has left their places there).
 */
function filter(candidates: DocList, clause: ClauseMatcher, first: ScoreSums, store: DocStore, scratch: Scratch, unscored: PlacedPostings | undefined): void {
  const { matcher, negated } = clause;
  if (matcher.cost <= candidates.length * matcher.probeCost) {
    const second = scratch.next(1, store.count);
    if (matcher.sumInto) {
      matcher.sumInto(second, store.deleted.array, undefined, first);
    } else {
      matcher.collect((doc, score) => {
        if (first.stamps[doc] === first.stamp) addScore(second, doc, score, undefined);
      });
    }
    let kept = 0;
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates.at(i);
      const matched = second.stamps[doc] === second.stamp;
      if (matched === negated) continue;
      if (!negated) first.sums[doc] = scoreSoFar(first, doc, unscored) + (second.sums[doc] ?? 0);
      candidates.put(kept++, doc);
    }
    candidates.truncate(kept);
    return;
  }
  let kept = 0;
  for (let i = 0; i < candidates.length; i++) {
    const doc = candidates.at(i);
    const score = matcher.probe(doc);
    if (score >= 0 === negated) continue;
    if (!negated) first.sums[doc] = scoreSoFar(first, doc, unscored) + score;
    candidates.put(kept++, doc);
  }
  candidates.truncate(kept);
}

/** A further clause of a merged evaluation: walked by its cursor, or probed when it has none. */
interface MergedFilter {
  readonly matcher: Matcher;
  readonly cursor: DocCursor | undefined;
  readonly negated: boolean;
}

/**
 * The clauses as {@link mergeMatches} takes them, or undefined when summing them in the scratch arrays costs less.
 * The driver must have a cursor; each further clause is probed as {@link filter} would probe it (when that costs
 * less than walking its postings, the driver's postings counted as the candidates), or else moved along by its
 * cursor, which gallops to each of the driver's documents (~log2 of the gap, plus one, reads each) instead of
 * reading every posting: only where that reads fewer postings in all than walking the clauses would.
 */
function mergeableClauses(driver: ClauseMatcher, filters: readonly ClauseMatcher[]): { driver: DocCursor; filters: MergedFilter[] } | undefined {
  const cursor = driver.matcher.cursor?.();
  if (cursor === undefined) return undefined;
  const candidates = Math.max(1, driver.matcher.cost);
  const merged: MergedFilter[] = [];
  let walked = 0;
  let galloped = 0;
  for (const { matcher, negated } of filters) {
    if (matcher.cost > candidates * matcher.probeCost) {
      merged.push({ matcher, cursor: undefined, negated });
      continue;
    }
    const walker = matcher.cursor?.();
    if (walker === undefined) return undefined;
    walked += matcher.cost;
    galloped += candidates * (Math.log2(matcher.cost / candidates + 1) + 1);
    merged.push({ matcher, cursor: walker, negated });
  }
  return galloped < walked || walked === 0 ? { driver: cursor, filters: merged } : undefined;
}

/**
 * What the scratch arrays' evaluation finds (the same documents, each score the same sum in the same order: the
 * driver's, then each further clause's in turn), found by walking the driver's documents in order and checking
 * each against the further clauses first: a document is scored only once it has passed them all. The scratch
 * arrays' way scored and summed every posting of the driver (51,589 for `date:2019-03 oil` at 100,000 articles),
 * then dropped all but the 495 that the month kept.
 */
function mergeMatches(driver: DocCursor, filters: readonly MergedFilter[], checks: readonly PhraseCheck[], deleted: Uint8Array, sink: MatchSink): number {
  const probed = new Float64Array(filters.length);
  let total = 0;
  for (let doc = driver.seek(0); doc !== NO_MORE_DOCS; doc = driver.seek(doc + 1)) {
    if (deleted[doc] || !passesFilters(doc, filters, probed)) continue;
    let kept = true;
    for (const verify of checks) {
      if (!verify(doc)) {
        kept = false;
        break;
      }
    }
    if (!kept) continue;
    let score = driver.score();
    for (let i = 0; i < filters.length; i++) {
      const filter = filters[i] as MergedFilter;
      if (!filter.negated) score += filter.cursor === undefined ? (probed[i] ?? 0) : filter.cursor.score();
    }
    total++;
    if (score < sink.floor()) continue;
    sink.offer(doc, score);
  }
  return total;
}

/** Whether `doc` passes every filter, each cursor left on it and each probe's score kept in `probed`. */
function passesFilters(doc: number, filters: readonly MergedFilter[], probed: Float64Array): boolean {
  for (let i = 0; i < filters.length; i++) {
    const { matcher, cursor, negated } = filters[i] as MergedFilter;
    let matched: boolean;
    if (cursor === undefined) {
      const score = matcher.probe(doc);
      probed[i] = score;
      matched = score >= 0;
    } else {
      matched = cursor.seek(doc) === doc;
    }
    if (matched === negated) return false;
  }
  return true;
}
