// Anyone can name a corpus file like a markdown command link, and VS Code renders `[label](command:…)` in a
// notification as a link that runs the command when clicked. The notifications that name such a file must show
// the name as text: no link, on the real notification path (this code-server runs without the smoke-test
// driver, so toasts are shown).
import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbench } from './workbench.mjs';

/** A link that would type a command into the terminal; the file names below begin with it. */
const COMMAND_LINK = '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D)';
/** The name as the toast must show it, as text: VS Code would turn it into a link labelled "x". */
const SHOWN_AS_TEXT = /\[x\]\u200b?\(command:workbench\.action\.terminal\.sendSequence\?/;

describe('File names that look like command links', function () {
  let workbench;
  const folder = () => join(Workbench.workspaceFolder(), 'hostile');
  const binaryName = `${COMMAND_LINK}-image.txt`;
  const notesName = `${COMMAND_LINK}-notes.txt`;

  before(async function () {
    // In place before the workbench opens, so that the first scan lists them as skipped.
    await mkdir(folder(), { recursive: true });
    await writeFile(join(folder(), binaryName), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
    await writeFile(join(folder(), notesName), 'Notes without a date header.\n');
    workbench = await Workbench.open();
    // The count without a spinner in the status bar means the first scan is done: before it, there are no skipped
    // files to list (rows in the Dates view are not enough: a window lists its saved index before checking the files).
    await workbench.openViewContainer('News Corpus');
    await workbench.treeRows('Dates').first().waitFor();
    await workbench.page.locator('.statusbar-item').filter({ has: workbench.page.locator('.codicon-library') }).first().waitFor();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await workbench.screenshot(`failed-names-${this.currentTest.title.replaceAll(/\W+/g, '-')}`);
    }
  });

  after(async function () {
    await workbench?.close();
    await rm(folder(), { recursive: true, force: true });
  });

  it('names a skipped binary file in its message as text, not as a command link', async function () {
    await workbench.runCommand('News Corpus: Show Skipped Files');
    await workbench.quickInputRows().filter({ hasText: '-image.txt' }).first().click();
    await assertInertToast(workbench.notificationToast('was skipped'));
    await workbench.screenshot('18-hostile-name-skipped');
  });

  it('names a file that could not be opened as text, not as a command link', async function () {
    await workbench.runCommand('News Corpus: Show Skipped Files');
    const row = workbench.quickInputRows().filter({ hasText: '-notes.txt' }).first();
    await row.waitFor();
    // Gone from the disk while the list still shows it: opening it fails, and the message names it.
    await rm(join(folder(), notesName));
    await row.click();
    await assertInertToast(workbench.notificationToast('could not open'));
    await workbench.screenshot('19-hostile-name-not-opened');
  });
});

/** The toast shows the file name as its text, and holds no link at all. */
async function assertInertToast(toast) {
  await toast.waitFor();
  assert.match(await toast.locator('.notification-list-item-message').innerText(), SHOWN_AS_TEXT);
  assert.equal(await toast.locator('.notification-list-item-message a').count(), 0, 'the message holds a link');
  assert.equal(await toast.locator('a[href^="command:"]').count(), 0, 'the toast holds a command link');
}
