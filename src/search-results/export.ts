import * as vscode from 'vscode';
import { countOf } from '../core/display-text';
import { reasonOf } from '../core/messages';
import { SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { ExportRow, ExportedEntity, exportFormatOf, exportRow, formatRows } from '../core/search-workflow/result-export';
import { uriOfIndexPath } from '../corpus/index-paths';
import { readSearchOptions } from '../corpus/settings';
import { notify, notifyWritten } from '../notifications';

/** What an export reads: the index, and the entities and text of an article. */
export interface ExportDeps {
  readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined;
  readonly entitiesOf: (path: string) => readonly ExportedEntity[];
  readonly textOf: (path: string) => string | undefined;
}

/** Exports of more results than this show a progress notification. */
const PROGRESS_THRESHOLD = 2_000;
/** Rows built between two yields to the event loop, so that a large export keeps the editor responsive. */
const ROWS_PER_STEP = 1_000;

function defaultTarget(query: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = query.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'search';
  return folder ? vscode.Uri.joinPath(folder, `${name}.csv`) : undefined;
}

async function buildRows(response: Extract<SearchResponse, { ok: true }>, deps: ExportDeps, progress?: vscode.Progress<{ increment: number }>, token?: vscode.CancellationToken): Promise<ExportRow[] | undefined> {
  const rows: ExportRow[] = [];
  for (const hit of response.hits) {
    if (rows.length % ROWS_PER_STEP === 0 && rows.length > 0) {
      progress?.report({ increment: (100 * ROWS_PER_STEP) / response.hits.length });
      await new Promise((resolve) => setImmediate(resolve));
      if (token?.isCancellationRequested) return undefined;
    }
    rows.push(exportRow(hit, vscode.workspace.asRelativePath(uriOfIndexPath(hit.path)), deps.entitiesOf(hit.path), () => deps.textOf(hit.path)));
  }
  return rows;
}

/**
 * Writes every result of `query` (not only the pages shown) to a CSV or JSON file, chosen by the file name:
 * `target`, or one picked in a save dialog. Says so when the query is rejected, the corpus is still being
 * indexed or the file cannot be written. Returns the number of results written.
 */
export async function exportResults(query: string, deps: ExportDeps, target?: vscode.Uri): Promise<number | undefined> {
  const counted = deps.search(query, { ...readSearchOptions(), limit: 0 });
  if (!counted) {
    void notify('warning', 'News Corpus: the corpus is still being indexed; export the results once it is ready.');
    return undefined;
  }
  if (!counted.ok) {
    void notify('error', counted.error);
    return undefined;
  }
  const defaultUri = defaultTarget(query);
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: `News Corpus: Export ${countOf(counted.total, 'Result')}`,
      saveLabel: 'Export',
      filters: { CSV: ['csv'], JSON: ['json'] },
      ...(defaultUri ? { defaultUri } : {}),
    }));
  if (!uri) return undefined;
  const write = async (progress?: vscode.Progress<{ increment: number }>, token?: vscode.CancellationToken) => {
    const response = deps.search(query, { ...readSearchOptions(), limit: counted.total });
    if (!response?.ok) return undefined;
    const rows = await buildRows(response, deps, progress, token);
    if (!rows) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(formatRows(rows, exportFormatOf(uri.path))));
    return rows.length;
  };
  try {
    const written =
      counted.total > PROGRESS_THRESHOLD
        ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `News Corpus: exporting ${countOf(counted.total, 'result')}`, cancellable: true }, (progress, token) => write(progress, token))
        : await write();
    if (written !== undefined) notifyWritten(`News Corpus: exported ${countOf(written, 'result')} to ${vscode.workspace.asRelativePath(uri)}.`, uri);
    return written;
  } catch (error) {
    void notify('error', `News Corpus: could not write ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}: ${reasonOf(error)}`);
    return undefined;
  }
}
