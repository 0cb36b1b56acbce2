import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, corpusBecomes, eventually, workspaceUri } from './helpers';

/** The News Corpus problems of `uri`, as the Problems view lists them. */
function articleProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'News Corpus');
}

function problemsBecome(what: string, uri: vscode.Uri, condition: (problems: vscode.Diagnostic[]) => boolean): Promise<void> {
  return eventually(what, () => condition(articleProblems(uri)), (listener) => {
    const subscription = vscode.languages.onDidChangeDiagnostics(listener);
    return () => subscription.dispose();
  });
}

describe('Problems of an open article', () => {
  const impossible = workspaceUri('bad', 'impossible-date.txt');

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('says at the date why an article with an impossible date is undated, and follows edits', async () => {
    const corpus = await api();
    await corpusBecomes('the impossible date is an undated article', () => corpus.corpus.article(impossible.toString()) !== undefined, corpus);
    const editor = await vscode.window.showTextDocument(impossible);
    await problemsBecome('the impossible date is reported', impossible, (problems) => problems.length === 1);
    const [problem] = articleProblems(impossible);
    assert.ok(problem);
    assert.strictEqual(problem.message, 'Invalid date: February 2023 has 28 days, not 30. The article is listed as undated.');
    assert.strictEqual(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(editor.document.getText(problem.range), '2023-02-30');

    // Corrected in the editor, before saving, the problem goes; undone, it is back.
    await editor.edit((edit) => edit.replace(problem.range, '2023-02-28'));
    await problemsBecome('the corrected date is not reported', impossible, (problems) => problems.length === 0);
    await vscode.commands.executeCommand('undo');
    await problemsBecome('the impossible date is reported again', impossible, (problems) => problems.length === 1);
    assert.strictEqual(editor.document.isDirty, false);
  });

  it('reports nothing for an article whose date exists', async () => {
    const article = workspaceUri('003_737a2ec1faf8bc49.txt');
    const corpus = await api();
    await corpusBecomes('the article is indexed', () => corpus.corpus.article(article.toString()) !== undefined, corpus);
    // The problems of a document are set as it opens, before its editor shows.
    await vscode.window.showTextDocument(article);
    assert.deepStrictEqual(articleProblems(article), []);
  });
});
