// An editor correcting the entity engine from an article: select a word, Mark as Organization for this article only,
// read the confirmation, then take it back with its Undo button; the messages read as English.
import * as assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbench, withWorkbench } from './workbench.mjs';

const ARTICLE = '003_737a2ec1faf8bc49.txt';
/** Line 15 of the article starts "If an agreement is reached"; the word from its seventh column is marked. */
const WORD = 'agreement';
const CONFIRMED = `"${WORD}" is an organization in ${ARTICLE}.`;

describe('Corrections from an article', function () {
  let workbench;
  after(async function () {
    await rm(join(Workbench.workspaceFolder(), '.newscorpus'), { recursive: true, force: true });
  });
  withWorkbench((opened) => (workbench = opened), { prefix: 'corrections-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  it('marks a selected word as an organization in this article, and says so', async function () {
    await workbench.page.keyboard.press('Control+P');
    await workbench.quickInput().fill(ARTICLE);
    await workbench.activeQuickInputRow().filter({ hasText: ARTICLE }).waitFor();
    await workbench.quickInput().press('Enter');
    await workbench.page.locator(`.editor-group-container.active .tab.active[data-resource-name="${ARTICLE}"]`).waitFor();
    // The Mark as… commands are offered in News Article editors only, and the extension switches the file to that
    // language once the corpus knows it: on a slow machine, after the editor has opened.
    await workbench.page.locator('.statusbar-item[id="status.editor.mode"]').filter({ hasText: 'News Article' }).waitFor();
    // Go to Line/Column, then select the word after the cursor.
    await workbench.page.keyboard.press('Control+G');
    await workbench.quickInput().fill(':15:7');
    await workbench.activeQuickInputRow().filter({ hasText: 'line 15 at column 7' }).waitFor();
    await workbench.quickInput().press('Enter');
    await workbench.page.locator('.statusbar-item[id="status.editor.selection"]').filter({ hasText: 'Ln 15, Col 7' }).waitFor();
    await workbench.page.keyboard.press('Control+Shift+ArrowRight');
    await workbench.page.locator('.statusbar-item[id="status.editor.selection"]').filter({ hasText: `(${WORD.length} selected)` }).waitFor();

    await workbench.runCommand('News Corpus: Mark as Organization');
    await workbench.quickInputTitle().filter({ hasText: `Mark "${WORD}" as an organization` }).waitFor();
    await workbench.quickInputRows().filter({ hasText: 'Only the occurrences in this article' }).click();
    const confirmation = workbench.notificationToast(CONFIRMED);
    await confirmation.waitFor();
    await workbench.screenshot('45-corrections-marked');
  });

  it('takes the correction back with the Undo button, quoting the names once', async function () {
    await workbench.notificationToast(CONFIRMED).getByRole('button', { name: 'Undo' }).click();
    const undone = workbench.notificationToast(`undone: ${CONFIRMED}`);
    await undone.waitFor();
    assert.doesNotMatch(await undone.innerText(), /""/);
    await workbench.screenshot('46-corrections-undone');
  });
});
