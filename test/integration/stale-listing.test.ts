import * as assert from 'assert';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusService } from '../../src/corpus/corpus-service';
import { EntitiesTreeProvider } from '../../src/entities-tree/entities-tree-provider';
import { statusShownOf } from '../../src/status-bar';
import { DEFAULT_CACHE_READER_PATH } from '../../src/workers/cache-file';
import type { ExtractorSpec } from '../../src/workers/entity-extractor';
import { IndexService } from '../../src/workers/index-service';
import { EXTENSION_ID } from './helpers';
import { ownFolders, ownMultiRootFolders, serviceOverFolders } from './own-service';

const ARTICLES = ['Vladimir Putin met Angela Merkel in Berlin on Tuesday.', 'Angela Merkel spoke to the United Nations in New York.', 'Vladimir Putin returned to Moscow.'];
/** Ends with a full stop, as some of the product's messages do: the status bar and the views add their own. */
const FAILURE = 'the cache reader stopped';

/** Where the shipped entity model is, in the installed extension. */
function shippedModelPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return path.join(extension.extensionPath, 'models', 'ner.bin');
}

/** The shipped entity model: the listing must have entities to go stale. */
function shippedModel(): ExtractorSpec {
  return { kind: 'model', modelPath: shippedModelPath() };
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

  it('lists no article nor entity of the saved index, says so in the status bar, and a retry lists them again', async () => {
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

      // The retry the status bar and the welcome content offer, once the cache loads again.
      failing = false;
      await reopened.rescan({ asked: true });
      await reopened.whenIdle();
      assert.deepStrictEqual([reopened.corpus.size, reopened.state, reopened.scanFailure, statusShownOf(reopened)?.text], [ARTICLES.length, 'ready', undefined, `$(library) ${ARTICLES.length}`]);
      entitiesView.refresh();
      assert.ok(!entitiesView.isEmpty, 'the entities are listed again');
    } finally {
      stop();
      reopened.dispose();
      entitiesView.dispose();
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

  it('leaves the listing equal to what the indexes hold: what the steps before the failure indexed is listed', async () => {
    // A copy of the shipped model that the test can remove, loaded as the host loads it once it has checked it.
    const modelPath = path.join(multiRoot.folders.cacheDir, 'ner.bin');
    copyFileSync(shippedModelPath(), modelPath);
    const extractor: ExtractorSpec = { kind: 'model', modelPath };
    const workspaceFolders = multiRoot.workspaceFolders();
    const first = serviceOverFolders(workspaceFolders, multiRoot.cacheFileOf, [], undefined, [], undefined, extractor);
    try {
      await first.rescan();
      await first.saveNow();
    } finally {
      first.dispose();
    }
    // Changed since the save: the reopen reads it again, so the first folder's indexing threads run (and hold the
    // model) when the events come; the second folder's, with nothing to read, never started.
    const [firstDir, secondDir] = workspaceFolders.map((folder) => folder.uri.fsPath);
    assert.ok(firstDir !== undefined && secondDir !== undefined);
    writeFileSync(path.join(firstDir, 'first.txt'), ' date 2022-05-02 The first folder\'s article, edited.');
    const notes: string[] = [];
    const indexes: IndexService[] = [];
    const service = serviceOverFolders(workspaceFolders, multiRoot.cacheFileOf, notes, (index) => indexes.push(index), [], undefined, extractor);
    try {
      await service.rescan();
      assert.deepStrictEqual([service.lastScan?.reread, service.corpus.size], [1, 2]);
      // The second folder's threads, starting for its new article, cannot load the model: its update fails after the first folder's went through.
      rmSync(modelPath);
      for (const dir of [firstDir, secondDir]) {
        const added = path.join(dir, 'added.txt');
        writeFileSync(added, ` date 2022-05-03 Vladimir Putin arrived in ${path.basename(dir)}.`);
        service.fileChanged(vscode.Uri.file(added));
      }
      await service.whenIdle();
      assert.strictEqual(notes.length, 1);
      assert.match(notes[0] ?? '', /^News Corpus: following file changes failed: an indexing thread failed: News Corpus: the entity model .* is missing/);
      const indexed = shortNames(indexes.flatMap((index) => [...index.index.paths()]));
      assert.deepStrictEqual(indexed, ['first/added.txt', 'first/first.txt', 'second/second.txt']);
      assert.deepStrictEqual(shortNames([...service.corpus.articles()].map((article) => vscode.Uri.parse(article.id).fsPath)), indexed);
      // Searches, which read the indexes, find the article the listing shows.
      const found = service.search('arrived', { limit: 10 });
      assert.deepStrictEqual(found?.ok ? found.total : found, 1);
    } finally {
      service.dispose();
    }
  });
});
