import * as assert from 'assert';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/core/article-file';
import { prepareCandidate } from '../../src/corpus/read-candidate';

describe('Preparing a file on disk for the index', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'news-corpus-candidate-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stamps it with the size and modification time the disk reports, leaving the reading to the threads', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, ' date 2023-09-13 On disk.');
    const outcome = await prepareCandidate({ uri: vscode.Uri.file(file), path: 'a.txt' }, DEFAULT_MAX_FILE_BYTES);
    const stat = statSync(file);
    assert.deepStrictEqual(outcome, { kind: 'job', job: { path: file, size: stat.size, mtimeMs: stat.mtimeMs } });
  });

  it('calls a file deleted since it was listed gone, and a too large one skipped, without reading it', async () => {
    assert.deepStrictEqual(await prepareCandidate({ uri: vscode.Uri.file(join(dir, 'deleted.txt')), path: 'deleted.txt' }, DEFAULT_MAX_FILE_BYTES), { kind: 'gone' });
    const big = join(dir, 'big.txt');
    writeFileSync(big, ' date 2023-09-13 ' + 'x'.repeat(2000));
    const outcome = await prepareCandidate({ uri: vscode.Uri.file(big), path: 'big.txt' }, 1000);
    assert.strictEqual(outcome.kind === 'skipped' && outcome.file.reason, 'too-large');
  });
});
