// A reader looking at an Entity Network in a wide and in a narrow window: every name drawn is whole or ends in an
// ellipsis inside the chart, and no two are drawn over each other. A fixed 60 px margin cut "South Carolina" to
// "th Carolina" at 760 px, and names crowded at the top of a wide chart overlapped.
import * as assert from 'node:assert/strict';
import { withWorkbench } from './workbench.mjs';

/** The fixture's place with the most neighbours, some with long names ("Natural Resources and Environment"). */
const CENTER = 'Russia';

describe('The Entity Network\'s names', function () {
  let workbench;
  withWorkbench((opened) => (workbench = opened), { prefix: 'panel-network-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  /** The drawn names with their boxes, and the chart's box. */
  const drawnNames = () =>
    workbench
      .webview()
      .locator('svg.network')
      .evaluate((svg) => ({
        chart: svg.getBoundingClientRect().toJSON(),
        names: [...svg.querySelectorAll('g.node')].flatMap((node) => {
          const text = node.querySelector('text');
          return text ? [{ text: text.textContent, full: node.querySelector('title').textContent, box: text.getBoundingClientRect().toJSON() }] : [];
        }),
      }));

  const check = async (screenshot) => {
    await workbench.webview().locator('svg.network g.node').nth(3).waitFor();
    const { chart, names } = await drawnNames();
    await workbench.screenshot(screenshot);
    console.log(`      ${names.length} names drawn in a ${Math.round(chart.width)} px chart`);
    assert.ok(names.length >= 6, `names are drawn: ${names.map(({ text }) => text).join(', ')}`);
    for (const { text, full, box } of names) {
      assert.ok(box.left >= chart.left - 0.5 && box.right <= chart.right + 0.5 && box.top >= chart.top - 0.5 && box.bottom <= chart.bottom + 0.5, `"${text}" is cut off at the chart's edge`);
      assert.ok(full.startsWith(text.endsWith('…') ? text.slice(0, -1).trimEnd() : text), `"${text}" is "${full}" or its start`);
    }
    for (const [index, { text, box }] of names.entries()) {
      for (const other of names.slice(index + 1)) {
        const apart = box.right <= other.box.left || other.box.right <= box.left || box.bottom <= other.box.top || other.box.bottom <= box.top;
        assert.ok(apart, `"${text}" overlaps "${other.text}"`);
      }
    }
  };

  it('draws each name whole and apart from the others in a wide window', async function () {
    // An article in an editor: the extension reads the entities once the News Article language is in use.
    await workbench.openArticle('003_737a2ec1faf8bc49.txt');
    await workbench.runCommand('News Corpus: Show Entity Network');
    await workbench.quickInput().fill(CENTER);
    await workbench.quickInput().press('Enter');
    await workbench.activeQuickInputRow().filter({ hasText: CENTER }).waitFor();
    await workbench.quickInput().press('Enter');
    await workbench.webview().locator('h1', { hasText: `Entity Network: ${CENTER}` }).waitFor();
    await check('50-network-wide');
  });

  it('keeps each name inside the chart in a narrow window', async function () {
    const wide = await workbench.webview().locator('svg.network').getAttribute('width');
    await workbench.page.setViewportSize({ width: 760, height: 700 });
    // Drawn again at the new width.
    await workbench.webview().locator(`svg.network:not([width="${wide}"])`).waitFor();
    await check('51-network-narrow');
  });

  it('ranks by PMI among neighbours of several shared articles, which the slider shows', async function () {
    // ux38: by PMI, names of one article that shared it with the centre filled the network. The slider moves up to 3,
    // but never above the centre's own articles: the fixture's Russia is in 2.
    const view = workbench.webview();
    await view.locator('select[aria-label="Rank neighbours by"]').selectOption('pmi');
    const slider = view.locator('input[aria-label="Minimum shared articles"]');
    await view.locator('label', { hasText: 'At least 2 shared articles' }).waitFor();
    assert.equal(await slider.inputValue(), '2');
    // Back to shared articles, the minimum before is given back (ux38b: it stuck).
    await view.locator('select[aria-label="Rank neighbours by"]').selectOption('shared');
    await view.locator('label', { hasText: 'At least 1 shared article' }).waitFor();
    await view.locator('select[aria-label="Rank neighbours by"]').selectOption('pmi');
    await view.locator('label', { hasText: 'At least 2 shared articles' }).waitFor();
    await workbench.screenshot('51a-network-pmi');
  });

  it('hides the neighbours of a type from its legend button, and copies the neighbours shown as a table (ux38)', async function () {
    const view = workbench.webview();
    const places = view.getByRole('button', { name: 'Places', exact: true });
    await places.click();
    await view.locator('button[aria-pressed="false"]', { hasText: 'Places' }).waitFor();
    // The centre, a place itself, stays.
    await view.locator('svg.network').waitFor();
    assert.equal(await view.locator('g.node circle.LOC').count(), 1, 'no place around Russia');
    assert.ok((await view.locator('g.node circle.PER, g.node circle.ORG').count()) > 0, 'people and organizations stay');
    await workbench.screenshot('51b-network-places-hidden');
    await view.getByRole('button', { name: 'Copy Table' }).click();
    await workbench.page.locator('.statusbar').filter({ hasText: /News Corpus: copied the \d+ entities around “Russia”, tab-separated, for a spreadsheet\./ }).waitFor();
    await view.getByRole('button', { name: 'Places', exact: true }).click();
    await view.locator('button[aria-pressed="true"]', { hasText: 'Places' }).waitFor();
  });
});
