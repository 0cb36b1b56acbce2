import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { WarmUpOutcome } from '../../src/workers/index-service';
import { ownFolders, saveIndexOf, scanToTheEnd, serviceOver } from './own-service';

const ARTICLES = ['alpha', 'bravo', 'charlie', 'delta'];

describe('Search in a reopened window', () => {
  const folders = ownFolders('reopen-search', (dir) => ARTICLES.forEach((name, i) => writeFileSync(path.join(dir, `${name}.txt`), ` date 2022-05-0${i + 1} The ${name} article, written before the window closed.`)));

  it('answers from the saved index as soon as the scan says it checks the files', async () => {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    await saveIndexOf(folders.dir, cacheFile);
    const reopened = serviceOver(folders.dir, cacheFile, []);
    const answers: { readonly total: number | undefined }[] = [];
    const following = reopened.onDidProgress(() => {
      if (reopened.phase !== 'checking' || answers.length > 0) return;
      const response = reopened.search('"before the window closed"', {});
      answers.push({ total: response?.ok ? response.total : undefined });
    });
    await scanToTheEnd(reopened, () => following.dispose());
    assert.deepStrictEqual(answers, [{ total: ARTICLES.length }]);
  });

  it('warms its search up in the host once the reopened index is ready, and answers as before', async () => {
    const cacheFile = path.join(folders.cacheDir, 'warmed.ncidx');
    await saveIndexOf(folders.dir, cacheFile);
    let heard: (outcome: WarmUpOutcome) => void = () => undefined;
    const warmedUp = new Promise<WarmUpOutcome>((resolve) => (heard = resolve));
    const reopened = serviceOver(folders.dir, cacheFile, [], undefined, [], heard);
    try {
      await reopened.rescan();
      await reopened.whenIdle();
      // Before the service is disposed, which would stop it.
      const outcome = await warmedUp;
      assert.strictEqual(outcome.stopped, false);
      assert.ok((outcome.queries ?? 0) > 0, `${outcome.queries} queries`);
      const response = reopened.search('"before the window closed"', {});
      assert.strictEqual(response?.ok ? response.total : undefined, ARTICLES.length);
    } finally {
      reopened.dispose();
    }
  });
});
