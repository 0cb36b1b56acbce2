// A corpus spanning decades whose newest articles are from a January: the Corpus Overview's chart labels its years
// under the axis, the last one too, and none is cut off at the right edge (it was: "202" for 2024, then none).
import * as assert from 'node:assert/strict';
import { withArticles, withWorkbench } from './workbench.mjs';

const FOLDER = 'decades';
/** The oldest and the newest article: 289 months of bars, the last year's January among the last bars. */
const ARTICLES = {
  'oldest.txt': ' date 2000-01-03 The oldest story of the archive.\n',
  'newest.txt': ' date 2024-01-15 The newest story of the archive.\n',
};

describe('The Corpus Overview chart axis', function () {
  let workbench;
  withArticles(FOLDER, ARTICLES);
  withWorkbench((opened) => (workbench = opened), { prefix: 'panel-axis-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  it('labels the years without cutting one off at the right edge', async function () {
    await workbench.runCommand('News Corpus: Show Corpus Overview');
    const chart = workbench.webview().locator('svg.chart').first();
    // Both new articles counted: the chart spans 2000 to 2024.
    await chart.locator('text', { hasText: /^2000$/ }).waitFor();
    const labels = await chart.evaluate((svg) => {
      const right = svg.getBoundingClientRect().right;
      return [...svg.querySelectorAll('text')].map((text) => ({ text: text.textContent, overflow: text.getBoundingClientRect().right - right }));
    });
    assert.ok(labels.some(({ text }) => text === '2020'), `the years are labelled: ${labels.map(({ text }) => text).join(' ')}`);
    // The last year too, ending at the right edge: its January, among the last bars, had no year under it.
    assert.ok(labels.some(({ text }) => text === '2024'), `the last year is labelled: ${labels.map(({ text }) => text).join(' ')}`);
    for (const { text, overflow } of labels) assert.ok(overflow <= 0, `"${text}" runs ${overflow.toFixed(1)} px past the chart's right edge`);
    await workbench.screenshot('43-overview-axis');
  });

  it('keeps each top list count on one line beside a long name', async function () {
    const view = workbench.webview();
    // The fixture's "Natural Resources and Environment" took its row's width and pushed "1 mention" onto two lines.
    await view.locator('.lists li', { hasText: 'Natural Resources and Environment' }).waitFor();
    const counts = await view.locator('.lists li .count').evaluateAll((spans) =>
      spans.map((span) => ({ text: span.textContent, lines: span.getBoundingClientRect().height / (1.2 * parseFloat(getComputedStyle(span).fontSize)) })),
    );
    for (const { text, lines } of counts) assert.ok(lines < 1.5, `"${text}" takes ${lines.toFixed(1)} lines`);
  });
});
