import * as vscode from 'vscode';
import { EntityArticleRef, EntityDirectory } from '../core/entity-directory';
import { AwaitedAnalyzer, Cancellation } from '../core/entities/threaded-entities';
import { mentionPreviewsOf } from '../core/mention-preview';
import { partOf } from '../core/display-text';

/** What finding mentions in the corpus reads: its articles and their entities (a long article's once they arrive). */
export interface CorpusMentionDeps {
  readonly entities: EntityDirectory;
  readonly analyzed: AwaitedAnalyzer;
}

/** Where the entity `key` is mentioned in one indexed article, found by the recogniser on its indexed text. */
export async function mentionsIn(article: EntityArticleRef, key: string, deps: CorpusMentionDeps, token?: Cancellation): Promise<vscode.Location[]> {
  const uri = vscode.Uri.parse(article.id);
  const text = deps.entities.articleText(article.id);
  const entities = text === undefined ? [] : await deps.analyzed(text, article.id, token);
  return mentionPreviewsOf(text, key, () => entities).map(
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
  deps: CorpusMentionDeps,
  token?: vscode.CancellationToken,
): Promise<vscode.Location[]> {
  const articles = deps.entities.articles(key);
  const locations: vscode.Location[] = [];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News Corpus: finding mentions' }, async (progress) => {
    for (let from = 0; from < articles.length && !token?.isCancellationRequested; from += ARTICLES_PER_STEP) {
      for (const article of articles.slice(from, from + ARTICLES_PER_STEP)) locations.push(...(await mentionsIn(article, key, deps, token)));
      progress.report({ message: partOf(Math.min(articles.length, from + ARTICLES_PER_STEP), articles.length, 'article') });
      // A turn for the event loop: an entity of thousands of articles takes seconds to read through.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  return locations;
}
