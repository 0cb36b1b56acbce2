import * as assert from 'assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CorpusService } from '../../src/corpus/corpus-service';
import { indexFileSections } from '../../src/core/search/index-file';
import { DatesTreeProvider, type DateTreeElement } from '../../src/dates-tree/dates-tree-provider';
import { HeldRowsProvider } from '../../src/dates-tree/held-rows';
import { ownFolders, saveIndexOf, serviceOver } from './own-service';

const DAYS = ['2021-04-01', '2022-05-02', '2022-05-20', '2022-06-03'];
/** The top rows of the Dates view over {@link DAYS}, newest first: what a reopen answers from the saved days. */
const SAVED_YEARS: readonly DateTreeElement[] = [
  { kind: 'year', year: '2022' },
  { kind: 'year', year: '2021' },
];
/** A block length as one varint byte, longer than the few titles of {@link DAYS} take. */
const OVERLONG_BLOCK = 0x7f;

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

/** What the view shows when it announces a change: the articles listed and its top rows. */
interface ShownAtChange {
  readonly listed: number;
  readonly rows: number;
}

/**
 * The Dates view's provider as the workbench sees it over `service`, with the top rows asked for as soon as the
 * service starts loading its saved index (as a reopened window's view does), the changes it passed on and what it
 * showed at each.
 */
function viewOver(service: CorpusService): {
  provider: DatesTreeProvider;
  held: HeldRowsProvider<DateTreeElement>;
  asked: Promise<DateTreeElement[] | null | undefined>;
  changes: unknown[];
  shown: ShownAtChange[];
  stop: () => void;
} {
  const provider = new DatesTreeProvider(service.corpus, () => ({ order: 'newest-first', undatedLabel: 'Undated' }), () => service.savedDates);
  const held = new HeldRowsProvider(provider, (element) => provider.waitsForArticles(element, service.savedListingDue));
  const changes: unknown[] = [];
  const shown: ShownAtChange[] = [];
  let ask: (answer: DateTreeElement[] | null | undefined) => void = () => undefined;
  const asked = new Promise<DateTreeElement[] | null | undefined>((resolve) => (ask = resolve));
  let first = true;
  const following = [
    held.onDidChangeTreeData((element) => {
      changes.push(element ?? 'all');
      shown.push({ listed: service.corpus.size, rows: provider.getChildren().length });
    }),
    { dispose: service.corpus.subscribe((change) => provider.refresh(change?.added)) },
    service.onDidProgress(() => {
      if (first && service.phase === 'loading') void Promise.resolve(held.getChildren()).then(ask);
      first &&= service.phase !== 'loading';
      provider.followSavedDates();
      held.settle();
    }),
  ];
  return { provider, held, asked, changes, shown, stop: () => [...following, held, provider].forEach((item) => item.dispose()) };
}

/**
 * Makes the titles' first block claim more bytes than its section holds: the days (a later section) still read, the listing
 * (paths, titles and days) no longer does, and the whole file fails its checksum.
 */
function damageTitles(cacheFile: string): void {
  const bytes = readFileSync(cacheFile);
  const titles = indexFileSections(bytes).find(({ info }) => info.name === 'titles')?.bytes;
  assert.ok(titles && titles.length < OVERLONG_BLOCK, 'a titles section shorter than the length written over its first block');
  bytes[titles.byteOffset - bytes.byteOffset] = OVERLONG_BLOCK;
  writeFileSync(cacheFile, bytes);
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
      assert.deepStrictEqual(await view.asked, SAVED_YEARS);
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

  it('drops the years counted from the saved days as soon as the load ends without its listing, before the rebuild lists an article', async () => {
    const cacheFile = path.join(folders.cacheDir, 'titles-damaged.ncidx');
    await saveIndexOf(folders.dir, cacheFile);
    damageTitles(cacheFile);
    const notes: string[] = [];
    const reopened = serviceOver(folders.dir, cacheFile, notes);
    const view = viewOver(reopened);
    try {
      await reopened.rescan();
      await reopened.whenIdle();
      assert.deepStrictEqual(await view.asked, SAVED_YEARS);
      assert.deepStrictEqual(view.shown[0], { listed: 0, rows: 0 }, `the saved years were dropped before any article came: ${JSON.stringify(view.shown)}`);
      assert.strictEqual(reopened.corpus.size, DAYS.length);
      assert.ok(notes.some((note) => /could not be used/.test(note)), JSON.stringify(notes));
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
  it('stops holding its requests once a load fails, rather than until the next scan', async () => {
    const notes: string[] = [];
    const reopened = serviceOver(folders.dir, path.join(folders.cacheDir, 'unread.ncidx'), notes, (index) => {
      index.load = () => Promise.reject(new Error('the cache reader broke'));
    });
    const view = viewOver(reopened);
    try {
      await reopened.rescan();
      await reopened.whenIdle();
      assert.deepStrictEqual(notes, ['News Corpus: reading the articles failed: the cache reader broke']);
      assert.strictEqual(reopened.savedListingDue, false, 'no listing is due from a load that failed');
      assert.deepStrictEqual(await view.asked, []);
    } finally {
      view.stop();
      reopened.dispose();
    }
  });
});
