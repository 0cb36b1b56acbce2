// Trains the entity model from CoNLL-2003 train and the modern gold sets (all folds) and writes models/ner.bin.
// Usage: npm run train   (to experiment: NER_EPOCHS, NER_MIN_COUNT, NER_RUNS, NER_COST, NER_TYPE_COST, NER_BAGS, NER_REPEATS, NER_PARTIAL, NER_BTC_SECTIONS, NER_MODEL_OUT=path; defaults = the shipped model)
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EntityRecognizer } from '../src/core/entities/recognizer';
import { writeModel } from '../src/core/entities/model-file';
import { trainPerceptron } from '../src/core/entities/trainer';
import { buildLexicon, modernRepeats, readTrainingData, trainingMix } from './ner-folds';
import { MODEL_PATH, NER_DATA_DIR, evaluate, formatScores, readDocuments, trainingOptions } from './ner-shared';

const started = Date.now();
const { conll, modern } = readTrainingData();
const lexicon = buildLexicon(console.log);
const options = trainingOptions();
const weights = trainPerceptron(trainingMix(conll, modern, undefined, modernRepeats()), lexicon, {
  ...options,
  onEpoch: (epoch, errorRate) => console.log(`epoch ${epoch}/${options.epochs}: ${(errorRate * 100).toFixed(2)}% tokens wrong (${((Date.now() - started) / 1000).toFixed(1)} s)`),
});
const bytes = writeModel({ weights, ...lexicon });
const output = process.env['NER_MODEL_OUT'] ?? MODEL_PATH;
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, bytes);
console.log(`wrote ${output}: ${bytes.byteLength} bytes, ${weights.featureCount} features, ${weights.pairs.length} weights, gazetteer ${lexicon.gazetteer.size} keys, ${lexicon.clusters.size} clustered words`);
console.log(`training took ${((Date.now() - started) / 1000).toFixed(1)} s`);
const recognizer = EntityRecognizer.fromModel(bytes);
console.log('CoNLL dev (tuned on):');
console.log(formatScores(evaluate(readDocuments(path.join(NER_DATA_DIR, 'dev.jsonl')), (text) => recognizer.recognize(text)).scores()));
