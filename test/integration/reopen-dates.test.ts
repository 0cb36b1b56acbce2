import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CorpusService } from '../../src/corpus/corpus-service';
import { DatesTreeProvider, type DateTreeElement } from '../../src/dates-tree/dates-tree-provider';
import { HeldRootProvider } from '../../src/dates-tree/held-root';
import { ownFolders, saveIndexOf, serviceOver } from './own-service';

const DAYS = ['2021-04-01', '2022-05-02', '2022-06-03'];

/**
 * The Dates view's provider as the workbench sees it over `service`, with the top rows asked for as soon as the
 * service starts loading its saved index (as a reopened window's view does), and the changes it passed on.
 */
function viewOver(service: CorpusService): { asked: Promise<DateTreeElement[] | null | undefined>; changes: unknown[]; stop: () => void } {
  const provider = new DatesTreeProvider(service.corpus, () => ({ order: 'newest-first', undatedLabel: 'Undated' }));
  const held = new HeldRootProvider(provider, () => service.corpus.size === 0 && service.phase === 'loading');
  const changes: unknown[] = [];
  let ask: (answer: DateTreeElement[] | null | undefined) => void = () => undefined;
  const asked = new Promise<DateTreeElement[] | null | undefined>((resolve) => (ask = resolve));
  let first = true;
  const following = [
    held.onDidChangeTreeData((element) => changes.push(element ?? 'all')),
    { dispose: service.corpus.subscribe((change) => provider.refresh(change?.added)) },
    service.onDidProgress(() => {
      if (first && service.phase === 'loading') void Promise.resolve(held.getChildren()).then(ask);
      first &&= service.phase !== 'loading';
      held.settle();
    }),
  ];
  return { asked, changes, stop: () => [...following, held, provider].forEach((item) => item.dispose()) };
}

describe('The Dates view of a reopened window', () => {
  const folders = ownFolders('reopen-dates', (dir) => DAYS.forEach((day, i) => writeFileSync(path.join(dir, `article-${i}.txt`), ` date ${day} Article ${i}, written before the window closed.`)));

  it('answers its first request, made while the saved index loads, with the saved articles and no second round', async () => {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    await saveIndexOf(folders.dir, cacheFile);

    const reopened = serviceOver(folders.dir, cacheFile, []);
    const view = viewOver(reopened);
    try {
      await reopened.rescan();
      await reopened.whenIdle();
      assert.deepStrictEqual(await view.asked, [
        { kind: 'year', year: '2022' },
        { kind: 'year', year: '2021' },
      ]);
      assert.deepStrictEqual(view.changes, [], 'the listing reached the view through the held answer, not a change that makes it ask again');
    } finally {
      view.stop();
      reopened.dispose();
    }
  });

  it('answers it with nothing once the load ends without a saved index, then passes the first build on as changes', async () => {
    const opened = serviceOver(folders.dir, path.join(folders.cacheDir, 'missing.ncidx'), []);
    const view = viewOver(opened);
    try {
      await opened.rescan();
      await opened.whenIdle();
      assert.deepStrictEqual(await view.asked, []);
      assert.ok(view.changes.length > 0, 'the built articles were announced');
      assert.strictEqual(opened.corpus.size, DAYS.length);
    } finally {
      view.stop();
      opened.dispose();
    }
  });
});
