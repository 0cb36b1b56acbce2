// Trains the entity model from the shared CoNLL-2003 training split and writes models/ner.bin.
// Usage: npm run train   (to experiment: NER_EPOCHS, NER_MIN_COUNT, NER_MODEL_OUT=path; defaults = the shipped model)
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EntityRecognizer } from '../src/core/entities/recognizer';
import { writeModel } from '../src/core/entities/model-file';
import { DEFAULT_EPOCHS, trainPerceptron } from '../src/core/entities/trainer';
import { buildGazetteer } from './ner-gazetteer';
import { MODEL_PATH, NER_DATA_DIR, evaluate, formatScores, readDocuments } from './ner-shared';

const started = Date.now();
const train = readDocuments(path.join(NER_DATA_DIR, 'train.jsonl'));
const gazetteer = buildGazetteer();
const epochs = Number(process.env['NER_EPOCHS'] ?? DEFAULT_EPOCHS);
const weights = trainPerceptron(train, gazetteer, {
  epochs,
  minCount: Number(process.env['NER_MIN_COUNT'] ?? 2),
  onEpoch: (epoch, errorRate) => console.log(`epoch ${epoch}/${epochs}: ${(errorRate * 100).toFixed(2)}% tokens wrong (${((Date.now() - started) / 1000).toFixed(1)} s)`),
});
const bytes = writeModel({ weights, gazetteer });
const output = process.env['NER_MODEL_OUT'] ?? MODEL_PATH;
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, bytes);
console.log(`wrote ${output}: ${bytes.byteLength} bytes, ${weights.featureCount} features, ${weights.pairs.length} weights, gazetteer ${gazetteer.size} keys`);
console.log(`training took ${((Date.now() - started) / 1000).toFixed(1)} s`);
const recognizer = EntityRecognizer.fromModel(bytes);
console.log(formatScores(evaluate(readDocuments(path.join(NER_DATA_DIR, 'dev.jsonl')), (text) => recognizer.recognize(text))));
