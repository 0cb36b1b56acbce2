// A reader finding an entity by name outside the Entities view: Go to Symbol in Workspace and the Entity Network's
// picker describe each entity by its type and its articles, in English ("1 article", not "1 articles").
import * as assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbench, withWorkbench } from './workbench.mjs';

/** Times the name is typed into Go to Symbol in Workspace before the last, and how long each waits for the entity. */
const SYMBOL_ATTEMPTS = 4;
const SYMBOL_WAIT_MS = 5_000;
/** A person the fixture names in one article only. */
const NAME = 'Alexander Kozlov';

describe('Entity pickers', function () {
  let workbench;
  withWorkbench((opened) => (workbench = opened), { prefix: 'entity-pickers-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });
  after(async function () {
    await rm(join(Workbench.workspaceFolder(), '.newscorpus'), { recursive: true, force: true });
  });

  it('says "1 article" in Go to Symbol in Workspace', async function () {
    // The article in an editor: the extension runs once the News Article language is in use.
    await workbench.openArticle('003_737a2ec1faf8bc49.txt');
    await workbench.page.keyboard.press('Control+T');
    // The picker asks once per input: asked before the entities are loaded, it says "No matching workspace symbols"
    // until the input changes. Typing the same name again is no change, so the input is cleared before each try.
    const row = workbench.quickInputRows().filter({ hasText: NAME }).filter({ hasText: /person · 1 article(?!s)/ }).first();
    const typeName = async () => {
      await workbench.quickInput().fill('#');
      await workbench.quickInput().fill(`#${NAME}`);
    };
    for (let attempt = 1; attempt < SYMBOL_ATTEMPTS && !(await row.isVisible()); attempt++) {
      await typeName();
      await row.waitFor({ timeout: SYMBOL_WAIT_MS }).catch(() => undefined);
    }
    await typeName();
    await row.waitFor();
    await workbench.screenshot('47-workspace-symbols');
    await workbench.closeQuickInput();
  });

  it('says "1 article" in the Entity Network\'s picker', async function () {
    await workbench.answerCommand('News Corpus: Show Entity Network', 'kozlov');
    await workbench.quickInputRows().filter({ hasText: NAME }).filter({ hasText: /person, 1 article(?!s)/ }).first().waitFor();
    await workbench.screenshot('48-network-picker');
    await workbench.closeQuickInput();
  });

  it('opens the Entity Network at once for a whole name that only one entity has, without a list of it alone', async function () {
    await workbench.answerCommand('News Corpus: Show Entity Network', 'alexander kozlov');
    await workbench.webview().locator('h1', { hasText: `Entity Network: ${NAME}` }).waitFor();
    assert.equal(await workbench.quickInput().isVisible(), false, 'no picker');
    await workbench.runCommand('View: Close All Editor Groups');
  });

  it('offers the near spellings of a name that matches none in the Entity Network\'s picker, and says so', async function () {
    await workbench.answerCommand('News Corpus: Show Entity Network', 'Kozlof');
    // It listed nothing, "0 Results", without a word.
    await workbench.quickInput().and(workbench.page.locator('[placeholder="No entity named \\"Kozlof\\": pick a near spelling"]')).waitFor();
    await workbench.quickInputRows().filter({ hasText: NAME }).first().waitFor();
    await workbench.screenshot('48a-network-picker-near');
    await workbench.closeQuickInput();
  });

  it('says why the Entity Network\'s picker has nothing to pick for a name far from every entity', async function () {
    await workbench.answerCommand('News Corpus: Show Entity Network', 'Zyxwvut');
    await workbench.quickInputRows().filter({ hasText: 'No entity\'s name contains "Zyxwvut", nor one spelled close to it.' }).waitFor();
    await workbench.screenshot('48b-network-picker-none');
    await workbench.closeQuickInput();
  });

  it('asks which entity to correct when a correction comes from the palette with no name at the cursor', async function () {
    // ux34: Rename Entity… from the palette ended in a message sending the reader to the Entities view.
    await workbench.runCommand('View: Close All Editor Groups');
    await workbench.answerCommand('News Corpus: Rename Entity…', 'kozlov');
    // Titled by the command (ux37: every correction's picker read "Correct an Entity").
    await workbench.quickInputTitle().filter({ hasText: 'News Corpus: Rename Entity' }).waitFor();
    await workbench.quickInputRows().filter({ hasText: NAME }).first().click();
    // The picked entity's rename box, its name to edit.
    await workbench.quickInputTitle().filter({ hasText: new RegExp(`Rename .${NAME}.`) }).waitFor();
    assert.equal(await workbench.quickInput().inputValue(), NAME);
    await workbench.screenshot('48c-rename-picker');
    await workbench.closeQuickInput();
  });

  it('asks whose facts to edit when Edit Facts comes from the palette with no article open, and opens the entry', async function () {
    // ux38: with no article the active editor, the palette did not list Edit Facts at all.
    await workbench.runCommand('View: Close All Editor Groups');
    await workbench.answerCommand('News Corpus: Edit Facts', 'kozlov');
    await workbench.quickInputTitle().filter({ hasText: 'News Corpus: Edit Facts' }).waitFor();
    await workbench.quickInputRows().filter({ hasText: NAME }).first().click();
    await workbench.page.locator('.editor-group-container.active .tab.active[data-resource-name="entities.json"]').waitFor();
    assert.match((await workbench.activeEditor()).text, new RegExp(`"${NAME}": \\{`));
    await workbench.screenshot('48d-edit-facts-picked');
  });
});

