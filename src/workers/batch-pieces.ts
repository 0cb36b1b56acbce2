import { AnalyzedBatch } from '../core/search/analyzed-batch';

/**
 * Cuts a batch into pieces of at most `maxArticles` articles that can be merged one at a time
 * (`CorpusIndex.addBatch` each), so the main thread can give the event loop a turn in between. The pieces
 * share the batch's vocabulary and role texts and are views into its arrays: nothing is copied. The batch's entities are
 * shared out between the pieces, its skipped files go with the first; an empty batch gives one empty piece.
 *
 * @example
 * for (const piece of batchPieces(batch, 100)) index.addBatch(piece, { defer: true });
 */
export function batchPieces(batch: AnalyzedBatch, maxArticles: number): AnalyzedBatch[] {
  const size = Math.max(1, Math.floor(maxArticles));
  if (batch.articles.length <= size) return [batch];
  const pieces: AnalyzedBatch[] = [];
  // Shared out too: registering a first batch's entities in one go was the biggest part of a 35 ms first merge.
  const entitiesPer = Math.ceil(batch.entities.length / Math.ceil(batch.articles.length / size));
  let tokenAt = 0;
  let roleAt = 0;
  let textAt = 0;
  for (let first = 0; first < batch.articles.length; first += size) {
    const articles = batch.articles.slice(first, first + size);
    let tokenEnd = tokenAt;
    let roleEnd = roleAt;
    let textEnd = textAt;
    for (const article of articles) {
      tokenEnd += article.bodyTokens + article.titleTokens + 2 * article.entityPairs;
      roleEnd += 2 * article.rolePairs;
      textEnd += article.textBytes;
    }
    pieces.push({
      vocabulary: batch.vocabulary,
      articles,
      tokens: batch.tokens.subarray(tokenAt, tokenEnd),
      roles: batch.roles.subarray(roleAt, roleEnd),
      roleTexts: batch.roleTexts,
      text: batch.text.subarray(textAt, textEnd),
      ...(batch.textDeflated === undefined ? {} : { textDeflated: batch.textDeflated }),
      entities: batch.entities.slice(entitiesPer * pieces.length, entitiesPer * (pieces.length + 1)),
      skipped: first === 0 ? batch.skipped : [],
    });
    tokenAt = tokenEnd;
    roleAt = roleEnd;
    textAt = textEnd;
  }
  return pieces;
}
