// An analyst cleaning up the people of the sample corpus: Merge Likely Duplicates lists "Trump" (alone in some
// articles) with Donald Trump, ticked, and a pair it is less sure of unticked; Enter merges the ticked pairs into the
// facts file in one edit, and the Entities view then counts Trump's articles under Donald Trump. Merging one name by
// hand (Merge Entities… on "Cummings" in Elijah Cummings' obituary) offers the people of that name first, not the
// corpus's largest entities, of which the first (Donald Trump) was one Enter from being merged into "Cummings".
import * as assert from 'node:assert/strict';
import { access, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Workbench, withSampleCorpus, withWorkbench } from './workbench.mjs';

/** Indexing the samples, copied in after the workbench opened, may take a while on a busy machine. */
const INDEXED_TIMEOUT_MS = 80_000;
const TITLE = 'News Corpus: Merge Likely Duplicates…';
/** Elijah Cummings' obituary, where "Cummings" alone is its own entity (his family's full names are there too). */
const OBITUARY = '000169_aa6f2f07818f0df0.txt';
const CUMMINGS_SENTENCE = 'In grade school, Cummings expressed';
/** Characters into the sentence of the cursor on "Cummings". */
const CUMMINGS_AT = 'In grade school, '.length + 1;
/** An article of the sample corpus by Donald Trump, whose card is among the longest. */
const TRUMP_ARTICLE = '000021_826f8a3c6ebe23d1.txt';

describe('Merge Likely Duplicates', function () {
  let workbench;
  const sample = withSampleCorpus();
  const obituary = () => relative(Workbench.workspaceFolder(), join(sample(), OBITUARY));
  withWorkbench((opened) => (workbench = opened), { prefix: 'duplicates-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });
  after(async function () {
    await rm(join(Workbench.workspaceFolder(), '.newscorpus'), { recursive: true, force: true });
  });

  /** The row of the pair `entity → into` in the open list. */
  const pairRow = (entity, into) => workbench.quickInputRows().filter({ hasText: `${entity} → ${into}` });

  const factsFile = () => join(Workbench.workspaceFolder(), '.newscorpus', 'entities.json');

  it('writes nothing when the list is closed with Escape', async function () {
    await workbench.openViewContainer('News Corpus');
    await workbench.indexComplete(INDEXED_TIMEOUT_MS);
    await workbench.runCommand(TITLE);
    await pairRow('Trump', 'Donald Trump').waitFor();
    await workbench.closeQuickInput();
    await assert.rejects(access(factsFile()), 'no facts file was written');
  });

  it('lists the pairs, the likely ones ticked, and merges those on Enter', async function () {
    await workbench.runCommand(TITLE);
    await workbench.quickInputTitle().filter({ hasText: /Merge Likely Duplicates \(\d+ pairs\)/ }).waitFor();
    const trump = pairRow('Trump', 'Donald Trump');
    await trump.waitFor();
    assert.match(await trump.textContent(), /name alone.*\d+ vs \d+ articles.*; others: "Melania Trump" \d+/);
    assert.equal(await trump.getAttribute('aria-checked'), 'true', 'a likely pair is ticked');
    await workbench.screenshot('60-likely-duplicates');
    // Lower in the list, filtered to by typing: a pair it is less sure of (Hunter Biden is a Biden too).
    await workbench.quickInput().fill('Biden');
    const biden = pairRow('Biden', 'Joe Biden');
    await biden.waitFor();
    assert.equal(await biden.getAttribute('aria-checked'), 'false', 'a possible pair is not ticked');
    await workbench.quickInput().fill('');
    await trump.waitFor();

    await workbench.quickInput().press('Enter');
    await workbench.notificationToast('merged').filter({ hasText: 'likely duplicates' }).waitFor();
    const facts = JSON.parse(await readFile(factsFile(), 'utf8'));
    assert.deepEqual(facts.people['Donald Trump'], { aliases: ['Trump'] });
    assert.equal(facts.people['Joe Biden'], undefined, 'an unticked pair is not merged');
    await workbench.screenshot('61-likely-duplicates-merged');
  });

  it('offers, to merge one name by hand, the entities sharing a word of it first', async function () {
    await workbench.cursorAt(obituary(), CUMMINGS_SENTENCE, CUMMINGS_AT);
    await workbench.runCommand('News Corpus: Merge Entities…');
    await workbench.quickInputTitle().filter({ hasText: 'Merge "Cummings" With…' }).waitFor();
    const first = workbench.activeQuickInputRow().filter({ hasText: 'Elijah Cummings' });
    await first.waitFor();
    assert.match(await first.innerText(), /Sharing a word of its name/);
    await workbench.quickInputRows().filter({ hasText: 'Donald Trump' }).filter({ hasText: 'Most articles' }).waitFor();
    await workbench.screenshot('62-merge-with-same-name-first');
    await workbench.closeQuickInput();
  });
  it('merges one entity of the Entities view from its context menu, the entities sharing a word of its name first', async function () {
    await workbench.page.locator('.sidebar .composite.title').click();
    // One row, not a multiple selection: the menu offered Merge Entities… only for several.
    await workbench.contextMenuAction(await workbench.filteredPerson('Biden', 'Biden'), 'Merge Entities…');
    await workbench.quickInputTitle().filter({ hasText: 'Merge "Biden" With…' }).waitFor();
    await workbench.activeQuickInputRow().filter({ hasText: 'Joe Biden' }).waitFor();
    await workbench.closeQuickInput();
    await workbench.page.locator('.sidebar .composite.title').click();
    await workbench.runCommand('News Corpus: Clear Entity Filter');
  });

  it('keeps the card\'s links in view over the longest cards, right under the name', async function () {
    const hover = await workbench.hoverOver(relative(Workbench.workspaceFolder(), join(sample(), TRUMP_ARTICLE)), 'Donald Trump', 'Donald '.length + 1, 'Often with');
    const fix = hover.getByRole('link', { name: 'Fix…', exact: true });
    const [card, link, name, counts] = [await hover.boundingBox(), await fix.boundingBox(), await hover.getByText('Donald Trump', { exact: true }).first().boundingBox(), await hover.getByText(/\d+ articles · \d+ mentions/).boundingBox()];
    assert.ok(card && link && link.y >= card.y && link.y + link.height <= card.y + card.height, `the link at ${JSON.stringify(link)} is inside the card at ${JSON.stringify(card)}`);
    assert.ok(name && counts && name.y < link.y && link.y < counts.y, `the links (${link.y}) under the name (${name?.y}), above the counts (${counts?.y})`);
    await workbench.screenshot('63-hover-card-links-first');
    await workbench.page.keyboard.press('Escape');
  });

  it('says in the Entities view, on the tooltips of the two rows, that "Cummings" alone is possibly Elijah Cummings', async function () {
    // The card says so once the pairs are worked out; the rows listed after that have it in their tooltips.
    await workbench.hoverOver(obituary(), CUMMINGS_SENTENCE, CUMMINGS_AT, 'the same as');
    await workbench.page.keyboard.press('Escape');
    await workbench.page.locator('.sidebar .composite.title').click();
    const tooltipOf = async (row, hasText) => {
      await row.hover();
      // The editor's card, hidden, stays in the page with the same words.
      const tooltip = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ hasText, visible: true }).first();
      await tooltip.waitFor();
      return tooltip.innerText();
    };
    const alone = await tooltipOf(await workbench.filteredPerson('Cummings', 'Cummings\\d'), 'the same as');
    assert.match(alone, /Possibly the same as Elijah Cummings \(person\): 1 vs \d+ articles/);
    await workbench.page.mouse.move(0, 0);
    const full = await tooltipOf(workbench.rowsAtLevel(workbench.treeRows('Entities'), 2).filter({ hasText: /^Elijah Cummings\d/ }).first(), 'Also listed apart');
    assert.match(full, /Also listed apart: Cummings \(1 article\), possibly the same\nMerge Likely Duplicates… or Merge Entities… joins them\./);
    await workbench.screenshot('65-entities-tooltip-duplicates');
    await workbench.page.mouse.move(0, 0);
    await workbench.runCommand('News Corpus: Clear Entity Filter');
  });

  it('says on the card of a name alone which full name it is possibly, and merges the two from its Merge… link', async function () {
    const hover = await workbench.hoverOver(obituary(), CUMMINGS_SENTENCE, CUMMINGS_AT, 'the same as');
    assert.match(await hover.innerText(), /Possibly the same as Elijah Cummings: 1 vs \d+ articles/);
    await workbench.screenshot('64-hover-card-likely-duplicate');
    await hover.getByRole('link', { name: 'Merge…', exact: true }).click();
    await workbench.quickInputTitle().filter({ hasText: 'Merge Entities' }).waitFor();
    await workbench.activeQuickInputRow().filter({ hasText: 'Elijah Cummings' }).waitFor();
    await workbench.quickInput().press('Enter');
    await workbench.notificationToast('merged').filter({ hasText: 'Cummings' }).waitFor();
    const facts = JSON.parse(await readFile(factsFile(), 'utf8'));
    assert.ok(facts.people['Elijah Cummings'].aliases.includes('Cummings'), JSON.stringify(facts.people['Elijah Cummings']));
  });
});
