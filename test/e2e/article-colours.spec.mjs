// An article's dates, quotation, speaker label and caption in colour in the built-in themes, as the editor draws
// them: QA saw "on Tuesday (27)", "Last Friday" and "February 29" as plain text in Light Modern, Dark Modern and
// both High Contrast themes, whose rules colour no constant.other (the grammar's dates' scope then).
import * as assert from 'node:assert/strict';
import { withArticles, withWorkbench } from './workbench.mjs';

const FOLDER = 'article-colours';
const FILE = 'colours.txt';
/** No name in it: an entity's colour (a semantic token) would split a coloured piece. */
const ARTICLE = [
  ' date 2024-03-01 The talks began on Tuesday (27).',
  'As agreed Last Friday, the vote came on February 29 and he said "no".',
  'Q: Why now?',
  'A crowd in the square | Photo: archive',
].join('\n');
/**
 * The pieces the grammar colours, and a piece of plain text to compare them with. "on Tuesday (27)" is one date, but
 * the editor draws its parentheses in the colours of bracket pairs.
 */
const COLOURED = ['date', '2024-03-01', 'on Tuesday', '27', 'Last Friday', 'February 29', '"no"', 'Q', 'A crowd in the square | Photo: archive'];
const PLAIN = 'The talks began';
const THEMES = ['Light Modern', 'Dark Modern', 'Dark High Contrast', 'Light High Contrast', 'Light 2026'];

/** Generous: the editor redraws in a moment; the deadline only decides how long a failure takes to report. */
const REDRAWN_MS = 15_000;

/**
 * Runs in the page: the colour the active editor draws each of `texts` in (the token spans that together make the
 * text, white space around it aside, which must share one colour), or undefined for a text not drawn as whole tokens. With `untilColoured`, whether
 * every text but the first is drawn, each in another colour than the first.
 */
function drawn({ selector, texts, untilColoured }) {
  const lines = document.querySelector(selector);
  const spans = [...(lines?.querySelectorAll('.view-line > span > span') ?? [])].map((span) => ({ text: (span.textContent ?? '').replaceAll('\u00a0', ' '), colour: getComputedStyle(span).color }));
  const found = texts.map((text) => {
    for (let first = 0; first < spans.length; first++) {
      let joined = '';
      const colours = new Set();
      for (let at = first; at < spans.length && joined.length < text.length; at++) {
        joined += spans[at].text;
        colours.add(spans[at].colour);
      }
      if (joined.trim() === text && colours.size === 1) return [...colours][0];
    }
    return undefined;
  });
  if (!untilColoured) return found;
  return found.every((colour) => colour !== undefined) && found.slice(1).every((colour) => colour !== found[0]);
}

describe('An article in the built-in colour themes', function () {
  let workbench;
  withArticles(FOLDER, { [FILE]: ARTICLE });
  withWorkbench((opened) => (workbench = opened), { prefix: 'article-colours-' });

  it('opens in the News Article language', async function () {
    await workbench.activityBarItem('News Corpus').waitFor();
    await workbench.openArticle(FILE);
  });

  for (const theme of THEMES) {
    it(`colours its dates, quotation, speaker and caption in ${theme}`, async function () {
      await workbench.selectColorTheme(theme);
      await workbench.page.locator('.editor-group-container.active .tab.active').click();
      const selector = '.editor-group-container.active .view-lines';
      const texts = [PLAIN, ...COLOURED];
      // Polled until the theme's colours reach the editor's spans; a test that fails says which stayed plain.
      await workbench.page.waitForFunction(drawn, { selector, texts, untilColoured: true }, { timeout: REDRAWN_MS }).catch(() => undefined);
      const [plain, ...pieces] = await workbench.page.evaluate(drawn, { selector, texts, untilColoured: false });
      await workbench.screenshot(`60-article-${theme.replaceAll(' ', '-').toLowerCase()}`);
      assert.ok(plain, `the plain text "${PLAIN}" is drawn`);
      const uncoloured = COLOURED.filter((text, at) => pieces[at] === undefined || pieces[at] === plain);
      assert.deepEqual(uncoloured, [], `drawn in the plain text's colour ${plain} in ${theme}: ${JSON.stringify(Object.fromEntries(COLOURED.map((text, at) => [text, pieces[at]])))}`);
    });
  }
});
