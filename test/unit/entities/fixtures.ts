import * as fs from 'fs';
import * as path from 'path';
import { FeatureContext } from '../../../src/core/entities/features';
import { EntityRecognizer } from '../../../src/core/entities/recognizer';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { REPO_ROOT } from '../core/fixtures';

export { readSeed, SEED_ARRIVAL, SEED_MEETING } from '../core/fixtures';

/** The shipped model, read from the repository (tests never need the shared training data). */
export const MODEL_FILE = path.join(REPO_ROOT, 'models', 'ner.bin');

let shared: EntityRecognizer | undefined;

/** One recogniser on the shipped model for the whole test run (loading is cheap, but why repeat it). */
export function recognizer(): EntityRecognizer {
  shared ??= EntityRecognizer.fromModel(new Uint8Array(fs.readFileSync(MODEL_FILE)));
  return shared;
}

/** The hash of a word's lower-case form, as the features compute it: the key of the word tables (clusters, vectors). */
export function lowerCaseHashOf(word: string): number {
  const context = new FeatureContext();
  context.prepare(word, tokenize(word));
  return context.low[0] ?? 0;
}
