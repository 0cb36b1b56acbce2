// A reader hovers a name in the raw text of an article and gets the entity's card: who this is according to
// the corpus. The cursor is put on the name with Go to Line/Column, and the hover shown with the keyboard
// (Show or Focus Hover), as a keyboard user would; the card is then looked at in a screenshot.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbench, withWorkbench } from './workbench.mjs';

const ARTICLE = '003_737a2ec1faf8bc49.txt';
/** How long one request for the hover may take to show it, and how many requests are made. */
const HOVER_WAIT_MS = 10_000;
const HOVER_ATTEMPTS = 3;

/** The 1-based line and column of the first `text` in the fixture article. */
async function lineAndColumn(text) {
  const lines = (await readFile(join(Workbench.workspaceFolder(), ARTICLE), 'utf8')).split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(text));
  assert.ok(line >= 0, `"${text}" is in ${ARTICLE}`);
  return { line: line + 1, column: lines[line].indexOf(text) + 1 };
}

describe('Hover card', function () {
  let workbench;
  withWorkbench((opened) => (workbench = opened));

  it('shows the card of Vladimir Putin over "Putin", with its counts and links', async function () {
    await workbench.runCommand('Go to File...');
    await workbench.quickInput().fill(ARTICLE);
    await workbench.quickInputRows().filter({ hasText: ARTICLE }).first().waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.activeEditor();
    const { line, column } = await lineAndColumn('Vladimir Putin');
    await workbench.runCommand('Go to Line/Column...');
    await workbench.quickInput().fill(`:${line}:${column + 'Vladimir '.length + 1}`);
    await workbench.page.keyboard.press('Enter');
    const hover = workbench.page.locator('.monaco-hover').filter({ hasText: 'Vladimir Putin' });
    // The command sometimes lands before the editor has taken the cursor; it is asked again, a few times.
    for (let attempt = 1; ; attempt++) {
      await workbench.runCommand('Show or Focus Hover');
      try {
        await hover.first().waitFor({ timeout: HOVER_WAIT_MS });
        break;
      } catch (error) {
        if (attempt === HOVER_ATTEMPTS) throw error;
        await workbench.page.keyboard.press('Escape');
      }
    }
    const text = await hover.first().innerText();
    assert.match(text, /Vladimir Putin · person/);
    assert.match(text, /\d+ articles · \d+ mentions/);
    assert.match(text, /Show in Entities View/);
    assert.doesNotMatch(text, /undefined|\*\*|\\\$/);
    await workbench.screenshot('16-hover-card');
  });
});
