import * as vscode from 'vscode';
import { countOf } from '../core/display-text';
import { reasonOf } from '../core/messages';
import { SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { ExportRow, ExportedEntity, exportFormatOf, exportRow, formatRows } from '../core/search-workflow/result-export';
import { uriOfIndexPath } from '../corpus/index-paths';
import { readSearchOptions } from '../corpus/settings';
import { notify, notifyWritten } from '../notifications';
import { inSteps, resultTotal, withProgressOver } from './all-results';

/** What an export reads: the index, and the entities and text of an article. */
export interface ExportDeps {
  readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined;
  readonly entitiesOf: (path: string) => readonly ExportedEntity[];
  readonly textOf: (path: string) => string | undefined;
}

function defaultTarget(query: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = query.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'search';
  return folder ? vscode.Uri.joinPath(folder, `${name}.csv`) : undefined;
}

function buildRows(response: Extract<SearchResponse, { ok: true }>, deps: ExportDeps, progress?: vscode.Progress<{ increment: number }>, token?: vscode.CancellationToken): Promise<ExportRow[] | undefined> {
  return inSteps(response.hits, (hit) => exportRow(hit, vscode.workspace.asRelativePath(uriOfIndexPath(hit.path)), deps.entitiesOf(hit.path), () => deps.textOf(hit.path)), progress, token);
}

/**
 * Writes every result of `query` (not only the pages shown) to a CSV or JSON file, chosen by the file name:
 * `target`, or one picked in a save dialog. Says so when the query is rejected, the corpus is still being
 * indexed or the file cannot be written. Returns the number of results written.
 */
export async function exportResults(query: string, deps: ExportDeps, target?: vscode.Uri): Promise<number | undefined> {
  const total = resultTotal(deps.search, query, 'export the results');
  if (total === undefined) return undefined;
  const defaultUri = defaultTarget(query);
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: `News Corpus: Export ${countOf(total, 'Result')}`,
      saveLabel: 'Export',
      filters: { CSV: ['csv'], JSON: ['json'] },
      ...(defaultUri ? { defaultUri } : {}),
    }));
  if (!uri) return undefined;
  const write = async (progress?: vscode.Progress<{ increment: number }>, token?: vscode.CancellationToken) => {
    const response = deps.search(query, { ...readSearchOptions(), limit: total });
    if (!response?.ok) return undefined;
    const rows = await buildRows(response, deps, progress, token);
    if (!rows) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(formatRows(rows, exportFormatOf(uri.path))));
    return rows.length;
  };
  try {
    const written = await withProgressOver(total, `News Corpus: exporting ${countOf(total, 'result')}`, write);
    if (written !== undefined) notifyWritten(`News Corpus: exported ${countOf(written, 'result')} to ${vscode.workspace.asRelativePath(uri)}.`, uri);
    return written;
  } catch (error) {
    void notify('error', `News Corpus: could not write ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}: ${reasonOf(error)}`);
    return undefined;
  }
}
