import { Gazetteer } from './gazetteer';
import { WordClusters } from './word-clusters';
import { WordVectors } from './word-vectors';

/**
 * What the model knows about words beyond its weights, compiled in at training time: gazetteer entries,
 * word clusters of unlabeled text, clusters of pre-trained word vectors and low-dimensional projections of
 * those vectors (aligned with the clusters' table).
 *
 * @example
 * const embeddings = WordClusters.build(buildEmbeddingClusters(words, glove, 100));
 * const lexicon: Lexicon = {
 *   gazetteer: buildGazetteer(),
 *   clusters: WordClusters.build(buildWordClusters(sentences)),
 *   embeddings,
 *   vectors: WordVectors.build(embeddings, projections, 16), // projections: word hash → int8 row of `projectVectors`
 * };
 * trainPerceptron(documents, lexicon);
 */
export interface Lexicon {
  readonly gazetteer: Gazetteer;
  readonly clusters: WordClusters;
  readonly embeddings: WordClusters;
  readonly vectors: WordVectors;
}
