import * as vscode from 'vscode';
import { EntityCount } from '../core/curation/corrected-entities';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { quoteName } from '../core/display-text';
import { reasonOf } from '../core/messages';
import { SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { CorpusDates, CorpusNames } from '../core/search/query-help';
import { ResultOrder } from '../core/search/top-k';
import { stepResult } from '../core/search-workflow/result-list';
import { SearchHistory, parseHistory } from '../core/search-workflow/search-history';
import { uriOfIndexPath } from '../corpus/index-paths';
import { readSearchOptions } from '../corpus/settings';
import { UNDO, notify } from '../notifications';
import { openAtMatch } from '../open-at-match';
import { registerEntryPoints } from './entry-points';
import { exportResults } from './export';
import { showResultEntities } from './result-entities';
import { ResultElement, SearchResultsElement, SearchResultsProvider } from './search-results-provider';

export const SEARCH_RESULTS_VIEW_ID = 'newsCorpus.searchResults';
/** Where the recent and saved searches are kept, per workspace. */
const HISTORY_STATE_KEY = 'newsCorpus.searchHistory';
/** Set while the view lists results: the next/previous keybindings apply only then. */
const HAS_RESULTS_CONTEXT = 'newsCorpus.hasSearchResults';
/** Where the view's order (by relevance or by date) is kept, per workspace, and the context key its title buttons read. */
const ORDER_STATE_KEY = 'newsCorpus.searchResultsOrder';
const BY_DATE_CONTEXT = 'newsCorpus.searchResultsByDate';

/** What the Search Results view reads: the index, the entities and text of an article for exports and selections, and the corpus. */
export interface SearchResultsDeps {
  readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined;
  readonly entitiesOf: (path: string) => readonly EntityCount[];
  /** The text of an indexed article, for an export's whole title. */
  readonly textOf: (path: string) => string | undefined;
  /** The entities of a text, for Search for Selection (see `AwaitedAnalyzer`). */
  readonly analyzed: AwaitedAnalyzer;
  /** The corpus, which says when articles were added, changed or removed (the index is up to date by then). */
  readonly corpus: { subscribe(listener: () => void): () => void };
  /** The corpus's names, for the name a filter likely meant when it finds nothing. */
  readonly names: CorpusNames;
  /** The corpus's dates, for the date filter a year written as a word likely meant, and why dates match nothing. */
  readonly dates: CorpusDates;
}

/** The query a command was given: a string, or a search, saved or recent node of the view. */
function queryOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const candidate = value as Partial<Extract<SearchResultsElement, { kind: 'search' | 'saved' | 'recent' }>> | undefined;
  return typeof candidate?.query === 'string' && ['search', 'saved', 'recent'].includes(candidate.kind ?? '') ? candidate.query : undefined;
}

function savedNameOf(value: unknown): string | undefined {
  const candidate = value as Partial<Extract<SearchResultsElement, { kind: 'saved' }>> | undefined;
  return candidate?.kind === 'saved' && typeof candidate.name === 'string' ? candidate.name : undefined;
}

function isResult(value: unknown): value is ResultElement {
  const candidate = value as Partial<ResultElement> | undefined;
  return candidate?.kind === 'result' && typeof candidate.id === 'string' && typeof candidate.match?.start === 'number';
}

/** A name typed by the user, or the one a command was given (by a test or a keybinding). */
async function nameFrom(given: unknown, title: string, prompt: string, value: string): Promise<string | undefined> {
  if (typeof given === 'string') return given;
  const name = await vscode.window.showInputBox({ title, prompt, value, validateInput: (text) => (text.trim() === '' ? 'Enter a name.' : undefined) });
  return name?.trim() || undefined;
}

/**
 * The Search Results view and its commands: show a query's results, page, open, step through them with
 * F4/Shift+F4, keep recent and saved searches, export, and start searches from the editor and the Dates view.
 */
export function registerSearchResults(context: vscode.ExtensionContext, deps: SearchResultsDeps): SearchResultsProvider {
  // By date for a chronology (ux38: only equally ranked results followed the date order); the export follows the view.
  let order: ResultOrder = context.workspaceState.get<unknown>(ORDER_STATE_KEY) === 'date' ? 'date' : 'relevance';
  const search = (query: string, options: SearchOptions) => deps.search(query, { ...options, order });
  const provider = new SearchResultsProvider({
    run: (query, limit) => search(query, { ...readSearchOptions(), limit }),
    orderNote: () => (order === 'date' ? `${readSearchOptions().tieBreak === 'oldest' ? 'oldest' : 'newest'} first` : undefined),
    locate: (path) => {
      const uri = uriOfIndexPath(path);
      return { id: uri.toString(), file: vscode.workspace.asRelativePath(uri) };
    },
    names: deps.names,
    dates: deps.dates,
    textOf: deps.textOf,
    loadHistory: () => parseHistory(context.workspaceState.get<unknown>(HISTORY_STATE_KEY)),
    saveHistory: (history: SearchHistory) => context.workspaceState.update(HISTORY_STATE_KEY, history),
  });
  const view = vscode.window.createTreeView(SEARCH_RESULTS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let active: number | undefined;

  const announce = () => {
    const response = provider.response;
    const message = response?.ok && response.fuzzy ? 'Nothing matched exactly: showing near spellings.' : '';
    // Setting the message lays the view out again, which while it refreshes can look for rows that are gone.
    if (view.message !== message) view.message = message;
    const summary = provider.summary ?? '';
    if (view.description !== summary) view.description = summary;
    void vscode.commands.executeCommand('setContext', HAS_RESULTS_CONTEXT, provider.results.length > 0);
  };
  const show = async (query: string | undefined, recent = true) => {
    if (query === undefined || query.trim() === '') return undefined;
    active = undefined;
    const response = await provider.show(query, recent);
    announce();
    // A new search is a new group, expanded from the start: the view only has to be shown.
    if (!view.visible) await vscode.commands.executeCommand(`${SEARCH_RESULTS_VIEW_ID}.focus`);
    return response;
  };
  const open = async (result: ResultElement, preserveFocus: boolean) => {
    active = result.ordinal;
    await openAtMatch(vscode.Uri.parse(result.id), result.match, { preserveFocus });
  };
  const step = async (delta: 1 | -1) => {
    const at = stepResult(active, provider.results.length, delta);
    const result = at === undefined ? undefined : provider.results[at];
    if (!result) return;
    // Selecting the row is a courtesy: a tree still fetching its rows after a refresh may not find it yet.
    if (view.visible) await view.reveal(result, { select: true, focus: false }).then(undefined, () => undefined);
    await open(result, false);
  };

  const sortBy = async (next: ResultOrder) => {
    order = next;
    await context.workspaceState.update(ORDER_STATE_KEY, next);
    await vscode.commands.executeCommand('setContext', BY_DATE_CONTEXT, next === 'date');
    active = undefined;
    provider.rerun();
    announce();
  };
  void vscode.commands.executeCommand('setContext', BY_DATE_CONTEXT, order === 'date');

  // The current search follows the corpus: a deleted article leaves its results, a new one joins them.
  const rerunOnCorpusChange = deps.corpus.subscribe(() => {
    if (!provider.searchGroup) return;
    provider.rerun();
    announce();
  });
  context.subscriptions.push(
    provider,
    view,
    { dispose: rerunOnCorpusChange },
    // `{ recent: false }`: a search shown without joining Recent Searches (a chart's click).
    vscode.commands.registerCommand('newsCorpus.searchResults.show', (value: unknown, options: unknown) => show(queryOf(value), (options as { recent?: unknown } | undefined)?.recent !== false)),
    vscode.commands.registerCommand('newsCorpus.searchResults.run', (value: unknown) => show(queryOf(value))),
    vscode.commands.registerCommand('newsCorpus.searchResults.sortByDate', () => sortBy('date')),
    vscode.commands.registerCommand('newsCorpus.searchResults.sortByRelevance', () => sortBy('relevance')),
    vscode.commands.registerCommand('newsCorpus.searchResults.showMore', async () => {
      const shown = provider.results.length;
      provider.showMore();
      announce();
      // The "Show more…" row is gone: the keyboard goes on from the first result it brought, not from the top (a
      // courtesy: a view still fetching its rows may not find it yet).
      const first = provider.results[shown];
      if (first) await view.reveal(first, { select: false, focus: true }).then(undefined, () => undefined);
    }),
    vscode.commands.registerCommand('newsCorpus.searchResults.open', (value: unknown) => (isResult(value) ? open(value, true) : undefined)),
    vscode.commands.registerCommand('newsCorpus.searchResults.next', () => step(1)),
    vscode.commands.registerCommand('newsCorpus.searchResults.previous', () => step(-1)),
    vscode.commands.registerCommand('newsCorpus.searchResults.save', async (value: unknown, givenName: unknown) => {
      const query = queryOf(value) ?? queryOf(provider.searchGroup);
      if (query === undefined) return;
      // The query unquoted: it often holds quotes of its own (person:="Angela Merkel"; ux37).
      const name = await nameFrom(givenName, 'News Corpus: Save Search', `A name for the search ${query}`, query);
      if (name) await provider.save(name, query);
    }),
    vscode.commands.registerCommand('newsCorpus.searchResults.rename', async (value: unknown, givenName: unknown) => {
      const from = savedNameOf(value);
      if (from === undefined) return;
      const name = await nameFrom(givenName, 'News Corpus: Rename Saved Search', `A new name for the saved search ${quoteName(from)}`, from);
      if (name) await provider.rename(from, name);
    }),
    vscode.commands.registerCommand('newsCorpus.searchResults.delete', async (value: unknown) => {
      const name = savedNameOf(value);
      const deleted = name === undefined ? undefined : await provider.delete(name);
      if (!deleted) return;
      // Not awaited: the command is done once the search is deleted; the notification may stay up for long.
      void notify('info', `News Corpus: deleted the saved search "${deleted.search.name}".`, UNDO).then(async (action) => {
        if (action !== UNDO) return;
        if (!(await provider.restore(deleted))) {
          void notify('warning', `News Corpus: a search named "${deleted.search.name}" was saved since; the deleted one was not put back.`);
          return;
        }
        // Shown where it was put back: the Saved Searches group, gone with its last search, comes back collapsed.
        if (view.visible) await view.reveal({ kind: 'saved', ...deleted.search }, { select: true, focus: false }).then(undefined, () => undefined);
      }).then(undefined, (error: unknown) => void notify('error', `News Corpus: could not put the saved search back: ${reasonOf(error)}`));
    }),
    vscode.commands.registerCommand('newsCorpus.searchResults.forgetRecent', async (value: unknown) => {
      const candidate = value as Partial<Extract<SearchResultsElement, { kind: 'recent' }>> | undefined;
      if (candidate?.kind === 'recent' && typeof candidate.query === 'string') await provider.forgetRecent(candidate.query);
    }),
    vscode.commands.registerCommand('newsCorpus.searchResults.clearRecent', () => provider.forgetRecent()),
    vscode.commands.registerCommand('newsCorpus.searchResults.entities', (value: unknown) => {
      const query = queryOf(value) ?? queryOf(provider.searchGroup);
      return query === undefined ? undefined : showResultEntities(query, { search, entitiesOf: deps.entitiesOf }, (narrowed) => show(narrowed));
    }),
    vscode.commands.registerCommand('newsCorpus.searchResults.export', (value: unknown, target: unknown) => {
      const query = queryOf(value) ?? queryOf(provider.searchGroup);
      return query === undefined ? undefined : exportResults(query, { search, entitiesOf: deps.entitiesOf, textOf: deps.textOf }, target instanceof vscode.Uri ? target : undefined);
    }),
  );
  registerEntryPoints(context, { analyzed: deps.analyzed, show });
  return provider;
}
