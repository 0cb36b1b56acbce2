import * as vscode from 'vscode';
import { SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { uriOfIndexPath } from '../corpus/index-paths';
import { readSearchOptions } from '../corpus/settings';
import { showSearchQuickPick } from './search-quick-pick';

/** The Search Articles command: a search box over the corpus index, optionally pre-filled with a query string. */
export function registerSearch(context: vscode.ExtensionContext, deps: { search: (query: string, options: SearchOptions) => SearchResponse | undefined }): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsCorpus.search', (query: unknown) =>
      showSearchQuickPick({ search: deps.search, uriOf: uriOfIndexPath, options: readSearchOptions }, typeof query === 'string' ? query : ''),
    ),
  );
}
