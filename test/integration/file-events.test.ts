import * as assert from 'assert';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';
import { api, corpusBecomes, removedAfterTests, workspaceUri } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
/** Scans allowed to catch up with the files earlier tests changed before one must read nothing. */
const SETTLING_SCANS = 3;

/** The titles a query finds in the extension's own index, in rank order. */
function searchTitles(corpus: NewsCorpusApi, query: string): string[] {
  const response = corpus.search(query, { fuzzyFallback: false });
  assert.ok(response?.ok, `"${query}" runs: ${JSON.stringify(response)}`);
  return response.hits.map((hit) => hit.title);
}

/** What the Dates view shows of `date`: the ids under its day, and the counts of the day, its month and its year, against the corpus's. */
async function datesViewOf(corpus: NewsCorpusApi, date: string): Promise<{ ids: string[]; counts: string[]; expected: string[] }> {
  const tree = corpus.datesTree;
  const ids = (await tree.getChildren({ kind: 'day', date })).flatMap((element) => (element.kind === 'article' ? [element.id] : []));
  const [year, month] = [date.slice(0, 4), date.slice(5, 7)];
  const counts = [tree.getTreeItem({ kind: 'day', date }), tree.getTreeItem({ kind: 'month', year, month }), tree.getTreeItem({ kind: 'year', year })].map((item) => String(item.description));
  const articles = [...corpus.corpus.articles()];
  const expected = [date, `${year}-${month}`, year].map((prefix) => articles.filter((article) => article.date?.startsWith(prefix)).length.toLocaleString('en-US'));
  return { ids, counts, expected };
}

describe('Following the files of the workspace', () => {
  const liveFolder = workspaceUri('live');

  removedAfterTests(liveFolder);

  it('adds a created article, updates it when edited, and drops it when deleted', async () => {
    const corpus = await api();
    const uri = workspaceUri('live', 'new-article.txt');
    const id = uri.toString();
    await vscode.workspace.fs.writeFile(uri, encode(' date 2021-06-01 A freshly written article about the quayside.\n\nMore text.'));
    await corpusBecomes('the new article is in the corpus', () => corpus.corpus.article(id)?.date === '2021-06-01', corpus);
    assert.strictEqual(corpus.corpus.article(id)?.title, 'A freshly written article about the quayside.');
    assert.deepStrictEqual(searchTitles(corpus, 'quayside'), ['A freshly written article about the quayside.']);
    // A new article joins the Dates view's grouping; an edited one makes it regroup: both must show what the corpus holds.
    const added = await datesViewOf(corpus, '2021-06-01');
    assert.ok(added.ids.includes(id), `the Dates view lists the new article on its day: ${added.ids.join(', ')}`);
    assert.deepStrictEqual(added.counts, added.expected);

    await vscode.workspace.fs.writeFile(uri, encode(' date 2021-06-02 The quayside article, corrected by the lighthouse keeper.'));
    await corpusBecomes('the edit is seen', () => corpus.corpus.article(id)?.date === '2021-06-02', corpus);
    assert.deepStrictEqual(searchTitles(corpus, 'lighthouse'), ['The quayside article, corrected by the lighthouse keeper.']);
    assert.deepStrictEqual(searchTitles(corpus, '"freshly written"'), []);
    const [left, moved] = [await datesViewOf(corpus, '2021-06-01'), await datesViewOf(corpus, '2021-06-02')];
    assert.ok(!left.ids.includes(id) && moved.ids.includes(id), 'the edited article moved to its new day in the Dates view');
    assert.deepStrictEqual([left.counts, moved.counts], [left.expected, moved.expected]);

    await vscode.workspace.fs.delete(uri);
    await corpusBecomes('the deleted article is gone', () => corpus.corpus.article(id) === undefined, corpus);
    assert.deepStrictEqual(searchTitles(corpus, 'lighthouse'), []);
  });

  it('follows a renamed article to its new name, in the corpus and in the index', async () => {
    const corpus = await api();
    const before = workspaceUri('live', 'draft-name.txt');
    const after = workspaceUri('live', 'final-name.txt');
    await vscode.workspace.fs.writeFile(before, encode(' date 2021-08-01 The regatta was cancelled because of fog.'));
    await corpusBecomes('the article is in', () => corpus.corpus.article(before.toString()) !== undefined, corpus);
    await vscode.workspace.fs.rename(before, after);
    await corpusBecomes('the article has its new name', () => corpus.corpus.article(after.toString()) !== undefined && corpus.corpus.article(before.toString()) === undefined, corpus);
    const response = corpus.search('regatta', {});
    assert.ok(response?.ok);
    assert.deepStrictEqual(response.hits.map((hit) => vscode.Uri.file(hit.path).toString()), [after.toString()]);
  });

  it('honours files.exclude and the exclude setting, and takes the files back when they are lifted', async () => {
    const corpus = await api();
    const seed = workspaceUri('003_737a2ec1faf8bc49.txt').toString();
    const badFile = workspaceUri('bad', 'no-header.txt').toString();
    const files = vscode.workspace.getConfiguration('files');
    const news = vscode.workspace.getConfiguration('newsCorpus');
    try {
      await files.update('exclude', { '**/bad': true }, vscode.ConfigurationTarget.Workspace);
      await corpusBecomes('the bad folder is excluded', () => ![...corpus.corpus.skipped()].some((file) => file.id === badFile), corpus);
      await news.update('exclude', '**/003_*.txt', vscode.ConfigurationTarget.Workspace);
      await corpusBecomes('the excluded article is gone', () => corpus.corpus.article(seed) === undefined, corpus);
      const response = corpus.search('Khasan', { fuzzyFallback: false });
      assert.ok(response?.ok);
      assert.strictEqual(response.total, 0, 'the excluded article has left the index too');
    } finally {
      await files.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await news.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await corpusBecomes('both are back', () => corpus.corpus.article(seed) !== undefined && [...corpus.corpus.skipped()].some((file) => file.id === badFile), corpus);
  });

  it('drops every article of a deleted folder', async () => {
    const corpus = await api();
    const folder = workspaceUri('live', 'batch');
    const ids: string[] = [];
    for (const day of ['10', '11', '12']) {
      const uri = vscode.Uri.joinPath(folder, `${day}.txt`);
      ids.push(uri.toString());
      await vscode.workspace.fs.writeFile(uri, encode(` date 2021-07-${day} Story of day ${day}.`));
    }
    await corpusBecomes('all three articles are in', () => ids.every((id) => corpus.corpus.article(id)), corpus);
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    await corpusBecomes('all three articles are gone', () => ids.every((id) => !corpus.corpus.article(id)), corpus);
  });

  it('skips a file that grows past the size limit, without reading it', async () => {
    const corpus = await api();
    const uri = workspaceUri('live', 'huge.txt');
    const limitKb = vscode.workspace.getConfiguration('newsCorpus').get<number>('maxFileSizeKB') ?? 2048;
    await vscode.workspace.fs.writeFile(uri, encode(` date 2021-06-01 ${'word '.repeat((limitKb * 1024) / 5 + 10)}`));
    await corpusBecomes('the huge file is skipped', () => [...corpus.corpus.skipped()].some((file) => file.id === uri.toString() && file.reason === 'too-large'), corpus);
    assert.strictEqual(corpus.corpus.article(uri.toString()), undefined);
  });

  it('lists a symbolic link to nothing and one to itself as skipped, each with a plain reason', async () => {
    const corpus = await api();
    const folder = workspaceUri('links').fsPath;
    mkdirSync(folder, { recursive: true });
    try {
      symlinkSync(path.join(folder, 'nowhere.txt'), path.join(folder, 'dangling.txt'));
      symlinkSync(path.join(folder, 'loop.txt'), path.join(folder, 'loop.txt'));
      const reasons = () => [...corpus.corpus.skipped()].filter((file) => file.path.startsWith('links/')).map((file) => `${file.path}: ${file.reason}, ${file.message}`).sort();
      await vscode.commands.executeCommand('newsCorpus.refresh');
      await corpusBecomes('both links are skipped', () => reasons().length === 2, corpus);
      assert.deepStrictEqual(reasons(), [
        'links/dangling.txt: unreadable, could not be read: a symbolic link to a file that does not exist',
        'links/loop.txt: unreadable, could not be read: a symbolic link that leads back to itself',
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await vscode.commands.executeCommand('newsCorpus.refresh');
      await corpusBecomes('the links are gone from the skipped files', () => ![...corpus.corpus.skipped()].some((file) => file.path.startsWith('links/')), corpus);
    }
  });

  it('turns an article that loses its header into a skipped file, and back', async () => {
    const corpus = await api();
    const uri = workspaceUri('live', 'flip.txt');
    const id = uri.toString();
    await vscode.workspace.fs.writeFile(uri, encode(' date 2021-06-01 An article.'));
    await corpusBecomes('it is an article', () => corpus.corpus.article(id) !== undefined, corpus);
    await vscode.workspace.fs.writeFile(uri, encode('Just notes now.'));
    await corpusBecomes('it is skipped', () => [...corpus.corpus.skipped()].some((file) => file.id === id && file.reason === 'no-date-header'), corpus);
    assert.strictEqual(corpus.corpus.article(id), undefined);
    await vscode.workspace.fs.writeFile(uri, encode(' date 2021-06-03 An article again.'));
    await corpusBecomes('it is an article again', () => corpus.corpus.article(id)?.date === '2021-06-03', corpus);
    assert.ok(![...corpus.corpus.skipped()].some((file) => file.id === id));
  });

  it('reads only what changed when the workspace is scanned again', async () => {
    const corpus = await api();
    // A file written again while an event had it read is rightly read once more (its stamp predates the read):
    // scans first settle whatever the tests before left; once one reads nothing, the next must read nothing too.
    for (let settling = 0; settling < SETTLING_SCANS; settling++) {
      await vscode.commands.executeCommand('newsCorpus.refresh');
      await corpus.whenIdle();
      if (corpus.lastScan()?.reread === 0) break;
    }
    await vscode.commands.executeCommand('newsCorpus.refresh');
    await corpus.whenIdle();
    const scan = corpus.lastScan();
    assert.ok(scan);
    assert.strictEqual(scan.reread, 0, JSON.stringify(scan));
    assert.strictEqual(scan.unchanged, corpus.corpus.size);
  });

  it('never writes to any file it reads, good articles and bad input alike', async () => {
    const corpus = await api();
    const snapshot = async () => {
      const files = await vscode.workspace.findFiles('**/*.txt', '**/live/**');
      assert.ok(files.length >= 7, `the fixture files are found (${files.length})`);
      const entries = await Promise.all(
        files.map(async (uri) => {
          const [stat, bytes] = await Promise.all([vscode.workspace.fs.stat(uri), vscode.workspace.fs.readFile(uri)]);
          return `${uri.path} ${stat.mtime} ${stat.size} ${Buffer.from(bytes).toString('base64')}`;
        }),
      );
      return entries.sort();
    };
    const before = await snapshot();
    await vscode.commands.executeCommand('newsCorpus.refresh');
    await corpus.whenIdle();
    assert.deepStrictEqual(await snapshot(), before);
  });
});
