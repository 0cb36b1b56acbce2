// A reader going through a Timeline of many years by keyboard: the cursor first shows at the latest period, Home,
// End, Page Up and Page Down reach the far ones, and Enter lists the articles of the period shown, never of one
// the reader did not move to. It started at the first period, only arrows moved it (some 160 presses from 2006 to
// 2019), and each press drew the page again.
import * as assert from 'node:assert/strict';
import { withArticles, withWorkbench } from './workbench.mjs';

const FOLDER = 'harvests';
/**
 * The oldest article, from January 2006, and one from March 2019: the Timeline of "harvest" spans them (where its
 * series has anything). "orchard" spans half a year of 2019, drawn in weeks.
 */
const ARTICLES = {
  'oldest.txt': ' date 2006-01-10 The harvest of the year was poor.\n',
  'spring.txt': ' date 2019-03-04 A late harvest in spring, in the orchard.\n',
  'autumn.txt': ' date 2019-09-16 The orchard gave apples early.\n',
};

/** The month (`YYYY-MM`) a month's status line starts with ("2019-03-01 to 2019-03-31 — …"). */
const monthOf = (status) => /^(\d{4}-\d{2})-01 to /.exec(status)?.[1];
/** The month `months` after `month`. */
const plusMonths = (month, months) => {
  const at = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
};

describe('The Timeline by keyboard', function () {
  let workbench;
  withArticles(FOLDER, ARTICLES);
  withWorkbench((opened) => (workbench = opened), { prefix: 'panel-keys-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  const status = () => workbench.webview().locator('p.status');
  /** Presses `key` and waits for the status line to name the month `month`. */
  const press = async (key, month) => {
    await workbench.page.keyboard.press(key);
    await status().filter({ hasText: new RegExp(`^${month}-01 to `) }).waitFor();
  };

  it('starts the cursor at the latest period, and moves by a year and to either end', async function () {
    await workbench.runCommand('News Corpus: Show Timeline');
    await workbench.quickInput().fill('harvest');
    await workbench.quickInput().press('Enter');
    const chart = workbench.webview().locator('svg.chart');
    // Both new articles counted: the chart spans from 2006 on and draws the 2019 one.
    await chart.locator('text', { hasText: /^2006$/ }).waitFor();
    await chart.locator('rect.bar.s0').nth(1).waitFor();
    await chart.focus();
    // Enter before any move: no period is chosen, none is searched (checked below, in the Search Results view).
    await workbench.page.keyboard.press('Enter');
    assert.equal(await chart.locator('rect.cursor[visibility="visible"]').count(), 0, 'no cursor before a move');
    assert.equal(await status().textContent(), '');
    const legendTotal = workbench.webview().locator('.legend [data-series="0"]');
    assert.doesNotMatch(await legendTotal.textContent(), /cursor/, 'the legend names no series before a move');
    await workbench.page.keyboard.press('ArrowLeft');
    await status().filter({ hasText: / to / }).waitFor();
    // The legend says which series the cursor is on, and what Enter does with it (ux34: "(selected)" said neither).
    assert.match(await legendTotal.textContent(), /\(keyboard cursor: Enter searches it there\)$/);
    // Away from the chart the cursor is hidden, and the legend stops naming it (ux35); back on it, it names it again.
    await workbench.webview().locator('[data-focus="add-input"]').focus();
    await legendTotal.filter({ hasNotText: /cursor/ }).waitFor();
    await chart.focus();
    await legendTotal.filter({ hasText: /\(keyboard cursor: Enter searches it there\)$/ }).waitFor();
    const latest = monthOf(await status().textContent());
    assert.equal(latest, '2019-03', `the first press shows the latest month, the last with a harvest, not ${await status().textContent()}`);
    await press('Home', '2006-01');
    await press('End', latest);
    await press('PageUp', plusMonths(latest, -12));
    await press('Home', '2006-01');
    await press('PageDown', '2007-01');
    await workbench.screenshot('47-timeline-keys');
  });

  it('lists the articles of the period moved to on Enter, and of no other', async function () {
    const searches = workbench.treeRows('Search Results');
    for (let year = 2008; year <= 2019; year++) await press('PageDown', `${year}-01`);
    await press('ArrowRight', '2019-02');
    await press('ArrowRight', '2019-03');
    await workbench.page.keyboard.press('Enter');
    await workbench.rowsAtLevel(searches, 1).filter({ hasText: 'harvest date:2019-03' }).waitFor();
    // A bar's search stays out of Recent Searches (ux33).
    assert.equal(await workbench.rowsAtLevel(searches, 1).filter({ hasText: 'Recent Searches' }).count(), 0);
    await workbench.screenshot('48-timeline-enter');
  });

  it('moves the cursor twenty periods without drawing the page again (time reported, not asserted)', async function () {
    const chart = workbench.webview().locator('svg.chart');
    await chart.focus();
    await press('Home', '2006-01');
    const drawn = await chart.elementHandle();
    const started = Date.now();
    for (let i = 0; i < 20; i++) await workbench.page.keyboard.press('ArrowRight');
    await status().filter({ hasText: /^2007-09-01 to / }).waitFor();
    console.log(`      20 presses of the right arrow shown in ${Date.now() - started} ms`);
    assert.ok(await drawn.evaluate((svg) => svg.isConnected), 'the same chart, moved in place');
  });

  it('moves the Corpus Overview\'s cursor alike: from the latest month, by a year', async function () {
    // The Overview drawn again as the new articles' entities arrive would take the keyboard's focus from the chart.
    await workbench.indexComplete();
    await workbench.runCommand('News Corpus: Show Corpus Overview');
    const view = workbench.webview();
    // The Overview's own page: while its tab opens, the visible webview may still be the Timeline's, whose chart
    // also starts in 2006 (focused there, the keys went to a hidden chart).
    await view.locator('h1', { hasText: 'Corpus Overview' }).waitFor();
    const chart = view.locator('svg.chart');
    await chart.locator('text', { hasText: /^2006$/ }).waitFor();
    const selected = (month) => view.locator('.toolbar').filter({ hasText: new RegExp(`Selected: ${month}(?! to)`) }).waitFor();
    await chart.press('ArrowRight');
    await view.locator('.toolbar').filter({ hasText: /Selected: \d{4}-\d{2}(?! to)/ }).waitFor();
    const latest = /Selected: (\d{4}-\d{2})/.exec(await view.locator('.toolbar').textContent())[1];
    assert.ok(latest >= '2023-09', `the first press selects the latest month, not ${latest}`);
    await workbench.page.keyboard.press('PageUp');
    await selected(plusMonths(latest, -12));
    await workbench.page.keyboard.press('Home');
    await selected('2006-01');
    // The status line says the month under the cursor, as it does under the pointer (ux34: empty for the keyboard).
    await view.locator('p.status', { hasText: /^January 2006: \d+ articles?$/ }).waitFor();
    // Ctrl+Page Down is the workbench's (the next editor): the chart leaves it alone, where it moved a year too.
    await workbench.page.keyboard.press('Control+PageDown');
    await workbench.page.locator('.tabs-container .tab').filter({ hasText: 'Overview' }).click();
    await view.locator('h1', { hasText: 'Corpus Overview' }).waitFor();
    await chart.press('ArrowRight');
    await selected('2006-02');
  });

  it('shows the whole placeholder of the Timeline\'s query box', async function () {
    await workbench.page.locator('.tabs-container .tab').filter({ hasText: 'Timeline' }).click();
    const input = workbench.webview().locator('input[aria-label="Query to add as a series"]');
    // It read "Add a query, e.g. wheat O".
    const { text, needed, room } = await input.evaluate((box) => {
      const style = getComputedStyle(box);
      const context = document.createElement('canvas').getContext('2d');
      context.font = `${style.fontSize} ${style.fontFamily}`;
      return { text: box.placeholder, needed: context.measureText(box.placeholder).width, room: box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
    });
    assert.ok(needed <= room, `"${text}" needs ${needed.toFixed(0)} px, the box has ${room.toFixed(0)}`);
  });

  it('says in its status when the bars change from months to weeks and back (ux37: unannounced)', async function () {
    await workbench.page.locator('.tabs-container .tab').filter({ hasText: 'Timeline' }).click();
    const view = workbench.webview();
    const heading = (unit) => view.locator('h2', { hasText: `Matching articles per ${unit}` });
    await view.locator('input[aria-label="Query to add as a series"]').fill('orchard');
    await view.locator('button', { hasText: 'Add Series' }).click();
    await view.locator('.legend li').filter({ hasText: 'orchard' }).waitFor();
    await heading('month').waitFor();
    assert.doesNotMatch(await status().textContent(), /Bars now/, 'months still: nothing to say');
    // Without "harvest" (from 2006), the orchard's half year of 2019 is drawn in weeks.
    await view.getByRole('button', { name: 'Remove harvest' }).click();
    await heading('week').waitFor();
    assert.match(await status().textContent(), /^Bars now per week, not per month: the chart spans 2019-03-04 to 2019-09-\d{2}\.$/);
    await view.locator('select[aria-label="Span"]').selectOption('whole');
    await heading('month').waitFor();
    assert.match(await status().textContent(), /^Bars now per month, not per week: the chart spans 2006-01-01 to \d{4}-\d{2}-\d{2}\.$/);
    await workbench.screenshot('47a-timeline-weeks-to-months');
  });

  it('shades the periods the corpus has no article of, and says so on the cursor (ux38: gaps read as news going quiet)', async function () {
    const view = workbench.webview();
    // The whole corpus, 2006 to 2023 in months: most months have no article.
    await view.locator('p.hint', { hasText: 'Shaded: no article of the corpus is dated there.' }).waitFor();
    assert.ok((await view.locator('svg.chart rect.no-articles').count()) > 100, 'the empty months are shaded');
    const chart = view.locator('svg.chart');
    await chart.focus();
    await press('Home', '2006-01');
    await workbench.page.keyboard.press('ArrowRight');
    await status().filter({ hasText: /^2006-02-01 to 2006-02-28 — orchard: 0 articles \(no article of the corpus is dated in this period\)$/ }).waitFor();
    await workbench.screenshot('47b-timeline-corpus-gaps');
  });
});
