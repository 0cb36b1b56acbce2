import * as assert from 'assert';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { corpusContext } from '../../src/corpus';
import { CorpusService } from '../../src/corpus/corpus-service';
import { datesViewMessage } from '../../src/dates-tree';
import { entitiesViewMessage } from '../../src/entities-tree';
import { EntitiesTreeProvider } from '../../src/entities-tree/entities-tree-provider';
import { showStatus, statusShownOf } from '../../src/status-bar';
import { DEFAULT_CACHE_READER_PATH } from '../../src/workers/cache-file';
import type { ExtractorSpec } from '../../src/workers/entity-extractor';
import { IndexService } from '../../src/workers/index-service';
import { eventually, welcomeShown } from './helpers';
import { depsOverFolders, ownFolders, ownMultiRootFolders, serviceOver, serviceOverFolders, shippedModel, shippedModelPath } from './own-service';

const ARTICLES = ['Vladimir Putin met Angela Merkel in Berlin on Tuesday.', 'Angela Merkel spoke to the United Nations in New York.', 'Vladimir Putin returned to Moscow.'];
/** Ends with a full stop, as some of the product's messages do: the status bar and the views add their own. */
const FAILURE = 'the cache reader stopped';

/** What a view says while it lists what the index still holds after a scan failed with {@link FAILURE}. */
const failureMessage = (listed: string) => `The index could not be brought up to date (${FAILURE}): these are the ${listed} it still holds. Run News Corpus: Rescan Workspace to try again.`;
const FILTER_HINT = 'Showing names containing "putin". Clear it with the Clear Entity Filter button above.';
const RETRY_WELCOME = /\[Try Again\]\(command:newsCorpus\.refresh\)$/;

/**
 * The welcome content the installed extension's manifest gives `view` in a folder workspace whose corpus is
 * `service`'s, the entity model loaded and no filter set: what the workbench shows while the view has no rows.
 */
function welcomeOf(view: string, service: CorpusService): string[] {
  return welcomeShown(view, { workbenchState: 'folder', 'newsCorpus.entityModelBroken': false, 'newsCorpus.entitiesFiltered': false, ...corpusContext(service) });
}

/** Shows what the status bar item would show for `service` in an item of the test's own; returns its background colour's name. */
function statusBackgroundOf(item: vscode.StatusBarItem, service: CorpusService): string | undefined {
  showStatus(item, statusShownOf(service));
  return item.backgroundColor?.id;
}

describe('A reopen whose saved index fails to load after its listing was shown', () => {
  const folders = ownFolders('failed-load', (dir) => ARTICLES.forEach((text, i) => writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-05-0${i + 1} ${text}`)));

  /** A service over the folder with the shipped model; while `failLoad()`, each index's load lists the cache, then rejects. */
  function serviceOf(cacheFile: string, notes: string[], failLoad: () => boolean): CorpusService {
    const extractor = shippedModel();
    const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(folders.dir), name: 'failed-load', index: 0 };
    return serviceOverFolders([folder], () => cacheFile, notes, (index) => {
      const load = index.load.bind(index);
      // The saved listing is read (by an index of its own, so that this one stays unloaded), then the load fails.
      index.load = async (run) => {
        if (!failLoad()) return load(run);
        const reader = new IndexService({ root: folder.uri.toString(), cacheFile, extractor, maxFileBytes: 1 << 20, cacheReaderPath: DEFAULT_CACHE_READER_PATH });
        try {
          await reader.load(run);
        } finally {
          await reader.dispose();
        }
        throw new Error(`News Corpus: ${FAILURE}.`);
      };
    }, [], undefined, extractor);
  }

  it('lists no article nor entity of the saved index, says so in the status bar (on its error colours) and in the views\' welcome (the retry alone), and a retry lists them again', async () => {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    let failing = false;
    const first = serviceOf(cacheFile, [], () => failing);
    try {
      await first.rescan();
      await first.saveNow();
    } finally {
      first.dispose();
    }
    const notes: string[] = [];
    failing = true;
    const reopened = serviceOf(cacheFile, notes, () => failing);
    const entitiesView = new EntitiesTreeProvider(reopened.entities, () => [], () => ({ sort: 'articles', filter: '' }));
    const listedSizes: number[] = [];
    const stop = reopened.corpus.subscribe(() => listedSizes.push(reopened.corpus.size));
    const item = vscode.window.createStatusBarItem();
    try {
      await reopened.rescan();
      await reopened.whenIdle();
      assert.ok(listedSizes.includes(ARTICLES.length), `the saved listing was shown during the load: ${JSON.stringify(listedSizes)}`);
      assert.deepStrictEqual(
        { listed: reopened.corpus.size, state: reopened.state, failure: reopened.scanFailure, entityGroups: entitiesView.getChildren(), viewEmpty: entitiesView.isEmpty, notes },
        { listed: 0, state: 'empty', failure: FAILURE, entityGroups: [], viewEmpty: true, notes: [`News Corpus: reading the articles failed: ${FAILURE}.`] },
      );
      const shown = statusShownOf(reopened);
      assert.deepStrictEqual([shown?.text, shown?.command, shown?.error], ['$(error) News Corpus', 'newsCorpus.refresh', true]);
      assert.match(shown?.tooltip ?? '', new RegExp(`could not be loaded or brought up to date: ${FAILURE}\\. Click to try again\\.$`));
      assert.strictEqual(statusBackgroundOf(item, reopened), 'statusBarItem.errorBackground');
      // The empty views say nothing: their welcome content, the retry alone, shows (a message would hide it).
      assert.deepStrictEqual(corpusContext(reopened), { 'newsCorpus.state': 'empty', 'newsCorpus.hasSkipped': false, 'newsCorpus.scanFailed': true, 'newsCorpus.settingsInvalid': false });
      for (const view of ['newsCorpus.dates', 'newsCorpus.entities']) {
        const shownWelcome = welcomeOf(view, reopened);
        assert.strictEqual(shownWelcome.length, 1, `${view}: ${JSON.stringify(shownWelcome)}`);
        assert.match(shownWelcome[0] ?? '', RETRY_WELCOME);
      }
      assert.deepStrictEqual([datesViewMessage(reopened.corpus, reopened), entitiesViewMessage(reopened.scanFailure, () => !entitiesView.isEmpty, '')], ['', '']);
      // A filter's hint is a message, which hides the welcome content: the failure leads it.
      assert.strictEqual(entitiesViewMessage(reopened.scanFailure, () => !entitiesView.isEmpty, 'putin'), `${failureMessage('entities')} ${FILTER_HINT}`);

      // The retry the status bar and the welcome content offer, once the cache loads again.
      failing = false;
      await reopened.rescan({ asked: true });
      await reopened.whenIdle();
      assert.deepStrictEqual([reopened.corpus.size, reopened.state, reopened.scanFailure, statusShownOf(reopened)?.text], [ARTICLES.length, 'ready', undefined, `$(library) ${ARTICLES.length}`]);
      assert.strictEqual(statusBackgroundOf(item, reopened), undefined);
      assert.strictEqual(corpusContext(reopened)['newsCorpus.scanFailed'], false);
      assert.deepStrictEqual([...welcomeOf('newsCorpus.dates', reopened), ...welcomeOf('newsCorpus.entities', reopened)].filter((welcome) => RETRY_WELCOME.test(welcome)), []);
      entitiesView.refresh();
      assert.ok(!entitiesView.isEmpty, 'the entities are listed again');
    } finally {
      stop();
      reopened.dispose();
      entitiesView.dispose();
      item.dispose();
    }
  });
});

describe('A rescan whose indexing fails after the saved index loaded', () => {
  const folders = ownFolders('failed-sync', (dir) => {
    ARTICLES.forEach((text, i) => writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-05-0${i + 1} ${text}`));
    writeFileSync(path.join(dir, 'notes.txt'), 'No date header: a skipped file.');
  });

  it('keeps listing what the index holds, and every surface says so: the views\' messages (failure first, then their own hint), the status bar, the context keys', async () => {
    let failing = false;
    const service = serviceOverFolders([{ uri: vscode.Uri.file(folders.dir), name: 'failed-sync', index: 0 }], () => path.join(folders.cacheDir, 'index.ncidx'), [], (index) => {
      const sync = index.sync.bind(index);
      index.sync = (files, run) => (failing ? Promise.reject(new Error(`News Corpus: ${FAILURE}.`)) : sync(files, run));
    }, [], undefined, shippedModel());
    const entitiesView = new EntitiesTreeProvider(service.entities, () => [], () => ({ sort: 'articles', filter: '' }));
    const item = vscode.window.createStatusBarItem();
    try {
      await service.rescan();
      assert.deepStrictEqual([service.corpus.size, service.corpus.skippedCount, datesViewMessage(service.corpus, service)], [ARTICLES.length, 1, '1 file skipped — see News Corpus: Show Skipped Files']);
      failing = true;
      await service.rescan({ asked: true });
      await service.whenIdle();
      assert.deepStrictEqual([service.corpus.size, service.corpus.skippedCount, service.state, service.scanFailure], [ARTICLES.length, 1, 'ready', FAILURE]);
      assert.deepStrictEqual(corpusContext(service), { 'newsCorpus.state': 'ready', 'newsCorpus.hasSkipped': true, 'newsCorpus.scanFailed': true, 'newsCorpus.settingsInvalid': false });
      assert.strictEqual(datesViewMessage(service.corpus, service), `${failureMessage('articles')} 1 file skipped — see News Corpus: Show Skipped Files`);
      entitiesView.refresh();
      const listsEntities = () => !entitiesView.isEmpty;
      assert.deepStrictEqual(
        [entitiesViewMessage(service.scanFailure, listsEntities, ''), entitiesViewMessage(service.scanFailure, listsEntities, 'putin')],
        [failureMessage('entities'), `${failureMessage('entities')} ${FILTER_HINT}`],
      );
      assert.strictEqual(statusBackgroundOf(item, service), 'statusBarItem.errorBackground');
      assert.strictEqual(item.text, `$(error) ${ARTICLES.length}`);

      failing = false;
      await service.rescan({ asked: true });
      await service.whenIdle();
      assert.deepStrictEqual(
        [service.scanFailure, datesViewMessage(service.corpus, service), entitiesViewMessage(service.scanFailure, listsEntities, 'putin'), statusBackgroundOf(item, service), item.text],
        [undefined, '1 file skipped — see News Corpus: Show Skipped Files', FILTER_HINT, undefined, `$(library) ${ARTICLES.length}`],
      );
    } finally {
      service.dispose();
      entitiesView.dispose();
      item.dispose();
    }
  });
});

describe('A folder removed from the workspace while the other folders are scanned', () => {
  const multiRoot = ownMultiRootFolders('removed-folder', ['kept', 'removed']);

  it('leaves the listing at once, before the scan of the others ends, and the views hear that the entities changed', async () => {
    const workspaceFolders = multiRoot.workspaceFolders();
    const service = serviceOverFolders(workspaceFolders, multiRoot.cacheFileOf, []);
    const removedArticle = vscode.Uri.file(path.join(multiRoot.folders.dir, 'removed', 'removed.txt')).toString();
    try {
      await service.rescan();
      assert.ok(service.corpus.article(removedArticle), 'both folders are listed');
      const seen: { removedListed: boolean; entitiesChanged: boolean }[] = [];
      let entitiesChanged = false;
      const following = service.onDidChangeEntities(() => (entitiesChanged = true));
      // Noted when the scan starts checking the kept folder's files, long before it ends.
      const stop = service.onDidProgress(() => {
        if (service.phase === 'checking' && seen.length === 0) seen.push({ removedListed: service.corpus.article(removedArticle) !== undefined, entitiesChanged });
      });
      workspaceFolders.pop();
      await service.rescan();
      stop.dispose();
      following.dispose();
      assert.deepStrictEqual(seen, [{ removedListed: false, entitiesChanged: true }]);
      assert.deepStrictEqual([...service.corpus.articles()].map((article) => path.basename(vscode.Uri.parse(article.id).fsPath)), ['kept.txt']);
    } finally {
      service.dispose();
    }
  });
});

describe('A batch of file events that fails part-way', () => {
  const multiRoot = ownMultiRootFolders('failed-events', ['first', 'second']);

  /** The folder names and file names of `paths` (index paths: paths on disk), sorted. */
  const shortNames = (paths: Iterable<string>) => [...paths].map((file) => path.relative(multiRoot.folders.dir, file)).sort();

  /** A copy of the shipped model that the tests can remove, loaded as the host loads it once it has checked it. */
  const modelPath = () => path.join(multiRoot.folders.cacheDir, 'ner.bin');

  /**
   * A service over both folders, opened on their saved indexes with the first folder's indexing threads running (its
   * article changed since the save, so the reopen read it again: they hold the model) and the second's never started
   * (nothing to read); then the model copy is removed. `told` and `logged` hear the service; `retryDelaysMs` are its own.
   */
  const openWithTheModelRemoved = async (told: string[], logged: string[], indexes: IndexService[], retryDelaysMs?: readonly number[]) => {
    copyFileSync(shippedModelPath(), modelPath());
    const extractor: ExtractorSpec = { kind: 'model', modelPath: modelPath() };
    const workspaceFolders = multiRoot.workspaceFolders();
    const [firstDir, secondDir] = workspaceFolders.map((folder) => folder.uri.fsPath);
    assert.ok(firstDir !== undefined && secondDir !== undefined);
    const first = serviceOverFolders(workspaceFolders, multiRoot.cacheFileOf, [], undefined, [], undefined, extractor);
    try {
      await first.rescan();
      await first.saveNow();
    } finally {
      first.dispose();
    }
    writeFileSync(path.join(firstDir, 'first.txt'), ` date 2022-05-02 The first folder's article, edited (${indexes.length}).`);
    const deps = depsOverFolders(workspaceFolders, multiRoot.cacheFileOf, told, (index) => indexes.push(index), logged, undefined, extractor);
    const service = new CorpusService(retryDelaysMs === undefined ? deps : { ...deps, retryDelaysMs });
    await service.rescan();
    assert.strictEqual(service.lastScan?.reread, 1);
    rmSync(modelPath());
    return { service, firstDir, secondDir };
  };

  /** Writes an article to each of `files` and tells `service` of it, as the watcher would. */
  const writeArticles = (service: CorpusService, files: readonly string[]) => {
    for (const file of files) {
      writeFileSync(file, ` date 2022-05-03 Vladimir Putin arrived in ${path.basename(path.dirname(file))}.`);
      service.fileChanged(vscode.Uri.file(file));
    }
  };

  /** What the indexes of `indexes` hold and what `service` lists, as short names. */
  const indexedAndListed = (service: CorpusService, indexes: readonly IndexService[]) => ({
    indexed: shortNames(new Set(indexes.flatMap((index) => [...index.index.paths()]))),
    listed: shortNames([...service.corpus.articles()].map((article) => vscode.Uri.parse(article.id).fsPath)),
  });

  /** Resolves once `condition()` holds, checked at each change of `service`'s listing and state (each batch ends with one). */
  const serviceBecomes = (what: string, condition: () => boolean, service: CorpusService) =>
    eventually(what, condition, (listener) => {
      const stopListing = service.corpus.subscribe(listener);
      const states = service.onDidChangeState(listener);
      return () => {
        stopListing();
        states.dispose();
      };
    });

  it('leaves the listing equal to what the indexes hold: what the steps before the failure indexed is listed, a skipped file indexed since as an article', async () => {
    const [firstDir] = multiRoot.workspaceFolders().map((folder) => folder.uri.fsPath);
    assert.ok(firstDir !== undefined);
    // Skipped, until the batch makes it an article.
    const notes = path.join(firstDir, 'notes.txt');
    writeFileSync(notes, 'No date header yet.');
    const told: string[] = [];
    const indexes: IndexService[] = [];
    const { service, secondDir } = await openWithTheModelRemoved(told, [], indexes);
    try {
      assert.deepStrictEqual([service.corpus.size, service.corpus.skippedCount], [2, 1]);
      // The second folder's threads, starting for its new article, cannot load the model: its update fails after the first folder's went through.
      writeArticles(service, [path.join(firstDir, 'added.txt'), notes, path.join(secondDir, 'added.txt')]);
      await service.whenIdle();
      assert.strictEqual(told.length, 1);
      assert.match(told[0] ?? '', /^News Corpus: following file changes failed: an indexing thread failed: the entity model .* is missing;.*\. The changed files are tried again shortly\.$/);
      const { indexed, listed } = indexedAndListed(service, indexes);
      assert.deepStrictEqual(indexed, ['first/added.txt', 'first/first.txt', 'first/notes.txt', 'second/second.txt']);
      // The file skipped before is an article now, not a skipped file that would hide it.
      assert.deepStrictEqual([listed, service.corpus.skippedCount], [indexed, 0]);
      // Searches, which read the indexes, find the articles the listing shows.
      const found = service.search('arrived', { limit: 10 });
      assert.deepStrictEqual(found?.ok ? found.total : found, 2);
    } finally {
      service.dispose();
    }
  });

  it('is tried again shortly: once the cause is gone (the model back), the failed part is indexed and listed without a rescan', async () => {
    const told: string[] = [];
    const indexes: IndexService[] = [];
    const { service, firstDir, secondDir } = await openWithTheModelRemoved(told, [], indexes);
    try {
      writeArticles(service, [path.join(firstDir, 'later.txt'), path.join(secondDir, 'later.txt')]);
      await service.whenIdle();
      assert.strictEqual(told.length, 1);
      assert.ok(!indexedAndListed(service, indexes).listed.includes('second/later.txt'));
      // Only second/later.txt waits: first/later.txt went through, and the retry does not read it again.
      assert.deepStrictEqual(service.unreadChanges, { files: 1, givenUp: false });
      const waiting = statusShownOf(service);
      const size = service.corpus.size;
      assert.deepStrictEqual([waiting?.text, waiting?.tooltip], [`$(warning) ${size}`, `News Corpus: ${size} articles, but reading 1 changed file failed and is tried again shortly.`]);
      copyFileSync(shippedModelPath(), modelPath());
      await serviceBecomes('second/later.txt listed', () => indexedAndListed(service, indexes).listed.includes('second/later.txt'), service);
      await service.whenIdle();
      assert.strictEqual(service.unreadChanges, undefined);
      assert.strictEqual(statusShownOf(service)?.text, `$(library) ${size + 1}`);
      const { indexed, listed } = indexedAndListed(service, indexes);
      assert.deepStrictEqual(listed, indexed);
      assert.ok(indexed.includes('first/later.txt') && indexed.includes('second/later.txt'), JSON.stringify(indexed));
      assert.strictEqual(told.length, 1, JSON.stringify(told));
    } finally {
      service.dispose();
    }
  });

  it('is given up after its last retry when the cause stays (the model still missing): the user is told what is left out and to rescan, and nothing is tried again', async () => {
    const told: string[] = [];
    const logged: string[] = [];
    const indexes: IndexService[] = [];
    const { service, firstDir, secondDir } = await openWithTheModelRemoved(told, logged, indexes, [200, 200]);
    try {
      writeArticles(service, [path.join(secondDir, 'third.txt')]);
      await serviceBecomes('the batch given up', () => told.length === 2, service);
      assert.match(told[1] ?? '', /^News Corpus: following file changes failed 3 times in a row, so 1 changed file may be missing from the corpus or out of date; run News Corpus: Rescan Workspace to read them again\. The last failure: an indexing thread failed: the entity model .* is missing;.*\.$/);
      const failures = () => logged.filter((message) => message.startsWith('News Corpus: following file changes failed')).length;
      assert.strictEqual(failures(), 3);
      const size = service.corpus.size;
      const givenUp = { text: `$(warning) ${size}`, tooltip: `News Corpus: ${size} articles, but reading 1 changed file failed and was given up: the corpus may miss those changes. Click to rescan the workspace.`, command: 'newsCorpus.refresh' };
      assert.deepStrictEqual([service.unreadChanges, statusShownOf(service)], [{ files: 1, givenUp: true }, givenUp]);
      // Not noted again: the next batch, whose file can be read, does not fail on it.
      writeArticles(service, [path.join(firstDir, 'fourth.txt')]);
      await service.whenIdle();
      assert.deepStrictEqual([failures(), told.length], [3, 2]);
      const { listed: listedBefore } = indexedAndListed(service, indexes);
      assert.ok(listedBefore.includes('first/fourth.txt') && !listedBefore.includes('second/third.txt'), JSON.stringify(listedBefore));
      // A batch that went through did not read the given-up file: the status bar still says so.
      assert.deepStrictEqual([service.unreadChanges, statusShownOf(service)?.text], [{ files: 1, givenUp: true }, `$(warning) ${size + 1}`]);
      copyFileSync(shippedModelPath(), modelPath());
      await service.rescan({ asked: true });
      await service.whenIdle();
      const { indexed, listed } = indexedAndListed(service, indexes);
      assert.ok(listed.includes('second/third.txt'), JSON.stringify(listed));
      assert.deepStrictEqual(listed, indexed);
      assert.deepStrictEqual([service.unreadChanges, statusShownOf(service)?.text.startsWith('$(library)')], [undefined, true]);
    } finally {
      service.dispose();
    }
  });
});

describe('A new folder with a subfolder that cannot be read', () => {
  const folders = ownFolders('unreadable-subfolder', (dir) => writeFileSync(path.join(dir, 'first.txt'), ' date 2022-05-01 The first article.'));
  /** Each folder's name is this long: enough of them make a path longer than the system reads (ENAMETOOLONG), a failure root cannot get around. */
  const LONG_NAME = 'n'.repeat(250);
  const TOO_DEEP = 20;

  /**
   * Makes `new/` with an article and, below it, folders with long names down to a path the system cannot read, each
   * made short and renamed, deepest first (each call then names a path short enough); returns the long folders, outermost first.
   */
  const makeTooDeep = (root: string): string[] => {
    let short = path.join(root, 'new');
    mkdirSync(short);
    writeFileSync(path.join(short, 'inside.txt'), ' date 2022-05-02 An article of the new folder.');
    const shortFolders: string[] = [];
    for (let depth = 0; depth < TOO_DEEP; depth++) shortFolders.push((short = path.join(short, `${depth}`)));
    mkdirSync(short, { recursive: true });
    for (const folder of [...shortFolders].reverse()) renameSync(folder, path.join(path.dirname(folder), LONG_NAME));
    return shortFolders.map((_, depth) => path.join(root, 'new', ...Array.from({ length: depth + 1 }, () => LONG_NAME)));
  };

  /** Renames the long folders back, outermost first, so that they can be removed. */
  const shorten = (longFolders: readonly string[]) => {
    let parent = path.dirname(longFolders[0] ?? '');
    for (const [depth] of longFolders.entries()) {
      renameSync(path.join(parent, LONG_NAME), path.join(parent, `${depth}`));
      parent = path.join(parent, `${depth}`);
    }
  };

  it('lists the subfolder as skipped, as a scan lists it, and the folder\'s readable articles', async () => {
    const service = serviceOver(folders.dir, path.join(folders.cacheDir, 'index.ncidx'), []);
    let longFolders = makeTooDeep(folders.dir);
    try {
      await service.rescan();
      const scanned = [...service.corpus.skipped()].map(({ id, reason }) => ({ id, reason }));
      assert.deepStrictEqual([service.corpus.size, scanned.map(({ reason }) => reason)], [2, ['unreadable']]);
      shorten(longFolders);
      rmSync(path.join(folders.dir, 'new'), { recursive: true });
      await service.rescan();
      assert.deepStrictEqual([service.corpus.size, service.corpus.skippedCount], [1, 0]);
      longFolders = makeTooDeep(folders.dir);
      service.fileChanged(vscode.Uri.file(path.join(folders.dir, 'new')));
      await service.whenIdle();
      const followed = [...service.corpus.skipped()];
      assert.deepStrictEqual(followed.map(({ id, reason }) => ({ id, reason })), scanned);
      assert.match(followed[0]?.message ?? '', /^folder could not be read: /);
      assert.deepStrictEqual([...service.corpus.articles()].map((article) => path.basename(vscode.Uri.parse(article.id).fsPath)).sort(), ['first.txt', 'inside.txt']);
    } finally {
      service.dispose();
      if (existsSync(path.join(folders.dir, 'new', LONG_NAME))) shorten(longFolders);
    }
  });
});

describe('A batch of file events between a change of the size limit and the rescan it queued', () => {
  const folders = ownFolders('limit-then-events', (dir) => ARTICLES.forEach((text, i) => writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-05-0${i + 1} ${text}`)));

  it('leaves the folder\'s index as it is for the rescan: searches still see every article the views list', async () => {
    let maxFileBytes = 1 << 20;
    const indexes: IndexService[] = [];
    const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(folders.dir), name: 'limit-then-events', index: 0 };
    const service = new CorpusService({
      settings: () => ({ include: '**/*.txt', exclude: '', filesExclude: [], maxFileBytes }),
      folders: () => [folder],
      createIndex: (_, settings) => {
        const index = new IndexService({ root: folder.uri.toString(), cacheFile: path.join(folders.cacheDir, 'index.ncidx'), extractor: { kind: 'none' }, maxFileBytes: settings.maxFileBytes, cacheReaderPath: DEFAULT_CACHE_READER_PATH });
        indexes.push(index);
        return index;
      },
      notify: () => undefined,
      log: () => undefined,
    });
    const total = (query: string) => {
      const found = service.search(query, { limit: 10 });
      return found?.ok ? found.total : found;
    };
    try {
      await service.rescan();
      assert.deepStrictEqual([service.corpus.size, total('merkel OR putin')], [3, 3]);
      // The setting changed: the extension queues a rescan, and a batch already waiting for the work before it runs first.
      maxFileBytes = 1 << 19;
      const edited = path.join(folders.dir, 'article-2.txt');
      writeFileSync(edited, ' date 2022-05-03 Vladimir Putin returned to Moscow by train.');
      service.fileChanged(vscode.Uri.file(edited));
      await service.whenIdle();
      assert.deepStrictEqual([service.corpus.size, total('merkel OR putin'), indexes.length], [3, 3, 1]);
      await service.rescan();
      assert.deepStrictEqual([service.corpus.size, total('merkel OR putin'), total('train'), indexes.length], [3, 3, 1, 2]);
    } finally {
      service.dispose();
    }
  });
});
