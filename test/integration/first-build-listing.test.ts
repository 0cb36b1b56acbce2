import * as assert from 'assert';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArticlesChange, Corpus, CorpusArticle } from '../../src/core/corpus';
import type { IndexService } from '../../src/workers/index-service';
import { ownFolders, saveIndexOf, scanToTheEnd, serviceOver, serviceOverFolders } from './own-service';

/** More articles than the indexing threads hand over at once, so that the build lists them in several steps. */
const ARTICLES = 120;

/** The corpus's articles and skipped files, in an order of their own. */
function contentsOf(corpus: Corpus): { articles: unknown[]; skipped: unknown[] } {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { articles: [...corpus.articles()].sort(byId), skipped: [...corpus.skipped()].sort(byId) };
}

/**
 * Holds the end of a first build's sync until `release` is called. A small build's articles come within a second of
 * the first articles' listing: unheld, the build's end lists them before the listing's timer does.
 */
function buildHeldUntilReleased(): { hold: (index: IndexService) => void; release: () => void } {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const hold = (index: IndexService) => {
    const sync = index.sync.bind(index);
    index.sync = async (...args) => {
      const outcome = await sync(...args);
      await released;
      return outcome;
    };
  };
  return { hold, release: () => release() };
}

describe('The end of a first build', () => {
  const folders = ownFolders('first-build', (dir) => {
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-0${(i % 9) + 1}-15 Article ${i}, built for the first time.`);
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x4e, 0x00, 0x43, 0x00]));
  });

  it('lists only what the build had not listed, as new articles, and leaves the corpus as a reopen lists it from the saved index', async () => {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    const changes: (number | 'all')[] = [];
    const built = await saveIndexOf(folders.dir, cacheFile, (change) => changes.push(change === undefined ? 'all' : change.added.length));
    const reopened = serviceOver(folders.dir, cacheFile, []);
    try {
      await reopened.rescan();
      await reopened.whenIdle();
      assert.strictEqual(reopened.corpus.size, ARTICLES);
      assert.deepStrictEqual(contentsOf(built.corpus), contentsOf(reopened.corpus));
    } finally {
      reopened.dispose();
    }
    assert.ok(changes.length > 1, `listed as it was built: ${JSON.stringify(changes)}`);
    assert.notStrictEqual(changes.at(-1), 'all', `the end of the build does not list every article again: ${JSON.stringify(changes)}`);
    assert.strictEqual(built.corpus.skippedCount, 1);
  });
});

describe('A file with a NUL byte after its first 8,000 bytes', () => {
  const folders = ownFolders('late-nul', (dir) => {
    for (let i = 0; i < 3; i++) writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-01-1${i} Article ${i}, a plain one.`);
    // Its title lies past the first 8,000 bytes and holds the NUL: in a saved index's NUL-separated titles, it was damage.
    writeFileSync(path.join(dir, 'late-nul.txt'), ` date 2022-02-01 ${'\n'.repeat(8000)}Kim\u0000arrived in Moscow for talks.\n`);
  });

  it('is skipped as binary by the listing ahead and the build alike, and the saved index reopens', async () => {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    const lateNul = vscode.Uri.file(path.join(folders.dir, 'late-nul.txt')).toString();
    const listed: string[] = [];
    const built = await saveIndexOf(folders.dir, cacheFile, (change) => listed.push(...(change?.added ?? []).map(({ id }) => id)));
    assert.ok(!listed.includes(lateNul), 'never listed, not even ahead of the build');
    assert.deepStrictEqual([...built.corpus.skipped()].map(({ id, reason, message }) => ({ id, reason, message })), [{ id: lateNul, reason: 'binary', message: 'binary file (contains NUL bytes)' }]);
    const notes: string[] = [];
    const reopened = serviceOver(folders.dir, cacheFile, notes);
    await scanToTheEnd(reopened, () => undefined);
    assert.deepStrictEqual(notes, []);
    assert.deepStrictEqual(contentsOf(reopened.corpus), contentsOf(built.corpus));
    assert.strictEqual(reopened.corpus.size, 3);
  });
});

describe('The articles a first build lists as it indexes them', () => {
  const folders = ownFolders('listed-once', (dir) => {
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-0${(i % 9) + 1}-15 Article ${i}, listed once.`);
  });

  it('are each added once: those listed ahead of the build are not listed again, and no listing changes the articles listed', async () => {
    // The build's end waits for the listing's timer to list the build's articles.
    const build = buildHeldUntilReleased();
    const service = serviceOver(folders.dir, path.join(folders.cacheDir, 'index.ncidx'), [], build.hold);
    const changes: ArticlesChange[] = [];
    const stop = service.corpus.subscribe((change) => {
      changes.push(change);
      if (service.indexing !== undefined) build.release();
    });
    await scanToTheEnd(service, stop);
    const added = changes.flatMap((change) => change?.added ?? []).map(({ id }) => id);
    assert.ok(changes.length >= 3, `listed ahead, during the build and at its end: ${changes.length} changes`);
    assert.ok(changes.every((change) => change !== undefined), 'every change only added articles: none regrouped the views');
    assert.deepStrictEqual([added.length, new Set(added).size, service.corpus.size], [ARTICLES, ARTICLES, ARTICLES]);
  });
});

describe('The count of files read by a first build', () => {
  const folders = ownFolders('read-count', (dir) => {
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-0${(i % 9) + 1}-15 Article ${i}, counted as read.`);
  });

  it('counts the files read for the articles listed ahead of the build from its first report', async () => {
    const service = serviceOver(folders.dir, path.join(folders.cacheDir, 'index.ncidx'), []);
    let ahead = 0;
    const stop = service.corpus.subscribe((change) => {
      if (service.phase === 'listing') ahead += change?.added.length ?? 0;
    });
    const reported: number[] = [];
    const progress = service.onDidProgress(() => {
      if (service.indexing !== undefined) reported.push(service.indexing.done);
    });
    try {
      await scanToTheEnd(service, stop);
    } finally {
      progress.dispose();
    }
    assert.ok(ahead > 0 && reported.length > 0, `${ahead} articles listed ahead, ${reported.length} reports`);
    assert.deepStrictEqual(reported.filter((done) => done < ahead), [], `no report counts fewer files read than the ${ahead} articles listed: ${reported.join(', ')}`);
  });
});

describe('The articles a first build lists before it reads them', () => {
  const folders = ownFolders('listed-ahead', (dir) => {
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-0${(i % 9) + 1}-15 Article ${i}, listed before it was indexed.`);
  });

  it('are dropped, replaced or skipped by the build when their files are deleted, changed or emptied after the listing read them', async () => {
    const service = serviceOver(folders.dir, path.join(folders.cacheDir, 'index.ncidx'), []);
    const ahead: CorpusArticle[] = [];
    // The listing thread's first articles are the first change; the build reads no file before it has been heard.
    const stop = service.corpus.subscribe((change) => {
      if (ahead.length > 0 || change === undefined) return;
      ahead.push(...change.added);
      const [deleted, changed, emptied] = ahead.map((article) => vscode.Uri.parse(article.id).fsPath);
      if (deleted === undefined || changed === undefined || emptied === undefined) return;
      unlinkSync(deleted);
      writeFileSync(changed, ' date 2023-01-02 Changed after it was listed.');
      writeFileSync(emptied, '');
    });
    await scanToTheEnd(service, stop);
    const [deleted, changed, emptied] = ahead;
    assert.ok(deleted && changed && emptied, `articles listed ahead of the build: ${ahead.length}`);
    assert.strictEqual(service.corpus.article(deleted.id), undefined, 'a deleted file is no longer listed');
    assert.deepStrictEqual(service.corpus.article(changed.id), { ...changed, title: 'Changed after it was listed.', date: '2023-01-02' });
    assert.strictEqual(service.corpus.article(emptied.id), undefined, 'an emptied file is not an article');
    assert.deepStrictEqual([...service.corpus.skipped()].map(({ id, reason }) => ({ id, reason })), [{ id: emptied.id, reason: 'empty' }]);
    assert.strictEqual(service.corpus.size, ARTICLES - 2);
  });
});

for (const when of ['listing', 'indexing'] as const) {
  describe(`A rescan that cancels a first build while it is ${when}`, () => {
    const folders = ownFolders(`rescanned-${when}`, (dir) => {
      for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-0${(i % 9) + 1}-15 Article ${i}, rescanned.`);
    });

    it('lists every article once it is done, and none of those listed ahead whose files went', async () => {
      const service = serviceOver(folders.dir, path.join(folders.cacheDir, 'index.ncidx'), []);
      const ahead: CorpusArticle[] = [];
      let rescanned: Promise<void> | undefined;
      // A listed-ahead file goes just before the rescan: the second scan must not keep it from the first.
      const rescanOnce = () => {
        const first = ahead[0];
        if (rescanned !== undefined || first === undefined) return;
        unlinkSync(vscode.Uri.parse(first.id).fsPath);
        rescanned = service.rescan();
      };
      const stop = service.corpus.subscribe((change) => {
        if (ahead.length > 0 || change === undefined) return;
        ahead.push(...change.added);
        if (when === 'listing') rescanOnce();
      });
      const progress = service.onDidProgress(() => {
        if (when === 'indexing' && service.phase === 'indexing') rescanOnce();
      });
      try {
        await service.rescan();
        await rescanned;
        await service.whenIdle();
      } finally {
        stop();
        progress.dispose();
        service.dispose();
      }
      const [deleted] = ahead;
      assert.ok(deleted && rescanned, `a rescan while ${when}, after ${ahead.length} articles listed ahead`);
      assert.strictEqual(service.corpus.article(deleted.id), undefined, 'the file deleted before the rescan is not listed');
      assert.deepStrictEqual([service.corpus.size, service.corpus.skippedCount], [ARTICLES - 1, 0]);
    });
  });
}

describe('A first build beside a folder reopened from its saved index', () => {
  const folders = ownFolders('multi-root', (dir) => {
    for (const name of ['saved', 'new']) {
      mkdirSync(path.join(dir, name));
      for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(dir, name, `article-${i}.txt`), ` date 2022-0${(i % 9) + 1}-15 ${name} article ${i}.`);
    }
  });

  it('lists both folders once it is done, and none of the new folder’s articles listed ahead whose files went', async () => {
    const cacheOf = (folder: vscode.WorkspaceFolder) => path.join(folders.cacheDir, `${folder.name}.ncidx`);
    const workspace = ['saved', 'new'].map((name, index): vscode.WorkspaceFolder => ({ uri: vscode.Uri.file(path.join(folders.dir, name)), name, index }));
    const [saved, fresh] = workspace;
    assert.ok(saved && fresh);
    await saveIndexOf(saved.uri.fsPath, cacheOf(saved));
    const service = serviceOverFolders(workspace, cacheOf, []);
    let deleted: CorpusArticle | undefined;
    // The new folder's first articles come after the saved folder's listing: the first change that adds one of them.
    const stop = service.corpus.subscribe((change) => {
      if (deleted !== undefined || change === undefined) return;
      deleted = change.added.find((article) => vscode.Uri.parse(article.id).fsPath.startsWith(fresh.uri.fsPath + path.sep));
      if (deleted) unlinkSync(vscode.Uri.parse(deleted.id).fsPath);
    });
    await scanToTheEnd(service, stop);
    assert.ok(deleted, 'the new folder listed articles ahead of its build');
    assert.strictEqual(service.corpus.article(deleted.id), undefined, 'a file deleted after it was listed ahead is not listed');
    assert.deepStrictEqual([service.corpus.size, service.corpus.skippedCount], [2 * ARTICLES - 1, 0]);
  });
});

describe('A view that fails whenever it hears the corpus change', () => {
  const folders = ownFolders('failing-listener', (dir) => {
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-0${(i % 9) + 1}-15 Article ${i}, heard by a failing view.`);
  });
  const failure = 'News Corpus: listing the articles failed: the view broke';

  it('is told once and logged each time, nothing is uncaught, and a first build goes on to list every article', async () => {
    const notes: string[] = [];
    const logged: string[] = [];
    // The build's end waits for the listing's timer to list the build's articles.
    const build = buildHeldUntilReleased();
    const service = serviceOver(folders.dir, path.join(folders.cacheDir, 'index.ncidx'), notes, build.hold, logged);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const heard: ('ahead' | 'during' | 'end')[] = [];
    // The articles listed ahead of the build, those the build lists as it indexes them (at once or from the
    // listing's timer), and the build's end.
    const stop = service.corpus.subscribe(() => {
      heard.push(service.indexing !== undefined ? 'during' : service.phase === 'listing' ? 'ahead' : 'end');
      if (service.indexing !== undefined) build.release();
      throw new Error('the view broke');
    });
    try {
      await scanToTheEnd(service, stop);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    assert.deepStrictEqual(uncaught, []);
    assert.ok(heard.includes('ahead') && heard.includes('during') && heard.at(-1) === 'end', `the view failed ahead of the build, during it and at its end: ${heard.join(', ')}`);
    assert.deepStrictEqual(notes, [failure]);
    assert.deepStrictEqual(logged, heard.map(() => failure));
    assert.deepStrictEqual([service.corpus.size, service.corpus.skippedCount, service.state, service.lastScan?.reread], [ARTICLES, 0, 'ready', ARTICLES]);
  });

  it('is told once, and a reopen lists the saved index and checks the files behind it to the end', async () => {
    const cacheFile = path.join(folders.cacheDir, 'saved.ncidx');
    await saveIndexOf(folders.dir, cacheFile);
    const notes: string[] = [];
    const logged: string[] = [];
    const reopened = serviceOver(folders.dir, cacheFile, notes, undefined, logged);
    // Whether each change is the saved listing, heard while the load is under way.
    const heard: boolean[] = [];
    const stop = reopened.corpus.subscribe(() => {
      heard.push(reopened.savedListingDue);
      throw new Error('the view broke');
    });
    await scanToTheEnd(reopened, stop);
    assert.strictEqual(heard[0], true, `the view failed at the saved listing: ${heard.join(', ')}`);
    assert.deepStrictEqual([notes, logged], [[failure], heard.map(() => failure)]);
    assert.deepStrictEqual([reopened.corpus.size, reopened.state, reopened.lastScan?.unchanged], [ARTICLES, 'ready', ARTICLES]);
  });
});
