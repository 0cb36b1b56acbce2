// Packages the extension and checks the VSIX: at most 4 MiB, and only what runs (no sources, tests,
// sample or research data, node_modules). Prints a closing line the CI reads: "package: N passed, N failed".
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { repoRoot, vsixPath } from './harness.mjs';

// 2.5 MB until the GloVe word clusters of issue 11 (the model compresses to about 2.4 MB), 3 MB until the
// projected GloVe vectors (fourteenth session: 0.80 MB of int8 values that do not compress, VSIX 3.35 MB), 3.5 MB
// until the model trained on BTC's news tweets (fifteenth session: 0.21 MB more weights, VSIX 3.53 MB), 3.75 MiB
// until the clusters of the words two away (twenty-ninth session: 0.13 MB more weights, VSIX 3.746 MiB, 4 KiB under
// it); the issue
// allows 5 MB, and the limit stays just above what ships so that waste still shows.
const MAX_VSIX_BYTES = 4 * 1024 * 1024;
const FORBIDDEN = [/^src\//, /^test\//, /^out\//, /^samples\//, /^scripts\//, /^node_modules\//, /\.ts$/, /\.map$/, /reuters|conll/i];
const REQUIRED = ['package.json', 'dist/extension.js', 'dist/cli.js', 'dist/index-worker.js', 'dist/cache-reader.js', 'dist/list-worker.js', 'models/ner.bin', 'media/news-corpus.svg', 'syntaxes/news-article.tmLanguage.json'];

/** The names in a zip file's central directory (a VSIX is a zip), read without an unzip tool. */
function zipEntries(path) {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

execFileSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
const files = zipEntries(vsixPath).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
const size = statSync(vsixPath).size;

const checks = [
  [`VSIX is at most 4 MiB (${(size / 1024 / 1024).toFixed(2)} MiB)`, size <= MAX_VSIX_BYTES],
  ...REQUIRED.map((file) => [`VSIX holds ${file}`, files.includes(file)]),
  ...files.map((file) => [`${file} belongs in the VSIX`, !FORBIDDEN.some((pattern) => pattern.test(file))]).filter(([, ok]) => !ok),
];
for (const [name, ok] of checks) console.log(`${ok ? '  ✔' : '  ✘'} ${name}`);
console.log(`VSIX files: ${files.join(', ')}`);
const failed = checks.filter(([, ok]) => !ok).length;
console.log(`package: ${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
