// A corpus of a year and a half (the fixture's articles run from May 2022 to September 2023): the Corpus Overview's
// chart names the month under each bar, and the year at the first bar and at January. Seventeen bars over "2022" and
// "2023" said which month each was only on hover (ux38).
import * as assert from 'node:assert/strict';
import { withWorkbench } from './workbench.mjs';

describe('The Corpus Overview chart of a short corpus', function () {
  let workbench;
  withWorkbench((opened) => (workbench = opened), { prefix: 'overview-months-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  it('names each month under its bar, with the year at the first bar and at January', async function () {
    await workbench.runCommand('News Corpus: Show Corpus Overview');
    const chart = workbench.webview().locator('svg.chart').first();
    await chart.locator('text', { hasText: /^May 2022$/ }).waitFor();
    const labels = await chart.locator('text').allTextContents();
    for (const label of ['Jan 2023', 'Sep']) assert.ok(labels.includes(label), `"${label}" is under its bar: ${labels.join(' | ')}`);
    assert.ok(!labels.includes('2023'), `no year stands alone: ${labels.join(' | ')}`);
    await workbench.screenshot('42a-overview-months');
  });
});
