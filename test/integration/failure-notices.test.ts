import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ownFolders, ownMultiRootFolders, serviceOver, serviceOverFolders } from './own-service';

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
