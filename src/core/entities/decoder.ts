import { EvidenceTable } from './document-evidence';
import { FeatureContext, MAX_FEATURES } from './features';
import { ModelData } from './model-file';
import { ALLOWED, TAG_COUNT, TAG_START } from './tags';
import { TokenBuffer } from './tokenizer';

/**
 * Greedy left-to-right BILOU tagging in two passes over a document: the first with local features,
 * the second adding what the first said about the same word elsewhere in the document. The static
 * (tag-independent) scores are computed once and shared by both passes, so the second pass costs only
 * a handful of lookups per token. Not thread-safe: one decoder per worker.
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
  private tags = new Uint8Array(0);

  constructor(private readonly model: ModelData) {}

  /** Tags every token of `tokens` (from `tokenize(text)`); the returned array is reused by the next call. */
  decode(text: string, tokens: TokenBuffer): Uint8Array {
    const count = tokens.count;
    const context = this.context;
    context.prepare(text, tokens, this.model.gazetteer);
    if (this.tags.length < count) {
      this.tags = new Uint8Array(Math.max(count, this.tags.length * 2));
      this.staticScores = new Int32Array(this.tags.length * TAG_COUNT);
    }
    const weights = this.model.weights;
    const keys = this.keys;
    const staticScores = this.staticScores;
    const scores = this.scores;
    for (let i = 0; i < count; i++) {
      const n = context.staticFeatures(i, keys, 0);
      scores.fill(0);
      for (let k = 0; k < n; k++) weights.add(keys[k] ?? 0, scores);
      staticScores.set(scores, i * TAG_COUNT);
    }
    this.pass(count, false);
    this.evidence.mark(context, this.tags);
    this.pass(count, true);
    return this.tags;
  }

  private pass(count: number, withDocument: boolean): void {
    const context = this.context;
    const weights = this.model.weights;
    const keys = this.keys;
    const scores = this.scores;
    const staticScores = this.staticScores;
    const tags = this.tags;
    let previous = TAG_START;
    let previous2 = TAG_START;
    for (let i = 0; i < count; i++) {
      if ((context.position[i] ?? 0) & 1) {
        previous = TAG_START;
        previous2 = TAG_START;
      }
      scores.set(staticScores.subarray(i * TAG_COUNT, i * TAG_COUNT + TAG_COUNT));
      let n = context.tagFeatures(i, previous, previous2, keys, 0);
      if (withDocument) n += context.documentFeatures(i, keys, n);
      for (let k = 0; k < n; k++) weights.add(keys[k] ?? 0, scores);
      const tag = bestAllowed(scores, previous, context.last[i] === 1);
      tags[i] = tag;
      previous2 = previous;
      previous = tag;
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
