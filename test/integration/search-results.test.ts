import * as assert from 'assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';
import type { ResultElement, SearchResultsElement } from '../../src/search-results/search-results-provider';
import { readCsv } from '../support/csv-reader';
import { api, corpusBecomes, eventually, workspaceUri } from './helpers';

const SEED_MEETING = '000_11aec1007b5c4c05.txt';
const SEED_ARRIVAL = '003_737a2ec1faf8bc49.txt';
/** A word no other article uses, in an article whose title a spreadsheet would run as a formula. */
const INJECTED_WORD = 'zanzibarquux';
/** How often the test presses Enter in a search box that may not have shown yet. */
const ACCEPT_INTERVAL_MS = 250;
const INJECTED_TEXT = ` date 2023-10-01 =HYPERLINK("http://example.invalid","click") says the ${INJECTED_WORD} report.\n\nMore ${INJECTED_WORD} text.`;

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function fileName(result: ResultElement): string {
  return result.id.replace(/^.*\//, '');
}

/** Runs `query` into the view the way the search box's Enter does, and returns the view's group and its children. */
async function show(corpus: NewsCorpusApi, query: string): Promise<{ group: vscode.TreeItem; children: SearchResultsElement[] }> {
  await vscode.commands.executeCommand('newsCorpus.searchResults.show', query);
  return current(corpus);
}

function current(corpus: NewsCorpusApi): { group: vscode.TreeItem; children: SearchResultsElement[] } {
  const element = corpus.searchResults.searchGroup;
  assert.ok(element, 'the view shows a search');
  return { group: corpus.searchResults.getTreeItem(element), children: corpus.searchResults.getChildren(element) };
}

function results(children: readonly SearchResultsElement[]): ResultElement[] {
  return children.filter((child): child is ResultElement => child.kind === 'result');
}

function messageOf(children: readonly SearchResultsElement[]): string {
  const message = children.find((child) => child.kind === 'message');
  assert.ok(message?.kind === 'message', `a message among ${JSON.stringify(children)}`);
  return message.text;
}

/** Resolves once the active editor shows `file` with the selection on text matching `pattern`. */
function editorLandsOn(file: string, pattern: RegExp): Promise<void> {
  const landed = () => {
    const editor = vscode.window.activeTextEditor;
    return editor !== undefined && editor.document.uri.path.endsWith(`/${file}`) && pattern.test(editor.document.getText(editor.selection));
  };
  return eventually(`the editor shows ${file} with ${pattern} selected`, landed, (listener) => {
    const subscriptions = [vscode.window.onDidChangeActiveTextEditor(listener), vscode.window.onDidChangeTextEditorSelection(listener)];
    return () => subscriptions.forEach((subscription) => subscription.dispose());
  });
}

/** Resolves once the view's current search is `query`. */
function viewShows(corpus: NewsCorpusApi, query: string): Promise<void> {
  const shows = () => {
    const group = corpus.searchResults.searchGroup;
    return group?.kind === 'search' && group.query === query;
  };
  return eventually(`the Search Results view shows "${query}"`, shows, (listener) => {
    const subscription = corpus.searchResults.onDidChangeTreeData(listener);
    return () => subscription.dispose();
  });
}

describe('Search Results view (in the real extension host)', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('lists a phrase query under its query with the total, and opens a result at the match', async () => {
    const corpus = await api();
    const { group, children } = await show(corpus, '"Kim Jong-un"');
    assert.strictEqual(label(group), '"Kim Jong-un"');
    assert.strictEqual(group.description, '3 articles');
    assert.strictEqual(group.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const found = results(children);
    assert.deepStrictEqual(found.slice(0, 2).map(fileName).sort(), [SEED_MEETING, SEED_ARRIVAL]);
    const first = found[0];
    assert.ok(first);
    const item = corpus.searchResults.getTreeItem(first);
    assert.match(label(item), /^2023-09-13 · North Korean dictator Kim Jong-[Uu]n arrived in Russia/);
    assert.ok(String(item.description).endsWith(fileName(first)), String(item.description));
    assert.match(String(corpus.searchResults.resolveTreeItem(item, first).tooltip), /Kim Jong-un arrived in Russia/);
    assert.strictEqual(item.command?.command, 'newsCorpus.searchResults.open');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    await editorLandsOn(fileName(first), /^Kim Jong-un$/i);
  });

  it('lists an entity query started from an entity node', async () => {
    const corpus = await api();
    await vscode.commands.executeCommand('newsCorpus.searchEntity', { kind: 'entity', entity: { type: 'PER', name: 'Vladimir Putin' } });
    await viewShows(corpus, 'person:="Vladimir Putin"');
    const { group, children } = current(corpus);
    assert.match(String(group.description), /^\d+ articles$/);
    const files = results(children).map(fileName);
    assert.ok(files.includes(SEED_MEETING) && files.includes(SEED_ARRIVAL), files.join(', '));
  });

  it('lists a date query, and says so when nothing matches, a filter is unknown or the query is malformed', async () => {
    const corpus = await api();
    assert.deepStrictEqual(results((await show(corpus, 'date:2023-09')).children).map(fileName).sort(), [SEED_MEETING, SEED_ARRIVAL]);
    const none = await show(corpus, 'zzyzxq');
    assert.strictEqual(none.group.description, '0 articles');
    assert.strictEqual(messageOf(none.children), 'No articles match.');
    // A date no article has: the message says so with the corpus's dates, not advice on the words (ux38).
    assert.strictEqual(messageOf((await show(corpus, 'date:1900 zzyzxq')).children), 'No article is dated in 1900.');
    // A word written as a filter that names none: the view says so, not only "0 articles", and offers the filter meant.
    const unknown = await show(corpus, 'foo:bar');
    assert.deepStrictEqual([unknown.group.description, messageOf(unknown.children)], ['0 articles', 'There is no filter "foo:"; filters are person:, place:, org:, entity:, date:, on:, after:, before:.']);
    const typo = await show(corpus, 'peson:Zzyzxq');
    assert.strictEqual(messageOf(typo.children), 'There is no filter "peson:": did you mean person:Zzyzxq?');
    // The filter meant comes first, and a click searches it.
    const [meant] = typo.children;
    const meantItem = meant && corpus.searchResults.getTreeItem(meant);
    assert.deepStrictEqual([meantItem?.label, meantItem?.command?.command, meantItem?.command?.arguments], ['Did you mean: person:Zzyzxq', 'newsCorpus.searchResults.show', ['person:Zzyzxq']]);
    const bad = await show(corpus, 'after:2023-13-45');
    assert.strictEqual(bad.group.description, 'invalid query');
    // The product is named by the view; the message says what is wrong and the tooltip marks where.
    assert.strictEqual(messageOf(bad.children), 'after:2023-13-45 — month 13 is not between 01 and 12.');
    const [badMessage] = bad.children;
    assert.match(String(badMessage && corpus.searchResults.getTreeItem(badMessage).tooltip), /^▸after:2023-13-45\n/);
  });

  it('pages through 200 results at a time with "Show more…"', async () => {
    const corpus = await api();
    const total = corpus.search('the', { limit: 0 });
    assert.ok(total?.ok && total.total > 200 && total.total <= 400, `the sample corpus has 201–400 articles with "the": ${JSON.stringify(total)}`);
    const { children } = await show(corpus, 'the');
    assert.strictEqual(results(children).length, 200);
    const more = children.at(-1);
    assert.strictEqual(more?.kind, 'more');
    assert.strictEqual(corpus.searchResults.getTreeItem(more).description, `200 of ${total.total} shown`);
    await vscode.commands.executeCommand('newsCorpus.searchResults.showMore');
    const after = current(corpus).children;
    assert.strictEqual(results(after).length, total.total);
    assert.ok(after.every((child) => child.kind === 'result'), 'no "Show more…" once all are shown');
    assert.deepStrictEqual(results(after).slice(0, 200), results(children), 'the first page stays as it was');
  });

  it('offers "Either word" above the results of a query with "or" in lower case, which it searches as a word', async () => {
    const corpus = await api();
    const { children } = await show(corpus, 'Khasan or Lavrov');
    const [either] = children;
    const item = either && corpus.searchResults.getTreeItem(either);
    assert.deepStrictEqual([item?.label, item?.command?.arguments], ['Either word: Khasan OR Lavrov', ['Khasan OR Lavrov']]);
    assert.ok(results(children).length < results((await show(corpus, 'Khasan OR Lavrov')).children).length, 'the word "or" narrows the results');
  });

  it('sorts the results by date from its title button and back, the export in the view\'s order', async () => {
    const corpus = await api();
    await show(corpus, 'the');
    await vscode.commands.executeCommand('newsCorpus.searchResults.sortByDate');
    try {
      const { group, children } = current(corpus);
      assert.match(String(group.description), /^\d+ articles · newest first$/);
      const dates = results(children).map((result) => result.date);
      const dated = dates.filter((date): date is string => date !== undefined);
      assert.ok(dated.length > 10, `${dated.length} dated results`);
      assert.deepStrictEqual(dated, [...dated].sort().reverse(), 'newest first');
      assert.deepStrictEqual(dates.slice(0, dated.length), dated, 'the undated after the dated');
      const target = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'news-corpus-order-')), 'by-date.csv'));
      await vscode.commands.executeCommand('newsCorpus.searchResults.export', corpus.searchResults.searchGroup, target);
      const exported = readCsv(readFileSync(target.fsPath, 'utf8')).slice(1, dated.length + 1).map((row) => row[1]);
      assert.deepStrictEqual(exported, dated, 'exported in the view\'s order');
    } finally {
      await vscode.commands.executeCommand('newsCorpus.searchResults.sortByRelevance');
    }
    assert.match(String(current(corpus).group.description), /^\d+ articles$/);
  });

  it('steps through the results with next and previous, wrapping around', async () => {
    const corpus = await api();
    const found = results((await show(corpus, 'Khasan OR Lavrov')).children);
    assert.ok(found.length >= 2, `${found.length} results`);
    const [first, second] = found;
    assert.ok(first && second);
    await vscode.commands.executeCommand('newsCorpus.searchResults.next');
    await editorLandsOn(fileName(first), /^(Khasan|Lavrov)$/);
    await vscode.commands.executeCommand('newsCorpus.searchResults.next');
    await editorLandsOn(fileName(second), /^(Khasan|Lavrov)$/);
    await vscode.commands.executeCommand('newsCorpus.searchResults.previous');
    await editorLandsOn(fileName(first), /^(Khasan|Lavrov)$/);
    await vscode.commands.executeCommand('newsCorpus.searchResults.previous');
    const last = found.at(-1);
    assert.ok(last);
    await editorLandsOn(fileName(last), /^(Khasan|Lavrov)$/);
  });

  it('keeps the last 20 queries, newest first, and runs one again on click', async () => {
    const corpus = await api();
    for (let i = 1; i <= 22; i++) await vscode.commands.executeCommand('newsCorpus.searchResults.show', `history${i}`);
    await vscode.commands.executeCommand('newsCorpus.searchResults.show', 'history5');
    const { recent } = corpus.searchResults.history;
    assert.strictEqual(recent.length, 20);
    assert.deepStrictEqual(recent.slice(0, 3), ['history5', 'history22', 'history21']);
    assert.ok(!recent.includes('history1') && !recent.includes('history2'), 'the oldest are dropped');
    const group = corpus.searchResults.getChildren().find((child) => child.kind === 'recent-searches');
    assert.ok(group);
    const [newest] = corpus.searchResults.getChildren(group);
    assert.deepStrictEqual(newest, { kind: 'recent', query: 'history5' });
    await vscode.commands.executeCommand('newsCorpus.searchResults.show', 'Khasan');
    const item = corpus.searchResults.getTreeItem(newest);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.deepStrictEqual(corpus.searchResults.searchGroup, { kind: 'search', query: 'history5' });
    assert.strictEqual(item.accessibilityInformation?.label, 'Recent search: history5');
    // Removed one by one from its row, or all at once from the group (ux34: stale queries stayed).
    await vscode.commands.executeCommand('newsCorpus.searchResults.forgetRecent', newest);
    assert.ok(!corpus.searchResults.history.recent.includes('history5') && corpus.searchResults.history.recent.length === 19);
    assert.strictEqual(corpus.searchResults.getTreeItem(group).contextValue, 'recent-searches');
    await vscode.commands.executeCommand('newsCorpus.searchResults.clearRecent');
    assert.deepStrictEqual(corpus.searchResults.history.recent, []);
    assert.ok(!corpus.searchResults.getChildren().some((child) => child.kind === 'recent-searches'), 'the group goes with them');
  });

  it('offers the name a filter likely meant when it finds nothing, and a click searches it (ux34)', async () => {
    const corpus = await api();
    const misspelt = await show(corpus, 'person:Lavrv');
    assert.strictEqual(messageOf(misspelt.children), 'No articles match.');
    const [meant] = misspelt.children;
    const item = meant && corpus.searchResults.getTreeItem(meant);
    assert.deepStrictEqual([item?.label, item?.command?.arguments], ['Did you mean: person:Lavrov', ['person:Lavrov']]);
    assert.match(String(item?.tooltip), /^No person in the corpus is named "Lavrv"; the nearest name is "Sergei Lavrov"\./);
    assert.ok(results((await show(corpus, 'person:Lavrov')).children).length > 0, 'the name meant finds articles');
  });

  it('shows a chart\'s search without adding it to Recent Searches', async () => {
    const corpus = await api();
    await vscode.commands.executeCommand('newsCorpus.searchResults.show', 'Khasan');
    const before = corpus.searchResults.history.recent;
    await vscode.commands.executeCommand('newsCorpus.searchResults.show', 'Lavrov', { recent: false });
    assert.deepStrictEqual(corpus.searchResults.searchGroup, { kind: 'search', query: 'Lavrov' });
    assert.ok(corpus.searchResults.results.length > 0, 'its results are listed');
    assert.deepStrictEqual(corpus.searchResults.history.recent, before);
  });

  it('saves, renames and deletes a search; a malformed saved query runs to its message', async () => {
    const corpus = await api();
    await show(corpus, 'Khasan');
    await vscode.commands.executeCommand('newsCorpus.searchResults.save', corpus.searchResults.searchGroup, 'Arrival');
    await vscode.commands.executeCommand('newsCorpus.searchResults.save', { kind: 'recent', query: 'after:2023-13-45' }, 'Broken');
    assert.deepStrictEqual(corpus.searchResults.history.saved.slice(-2), [{ name: 'Arrival', query: 'Khasan' }, { name: 'Broken', query: 'after:2023-13-45' }]);
    const savedGroup = corpus.searchResults.getChildren().find((child) => child.kind === 'saved-searches');
    assert.ok(savedGroup);
    const broken = corpus.searchResults.getChildren(savedGroup).find((child) => child.kind === 'saved' && child.name === 'Broken');
    assert.ok(broken);
    const brokenItem = corpus.searchResults.getTreeItem(broken);
    assert.strictEqual(brokenItem.accessibilityInformation?.label, 'Saved search Broken: after:2023-13-45', 'its name is said (ux34)');
    assert.ok(brokenItem.command);
    await vscode.commands.executeCommand(brokenItem.command.command, ...(brokenItem.command.arguments ?? []));
    assert.match(messageOf(current(corpus).children), /^after:2023-13-45 — month 13/);

    await vscode.commands.executeCommand('newsCorpus.searchResults.rename', { kind: 'saved', name: 'Arrival', query: 'Khasan' }, 'Kim arrives');
    assert.ok(corpus.searchResults.history.saved.some((saved) => saved.name === 'Kim arrives' && saved.query === 'Khasan'));
    assert.ok(!corpus.searchResults.history.saved.some((saved) => saved.name === 'Arrival'));
    await vscode.commands.executeCommand('newsCorpus.searchResults.run', { kind: 'saved', name: 'Kim arrives', query: 'Khasan' });
    assert.deepStrictEqual(results(current(corpus).children).map(fileName), [SEED_ARRIVAL]);
    for (const name of ['Kim arrives', 'Broken']) await vscode.commands.executeCommand('newsCorpus.searchResults.delete', { kind: 'saved', name, query: '' });
    assert.ok(!corpus.searchResults.history.saved.some((saved) => saved.name === 'Kim arrives' || saved.name === 'Broken'));
  });

  it('searches for the entity at the cursor, or the selected words, from the editor', async () => {
    const corpus = await api();
    const document = await vscode.workspace.openTextDocument(workspaceUri(SEED_ARRIVAL));
    const editor = await vscode.window.showTextDocument(document);
    const text = document.getText();
    const putin = document.positionAt(text.indexOf('Putin') + 2);
    editor.selection = new vscode.Selection(putin, putin);
    await vscode.commands.executeCommand('newsCorpus.searchForSelection');
    assert.deepStrictEqual(corpus.searchResults.searchGroup, { kind: 'search', query: 'person:="Vladimir Putin"' });
    const station = text.indexOf('railway station');
    editor.selection = new vscode.Selection(document.positionAt(station), document.positionAt(station + 'railway station'.length));
    await vscode.commands.executeCommand('newsCorpus.searchForSelection');
    assert.deepStrictEqual(corpus.searchResults.searchGroup, { kind: 'search', query: '"railway station"' });
    assert.ok(results(current(corpus).children).map(fileName).includes(SEED_ARRIVAL));
  });

  it('searches in a month of the Dates view: the search box opens with its date filter, Enter lists the results', async () => {
    const corpus = await api();
    const month = corpus.datesTree.getChildren({ kind: 'year', year: '2023' }).find((node) => node.kind === 'month' && node.month === '09');
    assert.ok(month, 'September 2023 is in the Dates view');
    await vscode.commands.executeCommand('newsCorpus.searchInPeriod', month);
    // The box shows (and fills) asynchronously: press Enter in it until the view shows the period's search.
    await eventually('Enter in the search box shows "date:2023-09" in the view', () => {
      const group = corpus.searchResults.searchGroup;
      return group?.kind === 'search' && group.query === 'date:2023-09';
    }, (listener) => {
      const timer = setInterval(() => void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem').then(listener), ACCEPT_INTERVAL_MS);
      const subscription = corpus.searchResults.onDidChangeTreeData(listener);
      return () => {
        clearInterval(timer);
        subscription.dispose();
      };
    });
    assert.deepStrictEqual(results(current(corpus).children).map(fileName).sort(), [SEED_MEETING, SEED_ARRIVAL]);
  });

  describe('with an article whose title is a formula', () => {
    const injected = workspaceUri('search-results-injection.txt');
    const folder = mkdtempSync(join(tmpdir(), 'news-corpus-export-'));

    before(async () => {
      const corpus = await api();
      await vscode.workspace.fs.writeFile(injected, new TextEncoder().encode(INJECTED_TEXT));
      await corpusBecomes('the injected article is indexed', () => {
        const response = corpus.search(INJECTED_WORD);
        return response?.ok === true && response.total === 1;
      }, corpus);
    });

    after(async () => {
      const corpus = await api();
      await vscode.workspace.fs.delete(injected).then(undefined, () => undefined);
      await corpusBecomes('the injected article is gone', () => corpus.corpus.article(injected.toString()) === undefined, corpus);
    });

    it('exports all results to CSV, formula cells guarded, and to JSON', async () => {
      const corpus = await api();
      const target = vscode.Uri.file(join(folder, 'results.csv'));
      await show(corpus, `the OR ${INJECTED_WORD}`);
      const total = corpus.searchResults.response;
      assert.ok(total?.ok && total.total > 200, 'more results than the first page');
      const written = await vscode.commands.executeCommand('newsCorpus.searchResults.export', corpus.searchResults.searchGroup, target);
      assert.strictEqual(written, total.total);
      const rows = readCsv(readFileSync(target.fsPath, 'utf8'));
      assert.deepStrictEqual(rows[0], ['path', 'date', 'title', 'score', 'entities', 'snippet']);
      assert.strictEqual(rows.length, total.total + 1, 'every result, not only the first page');
      const injectedRow = rows.find((row) => row[0] === 'search-results-injection.txt');
      assert.ok(injectedRow, 'the injected article is exported');
      assert.strictEqual(injectedRow[1], '2023-10-01');
      assert.match(injectedRow[2] ?? '', /^'=HYPERLINK\("http:\/\/example\.invalid","click"\)/);
      for (const row of rows) for (const cell of row) assert.ok(!/^[=+\-@]/.test(cell), `unguarded cell ${cell}`);
      const arrival = rows.find((row) => row[0] === SEED_ARRIVAL);
      assert.ok(arrival);
      assert.match(arrival[4] ?? '', /Vladimir Putin \(person\)/);
      assert.match(arrival[3] ?? '', /^\d+\.\d{4}$/);

      const jsonTarget = vscode.Uri.file(join(folder, 'results.json'));
      await vscode.commands.executeCommand('newsCorpus.searchResults.export', { kind: 'recent', query: `${INJECTED_WORD} OR Khasan` }, jsonTarget);
      const objects = JSON.parse(readFileSync(jsonTarget.fsPath, 'utf8')) as { path: string; date: string | null; title: string; score: number; entities: { name: string; type: string }[]; snippet: string }[];
      assert.deepStrictEqual(objects.map((object) => object.path).sort(), [SEED_ARRIVAL, 'search-results-injection.txt']);
      const kim = objects.find((object) => object.path === SEED_ARRIVAL);
      assert.ok(kim && kim.date === '2023-09-13' && kim.score > 0 && /Khasan/.test(kim.snippet));
      assert.ok(kim.entities.some((entity) => entity.name === 'Vladimir Putin' && entity.type === 'PER'));
      assert.strictEqual(objects.find((object) => object.path !== SEED_ARRIVAL)?.title.slice(0, 10), '=HYPERLINK', 'JSON keeps the text as it is');
    });

    it('reports a target it cannot write, without throwing', async () => {
      writeFileSync(join(folder, 'not-a-folder'), 'a file');
      const written = await vscode.commands.executeCommand('newsCorpus.searchResults.export', 'Khasan', vscode.Uri.file(join(folder, 'not-a-folder', 'results.csv')));
      assert.strictEqual(written, undefined);
    });

    it('shows fewer results once an article is deleted, and opens a deleted result with a message', async () => {
      const corpus = await api();
      const [result] = results((await show(corpus, INJECTED_WORD)).children);
      assert.ok(result);
      await vscode.workspace.fs.delete(injected);
      await corpusBecomes('the injected article is gone', () => corpus.corpus.article(injected.toString()) === undefined, corpus);
      await eventually('the view runs the search again', () => current(corpus).group.description === '0 articles', (listener) => {
        const subscription = corpus.searchResults.onDidChangeTreeData(listener);
        return () => subscription.dispose();
      });
      await vscode.commands.executeCommand('newsCorpus.searchResults.open', result);
    });
  });
});
