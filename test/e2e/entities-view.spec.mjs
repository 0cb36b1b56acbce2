// A reader's path through the Entities view with the shipped model: open the News Corpus container,
// expand People → Vladimir Putin → an article → its mentions, filter to one name, open a mention with
// the name selected, see the article's entities in In This Article, and search for an entity.
// The steps build on each other, so they share one workbench page and run in order.
import * as assert from 'node:assert/strict';
import { withWorkbench } from './workbench.mjs';

const ENTITY_LEVEL = 2;
const ARTICLE_LEVEL = 3;
const MENTION_LEVEL = 4;

/** Text that must never show in a view: a value the code forgot, or an object printed raw. */
const DEBRIS = /undefined|\[object |\{"/;

describe('Entities view', function () {
  let workbench;
  withWorkbench((opened) => (workbench = opened));

  async function assertClean(rows) {
    const texts = await rows.allTextContents();
    assert.ok(texts.length > 0, 'the view lists rows');
    for (const text of texts) assert.doesNotMatch(text, DEBRIS, `a row shows "${text}"`);
  }

  it('lists People, Places and Organizations with their counts', async function () {
    await workbench.openViewContainer('News Corpus');
    const rows = workbench.treeRows('Entities');
    await rows.filter({ hasText: 'People' }).first().waitFor();
    const groups = await workbench.rowsAtLevel(rows, 1).allTextContents();
    assert.deepEqual(groups.slice(0, 3).map((text) => text.replace(/[\d,]+$/, '')), ['People', 'Places', 'Organizations']);
    await assertClean(rows);
    await workbench.screenshot('10-entities-groups');
  });

  it('expands People, an entity and an article down to the mentions with the name highlighted', async function () {
    const rows = workbench.treeRows('Entities');
    await workbench.expandTreeRow(rows, 1, 'People');
    const putin = workbench.rowsAtLevel(rows, ENTITY_LEVEL).filter({ hasText: 'Vladimir Putin' }).first();
    assert.match(await putin.textContent(), /Vladimir Putin2 articles · \d+ mentions/);
    await workbench.expandTreeRow(rows, ENTITY_LEVEL, 'Vladimir Putin');
    await workbench.expandTreeRowByTwistie(rows, ARTICLE_LEVEL, 'North Korean dictator');
    const mentions = workbench.rowsAtLevel(rows, MENTION_LEVEL);
    await mentions.first().waitFor();
    assert.ok((await mentions.first().locator('.highlight').allTextContents()).some((text) => /Putin/.test(text)), 'the mention preview highlights the name');
    await assertClean(rows);
    await workbench.screenshot('11-entities-expanded');
  });

  it('filters by name, and opens a mention with the name selected', async function () {
    await workbench.runCommand('News Corpus: Filter Entities…');
    await workbench.quickInput().fill('lavrov');
    await workbench.page.keyboard.press('Enter');
    const rows = workbench.treeRows('Entities');
    await workbench.page.locator('.sidebar .pane').filter({ hasText: 'Showing names containing "lavrov"' }).first().waitFor();
    await workbench.rowsAtLevel(rows, ENTITY_LEVEL).filter({ hasText: 'Sergei Lavrov' }).first().waitFor();
    assert.equal(await workbench.rowsAtLevel(rows, ENTITY_LEVEL).count(), 1, 'only Sergei Lavrov is left among the people');
    await workbench.expandTreeRow(rows, ENTITY_LEVEL, 'Sergei Lavrov');
    await workbench.expandTreeRowByTwistie(rows, ARTICLE_LEVEL, '');
    await workbench.screenshot('12-entities-filtered');
    await workbench.clickTreeRow(rows, MENTION_LEVEL, 'Lavrov');
    await workbench.page.locator('.statusbar-item[id="status.editor.selection"]').filter({ hasText: '(13 selected)' }).waitFor();
    // The Dates view follows the active editor to its article (setting newsCorpus.revealActiveArticle).
    await workbench.treeRows('Dates').and(workbench.page.locator('[aria-selected="true"]')).filter({ hasText: 'North Korean dictator' }).waitFor();
    await workbench.screenshot('13-mention-selected');
  });

  it('shows the entities of the open article in In This Article', async function () {
    const rows = workbench.treeRows('In This Article');
    await rows.filter({ hasText: 'Sergei Lavrov' }).first().waitFor();
    await assertClean(rows);
    await workbench.screenshot('14-in-this-article');
  });

  it('searches for an entity from its inline action: exactly its articles', async function () {
    await workbench.runCommand('News Corpus: Clear Entity Filter');
    const rows = workbench.treeRows('Entities');
    const kim = workbench.rowsAtLevel(rows, ENTITY_LEVEL).filter({ hasText: 'Kim Jong-un' }).first();
    await kim.hover();
    await kim.locator('.action-label[aria-label="Search for This Entity"]').click();
    const search = workbench.rowsAtLevel(workbench.treeRows('Search Results'), 1).filter({ hasText: 'person:="Kim Jong-un"' }).first();
    await search.waitFor();
    assert.match(await search.textContent(), /person:="Kim Jong-un"\s*2 articles/);
    await workbench.screenshot('15-entity-search');
  });

  it('opens the groups a filter leaves entities in, closed or not, and leaves nothing to open in the others', async function () {
    const groups = workbench.rowsAtLevel(workbench.treeRows('Entities'), 1);
    // Both groups closed first (People's rows would push Places out of the pane).
    const closed = async (group) => {
      if ((await group.getAttribute('aria-expanded')) === 'true') await group.click();
      await group.and(workbench.page.locator('[aria-expanded="false"]')).waitFor();
    };
    await closed(groups.filter({ hasText: 'People' }));
    const places = groups.filter({ hasText: 'Places' });
    await closed(places);
    await workbench.answerCommand('News Corpus: Filter Entities…', 'Khasan');
    // ux33: "Places 1 of 923" stayed closed over Moscow, and "People 0 of 1,599" open on nothing.
    await places.filter({ hasText: /1 of \d+/ }).and(workbench.page.locator('[aria-expanded="true"]')).waitFor();
    await workbench.rowsAtLevel(workbench.treeRows('Entities'), ENTITY_LEVEL).filter({ hasText: 'Khasan' }).waitFor();
    const people = groups.filter({ hasText: 'People' });
    await people.filter({ hasText: /0 of \d+/ }).waitFor();
    assert.equal(await people.getAttribute('aria-expanded'), null, 'nothing to open');
    await workbench.screenshot('15a-entities-filter-opens-groups');
    await workbench.runCommand('News Corpus: Clear Entity Filter');
  });
});
