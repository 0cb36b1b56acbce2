// Where the benchmarks find their inputs, as bundled into out/scripts/ by their npm scripts.
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
/** The Reuters articles the benchmark corpora are made of (research-only: read from ../shared, never copied). */
export const REUTERS = process.env['NEWS_CORPUS_REUTERS'] ?? path.resolve(ROOT, '..', 'shared', 'corpora', 'reuters');
/** The shipped entity model. */
export const MODEL = path.join(ROOT, 'models', 'ner.bin');
/** The benchmark scripts' sources (the .mjs ones run as they are). */
export const SCRIPTS = path.join(ROOT, 'scripts');
