// Where the benchmarks find their inputs, as bundled into out/scripts/ by their npm scripts.
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { modelIdRecordFile } from '../src/workers/model-id-record';

const ROOT = path.resolve(__dirname, '..', '..');
/** The Reuters articles the benchmark corpora are made of (research-only: read from ../shared, never copied). */
export const REUTERS = process.env['NEWS_CORPUS_REUTERS'] ?? path.resolve(ROOT, '..', 'shared', 'corpora', 'reuters');
/** The shipped entity model. */
export const MODEL = path.join(ROOT, 'models', 'ner.bin');
/** The benchmark scripts' sources (the .mjs ones run as they are). */
export const SCRIPTS = path.join(ROOT, 'scripts');

/** Removes a benchmark's temporary cache and the model-id record the service writes beside it (both may be missing). */
export function removeCacheFile(cacheFile: string): void {
  rmSync(cacheFile, { force: true });
  rmSync(modelIdRecordFile(cacheFile), { force: true });
}
