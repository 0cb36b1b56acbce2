import { Growable } from './growable';
import { SegmentedArray } from './segmented-array';

/**
 * Which adjacent pairs of words get stored answers (see {@link PairCounter}): both words in at least
 * `minWordShare` of the articles and in at most `maxWordShare`, the pair adjacent in at least `minPairShare`.
 *
 * @example
 * const rule: PairRule = { minWordShare: 0.01, maxWordShare: 0.7, minPairShare: 0.01 };
 */
export interface PairRule {
  readonly minWordShare: number;
  readonly maxWordShare: number;
  readonly minPairShare: number;
}

/**
 * The pairs whose answers a compaction stores. At 100,000 real-length articles (357 MiB of text): 1,339 pairs,
 * 1.42 MB (0.4 % of the text), ~+5.7 s of a compaction's CPU (~40 %). Words in more than 70 % of the articles (`the`,
 * `of`, `said`) are left out: every pair was estimated at ~15 MB (4 % of the text), and pairs with one such word
 * allowed took 11.3 MB (the cache at 50.0 % of the text) and +16 s of the compaction's CPU, for ~20 % off
 * `"bank of england"`'s first run.
 *
 * @example
 * new CorpusIndex(undefined, DEFAULT_PAIR_RULE); // what an index made without a rule stores
 */
export const DEFAULT_PAIR_RULE: PairRule = { minWordShare: 0.01, maxWordShare: 0.7, minPairShare: 0.01 };

/**
 * A rule that chooses no pair (no word is frequent enough): a first build's partial compactions, which only make what
 * is indexed so far searchable and whose answers its last compaction would make again (~40 % of a compaction's CPU).
 *
 * @example
 * await index.compact(DEFAULT_SLICE_MS, { pairRule: NO_PAIRS });
 */
export const NO_PAIRS: PairRule = { minWordShare: 1, maxWordShare: 0, minPairShare: 1 };

/**
 * The pairs a {@link PairCounter} chose, in order of their words' ids, and the articles of each (ascending).
 *
 * @example
 * const counted: CountedPairs = { words: Uint32Array.of(3, 4), offsets: Uint32Array.of(0, 2), docs: Uint32Array.of(0, 7) }; // "3 4" in articles 0 and 7
 */
export interface CountedPairs {
  /** The first and second word of each pair, side by side. */
  readonly words: Uint32Array;
  /** The articles of pair `p` are `docs[offsets[p]..offsets[p + 1])`. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
}

const EMPTY_KEY = -1;
/** Slots per pair held in the hash table at most (the table doubles past it). */
const MAX_LOAD = 0.5;
const FIRST_CAPACITY = 1 << 12;
/** Articles whose pairs are gathered between two chances to pause (~30 entries each). */
const CHOSEN_STEP_DOCS = 5000;
/** Entries of the pairs' runs per segment (4 MB), the first segments from 16 KB up (a small corpus takes little). */
const ENTRY_SEGMENT_LENGTH = 1 << 20;
const FIRST_ENTRY_SEGMENT_LENGTH = 1 << 12;

/**
 * Counts, article by article, the distinct adjacent pairs of frequent words of each body, keeping which articles
 * hold which pair; then gives the articles of the pairs frequent enough (see {@link PairRule}). What a compaction
 * runs over the bodies it reads anyway (see {@link compactSteps}): the articles must come in ascending order.
 *
 * @example
 * const counter = new PairCounter((term) => frequency[term], termCount, docCount, DEFAULT_PAIR_RULE);
 * counter.countDoc(0, bodyIds);
 * const { words, offsets, docs } = runAtOnce(counter.chosenSteps());
 */
export class PairCounter {
  /** Each term's number among the frequent words, or -1. */
  private readonly frequent: Int32Array;
  private readonly frequentCount: number;
  /** Open addressing: pair key (first × frequent words + second), or {@link EMPTY_KEY}, and the pair's number. */
  private keys = new Float64Array(FIRST_CAPACITY).fill(EMPTY_KEY);
  private numbers = new Int32Array(FIRST_CAPACITY);
  private readonly pairWords = new Growable(Uint32Array);
  private readonly pairDocs = new Growable(Uint32Array);
  /**
   * The pair numbers of each article, one run an article, and where each article's run lies and its length. In
   * segments, not one array that doubles: at 100,000 articles they are tens of millions of entries (most of them of
   * pairs never chosen), and doubling one array held old and new together at the build's peak of memory.
   */
  private readonly entries = new SegmentedArray(Uint32Array, ENTRY_SEGMENT_LENGTH, FIRST_ENTRY_SEGMENT_LENGTH);
  private readonly runs = new Growable(Float64Array);
  private readonly runLengths = new Growable(Uint32Array);
  /** The pairs of the article being counted. */
  private scratch = new Uint32Array(0);
  /** The last article each pair was seen in. */
  private readonly lastDoc = new Growable(Int32Array);
  /** The term of each frequent-word number, made when first needed. */
  private terms: Uint32Array | undefined;

  constructor(
    articlesWith: (term: number) => number,
    termCount: number,
    private readonly docCount: number,
    private readonly rule: PairRule,
  ) {
    this.frequent = new Int32Array(termCount).fill(-1);
    const least = Math.max(1, Math.ceil(rule.minWordShare * docCount));
    const most = rule.maxWordShare * docCount;
    let count = 0;
    for (let term = 0; term < termCount; term++) {
      const articles = articlesWith(term);
      if (articles >= least && articles <= most) this.frequent[term] = count++;
    }
    this.frequentCount = count;
  }

  /** Whether any word is frequent enough for its pairs to be counted: without one, {@link countDoc} notes nothing. */
  get choosesAny(): boolean {
    return this.frequentCount > 0;
  }

  /** Notes the distinct adjacent pairs of frequent words of article `doc`'s body ids. */
  countDoc(doc: number, body: Uint32Array): void {
    while (this.runs.length < doc) {
      this.runs.push(0);
      this.runLengths.push(0);
    }
    if (this.scratch.length < body.length) this.scratch = new Uint32Array(Math.max(body.length, 2 * this.scratch.length));
    const scratch = this.scratch;
    let found = 0;
    const frequent = this.frequent;
    let previous = body.length > 0 ? (frequent[body[0] ?? 0] ?? -1) : -1;
    for (let i = 1; i < body.length; i++) {
      const current = frequent[body[i] ?? 0] ?? -1;
      if (previous >= 0 && current >= 0) {
        const pair = this.pairOf(previous * this.frequentCount + current);
        // Counted once per article: its pairs are stamped with the article last seen.
        if (this.lastDoc.array[pair] !== doc) {
          this.lastDoc.array[pair] = doc;
          this.pairDocs.array[pair] = (this.pairDocs.array[pair] ?? 0) + 1;
          scratch[found++] = pair;
        }
      }
      previous = current;
    }
    this.runs.push(found > 0 ? this.entries.append(scratch, 0, found) : 0);
    this.runLengths.push(found);
  }

  /**
   * The pairs adjacent in at least the rule's share of the articles, with their articles. A generator that pauses
   * every {@link CHOSEN_STEP_DOCS} articles: it walks every (article, pair) entry counted. Called once: it lets the entries go.
   */
  *chosenSteps(): Generator<void, CountedPairs> {
    const least = Math.max(1, Math.ceil(this.rule.minPairShare * this.docCount));
    const pairCount = this.pairDocs.length;
    const kept: number[] = [];
    for (let pair = 0; pair < pairCount; pair++) if ((this.pairDocs.array[pair] ?? 0) >= least) kept.push(pair);
    const wordsOf = this.pairWords.array;
    kept.sort((a, b) => (wordsOf[2 * a] ?? 0) - (wordsOf[2 * b] ?? 0) || (wordsOf[2 * a + 1] ?? 0) - (wordsOf[2 * b + 1] ?? 0));
    const place = new Int32Array(pairCount).fill(-1);
    const words = new Uint32Array(2 * kept.length);
    const offsets = new Uint32Array(kept.length + 1);
    kept.forEach((pair, at) => {
      place[pair] = at;
      words[2 * at] = wordsOf[2 * pair] ?? 0;
      words[2 * at + 1] = wordsOf[2 * pair + 1] ?? 0;
      offsets[at + 1] = (offsets[at] ?? 0) + (this.pairDocs.array[pair] ?? 0);
    });
    const docs = new Uint32Array(offsets[kept.length] ?? 0);
    const next = offsets.slice(0, kept.length);
    for (let doc = 0; doc < this.runs.length; doc++) {
      const length = this.runLengths.array[doc] ?? 0;
      const run = length > 0 ? this.entries.view(this.runs.array[doc] ?? 0, length) : this.scratch.subarray(0, 0);
      for (let entry = 0; entry < length; entry++) {
        const at = place[run[entry] ?? 0] ?? -1;
        if (at < 0) continue;
        docs[next[at] ?? 0] = doc;
        next[at] = (next[at] ?? 0) + 1;
      }
      if (doc % CHOSEN_STEP_DOCS === CHOSEN_STEP_DOCS - 1) yield;
    }
    // Freed now rather than at the collector's next old-generation sweep: the pairs' answers are made next.
    this.entries.releaseAll();
    return { words, offsets, docs };
  }

  /** The pair number of `key`, numbering it if new. */
  private pairOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = hash(key) & mask;
    while (this.keys[slot] !== EMPTY_KEY) {
      if (this.keys[slot] === key) return this.numbers[slot] ?? 0;
      slot = (slot + 1) & mask;
    }
    const pair = this.pairDocs.length;
    this.pairDocs.push(0);
    this.lastDoc.push(-1);
    this.pairWords.push(this.termOf(Math.floor(key / this.frequentCount)));
    this.pairWords.push(this.termOf(key % this.frequentCount));
    this.keys[slot] = key;
    this.numbers[slot] = pair;
    if (this.pairDocs.length > this.keys.length * MAX_LOAD) this.grow();
    return pair;
  }

  private grow(): void {
    const keys = this.keys;
    const numbers = this.numbers;
    this.keys = new Float64Array(2 * keys.length).fill(EMPTY_KEY);
    this.numbers = new Int32Array(2 * keys.length);
    const mask = this.keys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      const key = keys[old] ?? EMPTY_KEY;
      if (key === EMPTY_KEY) continue;
      let slot = hash(key) & mask;
      while (this.keys[slot] !== EMPTY_KEY) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.numbers[slot] = numbers[old] ?? 0;
    }
  }

  /** The term whose frequent-word number is `number` (made once, when first needed). */
  private termOf(number: number): number {
    if (this.terms === undefined) {
      this.terms = new Uint32Array(this.frequentCount);
      for (let term = 0; term < this.frequent.length; term++) {
        const at = this.frequent[term] ?? -1;
        if (at >= 0) this.terms[at] = term;
      }
    }
    return this.terms[number] ?? 0;
  }
}

/** Spreads a pair key over the table's slots: its two 32-bit halves folded, then MurmurHash3's final mix. */
function hash(key: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 0x100000000), 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
