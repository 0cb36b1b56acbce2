import { SentenceForwardBackward } from './crf';
import { EvidenceTable } from './document-evidence';
import { FeatureContext, FeatureGroup, MAX_FEATURES, NO_NEIGHBOUR, Neighbour, POSITION_SENTENCE_START, VECTOR_POSITIONS, VectorPosition, transitionKey, vectorKey } from './features';
import { Lexicon } from './lexicon';
import { allowedTags, constrainEmissions } from './partial-labels';
import { spansToTags } from './spans';
import { TAG_COUNT, TAG_O, TAG_START, typeIndexOf } from './tags';
import { TokenBuffer, tokenize } from './tokenizer';
import { EntityType } from './types';
import { LatticeState, SentenceViterbi, latticeStates } from './viterbi';
import { MAX_WEIGHT, WeightTable } from './weights';
import { VECTOR_STEPS_PER_DEVIATION } from './word-vectors';
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
  /**
   * Types the annotation never marks (GUM news and BTC have no MISC): a token outside every annotated name
   * may then be O or part of a name of these types, and the perceptron's gold path is the best path true to
   * the annotation (`allowedTags`) instead of O there. Absent: every token outside a name is O.
   */
  readonly unannotatedTypes?: readonly EntityType[];
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
  /**
   * Instead of `bags` (not with it): this many perceptrons with every feature, trained with successive seeds and summed
   * into one model (each shuffle takes its own path through the data, and their sum is less sensitive to any one path).
   */
  readonly runs?: number;
  /**
   * Whether the previous and next words' projected vectors (`Lexicon.vectors`) are features of a token scored
   * with its context, besides the token's own.
   */
  readonly vectorNeighbours?: boolean;
  /**
   * Cost-augmented training (the margin perceptron, cf. Crammer et al. 2006): the decode that chooses each update
   * scores every tag of a scored token but the gold one `cost` higher, so the weights keep moving until the gold path
   * wins by a margin (about `cost` per token it differs on), not merely wins. 0, with `typeCost` 0, is the plain
   * perceptron. Training only: the run-time decoder is the same either way.
   */
  readonly cost?: number;
  /**
   * Feature bagging (Sutton, Sindelar & McCallum 2005): one entry per perceptron, the `FeatureGroup` it is trained
   * without (its weights for that group stay 0), or undefined for a perceptron with every feature; default `DEFAULT_BAGS`.
   * A perceptron without the words' identities must learn to decide from shapes, clusters and the gazetteer, which
   * the full ones leave undertrained. The perceptrons are summed as without bagging: the model format and the
   * decoder do not change.
   */
  readonly bags?: readonly (FeatureGroup | undefined)[];
  /**
   * The cost of a wrong tag of another entity type than the gold tag's (B-ORG where the gold is B-LOC or U-LOC):
   * a type confusion among names, weighted apart from the other errors (a weighted Hamming loss, cf. Taskar et
   * al. 2004). O against a name, a name against O, and another BILOU part of the same type cost `cost`.
   * Equal to `cost`, the uniform cost. Absent: `DEFAULT_TYPE_COST`.
   */
  readonly typeCost?: number;
  /**
   * How each member of the ensemble learns from a sentence. `perceptron` (default): the structured averaged perceptron,
   * its update the gold path's features less the (cost-augmented) Viterbi path's. `crf`: the linear-chain CRF's
   * stochastic gradient on the same lattice and features (Lafferty et al. 2001), the gold path's features less their
   * expectation under the marginals of forward–backward (`SentenceForwardBackward`), times `learningRate`, averaged as
   * the perceptron is; with `crfCost`, softmax-margin (Gimpel & Smith 2010). For a partially annotated document the
   * gold side is the expectation over the paths true to the annotation. The model format and the decoder are the same.
   */
  readonly objective?: 'perceptron' | 'crf';
  /** The CRF's step size (`objective: 'crf'`); default `DEFAULT_LEARNING_RATE`. */
  readonly learningRate?: number;
  /**
   * Softmax-margin for the CRF (`objective: 'crf'`): inside the partition function every tag of a scored token but the
   * gold one scores `crfCost` higher (a type confusion `crfCost × typeCost / cost`), in the CRF's log units; 0 is the
   * plain CRF. Default `DEFAULT_CRF_COST`.
   */
  readonly crfCost?: number;
  /**
   * The CRF's gradient entries (gold less expected count of a tag at a token, or of a transition in a sentence) smaller
   * than this in absolute value are not applied: each sentence would otherwise move every tag of every active feature a
   * little, and the model's weights would stop being sparse. Default `DEFAULT_MIN_GRADIENT`.
   */
  readonly minGradient?: number;
  /**
   * With `objective: 'crf'`, the most (feature, tag) weights the model keeps: the ones of the smallest magnitude in the
   * quantised sum go (a CRF's gradient moves every tag a little, and the model file has a size cap). Default
   * `DEFAULT_CRF_MAX_WEIGHTS`; the perceptron keeps all.
   */
  readonly maxWeights?: number;
  /** Called after each epoch of each run with the fraction of tokens tagged wrongly during that epoch. */
  readonly onEpoch?: (epoch: number, errorRate: number) => void;
}

/**
 * Default number of epochs. Without the cost (`DEFAULT_COST`), by 5-fold cross-validation (wikigold / GUM news noMISC F1)
 * the plain perceptron did best early: 2 → 66.85 / 70.34, 3 → 66.93 / 70.65, 4 → 66.37 / 70.61, 6 → 65.50 / 70.26,
 * 8 → 64.62 / 69.29, 12 → 63.81 / 69.29. With the margin, more epochs no longer over-fit: on two shuffles (default, 7; docs/entities.md,
 * ner26b) cost 12.5 gave 72.56 / 75.14 at 3 epochs, 72.76 / 75.23 at 4, 72.75 / 75.43 at 5, and cost 25 at 5 epochs
 * 72.72 / 75.52 (the choice); on two shuffles not used in that choice (19, 23) 5 epochs at cost 25 gave 72.68 / 75.52
 * against 72.09 / 74.55 for 3 at 12.5; CoNLL dev 94.31 against 93.78.
 * Re-tuned under the CRF (`DEFAULT_OBJECTIVE`, docs/entities.md, ner36a): on the tuning shuffles (default, 7) 7 epochs
 * gave wikigold / GUM news 74.08 / 76.62 against 73.98 / 76.33 for 5 (4: 73.69 / 75.93); on two shuffles not used in
 * that choice (79, 83) 74.08 / 76.49 against 73.93 / 76.31 (paired bootstrap +0.14 [−0.25, +0.53], +0.18 [−0.33,
 * +0.66]), BTC 45.39 against 45.45. The perceptron (`objective: 'perceptron'`) shares this default.
 *
 * @example
 * trainPerceptron(documents, lexicon); // the same model as with { epochs: DEFAULT_EPOCHS }
 */
export const DEFAULT_EPOCHS = 7;
/** Default seed of the training shuffle. */
const DEFAULT_SEED = 20230913;
/**
 * Default perceptrons of the ensemble (`bags`): three with every feature, then two each without the words' identities,
 * without the clusters and vectors, and without the shapes and affixes, each with the next seed. Nine members since the
 * thirty-seventh session (docs/entities.md, ner41), under the CRF: on the tuning shuffles (default, 7) wikigold / GUM
 * news 74.25 / 76.74 against 74.23 / 76.72 for six; on two shuffles not used in that choice (79, 83) 74.26 / 76.77
 * against 74.16 / 76.65 (paired bootstrap +0.10 [−0.19, +0.40], +0.12 [−0.20, +0.48]), BTC 45.60 against 45.51; a
 * model of the same size (the weight cap), trained half as long again. Until then six (each left-out group once), and
 * before those three with every feature (`runs: 3`: by five-fold cross-validation 3 gave wikigold +0.4 and GUM news +0.05 over 1; at 5 epochs
 * and cost 25, 2 gave 72.57 / 75.38 against 72.72 / 75.52 for 3). Chosen from seven ensembles on two shuffles
 * (default, 7; docs/entities.md, ner28): wikigold / GUM news 73.10 / 75.74 against 72.73 / 75.38; on two shuffles
 * not used before (43, 47) 73.05 / 75.89 against 72.73 / 75.34, BTC 45.19 against 44.91; CoNLL dev 94.29 against 94.21.
 *
 * @example
 * trainPerceptron(documents, lexicon, { bags: DEFAULT_BAGS }); // the same model as without `bags`
 */
export const DEFAULT_BAGS: readonly (FeatureGroup | undefined)[] = [
  undefined,
  undefined,
  undefined,
  FeatureGroup.Lexical,
  FeatureGroup.Distributional,
  FeatureGroup.Orthographic,
  FeatureGroup.Lexical,
  FeatureGroup.Distributional,
  FeatureGroup.Orthographic,
];
/**
 * Default of `cost`, in units of the summed weights (a token has about 25 active features, so one update moves its
 * gold-against-predicted score by about 50). Chosen from {12.5, 25, 50, 100} on three shuffles of five-fold
 * cross-validation (wikigold / GUM news noMISC F1 72.63 / 75.12 against 72.27 / 74.85 at 0), then confirmed on two
 * shuffles not used in that choice: 72.44 / 75.02 against 72.22 / 74.61; CoNLL dev 93.78 against 93.89.
 * With 5 epochs (then `DEFAULT_EPOCHS`) 25 did as well as 12.5 on the tuning shuffles (72.72 / 75.52 against 72.75 / 75.43).
 *
 * @example
 * trainPerceptron(documents, lexicon, { cost: DEFAULT_COST }); // the same model as without `cost`
 */
export const DEFAULT_COST = 25;
/**
 * Default of `typeCost`: a type confusion costs 1.5 × `DEFAULT_COST`. Type confusions among names with the right
 * boundaries were about a third of wikigold's errors. By five-fold cross-validation (docs/entities.md, ner28c) on the
 * tuning shuffles (default, 7) 37.5 gave wikigold / GUM news 72.88 / 75.53 against 72.73 / 75.38 for 25 (50: 72.86 /
 * 75.47; 75: 72.80 / 75.41; the higher cost trades wrong types for missed names); on two shuffles not used in that
 * choice (43, 47) 72.95 / 75.60 against 72.73 / 75.34, BTC 45.39 against 44.91; CoNLL dev 94.11 against 94.21. Measured
 * apart from `DEFAULT_BAGS`; together with it, on two more shuffles never used before (53, 59), 73.24 / 75.76 against
 * 72.84 / 75.67 for the bags at the uniform cost, BTC 45.79 against 45.61; CoNLL dev 94.19 (docs/entities.md, ner28d).
 *
 * @example
 * trainPerceptron(documents, lexicon, { typeCost: DEFAULT_TYPE_COST }); // the same model as without `typeCost`
 */
export const DEFAULT_TYPE_COST = 37.5;
/**
 * Default minimum count of a static feature in the training mix. Under the CRF at 7 epochs (docs/entities.md, ner38)
 * 2 gave wikigold / GUM news 74.20 / 76.68 against 74.08 / 76.62 for 3 on the tuning shuffles (default, 7), and
 * 74.14 / 76.59 against 74.08 / 76.49 on 79 and 83: within the noise (bootstrap +0.06 [−0.19, +0.34], +0.10 [−0.20,
 * +0.38]), kept by the rule fixed before measuring. The weight cap (`DEFAULT_CRF_MAX_WEIGHTS`) keeps the model's size.
 * Under the perceptron (ner26c) 3 had beaten 2.
 *
 * @example
 * trainPerceptron(documents, lexicon); // the same model as with { minCount: DEFAULT_MIN_COUNT }
 */
export const DEFAULT_MIN_COUNT = 2;
/**
 * Default of `vectorNeighbours`. By five-fold cross-validation over three shuffles (16 dimensions; wikigold / GUM
 * news noMISC F1, means) the neighbours' vectors gave 71.25 / 72.38 against 71.10 / 72.92 for the token's alone:
 * GUM news lost on every shuffle, and CoNLL dev 93.15 against 93.24.
 *
 * @example
 * trainPerceptron(documents, lexicon, { vectorNeighbours: DEFAULT_VECTOR_NEIGHBOURS }); // the same model as without it
 */
export const DEFAULT_VECTOR_NEIGHBOURS = false;
/**
 * Default of `objective`: the CRF, with `DEFAULT_CRF_COST` and `DEFAULT_LEARNING_RATE`, each member of `DEFAULT_BAGS`
 * trained so and summed as before. By five-fold cross-validation (docs/entities.md, ner33), wikigold / GUM news noMISC
 * F1 on the tuning shuffles (default, 7) 73.98 / 76.33 against 73.85 / 76.07 for the perceptron; on two shuffles not
 * used in that choice (79, 83) 73.93 / 76.31 against 73.67 / 75.76, BTC 45.45 against 45.27; CoNLL dev 94.27 against
 * 94.23, the model 7,627,124 bytes against 7,635,472 (`DEFAULT_CRF_MAX_WEIGHTS`).
 *
 * @example
 * trainPerceptron(documents, lexicon, { objective: DEFAULT_OBJECTIVE }); // the same model as without `objective`
 */
export const DEFAULT_OBJECTIVE: 'perceptron' | 'crf' = 'crf';
/**
 * Default of `learningRate` (`objective: 'crf'` only). On the tuning shuffles (default, 7) at softmax-margin cost 0.5,
 * 0.1 gave wikigold / GUM news 73.84 / 75.88 against 73.98 / 76.33 for 0.05 (docs/entities.md, ner33).
 */
export const DEFAULT_LEARNING_RATE = 0.05;
/**
 * Default of `crfCost` (`objective: 'crf'` only): a wrong tag 0.5 in the partition function, a type confusion 0.75
 * (`typeCost / cost` of it). On the tuning shuffles (default, 7; docs/entities.md, ner33) wikigold / GUM news 73.98 /
 * 76.33 against 74.02 / 76.14 at 0 (the plain CRF) and 74.25 / 75.96 at 1; the perceptron 73.85 / 76.07.
 */
export const DEFAULT_CRF_COST = 0.5;
/** Default of `minGradient` (`objective: 'crf'` only). */
export const DEFAULT_MIN_GRADIENT = 0.01;
/**
 * Default of `maxWeights` with `objective: 'crf'`: the model keeps its largest weights only. Without a cap the CRF kept
 * 653,649 (8,393,484 bytes, over the 8 MB limit); 465,000 (about the perceptron ensemble's count) until the
 * thirty-sixth session. The smallest weights decide nothing (docs/entities.md, ner38): at 540,000 every figure was
 * 465,000's to the hundredth, and 400,000 scored wikigold / GUM news 74.23 / 76.72 against 74.20 / 76.68 on the tuning
 * shuffles (default, 7) and 74.16 / 76.65 against 74.14 / 76.59 on 79 and 83, in a model 248 KB smaller (7,378,504 bytes; the VSIX 159 KB smaller).
 */
export const DEFAULT_CRF_MAX_WEIGHTS = 400000;

interface PreparedDocument {
  readonly text: string;
  readonly tokens: TokenBuffer;
  readonly gold: Uint8Array;
  /** For a document with `unannotatedTypes`, the tags each token may take on its gold path (`allowedTags`). */
  readonly allowed: Uint32Array | undefined;
  /** `LatticeState` of each token, as the decoder computes it. */
  readonly states: Uint8Array;
  /** Token index of each sentence start, then the token count. */
  readonly sentences: Int32Array;
  /** Row indices of the static features of each token, `rows[offsets[i] .. offsets[i + 1])`. */
  readonly rows: Int32Array;
  readonly offsets: Int32Array;
  /** Per token and `VectorPosition`, the row of the projected word vector that is a feature of it, or −1. */
  readonly vectorRows: Int32Array;
}


/**
 * Averaged perceptron weights over rows of TAG_COUNT, with the lazy-averaging trick: `total` holds
 * Σ step × update, so the average is `weight − total / steps` without touching every weight per step.
 */
class Weights {
  weight = new Float64Array(0);
  total = new Float64Array(0);
  rows = 0;
  /** Steps taken when training ended: the divisor of the lazy average. */
  step = 1;
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

  /** Adds the row's weights times `factor` to `scores`. */
  addScaledRow(row: number, factor: number, scores: Float64Array): void {
    const base = row * TAG_COUNT;
    for (let tag = 0; tag < TAG_COUNT; tag++) scores[tag] = (scores[tag] ?? 0) + factor * (this.weight[base + tag] ?? 0);
  }

  /** Adds `amount` to the row's weight of `tag`. */
  add(row: number, tag: number, step: number, amount: number): void {
    const index = row * TAG_COUNT + tag;
    this.weight[index] = (this.weight[index] ?? 0) + amount;
    this.total[index] = (this.total[index] ?? 0) + step * amount;
  }

  /** Adds `amount` to the row's weight of `gold` and takes it from that of `predicted`; with both the same tag, adds `amount` to it. */
  update(row: number, gold: number, predicted: number, step: number, amount: number): void {
    this.add(row, gold, step, amount);
    if (predicted !== gold) this.add(row, predicted, step, -amount);
  }
}

/**
 * Trains the two-pass sentence-level tagger as a structured averaged perceptron (Collins 2002), or by default with
 * the CRF's gradient in place of the perceptron's update (`TrainingOptions.objective`; below, "perceptron" is either). Each
 * sentence is decoded with the current weights exactly as `Decoder` does at run time (Viterbi over the
 * same lattice: first pass, document evidence, second pass); when the best sequence differs from the
 * gold one, the features of the gold sequence move towards it and those of the predicted sequence away,
 * transitions included. `runs` such perceptrons, each shuffling the data with its own seed, are summed
 * into one table (an ensemble at no cost at run time: the model is the sum). Deterministic.
 *
 * @example
 * const weights = trainPerceptron(documents, lexicon, { epochs: 3 });
 * const bytes = writeModel({ weights, ...lexicon });
 */
export function trainPerceptron(documents: readonly TrainingDocument[], lexicon: Lexicon, options: TrainingOptions = {}): WeightTable {
  const context = new FeatureContext();
  const rowKeys: number[] = [];
  const rowGroups: FeatureGroup[] = [];
  const prepared = prepareDocuments(documents, context, lexicon, options.minCount ?? DEFAULT_MIN_COUNT, options.vectorNeighbours ?? DEFAULT_VECTOR_NEIGHBOURS, rowKeys, rowGroups);
  const sum = new Map<number, Float64Array>();
  const seed = options.seed ?? DEFAULT_SEED;
  if (options.bags !== undefined && options.runs !== undefined) throw new Error('News Corpus: training takes `bags` or `runs`, not both.');
  const bags = options.bags ?? (options.runs === undefined ? DEFAULT_BAGS : Array.from({ length: options.runs }, () => undefined));
  bags.forEach((dropped, run) => {
    const frozen = Uint8Array.from(rowGroups, (group) => (dropped !== undefined && group === dropped ? 1 : 0));
    const weights = trainRun(prepared, context, lexicon, frozen, { ...options, seed: seed + run });
    addAveraged(sum, weights, rowKeys);
  });
  return quantised(sum, (options.objective ?? DEFAULT_OBJECTIVE) === 'crf' ? options.maxWeights ?? DEFAULT_CRF_MAX_WEIGHTS : Infinity);
}

/**
 * One perceptron: `epochs` passes over the prepared documents in the order of its seed. `frozen` has one entry per
 * static row, 1 for a row this perceptron never updates (its group is left out: `TrainingOptions.bags`).
 */
function trainRun(prepared: readonly PreparedDocument[], context: FeatureContext, lexicon: Lexicon, frozen: Uint8Array, options: TrainingOptions): Weights {
  const epochs = options.epochs ?? DEFAULT_EPOCHS;
  const staticRows = frozen.length;
  const weights = new Weights();
  weights.rows = staticRows;
  weights.reserve(weights.rows + 1024);
  const cost = options.cost ?? DEFAULT_COST;
  const typeCost = options.typeCost ?? DEFAULT_TYPE_COST;
  const crf = (options.objective ?? DEFAULT_OBJECTIVE) === 'crf';
  const crfCost = options.crfCost ?? DEFAULT_CRF_COST;
  const costs = crf ? costTable(crfCost, cost === 0 ? crfCost : (crfCost * typeCost) / cost) : costTable(cost, typeCost);
  const crfOptions = crf ? { learningRate: options.learningRate ?? DEFAULT_LEARNING_RATE, minGradient: options.minGradient ?? DEFAULT_MIN_GRADIENT } : undefined;
  const trainer = new SentenceTrainer(context, weights, lexicon, vectorRowBase(lexicon, staticRows), costs, frozen, crfOptions);
  const evidence = new EvidenceTable();
  const next = seededRandom(options.seed ?? DEFAULT_SEED);
  const order = prepared.map((_, index) => index);
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
      context.prepare(document.text, document.tokens, lexicon);
      const predicted = new Uint8Array(document.tokens.count);
      for (const withDocument of [false, true]) {
        if (withDocument) evidence.mark(context, predicted);
        errors += trainer.train(document, predicted, withDocument);
        tokens += document.tokens.count;
      }
    }
    options.onEpoch?.(epoch, tokens === 0 ? 0 : errors / tokens);
  }
  weights.step = trainer.step;
  return weights;
}

/**
 * The cost of each wrong tag given the gold one, `table[gold × TAG_COUNT + tag]`: `typeCost` where both are names
 * of different types, `cost` for any other wrong tag, 0 for the gold tag itself.
 */
function costTable(cost: number, typeCost: number): Float64Array {
  const table = new Float64Array(TAG_COUNT * TAG_COUNT);
  for (let gold = 0; gold < TAG_COUNT; gold++) {
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      if (tag === gold) continue;
      const confused = gold !== TAG_O && tag !== TAG_O && typeIndexOf(gold) !== typeIndexOf(tag);
      table[gold * TAG_COUNT + tag] = confused ? typeCost : cost;
    }
  }
  return table;
}

/** The first row of the real-valued vector features: they take the last `VECTOR_POSITIONS × dimensions` static rows. */
function vectorRowBase(lexicon: Lexicon, staticRows: number): number {
  return staticRows - VECTOR_POSITIONS * lexicon.vectors.dimensions;
}

/**
 * Writes the vector rows that are features of token `i` (its own for any scored token; the previous and next
 * word's too when `neighbours` and the token is scored with its context) to `out[i * VECTOR_POSITIONS…]`, −1 elsewhere.
 */
function markVectorRows(context: FeatureContext, i: number, state: LatticeState, neighbours: boolean, out: Int32Array): void {
  const at = i * VECTOR_POSITIONS;
  out.fill(-1, at, at + VECTOR_POSITIONS);
  if (state === LatticeState.Outside) return;
  out[at + VectorPosition.Token] = context.vectorRowOf(i);
  if (state !== LatticeState.Any || !neighbours) return;
  const previous = context.neighbourOf(i, Neighbour.Previous);
  const next = context.neighbourOf(i, Neighbour.Next);
  if (previous !== NO_NEIGHBOUR) out[at + VectorPosition.Previous] = context.vectorRowOf(previous);
  if (next !== NO_NEIGHBOUR) out[at + VectorPosition.Next] = context.vectorRowOf(next);
}

function prepareDocuments(
  documents: readonly TrainingDocument[],
  context: FeatureContext,
  lexicon: Lexicon,
  minCount: number,
  vectorNeighbours: boolean,
  rowKeys: number[],
  rowGroups: FeatureGroup[],
): PreparedDocument[] {
  const keys = new Int32Array(MAX_FEATURES);
  const groups = new Uint8Array(MAX_FEATURES);
  const counts = new Map<number, number>();
  const groupOf = new Map<number, FeatureGroup>();
  const perDocument = documents.map((document) => {
    const tokens = tokenize(document.text, new TokenBuffer());
    context.prepare(document.text, tokens, lexicon);
    const states = new Uint8Array(tokens.count);
    latticeStates(tokens, context.position, states);
    const vectorRows = new Int32Array(tokens.count * VECTOR_POSITIONS);
    const sentences: number[] = [];
    for (let i = 0; i < tokens.count; i++) if (i === 0 || (context.position[i] ?? 0) & POSITION_SENTENCE_START) sentences.push(i);
    sentences.push(tokens.count);
    const all: number[] = [];
    const offsets = new Int32Array(tokens.count + 1);
    for (let i = 0; i < tokens.count; i++) {
      const state = states[i] ?? LatticeState.Outside;
      markVectorRows(context, i, state, vectorNeighbours, vectorRows);
      const n = state === LatticeState.Any ? context.staticFeatures(i, keys, 0) : state === LatticeState.Continue ? context.wordFeatures(i, keys, 0) : 0;
      if (n > 0) context.staticFeatureGroups(i, state === LatticeState.Any, groups, 0);
      for (let k = 0; k < n; k++) {
        const key = keys[k] ?? 0;
        all.push(key);
        const count = counts.get(key);
        counts.set(key, (count ?? 0) + 1);
        if (count === undefined) groupOf.set(key, groups[k] ?? FeatureGroup.Kept);
      }
      offsets[i + 1] = all.length;
    }
    return { document, tokens, all, offsets, states, vectorRows, sentences: Int32Array.from(sentences) };
  });
  const rowOf = new Map<number, number>();
  for (const [key, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count < minCount) continue;
    rowOf.set(key, rowKeys.length);
    rowKeys.push(key);
    rowGroups.push(groupOf.get(key) ?? FeatureGroup.Kept);
  }
  for (let position = 0; position < VECTOR_POSITIONS; position++) {
    for (let d = 0; d < lexicon.vectors.dimensions; d++) {
      rowKeys.push(vectorKey(position, d));
      rowGroups.push(FeatureGroup.Distributional);
    }
  }
  return perDocument.map(({ document, tokens, all, offsets, states, vectorRows, sentences }) => {
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
    const gold = spansToTags(tokens, document.entities).tags;
    const unannotated = document.unannotatedTypes ?? [];
    const allowed = unannotated.length === 0 ? undefined : allowedTags(tokens, states, gold, document.entities, unannotated);
    return { text: document.text, tokens, gold, allowed, states, sentences, rows: rows.slice(0, n), offsets: compactOffsets, vectorRows };
  });
}

/** Decodes and updates one document's sentences: the training half of `Decoder`, with real-valued weights. */
class SentenceTrainer {
  /** Updates are weighted by the step for averaging; one step per sentence decoded. */
  step = 1;
  private readonly viterbi = new SentenceViterbi();
  private readonly keys = new Int32Array(MAX_FEATURES);
  private readonly transitionRows = new Int32Array(TAG_START + 1);
  private readonly transitions = new Float64Array((TAG_START + 1) * TAG_COUNT);
  private readonly scores = new Float64Array(TAG_COUNT);
  private emissions = new Float64Array(0);
  private constrained = new Float64Array(0);
  private target = new Uint8Array(0);
  private costed = new Float64Array(0);
  private augmented = new Uint8Array(0);
  private readonly forwardBackward = new SentenceForwardBackward();
  private expected = new Float64Array(0);
  private observed = new Float64Array(0);
  private readonly expectedPairs = new Float64Array((TAG_START + 1) * TAG_COUNT);
  private readonly observedPairs = new Float64Array((TAG_START + 1) * TAG_COUNT);

  constructor(
    private readonly context: FeatureContext,
    private readonly weights: Weights,
    private readonly lexicon: Lexicon,
    /** The weight row of the first vector feature (`vectorKey(0, 0)`); position p, dimension d is `+ p × dimensions + d`. */
    private readonly vectorBase: number,
    /** `costTable` of `TrainingOptions.cost` and `typeCost`: all zero is the plain perceptron. */
    private readonly costs: Float64Array,
    /** 1 for each static row this perceptron leaves at 0 (`trainRun`); the rows past it (dynamic ones) are all updated. */
    private readonly frozen: Uint8Array,
    /** With `objective: 'crf'`: the step size and the smallest gradient entry applied; absent, the perceptron's update. */
    private readonly crf?: { readonly learningRate: number; readonly minGradient: number },
  ) {
    this.costAugmentedUpdates = costs.some((cost) => cost !== 0);
  }

  /** Whether any wrong tag costs more than the gold one: else the update is against the plain decode. */
  private readonly costAugmentedUpdates: boolean;

  /**
   * Calls `visit(row, value)` for every real-valued feature of token `i`: the weight row of each dimension of each
   * vector that is a feature of it, and that dimension's value (0 skipped: it neither scores nor updates).
   */
  private forEachVectorFeature(document: PreparedDocument, i: number, visit: (row: number, value: number) => void): void {
    const { values, dimensions } = this.lexicon.vectors;
    for (let position = 0; position < VECTOR_POSITIONS; position++) {
      const row = document.vectorRows[i * VECTOR_POSITIONS + position] ?? -1;
      if (row === -1) continue;
      for (let d = 0; d < dimensions; d++) {
        const step = values[row * dimensions + d] ?? 0;
        if (step !== 0) visit(this.vectorBase + position * dimensions + d, step / VECTOR_STEPS_PER_DEVIATION);
      }
    }
  }

  /**
   * Decodes every sentence of `document` into `predicted` and updates the weights where it differs from the
   * gold path; returns the wrong tokens. The gold path is the annotation's tags, or for a partially annotated
   * document the best path true to it under the same weights (the latent-structure perceptron). With a cost, the
   * update is against the cost-augmented path (`costAugmented`); `predicted` stays the plain decode, as at run time:
   * it feeds the document evidence and the error count.
   */
  train(document: PreparedDocument, predicted: Uint8Array, withDocument: boolean): number {
    const size = document.tokens.count * TAG_COUNT;
    if (this.emissions.length < size) this.emissions = new Float64Array(size);
    const allowed = document.allowed;
    if (allowed && this.constrained.length < size) this.constrained = new Float64Array(size);
    if (allowed && this.target.length < document.tokens.count) this.target = new Uint8Array(document.tokens.count);
    const target = allowed ? this.target : document.gold;
    let errors = 0;
    for (let s = 0; s + 1 < document.sentences.length; s++) {
      const from = document.sentences[s] ?? 0;
      const to = document.sentences[s + 1] ?? 0;
      this.loadTransitions();
      for (let i = from; i < to; i++) if (document.states[i] !== LatticeState.Outside) this.emit(document, i, withDocument);
      this.viterbi.decode(this.emissions, this.transitions, document.states, from, to, predicted);
      if (allowed) {
        constrainEmissions(this.emissions, allowed, from, to, this.constrained);
        this.viterbi.decode(this.constrained, this.transitions, document.states, from, to, target);
      }
      if (this.crf) {
        for (let i = from; i < to; i++) if (predicted[i] !== target[i]) errors++;
        this.crfUpdate(document, from, to, target, withDocument, this.crf);
        this.step++;
        continue;
      }
      const update = this.costAugmentedUpdates ? this.costAugmented(document, from, to, target) : predicted;
      for (let i = from; i < to; i++) {
        if (predicted[i] !== target[i]) errors++;
        const goldPrevious = i === from ? TAG_START : target[i - 1] ?? 0;
        const predictedPrevious = i === from ? TAG_START : update[i - 1] ?? 0;
        const gold = target[i] ?? 0;
        const tag = update[i] ?? 0;
        if (gold === tag && goldPrevious === predictedPrevious) continue;
        this.weights.update(this.transitionRow(goldPrevious), gold, gold, this.step, 1);
        this.weights.update(this.transitionRow(predictedPrevious), tag, tag, this.step, -1);
        if (gold !== tag && document.states[i] !== LatticeState.Outside) this.updateToken(document, i, gold, tag, withDocument);
      }
      this.step++;
    }
    return errors;
  }

  /**
   * The best path of sentence [from, to) when every tag of a scored token other than `target`'s costs more (`costs`):
   * the path the margin perceptron updates against (the gold path itself once it wins by the margin).
   */
  private costAugmented(document: PreparedDocument, from: number, to: number, target: Uint8Array): Uint8Array {
    if (this.augmented.length < document.tokens.count) this.augmented = new Uint8Array(Math.max(document.tokens.count, this.augmented.length * 2));
    this.costEmissions(document, from, to, target);
    this.viterbi.decode(this.costed, this.transitions, document.states, from, to, this.augmented);
    return this.augmented;
  }

  /** `costed` of sentence [from, to): the emissions with every tag of a scored token but `target`'s `costs` higher. */
  private costEmissions(document: PreparedDocument, from: number, to: number, target: Uint8Array): void {
    if (this.costed.length < this.emissions.length) this.costed = new Float64Array(this.emissions.length);
    this.costed.set(this.emissions.subarray(from * TAG_COUNT, to * TAG_COUNT), from * TAG_COUNT);
    for (let i = from; i < to; i++) {
      if (document.states[i] === LatticeState.Outside) continue;
      const gold = target[i] ?? 0;
      for (let tag = 0; tag < TAG_COUNT; tag++) if (tag !== gold) this.costed[i * TAG_COUNT + tag] = (this.costed[i * TAG_COUNT + tag] ?? 0) + (this.costs[gold * TAG_COUNT + tag] ?? 0);
    }
  }

  /**
   * The CRF's stochastic gradient step on sentence [from, to) (`TrainingOptions.objective`): every feature of a scored
   * token moves each tag by `learningRate × (gold − expected)` (times the feature's value), each transition by its
   * gold less expected count; entries below `minGradient` are left out. Expected under forward–backward over the
   * emissions (cost-augmented with softmax-margin); gold the target path, or for a partially annotated document the
   * expectation over the paths true to it (`constrained`, computed by `train`).
   */
  private crfUpdate(document: PreparedDocument, from: number, to: number, target: Uint8Array, withDocument: boolean, crf: { readonly learningRate: number; readonly minGradient: number }): void {
    const size = (to - from) * TAG_COUNT;
    if (this.expected.length < size) {
      this.expected = new Float64Array(Math.max(size, this.expected.length * 2));
      this.observed = new Float64Array(this.expected.length);
    }
    const expected = this.expected;
    const observed = this.observed;
    const expectedPairs = this.expectedPairs;
    const observedPairs = this.observedPairs;
    expectedPairs.fill(0);
    observedPairs.fill(0);
    let scored = this.emissions;
    if (this.costAugmentedUpdates) {
      this.costEmissions(document, from, to, target);
      scored = this.costed;
    }
    this.forwardBackward.run(scored, this.transitions, document.states, from, to, expected, expectedPairs);
    if (document.allowed) {
      this.forwardBackward.run(this.constrained, this.transitions, document.states, from, to, observed, observedPairs);
    } else {
      observed.fill(0, 0, size);
      for (let i = from; i < to; i++) {
        const tag = target[i] ?? TAG_O;
        observed[(i - from) * TAG_COUNT + tag] = 1;
        const skipped = i > from && document.states[i] === LatticeState.Outside && document.states[i - 1] === LatticeState.Outside;
        const pair = (i === from ? TAG_START : target[i - 1] ?? TAG_O) * TAG_COUNT + tag;
        if (!skipped) observedPairs[pair] = (observedPairs[pair] ?? 0) + 1;
      }
    }
    const rate = crf.learningRate;
    const gradient = this.scores;
    for (let i = from; i < to; i++) {
      if (document.states[i] === LatticeState.Outside) continue;
      let any = false;
      for (let tag = 0; tag < TAG_COUNT; tag++) {
        const g = (observed[(i - from) * TAG_COUNT + tag] ?? 0) - (expected[(i - from) * TAG_COUNT + tag] ?? 0);
        const kept = Math.abs(g) >= crf.minGradient ? g * rate : 0;
        gradient[tag] = kept;
        if (kept !== 0) any = true;
      }
      if (any) this.addToToken(document, i, gradient, withDocument);
    }
    for (let previous = 0; previous <= TAG_START; previous++) {
      for (let tag = 0; tag < TAG_COUNT; tag++) {
        const g = (observedPairs[previous * TAG_COUNT + tag] ?? 0) - (expectedPairs[previous * TAG_COUNT + tag] ?? 0);
        if (Math.abs(g) >= crf.minGradient) this.weights.add(this.transitionRow(previous), tag, this.step, g * rate);
      }
    }
  }

  /** Adds `amounts[tag]` (times the feature's value) to every tag of every feature of token i but frozen rows. */
  private addToToken(document: PreparedDocument, i: number, amounts: Float64Array, withDocument: boolean): void {
    const step = this.step;
    this.forEachTrainedRow(document, i, withDocument, (row, value) => {
      for (let tag = 0; tag < TAG_COUNT; tag++) {
        const amount = amounts[tag] ?? 0;
        if (amount !== 0) this.weights.add(row, tag, step, amount * value);
      }
    });
  }

  /**
   * Visits the weight row of every feature of token i that training moves, with the feature's value: its static
   * features and word vectors but frozen rows (`TrainingOptions.bags`), then, with `withDocument`, its document
   * features (their rows made on first need).
   */
  private forEachTrainedRow(document: PreparedDocument, i: number, withDocument: boolean, visit: (row: number, value: number) => void): void {
    const from = document.offsets[i] ?? 0;
    const to = document.offsets[i + 1] ?? 0;
    for (let k = from; k < to; k++) {
      const row = document.rows[k] ?? 0;
      if (this.frozen[row] !== 1) visit(row, 1);
    }
    this.forEachVectorFeature(document, i, (row, value) => {
      if (this.frozen[row] !== 1) visit(row, value);
    });
    if (!withDocument) return;
    const n = this.context.documentFeatures(i, this.keys, 0);
    for (let k = 0; k < n; k++) visit(this.weights.dynamicRow(this.keys[k] ?? 0, true), 1);
  }

  private loadTransitions(): void {
    for (let previous = 0; previous <= TAG_START; previous++) {
      const row = this.weights.dynamicRow(transitionKey(previous), false);
      this.transitionRows[previous] = row;
      this.scores.fill(0);
      if (row !== -1) this.weights.addRow(row, this.scores);
      this.transitions.set(this.scores, previous * TAG_COUNT);
    }
  }

  private transitionRow(previous: number): number {
    const row = this.transitionRows[previous] ?? -1;
    if (row !== -1) return row;
    const created = this.weights.dynamicRow(transitionKey(previous), true);
    this.transitionRows[previous] = created;
    return created;
  }

  /** Token i's emission scores under the current weights. */
  private emit(document: PreparedDocument, i: number, withDocument: boolean): void {
    const scores = this.scores;
    scores.fill(0);
    const from = document.offsets[i] ?? 0;
    const to = document.offsets[i + 1] ?? 0;
    for (let k = from; k < to; k++) this.weights.addRow(document.rows[k] ?? 0, scores);
    this.forEachVectorFeature(document, i, (row, value) => this.weights.addScaledRow(row, value, scores));
    if (withDocument) {
      const n = this.context.documentFeatures(i, this.keys, 0);
      for (let k = 0; k < n; k++) {
        const row = this.weights.dynamicRow(this.keys[k] ?? 0, false);
        if (row !== -1) this.weights.addRow(row, scores);
      }
    }
    this.emissions.set(scores, i * TAG_COUNT);
  }

  /** Moves token i's features towards `gold` and away from `predicted`. */
  private updateToken(document: PreparedDocument, i: number, gold: number, predicted: number, withDocument: boolean): void {
    this.forEachTrainedRow(document, i, withDocument, (row, value) => this.weights.update(row, gold, predicted, this.step, value));
  }
}

/** Adds one run's averaged weights (`weight − total / steps`) to `sum`, by feature key. */
function addAveraged(sum: Map<number, Float64Array>, weights: Weights, rowKeys: readonly number[]): void {
  const keyOfRow = [...rowKeys];
  for (const [key, row] of weights.dynamic) keyOfRow[row] = key;
  for (let row = 0; row < weights.rows; row++) {
    const key = keyOfRow[row];
    if (key === undefined) continue;
    let values = sum.get(key);
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      const index = row * TAG_COUNT + tag;
      const value = (weights.weight[index] ?? 0) - (weights.total[index] ?? 0) / weights.step;
      if (value === 0) continue;
      if (!values) {
        values = new Float64Array(TAG_COUNT);
        sum.set(key, values);
      }
      values[tag] = (values[tag] ?? 0) + value;
    }
  }
}

/**
 * The summed weights as the 16-bit table of the model file (the largest absolute weight becomes MAX_WEIGHT), keeping
 * at most `maxWeights` weights: when more quantise to non-zero, every one of the smallest magnitudes is dropped, so
 * that ties go together (deterministic).
 */
function quantised(sum: ReadonlyMap<number, Float64Array>, maxWeights: number): WeightTable {
  let largest = 0;
  for (const values of sum.values()) for (const value of values) largest = Math.max(largest, Math.abs(value));
  const scale = largest === 0 ? 1 : MAX_WEIGHT / largest;
  const magnitudes: number[] = [];
  for (const values of sum.values()) for (const value of values) if (Math.round(Math.abs(value) * scale) !== 0) magnitudes.push(Math.round(Math.abs(value) * scale));
  if (magnitudes.length <= maxWeights) return WeightTable.fromRows(sum, scale);
  magnitudes.sort((a, b) => b - a);
  const threshold = (magnitudes[maxWeights] ?? 0) + 1;
  const kept = new Map<number, Float64Array>();
  for (const [key, values] of sum) kept.set(key, values.map((value) => (Math.round(Math.abs(value) * scale) >= threshold ? value : 0)));
  return WeightTable.fromRows(kept, scale);
}
