import { AnalyzedBatch, BatchEntity } from '../core/search/analyzed-batch';

/**
 * Cuts a batch into pieces of at most `maxArticles` articles that can be merged one at a time
 * (`CorpusIndex.addBatch` each), so the main thread can give the event loop a turn in between. The pieces
 * share the batch's vocabulary, role and form texts and are views into its arrays: nothing is copied. Each of the batch's
 * entities goes with the first piece whose articles name it (one named by none, with the first piece), so that a
 * piece's articles name only entities registered by then: merged without `defer`, an article's entity figures are
 * counted as it is added, and those of an entity registered by a later piece were lost (the Corpus Overview's lists
 * of a period, ranked by those figures, left out the entities of 315 articles added to a reopened index until the
 * next compaction). Its skipped files go with the first piece; an empty batch gives one empty piece.
 *
 * @example
 * for (const piece of batchPieces(batch, 100)) index.addBatch(piece, { defer: true });
 */
export function batchPieces(batch: AnalyzedBatch, maxArticles: number): AnalyzedBatch[] {
  const size = Math.max(1, Math.floor(maxArticles));
  if (batch.articles.length <= size) return [batch];
  const pieces: AnalyzedBatch[] = [];
  // Shared out too, by where they are first named: registering a first batch's entities in one go was the biggest part of a 35 ms first merge.
  const entitiesOf = entitiesByPiece(batch, size);
  let tokenAt = 0;
  let roleAt = 0;
  let formAt = 0;
  let textAt = 0;
  for (let first = 0; first < batch.articles.length; first += size) {
    const articles = batch.articles.slice(first, first + size);
    let tokenEnd = tokenAt;
    let roleEnd = roleAt;
    let formEnd = formAt;
    let textEnd = textAt;
    for (const article of articles) {
      tokenEnd += article.bodyTokens + article.titleTokens + 2 * article.entityPairs;
      roleEnd += 2 * article.rolePairs;
      formEnd += 3 * article.formTriples;
      textEnd += article.textBytes;
    }
    pieces.push({
      vocabulary: batch.vocabulary,
      articles,
      tokens: batch.tokens.subarray(tokenAt, tokenEnd),
      roles: batch.roles.subarray(roleAt, roleEnd),
      roleTexts: batch.roleTexts,
      forms: batch.forms.subarray(formAt, formEnd),
      formTexts: batch.formTexts,
      text: batch.text.subarray(textAt, textEnd),
      ...(batch.textDeflated === undefined ? {} : { textDeflated: batch.textDeflated }),
      entities: entitiesOf[pieces.length] ?? [],
      skipped: first === 0 ? batch.skipped : [],
    });
    tokenAt = tokenEnd;
    roleAt = roleEnd;
    formAt = formEnd;
    textAt = textEnd;
  }
  return pieces;
}

/** The batch's entities by piece of `size` articles: each with the first piece whose articles' entity fields name it, those named by none with the first. */
function entitiesByPiece(batch: AnalyzedBatch, size: number): BatchEntity[][] {
  const pieceOfTerm = new Map<number, number>();
  let at = 0;
  batch.articles.forEach((article, i) => {
    const fieldAt = at + article.bodyTokens + article.titleTokens;
    at = fieldAt + 2 * article.entityPairs;
    for (let t = fieldAt; t < at; t += 2) {
      const term = batch.tokens[t] ?? 0;
      if (!pieceOfTerm.has(term)) pieceOfTerm.set(term, Math.floor(i / size));
    }
  });
  const byPiece: BatchEntity[][] = Array.from({ length: Math.ceil(batch.articles.length / size) }, () => []);
  for (const entity of batch.entities) byPiece[pieceOfTerm.get(entity.term) ?? 0]?.push(entity);
  return byPiece;
}
