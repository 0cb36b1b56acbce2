import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE_ID } from '../core/article';
import { Corpus } from '../core/corpus';
import { SETTINGS_SECTION } from '../corpus/settings';

/**
 * Shows the corpus's article files in the News Article language (header, captions, quotes and relative
 * dates highlighted) instead of plain text, and back when the setting is turned off. Only plain-text
 * documents are switched: a language the user picked is left alone. `.txt` cannot be claimed for the
 * language outright: most text files are not articles.
 */
export function registerArticleLanguage(context: vscode.ExtensionContext, deps: { corpus: Corpus; enabled: () => boolean }): void {
  const apply = (document: vscode.TextDocument) => {
    if (!deps.corpus.article(document.uri.toString())) return;
    const [from, to] = deps.enabled() ? ['plaintext', ARTICLE_LANGUAGE_ID] : [ARTICLE_LANGUAGE_ID, 'plaintext'];
    if (document.languageId !== from) return;
    void vscode.languages.setTextDocumentLanguage(document, to).then(undefined, () => undefined);
  };
  const applyToOpen = () => vscode.workspace.textDocuments.forEach(apply);
  const unsubscribe = deps.corpus.subscribe(applyToOpen);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(apply),
    { dispose: unsubscribe },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.highlightArticles`)) applyToOpen();
    }),
  );
  applyToOpen();
}
