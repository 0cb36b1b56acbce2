import { EvidenceTable } from './document-evidence';
import {
  DOCUMENT_TYPES,
  FeatureContext,
  GAZETTEER_BITS,
  MAX_FEATURES,
  NEIGHBOURS,
  NO_NEIGHBOUR,
  Neighbour,
  POSITION_CODES,
  VECTOR_POSITIONS,
  VectorPosition,
  documentKey,
  documentPositionKey,
  gazetteerFeatures,
  neighbourFeatures,
  transitionKey,
  vectorKey,
} from './features';
import { ModelData } from './model-file';
import { TAG_COUNT, TAG_O, TAG_START } from './tags';
import { TokenBuffer } from './tokenizer';
import { LatticeState, SentenceViterbi, forEachStretch, latticeStates } from './viterbi';
import { WeightTable } from './weights';
import { VECTOR_STEPS_PER_DEVIATION } from './word-vectors';

/**
 * Entries of the per-word score cache (direct-mapped); news vocabulary is Zipfian, so most tokens hit.
 * 16 K: 8 K missed often enough on Reuters to cost about 5 % of decoding; 64 K gained little more for 4 MB.
 */
const WORD_CACHE_SIZE = 16384;
const WORD_CACHE_KEYS = 3;
/**
 * Entries of each neighbour's score cache (direct-mapped, keyed by the neighbour's lower-case hash): the words
 * around capitalised tokens are mostly a few hundred common ones ("the", "said", "of").
 */
const NEIGHBOUR_CACHE_SIZE = 4096;
/** Previous-tag values: every tag plus TAG_START. */
const PREVIOUS_TAGS = TAG_START + 1;

/** Sums the weights of `key` into a row of TAG_COUNT scores at `table[offset…]`. */
function tabulate(weights: WeightTable, key: number, table: Float64Array, offset: number, scratch: Int32Array): void {
  scratch.fill(0);
  weights.add(key, scratch);
  table.set(scratch, offset);
}

/** Adds the TAG_COUNT scores at `table[offset…]` to `row`. */
function addRow(table: Int32Array, offset: number, row: Int32Array): void {
  for (let tag = 0; tag < TAG_COUNT; tag++) row[tag] = (row[tag] ?? 0) + (table[offset + tag] ?? 0);
}

/**
 * BILOU tagging of a document by Viterbi decoding of each sentence, in two passes: the first with local
 * features, the second adding what the first said about the same word elsewhere in the document.
 * Speed comes from doing little per token: a token the lattice keeps outside (no capital, no name open
 * nearby: most tokens) is never scored, and Viterbi reads only the stretches between such tokens
 * (`forEachStretch`); the tag-independent scores of the others are computed once and shared by both
 * passes, and pass 2 decodes again only the stretches that have document evidence; the
 * word-local part of the scores is cached per distinct word, and so is the part a word gives its neighbours;
 * transitions, gazetteer matches and document evidence are read from tables built once per model. Not thread-safe.
 *
 * @example
 * const decoder = new Decoder(readModel(bytes));
 * const tags = decoder.decode(text, tokenize(text));
 */
export class Decoder {
  readonly context = new FeatureContext();
  private readonly evidence = new EvidenceTable();
  private readonly viterbi = new SentenceViterbi();
  private readonly keys = new Int32Array(MAX_FEATURES);
  private readonly row = new Int32Array(TAG_COUNT);
  /** Per token, the tag-independent scores (pass 2 adds the document evidence in place). */
  private emissions = new Float64Array(0);
  private states = new Uint8Array(0);
  private tags = new Uint8Array(0);
  private readonly wordKeys = new Int32Array(WORD_CACHE_SIZE * WORD_CACHE_KEYS);
  private readonly wordScores = new Int32Array(WORD_CACHE_SIZE * TAG_COUNT);
  private readonly transitions = new Float64Array(PREVIOUS_TAGS * TAG_COUNT);
  private readonly document = new Float64Array(DOCUMENT_TYPES * POSITION_CODES * TAG_COUNT);
  /** Per neighbour, the summed weights of the features a word gives as that neighbour, cached by its lower-case hash. */
  private readonly neighbourKeys = new Int32Array(NEIGHBOURS * NEIGHBOUR_CACHE_SIZE);
  private readonly neighbourFilled = new Uint8Array(NEIGHBOURS * NEIGHBOUR_CACHE_SIZE);
  private readonly neighbourScores = new Int32Array(NEIGHBOURS * NEIGHBOUR_CACHE_SIZE * TAG_COUNT);
  /** Per neighbour, the summed weights of its features past the sentence's boundary. */
  private readonly boundaryScores = new Int32Array(NEIGHBOURS * TAG_COUNT);
  /** Per gazetteer match bit and case (`bit * 2 + cased`), the summed weights of its features. */
  private readonly gazetteerScores = new Int32Array(GAZETTEER_BITS * 2 * TAG_COUNT);
  /** Per vector position and dimension (`position * dimensions + d`), the weights of that real-valued feature. */
  private readonly vectorWeights: Int32Array;
  /** `addVectorAt`'s sums in quantisation steps, before they are brought back to the weights' scale. */
  private readonly vectorSums = new Int32Array(TAG_COUNT);

  constructor(private readonly model: ModelData) {
    const weights = model.weights;
    const scratch = new Int32Array(TAG_COUNT);
    for (let previous = 0; previous < PREVIOUS_TAGS; previous++) tabulate(weights, transitionKey(previous), this.transitions, previous * TAG_COUNT, scratch);
    for (let evidence = 1; evidence < DOCUMENT_TYPES; evidence++) {
      for (let position = 0; position < POSITION_CODES; position++) {
        scratch.fill(0);
        weights.add(documentKey(evidence), scratch);
        weights.add(documentPositionKey(evidence, position), scratch);
        this.document.set(scratch, (evidence * POSITION_CODES + position) * TAG_COUNT);
      }
    }
    for (let neighbour = 0; neighbour < NEIGHBOURS; neighbour++) this.sumInto(neighbourFeatures(neighbour, false, 0, 0, 0, this.keys, 0), this.boundaryScores, neighbour * TAG_COUNT);
    for (let bit = 0; bit < GAZETTEER_BITS; bit++) {
      for (let cased = 0; cased < 2; cased++) this.sumInto(gazetteerFeatures(bit, cased, this.keys, 0), this.gazetteerScores, (bit * 2 + cased) * TAG_COUNT);
    }
    const dimensions = model.vectors.dimensions;
    this.vectorWeights = new Int32Array(VECTOR_POSITIONS * dimensions * TAG_COUNT);
    for (let position = 0; position < VECTOR_POSITIONS; position++) {
      for (let d = 0; d < dimensions; d++) weights.addAt(vectorKey(position, d), this.vectorWeights, (position * dimensions + d) * TAG_COUNT);
    }
  }

  /**
   * Adds the real-valued features of the projected word vector in `row` (−1: none) read at `position` to the
   * TAG_COUNT scores at `table[offset…]`: Σ value × weight over its dimensions. The values are int8 steps of
   * 1 / VECTOR_STEPS_PER_DEVIATION, so the sum is taken in steps and divided once, rounded: the integer
   * scores stay within half a unit of the trainer's real-valued sum with the quantised weights.
   */
  private addVectorAt(position: VectorPosition, row: number, table: Int32Array, offset: number): void {
    if (row === -1) return;
    const { values, dimensions } = this.model.vectors;
    const weights = this.vectorWeights;
    const sums = this.vectorSums;
    sums.fill(0);
    for (let d = 0; d < dimensions; d++) {
      const value = values[row * dimensions + d] ?? 0;
      if (value === 0) continue;
      const base = (position * dimensions + d) * TAG_COUNT;
      for (let tag = 0; tag < TAG_COUNT; tag++) sums[tag] = (sums[tag] ?? 0) + value * (weights[base + tag] ?? 0);
    }
    for (let tag = 0; tag < TAG_COUNT; tag++) table[offset + tag] = (table[offset + tag] ?? 0) + Math.round((sums[tag] ?? 0) / VECTOR_STEPS_PER_DEVIATION);
  }

  /** Sets `table[offset…]` to the summed weights of the first `count` keys of `this.keys`. */
  private sumInto(count: number, table: Int32Array, offset: number): void {
    table.fill(0, offset, offset + TAG_COUNT);
    this.model.weights.addAllAt(this.keys, count, table, offset);
  }

  /** Tags every token of `tokens` (from `tokenize(text)`); the returned array is reused by the next call. */
  decode(text: string, tokens: TokenBuffer): Uint8Array {
    const count = tokens.count;
    const context = this.context;
    context.prepare(text, tokens, this.model);
    if (this.tags.length < count) {
      const size = Math.max(count, this.tags.length * 2);
      this.tags = new Uint8Array(size);
      this.states = new Uint8Array(size);
      this.emissions = new Float64Array(size * TAG_COUNT);
    }
    latticeStates(tokens, context.position, this.states);
    for (let i = 0; i < count; i++) if (this.states[i] !== LatticeState.Outside) this.computeEmissions(i, this.states[i] === LatticeState.Any);
    this.tags.fill(TAG_O, 0, count);
    forEachStretch(this.states, context.position, count, (from, to) => this.viterbi.decode(this.emissions, this.transitions, this.states, from, to, this.tags));
    this.evidence.mark(context, this.tags);
    forEachStretch(this.states, context.position, count, (from, to) => {
      if (this.addEvidence(from, to)) this.viterbi.decode(this.emissions, this.transitions, this.states, from, to, this.tags);
    });
    return this.tags;
  }

  /** Adds the document-evidence scores of the stretch's tokens to their emissions; false when none has evidence. */
  private addEvidence(from: number, to: number): boolean {
    const context = this.context;
    const emissions = this.emissions;
    const document = this.document;
    let any = false;
    for (let i = from; i < to; i++) {
      const evidence = context.documentType[i] ?? 0;
      if (evidence === 0 || this.states[i] === LatticeState.Outside) continue;
      any = true;
      const documentBase = (evidence * POSITION_CODES + (context.position[i] ?? 0)) * TAG_COUNT;
      const base = i * TAG_COUNT;
      for (let tag = 0; tag < TAG_COUNT; tag++) emissions[base + tag] = (emissions[base + tag] ?? 0) + (document[documentBase + tag] ?? 0);
    }
    return any;
  }

  /**
   * Sets token `i`'s emission scores: the cached word scores, plus the context features when `withContext`:
   * those of the token itself, then each neighbour's (cached per word) and the gazetteer's (tabulated).
   * The same keys as `FeatureContext.contextFeatures`, summed in another order: integer sums, so the same scores.
   */
  private computeEmissions(i: number, withContext: boolean): void {
    const row = this.row;
    this.wordScoresInto(i, row);
    if (withContext) {
      const context = this.context;
      const weights = this.model.weights;
      const keys = this.keys;
      const n = context.ownContextFeatures(i, keys, 0);
      weights.addAllAt(keys, n, row, 0);
      for (let neighbour = 0; neighbour < NEIGHBOURS; neighbour++) this.addNeighbour(neighbour, context.neighbourOf(i, neighbour), row);
      const cased = context.cased(i);
      let gazetteer = context.gazetteer[i] ?? 0;
      for (let bit = 0; gazetteer !== 0; bit++, gazetteer >>>= 1) if (gazetteer & 1) addRow(this.gazetteerScores, (bit * 2 + cased) * TAG_COUNT, row);
    }
    this.emissions.set(row, i * TAG_COUNT);
  }

  /**
   * Adds the scores token `j` gives as `neighbour` (the boundary's when `j` is NO_NEIGHBOUR) to `row`. Exact,
   * not a guess: those features are a function of the word's lower-case hash alone, which keys the cache.
   */
  private addNeighbour(neighbour: number, j: number, row: Int32Array): void {
    if (j === NO_NEIGHBOUR) {
      addRow(this.boundaryScores, neighbour * TAG_COUNT, row);
      return;
    }
    const low = this.context.low[j] ?? 0;
    const entry = neighbour * NEIGHBOUR_CACHE_SIZE + ((low ^ (low >>> 12)) & (NEIGHBOUR_CACHE_SIZE - 1));
    const scoreAt = entry * TAG_COUNT;
    if (this.neighbourFilled[entry] !== 1 || this.neighbourKeys[entry] !== low) {
      this.sumInto(neighbourFeatures(neighbour, true, low, this.context.clustersOf(j), this.context.embeddingsOf(j), this.keys, 0), this.neighbourScores, scoreAt);
      if (neighbour === Neighbour.Previous || neighbour === Neighbour.Next) this.addVectorAt(neighbour + 1, this.context.vectorRowOf(j), this.neighbourScores, scoreAt);
      this.neighbourKeys[entry] = low;
      this.neighbourFilled[entry] = 1;
    }
    addRow(this.neighbourScores, scoreAt, row);
  }

  /** Sets `scores` to the summed weights of token `i`'s word features, from the cache when the word was seen. */
  private wordScoresInto(i: number, scores: Int32Array): void {
    const context = this.context;
    const raw = context.raw[i] ?? 0;
    const shape = context.shape[i] ?? 0;
    const length = context.lengths[i] ?? 0;
    const entry = (raw ^ (raw >>> 13)) & (WORD_CACHE_SIZE - 1);
    const keyAt = entry * WORD_CACHE_KEYS;
    const scoreAt = entry * TAG_COUNT;
    const wordKeys = this.wordKeys;
    const wordScores = this.wordScores;
    // Three independent checks (two hashes and the length) make a false hit practically impossible.
    if (wordKeys[keyAt] === raw && wordKeys[keyAt + 1] === shape && wordKeys[keyAt + 2] === length + 1) {
      for (let tag = 0; tag < TAG_COUNT; tag++) scores[tag] = wordScores[scoreAt + tag] ?? 0;
      return;
    }
    scores.fill(0);
    const weights = this.model.weights;
    const keys = this.keys;
    const n = context.wordFeatures(i, keys, 0);
    weights.addAllAt(keys, n, scores, 0);
    this.addVectorAt(VectorPosition.Token, context.vectorRowOf(i), scores, 0);
    wordKeys[keyAt] = raw;
    wordKeys[keyAt + 1] = shape;
    wordKeys[keyAt + 2] = length + 1;
    wordScores.set(scores, scoreAt);
  }
}
