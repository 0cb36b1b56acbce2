// Runs with the workbench opened on a multi-root workspace of two folders (scripts/run-integration.mjs makes it):
// `wire`, and `archive`, whose own settings (.vscode/settings.json) exclude with `[`, a malformed glob pattern.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answerBecomes, api } from '../helpers';

/** What the scan says of the archive folder's own exclude setting. */
const ARCHIVE_PROBLEM = 'the folder "archive" was not read, because the setting newsCorpus.exclude is not a valid glob pattern: the "[" at character 1 of "[" is never closed';

function folderNamed(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(folder, `the workspace has a folder ${name}`);
  return folder;
}

/** The names of the files listed as articles, in order. */
async function listedFiles(): Promise<string[]> {
  const corpus = await api();
  return [...corpus.corpus.articles()].map((article) => vscode.Uri.parse(article.id).path.split('/').pop() ?? '').sort();
}

/** Once every scan asked so far has ended: the Dates view's message, the files listed and the searches' totals. */
async function settled(): Promise<{ message: string; listed: string[]; macron: number | undefined; merkel: number | undefined }> {
  const corpus = await api();
  const total = (query: string) => {
    const found = corpus.search(query, { limit: 10 });
    return found?.ok ? found.total : undefined;
  };
  return { message: corpus.viewMessage('dates'), listed: await listedFiles(), macron: total('macron'), merkel: total('merkel') };
}

/** Sets the archive folder's own exclude setting (`undefined` removes it) and waits until the scan it starts has ended as `ended` says. */
async function setArchiveExclude(value: string | undefined, ended: (state: Awaited<ReturnType<typeof settled>>) => boolean): Promise<Awaited<ReturnType<typeof settled>>> {
  await vscode.workspace.getConfiguration('newsCorpus', folderNamed('archive').uri).update('exclude', value, vscode.ConfigurationTarget.WorkspaceFolder);
  return answerBecomes(`the scan after newsCorpus.exclude of archive became ${JSON.stringify(value)}`, settled, ended);
}

describe('A multi-root workspace whose folders have include and exclude settings of their own', () => {
  it('is what the workbench opened', () => {
    assert.deepEqual((vscode.workspace.workspaceFolders ?? []).map((folder) => folder.name), ['wire', 'archive']);
  });

  it('scans the folder whose settings can be read, and names the folder whose exclude setting is malformed', async () => {
    const state = await settled();
    assert.ok(state.message.includes(ARCHIVE_PROBLEM), JSON.stringify(state));
    assert.deepEqual([state.listed, state.macron], [['wire.txt'], 1]);
  });

  it("opens, for Edit Article Settings, the folder's own settings file where the malformed value is set, on the setting", async () => {
    await vscode.commands.executeCommand('newsCorpus.openSettings');
    const editor = vscode.window.activeTextEditor;
    try {
      const settingsFile = vscode.Uri.joinPath(folderNamed('archive').uri, '.vscode', 'settings.json');
      assert.deepEqual([editor?.document.uri.toString(), editor?.document.getText(editor.selection)], [settingsFile.toString(), '"newsCorpus.exclude"']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('reads that folder once its own setting is corrected, and keeps its index when the setting is malformed again', async () => {
    const corrected = await setArchiveExclude(undefined, (state) => state.listed.length === 2);
    assert.deepEqual(corrected, { message: '', listed: ['archive.txt', 'wire.txt'], macron: 1, merkel: 1 });
    const malformed = await setArchiveExclude('[', (state) => state.message.includes(ARCHIVE_PROBLEM));
    assert.deepEqual([malformed.listed, malformed.macron, malformed.merkel], [['archive.txt', 'wire.txt'], 1, 1]);
    // The other folder is still read: an article added to it is listed, and so is one only a scan of it finds (a file
    // its own include setting, widened, takes: no file event brings it in), which a scan that stopped every folder
    // on the malformed one did not list.
    const wire = folderNamed('wire').uri;
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(wire, name), new TextEncoder().encode(text));
    await write('notes.md', ' date 2022-05-11 Emmanuel Macron flew to Rome.');
    await write('later.txt', ' date 2022-05-10 Olaf Scholz flew to Warsaw.');
    const added = await answerBecomes('the article added to wire is listed', settled, (state) => state.listed.includes('later.txt') && state.message.includes(ARCHIVE_PROBLEM));
    await (await api()).whenIdle();
    assert.deepEqual([added.listed, added.macron], [['archive.txt', 'later.txt', 'wire.txt'], 1]);
    await vscode.workspace.getConfiguration('newsCorpus', wire).update('include', '**/*.{txt,md}', vscode.ConfigurationTarget.WorkspaceFolder);
    const widened = await answerBecomes('the scan after the include setting of wire took .md files', settled, (state) => state.listed.includes('notes.md') && state.message.includes(ARCHIVE_PROBLEM));
    assert.deepEqual([widened.listed, widened.macron], [['archive.txt', 'later.txt', 'notes.md', 'wire.txt'], 2]);
  });

  it("writes each likely duplicate's merge into the facts file that has an entry for it, else the first folder's", async () => {
    // "Scholz" alone in archive.txt and Olaf Scholz in full in wire's articles, whom archive's facts file describes;
    // "Macron" alone in a new article of wire, Emmanuel Macron in full in wire's, whom no facts file names.
    const factsOf = (name: string) => vscode.Uri.joinPath(folderNamed(name).uri, '.newscorpus', 'entities.json');
    const readFacts = async (name: string) => JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(factsOf(name)))) as unknown;
    await vscode.workspace.fs.writeFile(factsOf('archive'), new TextEncoder().encode(JSON.stringify({ people: { 'Olaf Scholz': { description: 'German politician' } } })));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folderNamed('wire').uri, 'macron.txt'), new TextEncoder().encode(' date 2022-05-12 Macron spoke in Rome.'));
    const corpus = await api();
    await answerBecomes("archive's facts file is read", () => Promise.resolve(corpus.facts.entry('PER:olaf scholz') !== undefined), Boolean);
    await answerBecomes('the new article is listed', settled, (state) => state.listed.includes('macron.txt'));
    await corpus.whenIdle();
    try {
      assert.equal(await vscode.commands.executeCommand<number>('newsCorpus.mergeLikelyDuplicates', 'all'), 2);
      assert.deepEqual(await readFacts('archive'), { people: { 'Olaf Scholz': { description: 'German politician', aliases: ['Scholz'] } } });
      assert.deepEqual(await readFacts('wire'), { people: { 'Emmanuel Macron': { aliases: ['Macron'] } } });
    } finally {
      for (const name of ['archive', 'wire']) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folderNamed(name).uri, '.newscorpus'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });
});
