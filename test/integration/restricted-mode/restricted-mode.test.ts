// Runs with workspace trust on and the fixture workspace not trusted: Restricted Mode, in which VS Code enables
// only the extensions that declare they support it. Browsing, search and highlighting execute nothing from the
// corpus, so the whole extension works here.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, languageBecomes, workspaceUri } from '../helpers';

describe('Restricted Mode (an untrusted workspace)', () => {
  it('is what the workbench opened', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('lists the articles by date, and the skipped files', async () => {
    const corpus = await api();
    const roots = await corpus.datesTree.getChildren();
    assert.deepEqual(roots.map((root) => corpus.datesTree.getTreeItem(root).label), ['2023', '2022', 'Undated']);
    assert.equal(corpus.corpus.size, 4);
    assert.equal(corpus.corpus.skippedCount, 4);
  });

  it('searches the articles', async () => {
    const corpus = await api();
    const response = corpus.search('Khasan', { fuzzyFallback: false });
    assert.ok(response?.ok);
    assert.deepEqual(response.hits.map((hit) => hit.date), ['2023-09-13']);
  });

  it('opens an article with its highlighting', async () => {
    await api();
    await vscode.commands.executeCommand('newsCorpus.openArticle', workspaceUri('003_737a2ec1faf8bc49.txt'));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor opened');
    await languageBecomes(editor.document, 'news-article');
  });
});
