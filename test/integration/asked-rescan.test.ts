import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ownFolders, serviceOver } from './own-service';

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
