// An analyst's search workflow: type a query, keep the index's ranking in the search box, press Enter to list
// every result in the Search Results view, open one at its match, step with F4, save the search and find it
// again after reloading the window, delete it and take that back, export the results and open the file.
import * as assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbench, withWorkbench } from './workbench.mjs';

/**
 * Two articles where the index and the quick pick's own sorting disagree: the report says "quokka" five times
 * and ranks first, the park story ranks second, but only its title contains the typed letters ("Quokkas"), so
 * a quick pick that sorts by label (microsoft/vscode#73904) would put it first.
 */
const ARTICLES = {
  'wildlife-report.txt': ' date 2019-04-02 Island wildlife report from the ranger station.\n\nA quokka was seen at dawn. Another quokka followed, then a third quokka. The quokka population is growing, and every quokka counted was healthy.\n',
  'quokkas-park.txt': ' date 2019-04-03 Quokkas seen in the park again.\n\nVisitors took photos. One quokka stayed for an hour.\n',
};
const BEST = 'Island wildlife report from the ranger station.';
const SECOND = 'Quokkas seen in the park again.';

describe('Search Results view', function () {
  let workbench;
  before(async function () {
    for (const [name, text] of Object.entries(ARTICLES)) await writeFile(join(Workbench.workspaceFolder(), name), text);
  });
  after(async function () {
    for (const name of [...Object.keys(ARTICLES), 'quokka.csv']) await rm(join(Workbench.workspaceFolder(), name), { force: true });
  });
  withWorkbench((opened) => (workbench = opened), { prefix: 'search-results-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  const resultRows = () => workbench.treeRows('Search Results');

  it('keeps the index ranking in the search box, although a weaker title contains the typed word', async function () {
    await workbench.runCommand('News Corpus: Search Articles');
    await workbench.quickInput().fill('quokka');
    await workbench.quickInputTitle().filter({ hasText: /2 articles in [\d.]+ ms/ }).waitFor();
    const rows = workbench.quickInputRows();
    await rows.filter({ hasText: SECOND }).waitFor();
    const texts = await rows.allTextContents();
    assert.match(texts[0] ?? '', /Show all 2 results in the Search Results view/);
    assert.match(texts[1] ?? '', new RegExp(BEST.replace('.', '\\.')));
    assert.match(texts[2] ?? '', new RegExp(SECOND.replace('.', '\\.')));
    await workbench.screenshot('30-search-results-ranking');
  });

  it('lists every result in the Search Results view on Enter, under the query with its total', async function () {
    // The box of the test before, unless the workbench's focus moved and closed it (once in a full run, 09:22): then
    // asked again, as a user would.
    if (!(await workbench.quickInput().isVisible())) {
      await workbench.runCommand('News Corpus: Search Articles');
      await workbench.quickInput().fill('quokka');
      await workbench.quickInputTitle().filter({ hasText: /2 articles in [\d.]+ ms/ }).waitFor();
    }
    await workbench.quickInput().press('Enter');
    const group = workbench.rowsAtLevel(resultRows(), 1).filter({ hasText: 'quokka' }).first();
    await group.waitFor();
    assert.match(await group.textContent(), /quokka\s*2 articles/);
    const results = workbench.rowsAtLevel(resultRows(), 2);
    await results.filter({ hasText: SECOND }).waitFor();
    const texts = await results.allTextContents();
    // The date first: after a long title a narrow sidebar cut it off.
    assert.match(texts[0] ?? '', /^2019-04-02 · Island wildlife report.*wildlife-report\.txt/);
    assert.match(texts[1] ?? '', /^2019-04-03 · Quokkas seen in the park.*quokkas-park\.txt/);
    await workbench.screenshot('31-search-results-view');
  });

  it('opens a result with the selection on its match', async function () {
    await workbench.clickTreeRow(resultRows(), 2, SECOND);
    const editor = await workbench.activeEditor();
    assert.equal(editor.fileName, 'quokkas-park.txt');
    await workbench.page.locator('.statusbar-item[id="status.editor.selection"]').filter({ hasText: /\(6 selected\)/ }).waitFor();
    await workbench.screenshot('32-search-results-opened');
  });

  it('steps to the next result with F4, wrapping around to the best one', async function () {
    await workbench.page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await workbench.page.keyboard.press('F4');
    await workbench.page.locator('.editor-group-container.active .tab.active[data-resource-name="wildlife-report.txt"]').waitFor();
    assert.match(await workbench.selectionStatus(), /\(6 selected\)/);
    await workbench.screenshot('33-search-results-next');
  });

  it('sorts the results by date from the view\'s title button, and back by relevance (ux38: no chronology)', async function () {
    const header = workbench.page.locator('.sidebar .pane-header[aria-label^="Search Results"]');
    // The title's buttons show while the pointer is over the header.
    await header.hover();
    await header.locator('.action-label[aria-label="Sort Search Results by Date"]').click();
    await workbench.rowsAtLevel(resultRows(), 1).filter({ hasText: /quokka\s*2 articles · newest first/ }).waitFor();
    const results = workbench.rowsAtLevel(resultRows(), 2);
    await results.first().filter({ hasText: SECOND }).waitFor();
    // Said in the view's title too, which a long query's row cuts off in a narrow sidebar (ux38).
    await header.filter({ hasText: '2 articles · newest first' }).waitFor();
    await workbench.screenshot('33a-search-results-by-date');
    await header.hover();
    await header.locator('.action-label[aria-label="Sort Search Results by Relevance"]').click();
    await results.first().filter({ hasText: BEST }).waitFor();
    assert.doesNotMatch(await workbench.rowsAtLevel(resultRows(), 1).filter({ hasText: 'quokka' }).first().textContent(), /newest first/);
  });

  it('saves the search under a name, which survives a reload of the window', async function () {
    await workbench.runCommand('News Corpus: Save Search…');
    await workbench.quickInput().fill('Quokka sightings');
    await workbench.page.keyboard.press('Enter');
    await workbench.rowsAtLevel(resultRows(), 1).filter({ hasText: 'Saved Searches' }).waitFor();
    // The workbench's own reload, as a user gives it: it shuts the window down in order, state saved first.
    const reloaded = workbench.page.waitForEvent('load');
    await workbench.runCommand('Developer: Reload Window');
    await reloaded;
    await workbench.page.locator('.monaco-workbench').waitFor();
    await workbench.openViewContainer('News Corpus');
    await workbench.expandTreeRow(resultRows(), 1, 'Saved Searches');
    const saved = workbench.rowsAtLevel(resultRows(), 2).filter({ hasText: 'Quokka sightings' });
    await saved.waitFor();
    assert.match(await saved.textContent(), /Quokka sightings\s*quokka/);
    await saved.click();
    await workbench.rowsAtLevel(resultRows(), 2).filter({ hasText: BEST }).waitFor();
    await workbench.screenshot('34-search-results-saved-after-reload');
  });

  it('deletes a saved search, and puts it back from the notification\'s Undo', async function () {
    const saved = () => workbench.rowsAtLevel(resultRows(), 2).filter({ hasText: 'Quokka sightings' });
    await workbench.contextMenuAction(saved(), 'Delete Saved Search');
    const toast = workbench.notificationToast('deleted the saved search "Quokka sightings"');
    await toast.waitFor();
    await saved().waitFor({ state: 'detached' });
    await workbench.screenshot('34a-saved-search-deleted');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await saved().waitFor();
  });

  it('exports the results to a file, which the notification opens', async function () {
    await workbench.runCommand('News Corpus: Export Search Results…');
    // The workbench's own save dialog in the browser: a path box, which fills in the file named after the query once
    // it has read the folder.
    await workbench.page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.value.endsWith('/quokka.csv'));
    await workbench.quickInput().press('Enter');
    const toast = workbench.notificationToast('exported 2 results to quokka.csv');
    await toast.waitFor();
    await workbench.screenshot('34b-search-results-exported');
    await toast.getByRole('button', { name: 'Open File' }).click();
    await workbench.page.locator('.editor-group-container.active .tab.active[data-resource-name="quokka.csv"]').waitFor();
    assert.ok((await workbench.activeEditor()).text.includes(BEST), 'the file lists the best result');
  });
  it('lists the entities of the results, the ones in the most first, and narrows the search to the one picked (ux38: who with whom)', async function () {
    await workbench.runCommand('News Corpus: Search Articles');
    await workbench.quickInput().fill('Putin');
    await workbench.quickInputTitle().filter({ hasText: /2 articles in/ }).waitFor();
    await workbench.quickInput().press('Enter');
    const group = workbench.rowsAtLevel(resultRows(), 1).filter({ hasText: /^Putin/ }).first();
    await group.waitFor();
    await workbench.contextMenuAction(group, 'Entities in These Results…');
    await workbench.quickInputTitle().filter({ hasText: 'Entities in 2 Results of Putin' }).waitFor();
    const kim = workbench.quickInputRows().filter({ hasText: 'Kim Jong-un' }).filter({ hasText: 'in 2 articles of 2' });
    await kim.waitFor();
    await workbench.screenshot('34c-search-results-entities');
    await kim.click();
    await workbench.rowsAtLevel(resultRows(), 1).filter({ hasText: 'Putin person:="Kim Jong-un"' }).waitFor();
  });
});
