import { EvidenceTable } from './document-evidence';
import { DOCUMENT_TYPES, FeatureContext, MAX_FEATURES, POSITION_CODES, documentKey, documentPositionKey, transitionKey } from './features';
import { ModelData } from './model-file';
import { TAG_COUNT, TAG_START } from './tags';
import { TokenBuffer } from './tokenizer';
import { LatticeState, SentenceViterbi, latticeStates } from './viterbi';
import { WeightTable } from './weights';

/**
 * Entries of the per-word score cache (direct-mapped); news vocabulary is Zipfian, so most tokens hit.
 * 16 K: 8 K missed often enough on Reuters to cost about 5 % of decoding; 64 K gained little more for 4 MB.
 */
const WORD_CACHE_SIZE = 16384;
const WORD_CACHE_KEYS = 3;
/** Previous-tag values: every tag plus TAG_START. */
const PREVIOUS_TAGS = TAG_START + 1;

/** Sums the weights of `key` into a row of TAG_COUNT scores at `table[offset…]`. */
function tabulate(weights: WeightTable, key: number, table: Float64Array, offset: number, scratch: Int32Array): void {
  scratch.fill(0);
  weights.add(key, scratch);
  table.set(scratch, offset);
}

/**
 * BILOU tagging of a document by Viterbi decoding of each sentence, in two passes: the first with local
 * features, the second adding what the first said about the same word elsewhere in the document.
 * Speed comes from doing little per token: a token the lattice keeps outside (no capital, no name open
 * nearby: most tokens) is never scored; the tag-independent scores of the others are computed once and
 * shared by both passes, and pass 2 decodes again only the sentences that have document evidence; the
 * word-local part of the scores is cached per distinct word; transitions and document evidence are read
 * from tables built once per model. Not thread-safe.
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
  }

  /** Tags every token of `tokens` (from `tokenize(text)`); the returned array is reused by the next call. */
  decode(text: string, tokens: TokenBuffer): Uint8Array {
    const count = tokens.count;
    const context = this.context;
    context.prepare(text, tokens, this.model.gazetteer, this.model.clusters);
    if (this.tags.length < count) {
      const size = Math.max(count, this.tags.length * 2);
      this.tags = new Uint8Array(size);
      this.states = new Uint8Array(size);
      this.emissions = new Float64Array(size * TAG_COUNT);
    }
    latticeStates(tokens, context.position, this.states);
    for (let i = 0; i < count; i++) if (this.states[i] !== LatticeState.Outside) this.computeEmissions(i, this.states[i] === LatticeState.Any);
    this.forEachSentence(count, (from, to) => this.viterbi.decode(this.emissions, this.transitions, this.states, from, to, this.tags));
    this.evidence.mark(context, this.tags);
    this.forEachSentence(count, (from, to) => {
      if (this.addEvidence(from, to)) this.viterbi.decode(this.emissions, this.transitions, this.states, from, to, this.tags);
    });
    return this.tags;
  }

  private forEachSentence(count: number, decode: (from: number, to: number) => void): void {
    const position = this.context.position;
    let from = 0;
    for (let i = 1; i <= count; i++) {
      if (i < count && !((position[i] ?? 0) & 1)) continue;
      decode(from, i);
      from = i;
    }
  }

  /** Adds the document-evidence scores of the sentence's tokens to their emissions; false when none has evidence. */
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

  /** Sets token `i`'s emission scores: the cached word scores, plus the context features when `withContext`. */
  private computeEmissions(i: number, withContext: boolean): void {
    const row = this.row;
    this.wordScoresInto(i, row);
    if (withContext) {
      const weights = this.model.weights;
      const keys = this.keys;
      const n = this.context.contextFeatures(i, keys, 0);
      for (let k = 0; k < n; k++) weights.addAt(keys[k] ?? 0, row, 0);
    }
    this.emissions.set(row, i * TAG_COUNT);
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
    for (let k = 0; k < n; k++) weights.addAt(keys[k] ?? 0, scores, 0);
    wordKeys[keyAt] = raw;
    wordKeys[keyAt + 1] = shape;
    wordKeys[keyAt + 2] = length + 1;
    wordScores.set(scores, scoreAt);
  }
}
