import * as vscode from 'vscode';

/**
 * The icon of an article's row in the Dates, Entities and Search Results views: one icon, whatever the article's
 * state. Not `ThemeIcon.File`: beside the row's `resourceUri`, the file icon theme picks that icon by the language
 * of the file's open editor, News Article, and by the `.txt` extension when none is open, so rows alternated between
 * the two icons as articles were opened and closed (qa24).
 */
export const ARTICLE_ROW_ICON = new vscode.ThemeIcon('file-text');
