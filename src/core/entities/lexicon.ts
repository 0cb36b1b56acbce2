import { Gazetteer } from './gazetteer';
import { KnownWords } from './known-words';
import { WordClusters } from './word-clusters';
import { WordVectors } from './word-vectors';

/**
 * What the model knows about words beyond its weights, compiled in at training time: gazetteer entries,
 * word clusters of unlabeled text, clusters of pre-trained word vectors, low-dimensional projections of
 * those vectors (aligned with the clusters' table) and which rarer words the vectors' vocabulary holds.
 *
 * @example
 * const embeddings = WordClusters.build(buildEmbeddingClusters(words, glove, 100));
 * const lexicon: Lexicon = {
 *   gazetteer: buildGazetteer(),
 *   clusters: WordClusters.build(buildWordClusters(sentences)),
 *   embeddings,
 *   vectors: WordVectors.build(embeddings, projections, 16), // projections: word hash → int8 row of `projectVectors`
 *   known: KnownWords.build(bands, 1 << 22), // bands: word hash → rank band beyond the clustered words
 * };
 * trainPerceptron(documents, lexicon);
 */
export interface Lexicon {
  readonly gazetteer: Gazetteer;
  readonly clusters: WordClusters;
  readonly embeddings: WordClusters;
  readonly vectors: WordVectors;
  readonly known: KnownWords;
}
