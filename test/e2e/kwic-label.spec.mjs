// A reader asking Keyword in Context for a phrase, quoted as in the search box: the page names it in one pair of
// quotes ("30 occurrences of “white house”"), not two (“"white house"”).
import * as assert from 'node:assert/strict';
import { withWorkbench } from './workbench.mjs';

describe('Keyword in Context of a quoted phrase', function () {
  let workbench;
  withWorkbench((opened) => (workbench = opened), { prefix: 'kwic-label-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  it('names the phrase in one pair of quotes', async function () {
    await workbench.runCommand('News Corpus: Show Keyword in Context');
    await workbench.quickInput().fill('"North Korea"');
    await workbench.page.keyboard.press('Enter');
    const counts = workbench.webview().locator('.counts');
    await counts.filter({ hasText: /occurrences? of/ }).waitFor();
    assert.match(await counts.textContent(), /^\d+ occurrences? of “North Korea” in \d+ articles?/);
    await workbench.page.locator('.tab', { hasText: 'Keyword in Context: North Korea' }).waitFor();
    await workbench.screenshot('49-kwic-quoted-phrase');
  });
});
