import { seededRandom } from '../random';
import { CLUSTER_LEVELS, packClusters } from './word-clusters';

/**
 * Knobs of `buildWordClusters`; the defaults are what `npm run train` uses.
 *
 * @example
 * const options: ClusterOptions = { clusters: [64, 16, 4], minCount: 2 };
 */
export interface ClusterOptions {
  /** Clusters per level, finest first (one per `CLUSTER_LEVELS`, each at most 1,022). */
  readonly clusters?: readonly number[];
  /** A word seen fewer times than this gets no cluster (too little context to place it). */
  readonly minCount?: number;
  /** At most this many words (the most frequent) get a cluster: the table is compiled into the model. */
  readonly maxWords?: number;
  /** The most frequent words that serve as context dimensions; any other neighbour counts as "rare". */
  readonly contextWords?: number;
  /** Rounds of k-means per level. */
  readonly iterations?: number;
  /** Seed of the k-means++ initialisation: the same text and seed give the same clusters. */
  readonly seed?: number;
}

const DEFAULT_CLUSTERS: readonly number[] = [1000, 250, 60];
const DEFAULT_MIN_COUNT = 3;
const DEFAULT_MAX_WORDS = 45000;
const DEFAULT_CONTEXT_WORDS = 1000;
const DEFAULT_ITERATIONS = 8;
const DEFAULT_SEED = 1009;
/** Context distribution smoothing of PPMI (Levy, Goldberg & Dagan 2015): rare contexts weigh less. */
const CONTEXT_SMOOTHING = 0.75;

/** Unit-length sparse rows (compressed sparse row layout) over `dimensions` columns. */
interface SparseRows {
  readonly count: number;
  readonly dimensions: number;
  readonly starts: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float64Array;
}

/**
 * Groups the words of unlabeled text into clusters of words used alike, at three levels (the finest
 * nested in the middle, the middle in the coarsest), for the recogniser's cluster features. A cheap,
 * deterministic stand-in for Brown clusters (Ratinov & Roth 2009): each word is the vector of its left
 * and right neighbours (PPMI-weighted), the words are split by spherical k-means, and each coarser
 * level clusters the finer level's centroids. `sentences` are lists of `FeatureContext.low` hashes;
 * the result maps a word hash to its packed cluster numbers (`packClusters`). Deterministic.
 *
 * @example
 * const clusters = WordClusters.build(buildWordClusters(sentences, { clusters: [64, 16, 4] }));
 */
export function buildWordClusters(sentences: readonly Int32Array[], options: ClusterOptions = {}): Map<number, number> {
  const levels = options.clusters ?? DEFAULT_CLUSTERS;
  if (levels.length !== CLUSTER_LEVELS) throw new Error(`News Corpus: word clusters need ${CLUSTER_LEVELS} levels.`);
  const words = clusteredVocabulary(sentences, options.minCount ?? DEFAULT_MIN_COUNT, options.maxWords ?? DEFAULT_MAX_WORDS);
  const clusters = new Map<number, number>();
  if (words.length === 0) return clusters;
  const rows = contextVectors(sentences, words, Math.min(options.contextWords ?? DEFAULT_CONTEXT_WORDS, words.length));
  const packed = clusterHierarchy(rows, levels, options.iterations ?? DEFAULT_ITERATIONS, options.seed ?? DEFAULT_SEED);
  words.forEach((word, index) => clusters.set(word, packed[index] ?? 0));
  return clusters;
}

/**
 * Knobs of `buildEmbeddingClusters`; the defaults are what `npm run train` uses.
 *
 * @example
 * const options: EmbeddingClusterOptions = { clusters: [64, 16, 4], iterations: 5 };
 */
export interface EmbeddingClusterOptions {
  /** Clusters per level, finest first (one per `CLUSTER_LEVELS`, each at most 1,022). */
  readonly clusters?: readonly number[];
  /** Rounds of k-means per level. */
  readonly iterations?: number;
  /** Seed of the k-means++ initialisation: the same vectors and seed give the same clusters. */
  readonly seed?: number;
}

/**
 * Groups words by pre-trained word vectors (GloVe and the like) into clusters at three nested levels, as
 * `buildWordClusters` does from raw text: spherical k-means (cosine similarity on the vectors scaled to unit
 * length) splits the words, and each coarser level clusters the finer level's centroids. `words[i]` is the
 * lower-case hash (`FeatureContext.low`) of the word whose vector is `vectors[i * dimensions …]`; a hash seen
 * twice keeps its first row (list the most frequent words first). Returns word hash → packed clusters.
 * Deterministic.
 *
 * @example
 * const clusters = buildEmbeddingClusters([hashOf('paris'), hashOf('lima')], Float32Array.of(1, 0, 0.9, 0.1), 2, { clusters: [1, 1, 1] });
 */
export function buildEmbeddingClusters(words: readonly number[], vectors: Float32Array, dimensions: number, options: EmbeddingClusterOptions = {}): Map<number, number> {
  const levels = options.clusters ?? DEFAULT_CLUSTERS;
  if (levels.length !== CLUSTER_LEVELS) throw new Error(`News Corpus: word clusters need ${CLUSTER_LEVELS} levels.`);
  if (vectors.length !== words.length * dimensions) throw new Error('News Corpus: the word vectors do not match the words.');
  const seen = new Set<number>();
  const kept: number[] = [];
  words.forEach((word, row) => {
    if (word === 0 || seen.has(word)) return;
    seen.add(word);
    kept.push(row);
  });
  const clusters = new Map<number, number>();
  if (kept.length === 0) return clusters;
  const starts = new Int32Array(kept.length + 1);
  const columns = new Int32Array(kept.length * dimensions);
  const values = new Float64Array(kept.length * dimensions);
  kept.forEach((row, index) => {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += (vectors[row * dimensions + d] ?? 0) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dimensions; d++) {
      columns[index * dimensions + d] = d;
      values[index * dimensions + d] = (vectors[row * dimensions + d] ?? 0) * scale;
    }
    starts[index + 1] = (index + 1) * dimensions;
  });
  const packed = clusterHierarchy({ count: kept.length, dimensions, starts, columns, values }, levels, options.iterations ?? DEFAULT_ITERATIONS, options.seed ?? DEFAULT_SEED);
  kept.forEach((row, index) => clusters.set(words[row] ?? 0, packed[index] ?? 0));
  return clusters;
}

/**
 * Each row's packed cluster numbers (`packClusters`): the finest level splits `rows` by spherical k-means,
 * each coarser level clusters the finer level's centroids, so the levels nest like Brown prefixes.
 */
function clusterHierarchy(rows: SparseRows, levels: readonly number[], iterations: number, seed: number): Uint32Array {
  const random = seededRandom(seed);
  const assignments: Int32Array[] = [];
  let points = rows;
  for (const wanted of levels) {
    const result = sphericalKMeans(points, Math.min(wanted, points.count), iterations, random);
    assignments.push(result.assignment);
    points = result.centroids;
  }
  const packed = new Uint32Array(rows.count);
  for (let row = 0; row < rows.count; row++) {
    const path: number[] = [];
    let cluster = row;
    for (const assignment of assignments) {
      cluster = assignment[cluster] ?? 0;
      path.push(cluster);
    }
    packed[row] = packClusters(path);
  }
  return packed;
}

/**
 * The words seen at least `minCount` times, most frequent first (ties by hash), at most `maxWords`: the words that
 * get a cluster, here and in the Brown clustering of the training scripts.
 *
 * @example
 * clusteredVocabulary([Int32Array.of(7, 9, 7)], 2, 100); // [7]: seen twice; 9 only once
 */
export function clusteredVocabulary(sentences: readonly Int32Array[], minCount: number, maxWords: number): number[] {
  const counts = new Map<number, number>();
  for (const sentence of sentences) for (const word of sentence) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .filter(([word, count]) => count >= minCount && word !== 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, maxWords)
    .map(([word]) => word);
}

/**
 * Each word's PPMI vector over its left neighbours (the `contextWords` most frequent words, "rare", or
 * the sentence boundary) and, in the second half of the columns, its right neighbours; unit length.
 */
function contextVectors(sentences: readonly Int32Array[], words: readonly number[], contextWords: number): SparseRows {
  const indexOf = new Map(words.map((word, index) => [word, index]));
  const rare = contextWords;
  const boundary = contextWords + 1;
  const side = contextWords + 2;
  const dimensions = side * 2;
  const pairs: number[] = [];
  const contextOf = (word: number | undefined): number => {
    if (word === undefined) return boundary;
    const index = indexOf.get(word);
    return index !== undefined && index < contextWords ? index : rare;
  };
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i++) {
      const row = indexOf.get(sentence[i] ?? 0);
      if (row === undefined) continue;
      pairs.push(row * dimensions + contextOf(i > 0 ? sentence[i - 1] : undefined));
      pairs.push(row * dimensions + side + contextOf(i + 1 < sentence.length ? sentence[i + 1] : undefined));
    }
  }
  const sorted = Float64Array.from(pairs).sort();
  const starts = new Int32Array(words.length + 1);
  const columns: number[] = [];
  const counts: number[] = [];
  const rowTotals = new Float64Array(words.length);
  const columnTotals = new Float64Array(dimensions);
  for (let k = 0; k < sorted.length; ) {
    const pair = sorted[k] ?? 0;
    let end = k;
    while (end < sorted.length && sorted[end] === pair) end++;
    const row = Math.floor(pair / dimensions);
    const column = pair - row * dimensions;
    columns.push(column);
    counts.push(end - k);
    starts[row + 1] = columns.length;
    rowTotals[row] = (rowTotals[row] ?? 0) + end - k;
    columnTotals[column] = (columnTotals[column] ?? 0) + end - k;
    k = end;
  }
  for (let row = 1; row <= words.length; row++) starts[row] = Math.max(starts[row] ?? 0, starts[row - 1] ?? 0);
  let total = 0;
  let smoothedTotal = 0;
  for (const count of columnTotals) {
    total += count;
    smoothedTotal += count ** CONTEXT_SMOOTHING;
  }
  const values = new Float64Array(columns.length);
  for (let row = 0; row < words.length; row++) {
    let norm = 0;
    for (let k = starts[row] ?? 0; k < (starts[row + 1] ?? 0); k++) {
      const column = columns[k] ?? 0;
      const context = (columnTotals[column] ?? 0) ** CONTEXT_SMOOTHING / smoothedTotal;
      const pmi = Math.log((counts[k] ?? 0) / total / (((rowTotals[row] ?? 0) / total) * context));
      const value = pmi > 0 ? pmi : 0;
      values[k] = value;
      norm += value * value;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = starts[row] ?? 0; k < (starts[row + 1] ?? 0); k++) values[k] = (values[k] ?? 0) * scale;
  }
  return { count: words.length, dimensions, starts, columns: Int32Array.from(columns), values };
}

/**
 * Spherical k-means (cosine similarity) with k-means++ seeding. Returns each row's cluster and the
 * unit-length centroids as dense rows, which the next, coarser level clusters in turn.
 */
function sphericalKMeans(rows: SparseRows, k: number, iterations: number, random: () => number): { assignment: Int32Array; centroids: SparseRows } {
  const { count, dimensions } = rows;
  // Centroids are stored transposed (column-major), so that one non-zero of a row updates its dot
  // products with every centroid in one contiguous loop.
  const transposed = new Float64Array(dimensions * k);
  const best = new Float64Array(count).fill(-1);
  const assignment = new Int32Array(count);
  const dots = new Float64Array(k);
  const similarities = (row: number): void => {
    dots.fill(0);
    for (let n = rows.starts[row] ?? 0; n < (rows.starts[row + 1] ?? 0); n++) {
      const base = (rows.columns[n] ?? 0) * k;
      const value = rows.values[n] ?? 0;
      for (let c = 0; c < k; c++) dots[c] = (dots[c] ?? 0) + value * (transposed[base + c] ?? 0);
    }
  };
  const setCentroid = (cluster: number, row: number): void => {
    for (let n = rows.starts[row] ?? 0; n < (rows.starts[row + 1] ?? 0); n++) transposed[(rows.columns[n] ?? 0) * k + cluster] = rows.values[n] ?? 0;
  };
  const similarity = (row: number, cluster: number): number => {
    let dot = 0;
    for (let n = rows.starts[row] ?? 0; n < (rows.starts[row + 1] ?? 0); n++) dot += (rows.values[n] ?? 0) * (transposed[(rows.columns[n] ?? 0) * k + cluster] ?? 0);
    return dot;
  };
  setCentroid(0, Math.floor(random() * count));
  for (let cluster = 1; cluster < k; cluster++) {
    let total = 0;
    for (let row = 0; row < count; row++) {
      best[row] = Math.max(best[row] ?? -1, similarity(row, cluster - 1));
      total += 1 - (best[row] ?? 0);
    }
    let target = random() * total;
    let chosen = count - 1;
    for (let row = 0; row < count; row++) {
      target -= 1 - (best[row] ?? 0);
      if (target < 0) {
        chosen = row;
        break;
      }
    }
    setCentroid(cluster, chosen);
  }
  for (let round = 0; round < iterations; round++) {
    for (let row = 0; row < count; row++) {
      similarities(row);
      let bestCluster = 0;
      for (let c = 1; c < k; c++) if ((dots[c] ?? 0) > (dots[bestCluster] ?? 0)) bestCluster = c;
      assignment[row] = bestCluster;
    }
    const sums = new Float64Array(dimensions * k);
    for (let row = 0; row < count; row++) {
      const cluster = assignment[row] ?? 0;
      for (let n = rows.starts[row] ?? 0; n < (rows.starts[row + 1] ?? 0); n++) {
        const index = (rows.columns[n] ?? 0) * k + cluster;
        sums[index] = (sums[index] ?? 0) + (rows.values[n] ?? 0);
      }
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += (sums[d * k + c] ?? 0) ** 2;
      if (norm === 0) continue; // an empty cluster keeps its centroid
      const scale = 1 / Math.sqrt(norm);
      for (let d = 0; d < dimensions; d++) transposed[d * k + c] = (sums[d * k + c] ?? 0) * scale;
    }
  }
  return { assignment, centroids: denseRows(transposed, k, dimensions) };
}

/** The centroids (column-major) as rows of a sparse matrix with every column stored. */
function denseRows(transposed: Float64Array, k: number, dimensions: number): SparseRows {
  const starts = new Int32Array(k + 1);
  const columns = new Int32Array(k * dimensions);
  const values = new Float64Array(k * dimensions);
  for (let c = 0; c < k; c++) {
    starts[c + 1] = (c + 1) * dimensions;
    for (let d = 0; d < dimensions; d++) {
      columns[c * dimensions + d] = d;
      values[c * dimensions + d] = transposed[d * k + c] ?? 0;
    }
  }
  return { count: k, dimensions, starts, columns, values };
}
