import { ByteReader, ByteWriter, joinBytes } from './byte-codec';
import { CountedPairs } from './pair-counter';
import { MainPostings, bodyCount } from './postings';
import { readRankSet, writeRankSet } from './rank-set-codec';

/** Pairs whose answers are coded between two chances to pause (each walks its two words' postings once). */
const PAIR_STEP = 32;
const DAMAGED = 'News Corpus: the stored pair answers do not fit the postings.';

/**
 * Stored answers of the phrase check for frequent pairs of words (see {@link PairCounter}): for each pair, which of
 * its candidates (the articles of the postings they were made with that hold both words in the body, in id order)
 * hold the two words in a row in the body. Made by a compaction, over the bodies it reads anyway, and valid for the
 * articles of its postings, whose ids and words never change until the next one; articles added since are not
 * covered. Each pair's answers are a set of candidate ranks (see {@link writeRankSet}), decoded when first asked:
 * a phrase of such a pair then reads no body at all (at 100,000 real-length articles, `"interest rates"` read
 * 8.66 million words over its ~25,800 candidates).
 *
 * @example
 * const answers = runAtOnce(PairAnswers.makeSteps(postings, runAtOnce(counter.chosenSteps())));
 * answers.visit(interestTerm, ratesTerm, (doc, adjacent) => (known[doc] = adjacent ? 2 : 1)); // true: the pair is stored
 */
export class PairAnswers {
  /** Each pair's number by its words' ids ("first second"). */
  private readonly numbers = new Map<string, number>();
  private scratch = new Uint32Array(0);

  /**
   * `words`: each pair's first and second word side by side; `starts`: where each pair's answers start in `bytes`
   * (one more entry than pairs).
   */
  private constructor(
    private readonly postings: MainPostings,
    private readonly words: Uint32Array,
    private readonly starts: Uint32Array,
    private readonly bytes: Uint8Array,
  ) {
    for (let pair = 0; 2 * pair < words.length; pair++) this.numbers.set(`${words[2 * pair] ?? 0} ${words[2 * pair + 1] ?? 0}`, pair);
  }

  /** Number of pairs stored. */
  get pairCount(): number {
    return this.words.length / 2;
  }

  /**
   * The stored pairs' words, each pair's first and second word ids.
   *
   * @example
   * for (const [first, second] of answers.pairs()) console.log(first, second);
   */
  *pairs(): Generator<readonly [number, number]> {
    for (let pair = 0; 2 * pair < this.words.length; pair++) yield [this.words[2 * pair] ?? 0, this.words[2 * pair + 1] ?? 0];
  }

  /** Bytes of the answers (without their table). */
  get byteLength(): number {
    return this.bytes.length;
  }

  /**
   * Codes the answers of `counted`'s pairs, each pair's articles being those of its candidates in `postings` that
   * hold it. A generator that pauses every {@link PAIR_STEP} pairs.
   *
   * @example
   * const answers = runAtOnce(PairAnswers.makeSteps(postings, { words: Uint32Array.of(3, 4), offsets: Uint32Array.of(0, 1), docs: Uint32Array.of(7) }));
   */
  static *makeSteps(postings: MainPostings, counted: CountedPairs): Generator<void, PairAnswers> {
    const pairCount = counted.words.length / 2;
    const starts = new Uint32Array(pairCount + 1);
    const writer = new ByteWriter();
    const answers = new PairAnswers(postings, counted.words, starts, new Uint8Array(0));
    for (let pair = 0; pair < pairCount; pair++) {
      const candidates = answers.candidates(counted.words[2 * pair] ?? 0, counted.words[2 * pair + 1] ?? 0);
      const flags = new Uint8Array(candidates.length);
      let at = counted.offsets[pair] ?? 0;
      const end = counted.offsets[pair + 1] ?? 0;
      for (let rank = 0; rank < candidates.length && at < end; rank++) {
        if (candidates[rank] !== counted.docs[at]) continue;
        flags[rank] = 1;
        at++;
      }
      if (at !== end) throw new Error('News Corpus: an article holds a pair of words without both words in its postings.');
      writeRankSet(writer, flags);
      starts[pair + 1] = writer.length;
      if (pair % PAIR_STEP === PAIR_STEP - 1) yield;
    }
    return new PairAnswers(postings, counted.words, starts, joinBytes(writer.finish()));
  }

  /**
   * Hands `visit` every candidate of the pair `first second` (an article of the postings with both words in its
   * body, in id order) with whether the two are in a row in its body; returns false, visiting none, when the pair
   * is not stored. Throws a "News Corpus:" error when the answers do not fit the postings (a damaged file).
   */
  visit(first: number, second: number, visit: (doc: number, adjacent: boolean) => void): boolean {
    const pair = this.numbers.get(`${first} ${second}`);
    if (pair === undefined) return false;
    const candidates = this.candidates(first, second);
    const reader = new ByteReader(this.bytes.subarray(this.starts[pair] ?? 0, this.starts[pair + 1] ?? 0));
    const flags = readRankSet(reader, candidates.length);
    if (reader.position !== (this.starts[pair + 1] ?? 0) - (this.starts[pair] ?? 0)) throw new Error(DAMAGED);
    for (let rank = 0; rank < candidates.length; rank++) visit(candidates[rank] ?? 0, flags[rank] === 1);
    return true;
  }

  /**
   * Writes the answers as {@link read} reads them: the number of pairs, per pair its two words' ids and its bytes,
   * then the answers.
   */
  write(writer: ByteWriter): void {
    writer.varint(this.pairCount);
    for (let pair = 0; pair < this.pairCount; pair++) {
      writer.varint(this.words[2 * pair] ?? 0);
      writer.varint(this.words[2 * pair + 1] ?? 0);
      writer.varint((this.starts[pair + 1] ?? 0) - (this.starts[pair] ?? 0));
    }
    writer.bytes(this.bytes);
  }

  /**
   * The answers {@link write} wrote, for `postings` (those they were made with), used where they lie in `section`;
   * empty when `section` is. Throws a "News Corpus:" error when they do not fit (a damaged file).
   *
   * @example
   * const answers = PairAnswers.read(sectionBytes, postings);
   */
  static read(section: Uint8Array, postings: MainPostings): PairAnswers {
    const reader = new ByteReader(section);
    const pairCount = section.length === 0 ? 0 : reader.varint();
    const words = new Uint32Array(2 * pairCount);
    const starts = new Uint32Array(pairCount + 1);
    for (let pair = 0; pair < pairCount; pair++) {
      words[2 * pair] = reader.varint();
      words[2 * pair + 1] = reader.varint();
      starts[pair + 1] = (starts[pair] ?? 0) + reader.varint();
      if ((words[2 * pair] ?? 0) >= postings.termCount || (words[2 * pair + 1] ?? 0) >= postings.termCount) throw new Error(DAMAGED);
    }
    const bytes = section.subarray(reader.position);
    if (bytes.length !== starts[pairCount]) throw new Error(DAMAGED);
    return new PairAnswers(postings, words, starts, bytes);
  }

  /** The articles with both words in their body, in id order (valid until the next call). */
  private candidates(first: number, second: number): Uint32Array {
    const a = this.postings.list(first);
    const b = this.postings.list(second);
    if (a === undefined || b === undefined) return new Uint32Array(0);
    const most = Math.min(a.end - a.start, b.end - b.start);
    if (this.scratch.length < most) this.scratch = new Uint32Array(most);
    let found = 0;
    let i = a.start;
    let j = b.start;
    while (i < a.end && j < b.end) {
      const docA = a.docs[i] ?? 0;
      const docB = b.docs[j] ?? 0;
      if (docA < docB) i++;
      else if (docA > docB) j++;
      else {
        if (bodyCount(a.counts[i] ?? 0) > 0 && bodyCount(b.counts[j] ?? 0) > 0) this.scratch[found++] = docA;
        i++;
        j++;
      }
    }
    return this.scratch.subarray(0, found);
  }
}
