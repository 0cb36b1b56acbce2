// A reader hovers a name in the raw text of an article and gets the entity's card: who this is according to
// the user's facts file and the corpus. The cursor is put on the name with Go to Line/Column, and the hover
// shown with the keyboard (Show or Focus Hover), as a keyboard user would (Workbench.hoverOver); the card is then looked at in a
// screenshot. A second article and facts entry full of Markdown, HTML, command links and icon syntax must show
// all of it as text, with no link but the card's own.
import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbench, withWorkbench } from './workbench.mjs';

const ARTICLE = '003_737a2ec1faf8bc49.txt';
const HOSTILE_ARTICLE = 'hostile-hover.txt';
const QUIT_LINK = '[click me](command:workbench.action.quit)';
const HOSTILE = `**not bold** <img src=x onerror=alert(1)> $(bug) ${QUIT_LINK}`;
const FACTS = {
  people: {
    'Vladimir Putin': {
      description: 'President of Russia since 2012, and from 2000 to 2008',
      born: '7 October 1952, Leningrad',
      links: ['https://en.wikipedia.org/wiki/Vladimir_Putin'],
      notes: 'Our Moscow desk covers the Kremlin.',
    },
    'Angela Merkel': { description: `Chancellor ${HOSTILE}`, role: HOSTILE, links: ['javascript:alert(1)', 'https://example.org/)[x](command:workbench.action.quit'], [HOSTILE]: HOSTILE },
  },
};
const factsFolder = () => join(Workbench.workspaceFolder(), '.newscorpus');

describe('Hover card', function () {
  let workbench;
  before(async function () {
    await mkdir(factsFolder(), { recursive: true });
    await writeFile(join(factsFolder(), 'entities.json'), `${JSON.stringify(FACTS, null, 2)}\n`);
    await writeFile(
      join(Workbench.workspaceFolder(), HOSTILE_ARTICLE),
      ` date 2024-04-01 Angela Merkel met ${HOSTILE} in Berlin.\n\nThe [German Chancellor](command:workbench.action.quit) Angela Merkel said $(alert) <script>alert(1)</script> nothing.\n`,
    );
  });
  withWorkbench((opened) => (workbench = opened));
  after(async function () {
    await rm(factsFolder(), { recursive: true, force: true });
    await rm(join(Workbench.workspaceFolder(), HOSTILE_ARTICLE), { force: true });
  });

  it('shows the card of Vladimir Putin over "Putin": the user\'s facts, then the corpus\'s counts, and links', async function () {
    const hover = await workbench.hoverOver(ARTICLE, 'Vladimir Putin', 'Vladimir '.length + 1, 'President of Russia since 2012');
    const text = await hover.innerText();
    assert.match(text, /Vladimir Putin · person/);
    assert.match(text, /Born: 7 October 1952, Leningrad/);
    assert.match(text, /\d+ articles · \d+ mentions/);
    assert.match(text, /Entities · Search · Timeline · Mentions · Edit Facts · Fix…/);
    assert.doesNotMatch(text, /undefined|\*\*|\\\$/);
    await workbench.screenshot('16-hover-card');
  });

  it('lists his articles in the Search Results view from the card\'s Search link, and opens his Timeline from its Timeline link', async function () {
    const card = () => workbench.hoverOver(ARTICLE, 'Vladimir Putin', 'Vladimir '.length + 1, 'Edit Facts');
    const searchLink = (await card()).getByRole('link', { name: 'Search', exact: true });
    assert.equal(await searchLink.getAttribute('title'), 'Search Articles: list its articles in the Search Results view');
    await searchLink.hover();
    await workbench.screenshot('16a-hover-card-links');
    await searchLink.click();
    const search = workbench.rowsAtLevel(workbench.treeRows('Search Results'), 1).filter({ hasText: 'person:="Vladimir Putin"' }).first();
    await search.waitFor();
    assert.match(await search.textContent(), /person:="Vladimir Putin"\s*\d+ articles?/);
    await (await card()).getByRole('link', { name: 'Timeline', exact: true }).click();
    await workbench.page.locator('.tab', { hasText: 'Timeline: Vladimir Putin' }).waitFor();
    await workbench.webview().locator('.legend li').filter({ hasText: 'Vladimir Putin' }).waitFor();
    await workbench.screenshot('16b-hover-card-timeline');
    // The panel opens in a group of its own: closed, the next test's article opens in a plain editor again.
    await workbench.runCommand('View: Close All Editor Groups');
    await workbench.page.locator('.tab', { hasText: 'Timeline: Vladimir Putin' }).waitFor({ state: 'detached' });
  });

  it('opens the corrections of the entity from the card\'s Fix… link', async function () {
    const hover = await workbench.hoverOver(ARTICLE, 'Vladimir Putin', 'Vladimir '.length + 1, 'Fix…');
    await hover.getByText('Fix…').click();
    await workbench.quickInputRows().filter({ hasText: 'Rename' }).first().waitFor();
    assert.match(await workbench.quickInputTitle().innerText(), /Fix "Vladimir Putin" \(person\)/);
    // The type it has, not the one it would get ("now a person" read as a choice already made).
    assert.match(await workbench.quickInputRows().filter({ hasText: 'Change Type' }).innerText(), /currently a person/);
    await workbench.screenshot('46-fix-entity');
    await workbench.closeQuickInput();
  });

  it('offers the article\'s own writing of the name under the cursor as the new name in Rename Entity…', async function () {
    // Seed 000 writes "Kim Jong-Un"; the entity is named "Kim Jong-un", as the other seed writes it (ux34).
    await workbench.cursorAt('000_11aec1007b5c4c05.txt', 'Kim Jong-Un', 'Kim '.length);
    await workbench.runCommand('News Corpus: Rename Entity…');
    await workbench.quickInputTitle().filter({ hasText: 'Rename "Kim Jong-un"' }).waitFor();
    assert.equal(await workbench.quickInput().inputValue(), 'Kim Jong-Un');
    await workbench.screenshot('46a-rename-writing');
    await workbench.closeQuickInput();
  });

  it('shows Markdown, HTML, command links and icon syntax from an article and the facts as text', async function () {
    const hover = await workbench.hoverOver(HOSTILE_ARTICLE, 'Angela Merkel', 'Angela '.length + 1, 'Chancellor');
    const text = await hover.innerText();
    for (const literal of ['**not bold**', '<img src=x onerror=alert(1)>', '$(bug)', QUIT_LINK, 'javascript:alert(1)']) assert.ok(text.includes(literal), `"${literal}" is shown as text in:\n${text}`);
    assert.equal(await hover.locator('img, script, strong b, .codicon-bug').count(), 0, 'no element made from the text');
    const targets = await hover.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('data-href') ?? link.getAttribute('href') ?? ''));
    assert.ok(targets.length > 0);
    // The card's commands, and the facts' one http(s) address, its parentheses encoded so that it cannot end early.
    for (const target of targets) assert.match(target, /^(command:newsCorpus\.[\w.]+\?|https:\/\/example\.org\/%29)/, `only the card's own links: ${target}`);
    await workbench.screenshot('17-hover-card-untrusted-text');
  });
});
