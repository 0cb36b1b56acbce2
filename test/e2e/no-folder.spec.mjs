// A user runs the corpus's commands in a window with no folder open: each refuses at once and says to open a folder,
// instead of searching, charting or filtering an empty corpus as if a folder had been read and found so.
import { Workbench } from './workbench.mjs';

/** Each command of the palette that needs a corpus, with what its refusal says it needs a folder for. */
const COMMANDS = [
  ['News Corpus: Search Articles', 'search its articles'],
  ['News Corpus: Show Timeline', 'see its articles over time'],
  ['News Corpus: Show Keyword in Context', 'see words of its articles in their contexts'],
  ['News Corpus: Show Entity Network', 'see which of its entities are named together'],
  ['News Corpus: Filter Entities…', 'filter its entities'],
  ['News Corpus: Show Corpus Overview', 'see an overview of its articles'],
];

describe('Commands in a window with no folder', function () {
  let workbench;
  before(async function () {
    workbench = await Workbench.open({ emptyWindow: true });
    // The palette lists the extension's commands once its contributions are registered, as its view container is.
    await workbench.activityBarItem('News Corpus').waitFor();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench.screenshot('failed-no-folder');
  });
  after(async function () {
    await workbench?.close();
  });

  it('refuse at once, each saying to open a folder, and ask nothing', async function () {
    for (const [title, purpose] of COMMANDS) {
      await workbench.runCommand(title);
      await workbench.notified(`News Corpus: open a folder to ${purpose}.`);
      await workbench.quickInput().waitFor({ state: 'hidden' });
    }
    // Toasts fade or go to the centre: the centre shows every refusal at once.
    await workbench.runCommand('Notifications: Show Notifications');
    await workbench.page.locator('.notifications-center .notification-list-item').filter({ hasText: 'open a folder to search its articles' }).waitFor();
    await workbench.screenshot('66-no-folder-commands');
    await workbench.runCommand('Notifications: Hide Notifications');
  });
});
