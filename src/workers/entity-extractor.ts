import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractArticleEntities } from '../core/entities/article-entities';
import { checkModelHeader } from '../core/entities/model-file';
import { ENTITY_OUTPUT_SUFFIX } from '../core/entities/output-version';
import { EntityRecognizer } from '../core/entities/recognizer';
import { reasonOf } from '../core/messages';
import { EntityExtractor } from '../core/search/analyzed-batch';
import { ModelIdRecords, readModelStamped, recordedModelId, recordModelId } from './model-id-record';

/**
 * Which entity extractor the indexing threads build for themselves (functions cannot cross threads):
 * none, or the trained recogniser read from a model file. An `unchecked` model is one no thread has loaded
 * yet (the extension host leaves that to the indexing threads): a thread that cannot load it extracts nothing
 * and says why, instead of failing its runs.
 *
 * @example
 * const spec: ExtractorSpec = { kind: 'model', modelPath: 'models/ner.bin', unchecked: true };
 */
export type ExtractorSpec = { readonly kind: 'none' } | { readonly kind: 'model'; readonly modelPath: string; readonly unchecked?: true };

/**
 * Where the trained entity model ships: `models/ner.bin` at the package root, found from the bundle
 * in `dist/` or from the compiled sources in `out/src/workers/`.
 */
const MODEL_CANDIDATES = [path.join(__dirname, '..', 'models', 'ner.bin'), path.join(__dirname, '..', '..', '..', 'models', 'ner.bin')];

/**
 * Where the shipped model is: the first candidate that exists, else where the bundle expects it.
 *
 * @example
 * shippedModelPath(); // '/home/me/.vscode/extensions/news-corpus.news-corpus-0.1.0/models/ner.bin'
 */
export function shippedModelPath(): string {
  return MODEL_CANDIDATES.find((candidate) => existsSync(candidate)) ?? (MODEL_CANDIDATES[0] as string);
}

/**
 * A model loaded on this thread with the spec the indexing threads need to load it too, or why it cannot
 * be loaded (missing, unreadable, corrupt), in words for the user.
 *
 * @example
 * const model = loadModel('models/ner.bin');
 * if (model.ok) model.extract('Kim met Putin.'); else console.error(model.problem);
 */
export type LoadedModel = { readonly ok: true; readonly spec: ExtractorSpec; readonly extract: EntityExtractor } | { readonly ok: false; readonly problem: string };

/**
 * Loads the entity model at `modelPath` (about 2 MB, a few ms), never throwing.
 *
 * @example
 * loadModel('/nowhere/ner.bin'); // { ok: false, problem: 'News Corpus: the entity model /nowhere/ner.bin is missing; …' }
 */
export function loadModel(modelPath: string): LoadedModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(modelPath);
  } catch (error) {
    return { ok: false, problem: unreadableModel(modelPath, error) };
  }
  try {
    const recognizer = EntityRecognizer.fromModel(new Uint8Array(bytes));
    return { ok: true, spec: { kind: 'model', modelPath }, extract: (text) => extractArticleEntities(recognizer, text) };
  } catch (error) {
    return { ok: false, problem: unusableModel(modelPath, error) };
  }
}

function unreadableModel(modelPath: string, error: unknown): string {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  return `News Corpus: the entity model ${modelPath} ${missing ? 'is missing' : `cannot be read (${reasonOf(error)})`}; ${WITHOUT_ENTITIES}`;
}

function unusableModel(modelPath: string, error: unknown): string {
  return `News Corpus: the entity model ${modelPath} cannot be used: ${reasonOf(error)} ${WITHOUT_ENTITIES}`;
}

/** What the user is told works without the model, and how to get it back. */
const WITHOUT_ENTITIES = 'people, places and organizations are not available. Search and the Dates view still work; reinstall the extension to restore the model.';

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
 * A name for the extractor, its model and the rules around it, stored in the index file: another model or other
 * rules mean other entities. It is a hash of the model file's bytes, checked by their header alone
 * (`checkModelHeader`), followed by the version of the entity output (`ENTITY_OUTPUT_VERSION` in `src/core/entities/output-version.ts`): a saved index
 * built by other rules after decoding is rebuilt, as one built with another model is. The hash is read at once, not
 * asynchronously: on the extension host's thread, loading the model to learn its name was 170–330 ms of a reopen;
 * the cache's reading thread waits for this name before it posts the saved days and listing, and an asynchronous
 * read's answer waited behind the other extensions' start (a reopen's first rows 2.07 s after activation). A model
 * that cannot be loaded is named 'none', as the indexing threads then find no entities, and `onProblem` is told why
 * in the words `loadModel` uses. With `records`, the hash of a model file unchanged since it was hashed is read
 * from the record instead (a `stat` and its header; see {@link recordedModelId}): hashing the 5.9 MB model of the
 * thirteenth session cost 21–40 ms of the host's thread (10–14 ms of CPU) on every reopen.
 *
 * @example
 * extractorId({ kind: 'none' }); // 'none'
 * extractorId({ kind: 'model', modelPath: 'models/ner.bin' }); // 'ner:3f0c…+entities-v2' (16 hex digits, then the version)
 */
export function extractorId(spec: ExtractorSpec, onProblem: (problem: string) => void = () => undefined, records?: ModelIdRecords): string {
  if (spec.kind === 'none') return 'none';
  const modelId = modelFileId(spec.modelPath, onProblem, records);
  return modelId === undefined ? 'none' : `${modelId}${ENTITY_OUTPUT_SUFFIX}`;
}

/** The model file's name by its bytes ('ner:' and 16 hex digits), from `records` when they have it; undefined when it cannot be used. */
function modelFileId(modelPath: string, onProblem: (problem: string) => void, records: ModelIdRecords | undefined): string | undefined {
  const recorded = records === undefined ? undefined : recordedModelId(records.file, modelPath);
  if (recorded !== undefined) return recorded;
  let read: ReturnType<typeof readModelStamped>;
  try {
    read = readModelStamped(modelPath, records?.now ?? Date.now);
  } catch (error) {
    onProblem(unreadableModel(modelPath, error));
    return undefined;
  }
  try {
    checkModelHeader(read.bytes);
  } catch (error) {
    onProblem(unusableModel(modelPath, error));
    return undefined;
  }
  const id = `ner:${createHash('sha1').update(read.bytes).digest('hex').slice(0, MODEL_ID_DIGITS)}`;
  if (records !== undefined && read.stamp !== undefined) recordModelId(records.file, read.stamp, id);
  return id;
}

/**
 * Builds the extractor a spec names, on the calling thread. A model that cannot be loaded throws, unless the spec
 * says it is `unchecked`: then `onUncheckedProblem` is told why and nothing is extracted.
 *
 * @example
 * const extract = createExtractor({ kind: 'none' });
 * extract('Kim met Putin.'); // []
 */
export function createExtractor(spec: ExtractorSpec, onUncheckedProblem: (problem: string) => void = () => undefined): EntityExtractor {
  if (spec.kind === 'none') return () => [];
  const model = loadModel(spec.modelPath);
  if (model.ok) return model.extract;
  if (spec.unchecked !== true) throw new Error(model.problem);
  onUncheckedProblem(model.problem);
  return () => [];
}
