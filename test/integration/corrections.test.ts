// The Done-when of issue 15: each correction performed through its command, then every surface asserted — the
// Entities view, the hover card, the search filter, the search export (JSON and CSV) and the entity table — with
// the facts file valid and minimal, and the article files byte-identical.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';
import {
  SEED_ARRIVAL,
  SEED_MEETING,
  articleBytes,
  cardOver,
  entityRowTexts,
  entityRows,
  entityTable,
  bothExportsName,
  exportedEntities,
  factsBecome,
  factsJson,
  label,
  removeFacts,
  run,
  searchPaths,
} from './curation-surfaces';
import { api, eventually, panelTabs, tabsChange, workspaceUri } from './helpers';

const LAVROV = { type: 'PER', name: 'Sergei Lavrov' };
const PESKOV = { type: 'PER', name: 'Dmitry Peskov' };
const GROUP_TYPES: Readonly<Record<string, string>> = { people: 'PER', places: 'LOC', organizations: 'ORG', other: 'MISC' };

/**
 * Runs a correction command, checks that the facts file on disk is exactly `file` (valid and minimal), and
 * waits until the extension applies it.
 */
async function correct(file: Record<string, Record<string, unknown>>, command: string, ...args: unknown[]): Promise<NewsCorpusApi> {
  assert.strictEqual(await run(command, ...args), true, `${command} made a change`);
  assert.deepStrictEqual(await factsJson(), file, 'the facts file is valid and minimal');
  const keys = Object.entries(file).flatMap(([group, entries]) => Object.keys(entries).map((name) => `${GROUP_TYPES[group] ?? ''}:${name.toLowerCase()}`));
  return factsBecome(`the facts file names ${keys.join(', ')}`, (corpus) => keys.every((key) => corpus.facts.entry(key) !== undefined));
}

const article = (file: string) => workspaceUri(file).toString();

describe('Each correction through its command, on every surface', () => {
  let articlesBefore: Map<string, string>;

  before(async () => {
    await api();
    articlesBefore = await articleBytes();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('newsCorpus.entities.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const corpus = await removeFacts();
    assert.deepStrictEqual(searchPaths(corpus, 'person:="Sergei Lavrov"'), [SEED_MEETING], 'the engine’s entities are back');
  });

  after(async () => {
    assert.deepStrictEqual(await articleBytes(), articlesBefore, 'the article files are byte-identical');
  });

  it('Merge: one entity under the chosen name, with the articles of both', async () => {
    const corpus = await correct({ people: { 'Dmitry Peskov': { aliases: ['Sergei Lavrov'] } } }, 'newsCorpus.mergeEntities', [LAVROV, PESKOV], PESKOV);
    assert.match((await entityRowTexts(corpus, 'People', 'Lavrov')).join(' | '), /^Dmitry Peskov — 2 articles · \d+ mentions$/);
    assert.match((await cardOver(SEED_MEETING, 'Sergei Lavrov')) ?? '', /\*\*Dmitry Peskov\*\* · person[\s\S]*2 articles/);
    assert.deepStrictEqual(searchPaths(corpus, 'person:Lavrov'), [SEED_MEETING, SEED_ARRIVAL].sort());
    assert.deepStrictEqual(searchPaths(corpus, 'person:="Dmitry Peskov"'), [SEED_MEETING, SEED_ARRIVAL].sort());
    const exported = await exportedEntities('person:Lavrov', SEED_MEETING);
    assert.ok(exported?.json.includes('Dmitry Peskov PER') && !exported.json.includes('Sergei Lavrov PER'), 'the JSON export names the merged entity');
    assert.ok(exported?.csv.includes('Dmitry Peskov (person)') && !exported.csv.includes('Sergei Lavrov (person)'), 'the CSV export too');
    const table = await entityTable();
    assert.strictEqual(table.get('PER:sergei lavrov'), undefined);
    assert.match(table.get('PER:dmitry peskov')?.['aliases'] ?? '', /Sergei Lavrov/);
    assert.strictEqual(table.get('PER:dmitry peskov')?.['articles'], '2');
  });

  it('Rename: the entity under its new name everywhere', async () => {
    const corpus = await correct({ people: { 'S. V. Lavrov': { aliases: ['Sergei Lavrov'] } } }, 'newsCorpus.renameEntity', LAVROV, 'S. V. Lavrov');
    assert.match((await entityRowTexts(corpus, 'People', 'Lavrov')).join(' | '), /^S\. V\. Lavrov — 1 article · /);
    assert.match((await cardOver(SEED_MEETING, 'Sergei Lavrov')) ?? '', /\*\*S\\?\. V\\?\. Lavrov\*\* · person/);
    assert.deepStrictEqual(searchPaths(corpus, 'person:="S. V. Lavrov"'), [SEED_MEETING]);
    assert.ok(await bothExportsName('person:="S. V. Lavrov"', SEED_MEETING, 'S. V. Lavrov', 'PER', 'person'));
    const table = await entityTable();
    assert.strictEqual(table.get('PER:s. v. lavrov')?.['name'], 'S. V. Lavrov');
    assert.strictEqual(table.get('PER:sergei lavrov'), undefined);
  });

  it('Rename: the Search Results view searches again, its "Did you mean" naming the new name (ux34)', async () => {
    const before = await api();
    await vscode.commands.executeCommand('newsCorpus.searchResults.show', 'person:Lavrv');
    const meant = (corpus: NewsCorpusApi) => {
      const group = corpus.searchResults.searchGroup;
      const [first] = group ? corpus.searchResults.getChildren(group) : [];
      return first ? String(corpus.searchResults.getTreeItem(first).tooltip) : '';
    };
    assert.match(meant(before), /the nearest name is "Sergei Lavrov"/);
    const corpus = await correct({ people: { 'S. V. Lavrov': { aliases: ['Sergei Lavrov'] } } }, 'newsCorpus.renameEntity', LAVROV, 'S. V. Lavrov');
    await eventually('the suggestion names the new name', () => /the nearest name is "S\. V\. Lavrov"/.test(meant(corpus)), (listener) => {
      const subscription = corpus.searchResults.onDidChangeTreeData(listener);
      return () => subscription.dispose();
    });
  });

  it('Rename: the panels open on the entity follow it to its new name (ux34)', async () => {
    for (const command of ['newsCorpus.showTimeline', 'newsCorpus.showKwic', 'newsCorpus.showNetwork']) await vscode.commands.executeCommand(command, 'PER:sergei lavrov');
    const titles = (name: string) => [`Timeline: ${name}`, `Keyword in Context: ${name}`, `Entity Network: ${name}`];
    await eventually('the panels are open', () => titles('Sergei Lavrov').every((title) => panelTabs().includes(title)), tabsChange);
    await correct({ people: { 'S. V. Lavrov': { aliases: ['Sergei Lavrov'] } } }, 'newsCorpus.renameEntity', LAVROV, 'S. V. Lavrov');
    // Each panel drawn again for the new name: before, Keyword in Context named the old key and the network had no centre.
    await eventually('the panels follow the rename', () => titles('S. V. Lavrov').every((title) => panelTabs().includes(title)), tabsChange);
    // Opened on the renamed entity, they follow a second rename too, which leaves no trace of its key (review34).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const command of ['newsCorpus.showTimeline', 'newsCorpus.showKwic', 'newsCorpus.showNetwork']) await vscode.commands.executeCommand(command, 'PER:s. v. lavrov');
    await eventually('the panels are open on the renamed entity', () => titles('S. V. Lavrov').every((title) => panelTabs().includes(title)), tabsChange);
    await correct({ people: { 'Sergei V. Lavrov': { aliases: ['Sergei Lavrov'] } } }, 'newsCorpus.renameEntity', { type: 'PER', name: 'S. V. Lavrov' }, 'Sergei V. Lavrov');
    await eventually('the panels follow the second rename', () => titles('Sergei V. Lavrov').every((title) => panelTabs().includes(title)), tabsChange);
  });

  it('Rename to another writing of the name: shown so everywhere, the same entity', async () => {
    const corpus = await correct({ people: { 'Sergei LAVROV': { aliases: ['Sergei Lavrov'] } } }, 'newsCorpus.renameEntity', LAVROV, 'Sergei LAVROV');
    assert.match((await entityRowTexts(corpus, 'People', 'Lavrov')).join(' | '), /^Sergei LAVROV — 1 article · /);
    assert.match((await cardOver(SEED_MEETING, 'Sergei Lavrov')) ?? '', /\*\*Sergei LAVROV\*\* · person/);
    assert.deepStrictEqual(searchPaths(corpus, 'person:="Sergei Lavrov"'), [SEED_MEETING]);
    assert.strictEqual((await entityTable()).get('PER:sergei lavrov')?.['name'], 'Sergei LAVROV');
  });

  it('Change Type: the organization becomes a place', async () => {
    assert.ok(searchPaths(await api(), 'org:Interfax').includes(SEED_MEETING), 'before: the engine has the organization');
    const corpus = await correct({ places: { Interfax: { aliases: ['organization:Interfax'] } } }, 'newsCorpus.changeEntityType', { type: 'ORG', name: 'Interfax' }, 'LOC');
    assert.deepStrictEqual((await entityRowTexts(corpus, 'Places', 'Interfax')).map((row) => row.split(' — ')[0]), ['Interfax']);
    assert.deepStrictEqual(await entityRowTexts(corpus, 'Organizations', 'Interfax'), []);
    assert.match((await cardOver(SEED_MEETING, 'Interfax')) ?? '', /\*\*Interfax\*\* · place/);
    assert.ok(searchPaths(corpus, 'place:Interfax').includes(SEED_MEETING));
    assert.deepStrictEqual(searchPaths(corpus, 'org:Interfax'), []);
    assert.ok(await bothExportsName('place:Interfax', SEED_MEETING, 'Interfax', 'LOC', 'place'));
    const table = await entityTable();
    assert.strictEqual(table.get('LOC:interfax')?.['type'], 'place');
    assert.strictEqual(table.get('ORG:interfax'), undefined);
  });

  it('Split Alias: "Kim" leaves Kim Jong-un and is an entity of its own in the corpus', async () => {
    const corpus = await api();
    assert.ok(!searchPaths(corpus, 'person:="Kim"').includes(SEED_MEETING), 'before: the engine merged "Kim" into Kim Jong-un');
    await correct({ people: { 'Kim Jong-un': { split: ['Kim'] } } }, 'newsCorpus.splitAlias', { type: 'PER', name: 'Kim Jong-un' }, 'Kim');
    const rows = await entityRowTexts(corpus, 'People', 'Kim');
    assert.ok(rows.some((row) => row.startsWith('Kim — ')), `"Kim" has a row: ${rows.join(' | ')}`);
    const kim = await cardOver(SEED_MEETING, 'Kim said');
    assert.ok(kim !== undefined && !/Jong/.test(kim), 'the split form has a card of its own');
    assert.ok(searchPaths(corpus, 'person:="Kim"').includes(SEED_MEETING));
    assert.ok(searchPaths(corpus, 'person:="Kim Jong-un"').includes(SEED_MEETING), 'the meeting also names Kim Jong-un in full');
    assert.ok(await bothExportsName('person:="Kim"', SEED_MEETING, 'Kim', 'PER', 'person'));
    const table = await entityTable();
    assert.ok(table.has('PER:kim'));
    assert.doesNotMatch(table.get('PER:kim jong-un')?.['aliases'] ?? '', /(^|; )Kim(;|$)/);
  });

  it('Ignore everywhere: the name leaves every surface', async () => {
    // A person the engine finds (this model and the one before it): the "Defense" this test ignored before was a
    // person to an earlier model only, so its checks passed on nothing once the model stopped finding it.
    const shoigu = { type: 'PER', name: 'Sergei Shoigu' };
    assert.ok(searchPaths(await api(), 'person:Shoigu').includes(SEED_MEETING), 'before: the engine has the person');
    const corpus = await correct({ people: { 'Sergei Shoigu': { ignore: true } } }, 'newsCorpus.ignoreEntity', shoigu, 'everywhere');
    assert.deepStrictEqual(await entityRowTexts(corpus, 'People', 'Shoigu'), []);
    assert.deepStrictEqual(searchPaths(corpus, 'person:Shoigu'), []);
    assert.strictEqual(await cardOver(SEED_MEETING, 'Sergei Shoigu'), undefined);
    const exported = await exportedEntities('Shoigu', SEED_MEETING);
    assert.ok(exported && !exported.json.includes('Sergei Shoigu PER') && !exported.csv.includes('Sergei Shoigu (person)'));
    assert.strictEqual((await entityTable()).get('PER:sergei shoigu'), undefined);
  });

  it('Ignore in this article: the name leaves that article only', async () => {
    const kozlov = { type: 'PER', name: 'Alexander Kozlov' };
    const corpus = await correct({ people: { 'Alexander Kozlov': { ignoreIn: [SEED_ARRIVAL] } } }, 'newsCorpus.ignoreEntity', kozlov, 'article', article(SEED_ARRIVAL));
    assert.deepStrictEqual(await entityRowTexts(corpus, 'People', 'Kozlov'), []);
    assert.strictEqual(await cardOver(SEED_ARRIVAL, 'Alexander Kozlov'), undefined);
    assert.deepStrictEqual(searchPaths(corpus, 'person:Kozlov'), []);
    const exported = await exportedEntities('Kozlov', SEED_ARRIVAL);
    assert.ok(exported && !exported.json.includes('Alexander Kozlov PER') && !exported.csv.includes('Alexander Kozlov (person)'));
    assert.strictEqual((await entityTable()).get('PER:alexander kozlov'), undefined);
  });

  it('Mark as Organization, every occurrence: a name the engine missed is found everywhere', async () => {
    // The recogniser never begins a name on a lower-case word, so this one stays missed whatever the model (the
    // capitalised "Science and Education" this test marked before is now inside a longer name the model finds).
    const corpus = await correct({ organizations: { 'space program': { add: true } } }, 'newsCorpus.markAsOrganization', 'space program', 'everywhere');
    const names = (await entityRowTexts(corpus, 'Organizations', 'space program')).map((row) => row.split(' — ')[0]);
    assert.deepStrictEqual(names, ['space program']);
    assert.match((await cardOver(SEED_MEETING, 'space program')) ?? '', /\*\*space program\*\* · organization/);
    assert.ok(searchPaths(corpus, 'org:"space program"').includes(SEED_MEETING));
    assert.ok(await bothExportsName('org:"space program"', SEED_MEETING, 'space program', 'ORG', 'organization'));
    assert.strictEqual((await entityTable()).get('ORG:space program')?.['type'], 'organization');
  });

  it('Mark as Organization inside a longer name the engine found: the user\'s name takes that place', async () => {
    // The model finds "Workers’ Party Central Committee" as one organization in seed 000 (the model before the
    // cost-augmented one found "Science and Education of the Workers’ Party Central Committee"); the user marks the
    // "Central Committee" inside it, named nowhere else in the workspace.
    assert.match((await cardOver(SEED_MEETING, 'Central Committee')) ?? '', /\*\*Workers\\?. Party Central Committee\*\* · organization/, 'the engine’s longer name');
    const committee = 'Workers’ Party Central Committee';
    const committeeFilter = `org:="${committee}"`;
    // The table's id is the key: its identity writes the apostrophe straight.
    const committeeRow = async () => (await entityTable()).get("ORG:workers' party central committee");
    const filteredBefore = searchPaths(await api(), committeeFilter);
    assert.ok(filteredBefore.includes(SEED_MEETING), `the engine's entity is found in seed 000: ${JSON.stringify(filteredBefore)}`);
    const articlesBefore = Number((await committeeRow())?.['articles']);
    assert.ok(articlesBefore >= 1, 'the entity table counts the engine\'s entity');
    const corpus = await correct({ organizations: { 'Central Committee': { add: true } } }, 'newsCorpus.markAsOrganization', 'Central Committee', 'everywhere');
    assert.match((await cardOver(SEED_MEETING, 'Central Committee')) ?? '', /\*\*Central Committee\*\* · organization/);
    assert.match((await cardOver(SEED_MEETING, 'Workers’ Party')) ?? 'no card', /^no card$/, 'the rest of the engine’s span is no mention');
    const [row] = await entityRows(corpus, 'Organizations', 'Central Committee');
    assert.ok(row && label(row.item) === 'Central Committee', 'the Entities view lists the name');
    const articleRow = corpus.entitiesTree.getChildren(row.element).find((child) => child.kind === 'article' && child.id.endsWith(SEED_MEETING));
    assert.ok(articleRow, 'seed 000 is among the name\'s articles');
    const mentions = corpus.entitiesTree.getChildren(articleRow).map((mention) => label(corpus.entitiesTree.getTreeItem(mention)));
    assert.ok(mentions.some((line) => line.includes('Party Central Committee')), `a mention row in seed 000: ${JSON.stringify(mentions)}`);
    assert.ok(searchPaths(corpus, 'org:"Central Committee"').includes(SEED_MEETING));
    // Index-level answers follow: the engine's entity, displaced whole in seed 000, is not counted there.
    assert.deepStrictEqual(searchPaths(corpus, committeeFilter), filteredBefore.filter((file) => file !== SEED_MEETING), 'the org: filter');
    assert.strictEqual(Number((await committeeRow())?.['articles'] ?? 0), articlesBefore - 1, 'the entity table\'s article count');
    const exported = await exportedEntities('org:"Central Committee"', SEED_MEETING);
    assert.ok(exported && exported.json.includes('Central Committee ORG') && !exported.json.some((entity) => entity.includes('Workers')), `the export of seed 000: ${JSON.stringify(exported)}`);
  });

  it('Mark as Place, this one: the name is an entity in that article only', async () => {
    const corpus = await correct({ places: { 'railway station': { addIn: [SEED_ARRIVAL] } } }, 'newsCorpus.markAsPlace', 'railway station', 'article', article(SEED_ARRIVAL));
    assert.ok((await entityRowTexts(corpus, 'Places', 'railway')).some((row) => row.startsWith('railway station — 1 article · ')));
    assert.match((await cardOver(SEED_ARRIVAL, 'railway station')) ?? '', /\*\*railway station\*\* · place/);
    assert.deepStrictEqual(searchPaths(corpus, 'place:"railway station"'), [SEED_ARRIVAL]);
    assert.ok(await bothExportsName('place:"railway station"', SEED_ARRIVAL, 'railway station', 'LOC', 'place'));
    assert.strictEqual((await entityTable()).get('LOC:railway station')?.['articles'], '1');
  });
});
