import * as assert from 'assert';
import { panelPage } from '../../../src/panels/panel-page';

describe('panel page', () => {
  const page = panelPage({
    cspSource: 'https://webview.example',
    nonce: 'n0nce',
    mediaUri: (name) => `https://webview.example/media/${name}`,
    script: 'timeline.js',
    title: 'Timeline: <script>"x" & y',
  });

  it('allows nothing by default, scripts only with its nonce, styles only from the extension', () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    assert.match(policy, /^default-src 'none';/);
    assert.match(policy, /script-src 'nonce-n0nce';/);
    assert.match(policy, /style-src https:\/\/webview\.example;/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  });

  it('loads the shared script and its own, each with the nonce, and no inline script', () => {
    const scripts = [...page.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    assert.deepStrictEqual(
      scripts.map(([, attributes]) => attributes),
      [' nonce="n0nce" src="https://webview.example/media/common.js"', ' nonce="n0nce" src="https://webview.example/media/timeline.js"'],
    );
    assert.ok(scripts.every(([, , body]) => body === ''));
  });

  it('keeps one live region outside the page it redraws, and none around the whole page', () => {
    assert.match(page, /<main id="app"><\/main>\n<p id="announce" class="visually-hidden" role="status"><\/p>/);
    assert.doesNotMatch(page, /aria-live/);
  });

  it('escapes the title', () => {
    assert.match(page, /<title>Timeline: &#60;script&#62;&#34;x&#34; &#38; y<\/title>/);
  });
});
