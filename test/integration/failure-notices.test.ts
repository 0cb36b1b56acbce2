import * as assert from 'assert';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusService } from '../../src/corpus/corpus-service';
import { ManualClock } from '../support/manual-clock';
import { depsOverFolders, ownFolders, ownMultiRootFolders, serviceOver, serviceOverFolders, serviceWith } from './own-service';

describe('A rescan the user asked for while a failing scan is under way', () => {
  const folders = ownFolders('asked-rescan', (dir) => writeFileSync(path.join(dir, 'alpha.txt'), ' date 2022-05-01 The alpha article.'));

  it('tells its own failure, not the failure of the scan it replaced', async () => {
    const notes: string[] = [];
    let secondStarted = () => undefined as void;
    const secondUnderWay = new Promise<void>((resolve) => (secondStarted = resolve));
    let failSecond = () => undefined as void;
    const secondMayFail = new Promise<void>((resolve) => (failSecond = resolve));
    let calls = 0;
    // Every scan's indexing fails; the second's waits until the user has asked for the third.
    const service = serviceOver(folders.dir, path.join(folders.cacheDir, 'index.ncidx'), notes, (index) => {
      index.sync = async () => {
        const call = ++calls;
        if (call === 2) {
          secondStarted();
          await secondMayFail;
        }
        throw new Error(`indexing ${call} broke`);
      };
    });
    try {
      await service.rescan();
      const replaced = service.rescan();
      await secondUnderWay;
      const asked = service.rescan({ asked: true });
      failSecond();
      await Promise.all([replaced, asked]);
    } finally {
      service.dispose();
    }
    assert.deepStrictEqual(notes, ['News Corpus: reading the articles failed: indexing 1 broke', 'News Corpus: reading the articles failed: indexing 3 broke']);
  });
});

describe('A folder of a multi-root workspace whose index cannot be saved', () => {
  const multiRoot = ownMultiRootFolders('multi-root-saves', ['failing', 'saved']);

  it('is told once, though the other folder saves between its failures', async () => {
    const notes: string[] = [];
    const logged: string[] = [];
    let saves = 0;
    let saved = () => undefined as void;
    let made = 0;
    const service = serviceOverFolders(multiRoot.workspaceFolders(), multiRoot.cacheFileOf, notes, (index) => {
      const save = index.save.bind(index);
      // The indexes are made in the folders' order. The failing folder's saves reject at once; the other's are
      // counted once the service has heard how they went.
      index.save = made++ === 0 ? () => Promise.reject(new Error('the disk is full')) : () => save().finally(() => setTimeout(() => saved(), 0));
    }, logged);
    // Each scan saves both indexes after the usual delay: the other folder's first save writes, its second has nothing to write.
    const scannedAndSaved = async () => {
      const done = new Promise<void>((resolve) => (saved = resolve));
      await service.rescan();
      await done;
      saves++;
    };
    try {
      await scannedAndSaved();
      await scannedAndSaved();
    } finally {
      service.dispose();
    }
    const failure = 'News Corpus: could not save the index: the disk is full';
    assert.deepStrictEqual([saves, logged], [2, [failure, failure]]);
    assert.deepStrictEqual(notes, [failure]);
  });
});

describe('A batch of file events that keeps failing', () => {
  const folders = ownFolders('batch-retries', (dir) => writeFileSync(path.join(dir, 'kept.txt'), ' date 2022-05-01 The kept article.'));
  /** The first of the service's retry delays (its own, not a test's): the clock's time when the first retry runs. */
  const FIRST_RETRY_MS = 2_000;

  /**
   * A service over the folder, scanned, whose retries wait on `clock` and whose index fails to update the files
   * named in `failing`. `updated` gets the name of each file the index is asked to update; `told` what the user is
   * told, `failedAt` the time of each failure of the file events logged, both by `clock`. `change` writes articles
   * named `names` and tells the service of them, as the watcher would; `end` disposes of the service and removes them.
   */
  const failingService = async (clock: ManualClock, failing: ReadonlySet<string>) => {
    const updated: string[] = [];
    const told: { readonly at: number; readonly message: string }[] = [];
    const failedAt: number[] = [];
    const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(folders.dir), name: 'batch-retries', index: 0 };
    const deps = depsOverFolders([folder], () => path.join(folders.cacheDir, 'index.ncidx'), [], (index) => {
      const update = index.update.bind(index);
      index.update = (job) => {
        const name = path.basename(job.path);
        updated.push(name);
        return failing.has(name) ? Promise.reject(new Error(`the index could not take ${name}`)) : update(job);
      };
    });
    const service = serviceWith({
      ...deps,
      retryTimers: clock,
      notify: (message) => told.push({ at: clock.now(), message }),
      log: (message) => {
        if (message.startsWith('News Corpus: following file changes failed')) failedAt.push(clock.now());
      },
    });
    await service.rescan();
    const written = new Set<string>();
    let edits = 0;
    const change = (names: readonly string[]) => {
      for (const name of names) {
        const file = path.join(folders.dir, name);
        written.add(file);
        writeFileSync(file, ` date 2022-05-02 ${name}, edit ${++edits}.`);
        service.fileChanged(vscode.Uri.file(file));
      }
    };
    const end = () => {
      service.dispose();
      for (const file of written) rmSync(file);
    };
    return { service, updated, told, failedAt, change, end };
  };

  /** The file names of the articles `service` lists, sorted. */
  const listedNames = (service: CorpusService) => [...service.corpus.articles()].map((article) => path.basename(vscode.Uri.parse(article.id).fsPath)).sort();

  it('is tried again once its first delay is over, with only the files that did not go through; once they are read, nothing waits', async () => {
    const clock = new ManualClock();
    const failing = new Set(['b.txt']);
    const { service, updated, told, change, end } = await failingService(clock, failing);
    try {
      change(['a.txt', 'b.txt']);
      await service.whenIdle();
      assert.deepStrictEqual([updated, told, service.unreadChanges], [['a.txt', 'b.txt'], [{ at: 0, message: 'News Corpus: following file changes failed: the index could not take b.txt. The changed files are tried again shortly.' }], { files: 1, givenUp: false }]);
      clock.advance(FIRST_RETRY_MS - 1);
      await service.whenIdle();
      assert.deepStrictEqual(updated, ['a.txt', 'b.txt'], 'not tried again before the delay is over');
      failing.clear();
      clock.advance(1);
      await service.whenIdle();
      // a.txt went through the first time: the retry reads b.txt alone.
      assert.deepStrictEqual(updated, ['a.txt', 'b.txt', 'b.txt']);
      assert.deepStrictEqual([listedNames(service), service.unreadChanges, clock.waiting, told.length], [['a.txt', 'b.txt', 'kept.txt'], undefined, 0, 1]);
    } finally {
      end();
    }
  });

  it('failing again before its retry (edited meanwhile), is tried once after each following delay, then given up once', async () => {
    const clock = new ManualClock();
    const { service, updated, told, failedAt, change, end } = await failingService(clock, new Set(['b.txt']));
    try {
      change(['b.txt']);
      await service.whenIdle();
      change(['b.txt']);
      await service.whenIdle();
      while (clock.runNext()) await service.whenIdle();
      // The second batch's retry, after 10 s, replaced the first one's, due at 2 s; the last, 60 s after it, fails too.
      assert.deepStrictEqual(failedAt, [0, 0, 10_000, 70_000]);
      assert.deepStrictEqual(updated, ['b.txt', 'b.txt', 'b.txt', 'b.txt']);
      assert.deepStrictEqual(told.map(({ at }) => at), [0, 70_000]);
      assert.strictEqual(
        told[1]?.message,
        'News Corpus: following file changes failed 4 times in a row, so 1 changed file may be missing from the corpus or out of date; run News Corpus: Rescan Workspace to read them again. The last failure: the index could not take b.txt.',
      );
      assert.deepStrictEqual([service.unreadChanges, listedNames(service)], [{ files: 1, givenUp: true }, ['kept.txt']]);
    } finally {
      end();
    }
  });
});
