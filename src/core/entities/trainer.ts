import { bestAllowed } from './decoder';
import { EvidenceTable } from './document-evidence';
import { FeatureContext, MAX_FEATURES } from './features';
import { Lexicon } from './lexicon';
import { spansToTags } from './spans';
import { TAG_COUNT, TAG_START } from './tags';
import { TokenBuffer, tokenize } from './tokenizer';
import { EntityType } from './types';
import { MAX_WEIGHT, WeightTable } from './weights';
import { seededRandom } from '../random';

/**
 * One annotated training document (the shape of a line of `train.jsonl`).
 *
 * @example
 * const document: TrainingDocument = { text: 'Putin spoke.', entities: [{ start: 0, end: 5, type: 'PER' }] };
 */
export interface TrainingDocument {
  readonly text: string;
  readonly entities: readonly { readonly start: number; readonly end: number; readonly type: EntityType }[];
}

/**
 * Knobs of `trainPerceptron`; the defaults are what `npm run train` uses.
 *
 * @example
 * const options: TrainingOptions = { epochs: 3, onEpoch: (epoch, errorRate) => console.log(epoch, errorRate) };
 */
export interface TrainingOptions {
  /** Passes over the training data. */
  readonly epochs?: number;
  /** Seed of the shuffling between epochs: the same seed and data give the same model, byte for byte. */
  readonly seed?: number;
  /** A tag-independent feature seen fewer times than this in training is dropped (noise, and size). */
  readonly minCount?: number;
  /** Called after each epoch with the fraction of tokens tagged wrongly during that epoch. */
  readonly onEpoch?: (epoch: number, errorRate: number) => void;
}

/**
 * Default number of epochs: dev F1 is flat from 6 to 10 and drops after 12 (over-fitting).
 *
 * @example
 * trainPerceptron(documents, lexicon); // the same model as with { epochs: DEFAULT_EPOCHS }
 */
export const DEFAULT_EPOCHS = 8;
/** Default seed of the training shuffle. */
const DEFAULT_SEED = 20230913;
/** Default minimum count of a static feature. */
const DEFAULT_MIN_COUNT = 2;

interface PreparedDocument {
  readonly text: string;
  readonly tokens: TokenBuffer;
  readonly gold: Uint8Array;
  /** Row indices of the static features of each token, `rows[offsets[i] .. offsets[i + 1])`. */
  readonly rows: Int32Array;
  readonly offsets: Int32Array;
}


/**
 * Averaged perceptron weights over rows of TAG_COUNT, with the lazy-averaging trick: `total` holds
 * Σ step × update, so the average is `weight − total / steps` without touching every weight per step.
 */
class Weights {
  weight = new Float64Array(0);
  total = new Float64Array(0);
  rows = 0;
  readonly dynamic = new Map<number, number>();

  reserve(rows: number): void {
    if (this.weight.length >= rows * TAG_COUNT) return;
    const size = Math.max(rows, Math.ceil((this.weight.length / TAG_COUNT) * 1.5)) * TAG_COUNT;
    const weight = new Float64Array(size);
    weight.set(this.weight);
    const total = new Float64Array(size);
    total.set(this.total);
    this.weight = weight;
    this.total = total;
  }

  /** Row of a tag- or document-dependent feature, created on first update when `create` is set. */
  dynamicRow(key: number, create: boolean): number {
    const found = this.dynamic.get(key);
    if (found !== undefined || !create) return found ?? -1;
    this.reserve(this.rows + 1);
    this.dynamic.set(key, this.rows);
    return this.rows++;
  }

  addRow(row: number, scores: Float64Array): void {
    const base = row * TAG_COUNT;
    for (let tag = 0; tag < TAG_COUNT; tag++) scores[tag] = (scores[tag] ?? 0) + (this.weight[base + tag] ?? 0);
  }

  update(row: number, gold: number, predicted: number, step: number): void {
    const base = row * TAG_COUNT;
    this.weight[base + gold] = (this.weight[base + gold] ?? 0) + 1;
    this.total[base + gold] = (this.total[base + gold] ?? 0) + step;
    this.weight[base + predicted] = (this.weight[base + predicted] ?? 0) - 1;
    this.total[base + predicted] = (this.total[base + predicted] ?? 0) - step;
  }
}

/**
 * Trains the two-pass greedy tagger with an averaged perceptron. Each document is tagged with the
 * current weights as `Decoder` does at run time (first pass, document evidence, second pass), except that
 * every token is scored (the decoder tags a token without a capital O when no entity is open), and
 * every wrongly tagged token moves the weights of its features towards the gold tag. Deterministic.
 *
 * @example
 * const weights = trainPerceptron(documents, lexicon, { epochs: 3 });
 * const bytes = writeModel({ weights, ...lexicon });
 */
export function trainPerceptron(documents: readonly TrainingDocument[], lexicon: Lexicon, options: TrainingOptions = {}): WeightTable {
  const epochs = options.epochs ?? DEFAULT_EPOCHS;
  const context = new FeatureContext();
  const weights = new Weights();
  const rowKeys: number[] = [];
  const prepared = prepareDocuments(documents, context, lexicon, options.minCount ?? DEFAULT_MIN_COUNT, rowKeys);
  weights.rows = rowKeys.length;
  weights.reserve(weights.rows + 1024);
  const evidence = new EvidenceTable();
  const next = seededRandom(options.seed ?? DEFAULT_SEED);
  const order = prepared.map((_, index) => index);
  let step = 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const swap = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = swap;
    }
    let errors = 0;
    let tokens = 0;
    for (const index of order) {
      const document = prepared[index];
      if (!document) continue;
      context.prepare(document.text, document.tokens, lexicon.gazetteer, lexicon.clusters);
      const predicted = new Uint8Array(document.tokens.count);
      for (const withDocument of [false, true]) {
        if (withDocument) evidence.mark(context, predicted);
        const result = trainPass(document, context, weights, predicted, withDocument, step);
        errors += result.errors;
        tokens += document.tokens.count;
        step = result.step;
      }
    }
    options.onEpoch?.(epoch, tokens === 0 ? 0 : errors / tokens);
  }
  return averagedTable(weights, rowKeys, step);
}

function prepareDocuments(
  documents: readonly TrainingDocument[],
  context: FeatureContext,
  lexicon: Lexicon,
  minCount: number,
  rowKeys: number[],
): PreparedDocument[] {
  const keys = new Int32Array(MAX_FEATURES);
  const counts = new Map<number, number>();
  const perDocument = documents.map((document) => {
    const tokens = tokenize(document.text, new TokenBuffer());
    context.prepare(document.text, tokens, lexicon.gazetteer, lexicon.clusters);
    const all: number[] = [];
    const offsets = new Int32Array(tokens.count + 1);
    for (let i = 0; i < tokens.count; i++) {
      const n = context.staticFeatures(i, keys, 0);
      for (let k = 0; k < n; k++) {
        const key = keys[k] ?? 0;
        all.push(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      offsets[i + 1] = all.length;
    }
    return { document, tokens, all, offsets };
  });
  const rowOf = new Map<number, number>();
  for (const [key, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count < minCount) continue;
    rowOf.set(key, rowKeys.length);
    rowKeys.push(key);
  }
  return perDocument.map(({ document, tokens, all, offsets }) => {
    const rows = new Int32Array(all.length);
    const compactOffsets = new Int32Array(offsets.length);
    let n = 0;
    for (let i = 0; i < tokens.count; i++) {
      for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
        const row = rowOf.get(all[k] ?? 0);
        if (row !== undefined) rows[n++] = row;
      }
      compactOffsets[i + 1] = n;
    }
    return { text: document.text, tokens, gold: spansToTags(tokens, document.entities).tags, rows: rows.slice(0, n), offsets: compactOffsets };
  });
}

function trainPass(
  document: PreparedDocument,
  context: FeatureContext,
  weights: Weights,
  predicted: Uint8Array,
  withDocument: boolean,
  firstStep: number,
): { errors: number; step: number } {
  const keys = new Int32Array(MAX_FEATURES);
  const dynamicRows = new Int32Array(MAX_FEATURES);
  const scores = new Float64Array(TAG_COUNT);
  let step = firstStep;
  let errors = 0;
  let previous = TAG_START;
  let previous2 = TAG_START;
  for (let i = 0; i < document.tokens.count; i++) {
    if ((context.position[i] ?? 0) & 1) {
      previous = TAG_START;
      previous2 = TAG_START;
    }
    scores.fill(0);
    const from = document.offsets[i] ?? 0;
    const to = document.offsets[i + 1] ?? 0;
    for (let k = from; k < to; k++) weights.addRow(document.rows[k] ?? 0, scores);
    let n = context.tagFeatures(i, previous, previous2, keys, 0);
    if (withDocument) n += context.documentFeatures(i, keys, n);
    for (let k = 0; k < n; k++) {
      const row = weights.dynamicRow(keys[k] ?? 0, false);
      dynamicRows[k] = row;
      if (row !== -1) weights.addRow(row, scores);
    }
    const tag = bestAllowed(scores, previous, context.last[i] === 1);
    const gold = document.gold[i] ?? 0;
    if (tag !== gold) {
      errors++;
      for (let k = from; k < to; k++) weights.update(document.rows[k] ?? 0, gold, tag, step);
      for (let k = 0; k < n; k++) {
        const row = dynamicRows[k] === -1 ? weights.dynamicRow(keys[k] ?? 0, true) : dynamicRows[k] ?? 0;
        weights.update(row, gold, tag, step);
      }
    }
    predicted[i] = tag;
    previous2 = previous;
    previous = tag;
    step++;
  }
  return { errors, step };
}

function averagedTable(weights: Weights, rowKeys: readonly number[], steps: number): WeightTable {
  const keyOfRow = [...rowKeys];
  for (const [key, row] of weights.dynamic) keyOfRow[row] = key;
  const averaged = new Map<number, Float64Array>();
  let largest = 0;
  for (let row = 0; row < weights.rows; row++) {
    const values = new Float64Array(TAG_COUNT);
    let any = false;
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      const index = row * TAG_COUNT + tag;
      const value = (weights.weight[index] ?? 0) - (weights.total[index] ?? 0) / steps;
      values[tag] = value;
      if (value !== 0) any = true;
      largest = Math.max(largest, Math.abs(value));

    }
    const key = keyOfRow[row];
    if (any && key !== undefined) averaged.set(key, values);
  }
  return WeightTable.fromRows(averaged, largest === 0 ? 1 : MAX_WEIGHT / largest);
}
