import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE_ID } from '../core/article';
import { Corpus } from '../core/corpus';
import { SETTINGS_SECTION } from '../corpus/settings';

const PLAIN_TEXT = 'plaintext';

/**
 * Shows the corpus's article files in the News Article language (header, captions, quotes and relative
 * dates highlighted) instead of plain text, and back when the setting is turned off or the file leaves the corpus
 * (moved out, excluded, found binary). Only plain-text documents are switched, and only those this switched are
 * switched back: a language the user picked is left alone. `.txt` cannot be claimed for the language outright:
 * most text files are not articles.
 */
export function registerArticleLanguage(context: vscode.ExtensionContext, deps: { corpus: Corpus; enabled: () => boolean }): void {
  /** The documents switched to the News Article language here (by URI), until they are switched back or closed. */
  const switched = new Set<string>();
  const apply = (document: vscode.TextDocument) => {
    const uri = document.uri.toString();
    const wanted = deps.enabled() && deps.corpus.article(uri) !== undefined;
    if (wanted && document.languageId === PLAIN_TEXT) {
      // Noted once switched, then checked again: the file may have left the corpus while it was.
      void vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE_ID).then((shown) => {
        switched.add(uri);
        apply(shown);
      }, () => undefined);
    } else if (switched.has(uri) && !(wanted && document.languageId === ARTICLE_LANGUAGE_ID)) {
      switched.delete(uri);
      // In another language now, the user picked it.
      if (document.languageId === ARTICLE_LANGUAGE_ID) void vscode.languages.setTextDocumentLanguage(document, PLAIN_TEXT).then(undefined, () => undefined);
    }
  };
  const applyToOpen = () => vscode.workspace.textDocuments.forEach(apply);
  const unsubscribe = deps.corpus.subscribe(applyToOpen);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(apply),
    // A change of language closes and opens the document again, still open (`isClosed` false).
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.isClosed) switched.delete(document.uri.toString());
    }),
    { dispose: unsubscribe },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.highlightArticles`)) applyToOpen();
    }),
  );
  applyToOpen();
}
