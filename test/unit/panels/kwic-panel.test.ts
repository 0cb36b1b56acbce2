import * as assert from 'assert';
import { Corpus } from '../../../src/core/corpus';
import { ArticleEntity } from '../../../src/core/entities/types';
import { EntityArticleRef, EntityDirectory } from '../../../src/core/entity-directory';
import { KWIC_ARTICLES } from '../../../src/core/panels/kwic';
import { KwicState, kwicPanel } from '../../../src/panels/kwic-panel';
import { PanelKind } from '../../../src/panels/panel-host';
import { PanelSources } from '../../../src/panels/panel-sources';
import { ManualClock } from '../../support/manual-clock';

/** An entity named in 450 articles, newest first, each text saying who met it; the reads of texts counted. */
function entityOf450(): { entities: EntityDirectory; reads: string[] } {
  const reads: string[] = [];
  const refs: EntityArticleRef[] = Array.from({ length: 450 }, (_, i) => ({ id: `a${i}`, path: `a${i}.txt`, title: `A${i}`, date: `2023-01-${String((i % 28) + 1).padStart(2, '0')}`, mentions: 1 }));
  const entities = {
    summary: (key: string) => (key === 'PER:kim' ? { key, name: 'Kim', type: 'PER' as const, aliases: [], articleCount: refs.length, mentionCount: refs.length } : undefined),
    articles: (_key: string, limit = Infinity) => refs.slice(0, limit),
    articleText: (id: string) => {
      reads.push(id);
      return `Person${id} met Kim today; Kim Kardashian did not.`;
    },
  } as Partial<EntityDirectory> as EntityDirectory;
  return { entities, reads };
}

/** The recogniser of these texts: "Kim" is the person Kim, but not in "Kim Kardashian", another person. */
async function mentionsOfKim(text: string): Promise<readonly ArticleEntity[]> {
  const mentions = [...text.matchAll(/Kim(?! Kardashian)/g)].map(({ index }) => ({ start: index, end: index + 3 }));
  return mentions.length === 0 ? [] : [{ key: 'PER:kim', name: 'Kim', type: 'PER', aliases: [], mentions, forms: [] }];
}

/** The panel's data for `state` once what it asks for is read, as the panel host sends it. */
async function shown(kwic: PanelKind<KwicState>, state: KwicState): Promise<unknown> {
  await kwic.prepare?.(state, () => {});
  return kwic.data(state);
}

describe('Keyword in Context panel data', () => {
  it('reads an entity\'s newest articles a step at a time, only the new ones on "Read more", and sorts all it has read', async () => {
    const { entities, reads } = entityOf450();
    const sources = new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined });
    const kwic = kwicPanel(sources, (path) => path, mentionsOfKim);
    const target = { kind: 'entity', key: 'PER:kim' } as const;
    const first = (await shown(kwic, { target, sort: 'left', offset: 0 })) as { total: number; articles: number; matching: number; read: number; order: string; lines: { left: string }[] };
    assert.deepStrictEqual([first.total, first.articles, first.matching, first.read, first.order], [KWIC_ARTICLES, KWIC_ARTICLES, 450, KWIC_ARTICLES, 'newest']);
    assert.strictEqual(reads.length, KWIC_ARTICLES, 'only the first step\'s texts are read');
    const more = (await shown(kwic, { target, sort: 'left', offset: 0, read: 2 * KWIC_ARTICLES })) as typeof first;
    assert.deepStrictEqual([more.total, more.articles, more.read], [2 * KWIC_ARTICLES, 2 * KWIC_ARTICLES, 2 * KWIC_ARTICLES]);
    assert.strictEqual(new Set(reads).size, reads.length, 'no text read twice');
    assert.strictEqual(reads.length, 2 * KWIC_ARTICLES);
    // Sorted by the words left of the match across everything read: "Persona0 met" … in code-unit order of the terms.
    const lefts = more.lines.map(({ left }) => left);
    assert.deepStrictEqual(lefts.slice(0, 3), ['Persona0 met', 'Persona1 met', 'Persona10 met']);
    const all = (await shown(kwic, { target, sort: 'left', offset: 0, read: 3 * KWIC_ARTICLES })) as typeof first;
    assert.deepStrictEqual([all.total, all.articles, all.matching], [450, 450, 450]);
  });

  it('copies every line read so far, not only the page, in the page\'s order, as a table a spreadsheet takes', async () => {
    const { entities } = entityOf450();
    const kwic = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined }), (path) => path, mentionsOfKim);
    const state = { target: { kind: 'entity', key: 'PER:kim' }, sort: 'left', offset: 0 } as const;
    assert.strictEqual(kwic.copy?.(state), undefined, 'nothing read yet, nothing to copy');
    await shown(kwic, state);
    const copied = kwic.copy?.(state);
    assert.strictEqual(copied?.what, `${KWIC_ARTICLES} lines of “Kim”`);
    const rows = copied.text.trimEnd().split('\n');
    assert.deepStrictEqual(rows.slice(0, 2), ['date\ttitle\tleft\tmatch\tright', '2023-01-01\tA0\tPersona0 met\tKim\ttoday; Kim Kardashian did not.']);
    assert.strictEqual(rows.length, KWIC_ARTICLES + 1, 'more lines than a page of 100');
  });

  it('lists an entity\'s mentions as the recogniser found them, not the other occurrences of its name', async () => {
    const { entities } = entityOf450();
    const kwic = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined }), (path) => path, mentionsOfKim);
    const shownData = (await shown(kwic, { target: { kind: 'entity', key: 'PER:kim' }, sort: 'right', offset: 0 })) as { total: number; lines: { right: string }[] };
    assert.strictEqual(shownData.total, KWIC_ARTICLES, 'one line an article: "Kim" of "Kim Kardashian" is another person');
    assert.ok(shownData.lines.every(({ right }) => right.startsWith('today')));
  });

  it('draws the lines found so far when reading takes longer than the first draw\'s wait, marked as still reading, then all', async () => {
    const { entities } = entityOf450();
    // The eleventh analysis waits until the lines found so far are drawn: the reading outlasts the 20 ms wait.
    let release = () => {};
    const drawn = new Promise<void>((resolve) => (release = resolve));
    let analysed = 0;
    const heldAfterTen = async (text: string) => {
      if (++analysed > 10) await drawn;
      return mentionsOfKim(text);
    };
    const kwic = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined }), (path) => path, heldAfterTen, { firstDrawMs: 20 });
    const state: KwicState = { target: { kind: 'entity', key: 'PER:kim' }, sort: 'right', offset: 0 };
    const early: { articles: number; total: number; reading?: boolean }[] = [];
    await kwic.prepare?.(state, () => {
      early.push(kwic.data(state) as (typeof early)[number]);
      release();
    });
    assert.deepStrictEqual(early, [{ ...early[0], articles: 10, total: 10, reading: true }], 'one early draw, of the ten articles read');
    const final = kwic.data(state) as (typeof early)[number];
    assert.deepStrictEqual([final.articles, final.total, final.reading], [KWIC_ARTICLES, KWIC_ARTICLES, undefined]);
    // Read already: no wait, no early draw.
    let again = 0;
    await kwic.prepare?.(state, () => again++);
    assert.strictEqual(again, 0);
  });

  it('draws nothing early before an article is read (a busy analysis thread), then the first lines once one is', async () => {
    const { entities } = entityOf450();
    const clock = new ManualClock();
    let release = () => {};
    const first = new Promise<void>((resolve) => (release = resolve));
    // The second waits for the early draw: the reading is still under way when the clock looks again.
    let drawn = () => {};
    const second = new Promise<void>((resolve) => (drawn = resolve));
    let analysed = 0;
    const heldFirst = async (text: string) => {
      analysed++;
      if (analysed === 1) await first;
      if (analysed === 2) await second;
      return mentionsOfKim(text);
    };
    const kwic = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined }), (path) => path, heldFirst, { firstDrawMs: 150, timers: clock });
    const state: KwicState = { target: { kind: 'entity', key: 'PER:kim' }, sort: 'right', offset: 0 };
    const early: { articles: number; reading?: boolean }[] = [];
    const reading = kwic.prepare?.(state, () => {
      early.push(kwic.data(state) as (typeof early)[number]);
      drawn();
    });
    clock.advance(1_000);
    assert.strictEqual(early.length, 0, 'no empty table drawn over the old lines');
    release();
    await new Promise<void>((resolve) => {
      // The reading goes on through the held analysis; the clock's next look finds it read.
      const look = () => (analysed > 1 ? resolve() : void setImmediate(look));
      look();
    });
    clock.advance(50);
    assert.strictEqual(early.length, 1);
    assert.deepStrictEqual([early[0]?.articles, early[0]?.reading], [1, true]);
    await reading;
  });

  it('leaves out an article whose analysis failed, says so, and reads on, "Read more" included', async () => {
    const { entities } = entityOf450();
    const failing = async (text: string, id: string) => (id === 'a5' ? Promise.reject(new Error('the thread stopped')) : mentionsOfKim(text));
    const kwic = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined }), (path) => path, failing);
    const target = { kind: 'entity', key: 'PER:kim' } as const;
    const first = (await shown(kwic, { target, sort: 'right', offset: 0 })) as { total: number; articles: number; unread?: number };
    assert.deepStrictEqual([first.total, first.articles, first.unread], [KWIC_ARTICLES - 1, KWIC_ARTICLES - 1, 1]);
    const more = (await shown(kwic, { target, sort: 'right', offset: 0, read: 2 * KWIC_ARTICLES })) as typeof first;
    assert.deepStrictEqual([more.total, more.articles, more.unread], [2 * KWIC_ARTICLES - 1, 2 * KWIC_ARTICLES - 1, 1]);
  });

  it('stops reading for a target no longer asked for, and does not analyse again the texts it has analysed', async () => {
    const { entities } = entityOf450();
    const analysed: string[] = [];
    const counting = async (text: string, id: string) => {
      analysed.push(id);
      return mentionsOfKim(text);
    };
    const sources = new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined });
    const kwic = kwicPanel(sources, (path) => path, counting);
    const target = { kind: 'entity', key: 'PER:kim' } as const;
    await shown(kwic, { target, sort: 'right', offset: 0 });
    assert.strictEqual(analysed.length, KWIC_ARTICLES);
    // The index changed (a scan's batch): the same articles are read again, their analyses kept.
    sources.reset();
    const again = (await shown(kwic, { target, sort: 'right', offset: 0 })) as { total: number };
    assert.strictEqual(again.total, KWIC_ARTICLES);
    assert.strictEqual(analysed.length, KWIC_ARTICLES, 'no text analysed twice');
    // Another target while the first is read: the first stops.
    const reading = kwic.prepare?.({ target, sort: 'right', offset: 0, read: 3 * KWIC_ARTICLES }, () => {});
    await shown(kwic, { target: { kind: 'words', text: 'met' }, sort: 'right', offset: 0 });
    await reading;
    assert.ok(analysed.length < 3 * KWIC_ARTICLES, `${analysed.length} analysed of the ${3 * KWIC_ARTICLES} asked first`);
  });

  it('reads the articles of the chosen dates, an entity\'s from all its articles and a word\'s through the query\'s date filter', async () => {
    const { entities, reads } = entityOf450();
    const queries: string[] = [];
    const search = (query: string) => {
      queries.push(query);
      return { ok: true as const, hits: [], total: 0, fuzzy: false, tookMs: 0 };
    };
    const kwic = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search, matchesPerDay: () => undefined }), (path) => path, mentionsOfKim);
    const inJanuary28 = (await shown(kwic, { target: { kind: 'entity', key: 'PER:kim' }, sort: 'right', offset: 0, from: '2023-01-28', to: '2023-01-28' })) as { total: number; matching: number };
    // 16 of the 450 articles are dated the 28th, only 7 of them among the 200 read without a date filter: all 16 are read.
    assert.deepStrictEqual([inJanuary28.total, inJanuary28.matching], [16, 16]);
    assert.strictEqual(reads.length, 16, 'only the period\'s texts are read');
    await shown(kwic, { target: { kind: 'words', text: 'met Kim' }, sort: 'right', offset: 0, from: '2023-01-01' });
    assert.deepStrictEqual(queries, ['"met kim" after:2022-12-31']);
  });

  it('says when the words hold search syntax, which it reads as words (it reported a bare 0 for "wheat OR corn")', async () => {
    const { entities } = entityOf450();
    const search = () => ({ ok: true as const, hits: [], total: 0, fuzzy: false, tookMs: 0 });
    const kwic = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search, matchesPerDay: () => undefined }), (path) => path, mentionsOfKim);
    const syntaxOf = async (target: { kind: 'words'; text: string } | { kind: 'entity'; key: string }) => ((await shown(kwic, { target, sort: 'right', offset: 0 })) as { syntax?: string }).syntax;
    assert.strictEqual(await syntaxOf({ kind: 'words', text: 'wheat OR corn' }), 'OR');
    assert.strictEqual(await syntaxOf({ kind: 'words', text: 'person:Trump' }), 'person:');
    assert.strictEqual(await syntaxOf({ kind: 'words', text: '"interest rates"' }), undefined);
    assert.strictEqual(await syntaxOf({ kind: 'entity', key: 'PER:kim' }), undefined);
  });

  it('keeps a read count from the webview only when it is a whole number above the first step', async () => {
    const { entities } = entityOf450();
    const kwic = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined }), (path) => path, mentionsOfKim);
    assert.strictEqual(kwic.stateOf({ sort: 'left', offset: 0, read: 400 })?.read, 400);
    for (const read of [0, -5, 1.5, '400', KWIC_ARTICLES]) assert.strictEqual(kwic.stateOf({ sort: 'left', offset: 0, read })?.read, undefined, String(read));
  });

  it('bounds the date boxes by the corpus\'s first and last dated articles, and leaves them open in a corpus of none', async () => {
    const { entities } = entityOf450();
    const corpus = new Corpus();
    corpus.reset(
      [
        { id: 'a', path: 'a.txt', title: 'Rates', date: '1987-03-02' },
        { id: 'b', path: 'b.txt', title: 'Undated' },
        { id: 'c', path: 'c.txt', title: 'Rates again', date: '1987-10-20' },
      ],
      [],
    );
    const state = { target: { kind: 'entity', key: 'PER:kim' }, sort: 'right', offset: 0 } as const;
    const dated = kwicPanel(new PanelSources({ corpus, entities, search: () => undefined, matchesPerDay: () => undefined }), (path) => path, mentionsOfKim);
    assert.deepStrictEqual(((await shown(dated, state)) as { span?: unknown }).span, { first: '1987-03-02', last: '1987-10-20' });
    const none = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined }), (path) => path, mentionsOfKim);
    assert.strictEqual(((await shown(none, state)) as { span?: unknown }).span, undefined);
    // Dates typed past the corpus's (the bounds do not stop typing) say so (ux38b: "0 occurrences … in 0 articles").
    const past = (await shown(dated, { ...state, from: '1996-01-01' })) as { dateError?: string; total: number };
    assert.deepStrictEqual([past.total, past.dateError], [0, "the corpus's articles run from 1987-03-02 to 1987-10-20."]);
    assert.strictEqual(((await shown(dated, { ...state, to: '1987-01-31' })) as { dateError?: string }).dateError, "the corpus's articles run from 1987-03-02 to 1987-10-20.");
    assert.strictEqual(((await shown(dated, { ...state, from: '1987-01-01', to: '1987-03-05' })) as { dateError?: string }).dateError, undefined, 'dates overlapping the corpus\'s');
  });

  it('says why a From date after the To date finds nothing, in the dates the reader gave, and reads no article', async () => {
    const { entities, reads } = entityOf450();
    const kwic = kwicPanel(new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined }), (path) => path, mentionsOfKim);
    const swapped = (await shown(kwic, { target: { kind: 'entity', key: 'PER:kim' }, sort: 'right', offset: 0, from: '2023-06-01', to: '2023-02-01' })) as { total: number; dateError?: string };
    assert.strictEqual(swapped.total, 0);
    assert.strictEqual(swapped.dateError, 'the From date 2023-06-01 is after the To date 2023-02-01.');
    assert.deepStrictEqual(reads, []);
    const oneDay = (await shown(kwic, { target: { kind: 'entity', key: 'PER:kim' }, sort: 'right', offset: 0, from: '2023-01-28', to: '2023-01-28' })) as { total: number; dateError?: string };
    assert.deepStrictEqual([oneDay.total, oneDay.dateError], [16, undefined]);
  });
});
