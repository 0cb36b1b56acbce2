// A reader's path through the Dates view: open the News Corpus container, drill down
// year → month → day to the seed articles of 2023-09-13, and open one in an editor.
// The steps build on each other, so they share one workbench page and run in order.
import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Workbench, withWorkbench } from './workbench.mjs';

const ARTICLE_LEVEL = 4;

describe('Dates view', function () {
  let workbench;
  withWorkbench((opened) => (workbench = opened));

  it('opens the News Corpus container from the activity bar', async function () {
    await workbench.activityBarItem('News Corpus').waitFor();
    await workbench.screenshot('01-workbench');
    await workbench.openViewContainer('News Corpus');
    await workbench.treeRows('Dates').first().waitFor();
    await workbench.screenshot('02-news-corpus-view');
  });

  it('expands a year, a month and a day', async function () {
    const rows = workbench.treeRows('Dates');
    await workbench.expandTreeRow(rows, 1, '2023');
    await workbench.expandTreeRow(rows, 2, 'September');
    await workbench.expandTreeRow(rows, 3, '13');
    await workbench.rowsAtLevel(rows, ARTICLE_LEVEL).first().waitFor();
    await workbench.screenshot('03-dates-expanded');
  });

  it('opens a clicked article in an editor with its text', async function () {
    await workbench.clickTreeRow(workbench.treeRows('Dates'), ARTICLE_LEVEL);
    const editor = await workbench.activeEditor();
    assert.ok(editor.fileName, 'the opened editor has no file name');
    const article = await readFile(await findFixture(editor.fileName), 'utf8');
    const firstLine = article.split('\n', 1)[0].trim().slice(0, 80);
    assert.ok(editor.text.includes(firstLine), `the editor of ${editor.fileName} does not show its first line "${firstLine}"`);
    // The keyboard stays in the view, as the Explorer's does on a click (ux34: Enter typed a line break into the article).
    assert.ok(await workbench.page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-list'))), 'the focus stays in the tree');
    await workbench.screenshot('04-article-open');
  });

  it('gives the whole title in an article\'s tooltip, where the row cuts it', async function () {
    const row = workbench.rowsAtLevel(workbench.treeRows('Dates'), ARTICLE_LEVEL).filter({ hasText: 'Kim Jong-Un arrived in Russia this week' }).first();
    assert.match(await row.innerText(), /…/);
    await row.hover();
    const tooltip = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'at the Russian Vostochny Space Center.', visible: true }).first();
    await tooltip.waitFor();
    assert.match(await tooltip.innerText(), /Space Center\.\n2023-09-13 · /);
    await workbench.screenshot('04a-article-tooltip');
    await workbench.page.mouse.move(0, 0);
  });

  it('says in the status bar what a rescan asked for found', async function () {
    await workbench.indexComplete();
    await workbench.runCommand('News Corpus: Rescan Workspace');
    await workbench.page.locator('.statusbar').getByText(/News Corpus: rescanned, [\d,]+ files unchanged, (none|[\d,]+) read, in \d+\.\d s/).waitFor();
    await workbench.screenshot('04b-rescanned');
  });
});

/** The fixture file named `fileName`, wherever it sits in the workspace. */
async function findFixture(fileName) {
  const workspace = Workbench.workspaceFolder();
  const files = await readdir(workspace, { recursive: true });
  const match = files.find((file) => basename(file) === fileName);
  assert.ok(match, `${fileName} is not a file of ${workspace}`);
  return join(workspace, match);
}
