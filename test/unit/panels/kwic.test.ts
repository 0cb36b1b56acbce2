import * as assert from 'assert';
import { KwicArticle, KwicReading, entityMatcher, formMatcher, kwicLines, kwicLinesAt, kwicPage, kwicPattern, kwicSearchSyntax, kwicTable, sortKwic, withinDates } from '../../../src/core/panels/kwic';

const summit: KwicArticle = {
  id: 'file:///summit.txt',
  title: 'Summit',
  date: '2023-09-13',
  text: ' date 2023-09-13 Putin and Kim hold talks.\n\nVladimir Putin said the central bank would act. Zebras saw Putin.',
};
const rates: KwicArticle = { id: 'file:///rates.txt', title: 'Rates', date: '2022-01-01', text: ' date 2022-01-01 The bank of Putin raised rates.' };

describe('keyword in context', () => {
  it('tells whether a date lies within optional inclusive ends; an undated item never does', () => {
    assert.ok(withinDates('2023-09-13', { from: '2023-09-13', to: '2023-09-13' }));
    assert.ok(withinDates('2023-09-13', {}));
    assert.ok(!withinDates('2023-09-14', { to: '2023-09-13' }));
    assert.ok(!withinDates(undefined, {}));
  });

  it('reads each listed article once and skips one whose text is gone', async () => {
    const texts = new Map([['a', 'Kim met Putin in Moscow.'], ['c', 'Putin spoke.']]);
    const found = new KwicReading(formMatcher(['Putin']));
    await found.read([{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C', date: '2023-09-13' }], (id) => texts.get(id));
    assert.strictEqual(found.articles, 2);
    assert.deepStrictEqual(found.lines.map(({ id, match, date }) => [id, match, date]), [['a', 'Putin', undefined], ['c', 'Putin', '2023-09-13']]);
  });

  it('reads more a step at a time, reading only the articles not read before, and sorts all it has read', async () => {
    const texts = new Map([['a', 'Kim met Putin in Moscow.'], ['b', 'Zebras saw Putin.'], ['c', 'A central Putin.']]);
    const reads: string[] = [];
    const textOf = (id: string) => {
      reads.push(id);
      return texts.get(id);
    };
    const found = new KwicReading(formMatcher(['Putin']));
    await found.read([{ id: 'a', title: 'A' }], textOf);
    assert.deepStrictEqual(kwicPage(found.lines, { sort: 'left', offset: 0, limit: 10 }).lines.map(({ id }) => id), ['a']);
    await found.read([{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C' }], textOf);
    assert.deepStrictEqual(reads, ['a', 'b', 'c'], 'a is not read again');
    assert.strictEqual(found.articles, 3);
    assert.deepStrictEqual(kwicPage(found.lines, { sort: 'left', offset: 0, limit: 10 }).lines.map(({ left }) => left), ['A central', 'Kim met', 'Zebras saw']);
  });

  it('lists an entity\'s mentions as the recogniser found them, not its spellings\' other occurrences', async () => {
    // "Trump" is a spelling of Donald Trump; in this text the recogniser gives the first to Melania Trump.
    const text = ' date 2020-10-02 Melania Trump tested positive. Donald Trump said: "Trump is fine."';
    const at = (name: string, from = 0) => ({ start: text.indexOf(name, from), end: text.indexOf(name, from) + name.length });
    const donald = { key: 'PER:donald trump', name: 'Donald Trump', type: 'PER' as const, aliases: ['Trump'], mentions: [at('Trump', text.indexOf('"')), at('Donald Trump')], forms: [] };
    const melania = { key: 'PER:melania trump', name: 'Melania Trump', type: 'PER' as const, aliases: [], mentions: [at('Melania Trump')], forms: [] };
    const found = new KwicReading(entityMatcher(donald.key, async () => [melania, donald]));
    await found.read([{ id: 'a', title: 'A' }], () => text);
    assert.deepStrictEqual(found.lines.map(({ left, match }) => [left, match]), [['Melania Trump tested positive.', 'Donald Trump'], ['Melania Trump tested positive. Donald Trump said: "', 'Trump']]);
    // Searched as its spellings, Melania's "Trump" was one of his lines.
    assert.strictEqual(kwicLines({ id: 'a', title: 'A', text }, kwicPattern(['Donald Trump', 'Trump'])).length, 3);
  });

  it('lets other work of the thread go on after each slice of analysing', async () => {
    let turns = 0;
    let clock = 0;
    const matcher = entityMatcher(
      'PER:kim',
      async () => {
        clock += 3; // each article takes 3 ms
        return [];
      },
      async () => {
        turns++;
      },
      () => clock,
    );
    for (let article = 0; article < 30; article++) await matcher('Kim', `a${article}`);
    // 90 ms of analysing in slices of 8 ms or more: a turn every third article.
    assert.strictEqual(turns, 9);
  });

  it('stops reading once stopped, and leaves out an article whose analysis failed', async () => {
    const texts = new Map([['a', 'Kim met Putin.'], ['b', 'Putin left.'], ['c', 'Putin spoke.']]);
    const found = new KwicReading(async (text, id) => {
      if (id === 'a') throw new Error('the thread stopped');
      if (id === 'b') found.stop();
      return formMatcher(['Putin'])(text, id);
    });
    await found.read([{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C' }], (id) => texts.get(id));
    assert.deepStrictEqual([found.articles, found.unread, found.lines.map(({ id }) => id)], [1, 1, ['b']]);
  });

  it('gives the lines of given spans, those in the date header left out', () => {
    const text = ' date 2023-09-13 Kim met Putin in Moscow.';
    const lines = kwicLinesAt({ id: 'a', title: 't', text }, [{ start: 1, end: 5 }, { start: 25, end: 30 }]);
    assert.deepStrictEqual(lines.map(({ left, match, right }) => [left, match, right]), [['Kim met', 'Putin', 'in Moscow.']]);
  });

  it('turns forms into term sequences, longest first, once each', () => {
    assert.deepStrictEqual(kwicPattern(['Putin', 'Vladimir Putin', 'PUTIN', '!!']), [['vladimir', 'putin'], ['putin']]);
  });

  it('aligns each occurrence as left context, match and right context, with its line and character', () => {
    const lines = kwicLines(summit, kwicPattern(['Putin', 'Vladimir Putin']), 20);
    assert.deepStrictEqual(
      lines.map(({ line, character, length, left, match, right }) => ({ line, character, length, left, match, right })),
      [
        { line: 0, character: 17, length: 5, left: '', match: 'Putin', right: 'and Kim hold' },
        { line: 2, character: 0, length: 14, left: 'Kim hold talks.', match: 'Vladimir Putin', right: 'said the central' },
        { line: 2, character: 59, length: 5, left: 'act. Zebras saw', match: 'Putin', right: '.' },
      ],
    );
    assert.strictEqual(summit.text.split('\n')[2]?.slice(59, 64), 'Putin');
  });

  it("takes context and matches from the article's own text, never its date header", () => {
    const trump = { id: 'a', title: 'a', text: ' date 2019-09-12 On Tuesday, United States President Donald Trump spoke.' };
    assert.deepStrictEqual(
      kwicLines(trump, kwicPattern(['Donald Trump'])).map(({ left, match }) => [left, match]),
      [['On Tuesday, United States President', 'Donald Trump']],
    );
    const dated = { id: 'b', title: 'b', text: ' date 2019-09-12 The date was set.' };
    assert.deepStrictEqual(kwicLines(dated, kwicPattern(['date'])).map(({ left, match, character }) => [left, match, character]), [['The', 'date', 21]]);
  });

  it('matches phrases across case and accents, never part of a word', () => {
    const text = { id: 'a', title: 'a', text: 'The Central  Bank; centralbank; central banks' };
    assert.deepStrictEqual(kwicLines(text, kwicPattern(['central bank'])).map(({ match }) => match), ['Central Bank']);
  });

  it('finds the same occurrences in plain ASCII text (looked up) as in any text (tokenised whole)', () => {
    const text = 'Rates rose; rates-rates. Interest rates, interest\n\nrates and INTEREST  rates! Prorates rates2 rates';
    const pattern = kwicPattern(['rates', 'interest rates']);
    const ascii = kwicLines({ id: 'a', title: 'a', text }, pattern);
    const other = kwicLines({ id: 'a', title: 'a', text: `${text} é` }, pattern);
    assert.deepStrictEqual(
      ascii.map(({ line, character, match }) => [line, character, match]),
      other.map(({ line, character, match }) => [line, character, match]),
    );
    assert.deepStrictEqual(ascii.map(({ match }) => match), ['Rates', 'rates', 'rates', 'Interest rates', 'interest rates', 'INTEREST rates', 'rates']);
  });

  it('matches accented text by its folded terms', () => {
    assert.deepStrictEqual(kwicLines({ id: 'a', title: 'a', text: 'Protests in São Paulo.' }, kwicPattern(['Sao Paulo'])).map(({ match }) => match), ['São Paulo']);
  });

  it('sorts by the words left of the match, nearest first, and by the words right of it', () => {
    const lines = [...kwicLines(summit, [['putin']]), ...kwicLines(rates, [['putin']])];
    assert.deepStrictEqual(
      sortKwic(lines, 'left').map(({ left }) => left.split(' ').at(-1)),
      ['', 'of', 'saw', 'Vladimir'],
    );
    assert.deepStrictEqual(
      sortKwic(lines, 'right').map(({ right }) => right.split(' ')[0]),
      ['.', 'and', 'raised', 'said'],
    );
  });

  it('filters by date and pages through the sorted lines', () => {
    const lines = [...kwicLines(summit, [['putin']]), ...kwicLines(rates, [['putin']])];
    const page = kwicPage(lines, { sort: 'date', from: '2023-01-01', offset: 1, limit: 1 });
    assert.strictEqual(page.total, 3);
    assert.deepStrictEqual(page.lines.map(({ id }) => id), ['file:///summit.txt']);
    assert.strictEqual(kwicPage(lines, { sort: 'date', to: '2022-12-31', offset: 0, limit: 10 }).total, 1);
    assert.strictEqual(kwicPage(lines, { sort: 'date', offset: 0, limit: 10 }).lines[0]?.date, '2022-01-01');
  });
});

describe('kwicSearchSyntax', () => {
  it('names the search syntax that the panel would read as words', () => {
    const cases: [string, string][] = [
      ['wheat OR corn', 'OR'],
      ['OR', 'OR'],
      ['oil AND gas', 'AND'],
      ['bank NOT england', 'NOT'],
      ['person:Trump', 'person:'],
      ['Person:Trump', 'person:'],
      ['(person:Trump OR place:Moscow)', 'person:'],
      ['person:"Vladimir Putin"', 'person:'],
      ['-date:2023 summit', 'date:'],
      ['bank -england', '-'],
      ['bank -"central bank"', '-'],
      ['-(wheat corn)', '-'],
      ['export*', '*'],
      ['bundesbnak~', '~'],
      ['bundesbnak~2', '~'],
    ];
    for (const [text, syntax] of cases) assert.strictEqual(kwicSearchSyntax(text), syntax, text);
  });

  it('finds none in what a reader types as words: plain words, quotes, punctuation, a filter name without a value', () => {
    const words = ['interest rates', '"interest rates"', '"wheat OR corn"', '"wheat OR corn', '"wheat"*', 'wheat or corn', 'Kim Jong-un', 'well-known', 'a - b', '10:30', 'foo:bar'];
    const punctuation = ['co-op(s)', 'U.S.', '*', 'C++', 'R&D', '9/11', 'COVID-19', 'up to date: the rules', 'before: the war', 'on: BBC'];
    for (const text of [...words, ...punctuation]) assert.strictEqual(kwicSearchSyntax(text), undefined, text);
  });
  it('writes lines as a table a spreadsheet pastes as text: tabs and breaks as spaces, formulas quoted', () => {
    const line = { id: 'a', title: '=HYPERLINK("x")', date: '2023-09-13', line: 0, character: 0, length: 3, left: 'said\tthat', match: 'Kim', right: '-1 today' };
    assert.strictEqual(kwicTable([line, { ...line, date: undefined, title: 'Plain' }]), 'date\ttitle\tleft\tmatch\tright\n2023-09-13\t\'=HYPERLINK("x")\tsaid that\tKim\t\'-1 today\n\tPlain\tsaid that\tKim\t\'-1 today\n');
  });
});
