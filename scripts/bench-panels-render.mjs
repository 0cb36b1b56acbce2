// The render half of `npm run bench:panels`: draws the panels' data in Chromium and prints how long it takes.
// Input: a JSON file written by scripts/bench-panels.ts (the data each panel's own `data()` computed from the
// index of the bench corpus, e.g. 100,000 articles), so what is drawn is what the extension would send.
// Each page is the panel's own page (src/panels/panel-page.ts: the same HTML and Content-Security-Policy, the
// scripts and stylesheet of media/panels/), served from a local HTTP server instead of a VS Code webview, with
// `acquireVsCodeApi` and the Dark Modern theme's colour variables supplied as VS Code supplies them.
// What is timed, per page: from posting the data message (as the extension's `postMessage` arrives) to the
// end of the first frame painted with it (a requestAnimationFrame callback queued after the panel's own
// message handler, then a task queued from it, which runs once that frame is rendered); the first data on a
// freshly loaded page, then the median of redraws of the same data (a brush, a sort, a page turn redraw the
// whole panel). Beside the wall time, the CPU time of the page's main thread over the same span (Chrome's
// ThreadTime metric: the script, style, layout and paint, without the waiting a shared machine adds; the
// target is checked against it) and the script's own DOM-building time (data-render-ms, wall).
// Screenshots of the drawn pages land in test-results/bench-panels/.
// Not measured: VS Code's webview frames and the extension host's message passing (both outside the panels).
// Usage: node scripts/bench-panels-render.mjs [data.json…] (default: every panels-data-*.json of the bench folder)
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { launchChromium, repoRoot, runMain, say } from './harness.mjs';
// Bundled by the npm script from src/panels/panel-page.ts: the page the extension gives each panel.
import { panelPage } from '../out/scripts/panel-page.mjs';

const TARGET_MS = 300;
const REDRAWS = 7;
/** The size of an editor area on a laptop screen: the panels size their charts to the page's width. */
const VIEWPORT = { width: 1280, height: 800 };
const BENCH_FOLDER = join(tmpdir(), 'news-corpus-bench');
const MEDIA = join(repoRoot, 'media', 'panels');
const CONTENT_TYPES = { '.js': 'text/javascript', '.css': 'text/css' };
/** The Dark Modern theme's values of the variables panels.css reads (VS Code sets them on the page's root). */
const THEME = {
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-foreground': '#cccccc',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-border': '#ffffff12',
  '--vscode-button-hoverBackground': '#026ec1',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-editor-selectionBackground': '#264f78',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-input-background': '#313131',
  '--vscode-input-border': '#3c3c3c',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-list-hoverBackground': '#2a2d2e',
  '--vscode-textLink-foreground': '#4daafc',
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Serves each panel's page at /<script> (a fresh nonce per request) and media/panels/ at /media/. */
function servePages() {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const origin = `http://${request.headers.host}`;
    if (url.pathname.startsWith('/media/')) {
      const name = url.pathname.slice('/media/'.length);
      if (!/^[\w-]+\.(js|css)$/.test(name)) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(name)] }).end(readFileSync(join(MEDIA, name)));
      return undefined;
    }
    const script = url.pathname.slice(1);
    const html = panelPage({ cspSource: origin, nonce: randomBytes(16).toString('base64'), mediaUri: (name) => `${origin}/media/${name}`, script, title: url.searchParams.get('title') ?? '' });
    response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    return undefined;
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Runs in the page before its scripts, as VS Code's webview host does: the API the scripts talk to (state
 * kept, messages to the extension noted) and the theme's variables. Then offers `__drawTimed(message)`.
 */
function preparePage(theme) {
  const posted = [];
  window.__posted = posted;
  window.acquireVsCodeApi = () => ({ postMessage: (message) => posted.push(message), setState: () => undefined, getState: () => undefined });
  // The page has no root element yet when this runs; its data comes after it has loaded.
  document.addEventListener('DOMContentLoaded', () => {
    for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(name, value);
  });
  window.__drawTimed = (message) =>
    new Promise((resolve) => {
      let started = 0;
      // Added after the panel's own listener, so it runs once the panel has drawn the message.
      const painted = () => {
        window.removeEventListener('message', painted);
        requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - started, scriptMs: Number(document.body.getAttribute('data-render-ms')) })));
      };
      window.addEventListener('message', painted);
      started = performance.now();
      window.postMessage(message, '*');
    });
}

/** Where each drawn page's screenshot goes, to look at what was timed. */
const SCREENSHOTS = join(repoRoot, 'test-results', 'bench-panels');

async function drawPage(browser, origin, { name, script, title, state, data }, shot) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  try {
    await page.addInitScript(preparePage, THEME);
    await page.goto(`${origin}/${script}?title=${encodeURIComponent(title)}`);
    await page.waitForFunction(() => window.__posted.some((message) => message.type === 'ready'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? 0;
    const message = { type: 'data', state, data };
    const draw = async () => {
      const before = await threadTime();
      const timed = await page.evaluate((sent) => window.__drawTimed(sent), message);
      return { ...timed, cpuMs: ((await threadTime()) - before) * 1000 };
    };
    const first = await draw();
    const redraws = [];
    for (let i = 0; i < REDRAWS; i++) redraws.push(await draw());
    const elements = await page.evaluate(() => document.querySelectorAll('#app *').length);
    await page.screenshot({ path: shot, fullPage: true });
    if (errors.length > 0) throw new Error(`News Corpus: the page of "${name}" reported: ${errors.join('; ')}`);
    const redraw = Object.fromEntries(['ms', 'scriptMs', 'cpuMs'].map((key) => [key, median(redraws.map((run) => run[key]))]));
    return { first, redraw, elements };
  } finally {
    await page.close();
  }
}

async function benchFile(browser, origin, file) {
  const { articles, pages } = JSON.parse(readFileSync(file, 'utf8'));
  await mkdir(SCREENSHOTS, { recursive: true });
  say(`drawing the panels' data at ${articles.toLocaleString('en-US')} articles in Chromium, load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.log('panel render: data message → painted frame            elements    first: ms   CPU script   redraw: ms   CPU script');
  for (const [at, input] of pages.entries()) {
    const shot = join(SCREENSHOTS, `${articles}-${String(at).padStart(2, '0')}-${input.script.replace(/\.js$/, '')}.png`);
    const { first, redraw, elements } = await drawPage(browser, origin, input, shot);
    const flag = Math.max(first.cpuMs, redraw.cpuMs) > TARGET_MS ? `  over ${TARGET_MS} ms` : '';
    const cell = ({ ms, cpuMs, scriptMs }) => `${ms.toFixed(1).padStart(11)} ${cpuMs.toFixed(1).padStart(6)} ${scriptMs.toFixed(1).padStart(6)}`;
    console.log(`${input.name.padEnd(54)} ${String(elements).padStart(8)} ${cell(first)}  ${cell(redraw)}${flag}`);
  }
}

await runMain(async (defer) => {
  const files = process.argv.slice(2);
  const inputs = files.length > 0 ? files : readdirSync(BENCH_FOLDER).filter((name) => /^panels-data-\d+\.json$/.test(name)).map((name) => join(BENCH_FOLDER, name));
  if (inputs.length === 0) throw new Error('News Corpus: no panel data to draw; run npm run bench:panels first.');
  const server = await servePages();
  defer(() => new Promise((resolve) => server.close(resolve)));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  defer(() => browser.close());
  for (const file of inputs) await benchFile(browser, origin, file);
  return 0;
});
