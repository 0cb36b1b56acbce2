// A reader scrolls down a long article: no line of it stays pinned over the text (VS Code's sticky scroll reads the
// Outline's symbols as scopes), and the breadcrumbs name an entity only with the cursor on it, not a person the
// paragraph under the cursor does not name. The Wikinews monthly campaign summary has 62 lines of long paragraphs.
import * as assert from 'node:assert/strict';
import { withSampleCorpus, withWorkbench } from './workbench.mjs';

const ARTICLE = '000299_fec1310bba1b5c71.txt';
/** The type groups of the Outline, as the breadcrumbs would name them. */
const GROUPS = ['People', 'Places', 'Organizations', 'Other'];

describe('Scrolling an article', function () {
  let workbench;
  withSampleCorpus();
  withWorkbench((opened) => (workbench = opened), { prefix: 'sticky-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  const breadcrumbs = () => workbench.page.locator('.editor-group-container.active .monaco-breadcrumbs .monaco-breadcrumb-item');
  const stickyLines = () => workbench.page.locator('.editor-group-container.active .sticky-widget .sticky-line-content');
  const cursorStatus = () => workbench.page.locator('.statusbar-item[id="status.editor.selection"]');

  it('pins no line over the text, and the breadcrumbs name no entity away from the cursor', async function () {
    // Opened before the corpus knows it, the article is plain text with no entities, and VS Code keeps those (no)
    // symbols through the switch to News Article: the article is opened once the sample is in the Dates view.
    await workbench.openViewContainer('News Corpus');
    await workbench.page.locator('.sidebar .pane-header').filter({ hasText: 'Dates' }).filter({ hasText: /3\d\d articles/ }).waitFor();
    await workbench.openArticle(ARTICLE);
    // The first place the article names, "United States" on line 1: the breadcrumbs show it once the symbols are in,
    // which is also when sticky scroll has them.
    await workbench.runCommand('Go to Line/Column...');
    await workbench.quickInput().fill(':1:106');
    await workbench.quickInput().press('Enter');
    await cursorStatus().filter({ hasText: 'Ln 1, Col 106' }).waitFor();
    await breadcrumbs().filter({ hasText: 'United States' }).waitFor();
    await workbench.screenshot('sticky-01-first-place');

    await workbench.page.keyboard.press('Control+Home');
    for (let page = 0; page < 4; page++) await workbench.page.keyboard.press('PageDown');
    await cursorStatus().filter({ hasText: /Ln (1\d|[2-9]\d),/ }).waitFor();
    // The breadcrumbs follow the cursor: at a line where no entity is first named they end with "…" (the article's
    // symbols, none at the cursor), and name no group, and so no entity.
    await breadcrumbs().last().filter({ hasText: '…' }).waitFor();
    await workbench.screenshot('sticky-02-page-down');
    const named = (await breadcrumbs().allTextContents()).map((text) => text.trim());
    assert.deepStrictEqual(named.filter((text) => GROUPS.includes(text)), [], named.join(' › '));
    assert.deepStrictEqual(await stickyLines().allTextContents(), []);
  });
});
