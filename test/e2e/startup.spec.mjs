// A user opens a folder and clicks the News Corpus icon at once, while the extension host is still starting (seconds
// on a busy machine). Until the extension has registered its views, VS Code shows a view's welcome content if one
// applies, else its own "There is no data provider registered that can provide view data": the Dates and Entities
// views must say that they are starting instead. The page records every text its side bar shows, each frame, from
// before the workbench loads, so that a message shown only for a moment is seen too.
import * as assert from 'node:assert/strict';
import { Workbench } from './workbench.mjs';

const NO_PROVIDER = 'There is no data provider registered';

/** Runs in the page before the workbench: keeps, in `window.newsCorpusSideBarTexts`, each side-bar text that differs from the last. */
function recordSideBarTexts() {
  const texts = [];
  window.newsCorpusSideBarTexts = texts;
  const record = () => {
    const text = document.querySelector('.sidebar')?.innerText ?? '';
    if (text !== '' && text !== texts.at(-1)) texts.push(text);
    requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
}

describe('The views while the extension starts', function () {
  let workbench;

  after(async function () {
    await workbench?.close();
  });

  it('say what they are doing, never that VS Code has no data provider for them', async function () {
    workbench = await Workbench.open({ initScript: recordSideBarTexts });
    await workbench.openViewContainer('News Corpus');
    await workbench.treeRows('Dates').first().waitFor();
    await workbench.treeRows('Entities').filter({ hasText: 'People' }).first().waitFor();
    const texts = await workbench.page.evaluate(() => window.newsCorpusSideBarTexts);
    const shown = texts.filter((text) => text.includes('News Corpus'));
    assert.ok(shown.length > 0, 'the side bar showed the News Corpus views');
    const unregistered = shown.find((text) => text.includes(NO_PROVIDER));
    assert.equal(unregistered, undefined, `the side bar showed: ${unregistered}`);
    await workbench.screenshot('00-startup-views');
  });
});
