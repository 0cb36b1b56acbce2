// Helpers shared by the NER training and benchmark scripts (not part of the extension).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
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

/** Reads a JSON-lines file of annotated documents. */
export function readDocuments(file: string): NerDocument[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as NerDocument);
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

/**
 * Entity-level exact-match scores (CoNLL): a prediction counts only with the same start, end and type.
 * MISC is removed from both sides ("noMISC"); the last row is the overall score.
 */
export function evaluate(documents: readonly NerDocument[], predict: (text: string) => readonly EntitySpan[]): Score[] {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  for (const type of SCORED_TYPES) counts.set(type, { gold: 0, predicted: 0, correct: 0 });
  for (const document of documents) {
    const gold = new Set<string>();
    for (const entity of document.entities) {
      const bucket = counts.get(entity.type);
      if (!bucket) continue;
      bucket.gold++;
      gold.add(`${entity.start}:${entity.end}:${entity.type}`);
    }
    for (const span of predict(document.text)) {
      const bucket = counts.get(span.type);
      if (!bucket) continue;
      bucket.predicted++;
      if (gold.has(`${span.start}:${span.end}:${span.type}`)) bucket.correct++;
    }
  }
  const rows = SCORED_TYPES.map((type) => {
    const c = counts.get(type) ?? { gold: 0, predicted: 0, correct: 0 };
    return score(type, c.gold, c.predicted, c.correct);
  });
  const sum = (key: 'gold' | 'predicted' | 'correct'): number => rows.reduce((total, row) => total + row[key], 0);
  return [...rows, score('noMISC', sum('gold'), sum('predicted'), sum('correct'))];
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
