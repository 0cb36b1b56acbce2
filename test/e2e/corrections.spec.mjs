// An editor correcting the entity engine from an article: select a word, Mark as Organization for this article only,
// read the confirmation and see the word among the article's symbols; mark a second word, then take the first back
// with its own (older) Undo button, which leaves the second; the messages read as English, and an Undo clicked again
// says it was already done; a clause selected by mistake is asked about before anything is marked.
import * as assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbench, withWorkbench } from './workbench.mjs';

const ARTICLE = '003_737a2ec1faf8bc49.txt';
/** Line 15 of the article starts "If an agreement is reached"; the words from its seventh and twentieth columns are marked. */
const WORD = 'agreement';
const CONFIRMED = `"${WORD}" is an organization in ${ARTICLE}.`;
const LATER_WORD = 'reached';
const LATER_CONFIRMED = `"${LATER_WORD}" is an organization in ${ARTICLE}.`;

describe('Corrections from an article', function () {
  let workbench;
  after(async function () {
    await rm(join(Workbench.workspaceFolder(), '.newscorpus'), { recursive: true, force: true });
  });
  withWorkbench((opened) => (workbench = opened), { prefix: 'corrections-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  /** Selects `text`, the words from `column` of line 15 of the open article (Go to Line/Column, then word by word). */
  async function selectAt(column, text) {
    await workbench.page.keyboard.press('Control+G');
    await workbench.quickInput().fill(`:15:${column}`);
    await workbench.activeQuickInputRow().filter({ hasText: `line 15 at column ${column}` }).waitFor();
    await workbench.quickInput().press('Enter');
    await workbench.page.locator('.statusbar-item[id="status.editor.selection"]').filter({ hasText: `Ln 15, Col ${column}` }).waitFor();
    for (let word = 0; word < text.split(' ').length; word++) await workbench.page.keyboard.press('Control+Shift+ArrowRight');
    await workbench.page.locator('.statusbar-item[id="status.editor.selection"]').filter({ hasText: `(${text.length} selected)` }).waitFor();
  }

  /** Selects the word at `column` of line 15 of the open article and marks it as an organization in this article only. */
  async function markAt(column, word) {
    await selectAt(column, word);
    await workbench.runCommand('News Corpus: Mark as Organization');
    await workbench.quickInputTitle().filter({ hasText: `Mark "${word}" as an organization` }).waitFor();
    await workbench.quickInputRows().filter({ hasText: 'Only the occurrences in this article' }).click();
  }

  const factsFile = () => readFile(join(Workbench.workspaceFolder(), '.newscorpus', 'entities.json'), 'utf8');

  it('marks a selected word as an organization in this article, and says so', async function () {
    // The Mark as… commands are offered in News Article editors only.
    await workbench.openArticle(ARTICLE);
    await markAt(7, WORD);
    const confirmation = workbench.notificationToast(CONFIRMED);
    await confirmation.waitFor();
    // The marked word is among the article's symbols (Go to Symbol in Editor, as the Outline): VS Code asks for an
    // editor's symbols again only on an edit, a change of editor or a change of the providers, and a correction is
    // none of the first two. The symbols it had, asked as the article opened, have no "agreement". (The breadcrumbs
    // no longer show it at the cursor: a symbol is its first mention, and the Organizations group its first-named
    // organization's, an earlier one, so that sticky scroll pins no paragraph; see sticky-scroll.spec.mjs.)
    await workbench.runCommand('Go to Symbol in Editor...');
    await workbench.quickInputRows().filter({ hasText: WORD }).waitFor();
    await workbench.screenshot('45-corrections-marked');
    await workbench.closeQuickInput();
  });

  it('takes the first correction back with its own Undo after a later one, quoting the names once and keeping the later one', async function () {
    await markAt(20, LATER_WORD);
    await workbench.notificationToast(LATER_CONFIRMED).waitFor();
    await workbench.notificationToast(CONFIRMED).getByRole('button', { name: 'Undo' }).click();
    const undone = workbench.notificationToast(`undid marking "${WORD}" as an organization in ${ARTICLE}.`);
    await undone.waitFor();
    assert.doesNotMatch(await undone.innerText(), /""/);
    const facts = JSON.parse(await factsFile());
    assert.deepStrictEqual(Object.keys(facts.organizations ?? {}), [LATER_WORD]);
    await workbench.screenshot('46-corrections-undone');
  });

  it('says that a correction was already undone when its Undo is clicked again', async function () {
    await workbench.runCommand('News Corpus: Undo Last Entity Correction');
    await workbench.notificationToast(`undid marking "${LATER_WORD}" as an organization in ${ARTICLE}.`).waitFor();
    await workbench.notificationToast(LATER_CONFIRMED).getByRole('button', { name: 'Undo' }).click();
    // Said either way: as a toast, or in the notification centre (the toast just clicked still closing).
    await workbench.notified(`marking "${LATER_WORD}" as an organization in ${ARTICLE} was already undone.`);
  });

  it('asks before marking a selection that does not look like one name, and marks nothing when cancelled', async function () {
    const clause = 'If an agreement is reached';
    await selectAt(1, clause);
    await workbench.runCommand('News Corpus: Mark as Organization');
    const question = workbench.page.locator('.monaco-dialog-box').filter({ hasText: 'does not look like one name: it has 4 words in lower case (an, agreement, is, reached)' });
    await question.waitFor();
    assert.match(await question.innerText(), /Mark Anyway/);
    await workbench.screenshot('45a-corrections-doubtful-name');
    await workbench.page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    assert.equal(await workbench.quickInput().isVisible(), false, 'no scope was asked');
    assert.doesNotMatch(await factsFile(), new RegExp(clause));
  });

  it('says that the facts file\'s unsaved edits were saved with a correction', async function () {
    // Edit Facts adds the entity's entry to the facts file, unsaved, as a draft for the user to fill in.
    await workbench.cursorAt(ARTICLE, 'Vladimir Putin', 'Vladimir '.length + 1);
    await workbench.runCommand('News Corpus: Edit Facts');
    await workbench.page.locator('.tab.dirty[data-resource-name="entities.json"]').waitFor();
    await workbench.openArticle(ARTICLE);
    await markAt(7, WORD);
    // It said only that the word was marked, and the draft was on disk.
    await workbench.notificationToast(`${CONFIRMED} Your unsaved edits of .newscorpus/entities.json were saved with it.`).waitFor();
    const facts = JSON.parse(await factsFile());
    assert.ok(facts.people['Vladimir Putin'], 'the draft entry was saved');
    assert.ok(facts.organizations[WORD], 'and the correction');
  });

  it('says that the facts file\'s unsaved edits were saved with an undo too', async function () {
    await workbench.cursorAt(ARTICLE, 'Kim Jong-un', 'Kim '.length + 1);
    await workbench.runCommand('News Corpus: Edit Facts');
    await workbench.page.locator('.tab.dirty[data-resource-name="entities.json"]').waitFor();
    await workbench.runCommand('News Corpus: Undo Last Entity Correction');
    // It said only what was undone, and the draft was on disk (ux33).
    await workbench.notificationToast(`undid marking "${WORD}" as an organization in ${ARTICLE}. Your unsaved edits of .newscorpus/entities.json were saved with it.`).waitFor();
    const facts = JSON.parse(await factsFile());
    assert.ok(facts.people['Kim Jong-un'], 'the draft entry was saved');
    assert.equal(facts.organizations?.[WORD], undefined, 'and the correction taken back');
  });
});
