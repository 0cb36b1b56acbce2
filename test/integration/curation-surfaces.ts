// What the two curation suites share: the facts file on disk, running a correction command, and reading every
// surface a correction shows on (the Entities view, the hover card, the search filter, the exports).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';
import type { EntityTreeElement } from '../../src/entities-tree/entities-tree-provider';
import { readCsv } from '../support/csv-reader';
import { api, eventually, workspaceUri } from './helpers';

export const SEED_MEETING = '000_11aec1007b5c4c05.txt';
export const SEED_ARRIVAL = '003_737a2ec1faf8bc49.txt';

export const factsUri = (): vscode.Uri => workspaceUri('.newscorpus', 'entities.json');

/** The facts file's text on disk, `undefined` when there is none. */
export async function factsOnDisk(): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(factsUri()));
  } catch {
    return undefined;
  }
}

/** The facts file on disk as JSON: it must exist and be valid. */
export async function factsJson(): Promise<unknown> {
  const text = await factsOnDisk();
  assert.ok(text !== undefined, 'the facts file exists');
  return JSON.parse(text) as unknown;
}

export function run<T>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
}

/** Resolves once the facts in effect satisfy `condition`. */
export async function factsBecome(what: string, condition: (corpus: NewsCorpusApi) => boolean): Promise<NewsCorpusApi> {
  const corpus = await api();
  await eventually(what, () => condition(corpus), (listener) => corpus.facts.subscribe(listener));
  return corpus;
}

/** Writes the facts file on disk, as a colleague's `git pull` would, and waits until the extension has read it. */
export async function writeFactsExternally(value: unknown): Promise<void> {
  const text = JSON.stringify(value, null, 2);
  await vscode.workspace.fs.writeFile(factsUri(), new TextEncoder().encode(text));
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === factsUri().toString());
  if (document) {
    await eventually('the open facts document follows the file', () => document.getText() === text, (listener) => {
      const subscription = vscode.workspace.onDidChangeTextDocument(listener);
      return () => subscription.dispose();
    });
  }
  const key = (Object.keys((value as { people?: object }).people ?? {})[0] ?? '').toLowerCase();
  await factsBecome('the facts are read', (corpus) => corpus.facts.entry(`PER:${key}`) !== undefined);
}

/**
 * Removes the facts file (and whatever else is in its folder) and waits until no correction is in effect. The folder
 * stays: VS Code's file watcher (@parcel/watcher's inotify backend) watches a new folder from when it hears of it,
 * without looking at what is already in it, so a file written at once into a folder made again can go unreported,
 * and a facts document kept open in the background then never follows it (a test failed so under load).
 */
export async function removeFacts(): Promise<NewsCorpusApi> {
  const folder = workspaceUri('.newscorpus');
  const entries = await vscode.workspace.fs.readDirectory(folder).then(undefined, () => []);
  // Deleted as the Explorer deletes, through a workspace edit, which the extension hears whatever the watcher reports.
  const edit = new vscode.WorkspaceEdit();
  for (const [name] of entries) edit.deleteFile(vscode.Uri.joinPath(folder, name), { recursive: true, ignoreIfNotExists: true });
  await vscode.workspace.applyEdit(edit);
  return factsBecome('the facts are gone', (corpus) => corpus.facts.corrections().isEmpty && corpus.facts.entry('PER:vladimir putin') === undefined);
}

/** Every article file of the workspace, by URI, with its bytes. */
export async function articleBytes(): Promise<Map<string, string>> {
  const bytes = new Map<string, string>();
  for (const uri of await vscode.workspace.findFiles('**/*.txt')) bytes.set(uri.toString(), Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('base64'));
  return bytes;
}

export function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The rows the Entities view shows now in one group (under the filter in effect). */
export function shownRows(corpus: NewsCorpusApi, group: string): { element: EntityTreeElement; item: vscode.TreeItem }[] {
  const groupRow = corpus.entitiesTree.getChildren().find((child) => label(corpus.entitiesTree.getTreeItem(child)) === group);
  if (!groupRow) return [];
  return corpus.entitiesTree.getChildren(groupRow).map((element) => ({ element, item: corpus.entitiesTree.getTreeItem(element) }));
}

/** The rows of one group of the Entities view, filtered by `filter`. */
export async function entityRows(corpus: NewsCorpusApi, group: string, filter: string): Promise<{ element: EntityTreeElement; item: vscode.TreeItem }[]> {
  await vscode.commands.executeCommand('newsCorpus.entities.filter', filter);
  return shownRows(corpus, group);
}

/** The rows of one group of the Entities view, filtered by `filter`, as "label — description". */
export async function entityRowTexts(corpus: NewsCorpusApi, group: string, filter: string): Promise<string[]> {
  return (await entityRows(corpus, group, filter)).map(({ item }) => `${label(item)} — ${String(item.description)}`);
}

/** The file names of the articles a query finds. */
export function searchPaths(corpus: NewsCorpusApi, query: string): string[] {
  const response = corpus.search(query, { limit: 50, fuzzyFallback: false });
  assert.ok(response?.ok, `the query ${query} runs`);
  return response.hits.map((hit) => hit.path.replace(/^.*[\\/]/, '')).sort();
}

/** The hover card over the `occurrence`-th (from 0) `text` in `file`, if there is one. */
export async function cardOver(file: string, text: string, occurrence = 0): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(file));
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = document.getText().indexOf(text, at + 1);
  assert.ok(at >= 0, `"${text}" is in ${file}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(at + 1));
  return hovers.flatMap((hover) => hover.contents).find((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString && content.value.includes('$('))?.value;
}

function scratchFile(name: string): vscode.Uri {
  return vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'news-corpus-curation-')), name));
}

/**
 * The entities of `file` in the export of the results of `query`, as the JSON export and the CSV export each
 * write them ("Name (kind)"); `undefined` when the query does not find the file.
 */
export async function exportedEntities(query: string, file: string): Promise<{ json: string[]; csv: string[] } | undefined> {
  const json = scratchFile('results.json');
  const csv = scratchFile('results.csv');
  await run('newsCorpus.searchResults.export', { kind: 'recent', query }, json);
  await run('newsCorpus.searchResults.export', { kind: 'recent', query }, csv);
  const objects = JSON.parse(readFileSync(json.fsPath, 'utf8')) as { path: string; entities: { name: string; type: string }[] }[];
  const rows = readCsv(readFileSync(csv.fsPath, 'utf8'));
  const header = rows[0] ?? [];
  const row = rows.slice(1).find((cells) => cells[header.indexOf('path')] === file);
  const object = objects.find((found) => found.path === file);
  if (!object || !row) return undefined;
  return { json: object.entities.map(({ name, type }) => `${name} ${type}`), csv: (row[header.indexOf('entities')] ?? '').split('; ') };
}

/**
 * Whether both exports of `query`'s results name the entity `name` in `file`: as "name TYPE" in the JSON and as
 * "name (type word)" in the CSV.
 */
export async function bothExportsName(query: string, file: string, name: string, type: string, typeWord: string): Promise<boolean> {
  const exported = await exportedEntities(query, file);
  return exported !== undefined && exported.json.includes(`${name} ${type}`) && exported.csv.includes(`${name} (${typeWord})`);
}

/** The entity table as Export Entity Table writes it to CSV: its rows by id, each as header → cell. */
export async function entityTable(): Promise<Map<string, Record<string, string>>> {
  const target = scratchFile('table.csv');
  await run<number>('newsCorpus.exportEntityTable', target);
  const [header = [], ...rows] = readCsv(readFileSync(target.fsPath, 'utf8'));
  return new Map(rows.map((cells) => [cells[0] ?? '', Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))]));
}
