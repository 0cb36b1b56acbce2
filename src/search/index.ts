import * as vscode from 'vscode';
import { SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { CorpusDates, CorpusNames } from '../core/search/query-help';
import { uriOfIndexPath } from '../corpus/index-paths';
import { readSearchOptions } from '../corpus/settings';
import { refusedWithoutFolder } from '../notifications';
import { showSearchQuickPick } from './search-quick-pick';

/** What the search box reads: the index, and the queries searched lately. */
export interface SearchBoxDeps {
  readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined;
  readonly recent: () => readonly string[];
  /** The corpus, which says when articles were added, changed or removed: an open search box asks its query again. */
  readonly corpus: { subscribe(listener: () => void): () => void };
  /** The corpus's names, for the name a filter likely meant when it finds nothing. */
  readonly names: CorpusNames;
  /** The corpus's dates, for the date filter a year written as a word likely meant, and why dates match nothing. */
  readonly dates: CorpusDates;
}

/**
 * The Search Articles command: a search box over the corpus index, optionally pre-filled with a query string;
 * Enter on a query lists all its results in the Search Results view.
 */
export function registerSearch(context: vscode.ExtensionContext, deps: SearchBoxDeps): void {
  const showAll = (query: string) => vscode.commands.executeCommand('newsCorpus.searchResults.show', query);
  context.subscriptions.push(
    vscode.commands.registerCommand('newsCorpus.search', (query: unknown) =>
      refusedWithoutFolder('search its articles') ? undefined : showSearchQuickPick({ search: deps.search, uriOf: uriOfIndexPath, options: readSearchOptions, recent: deps.recent, showAll, onCorpusChange: (listener) => deps.corpus.subscribe(listener), names: deps.names, dates: deps.dates }, typeof query === 'string' ? query : ''),
    ),
  );
}
