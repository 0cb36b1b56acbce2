import { Gazetteer } from './gazetteer';
import { WordClusters } from './word-clusters';

/**
 * What the model knows about words beyond its weights, compiled in at training time: gazetteer entries,
 * word clusters of unlabeled text and clusters of pre-trained word vectors.
 *
 * @example
 * const lexicon: Lexicon = {
 *   gazetteer: buildGazetteer(),
 *   clusters: WordClusters.build(buildWordClusters(sentences)),
 *   embeddings: WordClusters.build(buildEmbeddingClusters(words, vectors, 100)),
 * };
 * trainPerceptron(documents, lexicon);
 */
export interface Lexicon {
  readonly gazetteer: Gazetteer;
  readonly clusters: WordClusters;
  readonly embeddings: WordClusters;
}
