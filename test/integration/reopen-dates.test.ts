import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CorpusService } from '../../src/corpus/corpus-service';
import { DatesTreeProvider, type DateTreeElement } from '../../src/dates-tree/dates-tree-provider';
import { HeldRowsProvider } from '../../src/dates-tree/held-rows';
import { ownFolders, saveIndexOf, serviceOver } from './own-service';

const DAYS = ['2021-04-01', '2022-05-02', '2022-05-20', '2022-06-03'];

/** The view's year and month rows as the workbench shows them: ids, labels and counts. */
async function periodRows(held: HeldRowsProvider<DateTreeElement>): Promise<unknown[]> {
  const row = async (element: DateTreeElement) => {
    const item = await held.getTreeItem(element);
    return [item.id, item.label, item.description];
  };
  const rows: unknown[] = [];
  for (const year of (await held.getChildren()) ?? []) {
    rows.push(await row(year));
    for (const month of (await held.getChildren(year)) ?? []) rows.push(await row(month));
  }
  return rows;
}

/**
 * The Dates view's provider as the workbench sees it over `service`, with the top rows asked for as soon as the
 * service starts loading its saved index (as a reopened window's view does), and the changes it passed on.
 */
function viewOver(service: CorpusService): { provider: DatesTreeProvider; held: HeldRowsProvider<DateTreeElement>; asked: Promise<DateTreeElement[] | null | undefined>; changes: unknown[]; stop: () => void } {
  const provider = new DatesTreeProvider(service.corpus, () => ({ order: 'newest-first', undatedLabel: 'Undated' }), () => service.savedDates);
  const held = new HeldRowsProvider(provider, (element) => provider.waitsForArticles(element, service.phase === 'loading'));
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
  return { provider, held, asked, changes, stop: () => [...following, held, provider].forEach((item) => item.dispose()) };
}

describe('The Dates view of a reopened window', () => {
  const folders = ownFolders('reopen-dates', (dir) => DAYS.forEach((day, i) => writeFileSync(path.join(dir, `article-${i}.txt`), ` date ${day} Article ${i}, written before the window closed.`)));

  /** A service over the folder whose index was saved beforehand (as a window reopened on it), and its view. */
  async function reopenedWithView(): Promise<{ reopened: CorpusService; view: ReturnType<typeof viewOver> }> {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    await saveIndexOf(folders.dir, cacheFile);
    const reopened = serviceOver(folders.dir, cacheFile, []);
    return { reopened, view: viewOver(reopened) };
  }

  it('answers its first request, made while the saved index loads, with the saved years, then the articles as one change', async () => {
    const { reopened, view } = await reopenedWithView();
    try {
      await reopened.rescan();
      await reopened.whenIdle();
      assert.deepStrictEqual(await view.asked, [
        { kind: 'year', year: '2022' },
        { kind: 'year', year: '2021' },
      ]);
      assert.deepStrictEqual(view.changes, ['all'], 'the listed articles replace the saved years in one change');
    } finally {
      view.stop();
      reopened.dispose();
    }
  });

  it('shows the years, months and article count counted from the saved days before the articles come, the same after, and holds a month until they come', async () => {
    const { reopened, view } = await reopenedWithView();
    try {
      const scan = reopened.rescan();
      await view.asked;
      const before = { listed: reopened.corpus.size, rows: await periodRows(view.held), description: view.provider.description() };
      const may = view.held.getChildren({ kind: 'month', year: '2022', month: '05' });
      await scan;
      await reopened.whenIdle();
      const rows = [
        ['year:2022', '2022', '3'],
        ['month:2022-06', 'June', '1'],
        ['month:2022-05', 'May', '2'],
        ['year:2021', '2021', '1'],
        ['month:2021-04', 'April', '1'],
      ];
      assert.deepStrictEqual(before, { listed: 0, rows, description: '4 articles' }, 'counted from the days, before any article was listed');
      assert.deepStrictEqual(await periodRows(view.held), rows);
      assert.strictEqual(view.provider.description(), '4 articles');
      assert.deepStrictEqual(await may, [
        { kind: 'day', date: '2022-05-20' },
        { kind: 'day', date: '2022-05-02' },
      ]);
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
