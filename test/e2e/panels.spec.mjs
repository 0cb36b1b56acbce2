// An analyst looking at the corpus rather than reading it: the Corpus Overview (counts, articles per month,
// top lists filtered by a brushed period), the Timeline, Keyword in Context and the Entity Network, in a dark
// and a light theme, each clicking through to a search or an article.
import * as assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/harness.mjs';
import { Workbench, withWorkbench } from './workbench.mjs';

/** The sample corpus, copied into the workspace for this file and removed after it. */
const SAMPLE_FOLDER = 'wikinews-sample';
/** The fixture workspace's own articles and the 317 samples. */
const ARTICLES = /3[12]\d articles/;
/** Indexing the samples, copied in after the workbench opened, may take a while on a busy machine. */
const INDEXED_TIMEOUT_MS = 80_000;

describe('Corpus panels', function () {
  let workbench;
  const sample = () => join(Workbench.workspaceFolder(), SAMPLE_FOLDER);
  before(async function () {
    await cp(join(repoRoot, 'samples', 'wikinews'), sample(), { recursive: true });
  });
  after(async function () {
    await rm(sample(), { recursive: true, force: true });
  });
  withWorkbench((opened) => (workbench = opened), { prefix: 'panels-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  it('shows the Corpus Overview: counts, articles per month and the top lists', async function () {
    await workbench.runCommand('News Corpus: Show Corpus Overview');
    const view = workbench.webview();
    await view.locator('.counts').filter({ hasText: ARTICLES }).waitFor({ timeout: INDEXED_TIMEOUT_MS });
    assert.match(await view.locator('.counts').textContent(), /skipped files?/);
    assert.ok((await view.locator('.chart rect.bar').count()) > 12, 'a bar per month');
    await view.locator('.lists li').first().waitFor();
    await workbench.screenshot('30-overview-light');
  });

  it('filters the top lists to a period brushed with the keyboard', async function () {
    const view = workbench.webview();
    const people = () => view.locator('.lists section').first().locator('li button:first-child').allTextContents();
    const before = await people();
    await view.locator('.chart').focus();
    await workbench.page.keyboard.press('End');
    await view.locator('.toolbar').filter({ hasText: /Selected: \d{4}-\d{2}(?! to)/ }).waitFor();
    for (let i = 0; i < 11; i++) await workbench.page.keyboard.press('Shift+ArrowLeft');
    await view.locator('.toolbar').filter({ hasText: /Selected: \d{4}-\d{2} to \d{4}-\d{2}/ }).waitFor();
    assert.ok((await view.locator('.chart rect.bar.selected').count()) === 12);
    assert.notDeepEqual(await people(), before, 'the lists follow the period');
    await workbench.screenshot('31-overview-brushed-light');
  });

  it('reads in a dark theme', async function () {
    await workbench.selectColorTheme('Dark Modern');
    await workbench.webview().locator('.chart').waitFor();
    await workbench.screenshot('32-overview-dark');
  });

  it('opens the search of a top entity in that period, and its article', async function () {
    const view = workbench.webview();
    await view.locator('.lists section').first().locator('li button:first-child').first().click();
    await workbench.quickInputRows().first().waitFor();
    assert.match(await workbench.quickInput().inputValue(), /^person:="[^"]+" after:\d{4}-\d{2}-\d{2} before:\d{4}-\d{2}-01$/);
    await workbench.page.keyboard.press('Enter');
    const editor = await workbench.activeEditor();
    assert.match(editor.fileName, /\.txt$/);
  });
});
