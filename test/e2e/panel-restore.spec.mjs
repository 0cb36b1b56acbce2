// A reader who left a panel open in a background tab and reloaded the window: showing the panel again gives the one
// panel, not a second tab beside the restored one (VS Code revives a restored panel only once its tab shows).
import { withWorkbench } from './workbench.mjs';

const OVERVIEW = 'Corpus Overview';

describe('A panel restored after a reload', function () {
  let workbench;
  withWorkbench((opened) => (workbench = opened), { prefix: 'panel-restore-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  const tabs = (title) => workbench.page.locator('.tab').filter({ hasText: title });

  it('is the one shown again, in a background tab, rather than a second tab beside it', async function () {
    await workbench.runCommand(`News Corpus: Show ${OVERVIEW}`);
    await workbench.webview().locator('h1', { hasText: OVERVIEW }).waitFor();
    // An article in front: the panel's tab is in the background when the window reloads.
    await workbench.openArticle('003_737a2ec1faf8bc49.txt');

    // The workbench's own reload, as a user gives it: it shuts the window down in order, state saved first.
    const reloaded = workbench.page.waitForEvent('load');
    await workbench.runCommand('Developer: Reload Window');
    await reloaded;
    await workbench.page.locator('.monaco-workbench').waitFor();
    await tabs(OVERVIEW).first().waitFor();
    // The activity bar is drawn from the workbench's cache at once; the extension's status bar item shows that it runs.
    await workbench.page.locator('.statusbar-item[id$="newsCorpus.status"]').waitFor();

    await workbench.runCommand(`News Corpus: Show ${OVERVIEW}`);
    await workbench.webview().locator('h1', { hasText: OVERVIEW }).waitFor();
    await workbench.page.waitForFunction(
      (title) => [...document.querySelectorAll('.tab')].filter((tab) => tab.textContent?.includes(title)).length === 1,
      OVERVIEW,
    );
    await workbench.screenshot('42-panel-restored-once');
  });
});
