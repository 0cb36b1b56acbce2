import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE_ID } from './core/article';
import { Corpus } from './core/corpus';

/**
 * Whether a document is an article: one of the corpus (in any language: with highlighting off its articles stay plain
 * text), or one in the News Article language (new, unsaved).
 */
export function isArticleDocument(document: vscode.TextDocument, corpus: Pick<Corpus, 'article'>): boolean {
  return document.languageId === ARTICLE_LANGUAGE_ID || corpus.article(document.uri.toString()) !== undefined;
}
