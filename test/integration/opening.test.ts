import * as assert from 'assert';
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';
import { api, corpusBecomes, eventually, removedAfterTests, workspaceUri } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
/** More articles than the indexing threads hand over at once, so that a build lists them in several steps. */
const PROGRESSIVE_ARTICLES = 80;

/** What a listener of the corpus saw at one change: `phase` is undefined outside a scan. */
interface Seen {
  readonly size: number;
  readonly phase: string | undefined;
  readonly title: string | undefined;
}

/** Records the corpus at every change until the returned function is called. */
function record(corpus: NewsCorpusApi, watched?: string): { seen: Seen[]; stop: () => void } {
  const seen: Seen[] = [];
  const stop = corpus.corpus.subscribe(() => {
    seen.push({ size: corpus.corpus.size, phase: corpus.scanPhase(), title: watched === undefined ? undefined : corpus.corpus.article(watched)?.title });
  });
  return { seen, stop };
}

async function cacheStamps(corpus: NewsCorpusApi): Promise<string[]> {
  const files = corpus.cacheFiles();
  assert.ok(files.length > 0, 'the folder has a cache file');
  return Promise.all(files.map(async (file) => {
    const info = await stat(file);
    return `${file} ${info.size} ${info.mtimeMs} ${info.ino}`;
  }));
}

describe('Opening a folder: from the saved index, progressively, without rewriting an unchanged cache', () => {
  const folder = workspaceUri('opening');

  removedAfterTests(folder);

  it('does not rewrite the cache when a rescan finds nothing changed', async () => {
    const corpus = await api();
    await corpus.saveIndexes();
    const before = await cacheStamps(corpus);
    await vscode.commands.executeCommand('newsCorpus.refresh');
    await corpus.whenIdle();
    assert.strictEqual(corpus.lastScan()?.reread, 0, JSON.stringify(corpus.lastScan()));
    await corpus.saveIndexes();
    assert.deepStrictEqual(await cacheStamps(corpus), before);
  });

  it('names every listed article by its URI as VS Code spells it, plain paths and others alike', async () => {
    const corpus = await api();
    const unusual = vscode.Uri.joinPath(folder, 'a name with spaces, #hash & ünïcode.txt');
    await vscode.workspace.fs.writeFile(unusual, encode(' date 2021-03-03 An article with an unusual file name.'));
    await corpusBecomes('the unusual name is listed', () => corpus.corpus.article(unusual.toString()) !== undefined, corpus);
    const misspelled = [...corpus.corpus.articles()].filter((article) => article.id !== vscode.Uri.file(vscode.Uri.parse(article.id).fsPath).toString());
    assert.deepStrictEqual(misspelled, []);
    await vscode.workspace.fs.delete(unusual);
  });

  it('reopens from the saved index: articles are listed before the files are checked, then a change made meanwhile is applied', async () => {
    const corpus = await api();
    const uri = vscode.Uri.joinPath(folder, 'reopened.txt');
    const id = uri.toString();
    await vscode.workspace.fs.writeFile(uri, encode(' date 2021-03-01 Written before the window closed.'));
    await corpusBecomes('the article is listed', () => corpus.corpus.article(id) !== undefined, corpus);
    await corpus.saveIndexes();
    const listed = corpus.corpus.size;
    await vscode.workspace.fs.writeFile(uri, encode(' date 2021-03-02 Changed while the window was closed.'));
    const { seen, stop } = record(corpus, id);
    const settings = vscode.workspace.getConfiguration('newsCorpus');
    const limitKb = settings.get<number>('maxFileSizeKB') ?? 2048;
    try {
      // A new size limit makes a new index of the folder, which opens from the saved one as a new window does.
      await settings.update('maxFileSizeKB', limitKb + 1, vscode.ConfigurationTarget.Workspace);
      await eventually('the reopened index is listed while its files are checked', () => seen.some((state) => state.phase === 'checking'), (listener) => corpus.corpus.subscribe(listener));
      await corpusBecomes('the change is applied', () => corpus.corpus.article(id)?.title === 'Changed while the window was closed.', corpus);
    } finally {
      stop();
      await settings.update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const fromCache = seen.findIndex((state) => state.phase === 'checking');
    assert.strictEqual(seen[fromCache]?.size, listed, JSON.stringify(seen));
    // The check applies the change; the file watcher may have brought it to the old index first (then the saved
    // index has it): either way the reopened index must end with it.
    assert.strictEqual(seen.at(-1)?.title, 'Changed while the window was closed.', JSON.stringify(seen));
    // Searched once the check is done, so that the answer does not depend on how far the check has got (a search
    // made while it ran found nothing once, in a helper's run; not traced).
    await corpus.whenIdle();
    const response = corpus.search('"changed while the window"', {});
    assert.ok(response?.ok && response.hits.length === 1, JSON.stringify(response));
  });

  it('lists the first articles of a first build while listing the folder, then the others as they are indexed', async () => {
    const corpus = await api();
    for (let i = 0; i < PROGRESSIVE_ARTICLES; i++) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `progressive-${i}.txt`), encode(` date 2022-01-${String((i % 28) + 1).padStart(2, '0')} Progressive zephyrine story ${i}.`));
    }
    await corpusBecomes('the new articles are listed', () => corpus.corpus.article(vscode.Uri.joinPath(folder, `progressive-${PROGRESSIVE_ARTICLES - 1}.txt`).toString()) !== undefined, corpus);
    const total = corpus.corpus.size;
    const { seen, stop } = record(corpus);
    try {
      await vscode.commands.executeCommand('newsCorpus.refresh', { rebuild: true });
      await corpus.whenIdle();
    } finally {
      stop();
    }
    assert.strictEqual(seen[0]?.size, 0, `a rebuild starts from nothing: ${JSON.stringify(seen)}`);
    const partial = seen.findIndex((state) => state.phase !== undefined && state.size > 0 && state.size < total);
    assert.ok(partial > 0, `articles were listed while indexing: ${JSON.stringify(seen)}`);
    // The first articles come from the host while the folder is still listed, before any indexing thread answers.
    assert.strictEqual(seen[partial]?.phase, 'listing', JSON.stringify(seen));
    const complete = seen.findIndex((state, at) => at > partial && state.size === total);
    assert.ok(complete > partial, JSON.stringify(seen));
    assert.deepStrictEqual([corpus.corpus.size, corpus.scanPhase()], [total, undefined]);
    const response = corpus.search('zephyrine', { limit: 1, fuzzyFallback: false });
    assert.ok(response?.ok && response.total === PROGRESSIVE_ARTICLES && response.partial === undefined, JSON.stringify(response));
  });
});
