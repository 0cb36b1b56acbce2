// A new user opens the Get Started walkthrough from the Welcome page's list: its steps are there, each with its page
// (the Markdown the step shows beside it) and its button.
import { withWorkbench } from './workbench.mjs';

const TITLE = 'Get Started with News Corpus Browser';

describe('Get Started walkthrough', function () {
  let workbench;
  withWorkbench((opened) => (workbench = opened), { prefix: 'walkthrough-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  it('shows its steps, and a step\'s page and button', async function () {
    await workbench.runCommand('Welcome: Open Walkthrough...');
    await workbench.quickInputRows().filter({ hasText: TITLE }).first().click();
    const page = workbench.page.locator('.gettingStartedContainer');
    await page.getByText('Open a folder of articles').first().waitFor();
    await page.getByRole('button', { name: 'Search the articles' }).first().click();
    await page.getByRole('button', { name: 'Search Articles' }).first().waitFor();
    // The step's page is the Markdown file beside it, drawn in a frame of its own.
    await workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').getByText('opens the search box').waitFor();
    await workbench.screenshot('67-walkthrough-search');
  });
});
