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
    // The date pickers open within the corpus's dates, not at today's month (ux38).
    const from = workbench.webview().locator('input[aria-label="From date"]');
    const [min, max] = [await from.getAttribute('min'), await from.getAttribute('max')];
    assert.ok(/^\d{4}-\d{2}-\d{2}$/.test(min ?? '') && /^\d{4}-\d{2}-\d{2}$/.test(max ?? '') && min < max, `the From box is bounded by ${min} and ${max}`);
    await workbench.screenshot('49-kwic-quoted-phrase');
  });

  it('copies every line found, for a spreadsheet, and says so in the status bar (ux38: nothing could be taken out)', async function () {
    const counts = await workbench.webview().locator('.counts').textContent();
    const found = /^(\d+) occurrences?/.exec(counts ?? '')?.[1];
    await workbench.webview().getByRole('button', { name: 'Copy Lines' }).click();
    await workbench.page.locator('.statusbar').filter({ hasText: `News Corpus: copied ${found} lines of “North Korea”, tab-separated, for a spreadsheet.` }).waitFor();
    await workbench.screenshot('49b-kwic-copied');
  });

  it('says why a From date after the To date finds nothing, in the dates typed', async function () {
    const view = workbench.webview();
    const counts = view.locator('.counts');
    // The fixture's North Korea articles are from September 2023: none up to January.
    await view.locator('input[aria-label="To date"]').fill('2023-01-01');
    await counts.filter({ hasText: /^0 occurrences/ }).waitFor();
    await view.locator('input[aria-label="From date"]').fill('2023-09-30');
    // It said "0 occurrences" and no more.
    await counts.filter({ hasText: 'is after the To date' }).waitFor();
    assert.equal(
      await counts.textContent(),
      'No occurrences of “North Korea” in these dates: the From date 2023-09-30 is after the To date 2023-01-01.',
    );
    await workbench.screenshot('49a-kwic-dates-swapped');
    // Both dates changed in one go, the second before the page is drawn again: neither change is lost (the page drawn
    // from the new state writes each date as its input's value attribute).
    const setDates = (from, to) =>
      view.locator('form.toolbar').evaluate(
        (form, values) => {
          for (const [label, value] of values) {
            const input = form.querySelector(`input[aria-label="${label}"]`);
            input.value = value;
            input.dispatchEvent(new Event('change'));
          }
        },
        [['From date', from], ['To date', to]],
      );
    const shown = (from, to) => view.locator(`form:has(input[aria-label="From date"][value="${from}"]):has(input[aria-label="To date"][value="${to}"])`);
    await setDates('2023-09-01', '2023-09-30');
    await shown('2023-09-01', '2023-09-30').waitFor();
    await counts.filter({ hasText: /^\d+ occurrences? of “North Korea” in [1-9]/ }).waitFor();
    await setDates('', '');
    await shown('', '').waitFor();
    await counts.filter({ hasText: /^\d+ occurrences? of “North Korea” in [1-9]/ }).waitFor();
  });

  it('says that search syntax is read as words, where it said only "0 occurrences of “wheat OR corn”"', async function () {
    const view = workbench.webview();
    const words = view.locator('input[aria-label="Word or phrase"]');
    await words.fill('Korea OR Russia');
    await words.press('Enter');
    await view.locator('.counts').filter({ hasText: '“Korea OR Russia”' }).waitFor();
    const note = view.locator('[role="note"]');
    assert.equal(await note.textContent(), '“OR” is search syntax, which Keyword in Context does not use: it finds the words as they are written. Search Articles and the Timeline take the syntax.');
    await workbench.screenshot('49c-kwic-search-syntax');
    await words.fill('"North Korea"');
    await words.press('Enter');
    await view.locator('.counts').filter({ hasText: '“North Korea”' }).waitFor();
    assert.equal(await note.count(), 0, 'no note for a quoted phrase');
  });

  it('moves between lines with the arrow keys, Home and End, and takes one stop of Tab, not one a line', async function () {
    const view = workbench.webview();
    const rows = view.locator('table.kwic tr');
    await rows.nth(1).waitFor();
    const count = await rows.count();
    const focused = async () => rows.evaluateAll((all) => all.indexOf(document.activeElement));
    assert.equal(await view.locator('table.kwic tr[tabindex="0"]').count(), 1, 'one line in the Tab order');
    await rows.first().focus();
    await workbench.page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 1);
    await workbench.page.keyboard.press('End');
    assert.equal(await focused(), count - 1);
    await workbench.page.keyboard.press('ArrowDown');
    assert.equal(await focused(), count - 1, 'stays on the last line');
    await workbench.page.keyboard.press('Home');
    assert.equal(await focused(), 0);
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('Tab');
    assert.equal(await focused(), -1, 'Tab leaves the list from any line');
    const inTabOrder = () => rows.evaluateAll((all) => all.flatMap((row, index) => (row.tabIndex === 0 ? [index] : [])));
    assert.deepEqual(await inTabOrder(), [1], 'Tab comes back to the line it left');
    // A line focused otherwise (a click, the focus a redraw puts back) becomes the one stop, never a second one.
    await rows.nth(count - 1).focus();
    await workbench.page.keyboard.press('ArrowUp');
    assert.deepEqual(await inTabOrder(), [count - 2]);
    await workbench.page.setViewportSize({ width: 1300, height: 880 });
    await view.locator('table.kwic').waitFor();
    assert.deepEqual(await inTabOrder(), [count - 2], 'kept over a redraw');
  });

  it('keeps readable context on each side of the match in a narrow panel', async function () {
    await workbench.page.setViewportSize({ width: 700, height: 700 });
    const row = workbench.webview().locator('table.kwic tr').first();
    await row.waitFor();
    // At 330 px the context was "…n" and "K…" beside a 12em match column: about 35 px each.
    const widths = await row.evaluate((tr) => ({ left: tr.querySelector('.left').clientWidth, right: tr.querySelector('.right').clientWidth, panel: document.body.clientWidth }));
    await workbench.screenshot('49b-kwic-narrow');
    console.log(`      context ${widths.left} px | ${widths.right} px wide in a ${widths.panel} px panel`);
    assert.ok(widths.panel < 600, `the panel is narrow: ${widths.panel} px`);
    for (const side of ['left', 'right']) assert.ok(widths[side] >= 90, `the ${side} context is ${widths[side]} px wide in a ${widths.panel} px panel`);
  });
});
