import { Gazetteer } from './gazetteer';
import { WordClusters } from './word-clusters';

/**
 * What the model knows about words beyond its weights, compiled in at training time: gazetteer entries
 * and word clusters.
 *
 * @example
 * const lexicon: Lexicon = { gazetteer: buildGazetteer(), clusters: WordClusters.build(buildWordClusters(sentences)) };
 * trainPerceptron(documents, lexicon);
 */
export interface Lexicon {
  readonly gazetteer: Gazetteer;
  readonly clusters: WordClusters;
}
