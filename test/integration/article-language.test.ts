import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, corpusBecomes, languageBecomes, removedAfterTests, workspaceUri } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);

describe('The News Article language of an open document', () => {
  const folder = workspaceUri('language-live');

  removedAfterTests(folder);

  it('goes back to plain text when its file leaves the corpus, unless the user picked it', async () => {
    const corpus = await api();
    const [leaving, picked] = ['leaving.txt', 'picked.txt'].map((name) => vscode.Uri.joinPath(folder, name));
    assert.ok(leaving && picked);
    for (const uri of [leaving, picked]) await vscode.workspace.fs.writeFile(uri, encode(' date 2021-05-01 An article that will not stay one.'));
    await corpusBecomes('both are articles', () => corpus.corpus.article(leaving.toString()) !== undefined && corpus.corpus.article(picked.toString()) !== undefined, corpus);
    const [leavingDocument, pickedDocument] = await Promise.all([leaving, picked].map((uri) => vscode.workspace.openTextDocument(uri)));
    assert.ok(leavingDocument && pickedDocument);
    await Promise.all([languageBecomes(leavingDocument, 'news-article'), languageBecomes(pickedDocument, 'news-article')]);
    // The user picks another language, then the article's again: now it is the user's.
    await vscode.languages.setTextDocumentLanguage(pickedDocument, 'markdown');
    await vscode.languages.setTextDocumentLanguage(pickedDocument, 'news-article');

    // A NUL byte: both become binary files, skipped.
    for (const uri of [picked, leaving]) await vscode.workspace.fs.writeFile(uri, encode(' date 2021-05-01 Now\u0000 binary.'));
    const skipped = (uri: vscode.Uri) => [...corpus.corpus.skipped()].some((file) => file.id === uri.toString() && file.reason === 'binary');
    await corpusBecomes('both are skipped as binary', () => skipped(leaving) && skipped(picked), corpus);
    await languageBecomes(leavingDocument, 'plaintext');
    assert.strictEqual(pickedDocument.languageId, 'news-article');
  });
});
