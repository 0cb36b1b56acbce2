import * as assert from 'assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';
import type { EntityTreeElement } from '../../src/entities-tree/entities-tree-provider';
import { api, eventually, workspaceUri } from './helpers';

const SEED_MEETING = '000_11aec1007b5c4c05.txt';
const SEED_ARRIVAL = '003_737a2ec1faf8bc49.txt';
/** One correction of each kind, on names the shipped model finds in the two seed articles. */
const CORRECTIONS = {
  people: {
    // Merge (and rename): Sergei Lavrov (the meeting) becomes Dmitry Peskov (the arrival).
    'Dmitry Peskov': { description: 'Kremlin spokesman', aliases: ['Sergei Lavrov'] },
    Defense: { ignore: true },
    'Alexander Kozlov': { ignoreIn: [SEED_ARRIVAL] },
    'Kim Jong-un': { split: ['Kim'] },
  },
  // Retype: the organization Interfax becomes a place.
  places: { Interfax: { aliases: ['organization:Interfax'] }, 'railway station': { addIn: [SEED_ARRIVAL] } },
  other: { 'Science and Education': { add: true } },
};

const factsUri = () => workspaceUri('.newscorpus', 'entities.json');

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The rows of one group of the Entities view, filtered by `filter`. */
async function entityRows(corpus: NewsCorpusApi, group: string, filter: string): Promise<{ element: EntityTreeElement; item: vscode.TreeItem }[]> {
  await vscode.commands.executeCommand('newsCorpus.entities.filter', filter);
  const groupRow = corpus.entitiesTree.getChildren().find((child) => label(corpus.entitiesTree.getTreeItem(child)) === group);
  if (!groupRow) return [];
  return corpus.entitiesTree.getChildren(groupRow).map((element) => ({ element, item: corpus.entitiesTree.getTreeItem(element) }));
}

function searchPaths(corpus: NewsCorpusApi, query: string): string[] {
  const response = corpus.search(query, { limit: 50, fuzzyFallback: false });
  assert.ok(response?.ok, `the query ${query} runs`);
  return response.hits.map((hit) => hit.path.replace(/^.*[\\/]/, '')).sort();
}

async function cardOver(file: string, text: string, occurrence = 0): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(file));
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = document.getText().indexOf(text, at + 1);
  assert.ok(at >= 0, `"${text}" is in ${file}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(at + 1));
  return hovers.flatMap((hover) => hover.contents).find((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString && content.value.includes('$('))?.value;
}

async function articleBytes(): Promise<Map<string, string>> {
  const bytes = new Map<string, string>();
  for (const file of [SEED_MEETING, SEED_ARRIVAL]) bytes.set(file, Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(file))).toString('base64'));
  return bytes;
}

/** Resolves once the corrections in effect satisfy `condition`. */
async function correctionsBecome(what: string, condition: (corpus: NewsCorpusApi) => boolean): Promise<NewsCorpusApi> {
  const corpus = await api();
  await eventually(what, () => condition(corpus), (listener) => corpus.facts.subscribe(listener));
  return corpus;
}

describe('Corrections in the facts file, applied everywhere', () => {
  let before: Map<string, string>;

  beforeEach(async () => {
    before = await articleBytes();
    await vscode.workspace.fs.writeFile(factsUri(), new TextEncoder().encode(JSON.stringify(CORRECTIONS, null, 2)));
    await correctionsBecome('the corrections are read', (corpus) => corpus.facts.corrections().entity('PER:dmitry peskov') !== undefined);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('newsCorpus.entities.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri('.newscorpus'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const corpus = await correctionsBecome('the corrections are gone', (current) => current.facts.corrections().isEmpty);
    assert.deepStrictEqual(await articleBytes(), before, 'the article files are byte-identical');
    assert.deepStrictEqual(searchPaths(corpus, 'person:Lavrov'), [SEED_MEETING], 'the engine’s entities are back');
  });

  it('merges and renames: the tree, the hover, the search filter and the export show one entity', async () => {
    const corpus = await api();
    const rows = await entityRows(corpus, 'People', 'Lavrov');
    assert.deepStrictEqual(rows.map(({ item }) => label(item)), ['Dmitry Peskov'], 'found by its alias, under the canonical name');
    assert.match(String(rows[0]?.item.description), /^2 articles/);
    assert.deepStrictEqual(corpus.entitiesTree.getChildren(rows[0]?.element).length > 0, true);

    const card = await cardOver(SEED_MEETING, 'Sergei Lavrov');
    assert.match(card ?? '', /Dmitry Peskov/);
    assert.match(card ?? '', /Kremlin spokesman/);
    assert.match(card ?? '', /2 articles/);

    assert.deepStrictEqual(searchPaths(corpus, 'person:Lavrov'), [SEED_MEETING, SEED_ARRIVAL].sort());
    assert.deepStrictEqual(searchPaths(corpus, 'person:="Dmitry Peskov"'), [SEED_MEETING, SEED_ARRIVAL].sort());

    const target = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'news-corpus-corrections-')), 'results.json'));
    await vscode.commands.executeCommand('newsCorpus.searchResults.export', { kind: 'recent', query: 'person:Lavrov' }, target);
    const exported = JSON.parse(readFileSync(target.fsPath, 'utf8')) as { path: string; entities: { name: string; type: string }[] }[];
    const meeting = exported.find((row) => row.path === SEED_MEETING);
    assert.ok(meeting?.entities.some((entity) => entity.name === 'Dmitry Peskov' && entity.type === 'PER'));
    assert.ok(!meeting?.entities.some((entity) => entity.name === 'Sergei Lavrov'));
  });

  it('ignores a name everywhere, and in one article only', async () => {
    const corpus = await api();
    assert.deepStrictEqual(await entityRows(corpus, 'People', 'Defense'), []);
    assert.deepStrictEqual(searchPaths(corpus, 'person:Defense'), []);
    assert.deepStrictEqual(searchPaths(corpus, 'person:Kozlov'), []);
    assert.deepStrictEqual((await entityRows(corpus, 'People', 'Kozlov')).map(({ item }) => label(item)), []);
    assert.strictEqual(await cardOver(SEED_ARRIVAL, 'Alexander Kozlov'), undefined);
  });

  it('retypes, adds a missed name everywhere or in one article, and splits a form out', async () => {
    const corpus = await api();
    assert.ok(searchPaths(corpus, 'place:Interfax').includes(SEED_MEETING));
    assert.deepStrictEqual(searchPaths(corpus, 'organization:Interfax'), []);
    assert.deepStrictEqual((await entityRows(corpus, 'Places', 'Interfax')).map(({ item }) => label(item)), ['Interfax']);
    assert.ok(searchPaths(corpus, 'entity:"Science and Education"').includes(SEED_MEETING));
    assert.deepStrictEqual(searchPaths(corpus, 'place:"railway station"'), [SEED_ARRIVAL]);
    assert.match((await cardOver(SEED_MEETING, 'Science and Education')) ?? '', /Science and Education/);
    // "Kim said" in the meeting is no longer Kim Jong-un.
    const kim = await cardOver(SEED_MEETING, 'Kim said');
    assert.ok(kim !== undefined && !kim.includes('Kim Jong-un'), 'the split form has a card of its own');
  });
});
