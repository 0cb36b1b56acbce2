// Measures the entity model: accuracy on the CoNLL-2003 dev split, accuracy on the modern gold sets by
// cross-validation (one model trained per fold, each modern document scored by a model that never saw it),
// throughput on the Reuters corpus, model load time and size.
// Usage: npm run bench:ner   (NER_MODEL=path to measure another model file; NER_SKIP_CV, NER_SKIP_SPEED to
// leave a part out; NER_FOLDS=5 to run only that fold (a quick single-split check); NER_DUMP=file.jsonl writes each
// held-out document's gold and predicted spans for error analysis; NER_EPOCHS, NER_MIN_COUNT, NER_RUNS, NER_BAGS, NER_COST, NER_TYPE_COST, NER_REPEATS, NER_PARTIAL, NER_BTC_SECTIONS change the cross-validated training as in train-ner)
import { appendFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EntityRecognizer } from '../src/core/entities/recognizer';
import { btcSections, buildLexicon, crossValidate, FOLDS, modernRepeats, partialSets, readTrainingData, selectedFolds } from './ner-folds';
import { Evaluation, MODEL_PATH, NER_DATA_DIR, REPO_ROOT, SET_TITLES, ensembleDescription, evaluate, formatScores, readDocuments, trainingOptions } from './ner-shared';

const REUTERS_DIR = process.env['REUTERS_DIR'] ?? path.resolve(REPO_ROOT, '../shared/corpora/reuters');
/** Timed runs over the whole corpus; the best is reported (the machine is shared, the best is the least disturbed). */
const THROUGHPUT_RUNS = 5;
const LOAD_RUNS = 20;

function listTexts(dir: string): string[] {
  const texts: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) texts.push(...listTexts(file));
    else if (name.endsWith('.txt')) texts.push(readFileSync(file, 'utf8'));
  }
  return texts;
}

function measureLoad(file: string): { bytes: number; first: number; best: number } {
  let best = Infinity;
  let first = 0;
  let bytes = 0;
  for (let run = 0; run < LOAD_RUNS; run++) {
    const started = process.hrtime.bigint();
    const data = new Uint8Array(readFileSync(file));
    EntityRecognizer.fromModel(data);
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    if (run === 0) first = milliseconds;
    best = Math.min(best, milliseconds);
    bytes = data.byteLength;
  }
  return { bytes, first, best };
}

function measureThroughput(recognizer: EntityRecognizer, texts: readonly string[]): { tokens: number; perSecond: number; perCpuSecond: number; entities: number } {
  const tokens = texts.reduce((sum, text) => sum + recognizer.countTokens(text), 0);
  let entities = 0;
  for (const text of texts) entities += recognizer.recognize(text).length; // warm-up: JIT and buffers
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let run = 0; run < THROUGHPUT_RUNS; run++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const text of texts) recognizer.recognize(text);
    const used = process.cpuUsage(cpu);
    bestWall = Math.min(bestWall, Number(process.hrtime.bigint() - started) / 1e9);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
  }
  return { tokens, perSecond: tokens / bestWall, perCpuSecond: tokens / bestCpu, entities };
}

const modelFile = process.env['NER_MODEL'] ?? MODEL_PATH;
const load = measureLoad(modelFile);
const recognizer = EntityRecognizer.fromModel(new Uint8Array(readFileSync(modelFile)));
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version} (single thread)`);
console.log(`model: ${path.relative(process.cwd(), modelFile)}, ${load.bytes} bytes (${(load.bytes / 1048576).toFixed(2)} MiB), load ${load.first.toFixed(1)} ms cold, ${load.best.toFixed(1)} ms warm (read file + build recogniser; warm = best of ${LOAD_RUNS})`);

function printEvaluation(title: string, evaluation: Evaluation): void {
  console.log(`\n${title}`);
  console.log(formatScores(evaluation.scores()));
  console.log(evaluation.formatConfusion());
}

printEvaluation(
  'CoNLL-2003 dev (testa; the shipped model; tuned on, so not a test figure). Entity-level exact match, MISC removed:',
  evaluate(readDocuments(path.join(NER_DATA_DIR, 'dev.jsonl')), (text) => recognizer.recognize(text)),
);
if (process.env['NER_SKIP_CV'] === undefined) {
  const started = Date.now();
  const { conll, modern } = readTrainingData();
  const repeats = modernRepeats();
  const options = trainingOptions();
  console.log(`\ncross-validation: ${FOLDS} folds by document (running ${selectedFolds().map((fold) => fold + 1).join(', ')}), each model trained on CoNLL train + the other folds (repeats ${JSON.stringify(repeats)}, partially annotated ${JSON.stringify(partialSets())}, BTC sections ${btcSections()?.join(',') ?? 'all'}, ${options.epochs} epochs, ${ensembleDescription(options)})`);
  const dump = process.env['NER_DUMP'];
  if (dump !== undefined) writeFileSync(dump, '');
  const results = crossValidate(
    conll,
    modern,
    buildLexicon(console.log),
    options,
    repeats,
    (fold) => console.log(`  fold ${fold + 1}/${FOLDS} done (${((Date.now() - started) / 1000).toFixed(0)} s)`),
    selectedFolds(),
    dump === undefined ? undefined : (set, document, predicted) => appendFileSync(dump, `${JSON.stringify({ set, id: document.id, text: document.text, gold: document.entities, predicted })}\n`),
  );
  for (const [name, evaluation] of results) printEvaluation(`${SET_TITLES[name] ?? name}, held-out folds:`, evaluation);
}
if (process.env['NER_SKIP_SPEED'] === undefined) {
  const texts = listTexts(REUTERS_DIR);
  const speed = measureThroughput(recognizer, texts);
  console.log(`\nthroughput on ${texts.length} Reuters articles (${speed.tokens} tokens, ${speed.entities} entities): ${Math.round(speed.perSecond).toLocaleString('en-US')} tokens/s wall clock, ${Math.round(speed.perCpuSecond).toLocaleString('en-US')} tokens per CPU second (best of ${THROUGHPUT_RUNS} after warm-up; the CPU figure discounts other processes on a shared machine)`);
}
