// A keyboard user paging through long lists: Enter on "Show N more…" in the Entities view, or on "Show more…"
// in the Search Results view, lists the next page, and the keyboard goes on from its first row, not from the top.
import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbench, withWorkbench } from './workbench.mjs';

/** One more than a page of either list: 200 entities of a group, 200 search results. */
const COUNT = 201;
const FOLDER = 'herds';
/** Names the facts file adds as entities of the Other group, one named in each article. */
const herdName = (i) => `Zebra Herd ${String(i).padStart(3, '0')}`;
const day = (i) => new Date(Date.UTC(2001, 0, 1 + i)).toISOString().slice(0, 10);
/** Indexing 201 articles copied in after the workbench opened may take a while on a busy machine. */
const INDEXED_TIMEOUT_MS = 80_000;
/** The Entities view's row that lists a page more. */
const SHOW_MORE_ENTITIES = /Show \d+ more…/;
/** Presses of End before the last, and how long each waits for the focus to reach "Show N more…". */
const END_ATTEMPTS = 3;
const END_WAIT_MS = 5_000;
/** How many rows the keyboard may have to climb from the end of the Search Results view to "Show more…". */
const MAX_ROWS_ABOVE_END = 10;

describe('Show more', function () {
  let workbench;
  const folder = () => join(Workbench.workspaceFolder(), FOLDER);
  const factsFolder = () => join(Workbench.workspaceFolder(), '.newscorpus');
  before(async function () {
    await mkdir(folder());
    for (let i = 0; i < COUNT; i++) await writeFile(join(folder(), `herd-${i}.txt`), ` date ${day(i)} Rangers counted ${herdName(i)} near the river.\n`);
    const other = Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [herdName(i), { add: true }]));
    await mkdir(factsFolder());
    await writeFile(join(factsFolder(), 'entities.json'), JSON.stringify({ people: {}, places: {}, organizations: {}, other }, null, 2));
  });
  after(async function () {
    await rm(folder(), { recursive: true, force: true });
    await rm(factsFolder(), { recursive: true, force: true });
  });
  withWorkbench((opened) => (workbench = opened), { prefix: 'show-more-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });

  /** The row the keyboard is on in the side-bar view titled `view`. */
  const focusedRow = (view) => workbench.treeRows(view).and(workbench.page.locator('.focused'));

  /** Waits until the keyboard is on the 201st row at depth 2 of `view`, which shows `text`: the first row the page brought. */
  async function assertFocusOnFirstNewRow(view, text) {
    await focusedRow(view).and(workbench.page.locator(`[aria-level="2"][aria-posinset="${COUNT}"]`)).filter({ hasText: text }).waitFor();
  }

  it('goes on from the first result "Show more…" brought in the Search Results view', async function () {
    await workbench.runCommand('News Corpus: Search Articles');
    await workbench.quickInput().fill('rangers');
    await workbench.quickInputTitle().filter({ hasText: `of ${COUNT} articles` }).waitFor({ timeout: INDEXED_TIMEOUT_MS });
    await workbench.page.keyboard.press('Enter');
    const rows = workbench.treeRows('Search Results');
    await workbench.rowsAtLevel(rows, 1).filter({ hasText: `${COUNT} articles` }).first().click();
    // The click toggled the group: open it again, then climb from the view's last row to "Show more…".
    await workbench.page.keyboard.press('ArrowRight');
    await workbench.page.keyboard.press('End');
    for (let step = 0; step < MAX_ROWS_ABOVE_END && !((await focusedRow('Search Results').textContent()) ?? '').includes('Show more'); step++) {
      await workbench.page.keyboard.press('ArrowUp');
    }
    await focusedRow('Search Results').filter({ hasText: 'Show more' }).waitFor();
    await workbench.page.keyboard.press('Enter');
    await assertFocusOnFirstNewRow('Search Results', 'Rangers counted');
    await workbench.screenshot('40-search-results-show-more');
  });

  it('goes on from the first entity "Show N more…" brought in the Entities view', async function () {
    await workbench.openViewContainer('News Corpus');
    const rows = workbench.treeRows('Entities');
    await workbench.expandTreeRow(rows, 1, 'Other');
    // The group shows as expanded before its entities are listed: End pressed before them stays on "Other".
    await workbench.rowsAtLevel(rows, 2).first().waitFor();
    // Other is the last group: End is its last row, "Show N more…" (N: the rest, up to 200). On a busy machine
    // the list can still be laid out when the key arrives, and the key is pressed again.
    const showMore = focusedRow('Entities').filter({ hasText: SHOW_MORE_ENTITIES });
    for (let attempt = 1; attempt < END_ATTEMPTS && !(await showMore.isVisible()); attempt++) {
      await workbench.page.keyboard.press('End');
      await showMore.waitFor({ timeout: END_WAIT_MS }).catch(() => undefined);
    }
    await workbench.page.keyboard.press('End');
    await showMore.waitFor();
    await workbench.page.keyboard.press('Enter');
    await assertFocusOnFirstNewRow('Entities', 'article');
    assert.doesNotMatch((await focusedRow('Entities').textContent()) ?? '', SHOW_MORE_ENTITIES);
    await workbench.screenshot('41-entities-show-more');
  });
});
