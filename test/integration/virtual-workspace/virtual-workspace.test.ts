// Runs with the workbench opened on newscorpus-test:/corpus, a virtual workspace served from memory by the
// test extension in test/fixtures/virtual-fs-extension: no folder on disk, files only through workspace.fs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { VirtualFsApi } from '../../fixtures/virtual-fs-extension/extension';
import { api, EXTENSION_ID } from '../helpers';

const VIRTUAL_FS_ID = 'news-corpus-test.virtual-fs';

function fileSystemCalls(): readonly string[] {
  const calls = vscode.extensions.getExtension<VirtualFsApi>(VIRTUAL_FS_ID)?.exports?.calls;
  assert.ok(calls, `${VIRTUAL_FS_ID} serves the workspace`);
  return calls;
}

describe('A virtual workspace (no folder on disk)', () => {
  it('is what the workbench opened', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(folders.map((folder) => folder.uri.toString()), ['newscorpus-test:/corpus']);
  });

  it('runs the extension, which declares that it supports virtual workspaces', async () => {
    await api();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.isActive, true);
    assert.equal(extension.packageJSON.capabilities?.virtualWorkspaces, true);
  });

  it('finds the articles, in subfolders too', async () => {
    const corpus = await api();
    const titles = [...corpus.corpus.articles()].map((article) => article.title).sort();
    assert.deepEqual(titles, ['A good article from a virtual folder.', 'Another article, one folder down.']);
  });

  it('indexes the articles it reads through workspace.fs', async () => {
    const corpus = await api();
    const response = corpus.search('virtual folder', {});
    assert.ok(response?.ok);
    assert.deepEqual(response.hits.map((hit) => hit.title), ['A good article from a virtual folder.']);
  });

  it('shows them in the Dates view', async () => {
    const corpus = await api();
    const roots = await corpus.datesTree.getChildren();
    assert.deepEqual(roots.map((root) => corpus.datesTree.getTreeItem(root).label), ['2022']);
  });

  it('reports an unreadable folder and an unreadable file instead of failing', async () => {
    const corpus = await api();
    const skipped = new Map([...corpus.corpus.skipped()].map((file) => [vscode.Uri.parse(file.id).path, file]));
    assert.equal(skipped.get('/corpus/locked')?.reason, 'unreadable');
    assert.match(skipped.get('/corpus/locked')?.message ?? '', /^folder could not be read/);
    assert.equal(skipped.get('/corpus/forbidden.txt')?.reason, 'unreadable');
  });

  it('skips a huge file by its size, without reading it', async () => {
    const corpus = await api();
    const huge = [...corpus.corpus.skipped()].find((file) => file.id.endsWith('/huge.txt'));
    assert.equal(huge?.reason, 'too-large');
    assert.match(huge?.message ?? '', /51,200 KB/);
    assert.ok(!fileSystemCalls().includes('readFile /corpus/huge.txt'));
  });

  it('forgets a file deleted while the corpus was being read, without calling it an error', async () => {
    const corpus = await api();
    const ids = [...corpus.corpus.articles(), ...corpus.corpus.skipped()].map((entry) => entry.id);
    assert.ok(!ids.some((id) => id.endsWith('/vanishing.txt')));
  });

  it('does not fetch the files again on a rescan when the index has them unchanged', async () => {
    const corpus = await api();
    const reads = () => fileSystemCalls().filter((call) => call === 'readFile /corpus/good.txt').length;
    const before = reads();
    await vscode.commands.executeCommand('newsCorpus.refresh');
    await corpus.whenIdle();
    assert.equal(reads(), before);
    const scan = corpus.lastScan();
    assert.deepEqual(scan && { reread: scan.reread, unchanged: scan.unchanged }, { reread: 0, unchanged: 2 });
    const response = corpus.search('virtual folder', {});
    assert.ok(response?.ok);
    assert.equal(response.total, 1, 'the unchanged article is still searchable');
  });

  it('never writes, deletes or renames anything', async () => {
    await api();
    assert.deepEqual(fileSystemCalls().filter((call) => /^(writeFile|delete|rename|createDirectory) /.test(call)), []);
  });
});
