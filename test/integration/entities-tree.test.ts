import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';
import type { EntityTreeElement } from '../../src/entities-tree/entities-tree-provider';
import type { ArticleEntityElement } from '../../src/in-this-article/article-entities-provider';
import { api, corpusBecomes, EXTENSION_ID, eventually, workspaceUri } from './helpers';

const SEED_MEETING = '000_11aec1007b5c4c05.txt';
const SEED_ARRIVAL = '003_737a2ec1faf8bc49.txt';

/** Resolves once the In This Article view, which refreshes on editor changes and edits, satisfies `condition`. */
function articleViewBecomes(what: string, condition: () => boolean, corpus: NewsCorpusApi): Promise<void> {
  return eventually(what, condition, (listener) => {
    const subscription = corpus.articleEntities.onDidChangeTreeData(listener);
    return () => subscription.dispose();
  });
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The Entities view's children of `element`, with their tree items (the provider answers at once). */
function entityRows(corpus: NewsCorpusApi, element?: EntityTreeElement): { element: EntityTreeElement; item: vscode.TreeItem }[] {
  return corpus.entitiesTree.getChildren(element).map((child) => ({ element: child, item: corpus.entitiesTree.getTreeItem(child) }));
}

function entityRow(corpus: NewsCorpusApi, name: string, element?: EntityTreeElement): { element: EntityTreeElement; item: vscode.TreeItem } {
  const rows = entityRows(corpus, element);
  const row = rows.find((candidate) => label(candidate.item) === name);
  assert.ok(row, `no "${name}" under ${JSON.stringify(element ?? 'the root')}: ${rows.map((candidate) => label(candidate.item)).join(', ')}`);
  return row;
}

/** The row of a person, found through the view's filter: the sample corpus lists hundreds of people. */
async function person(corpus: NewsCorpusApi, name: string): Promise<{ element: EntityTreeElement; item: vscode.TreeItem }> {
  await vscode.commands.executeCommand('newsCorpus.entities.filter', name);
  return entityRow(corpus, name, entityRow(corpus, 'People').element);
}

function articleCountOf(item: vscode.TreeItem): number {
  return Number(/^([\d,]+) articles?/.exec(String(item.description))?.[1]?.replaceAll(',', ''));
}

function fileName(item: vscode.TreeItem): string {
  return item.resourceUri?.path.replace(/^.*\//, '') ?? '';
}

describe('Entities view (the shipped model, in the real extension host)', () => {
  afterEach(() => vscode.commands.executeCommand('newsCorpus.entities.clearFilter'));

  it('lists the entity groups with their counts, and no model problem', async () => {
    const corpus = await api();
    assert.strictEqual(corpus.entityModelProblem(), undefined);
    const groups = entityRows(corpus);
    assert.deepStrictEqual(groups.map((group) => label(group.item)).slice(0, 3), ['People', 'Places', 'Organizations']);
    for (const { item } of groups) assert.match(String(item.description), /^[1-9][0-9,]*$/);
  });

  it('counts in its group rows the entities a filter keeps, out of all', async () => {
    const corpus = await api();
    const all = entityRows(corpus).map((group) => String(group.item.description));
    await vscode.commands.executeCommand('newsCorpus.entities.filter', 'putin');
    const groups = entityRows(corpus);
    const listed = groups.map((group) => entityRows(corpus, group.element).filter((row) => row.element.kind === 'entity').length);
    assert.ok((listed[0] ?? 0) > 0, 'the filter keeps people');
    assert.deepStrictEqual(
      groups.map((group) => String(group.item.description)),
      all.map((count, at) => `${listed[at] ?? 0} of ${count}`),
    );
    assert.match(String(groups[0]?.item.tooltip), /^\d+ of the [\d,]+ people named in the corpus match(es)? the filter$/);
    await vscode.commands.executeCommand('newsCorpus.entities.clearFilter');
    assert.deepStrictEqual(entityRows(corpus).map((group) => String(group.item.description)), all);
  });

  it('lists "Vladimir Putin" with both seed articles, and no separate "Putin" for them', async () => {
    const corpus = await api();
    const putin = await person(corpus, 'Vladimir Putin');
    assert.match(String(putin.item.description), /^\d+ articles · \d+ mentions$/);
    // The tooltip is made when it is shown (with the entries likely the same as the entity).
    assert.strictEqual(putin.item.tooltip, undefined);
    assert.match(String(corpus.entitiesTree.resolveTreeItem(putin.item, putin.element).tooltip), /^Vladimir Putin \(person\)\n\d+ articles, \d+ mentions\nAlso written: .*Putin/);
    const articles = (entityRows(corpus, putin.element)).map((row) => fileName(row.item));
    assert.strictEqual(articles.length, articleCountOf(putin.item));
    assert.ok(articles.includes(SEED_MEETING) && articles.includes(SEED_ARRIVAL), articles.join(', '));
    // A sample article that writes only "Putin" may list a "Putin" of its own; the seeds, which name him in full, never do.
    await vscode.commands.executeCommand('newsCorpus.entities.filter', 'putin');
    for (const row of entityRows(corpus, (entityRow(corpus, 'People')).element)) {
      if (label(row.item) === 'Vladimir Putin') continue;
      const theirs = (entityRows(corpus, row.element)).map((article) => fileName(article.item));
      assert.ok(!theirs.includes(SEED_MEETING) && !theirs.includes(SEED_ARRIVAL), `${label(row.item)} claims a seed article`);
    }
  });

  it('names the period of a year or month row with its count in the tooltip (which is also what a screen reader says)', async () => {
    const corpus = await api();
    // The United States is named in more than 50 sample articles, which therefore come by year.
    const [year] = entityRows(corpus, entityRow(corpus, 'United States', entityRow(corpus, 'Places').element).element);
    assert.ok(year?.element.kind === 'period', 'years first');
    assert.match(String(year.item.tooltip), /^\d{4} · [\d,]+ articles?$/);
    assert.ok(String(year.item.tooltip).startsWith(`${label(year.item)} · `));
    const [month] = entityRows(corpus, year.element);
    if (month?.element.kind === 'period') assert.match(String(month.item.tooltip), /^[A-Z][a-z]+ \d{4} · [\d,]+ articles?$/);
  });

  it('makes "Kim Jong-Un" and "Kim Jong-un" one entity with both articles', async () => {
    const corpus = await api();
    const kim = await person(corpus, 'Kim Jong-un');
    assert.match(String(corpus.entitiesTree.resolveTreeItem(kim.item, kim.element).tooltip), /Also written: .*Kim Jong-Un/);
    const articles = (entityRows(corpus, kim.element)).map((row) => fileName(row.item));
    assert.ok(articles.includes(SEED_MEETING) && articles.includes(SEED_ARRIVAL), articles.join(', '));
    const people = (entityRows(corpus, (entityRow(corpus, 'People')).element)).map((row) => label(row.item));
    assert.deepStrictEqual(people, ['Kim Jong-un'], 'no separate "Kim Jong-Un"');
  });

  it('goes from "Sergei Lavrov" to his one article and opens his mention with the name selected', async () => {
    const corpus = await api();
    const lavrov = await person(corpus, 'Sergei Lavrov');
    const [article] = entityRows(corpus, lavrov.element);
    assert.ok(article);
    assert.strictEqual(fileName(article.item), SEED_MEETING);
    // The article's tooltip, made when shown, gives its whole first sentence, which the row cuts at 160 characters.
    assert.match(String(corpus.entitiesTree.resolveTreeItem(article.item, article.element).tooltip), /Vostochny Space Center\.\n2023-09-13 · /);
    const [mention] = entityRows(corpus, article.element);
    assert.ok(mention?.item.command, 'the mention opens the article');
    const mentionLabel = mention.item.label as vscode.TreeItemLabel;
    const [[from, to] = [0, 0]] = (mentionLabel.highlights ?? []) as [number, number][];
    assert.strictEqual(mentionLabel.label.slice(from, to), 'Sergei Lavrov', 'the line preview highlights the name');
    // Read aloud, the row says its quoted line, not only where it is (the tooltip alone was "Line 1, column 415").
    const spoken = mention.item.accessibilityInformation?.label ?? '';
    assert.ok(spoken.startsWith(`${mentionLabel.label}, line `), spoken);
    assert.match(spoken, /, line \d+, column \d+$/);
    await vscode.commands.executeCommand(mention.item.command.command, ...(mention.item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.strictEqual(editor.document.uri.path.replace(/^.*\//, ''), SEED_MEETING);
    assert.strictEqual(editor.document.getText(editor.selection), 'Sergei Lavrov');
  });

  it('opens an article to the side, copies its path and reveals it in the Dates view and the Explorer', async () => {
    const corpus = await api();
    const [article] = entityRows(corpus, (await person(corpus, 'Sergei Lavrov')).element);
    assert.ok(article?.item.resourceUri);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('newsCorpus.openToSide', article.element);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), article.item.resourceUri.toString());
    assert.strictEqual(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.Two, 'beside the active group');
    await vscode.commands.executeCommand('newsCorpus.copyPath', article.element);
    assert.strictEqual(await vscode.env.clipboard.readText(), article.item.resourceUri.fsPath);
    // Both reveal the article in a view; they must accept the tree's element and not fail.
    await vscode.commands.executeCommand('newsCorpus.revealInDates', article.element);
    await vscode.commands.executeCommand('newsCorpus.revealInExplorer', article.element);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('searches exactly the articles of an entity', async () => {
    const corpus = await api();
    const kim = await person(corpus, 'Kim Jong-un');
    const articles = (entityRows(corpus, kim.element)).map((row) => row.item.resourceUri?.toString()).sort();
    const found = corpus.search('person:="Kim Jong-un"', { limit: 100 });
    assert.ok(found?.ok);
    assert.deepStrictEqual(found.hits.map((hit) => vscode.Uri.file(hit.path).toString()).sort(), articles);
  });

  it('splits an entity of more than 50 articles into years, newest first, each listing at most 50', async () => {
    const corpus = await api();
    const unitedStates = entityRow(corpus, 'United States', (entityRow(corpus, 'Places')).element);
    const articleCount = articleCountOf(unitedStates.item);
    assert.ok(articleCount > 50, `United States is named in ${articleCount} sample articles`);
    const years = entityRows(corpus, unitedStates.element);
    const labels = years.map((row) => label(row.item));
    assert.ok(labels.every((year) => /^\d{4}$/.test(year)), labels.join(', '));
    assert.deepStrictEqual(labels, [...labels].sort().reverse(), 'newest year first');
    assert.strictEqual(years.reduce((sum, row) => sum + Number(row.item.description), 0), articleCount, 'the years hold every article');
    for (const year of years) {
      const children = entityRows(corpus, year.element);
      assert.ok(children.length <= 50, `${label(year.item)} lists ${children.length}`);
    }
  });

  it('searches a large entity precisely: exactly its articles, where a plain name filter finds more', async () => {
    const corpus = await api();
    const trump = await person(corpus, 'Donald Trump');
    const articleCount = articleCountOf(trump.item);
    const exact = corpus.search('person:="Donald Trump"', { limit: 1000 });
    const loose = corpus.search('person:Trump', { limit: 1000 });
    assert.ok(exact?.ok && loose?.ok);
    assert.strictEqual(exact.total, articleCount);
    assert.ok(loose.total >= exact.total);
  });

  it('sorts by name and filters by name through its commands, and says which filter is on', async () => {
    const corpus = await api();
    const people = async () => (entityRows(corpus, (entityRow(corpus, 'People')).element)).map((row) => label(row.item));
    const counts = async () => {
      const group = entityRow(corpus, 'People');
      return (entityRows(corpus, group.element)).filter((row) => row.element.kind === 'entity').map((row) => articleCountOf(row.item));
    };
    const byArticles = await counts();
    assert.ok(byArticles.length > 100, `a first page of people (${byArticles.length})`);
    assert.deepStrictEqual(byArticles, [...byArticles].sort((a, b) => b - a), 'most articles first');
    try {
      await vscode.commands.executeCommand('newsCorpus.entities.sort', 'name');
      const byName = (await people()).filter((name) => !name.startsWith('Show '));
      const identity = (name: string) => name.toLowerCase().replace(/^the /, '');
      assert.deepStrictEqual(byName, [...byName].sort((a, b) => (identity(a) < identity(b) ? -1 : identity(a) > identity(b) ? 1 : 0)));
      await vscode.commands.executeCommand('newsCorpus.entities.filter', 'SERGEI LAV');
      assert.deepStrictEqual(await people(), ['Sergei Lavrov'], 'the filter ignores case');
      assert.strictEqual(corpus.viewMessage('entities'), 'Showing names containing "SERGEI LAV". Clear it with the Clear Entity Filter button above.');
      // The button is the command's icon in the title bar, whose tooltip is the command's title.
      const commands = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string; title: string }[] } }).contributes.commands;
      const clearTitle = commands.find((command) => command.command === 'newsCorpus.entities.clearFilter')?.title;
      assert.ok(corpus.viewMessage('entities').includes(`with the ${clearTitle} button`), `the message names the button as its tooltip does (${clearTitle})`);
    } finally {
      await vscode.commands.executeCommand('newsCorpus.entities.clearFilter');
      await vscode.commands.executeCommand('newsCorpus.entities.sort', 'articles');
    }
    assert.deepStrictEqual([await counts(), corpus.viewMessage('entities')], [byArticles, '']);
  });

  it('follows a created and a deleted article in its counts', async () => {
    const corpus = await api();
    const uri = workspaceUri('entities-live.txt');
    await person(corpus, 'Sergei Lavrov');
    const lavrovArticles = () => entityRows(corpus, entityRow(corpus, 'Sergei Lavrov', entityRow(corpus, 'People').element).element).length;
    assert.strictEqual(lavrovArticles(), 1);
    const putinArticles = articleCountOf((await person(corpus, 'Vladimir Putin')).item);
    await person(corpus, 'Sergei Lavrov');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(' date 2024-02-01 Foreign Minister Sergei Lavrov met Vladimir Putin in Moscow on Thursday.\n'));
    let expanded: EntityTreeElement | undefined;
    try {
      await corpusBecomes('the new article counts for Sergei Lavrov', () => lavrovArticles() === 2, corpus);
      assert.strictEqual(articleCountOf((await person(corpus, 'Vladimir Putin')).item), putinArticles + 1);
      const lavrov = await person(corpus, 'Sergei Lavrov');
      expanded = (entityRows(corpus, lavrov.element)).find((row) => row.item.resourceUri?.toString() === uri.toString())?.element;
      assert.ok(expanded, 'the new article is listed under Sergei Lavrov');
      assert.strictEqual((entityRows(corpus, expanded)).length, 1, 'with its one mention');
    } finally {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
    await person(corpus, 'Sergei Lavrov');
    await corpusBecomes('the deleted article no longer counts', () => lavrovArticles() === 1, corpus);
    assert.deepStrictEqual(entityRows(corpus, expanded), [], 'an article expanded before it was deleted lists nothing, and does not fail');
  });
});

describe('In This Article view', () => {
  function articleEntities(corpus: NewsCorpusApi): { element: ArticleEntityElement; name: string }[] {
    return corpus.articleEntities
      .getChildren()
      .flatMap((group) => corpus.articleEntities.getChildren(group))
      .map((element) => ({ element, name: label(corpus.articleEntities.getTreeItem(element)) }));
  }
  const articleEntityNames = (corpus: NewsCorpusApi) => articleEntities(corpus).map(({ name }) => name);

  it('follows the active editor: the entities of an article, none for another file', async () => {
    const corpus = await api();
    await vscode.window.showTextDocument(workspaceUri(SEED_MEETING));
    await articleViewBecomes('the view shows the article', () => articleEntityNames(corpus).includes('Sergei Lavrov'), corpus);
    const names = articleEntityNames(corpus);
    assert.ok(names.includes('Vladimir Putin') && names.includes('Kim Jong-un'), names.join(', '));
    await vscode.window.showTextDocument(workspaceUri('README.md'));
    await articleViewBecomes('the view is empty for a file that is not an article', () => articleEntityNames(corpus).length === 0, corpus);
  });

  it('keeps the article in view while a panel beside it has the focus, and leaves it once it is closed', async () => {
    const corpus = await api();
    const editor = await vscode.window.showTextDocument(workspaceUri(SEED_ARRIVAL), { viewColumn: vscode.ViewColumn.One });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await articleViewBecomes('the view shows the article', () => articleEntityNames(corpus).includes('Vladimir Putin'), corpus);
    const panel = vscode.window.createWebviewPanel('newsCorpusTest.beside', 'Beside', vscode.ViewColumn.Two);
    try {
      await articleViewBecomes('the panel has the focus', () => vscode.window.activeTextEditor === undefined, corpus);
      assert.ok(articleEntityNames(corpus).includes('Vladimir Putin'), articleEntityNames(corpus).join(', '));
      const putin = articleEntities(corpus).find(({ name }) => name === 'Vladimir Putin')?.element;
      await vscode.commands.executeCommand('newsCorpus.selectNextMention', putin);
      assert.match(editor.document.getText(editor.selection), /^(Vladimir )?Putin$/, 'the view\'s rows still select in the article');
      await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await articleViewBecomes('the view is empty once the article is closed', () => articleEntityNames(corpus).length === 0, corpus);
    } finally {
      panel.dispose();
    }
  });

  it('is not refreshed when the corpus changes around the active article', async () => {
    const corpus = await api();
    await vscode.window.showTextDocument(workspaceUri(SEED_MEETING));
    await articleViewBecomes('the view shows the article', () => articleEntityNames(corpus).includes('Sergei Lavrov'), corpus);
    // Changes of other tests' files (their entities leaving the index refresh the view) are done with first.
    await corpus.whenIdle();
    const shown = articleEntityNames(corpus);
    let refreshes = 0;
    const counting = corpus.articleEntities.onDidChangeTreeData(() => refreshes++);
    // Another article, without names: the corpus changes, its entities do not (a build lists thousands such).
    const other = workspaceUri('in-this-article-other.txt');
    try {
      await vscode.workspace.fs.writeFile(other, new TextEncoder().encode(' date 2024-03-02 only lowercase words here.\n'));
      await corpusBecomes('the other article is listed', () => corpus.corpus.article(other.toString()) !== undefined, corpus);
      assert.strictEqual(refreshes, 0);
      assert.deepStrictEqual(articleEntityNames(corpus), shown);
    } finally {
      counting.dispose();
      await vscode.workspace.fs.delete(other, { useTrash: false });
    }
  });

  it('follows an edit before it is saved, and shows names with icon or link syntax as text', async () => {
    const corpus = await api();
    const uri = workspaceUri('in-this-article-edit.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(' date 2024-03-01 Angela Merkel spoke in Berlin.\n'));
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await articleViewBecomes('the view shows the article', () => articleEntityNames(corpus).includes('Angela Merkel'), corpus);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, editor.document.lineAt(0).range.end, ' Emmanuel Macron $(bug) Smith answered [Jacques Chirac](command:workbench.action.quit).');
      await vscode.workspace.applyEdit(edit);
      await articleViewBecomes('the view shows the unsaved edit', () => articleEntityNames(corpus).includes('Emmanuel Macron'), corpus);
      // Shown from the edited document, not from a save: the workbench saves nothing by itself (the test workbenches
      // turn the web's default auto save off), the file still lacks the edit and the index knows no Macron there.
      assert.deepStrictEqual(
        { autoSave: vscode.workspace.getConfiguration('files').get('autoSave'), dirty: editor.document.isDirty, onDisk: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).includes('Macron') },
        { autoSave: 'off', dirty: true, onDisk: false },
      );
      const indexed = corpus.search('macron', { limit: 100 });
      assert.ok(indexed?.ok && !indexed.hits.some((hit) => hit.path.endsWith('in-this-article-edit.txt')), JSON.stringify(indexed));
      // A plain tree label draws no icons: icon syntax reads as written, without the quick pick's escaping backslash.
      for (const name of articleEntityNames(corpus)) assert.doesNotMatch(name, /\\\$\(/, `a backslash shown in "${name}"`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
  });

  it('selects the next mention of an entity on each click', async () => {
    const corpus = await api();
    const editor = await vscode.window.showTextDocument(workspaceUri(SEED_ARRIVAL));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await articleViewBecomes('the view lists Vladimir Putin', () => articleEntityNames(corpus).includes('Vladimir Putin'), corpus);
    const putin = articleEntities(corpus).find(({ name }) => name === 'Vladimir Putin')?.element;
    assert.ok(putin);
    const item = corpus.articleEntities.getTreeItem(putin);
    assert.match(String(item.description), /^\d+ mentions$/);
    const selections: string[] = [];
    for (let click = 0; click < 2; click++) {
      await vscode.commands.executeCommand('newsCorpus.selectNextMention', putin);
      selections.push(`${editor.selection.start.line}:${editor.selection.start.character} ${editor.document.getText(editor.selection)}`);
    }
    assert.match(selections[0] ?? '', / (Vladimir )?Putin$/);
    assert.match(selections[1] ?? '', / (Vladimir )?Putin$/);
    assert.notStrictEqual(selections[0], selections[1], 'the second click moves on');
  });
});
