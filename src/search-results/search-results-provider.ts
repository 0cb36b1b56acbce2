import * as vscode from 'vscode';
import { articleTooltip } from '../core/article-tooltip';
import { ARTICLE_ROW_ICON } from '../article-row-icon';
import { countOf, partOf, toTreeText } from '../core/display-text';
import { SearchResponse } from '../core/search/corpus-index';
import { CorpusDates, CorpusNames, nameSuggestions, noMatchMessage, QuerySuggestion, queryErrorMessage, querySuggestions } from '../core/search/query-help';
import { ResultList, ResultRow, RunQuery, resultRows } from '../core/search-workflow/result-list';
import { SavedSearch, SearchHistory, addRecent, deleteSaved, forgetRecent, renameSaved, restoreSaved, saveSearch } from '../core/search-workflow/search-history';

/** A hit as the view lists it: its row, the article's URI (`id`, as every view names articles) and its display path. */
export type ResultElement = ResultRow & { readonly kind: 'result'; readonly id: string; readonly file: string };

/** An element of the Search Results view: plain data, turned into UI by `getTreeItem`. */
export type SearchResultsElement =
  | { readonly kind: 'search'; readonly query: string }
  | ResultElement
  | { readonly kind: 'more' }
  | { readonly kind: 'message'; readonly text: string; readonly detail: string }
  | { readonly kind: 'suggestion'; readonly suggestion: QuerySuggestion }
  | { readonly kind: 'saved-searches' }
  | { readonly kind: 'recent-searches' }
  | { readonly kind: 'saved'; readonly name: string; readonly query: string }
  | { readonly kind: 'recent'; readonly query: string };

/** What the view needs: the index, where an indexed article is, and where the history is kept. */
export interface SearchResultsDeps {
  readonly run: RunQuery;
  /** The URI (as a string) and the display path of the article at an index path. */
  readonly locate: (path: string) => { readonly id: string; readonly file: string };
  readonly loadHistory: () => SearchHistory;
  readonly saveHistory: (history: SearchHistory) => Thenable<void>;
  /** The corpus's names, for the name a filter likely meant when it finds nothing. */
  readonly names: CorpusNames;
  /** The corpus's dates, for the date filter a year written as a word likely meant, and why dates match nothing. */
  readonly dates: CorpusDates;
  /** The text of the article at an index path, for a result's tooltip (its whole title, why it is undated). */
  readonly textOf: (path: string) => string | undefined;
  /** How the results are ordered when by date ("newest first"), said beside their count. */
  readonly orderNote?: () => string | undefined;
}

/** A deleted saved search, with where it was: its index, and the name of the search after it. */
export interface DeletedSearch {
  readonly search: SavedSearch;
  readonly index: number;
  readonly next?: string;
}

/**
 * What the view says of a response beside its results: the queries likely meant; and of one that matched nothing, the
 * names likely meant in its filters, and why nothing matched.
 */
interface ResponseAnswer {
  readonly response: SearchResponse;
  readonly suggestions: readonly QuerySuggestion[];
  readonly names: readonly QuerySuggestion[];
  readonly message?: ReturnType<typeof noMatchMessage>;
}

/** Group nodes are elements of their own so that `getParent` can answer with the very objects the tree holds. */
const SAVED_GROUP: SearchResultsElement = { kind: 'saved-searches' };
const RECENT_GROUP: SearchResultsElement = { kind: 'recent-searches' };
const MORE: SearchResultsElement = { kind: 'more' };

/**
 * The Search Results view: the current search (its query with the total, its results page by page, "Show
 * more…"), then the saved searches and the recent queries, which run again on click.
 */
export class SearchResultsProvider implements vscode.TreeDataProvider<SearchResultsElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SearchResultsElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private list: ResultList | undefined;
  private answer: ResponseAnswer | undefined;
  private group: SearchResultsElement | undefined;
  private rows: ResultElement[] = [];
  /** Numbers the searches, so that a new one is a new, expanded group rather than the state of the last. */
  private generation = 0;
  private stored: SearchHistory;

  constructor(private readonly deps: SearchResultsDeps) {
    this.stored = deps.loadHistory();
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** The current search's group node, or undefined before the first search. */
  get searchGroup(): SearchResultsElement | undefined {
    return this.group;
  }

  /** The current search's answer: undefined before the first search or while the corpus is being indexed. */
  get response(): SearchResponse | undefined {
    return this.list?.response;
  }

  /** The results listed now, best first. */
  get results(): readonly ResultElement[] {
    return this.rows;
  }

  /**
   * What the current search found, as its row and the view's title say it ("31 articles · newest first"), or
   * undefined before the first search. In the title too: a narrow sidebar cut it off the end of a long query's row (ux38).
   */
  get summary(): string | undefined {
    if (!this.list) return undefined;
    const response = this.list.response;
    if (!response) return 'indexing…';
    if (!response.ok) return 'invalid query';
    const note = this.deps.orderNote?.();
    return `${countOf(response.total, 'article')}${response.fuzzy ? ' (near spellings)' : ''}${note === undefined ? '' : ` · ${note}`}`;
  }

  /** Whether there are more results than listed. */
  get hasMore(): boolean {
    return this.list?.hasMore ?? false;
  }

  get history(): SearchHistory {
    return this.stored;
  }

  /**
   * Runs `query` as the current search (a rejected query too: the view shows why) and remembers it among the recent
   * searches unless `recent` is false (a click in a chart: many such clicks would push out the searches the user typed).
   */
  async show(query: string, recent = true): Promise<SearchResponse | undefined> {
    const trimmed = query.trim();
    this.generation++;
    this.list = new ResultList(trimmed, this.deps.run);
    this.group = { kind: 'search', query: trimmed };
    const response = this.list.refresh();
    this.rows = this.rowsOf(this.list);
    if (recent) await this.update(addRecent(this.stored, trimmed));
    else this.changed.fire(undefined);
    return response;
  }

  /** Lists a page more of the current search. */
  showMore(): void {
    this.list?.showMore();
    this.fill();
  }

  /** Runs the current search again over the corpus as it is now (it changed, or it was being indexed). */
  rerun(): SearchResponse | undefined {
    const response = this.list?.refresh();
    this.fill();
    return response;
  }

  save(name: string, query: string): Promise<void> {
    return this.update(saveSearch(this.stored, name, query));
  }

  rename(from: string, to: string): Promise<void> {
    return this.update(renameSaved(this.stored, from, to));
  }

  /** Deletes the saved search `name`; resolves with what {@link restore} needs to put it back, if it was saved. */
  async delete(name: string): Promise<DeletedSearch | undefined> {
    const index = this.stored.saved.findIndex((known) => known.name === name);
    const search = this.stored.saved[index];
    if (!search) return undefined;
    const next = this.stored.saved[index + 1]?.name;
    await this.update(deleteSaved(this.stored, name));
    return { search, index, ...(next === undefined ? {} : { next }) };
  }

  /** Puts a deleted saved search back where it was (Undo); false when a search of its name was saved since. */
  async restore({ search, index, next }: DeletedSearch): Promise<boolean> {
    const restored = restoreSaved(this.stored, search, index, next);
    if (restored === this.stored) return false;
    await this.update(restored);
    return true;
  }

  /** Forgets the recent query `query`, or every recent query when it is undefined. */
  forgetRecent(query?: string): Promise<void> {
    return this.update(forgetRecent(this.stored, query));
  }

  getChildren(element?: SearchResultsElement): SearchResultsElement[] {
    if (!element) return [...(this.group ? [this.group] : []), ...(this.stored.saved.length > 0 ? [SAVED_GROUP] : []), ...(this.stored.recent.length > 0 ? [RECENT_GROUP] : [])];
    switch (element.kind) {
      case 'search':
        return this.searchChildren();
      case 'saved-searches':
        return this.stored.saved.map(({ name, query }) => ({ kind: 'saved', name, query }));
      case 'recent-searches':
        return this.stored.recent.map((query) => ({ kind: 'recent', query }));
      default:
        return [];
    }
  }

  /** A result's tooltip, made when it is shown: the article's whole title, its date or why it has none, the snippet. */
  resolveTreeItem(item: vscode.TreeItem, element: SearchResultsElement): vscode.TreeItem {
    if (element.kind !== 'result' || item.tooltip !== undefined) return item;
    item.tooltip = `${articleTooltip({ ...element, path: element.file }, () => this.deps.textOf(element.path))}\n\n${element.snippet}`;
    return item;
  }

  getParent(element: SearchResultsElement): SearchResultsElement | undefined {
    switch (element.kind) {
      case 'result':
      case 'more':
      case 'message':
      case 'suggestion':
        return this.group;
      case 'saved':
        return SAVED_GROUP;
      case 'recent':
        return RECENT_GROUP;
      default:
        return undefined;
    }
  }

  getTreeItem(element: SearchResultsElement): vscode.TreeItem {
    switch (element.kind) {
      case 'search':
        return this.searchItem(element.query);
      case 'result':
        return resultItem(element, this.generation);
      case 'more':
        return this.moreItem();
      case 'message': {
        const item = new vscode.TreeItem(element.text, vscode.TreeItemCollapsibleState.None);
        item.tooltip = element.detail;
        item.contextValue = 'message';
        return item;
      }
      case 'suggestion':
        return suggestionItem(element.suggestion);
      case 'saved-searches':
        return groupItem('Saved Searches', 'pinned', this.stored.saved.length, 'saved-searches');
      case 'recent-searches':
        return groupItem('Recent Searches', 'history', this.stored.recent.length, 'recent-searches');
      case 'saved':
      case 'recent':
        return queryItem(element);
    }
  }

  private searchChildren(): SearchResultsElement[] {
    const response = this.list?.response;
    if (!response) return [{ kind: 'message', text: 'The corpus is still being indexed…', detail: 'The results appear as soon as it is ready.' }];
    // What the user likely meant comes first ("trump or biden" finds the articles with the word "or"), a refused query's too.
    const query = this.list?.query ?? '';
    const answer = this.answerOf(query, response);
    const suggestions = [...answer.suggestions, ...answer.names].map((suggestion): SearchResultsElement => ({ kind: 'suggestion', suggestion }));
    if (!response.ok) {
      const { text, place } = queryErrorMessage(query, response);
      return [...suggestions, { kind: 'message', text: toTreeText(text), detail: `${place}\nEdit the query in the search box and press Enter to run it again.` }];
    }
    // It may quote the query (a word written as a filter that names none).
    if (answer.message) return [...suggestions, { kind: 'message', text: toTreeText(answer.message.text), detail: answer.message.detail }];
    return [...suggestions, ...this.rows, ...(this.hasMore ? [MORE] : [])];
  }

  /**
   * {@link querySuggestions} of a response, and {@link nameSuggestions} and {@link noMatchMessage} of one that matched
   * nothing, kept for that response: the view asks for its rows again and again, and each may search the corpus (a year
   * written as a word, a name or a date filter tried alone). Names and dates are asked of the corpus only once it is
   * indexed: what matches nothing yet may be in the articles still to read.
   */
  private answerOf(query: string, response: SearchResponse): ResponseAnswer {
    if (this.answer?.response !== response) {
      const indexed = !(response.ok && response.partial);
      const none = response.ok && response.total === 0;
      const suggestions = querySuggestions(query, this.deps.dates);
      this.answer = none
        ? { response, suggestions, names: indexed ? nameSuggestions(query, this.deps.names) : [], message: noMatchMessage(query, indexed ? this.deps.dates : undefined) }
        : { response, suggestions, names: [] };
    }
    return this.answer;
  }

  private searchItem(query: string): vscode.TreeItem {
    const item = new vscode.TreeItem(toTreeText(query), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `search:${this.generation}`;
    item.iconPath = new vscode.ThemeIcon('search');
    item.contextValue = 'search';
    item.description = this.summary ?? '';
    item.tooltip = `${query}\n${item.description}`;
    return item;
  }

  private moreItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Show more…', vscode.TreeItemCollapsibleState.None);
    const total = this.list?.response?.ok ? this.list.response.total : 0;
    item.id = `more:${this.generation}`;
    item.description = `${partOf(this.rows.length, total)} shown`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'more';
    item.command = { command: 'newsCorpus.searchResults.showMore', title: 'Show More Results' };
    return item;
  }

  private fill(): void {
    this.rows = this.list ? this.rowsOf(this.list) : [];
    this.changed.fire(undefined);
  }

  private rowsOf(list: ResultList): ResultElement[] {
    return resultRows(list.hits).map((row) => ({ ...row, kind: 'result', ...this.deps.locate(row.path) }));
  }

  private async update(history: SearchHistory): Promise<void> {
    this.stored = history;
    this.changed.fire(undefined);
    await this.deps.saveHistory(history);
  }
}

/** A result's row; its tooltip is left to {@link SearchResultsProvider.resolveTreeItem} (it may read the article). */
function resultItem(element: ResultElement, generation: number): vscode.TreeItem {
  // The date leads the label: after a long title, in the description, a narrow sidebar cut it out of view (ux32).
  const item = new vscode.TreeItem(`${element.date ?? 'undated'} · ${toTreeText(element.title) || element.file}`, vscode.TreeItemCollapsibleState.None);
  item.id = `result:${generation}:${element.ordinal}`;
  item.resourceUri = vscode.Uri.parse(element.id);
  item.iconPath = ARTICLE_ROW_ICON;
  item.description = toTreeText(element.file);
  item.contextValue = 'article';
  item.command = { command: 'newsCorpus.searchResults.open', title: 'Open Result', arguments: [element] };
  return item;
}

/** A query the user likely meant, which a click searches (the query is a command argument, never a link). */
function suggestionItem({ label, query, reason }: QuerySuggestion): vscode.TreeItem {
  const item = new vscode.TreeItem(`${label}: ${toTreeText(query)}`, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('lightbulb');
  item.tooltip = `${reason}\nSearch ${query} instead.`;
  item.contextValue = 'suggestion';
  item.command = { command: 'newsCorpus.searchResults.show', title: 'Search Instead', arguments: [query] };
  return item;
}

function groupItem(label: string, icon: string, count: number, contextValue: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = label;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.description = String(count);
  item.contextValue = contextValue;
  return item;
}

function queryItem(element: Extract<SearchResultsElement, { kind: 'saved' | 'recent' }>): vscode.TreeItem {
  const saved = element.kind === 'saved';
  const item = new vscode.TreeItem(toTreeText(saved ? element.name : element.query), vscode.TreeItemCollapsibleState.None);
  item.id = saved ? `saved:${element.name}` : `recent:${element.query}`;
  if (saved) item.description = toTreeText(element.query);
  item.iconPath = new vscode.ThemeIcon(saved ? 'bookmark' : 'history');
  // A screen reader says a string tooltip in place of the row: a saved search's name is in it (ux34: "Run again: …" alone).
  item.tooltip = saved ? `${element.name}: ${element.query}\nClick to run it again.` : `${element.query}\nClick to run it again.`;
  item.accessibilityInformation = { label: saved ? `Saved search ${element.name}: ${element.query}` : `Recent search: ${element.query}` };
  item.contextValue = element.kind;
  item.command = { command: 'newsCorpus.searchResults.run', title: 'Run Search', arguments: [element] };
  return item;
}
