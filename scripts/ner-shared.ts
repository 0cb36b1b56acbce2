// Helpers shared by the NER training and benchmark scripts (not part of the extension).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FeatureGroup } from '../src/core/entities/features';
import { DEFAULT_BAGS, DEFAULT_COST, DEFAULT_CRF_COST, DEFAULT_CRF_MAX_WEIGHTS, DEFAULT_LEARNING_RATE, DEFAULT_MIN_GRADIENT, DEFAULT_OBJECTIVE, DEFAULT_EPOCHS, DEFAULT_MIN_COUNT, DEFAULT_TYPE_COST, DEFAULT_VECTOR_NEIGHBOURS } from '../src/core/entities/trainer';
import { EntitySpan, EntityType } from '../src/core/entities/types';

/** Where the shared CoNLL data lives: beside the repository, or NER_DATA_DIR. */
export const NER_DATA_DIR = process.env['NER_DATA_DIR'] ?? path.resolve(__dirname, '../../../shared/ner');
/** The repository root (scripts are bundled into out/scripts/). */
export const REPO_ROOT = path.resolve(__dirname, '../..');
/** The model file the extension ships. */
export const MODEL_PATH = path.join(REPO_ROOT, 'models', 'ner.bin');

/** One line of train.jsonl / dev.jsonl. */
export interface NerDocument {
  readonly id: string;
  readonly text: string;
  readonly entities: readonly { readonly start: number; readonly end: number; readonly type: EntityType; readonly text: string }[];
}

/** One line of a NER_DUMP file (`npm run bench:ner`): a held-out document with its gold names and what the fold's model found. */
export interface DumpLine {
  readonly set: string;
  readonly id: string;
  readonly text: string;
  readonly gold: NerDocument['entities'];
  readonly predicted: readonly EntitySpan[];
}

function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The lines of a NER_DUMP file. */
export function readDump(file: string): DumpLine[] {
  return readJsonLines<DumpLine>(file);
}

/** The modern gold sets of `NER_DATA_DIR/modern/` (see its README), in the order the benchmark prints them. */
export const MODERN_SETS = ['wikigold', 'gum-news', 'btc'] as const;
/** Display names of the modern sets. */
export const SET_TITLES: Readonly<Record<string, string>> = { wikigold: 'wikigold (Wikipedia)', 'gum-news': 'GUM news (Wikinews)', btc: 'BTC (tweets)' };

/** The names NER_BAGS gives the feature groups, and "full" for a perceptron with all of them. */
const BAG_NAMES: Readonly<Record<string, FeatureGroup | undefined>> = {
  full: undefined,
  lexical: FeatureGroup.Lexical,
  distributional: FeatureGroup.Distributional,
  orthographic: FeatureGroup.Orthographic,
  gazetteer: FeatureGroup.Gazetteer,
};

/** The perceptrons of NER_BAGS ("full,full,full,lexical": the group each is trained without), or undefined without it. */
function bagsOption(): (FeatureGroup | undefined)[] | undefined {
  const setting = process.env['NER_BAGS'];
  if (setting === undefined) return undefined;
  return setting.split(',').map((name) => {
    const trimmed = name.trim();
    if (!Object.hasOwn(BAG_NAMES, trimmed)) throw new Error(`NER_BAGS: unknown group "${trimmed}" (${Object.keys(BAG_NAMES).join(', ')})`);
    return BAG_NAMES[trimmed];
  });
}

/**
 * What a run trains, for the benchmark's header: the ensemble (each perceptron by the group it is trained without) and
 * the costs.
 */
export function ensembleDescription(options: { runs?: number; bags?: readonly (FeatureGroup | undefined)[]; cost: number; typeCost: number; objective?: 'perceptron' | 'crf'; learningRate?: number; crfCost?: number; minGradient?: number; maxWeights?: number }): string {
  const bags = options.bags ?? (options.runs === undefined ? DEFAULT_BAGS : undefined);
  const nameOf = (group: FeatureGroup | undefined): string => Object.keys(BAG_NAMES).find((name) => BAG_NAMES[name] === group) ?? String(group);
  // "full" is a perceptron with every feature: "perceptrons without full,full,…" read as if they were left out.
  const ensemble = bags === undefined ? `${options.runs ?? 0} perceptrons with every feature` : `perceptrons: ${bags.map((group) => (group === undefined ? nameOf(group) : `without ${nameOf(group)}`)).join(', ')}`;
  const crf = (options.objective ?? DEFAULT_OBJECTIVE) === 'crf' ? `, CRF objective (learning rate ${options.learningRate ?? DEFAULT_LEARNING_RATE}, softmax-margin cost ${options.crfCost ?? DEFAULT_CRF_COST}, min gradient ${options.minGradient ?? DEFAULT_MIN_GRADIENT}, at most ${options.maxWeights ?? DEFAULT_CRF_MAX_WEIGHTS} weights)` : '';
  return `${ensemble}, cost ${options.cost}, type cost ${options.typeCost}${crf}`;
}

/**
 * Training knobs from NER_EPOCHS, NER_MIN_COUNT, NER_BAGS (the ensemble's perceptrons by the feature group each is
 * trained without), NER_RUNS (instead, that many perceptrons with every feature), NER_VECTOR_NEIGHBOURS (1 or 0),
 * NER_COST, NER_TYPE_COST (the cost of a confusion between entity types), NER_OBJECTIVE (perceptron or crf), NER_RATE,
 * NER_CRF_COST, NER_MIN_GRADIENT and NER_MAX_WEIGHTS (the CRF's step size, softmax-margin cost, smallest gradient entry
 * and most weights kept) and NER_SEED,
 * or the defaults of the shipped model.
 * NER_SEED (another shuffle) measures the noise a change must beat: the perceptron's path through the data
 * moves the held-out F1 by about a point.
 */
export function trainingOptions(): {
  epochs: number;
  minCount: number;
  runs?: number;
  vectorNeighbours: boolean;
  cost: number;
  typeCost: number;
  bags?: (FeatureGroup | undefined)[];
  seed?: number;
  objective: 'perceptron' | 'crf';
  learningRate: number;
  crfCost: number;
  minGradient: number;
  maxWeights: number;
} {
  const seed = process.env['NER_SEED'];
  const objective = process.env['NER_OBJECTIVE'] ?? DEFAULT_OBJECTIVE;
  if (objective !== 'perceptron' && objective !== 'crf') throw new Error(`NER_OBJECTIVE: "${objective}" is neither perceptron nor crf`);
  const runs = process.env['NER_RUNS'];
  const neighbours = process.env['NER_VECTOR_NEIGHBOURS'];
  const bags = bagsOption();
  return {
    epochs: Number(process.env['NER_EPOCHS'] ?? DEFAULT_EPOCHS),
    minCount: Number(process.env['NER_MIN_COUNT'] ?? DEFAULT_MIN_COUNT),
    vectorNeighbours: neighbours === undefined ? DEFAULT_VECTOR_NEIGHBOURS : neighbours === '1',
    cost: Number(process.env['NER_COST'] ?? DEFAULT_COST),
    typeCost: Number(process.env['NER_TYPE_COST'] ?? DEFAULT_TYPE_COST),
    objective,
    learningRate: Number(process.env['NER_RATE'] ?? DEFAULT_LEARNING_RATE),
    crfCost: Number(process.env['NER_CRF_COST'] ?? DEFAULT_CRF_COST),
    minGradient: Number(process.env['NER_MIN_GRADIENT'] ?? DEFAULT_MIN_GRADIENT),
    maxWeights: Number(process.env['NER_MAX_WEIGHTS'] ?? DEFAULT_CRF_MAX_WEIGHTS),
    ...(bags === undefined ? {} : { bags }),
    ...(runs === undefined ? {} : { runs: Number(runs) }),
    ...(seed === undefined ? {} : { seed: Number(seed) }),
  };
}

/** Reads a JSON-lines file of annotated documents. */
export function readDocuments(file: string): NerDocument[] {
  return readJsonLines<NerDocument>(file);
}

/** Precision, recall and F1 of one type (or of all types together). */
export interface Score {
  readonly type: string;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const SCORED_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG'];

function score(type: string, gold: number, predicted: number, correct: number): Score {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { type, gold, predicted, correct, precision, recall, f1 };
}

/** Gold, predicted and correct mention counts of one type. */
interface Counts {
  gold: number;
  predicted: number;
  correct: number;
}

/** Rows and columns of the confusion table: the scored types, MISC, and "—" for no entity. */
const CONFUSION_LABELS = [...SCORED_TYPES, 'MISC', '—'] as const;
const NONE = '—';
const LABEL_WIDTH = 17;

/**
 * What a recogniser got right and wrong on a set of documents: exact-match counts per type, and a
 * confusion table of gold type (rows) against predicted type (columns) over exact spans, where "—" is
 * a span only the other side has. A mention whose span overlaps a different span of the other side
 * is counted as a boundary error, not in the table.
 */
export class Evaluation {
  private readonly counts = new Map<string, Counts>(SCORED_TYPES.map((type) => [type, { gold: 0, predicted: 0, correct: 0 }]));
  private readonly confusion = new Map<string, number>();
  boundaryErrors = 0;

  /** Adds one document's gold entities and predicted spans. */
  add(document: NerDocument, predicted: readonly EntitySpan[]): void {
    const gold = new Map<string, string>();
    for (const entity of document.entities) {
      gold.set(`${entity.start}:${entity.end}`, entity.type);
      const bucket = this.counts.get(entity.type);
      if (bucket) bucket.gold++;
    }
    const predictedTypes = new Map<string, string>();
    for (const span of predicted) {
      predictedTypes.set(`${span.start}:${span.end}`, span.type);
      const bucket = this.counts.get(span.type);
      if (!bucket) continue;
      bucket.predicted++;
      if (gold.get(`${span.start}:${span.end}`) === span.type) bucket.correct++;
    }
    const overlaps = (start: number, end: number, others: readonly { start: number; end: number }[]): boolean =>
      others.some((other) => other.start < end && start < other.end && (other.start !== start || other.end !== end));
    for (const entity of document.entities) {
      const found = predictedTypes.get(`${entity.start}:${entity.end}`);
      if (found === undefined && overlaps(entity.start, entity.end, predicted)) this.boundaryErrors++;
      else this.count(entity.type, found ?? NONE);
    }
    for (const span of predicted) {
      if (gold.has(`${span.start}:${span.end}`) || overlaps(span.start, span.end, document.entities)) continue;
      this.count(NONE, span.type);
    }
  }

  private count(goldType: string, predictedType: string): void {
    const key = `${goldType}>${predictedType}`;
    this.confusion.set(key, (this.confusion.get(key) ?? 0) + 1);
  }

  /** Precision, recall and F1 per scored type, then overall with MISC removed ("noMISC"). */
  scores(): Score[] {
    const rows = SCORED_TYPES.map((type) => {
      const c = this.counts.get(type) ?? { gold: 0, predicted: 0, correct: 0 };
      return score(type, c.gold, c.predicted, c.correct);
    });
    const sum = (key: 'gold' | 'predicted' | 'correct'): number => rows.reduce((total, row) => total + row[key], 0);
    return [...rows, score('noMISC', sum('gold'), sum('predicted'), sum('correct'))];
  }

  /** The confusion table as aligned text, with the boundary errors below it. */
  formatConfusion(): string {
    const cell = (text: string): string => text.padStart(6);
    const lines = [`${'gold \\ predicted'.padEnd(LABEL_WIDTH)}${CONFUSION_LABELS.map(cell).join('')}`];
    for (const goldType of CONFUSION_LABELS) {
      const counts = CONFUSION_LABELS.map((predictedType) =>
        goldType === NONE && predictedType === NONE ? '' : String(this.confusion.get(`${goldType}>${predictedType}`) ?? 0),
      );
      if (counts.every((count) => count === '0' || count === '')) continue;
      lines.push(`${goldType.padEnd(LABEL_WIDTH)}${counts.map(cell).join('')}`);
    }
    lines.push(`boundary errors (a gold or predicted mention overlapping a different span): ${this.boundaryErrors}`);
    return lines.join('\n');
  }
}

/**
 * Entity-level exact-match scores (CoNLL): a prediction counts only with the same start, end and type.
 * MISC is removed from both sides ("noMISC"); the last row is the overall score.
 */
export function evaluate(documents: readonly NerDocument[], predict: (text: string) => readonly EntitySpan[]): Evaluation {
  const evaluation = new Evaluation();
  for (const document of documents) evaluation.add(document, predict(document.text));
  return evaluation;
}

/** Formats scores as an aligned table. */
export function formatScores(scores: readonly Score[]): string {
  const percent = (value: number): string => (value * 100).toFixed(2).padStart(6);
  const lines = ['type      gold  pred  correct  precision  recall      F1'];
  for (const s of scores) {
    lines.push(`${s.type.padEnd(7)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(5)} ${String(s.correct).padStart(8)}     ${percent(s.precision)}  ${percent(s.recall)}  ${percent(s.f1)}`);
  }
  return lines.join('\n');
}
