// `npm run bench:vscode [COUNT]`: what a user waits for in the real workbench. Generates COUNT (default 100,000)
// articles of real news length (12–40 Reuters paragraphs each, ~4 KB) in a temporary folder, opens it in
// code-server with the packaged extension and Chromium (as the e2e tests do), and prints the time to the first
// articles in the Dates view, to the first search answer and to a complete index, on the first opening and on a
// reopening with the saved index; after the reopening, the time to open an article, to list its names and to show
// the hover card on one; the time of a rescan with nothing changed; the longest stall of the extension
// host's event loop; the host's memory; and on the reopening, when each phase of the saved index's load ended (the
// stall probe's `load` line: see scripts/load-phases.mjs). Figures, not pass/fail. `--profile` also profiles the extension host's
// thread during each scan, and the workbench page's JavaScript during the first opening, and prints the functions that
// took most time. Before the workbench, the engine's own
// build of the same folder (`news-corpus index --rebuild`, the same threads and entity model) runs in a process of
// its own, so that the complete index can be compared with it at the same load. The Dates view's first rows and the
// first search answer are stamped inside the page as they appear (see installScreenStamps). `--rounds N` measures
// reopenings only, N of them after a first opening, each with its load's phases; `--alternate DIST` runs every
// second one with another build's bundles (a dist folder), to compare two builds' reopens at the same load. Needs
// ../shared (Reuters) and `npm run package`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPhasesLine } from './load-phases.mjs';
import { createSandbox, fail, installVsix, launchChromium, repoRoot, runMain, say, startCodeServer, workbenchUrl } from './harness.mjs';
import { ensureCodeServer } from './setup-vscode.mjs';
import { Workbench } from '../test/e2e/workbench.mjs';
// Bundled by the npm script from scripts/bench-corpus.ts: the same seeded real-length corpora as `npm run bench`.
import { benchCorpus } from '../out/scripts/bench-corpus.mjs';

const DEFAULT_COUNT = 100_000;
const REUTERS = join(repoRoot, '..', 'shared', 'corpora', 'reuters');
/** A step may wait for a whole first build of 100,000 articles on a loaded machine. */
const STEP_TIMEOUT_MS = 15 * 60_000;
/** The extension saves its index this long after the last change; the bench waits until the file is settled. */
const CACHE_SETTLED_MS = 2_000;
const QUERY = 'oil prices';
/** How long a reloaded workbench is given to draw the News Corpus side bar it had before the bench opens it. */
const RESTORED_SIDE_BAR_MS = 20_000;
const STALL_PROBE_VARIABLE = 'NEWS_CORPUS_STALL_PROBE';
const CPU_PROFILE_VARIABLE = 'NEWS_CORPUS_CPU_PROFILE';
/** Longer than the extension's own profile tail (`PROFILE_TAIL_MS` in src/diagnostics). */
const PROFILE_TAIL_WAIT_MS = 6_000;
/** Functions printed for each profile with `--profile`. */
const PROFILE_TOP = 15;
/** Where the page's own stamps of what it first showed are kept (see installScreenStamps). */
const SCREEN_STAMPS = '__newsCorpusScreenStamps';
const USAGE = 'usage: npm run bench:vscode -- [COUNT] [--profile] [--rounds N [--alternate DIST]] (COUNT and N positive whole numbers; DIST a built dist folder)';

/**
 * Stamps, inside the page and from its first script on (every reload included), when the Dates view first shows a
 * row and when the search box's title first shows an answer, as `Date.now()` (the host's probe uses the same
 * clock): polling from here saw them up to a poll's interval late. A MutationObserver runs before the next paint.
 */
function installScreenStamps(page) {
  return page.addInitScript((key) => {
    const stamps = {};
    window[key] = stamps;
    const datesRow = () =>
      [...document.querySelectorAll('.sidebar .pane')].some((pane) => pane.querySelector('.pane-header[aria-label^="Dates"]') && pane.querySelector('.monaco-list-row[role="treeitem"]'));
    const answered = () => / in [\d.]+ ms/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? '');
    const observer = new MutationObserver(() => {
      if (stamps.datesRows === undefined && datesRow()) stamps.datesRows = Date.now();
      if (stamps.searchAnswer === undefined && answered()) stamps.searchAnswer = Date.now();
      if (stamps.datesRows !== undefined && stamps.searchAnswer !== undefined) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, SCREEN_STAMPS);
}

/** The page's stamps (see installScreenStamps). */
function screenStamps(page) {
  return page.evaluate((key) => window[key] ?? {}, SCREEN_STAMPS);
}

/** A profile node's function, as "name file:line". */
function functionOf(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').at(-1)}:${lineNumber + 1}`;
}

/** The entries of `times` (name → µs) with most time, as "N ms name" lines. */
function mostTime(times, count) {
  return [...times].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, us]) => `${(us / 1000).toFixed(0)} ms ${name}`);
}

/**
 * The functions of a `.cpuprofile` that took most of its thread's time themselves, and its longest stretch without
 * an idle sample (the likeliest longest stall) with the functions it spent most time in, themselves or below.
 */
function topFunctions(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
  const self = new Map();
  let total = 0;
  let stretch = { from: 0, us: 0 };
  let longest = stretch;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const name = functionOf(byId.get(id));
    self.set(name, (self.get(name) ?? 0) + delta);
    total += delta;
    stretch = name.startsWith('(idle)') ? { from: i + 1, us: 0 } : { from: stretch.from, us: stretch.us + delta };
    if (stretch.us > longest.us) longest = stretch;
  });
  const within = new Map();
  for (let i = longest.from; i < profile.samples.length && !functionOf(byId.get(profile.samples[i])).startsWith('(idle)'); i++) {
    const names = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) names.add(functionOf(byId.get(id)));
    for (const name of names) within.set(name, (within.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  within.delete('(root) :0');
  return { totalMs: total / 1000, top: mostTime(self, PROFILE_TOP), longestMs: longest.us / 1000, longestTop: mostTime(within, PROFILE_TOP) };
}

/** Reads every file once, so that the runs measure the extension with the files in the page cache. */
function readAll(dir) {
  let bytes = 0;
  let files = 0;
  const pending = [dir];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) pending.push(join(folder, entry.name));
      else if (entry.name.endsWith('.txt')) {
        bytes += readFileSync(join(folder, entry.name)).length;
        files++;
      }
    }
  }
  return { bytes, files };
}

/** The extension's saved index under the sandbox's user data, once it exists and has not changed for a while. */
async function settledCache(userDataDir) {
  for (;;) {
    const files = readdirSync(userDataDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ncidx') || file.endsWith('.tmp'));
    const cache = files.find((file) => file.endsWith('.ncidx'));
    if (cache && !files.some((file) => file.endsWith('.tmp'))) {
      const info = statSync(join(userDataDir, cache));
      if (Date.now() - info.mtimeMs > CACHE_SETTLED_MS) return { path: join(userDataDir, cache), size: info.size, mtimeMs: info.mtimeMs };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The probe's lines: { pid, at, stallMs, rss, heapUsed, external } every half second. */
function probeLines(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** The longest stall between `from` and `to`, with when it ended, in ms from `from`. */
function longestStall(file, from, to) {
  // A line covers the half second before it: the window is widened by that much.
  const lines = probeLines(file).filter((line) => line.stallMs !== undefined && line.at >= from && line.at <= to + 600);
  const longest = lines.reduce((worst, line) => (line.stallMs > worst.stallMs ? line : worst), { stallMs: 0, at: from });
  return `${longest.stallMs} ms (ending before ${seconds(longest.at - from)})`;
}

/** When the scan that began after `after` ended: the first state other than scanning. */
function scanEndedAt(file, after) {
  return probeLines(file).find((line) => line.event === 'state' && line.state !== 'scanning' && line.at >= after)?.at;
}

/**
 * The engine's own build of `folder` (list, read, analyse, index; not the save), by the command line in a process of
 * its own, with the extension's entity model and thread count: what the workbench's complete first index is compared
 * with, by wall time and by the CPU time of the process (its threads included), which the machine's load sways less.
 */
function engineBuild(folder, sandboxRoot) {
  const started = Date.now();
  const output = execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'index', folder, '--cache', join(sandboxRoot, 'engine.ncidx'), '--rebuild'], { encoding: 'utf8' });
  const wall = Date.now() - started;
  const figure = (pattern) => Number(pattern.exec(output)?.[1] ?? NaN) * 1000;
  return {
    listBuildMs: figure(/list files ([\d.]+) s/) + figure(/read \+ analyse \+ index ([\d.]+) s/),
    wall,
    cpuMs: figure(/CPU of all threads up to the complete index ([\d.]+) s/),
    summary: output.trim().split('\n').slice(0, 4).join(' / '),
  };
}

/** The host's CPU time from its activation to the end of the scan that followed (its indexing threads included). */
function buildCpu(file, activatedTime) {
  const lines = probeLines(file);
  const activated = lines.find((line) => line.event === 'activated' && line.at >= activatedTime);
  const ended = activated && lines.find((line) => line.event === 'state' && line.state !== 'scanning' && line.pid === activated.pid && line.at >= activated.at);
  return ended?.cpuMs === undefined || activated.cpuMs === undefined ? undefined : ended.cpuMs - activated.cpuMs;
}

/** The probe's steps of the scan between `from` and `to`, in seconds from `from`: where the time to the first articles goes. */
function timeline(file, from, to) {
  // A load's phases have a line of their own (see loadPhasesLine).
  const steps = probeLines(file).filter((line) => line.event !== undefined && line.event !== 'load' && line.at >= from && line.at <= to + 600);
  const describe = (line) => {
    if (line.event === 'activated') return `extension activated (host process up ${seconds(line.hostUptimeMs)})`;
    if (line.event === 'phase') return `phase ${line.phase}`;
    if (line.event === 'state') return `state ${line.state} (${line.articles.toLocaleString('en-US')} articles)`;
    return `${line.articles.toLocaleString('en-US')} articles listed`;
  };
  return steps.map((line) => `${seconds(line.at - from)} ${describe(line)}`).join('; ');
}

function memoryAt(file, at) {
  const line = probeLines(file).filter((entry) => entry.rss !== undefined && entry.at <= at + 600).at(-1);
  return line ? `RSS ${(line.rss / 2 ** 20).toFixed(0)} MB, heap ${(line.heapUsed / 2 ** 20).toFixed(0)} MB, external ${(line.external / 2 ** 20).toFixed(0)} MB` : 'not reported';
}

/** Clock ticks a second in /proc/PID/stat (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** What a process of the workbench is, from its command line: where the CPU of a first opening goes besides the host. */
function processKind(commandLine) {
  if (commandLine.includes('extensionHost')) return 'extension host';
  if (commandLine.includes('fileWatcher')) return 'file watcher';
  if (commandLine.includes('--type=renderer')) return 'Chromium renderer';
  if (commandLine.includes('--type=gpu-process')) return 'Chromium GPU';
  if (/chrom/i.test(commandLine)) return 'Chromium, other';
  return commandLine.includes('code-server') ? 'code-server, other' : undefined;
}

/**
 * CPU time (ms) of each of this benchmark's descendant processes that is a workbench process (see processKind),
 * from /proc: the workbench's own processes only, not another session's on the same machine.
 */
function workbenchCpu() {
  const stats = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields that follow are counted from its end.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      stats.push({ pid: Number(pid), ppid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS, kind: processKind(commandLine) });
    } catch {
      // Gone while being read.
    }
  }
  const ours = new Set([process.pid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const stat of stats) if (!ours.has(stat.pid) && ours.has(stat.ppid)) grown = ours.add(stat.pid) !== undefined;
  }
  return new Map(stats.filter((stat) => ours.has(stat.pid) && stat.kind !== undefined).map((stat) => [stat.pid, stat]));
}

/**
 * The CPU each kind of workbench process used between two {@link workbenchCpu} readings, as "kind N s" text: a
 * process started since counts from nothing (a reload's new extension host), one that ended is not counted.
 */
function cpuBetween(before, after) {
  const byKind = new Map();
  for (const [pid, { kind, cpuMs }] of after) byKind.set(kind, (byKind.get(kind) ?? 0) + cpuMs - (before.get(pid)?.cpuMs ?? 0));
  return [...byKind].sort((a, b) => b[1] - a[1]).map(([kind, ms]) => `${kind} ${seconds(ms)}`).join(', ');
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');

/**
 * Opens the workbench at `url`, or reloads it, and measures until the index is complete. With `rendererProfile` (a
 * file), the page's own JavaScript is profiled meanwhile (the Chrome DevTools Protocol's profiler, in the renderer).
 */
async function measureOpening(workbench, count, reload, probe, rendererProfile) {
  const { page } = workbench;
  const started = Date.now();
  const cpuBefore = workbenchCpu();
  const devtools = rendererProfile === undefined ? undefined : await page.context().newCDPSession(page);
  await devtools?.send('Profiler.enable');
  await devtools?.send('Profiler.start');
  if (reload) await page.reload();
  else await page.goto(workbench.url);
  await page.locator('.monaco-workbench').waitFor();
  const container = page.locator('.sidebar .composite.title').filter({ hasText: 'News Corpus' });
  // A reloaded workbench draws the side bar it had a moment later: clicking its icon before that would close it.
  const shown = reload ? await container.waitFor({ timeout: RESTORED_SIDE_BAR_MS }).then(() => true, () => false) : await container.isVisible();
  if (!shown) await workbench.openViewContainer('News Corpus');
  await workbench.treeRows('Dates').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await workbench.runCommand('News Corpus: Search Articles');
  await workbench.quickInput().fill(QUERY);
  const title = workbench.quickInputTitle().filter({ hasText: / in [\d.]+ ms/ });
  await title.waitFor({ timeout: STEP_TIMEOUT_MS });
  const answer = ((await title.textContent()) ?? '').trim();
  const stamps = await screenStamps(page);
  const firstArticles = stamps.datesRows - started;
  const firstSearch = stamps.searchAnswer - started;
  await page.keyboard.press('Escape');
  await completeIndex(page, count);
  const complete = Date.now() - started;
  const cpu = cpuBetween(cpuBefore, workbenchCpu());
  if (devtools) writeFileSync(rendererProfile, JSON.stringify((await devtools.send('Profiler.stop')).profile));
  const activatedLine = activationLine(probe, started);
  const activatedTime = activatedLine?.at ?? started;
  const loadPhases = activatedLine && loadPhasesLine(probeLines(probe), activatedLine);
  const activated = activatedTime - started;
  const checking = activatedLine && probeLines(probe).find((line) => line.event === 'phase' && line.phase === 'checking' && line.pid === activatedLine.pid && line.at >= activatedTime);
  const ended = scanEndedAt(probe, activatedTime);
  const builtAfterActivation = ended === undefined ? undefined : ended - activatedTime;
  return { activated, searchableAfterActivation: checking && checking.at - activatedTime, builtAfterActivation, buildCpuMs: buildCpu(probe, activatedTime), firstArticles, firstSearch, answer, complete, stall: longestStall(probe, started, started + complete), memory: memoryAt(probe, started + complete), steps: timeline(probe, started, started + complete), loadPhases, cpu };
}

/** Resolves once the status bar shows the article count without a spinner: the index is complete. */
function completeIndex(page, count) {
  return page.locator('.statusbar-item').filter({ has: page.locator('.codicon-library') }).filter({ hasText: count.toLocaleString('en-US') }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

async function measureRescan(workbench, count, probe) {
  const { page } = workbench;
  const started = Date.now();
  await workbench.runCommand('News Corpus: Rescan Workspace');
  // The palette's own time (opening, filtering the commands) is not the extension's: the count is also timed from Enter.
  const entered = Date.now();
  // The spinner may come and go between two looks at a small folder: not seeing it is not an error.
  await page.locator('.statusbar-item .codicon-sync').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
  await completeIndex(page, count);
  const done = Date.now();
  const took = done - started;
  return { took, fromEnter: done - entered, scan: await lastScanTime(page, count), stall: longestStall(probe, started, started + took), steps: timeline(probe, started, started + took) };
}

/** The extension's own time for its last scan, from the status bar item's tooltip ("… in 0.8 s."). */
async function lastScanTime(page, count) {
  const item = page.locator('.statusbar-item').filter({ has: page.locator('.codicon-library') }).filter({ hasText: count.toLocaleString('en-US') }).first();
  await item.hover();
  const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: 'Last scan' }).first();
  const text = await hover.textContent({ timeout: 10_000 }).catch(() => '');
  await page.mouse.move(0, 0);
  return /in ([\d.]+) s\./.exec(text ?? '')?.[1] ?? '?';
}

/** The article the hover is measured on: one in the middle of the generated folder, never opened before. */
const hoverArticle = (count) => `${String(Math.floor(count / 2)).padStart(6, '0')}.txt`;
/** How many names the hover card is asked for, each a mention further down the article. */
const HOVER_ROUNDS = 3;
/** A step of the hover's measure that takes longer has failed (the other steps may wait for a whole build). */
const HOVER_STEP_TIMEOUT_MS = 60_000;

/**
 * What a reader meets on opening an article after a reopen: the article opened with Quick Open, its names listed
 * (Go to Symbol in Editor lists every mention once the article is analysed), then the hover card asked for with the
 * keyboard (Ctrl+K Ctrl+I, Show or Focus Hover) on one mention after another. The keyboard, not the mouse: the
 * mouse's rest before a hover (editor.hover.delay) is the workbench's, not the extension's.
 */
async function measureHover(workbench, count, probe) {
  const { page } = workbench;
  const name = hoverArticle(count);
  const step = { timeout: HOVER_STEP_TIMEOUT_MS };
  await page.keyboard.press('Control+P');
  await workbench.quickInput().fill(name, step);
  await workbench.activeQuickInputRow().filter({ hasText: name }).waitFor(step);
  const opened = Date.now();
  await page.keyboard.press('Enter');
  await page.locator(`.editor-group-container.active .tab.active[data-resource-name="${name}"]`).waitFor(step);
  const shown = Date.now() - opened;
  await page.keyboard.press('Control+Shift+O');
  // A mention's row has its type as description; the rows of the groups (People, Places…) have none.
  const mentions = workbench.quickInputRows().filter({ has: page.locator('.label-description') });
  await mentions.first().waitFor(step);
  const listed = Date.now() - opened;
  const names = await mentions.count();
  const hovers = [];
  for (let round = 0; round < Math.min(HOVER_ROUNDS, names); round++) {
    if (round > 0) await page.keyboard.press('Control+Shift+O');
    await mentions.nth(round).click(step);
    await workbench.quickInput().waitFor({ state: 'hidden', ...step });
    const asked = Date.now();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    // The card's own link row ("Mentions" is on every card): the workbench's "Loading..." hover does not count.
    await page.locator('.monaco-hover').filter({ hasText: 'Mentions' }).first().waitFor(step);
    hovers.push(Date.now() - asked);
    await page.keyboard.press('Escape');
  }
  return { name, shown, listed, names, hovers, stall: longestStall(probe, opened, Date.now()) };
}

/** code-server with the stall probe on (and `env`), and Chromium's page stamping what it shows (see installScreenStamps). */
async function openWorkbench(sandbox, folder, probe, env, defer) {
  const server = await startCodeServer({ sandbox, smokeTestDriver: false, defer, env: { [STALL_PROBE_VARIABLE]: probe, ...env } });
  const browser = await launchChromium();
  defer(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await installScreenStamps(page);
  server.silence();
  return Object.assign(new Workbench(browser, page), { url: workbenchUrl(server.baseUrl, folder) });
}

/** The probe's line for the extension's activation in a host started after `after`. */
function activationLine(file, after) {
  return probeLines(file).find((line) => line.event === 'activated' && line.at >= after);
}

/** The command line's options: see the file's comment and {@link USAGE}. */
function options(args) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { profile: { type: 'boolean' }, rounds: { type: 'string' }, alternate: { type: 'string' } } });
  const count = Number(positionals[0] ?? DEFAULT_COUNT);
  const rounds = values.rounds === undefined ? undefined : Number(values.rounds);
  const wholeNumbers = [count, rounds ?? 1].every((value) => Number.isInteger(value) && value >= 1);
  if (!wholeNumbers || positionals.length > 1 || (values.alternate !== undefined && rounds === undefined) || (values.profile && rounds !== undefined)) fail(USAGE);
  if (values.alternate !== undefined && !existsSync(join(values.alternate, 'extension.js'))) fail(`${values.alternate} holds no extension.js: --alternate names a built dist folder.`);
  return { count, profiling: values.profile === true, rounds, alternate: values.alternate };
}

/** Replaces the installed extension's bundles with those of `dist` (read by the next extension host: a reload's). */
function installBundles(dist, installedDist) {
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.js'))) copyFileSync(join(dist, file), join(installedDist, file));
}

/**
 * `--rounds N`: reopenings only, after a first opening that saves the index, each printed with its phases; with
 * `--alternate DIST`, every second one runs DIST's bundles instead of this build's (A B A B…), so that a change to
 * the reopen is measured against another build at the same load.
 */
async function reopenRounds(workbench, { count, rounds, alternate }, probe, sandbox) {
  await measureOpening(workbench, count, false, probe);
  say(`first opening done (load average ${load()}); waiting for the index to be saved…`);
  await settledCache(sandbox.userDataDir);
  const { publisher, name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const installedDist = join(sandbox.extensionsDir, `${publisher}.${name}-${version}`, 'dist');
  const builds = { A: join(sandbox.root, 'dist-A'), B: alternate };
  cpSync(installedDist, builds.A, { recursive: true });
  for (let round = 1; round <= rounds; round++) {
    const build = alternate !== undefined && round % 2 === 0 ? 'B' : 'A';
    installBundles(builds[build], installedDist);
    const loadBefore = load();
    const row = await measureOpening(workbench, count, true, probe);
    const searchable = row.searchableAfterActivation === undefined ? '?' : seconds(row.searchableAfterActivation);
    console.log(
      `  round ${round} ${build} (load average ${loadBefore} → ${load()}): activated after ${seconds(row.activated)}; after the activation: first articles on screen ${seconds(row.firstArticles - row.activated)}, search can answer ${searchable}, complete ${row.builtAfterActivation === undefined ? '?' : seconds(row.builtAfterActivation)}; longest stall ${row.stall}`,
    );
    console.log(`    phases: ${row.loadPhases ?? 'no load line'}`);
  }
  return 0;
}

await runMain(async (defer) => {
  const { count, profiling, rounds, alternate } = options(process.argv.slice(2));
  await ensureCodeServer();
  if (!existsSync(REUTERS)) fail(`${REUTERS} is missing: the benchmark needs the shared Reuters corpus.`);
  say(`generating (or reusing) ${count.toLocaleString('en-US')} real-length articles…`);
  const folder = benchCorpus(REUTERS, count, 'real');
  const text = readAll(folder);
  say(`${text.files.toLocaleString('en-US')} articles, ${(text.bytes / 2 ** 20).toFixed(0)} MB of text (${(text.bytes / text.files / 1024).toFixed(1)} KB an article), read once into the page cache; load average ${load()}`);

  const sandbox = await createSandbox(defer);
  if (rounds !== undefined) {
    const probe = join(sandbox.root, 'stall-probe.jsonl');
    await installVsix(sandbox);
    return reopenRounds(await openWorkbench(sandbox, folder, probe, {}, defer), { count, rounds, alternate }, probe, sandbox);
  }
  say(`the engine's own build of the same folder (news-corpus index --rebuild), load average ${load()}…`);
  const engine = engineBuild(folder, sandbox.root);
  say(`engine build: list + read + analyse + index ${seconds(engine.listBuildMs)} (${seconds(engine.wall)} with its start and save; CPU ${seconds(engine.cpuMs)} before the save); load average ${load()}`);
  const probe = join(sandbox.root, 'stall-probe.jsonl');
  await installVsix(sandbox);
  const profiles = join(sandbox.root, 'profiles');
  mkdirSync(profiles);
  const workbench = await openWorkbench(sandbox, folder, probe, profiling ? { [CPU_PROFILE_VARIABLE]: profiles } : {}, defer);

  const rows = [];
  const first = await measureOpening(workbench, count, false, probe, profiling ? join(profiles, 'renderer-first-opening.cpuprofile') : undefined);
  rows.push(['first opening', first]);
  const built = first.builtAfterActivation === undefined ? '?' : seconds(first.builtAfterActivation - engine.listBuildMs);
  const cpu = first.buildCpuMs === undefined ? '?' : seconds(first.buildCpuMs - engine.cpuMs);
  say(`complete first index ${built} later than the engine's own build (activation → ready against list + build), CPU ${cpu} more (the host's from its activation against the engine's); load average ${load()}`);
  say(`first opening done (load average ${load()}); waiting for the index to be saved…`);
  const cache = await settledCache(sandbox.userDataDir);
  const rescans = [];
  for (let i = 0; i < 2; i++) rescans.push(await measureRescan(workbench, count, probe));
  const afterRescans = statSync(cache.path);
  const reopen = await measureOpening(workbench, count, true, probe);
  rows.push(['reopening', reopen]);
  const hover = await measureHover(workbench, count, probe).catch(async (error) => {
    await workbench.screenshot('bench-vscode-hover-failed');
    throw error;
  });
  // The host profiles a scan until a while after it ends (the work it queues): the reopening's profile comes then.
  if (profiling) await new Promise((resolve) => setTimeout(resolve, PROFILE_TAIL_WAIT_MS));

  say(`results at ${count.toLocaleString('en-US')} articles (${(text.bytes / 2 ** 20).toFixed(0)} MB of text), load average ${load()}:`);
  console.log(`  the engine's own build (news-corpus index --rebuild, before the workbench): ${seconds(engine.listBuildMs)} to list, read, analyse and index, CPU ${seconds(engine.cpuMs)} (all its threads, before the save); ${engine.summary}`);
  for (const [name, row] of rows) {
    const built = row.builtAfterActivation === undefined ? '?' : seconds(row.builtAfterActivation);
    console.log(`  ${name} (from the page load; the extension activated after ${seconds(row.activated)}): first articles in the Dates view ${seconds(row.firstArticles)} (${seconds(row.firstArticles - row.activated)} after the activation, stamped in the page), first search answer ${seconds(row.firstSearch)} ("${row.answer}"), complete index ${seconds(row.complete)} (${built} after the activation, host CPU meanwhile ${row.buildCpuMs === undefined ? '?' : seconds(row.buildCpuMs)}), longest extension-host stall ${row.stall}; host memory then: ${row.memory}`);
    console.log(`    steps from the page load: ${row.steps}`);
    if (row.loadPhases) console.log(`    the saved index's load, phases ended after the activation: ${row.loadPhases}`);
    console.log(`    CPU of the workbench's processes from the page load to the complete index: ${row.cpu}`);
  }
  const hoverTimes = hover.hovers.map((ms) => `${ms} ms`).join(', ');
  console.log(`  after the reopening, an article never opened (${hover.name}): on screen ${seconds(hover.shown)} after Enter in Quick Open, its names listed by Go to Symbol ${seconds(hover.listed)} after it (${hover.names.toLocaleString('en-US')} mentions); hover card from the keystroke (Show or Focus Hover) to the card on screen, first and next mentions: ${hoverTimes || 'no mention to hover'}; longest extension-host stall meanwhile ${hover.stall}`);
  for (const [i, rescan] of rescans.entries()) console.log(`  rescan ${i + 1} with nothing changed: ${rescan.scan} s in the extension, ${seconds(rescan.took)} from the command palette to the count (${seconds(rescan.fromEnter)} from Enter), longest stall ${rescan.stall}; steps: ${rescan.steps}`);
  const rewritten = afterRescans.mtimeMs !== cache.mtimeMs || afterRescans.size !== cache.size;
  const kept = join(repoRoot, 'out', 'bench-vscode-profiles');
  if (profiling) mkdirSync(kept, { recursive: true });
  for (const file of readdirSync(profiles).sort()) {
    // Kept for DevTools (the sandbox goes): its Performance panel loads a .cpuprofile.
    copyFileSync(join(profiles, file), join(kept, file));
    const { totalMs, top, longestMs, longestTop } = topFunctions(join(profiles, file));
    console.log(`  CPU profile of ${file.startsWith('renderer') ? "the workbench page's JavaScript" : 'the extension host'}, ${file} (${seconds(totalMs)} sampled), most time itself (the file is in out/bench-vscode-profiles):\n    ${top.join('\n    ')}`);
    console.log(`  its longest busy stretch (no idle sample), ${longestMs.toFixed(0)} ms, by time in a function or below it:\n    ${longestTop.join('\n    ')}`);
  }
  console.log(`  cache file ${(cache.size / 2 ** 20).toFixed(0)} MB (${Math.round((100 * cache.size) / text.bytes)} % of the text); ${rewritten ? 'REWRITTEN by the unchanged rescans' : 'not rewritten by the unchanged rescans'}`);
  return 0;
});
