// The corpus panels in the four kinds of theme (dark, light, high contrast dark and light): every theme colour the
// panels use is defined, every entity type's node is drawn in an opaque colour that stands out from the
// background, brushed months are drawn stronger than the others, and the date fields' native parts follow the
// theme. High contrast left VS Code's charts.orange undefined (organizations black on black), and the default
// themes made it 33% opaque (brushed months dimmer than the rest).
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/harness.mjs';
import { withSampleCorpus, withWorkbench } from './workbench.mjs';

/** Indexing the samples, copied in after the workbench opened, may take a while on a busy machine. */
const INDEXED_TIMEOUT_MS = 80_000;
/** The theme picker's names, with the body class VS Code gives the webview and the colour scheme expected. */
const THEMES = [
  { name: 'Dark High Contrast', bodyClass: 'vscode-high-contrast', scheme: 'dark' },
  { name: 'Light High Contrast', bodyClass: 'vscode-high-contrast-light', scheme: 'light' },
  { name: 'Dark Modern', bodyClass: 'vscode-dark', scheme: 'dark' },
  { name: 'Light Modern', bodyClass: 'vscode-light', scheme: 'light' },
];
/** WCAG's least contrast for graphical objects: a node must stand out this much from the background. */
const MIN_GRAPHIC_CONTRAST = 3;

/** The theme variables panels.css uses without a fallback, which every theme must therefore define. */
async function themeVariablesWithoutFallback() {
  const css = await readFile(join(repoRoot, 'media', 'panels', 'panels.css'), 'utf8');
  return [...new Set([...css.matchAll(/var\((--vscode-[\w-]+)\)/g)].map((match) => match[1]))];
}

/**
 * Runs in the webview: the fill (the background of an HTML element) and opacity of the first element matching each
 * selector, the colour as [r, g, b, a] (0–255, alpha 0–1), read by painting it on a canvas so that any CSS colour
 * syntax is resolved; undefined for a selector matching nothing.
 */
function paints(body, selectors) {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const rgba = (css) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  return selectors.map((selector) => {
    const element = document.querySelector(selector);
    if (!element) return undefined;
    const style = getComputedStyle(element);
    return { colour: rgba(element instanceof SVGElement ? style.fill : style.backgroundColor), opacity: Number(style.opacity) };
  });
}

function luminance([r, g, b]) {
  const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('The corpus panels in every kind of theme', function () {
  let workbench;
  withSampleCorpus();
  withWorkbench((opened) => (workbench = opened), { prefix: 'panel-themes-', ready: (opened) => opened.activityBarItem('News Corpus').waitFor() });
  const focusWorkbench = () => workbench.page.locator('.sidebar .composite.title').click();
  const showTab = (title) => workbench.page.locator('.tabs-container .tab').filter({ hasText: title }).click();

  it('opens the Overview brushed, the Entity Network of a person with people, places and organizations around, and Keyword in Context', async function () {
    await workbench.runCommand('News Corpus: Show Corpus Overview');
    await workbench.webview().locator('.counts').filter({ hasText: /3[12]\d articles/ }).waitFor({ timeout: INDEXED_TIMEOUT_MS });
    // Brushed, for the check of the selected months below.
    await workbench.webview().locator('.chart').focus();
    await workbench.page.keyboard.press('End');
    await workbench.page.keyboard.press('Shift+ArrowLeft');
    await workbench.webview().locator('.chart rect.bar.selected').nth(1).waitFor();
    // The picker lists the entities found when it opens: the Overview counts the articles before their entities are
    // all read, and a list read early may put another name first (a run waited 30 s for "Donald Trump" focused).
    await workbench.indexComplete(INDEXED_TIMEOUT_MS);
    await workbench.answerCommand('News Corpus: Show Entity Network', 'trump');
    await workbench.activeQuickInputRow().filter({ hasText: 'Donald Trump' }).waitFor();
    await workbench.quickInput().press('Enter');
    const view = workbench.webview();
    await view.locator('h1', { hasText: 'Entity Network: Donald Trump' }).waitFor();
    for (const type of ['PER', 'LOC', 'ORG']) await view.locator(`g.node circle.${type}`).first().waitFor();
    await workbench.answerCommand('News Corpus: Show Keyword in Context', 'president');
    await workbench.webview().locator('table.kwic tr').first().waitFor();
    await showTab('Entity Network');
  });

  for (const theme of THEMES) {
    it(`draws every entity type, the brushed months and the date fields in ${theme.name}`, async function () {
      await focusWorkbench();
      await workbench.selectColorTheme(theme.name);
      const view = workbench.webview();
      await view.locator(`body.${theme.bodyClass}`).waitFor();
      const undefinedVariables = await view.locator('body').evaluate(
        (body, names) => names.filter((name) => getComputedStyle(body.ownerDocument.documentElement).getPropertyValue(name).trim() === ''),
        await themeVariablesWithoutFallback(),
      );
      assert.deepEqual(undefinedVariables, [], `${theme.name} defines every theme colour used without a fallback`);
      const types = ['PER', 'LOC', 'ORG', 'MISC'];
      const [background, ...nodes] = await view.locator('body').evaluate(paints, ['body', ...types.map((type) => `g.node circle.${type}`)]);
      types.forEach((type, at) => {
        const colour = nodes[at]?.colour;
        // Donald Trump's network has people, places and organizations, and may have other names.
        if (type === 'MISC' && !colour) return;
        assert.ok(colour, `a ${type} node is drawn`);
        assert.equal(colour[3], 1, `${type} nodes are opaque in ${theme.name}: rgba(${colour})`);
        const ratio = contrast(colour, background.colour);
        assert.ok(ratio >= MIN_GRAPHIC_CONTRAST, `${type} nodes rgba(${colour}) on rgba(${background.colour}) in ${theme.name}: contrast ${ratio.toFixed(2)}`);
      });
      // The legend names each type drawn, in the nodes' very colour.
      assert.deepStrictEqual(await view.locator('ul.legend li').allTextContents(), nodes[3] ? ['People', 'Places', 'Organizations', 'Other names'] : ['People', 'Places', 'Organizations']);
      const swatches = await view.locator('body').evaluate(paints, types.map((type) => `.legend .swatch.${type}`));
      types.forEach((type, at) => nodes[at] && assert.deepStrictEqual(swatches[at]?.colour, nodes[at].colour, `the ${type} swatch has the ${type} nodes' colour`));
      await workbench.screenshot(`50-network-${theme.bodyClass}`);

      await showTab('Corpus Overview');
      const overview = workbench.webview();
      await overview.locator('.chart.brushed').waitFor();
      const [selected, other] = await overview.locator('body').evaluate(paints, ['.chart .bar.selected', '.chart .bar:not(.selected)']);
      assert.equal(selected.colour[3], 1, `brushed months are opaque in ${theme.name}: rgba(${selected.colour})`);
      assert.ok(selected.opacity > other.opacity, `brushed months stand out in ${theme.name}: opacity ${selected.opacity}, others ${other.opacity}`);
      // A band spans the brushed months, those without articles too (they have no bar to colour).
      const [band, bars] = await overview.locator('.chart').evaluate((chart) => {
        const box = (element) => element.getBoundingClientRect();
        const selectedBars = [...chart.querySelectorAll('.bar.selected')].map(box);
        const selection = chart.querySelector('.selection');
        return [selection && { left: box(selection).left, right: box(selection).right }, { left: Math.min(...selectedBars.map((bar) => bar.left)), right: Math.max(...selectedBars.map((bar) => bar.right)) }];
      });
      assert.ok(band && band.left <= bars.left && band.right >= bars.right, `the band ${JSON.stringify(band)} covers the brushed bars ${JSON.stringify(bars)}`);
      await workbench.screenshot(`51-overview-brushed-${theme.bodyClass}`);

      await showTab('Keyword in Context');
      const scheme = await workbench.webview().locator('input[type="date"]').first().evaluate((input) => getComputedStyle(input).colorScheme);
      assert.equal(scheme, theme.scheme, `the date fields' calendar button is drawn for ${theme.name}`);
      await workbench.screenshot(`52-kwic-${theme.bodyClass}`);
      await showTab('Entity Network');
    });
  }

  it('draws mentions and matching articles against separate labelled scales, and says why a query is refused', async function () {
    await showTab('Corpus Overview');
    await workbench.webview().locator('.lists section').first().locator('button[aria-label^="Timeline of"]').first().click();
    const view = workbench.webview();
    await view.locator('.legend li').first().waitFor();
    for (const query of ['election', '"unclosed']) {
      const count = await view.locator('.legend li').count();
      await view.locator('input[aria-label="Query to add as a series"]').fill(query);
      await view.locator('button', { hasText: 'Add Series' }).click();
      await view.locator('.legend li').nth(count).waitFor();
    }
    assert.deepStrictEqual(await view.locator('h2').allTextContents(), ['Mentions per month', 'Matching articles per month']);
    const charts = view.locator('svg.chart');
    assert.equal(await charts.count(), 2, 'a chart per unit');
    assert.ok((await charts.nth(0).locator('rect.bar.s0').count()) > 0 && (await charts.nth(0).locator('rect.bar.s1').count()) === 0, 'the person counted in mentions alone on the first');
    assert.ok((await charts.nth(1).locator('rect.bar.s1').count()) > 0 && (await charts.nth(1).locator('rect.bar.s0').count()) === 0, 'the query counted in articles alone on the second');
    // The keyboard's cursor is on one series: shown on its chart alone (each chart keeps a hidden mark, moved in place by
    // a key), and brought to the other chart by a key there.
    const SHOWN_CURSOR = 'rect.cursor[visibility="visible"]';
    await charts.nth(0).focus();
    await charts.nth(0).press('ArrowRight');
    await view.locator(`svg.chart ${SHOWN_CURSOR}`).first().waitFor();
    assert.deepStrictEqual([await charts.nth(0).locator(SHOWN_CURSOR).count(), await charts.nth(1).locator(SHOWN_CURSOR).count()], [1, 0], 'the cursor on the mentions chart alone');
    await view.locator('svg.chart').nth(1).focus();
    await view.locator('svg.chart').nth(1).press('ArrowRight');
    await view.locator('svg.chart').nth(1).locator(SHOWN_CURSOR).waitFor();
    assert.equal(await view.locator('svg.chart').nth(0).locator(SHOWN_CURSOR).count(), 0, 'moved to the articles chart, not drawn on both');
    const refused = await view.locator('.legend li').filter({ hasText: '"unclosed' }).textContent();
    assert.match(refused, /Not a valid query: the quote at position 1 is never closed; add a closing "\./);
    assert.doesNotMatch(refused, /News Corpus|""/);
    await workbench.page.locator('.tabs-container .tab', { hasText: /Timeline: .+ and 2 more/ }).waitFor();
    await workbench.screenshot('53-timeline-units');
  });

  it("lists a brushed period's true leaders, not only the corpus's", async function () {
    // Entities arrive after the articles are counted: a period's lists are only whole once the index is.
    await workbench.indexComplete(INDEXED_TIMEOUT_MS);
    await showTab('Corpus Overview');
    const view = workbench.webview();
    // The QA's period, asked as the chart's own brushing asks it. With the 100 most mentioned people of the whole
    // corpus as the only candidates, the list ran out after "Mendez, 9 mentions" and went on with names of 1 mention,
    // below Harry Kane's 5 there.
    await view.locator('body').evaluate(() => window.NewsPanel.request({ range: { from: '2018-04', to: '2019-05' } }));
    await view.locator('.toolbar', { hasText: 'Selected: 2018-04 to 2019-05' }).waitFor();
    const people = await view.locator('.lists section').first().locator('li').allTextContents();
    const mentions = people.map((row) => Number(/(\d+) mentions?/.exec(row)?.[1]));
    assert.equal(people.length, 10, people.join(' | '));
    assert.ok(mentions.every((count) => count > 5), `every person listed has more than 5 mentions: ${people.join(' | ')}`);
    await workbench.screenshot('54-overview-period-leaders');
  });
});
