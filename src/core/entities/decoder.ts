import { EvidenceTable } from './document-evidence';
import {
  DOCUMENT_TYPES,
  FeatureContext,
  MAX_FEATURES,
  POSITION_CODES,
  documentKey,
  documentPositionKey,
  transition2Key,
  transitionKey,
} from './features';
import { ModelData } from './model-file';
import { ALLOWED, TAG_COUNT, TAG_O, TAG_START, TagPart, partOf } from './tags';
import { TokenBuffer, TokenKind } from './tokenizer';
import { WeightTable } from './weights';

/**
 * Entries of the per-word score cache (direct-mapped); news vocabulary is Zipfian, so most tokens hit.
 * 16 K: 8 K missed often enough on Reuters to cost about 5 % of decoding; 64 K gained little more for 4 MB.
 */
const WORD_CACHE_SIZE = 16384;
const WORD_CACHE_KEYS = 3;
/** Previous-tag values: every tag plus TAG_START. */
const PREVIOUS_TAGS = TAG_START + 1;

/** 1 for the tags after which an entity is still open (B and I of any type). */
const OPEN_AFTER: Uint8Array = (() => {
  const table = new Uint8Array(PREVIOUS_TAGS);
  for (let tag = 1; tag < TAG_COUNT; tag++) table[tag] = partOf(tag) <= TagPart.Inside ? 1 : 0;
  return table;
})();

/** Token kinds that may begin an entity: a capital letter, or letters of a script without case. */
const MAY_BEGIN = TokenKind.HasUpper | TokenKind.HasCaseless;

/**
 * Whether a token is outside any entity without being scored: it has no capital (nor caseless letter)
 * and no entity is open before it. In CoNLL-2003 train+dev only 68 of 29,437 entity starts (0.2 %,
 * mostly MISC like "1,000" or "serie") are such tokens, and 78 % of all tokens are, so the tagger
 * skips most of its work at the price of never starting "de Klerk" at "de" (dev F1 89.70 → 89.75).
 * Training still scores every token: applying the rule there too gave dev F1 89.82 but lost "Kim Jong-Un"
 * in the seed article, where greedy decoding is brittle.
 */
function isForcedOutside(kind: number, previous: number): boolean {
  return (kind & MAY_BEGIN) === 0 && OPEN_AFTER[previous] === 0;
}

/** Sums the weights of `key` into a fresh row of TAG_COUNT scores at `table[offset…]`. */
function tabulate(weights: WeightTable, key: number, table: Int32Array, offset: number, scratch: Int32Array): void {
  scratch.fill(0);
  weights.add(key, scratch);
  table.set(scratch, offset);
}

/**
 * Greedy left-to-right BILOU tagging in two passes over a document: the first with local features,
 * the second adding what the first said about the same word elsewhere in the document.
 * Speed comes from doing little per token: the tag-independent scores are computed once and shared by
 * both passes, and pass 2 rescores only the tokens whose inputs changed since pass 1; the word-local
 * part of them is cached per distinct word; the features with small domains (previous tags, document
 * evidence) are read from tables built once per model. Not thread-safe.
 *
 * @example
 * const decoder = new Decoder(readModel(bytes));
 * const tags = decoder.decode(text, tokenize(text));
 */
export class Decoder {
  readonly context = new FeatureContext();
  private readonly evidence = new EvidenceTable();
  private readonly keys = new Int32Array(MAX_FEATURES);
  private readonly scores = new Int32Array(TAG_COUNT);
  private staticScores = new Int32Array(0);
  /** 1 once token i's static scores are in `staticScores`: they are summed only for tokens that get scored. */
  private staticReady = new Uint8Array(0);
  private tags = new Uint8Array(0);
  /** Pass 1's tags, which pass 2 reuses for tokens whose inputs did not change. */
  private firstTags = new Uint8Array(0);
  private readonly wordKeys = new Int32Array(WORD_CACHE_SIZE * WORD_CACHE_KEYS);
  private readonly wordScores = new Int32Array(WORD_CACHE_SIZE * TAG_COUNT);
  private readonly transition = new Int32Array(PREVIOUS_TAGS * TAG_COUNT);
  private readonly transition2 = new Int32Array(PREVIOUS_TAGS * PREVIOUS_TAGS * TAG_COUNT);
  private readonly document = new Int32Array(DOCUMENT_TYPES * POSITION_CODES * TAG_COUNT);

  constructor(private readonly model: ModelData) {
    const weights = model.weights;
    const scratch = new Int32Array(TAG_COUNT);
    for (let previous = 0; previous < PREVIOUS_TAGS; previous++) {
      tabulate(weights, transitionKey(previous), this.transition, previous * TAG_COUNT, scratch);
      for (let previous2 = 0; previous2 < PREVIOUS_TAGS; previous2++) {
        tabulate(weights, transition2Key(previous, previous2), this.transition2, (previous * PREVIOUS_TAGS + previous2) * TAG_COUNT, scratch);
      }
    }
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
      this.firstTags = new Uint8Array(size);
      this.staticScores = new Int32Array(size * TAG_COUNT);
      this.staticReady = new Uint8Array(size);
    }
    this.staticReady.fill(0, 0, count);
    this.firstPass(count);
    this.evidence.mark(context, this.tags);
    this.secondPass(count);
    return this.tags;
  }

  /** Sums token `i`'s tag-independent scores in place: the row starts as the cached word scores, then the context features are added. */
  private computeStaticScores(i: number): void {
    const base = i * TAG_COUNT;
    const staticScores = this.staticScores;
    const weights = this.model.weights;
    const keys = this.keys;
    this.wordScoresInto(i, staticScores, base);
    const n = this.context.contextFeatures(i, keys, 0);
    for (let k = 0; k < n; k++) weights.addAt(keys[k] ?? 0, staticScores, base);
    this.staticReady[i] = 1;
  }

  /** Sets `scores[at…]` to the summed weights of token `i`'s word features, from the cache when the word was seen. */
  private wordScoresInto(i: number, scores: Int32Array, at: number): void {
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
      for (let tag = 0; tag < TAG_COUNT; tag++) scores[at + tag] = wordScores[scoreAt + tag] ?? 0;
      return;
    }
    scores.fill(0, at, at + TAG_COUNT);
    const weights = this.model.weights;
    const keys = this.keys;
    const n = context.wordFeatures(i, keys, 0);
    for (let k = 0; k < n; k++) weights.addAt(keys[k] ?? 0, scores, at);
    wordKeys[keyAt] = raw;
    wordKeys[keyAt + 1] = shape;
    wordKeys[keyAt + 2] = length + 1;
    for (let tag = 0; tag < TAG_COUNT; tag++) wordScores[scoreAt + tag] = scores[at + tag] ?? 0;
  }

  /** Scores one token given the previous two tags and its document evidence (0 = none), and returns the best allowed tag. */
  private tagToken(i: number, previous: number, previous2: number, evidence: number): number {
    const context = this.context;
    if (isForcedOutside(context.kinds[i] ?? 0, previous)) return TAG_O;
    if (this.staticReady[i] === 0) this.computeStaticScores(i);
    const scores = this.scores;
    const staticScores = this.staticScores;
    const transition = this.transition;
    const transition2 = this.transition2;
    const documentScores = this.document;
    const base = i * TAG_COUNT;
    const transitionBase = previous * TAG_COUNT;
    const transition2Base = (previous * PREVIOUS_TAGS + previous2) * TAG_COUNT;
    if (evidence === 0) {
      for (let tag = 0; tag < TAG_COUNT; tag++) {
        scores[tag] = (staticScores[base + tag] ?? 0) + (transition[transitionBase + tag] ?? 0) + (transition2[transition2Base + tag] ?? 0);
      }
    } else {
      const documentBase = (evidence * POSITION_CODES + (context.position[i] ?? 0)) * TAG_COUNT;
      for (let tag = 0; tag < TAG_COUNT; tag++) {
        scores[tag] =
          (staticScores[base + tag] ?? 0) +
          (transition[transitionBase + tag] ?? 0) +
          (transition2[transition2Base + tag] ?? 0) +
          (documentScores[documentBase + tag] ?? 0);
      }
    }
    const weights = this.model.weights;
    const keys = this.keys;
    const n = context.tagWordFeatures(i, previous, keys, 0);
    for (let k = 0; k < n; k++) weights.addAt(keys[k] ?? 0, scores, 0);
    return bestAllowed(scores, previous, context.last[i] === 1);
  }

  /** Pass 1: local features only. Its tags are kept in `firstTags` for the second pass to reuse. */
  private firstPass(count: number): void {
    const position = this.context.position;
    const tags = this.tags;
    let previous = TAG_START;
    let previous2 = TAG_START;
    for (let i = 0; i < count; i++) {
      if ((position[i] ?? 0) & 1) {
        previous = TAG_START;
        previous2 = TAG_START;
      }
      const tag = this.tagToken(i, previous, previous2, 0);
      tags[i] = tag;
      previous2 = previous;
      previous = tag;
    }
    this.firstTags.set(tags.subarray(0, count));
  }

  /**
   * Pass 2: adds the document evidence. A token's tag is a function of its static scores, the previous
   * two tags and its evidence only, so a token without evidence whose previous two tags are those of
   * pass 1 gets pass 1's tag again without being scored (most tokens: evidence is for capitalised words).
   */
  private secondPass(count: number): void {
    const context = this.context;
    const position = context.position;
    const documentType = context.documentType;
    const tags = this.tags;
    const firstTags = this.firstTags;
    let previous = TAG_START;
    let previous2 = TAG_START;
    let firstPrevious = TAG_START;
    let firstPrevious2 = TAG_START;
    for (let i = 0; i < count; i++) {
      if ((position[i] ?? 0) & 1) {
        previous = TAG_START;
        previous2 = TAG_START;
        firstPrevious = TAG_START;
        firstPrevious2 = TAG_START;
      }
      const evidence = documentType[i] ?? 0;
      const first = firstTags[i] ?? 0;
      const tag = evidence === 0 && previous === firstPrevious && previous2 === firstPrevious2 ? first : this.tagToken(i, previous, previous2, evidence);
      tags[i] = tag;
      previous2 = previous;
      previous = tag;
      firstPrevious2 = firstPrevious;
      firstPrevious = first;
    }
  }
}

/**
 * The highest-scoring tag that may follow `previous` (ties go to the lower tag number, O first).
 *
 * @example
 * bestAllowed(scores, TAG_START, false);
 */
export function bestAllowed(scores: ArrayLike<number>, previous: number, last: boolean): number {
  const base = previous * TAG_COUNT * 2 + (last ? 1 : 0);
  let best = -1;
  let bestScore = -Infinity;
  for (let tag = 0; tag < TAG_COUNT; tag++) {
    if (ALLOWED[base + tag * 2] === 0) continue;
    const score = scores[tag] ?? 0;
    if (score > bestScore) {
      best = tag;
      bestScore = score;
    }
  }
  return best;
}
