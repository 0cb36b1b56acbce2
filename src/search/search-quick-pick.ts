import * as vscode from 'vscode';
import { countOf, groupDigits, partOf, toDisplayText } from '../core/display-text';
import { SearchHit, SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { CorpusDates, CorpusNames, nameSuggestions, noMatchMessage, QUERY_HELP, QUERY_PLACEHOLDER, queryErrorMessage, QuerySuggestion, querySuggestions } from '../core/search/query-help';
import { snippetFromMatch } from '../core/search/snippet';
import { openingMatch } from '../core/search-workflow/result-list';
import { openAtMatch } from '../open-at-match';

/** What the search box needs: a way to run queries, to turn a hit's path into a URI, and its settings. */
export interface SearchDeps {
  /** Runs a query; `undefined` while the index is still being built. */
  readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined;
  readonly uriOf: (path: string) => vscode.Uri;
  readonly options: () => SearchOptions;
  /** The queries searched lately, newest first: offered while the box is empty. */
  readonly recent: () => readonly string[];
  /** Shows every result of a query in the Search Results view. */
  readonly showAll: (query: string) => unknown;
  /** Says when articles were added, changed or removed (the index is up to date by then); returns how to stop listening. */
  readonly onCorpusChange: (listener: () => void) => () => void;
  /** The corpus's names, for the name a filter likely meant when it finds nothing. */
  readonly names: CorpusNames;
  /** The corpus's dates, for the date filter a year written as a word likely meant, and why dates match nothing. */
  readonly dates: CorpusDates;
}

/** Typing pauses shorter than this do not start a search: the index answers in milliseconds, but rendering does not. */
const INPUT_DEBOUNCE_MS = 60;

interface HitItem extends vscode.QuickPickItem {
  readonly hit?: SearchHit;
  /** For the first item: Enter on it, with no result picked, lists every result in the Search Results view. */
  readonly showAll?: true;
  /** For a line of the syntax help: the example that picking it puts in the search box. */
  readonly example?: string;
}

const OPEN_TO_SIDE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('split-horizontal'), tooltip: 'Open to the Side' };
const SHOW_ALL: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('list-flat'), tooltip: 'Show All Results in the Search Results View' };

/** The recent queries, shown above the syntax while the box is empty; picking one puts it in the box. */
function recentItems(recent: readonly string[]): HitItem[] {
  if (recent.length === 0) return [];
  return [
    { label: 'Recent searches', kind: vscode.QuickPickItemKind.Separator },
    ...recent.map((query): HitItem => ({ label: toDisplayText(query), iconPath: new vscode.ThemeIcon('history'), alwaysShow: true, example: query })),
  ];
}

function showAllItem(total: number): HitItem {
  const label = `Show ${total === 1 ? 'the result' : `all ${groupDigits(total)} results`} in the Search Results view`;
  return { label, iconPath: new vscode.ThemeIcon('list-flat'), description: 'Enter', alwaysShow: true, showAll: true };
}

/** The query syntax, one operator an item; shown while the box is empty. */
const HELP_ITEMS: readonly HitItem[] = [
  { label: 'Query syntax', kind: vscode.QuickPickItemKind.Separator },
  ...QUERY_HELP.split('\n').map((line): HitItem => {
    const [example = line, ...explanation] = line.split(/\s{2,}/);
    return { label: example, description: explanation.join('  '), iconPath: new vscode.ThemeIcon('symbol-operator'), alwaysShow: true, example };
  }),
];

function hitItem(hit: SearchHit, uriOf: SearchDeps['uriOf']): HitItem {
  const uri = uriOf(hit.path);
  return {
    label: toDisplayText(hit.title) || uri.path.slice(uri.path.lastIndexOf('/') + 1),
    // The date leads the snippet's line: beside a long title, as the description, it was cut out of view (qa23).
    description: toDisplayText(vscode.workspace.asRelativePath(uri)),
    // From near the match: the line shows its start only, and the snippet is centred on the match.
    detail: `${hit.date ?? 'undated'} · ${toDisplayText(snippetFromMatch(hit.snippet))}`,
    iconPath: vscode.ThemeIcon.File,
    // The index has already matched and ranked; the quick pick must not filter its results by label.
    alwaysShow: true,
    buttons: [OPEN_TO_SIDE],
    hit,
  };
}

/**
 * The queries the user likely meant (`querySuggestions`: a date filter for a year written as a word, "or" in
 * capitals, a filter's name without its typo), a row each; Enter on one puts it in the box. They come first when
 * nothing matched exactly, under the row that lists the results otherwise.
 */
function suggestionItems(suggestions: readonly QuerySuggestion[]): HitItem[] {
  return suggestions.map(({ label, query: suggested, reason }) => ({ label: `$(lightbulb) ${label}: ${toDisplayText(suggested)}`, detail: toDisplayText(reason), alwaysShow: true, example: suggested }));
}

function messageItem(label: string, detail?: string): HitItem {
  return detail === undefined ? { label, alwaysShow: true } : { label, detail, alwaysShow: true };
}

/** Opens the article of a hit with the match its snippet shows selected. */
function openHit(hit: SearchHit, deps: SearchDeps, toSide: boolean): Promise<unknown> {
  return openAtMatch(deps.uriOf(hit.path), openingMatch(hit.snippet), { toSide });
}

/**
 * Keeps the items in the order given, i.e. the index's ranking. By default the quick pick moves items whose label
 * matches the typed text above the others (microsoft/vscode#73904), so a weaker result whose title happens to
 * contain the query's letters jumped above a better one. `sortByLabel` turns that off; it is a proposed API
 * (`quickPickSortByLabel`) without a type in `@types/vscode`, but the extension host passes it on to the
 * workbench like any other property and the workbench honours it (the e2e test checks the order on screen).
 */
function keepIndexOrder(quickPick: vscode.QuickPick<HitItem>): void {
  (quickPick as { sortByLabel?: boolean }).sortByLabel = false;
}

/**
 * The search box: results appear as the user types, ranked by the index, with the date, file and a snippet;
 * Enter opens the article at the match its snippet shows. `initialQuery` pre-fills it (e.g. from an entity).
 */
export function showSearchQuickPick(deps: SearchDeps, initialQuery = ''): Promise<void> {
  const quickPick = vscode.window.createQuickPick<HitItem>();
  const disposables: vscode.Disposable[] = [quickPick];
  quickPick.title = 'News Corpus: Search Articles';
  quickPick.placeholder = QUERY_PLACEHOLDER;
  quickPick.matchOnDescription = false;
  quickPick.matchOnDetail = false;
  keepIndexOrder(quickPick);
  quickPick.buttons = [SHOW_ALL];
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The query the items belong to: Enter before they caught up with the typing is Enter on the typed query. */
  let shownQuery = '';

  const run = () => {
    const query = quickPick.value.trim();
    shownQuery = query;
    if (!query) {
      quickPick.items = [...recentItems(deps.recent()), ...HELP_ITEMS];
      quickPick.title = 'News Corpus: Search Articles';
      return;
    }
    const response = deps.search(query, deps.options());
    if (!response) {
      quickPick.busy = true;
      quickPick.items = [messageItem('$(sync~spin) The corpus is still being indexed…', 'Results appear as soon as it is ready.')];
      timer = setTimeout(run, 500);
      return;
    }
    quickPick.busy = false;
    if (!response.ok) {
      quickPick.title = 'News Corpus: Search Articles';
      const { text, place } = queryErrorMessage(query, response);
      // A query refused may still have one likely meant ("date:a..b": after: and before:), first, for Enter.
      quickPick.items = [...suggestionItems(querySuggestions(query, deps.dates)), messageItem(`$(error) ${toDisplayText(text)}`, `${toDisplayText(place)} — clear the box to see the query syntax.`)];
      return;
    }
    const found = response.hits.length < response.total ? `top ${partOf(response.hits.length, response.total, 'article')}` : countOf(response.total, 'article');
    const fuzzy = response.fuzzy ? ' (nothing matched exactly: showing near spellings)' : '';
    const partial = response.partial ? ` — still indexing: searched ${partOf(response.partial.indexed, response.partial.total, 'file')} so far` : '';
    quickPick.title = `News Corpus: ${found} in ${response.tookMs.toFixed(1)} ms${fuzzy}${partial}`;
    // Asked again after a change of the corpus, the result the user had reached stays the active one.
    const activePath = quickPick.activeItems[0]?.hit?.path;
    // The corpus is asked of names and dates only once the query matched nothing (and not while it is indexed: what
    // matches nothing yet may be in the articles still to read).
    const none = response.hits.length > 0 ? undefined : noMatchMessage(query, response.partial ? undefined : deps.dates);
    // The message may quote the query (a word written as a filter that names none), whose `$(…)` must stay text.
    // A name in a filter that finds nothing is misspelt likely ("person:Trunp").
    const suggestions = suggestionItems([...querySuggestions(query, deps.dates), ...(none === undefined || response.partial ? [] : nameSuggestions(query, deps.names))]);
    const hits = response.hits.map((hit) => hitItem(hit, deps.uriOf));
    // Nothing matched, or only near spellings did ("putin or kim" finds "or" misspelt): what was likely meant comes first, for Enter.
    quickPick.items =
      none !== undefined
        ? [...suggestions, messageItem(toDisplayText(none.text), toDisplayText(none.detail))]
        : response.fuzzy
          ? [...suggestions, showAllItem(response.total), ...hits]
          : [showAllItem(response.total), ...suggestions, ...hits];
    const stillThere = activePath === undefined ? undefined : quickPick.items.find((item) => item.hit?.path === activePath);
    if (stillThere) quickPick.activeItems = [stillThere];
  };
  const runSoon = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, INPUT_DEBOUNCE_MS);
  };

  const showAll = () => {
    const query = quickPick.value.trim();
    if (query === '') return;
    quickPick.hide();
    void deps.showAll(query);
  };

  return new Promise((resolve) => {
    disposables.push(
      quickPick.onDidChangeValue(runSoon),
      // Results shown while files were still being read (a reopen checks them behind the saved index) follow the corpus.
      { dispose: deps.onCorpusChange(() => quickPick.value.trim() !== '' && runSoon()) },
      quickPick.onDidAccept(() => {
        const [selected] = quickPick.selectedItems;
        // Enter on the query itself: no result picked, or the results not yet caught up with the typing.
        if (selected?.showAll || (!selected && quickPick.value.trim() !== '') || quickPick.value.trim() !== shownQuery) {
          showAll();
          return;
        }
        if (selected?.example !== undefined) {
          quickPick.value = selected.example;
          return;
        }
        const hit = selected?.hit;
        if (!hit) return;
        quickPick.hide();
        void openHit(hit, deps, false);
      }),
      quickPick.onDidTriggerButton(showAll),
      quickPick.onDidTriggerItemButton(({ item }) => {
        if (item.hit) void openHit(item.hit, deps, true);
      }),
      quickPick.onDidHide(() => {
        if (timer !== undefined) clearTimeout(timer);
        disposables.forEach((disposable) => disposable.dispose());
        resolve();
      }),
    );
    quickPick.value = initialQuery;
    quickPick.show();
    run();
  });
}
