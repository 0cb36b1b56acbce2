import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractArticleEntities } from '../core/entities/article-entities';
import { EntityRecognizer } from '../core/entities/recognizer';
import { EntityExtractor } from '../core/search/analyzed-batch';

/**
 * Which entity extractor the indexing threads build for themselves (functions cannot cross threads):
 * none, or the trained recogniser read from a model file.
 *
 * @example
 * const spec: ExtractorSpec = { kind: 'model', modelPath: 'models/ner.bin' };
 */
export type ExtractorSpec = { readonly kind: 'none' } | { readonly kind: 'model'; readonly modelPath: string };

/**
 * Where the trained entity model ships: `models/ner.bin` at the package root, found from the bundle
 * in `dist/` or from the compiled sources in `out/src/workers/`.
 */
const MODEL_CANDIDATES = [path.join(__dirname, '..', 'models', 'ner.bin'), path.join(__dirname, '..', '..', '..', 'models', 'ner.bin')];

/**
 * The extractor to use when the caller does not choose: the shipped model if there is one, else none.
 *
 * @example
 * createExtractor(defaultExtractorSpec());
 */
export function defaultExtractorSpec(): ExtractorSpec {
  const modelPath = MODEL_CANDIDATES.find((candidate) => existsSync(candidate));
  return modelPath === undefined ? { kind: 'none' } : { kind: 'model', modelPath };
}

/** Hex digits of the model's hash kept in the extractor id. */
const MODEL_ID_DIGITS = 16;

/**
 * A name for the extractor and its model, stored in the index file: another model means other entities.
 *
 * @example
 * extractorId({ kind: 'none' }); // 'none'
 */
export function extractorId(spec: ExtractorSpec): string {
  if (spec.kind === 'none') return 'none';
  const digest = createHash('sha1').update(readFileSync(spec.modelPath)).digest('hex');
  return `ner:${digest.slice(0, MODEL_ID_DIGITS)}`;
}

/**
 * Builds the extractor a spec names, on the calling thread.
 *
 * @example
 * const extract = createExtractor({ kind: 'none' });
 * extract('Kim met Putin.'); // []
 */
export function createExtractor(spec: ExtractorSpec): EntityExtractor {
  if (spec.kind === 'none') return () => [];
  const recognizer = EntityRecognizer.fromModel(new Uint8Array(readFileSync(spec.modelPath)));
  return (text) => extractArticleEntities(recognizer, text);
}
