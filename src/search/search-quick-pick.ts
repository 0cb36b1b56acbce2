import * as vscode from 'vscode';
import { countOf, toDisplayText } from '../core/display-text';
import { SearchHit, SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { QUERY_HELP, QUERY_PLACEHOLDER } from '../core/search/query-help';
import { notifyOpenFailed } from '../notifications';

/** What the search box needs: a way to run queries, to turn a hit's path into a URI, and its settings. */
export interface SearchDeps {
  /** Runs a query; `undefined` while the index is still being built. */
  readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined;
  readonly uriOf: (path: string) => vscode.Uri;
  readonly options: () => SearchOptions;
}

/** Typing pauses shorter than this do not start a search: the index answers in milliseconds, but rendering does not. */
const INPUT_DEBOUNCE_MS = 60;

interface HitItem extends vscode.QuickPickItem {
  readonly hit?: SearchHit;
  /** For a line of the syntax help: the example that picking it puts in the search box. */
  readonly example?: string;
}

const OPEN_TO_SIDE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('split-horizontal'), tooltip: 'Open to the Side' };

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
    description: `${hit.date ?? 'undated'} · ${toDisplayText(vscode.workspace.asRelativePath(uri))}`,
    detail: toDisplayText(hit.snippet.text),
    iconPath: vscode.ThemeIcon.File,
    // The index has already matched and ranked; the quick pick must not filter its results by label.
    alwaysShow: true,
    buttons: [OPEN_TO_SIDE],
    hit,
  };
}

function messageItem(label: string, detail?: string): HitItem {
  return detail === undefined ? { label, alwaysShow: true } : { label, detail, alwaysShow: true };
}

/** Opens the article of a hit with its first match selected. */
async function openHit(hit: SearchHit, deps: SearchDeps, toSide: boolean): Promise<void> {
  const uri = deps.uriOf(hit.path);
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const match = hit.snippet.matches[0] ?? { start: hit.snippet.start, end: hit.snippet.start };
    const selection = new vscode.Range(document.positionAt(match.start), document.positionAt(match.end));
    await vscode.window.showTextDocument(document, { selection, preview: !toSide, viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active });
  } catch (error) {
    notifyOpenFailed(uri, error);
  }
}

/**
 * The search box: results appear as the user types, ranked by the index, with the date, file and a snippet;
 * Enter opens the article at its first match. `initialQuery` pre-fills it (e.g. from an entity).
 */
export function showSearchQuickPick(deps: SearchDeps, initialQuery = ''): Promise<void> {
  const quickPick = vscode.window.createQuickPick<HitItem>();
  const disposables: vscode.Disposable[] = [quickPick];
  quickPick.title = 'News Corpus: Search Articles';
  quickPick.placeholder = QUERY_PLACEHOLDER;
  quickPick.matchOnDescription = false;
  quickPick.matchOnDetail = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = () => {
    const query = quickPick.value.trim();
    if (!query) {
      quickPick.items = HELP_ITEMS;
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
      quickPick.items = [messageItem(`$(error) ${toDisplayText(response.error)}`, 'Clear the box to see the query syntax.')];
      return;
    }
    const shown = response.hits.length < response.total ? `top ${response.hits.length.toLocaleString('en-US')} of ` : '';
    const fuzzy = response.fuzzy ? ' (nothing matched exactly: showing near spellings)' : '';
    const partial = response.partial ? ` — still indexing: searched ${response.partial.indexed.toLocaleString('en-US')} of ${countOf(response.partial.total, 'file')} so far` : '';
    quickPick.title = `News Corpus: ${shown}${countOf(response.total, 'article')} in ${response.tookMs.toFixed(1)} ms${fuzzy}${partial}`;
    quickPick.items = response.hits.length > 0 ? response.hits.map((hit) => hitItem(hit, deps.uriOf)) : [messageItem('No articles match.', 'Try fewer words, a prefix such as export*, or a typo-tolerant word such as bundesbnak~.')];
  };

  return new Promise((resolve) => {
    disposables.push(
      quickPick.onDidChangeValue(() => {
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(run, INPUT_DEBOUNCE_MS);
      }),
      quickPick.onDidAccept(() => {
        const [selected] = quickPick.selectedItems;
        if (selected?.example !== undefined) {
          quickPick.value = selected.example;
          return;
        }
        const hit = selected?.hit;
        if (!hit) return;
        quickPick.hide();
        void openHit(hit, deps, false);
      }),
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
