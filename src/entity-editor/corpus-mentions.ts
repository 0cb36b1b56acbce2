import * as vscode from 'vscode';
import { EntityArticleRef, EntityDirectory } from '../core/entity-directory';
import { ArticleAnalyzer } from '../core/curation/article-corrections';
import { mentionPreviewsOf } from '../core/mention-preview';
import { partOf } from '../core/display-text';

/** Where the entity `key` is mentioned in one indexed article, found by the recogniser on its indexed text. */
export function mentionsIn(article: EntityArticleRef, key: string, deps: { entities: EntityDirectory; analyze: ArticleAnalyzer }): vscode.Location[] {
  const uri = vscode.Uri.parse(article.id);
  return mentionPreviewsOf(deps.entities.articleText(article.id), key, (text) => deps.analyze(text, article.id)).map(
    ({ line, character, length }) => new vscode.Location(uri, new vscode.Range(line, character, line, character + length)),
  );
}

/** Articles read between two chances to report progress and to notice a cancellation. */
const ARTICLES_PER_STEP = 50;

/**
 * Every mention of the entity `key` across the corpus, article by article (newest first), with progress in
 * the window for an entity of many articles; stops early when `token` is cancelled.
 */
export async function corpusMentions(
  key: string,
  deps: { entities: EntityDirectory; analyze: ArticleAnalyzer },
  token?: vscode.CancellationToken,
): Promise<vscode.Location[]> {
  const articles = deps.entities.articles(key);
  const locations: vscode.Location[] = [];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News Corpus: finding mentions' }, async (progress) => {
    for (let from = 0; from < articles.length && !token?.isCancellationRequested; from += ARTICLES_PER_STEP) {
      for (const article of articles.slice(from, from + ARTICLES_PER_STEP)) locations.push(...mentionsIn(article, key, deps));
      progress.report({ message: partOf(Math.min(articles.length, from + ARTICLES_PER_STEP), articles.length, 'article') });
      // A turn for the event loop: an entity of thousands of articles takes seconds to read through.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  return locations;
}
