import * as assert from 'assert';
import * as fc from 'fast-check';
import { EntityCard, entityCardMarkdown, escapeMarkdown, sparkline, valuesPerBar } from '../../../src/core/entity-card';
import { EntityFacts } from '../../../src/core/facts/entity-facts';

const PUTIN: EntityCard = {
  name: 'Vladimir Putin',
  type: 'PER',
  aliases: ['Putin'],
  articleCount: 2,
  mentionCount: 9,
  firstDate: '2023-07-01',
  lastDate: '2023-09-13',
  roles: [
    { role: 'Russian President', articles: 2 },
    { role: 'head of the Kremlin', articles: 1 },
  ],
  timeline: [
    { period: '2023-07', mentions: 1 },
    { period: '2023-09', mentions: 8 },
  ],
  companions: [{ name: 'Kim Jong-un', type: 'PER', articles: 2 }],
  mentionsHere: 5,
};

describe('entityCardMarkdown', () => {
  it('isolates right-to-left names from the text beside them', () => {
    const markdown = entityCardMarkdown({ ...PUTIN, name: 'محمد', aliases: ['محمد بن سلمان'], companions: [{ name: 'עזה', type: 'LOC', articles: 3 }] }, []);
    assert.ok(markdown.startsWith('$(person) **\u2067محمد\u2069** · person'), markdown);
    assert.ok(markdown.includes('Also written: \u2067محمد بن سلمان\u2069\n'), markdown);
    assert.ok(markdown.includes('Often with: \u2067עזה\u2069 (3)'), markdown);
  });

  it('shows the header with the links under it, then spellings, roles, counts, chart and companions', () => {
    const markdown = entityCardMarkdown(PUTIN, [{ title: 'Search Articles', command: 'newsCorpus.search', args: ['person:="Vladimir Putin"'] }]);
    assert.strictEqual(
      markdown,
      [
        `$(person) **Vladimir Putin** · person  \n[Search Articles](command:newsCorpus.search?${encodeURIComponent('["person:=\\"Vladimir Putin\\""]')})`,
        'Also written: Putin',
        // Named as roles: a bare list read as more spellings.
        'Described as:\n- Russian President _(2 articles)_\n- head of the Kremlin _(1 article)_',
        '2 articles · 9 mentions · 2023-07-01 – 2023-09-13 · 5 mentions here',
        '`2023-07` ▂·█ `2023-09` _mentions per month_',
        'Often with: Kim Jong\\-un (2)',
      ].join('\n\n'),
    );
  });

  it('gives a link its tooltip as the link\'s title', () => {
    const markdown = entityCardMarkdown(PUTIN, [{ title: 'Search', tooltip: 'Search Articles', command: 'newsCorpus.search', args: [] }]);
    assert.ok(markdown.startsWith(`$(person) **Vladimir Putin** · person  \n[Search](command:newsCorpus.search?${encodeURIComponent('[]')} "Search Articles")\n\n`), markdown);
  });

  it('keeps the links in view above a long card: the first paragraph, however much follows', () => {
    const roles = Array.from({ length: 20 }, (_, i) => ({ role: `role ${i}`, articles: 1 }));
    const markdown = entityCardMarkdown({ ...PUTIN, roles }, [{ title: 'Fix…', command: 'newsCorpus.fixEntity', args: [] }]);
    assert.match(markdown.split('\n\n')[0] ?? '', /\[Fix…\]\(command:newsCorpus\.fixEntity/);
  });

  it('says which entity it is likely the same as, and why, with the merge link beside it', () => {
    const duplicate = { name: 'Donald Trump', type: 'PER' as const, likely: true, reason: '9 vs 51 articles; others: "Melania Trump" 2' };
    const merge = { title: 'Merge…', command: 'newsCorpus.mergeEntities', args: [] };
    const parts = entityCardMarkdown({ ...PUTIN, name: 'Trump', aliases: [], duplicate }, [], merge).split('\n\n');
    assert.strictEqual(parts[1], `Likely the same as **Donald Trump**: 9 vs 51 articles; others\\: \\"Melania Trump\\" 2 · [Merge…](command:newsCorpus.mergeEntities?${encodeURIComponent('[]')})`);
  });

  it('says "possibly" for a pair not chosen in advance, and names the other type', () => {
    const duplicate = { name: 'Twitter', type: 'ORG' as const, likely: false, reason: 'a person in 1 article, an organization in 48' };
    const markdown = entityCardMarkdown({ ...PUTIN, name: 'Twitter', duplicate }, []);
    assert.ok(markdown.includes('\n\nPossibly the same as **Twitter** (organization): a person in 1 article, an organization in 48\n\n'), markdown);
  });

  it('keeps the duplicate\'s name and reason inert', () => {
    const evil = '[x](command:workbench.action.quit) $(bug) <img src=x>';
    const markdown = entityCardMarkdown({ ...PUTIN, duplicate: { name: evil, type: 'PER', likely: true, reason: evil } }, []);
    const body = markdown.slice(markdown.indexOf('**') + 2);
    assert.doesNotMatch(body, /(^|[^\\])\[x(\\)?\]\(/, 'no link');
    assert.doesNotMatch(body, /(^|[^\\])\$\(/, 'no icon');
    assert.doesNotMatch(body, /(^|[^\\])</, 'no HTML');
  });

  it('says how many months a bar sums when the timeline is longer than the chart is wide', () => {
    // 2019-01 to 2023-09: 57 months in 19 bars of three (the hover said "per month" under them).
    const timeline = [
      { period: '2019-01', mentions: 4 },
      { period: '2021-06', mentions: 2 },
      { period: '2023-09', mentions: 7 },
    ];
    const markdown = entityCardMarkdown({ ...PUTIN, timeline }, []);
    const chart = markdown.split('\n\n').find((part) => part.startsWith('`2019-01`'));
    assert.ok(chart?.endsWith('`2023-09` _mentions per 3 months_'), chart);
    assert.strictEqual([...(chart ?? '').slice('`2019-01` '.length, chart?.indexOf(' `2023-09`'))].length, 19);
  });

  it('says when an entity is only in the open article so far', () => {
    const markdown = entityCardMarkdown({ ...PUTIN, articleCount: 0, mentionCount: 0, roles: [], timeline: [], companions: [], aliases: [] }, []);
    assert.match(markdown, /5 mentions in this article, not yet in the index$/);
  });

  it('keeps untrusted text inert: no link, icon, HTML or emphasis survives', () => {
    const evil = '[x](command:workbench.action.terminal.sendSequence?%5B%5D) $(bug) <img src=x> **b** `c`';
    const markdown = entityCardMarkdown({ ...PUTIN, name: evil, aliases: [evil], roles: [{ role: evil, articles: 1 }], companions: [{ name: evil, type: 'ORG', articles: 1 }] }, []);
    const body = markdown.slice(markdown.indexOf('**') + 2);
    assert.doesNotMatch(body, /(^|[^\\])\[x(\\)?\]\(/, 'no link');
    assert.doesNotMatch(body, /(^|[^\\])\$\(/, 'no icon');
    assert.doesNotMatch(body, /(^|[^\\])</, 'no HTML');
  });
});

describe('entityCardMarkdown with the user\'s facts', () => {
  const FACTS: EntityFacts = {
    description: 'President of Russia since 2012',
    role: 'President',
    born: '1952-10-07',
    notes: 'Ask the Moscow desk.',
    links: ['https://en.wikipedia.org/wiki/Vladimir_Putin_(politician)', 'ftp://example.org/x', 'not a link'],
    hidden: false,
    more: [{ field: 'party', value: 'United Russia' }],
  };

  it('shows them first, above a rule: description, fields, then notes and links on one line', () => {
    const markdown = entityCardMarkdown({ ...PUTIN, facts: FACTS }, []);
    const [header, facts, rule, aliases] = markdown.split('\n\n');
    const [description, fields, notesAndLinks, more] = facts?.split('  \n') ?? [];
    assert.strictEqual(header, '$(person) **Vladimir Putin** · person');
    assert.strictEqual(description, '_President of Russia since 2012_');
    assert.strictEqual(fields, 'Role: President · Born: 1952\\-10\\-07 · party: United Russia');
    assert.strictEqual(
      notesAndLinks,
      'Ask the Moscow desk\\. · [en\\.wikipedia\\.org/wiki/Vladimir\\_Putin\\_\\(politician\\)](https://en.wikipedia.org/wiki/Vladimir_Putin_%28politician%29) · ftp\\://example\\.org/x · not a link',
    );
    assert.strictEqual(more, undefined);
    assert.strictEqual(entityCardMarkdown({ ...PUTIN, facts: { links: ['not a link'], hidden: false, more: [] } }, []).split('\n\n')[1], 'not a link', 'links without notes');
    assert.strictEqual(rule, '---');
    assert.strictEqual(aliases, 'Also written: Putin');
  });

  it('shortens a long description and long notes at a word, so that the rest of the card stays in view', () => {
    const long = `${'word '.repeat(100)}end`;
    const markdown = entityCardMarkdown({ ...PUTIN, facts: { description: long, notes: long, links: [], hidden: false, more: [] } }, []);
    const [description, notes] = markdown.split('\n\n')[1]?.split('  \n') ?? [];
    assert.match(description ?? '', /^_(word ){39}word…_$/);
    assert.match(notes ?? '', /^(word ){39}word…$/);
  });

  it('keeps the paragraphs and lines of a description or notes written in several, everything in them still text', () => {
    // What QA wrote: a heading, a paragraph, a table; each ran into one line on the card.
    const description = '# Early life\r\n\r\nBorn in Leningrad.\nKGB officer.\n\n| Year | Office |\n|---|---|\n| 2000 | President |';
    const notes = 'Ask the Moscow desk.\n\n  <b>Not</b> [x](command:workbench.action.quit) $(bug)  ';
    const markdown = entityCardMarkdown({ ...PUTIN, facts: { description, notes, links: ['https://kremlin.ru'], hidden: false, more: [] } }, []);
    const facts = markdown.slice(markdown.indexOf('\n\n') + 2, markdown.indexOf('\n\n---'));
    assert.strictEqual(
      facts,
      [
        '_\\# Early life_',
        '_Born in Leningrad\\._  \n_KGB officer\\._',
        '_\\| Year \\| Office \\|_  \n_\\|\\-\\-\\-\\|\\-\\-\\-\\|_  \n_\\| 2000 \\| President \\|_  \nAsk the Moscow desk\\.',
        '\\<b\\>Not\\</b\\> \\[x\\]\\(command\\:workbench\\.action\\.quit\\) \\$(bug) · [kremlin\\.ru](https://kremlin.ru/)',
      ].join('\n\n'),
    );
  });

  it('shows at most six lines of a description written in many, with an ellipsis', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `Line ${i + 1}`).join('\n');
    const shown = entityCardMarkdown({ ...PUTIN, facts: { description: lines, links: [], hidden: false, more: [] } }, []).split('\n\n')[1];
    assert.strictEqual(shown, ['_Line 1_', '_Line 2_', '_Line 3_', '_Line 4_', '_Line 5_', '_Line 6…_'].join('  \n'));
  });

  it('adds nothing for facts with nothing to say', () => {
    assert.strictEqual(entityCardMarkdown({ ...PUTIN, facts: { links: [], hidden: false, more: [] } }, []), entityCardMarkdown(PUTIN, []));
  });

  it('keeps facts text inert, links included', () => {
    const evil = '[x](command:workbench.action.quit) $(bug) <img src=x> **b**';
    const markdown = entityCardMarkdown(
      { ...PUTIN, facts: { description: evil, role: evil, notes: evil, links: [evil, 'https://x.org/a)[y](command:workbench.action.quit'], hidden: false, more: [{ field: evil, value: evil }] } },
      [],
    );
    const body = markdown.slice(markdown.indexOf('**') + 2);
    assert.doesNotMatch(body, /(^|[^\\])\[[xy](\\)?\]\(/, 'no link');
    assert.doesNotMatch(body, /\]\(command:/, 'no command link');
    assert.doesNotMatch(body, /(^|[^\\])\$\(/, 'no icon');
    assert.doesNotMatch(body, /(^|[^\\])</, 'no HTML');
  });
});

describe('escapeMarkdown', () => {
  it('escapes every Markdown, HTML and icon character, and nothing else', () => {
    assert.strictEqual(escapeMarkdown('Kim Jong-un'), 'Kim Jong\\-un');
    assert.strictEqual(escapeMarkdown('[x](command:a) $(bug) <b>'), '\\[x\\]\\(command\\:a\\) \\$(bug) \\<b\\>');
    // Icon syntax keeps its parentheses: VS Code shows `\$(name)` as text, but draws the icon of `\$\(name\)`.
    assert.strictEqual(escapeMarkdown('$(sync~spin) $(not an icon)'), '\\$(sync~spin) \\$\\(not an icon\\)');
  });

  it('leaves no unescaped syntax character in any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        // Leaving out the escaped icons, whose parentheses stay as they are.
        const rest = escapeMarkdown(text).replace(/\\\$\([a-z0-9-]+(~[a-z0-9-]*)?\)/gi, '');
        assert.doesNotMatch(rest, /(^|[^\\])(\\\\)*[[\]()<>`*_$]/);
      }),
    );
  });
});

describe('sparkline', () => {
  it('scales to the largest value and sums neighbours past the width', () => {
    assert.strictEqual(sparkline([0, 1, 4, 2]), '·▃█▅');
    assert.strictEqual(sparkline([1, 1, 1, 1], 2), '██');
    assert.strictEqual(sparkline([]), '');
  });

  it('shows a month without mentions apart from one with a few, one character a month', () => {
    const line = sparkline([0, 1, 100, 0, 2]);
    assert.strictEqual(line, '·▁█·▁');
    assert.strictEqual([...line].length, 5);
    assert.strictEqual(sparkline([0, 0, 0, 3], 2), '·█', 'a summed period is empty only when all its months are');
  });

  it('sums as many values a bar as valuesPerBar says', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (values, maxBars) => {
        const bars = [...sparkline(values, maxBars)].length;
        assert.strictEqual(bars, Math.ceil(values.length / valuesPerBar(values.length, maxBars)));
        assert.ok(bars <= maxBars);
      }),
    );
    assert.strictEqual(valuesPerBar(24), 1);
    assert.strictEqual(valuesPerBar(25), 2);
  });

  it('sums from the latest value, so that a bar of fewer values is the oldest (a short last bar looked like a fall)', () => {
    assert.strictEqual(sparkline([5, 1, 1, 1, 1], 3), '█▄▄');
    // 25 months of one mention each at two months a bar: every bar but the first is full and of the same height.
    const line = sparkline(new Array<number>(25).fill(1));
    assert.strictEqual(line, `▅${'█'.repeat(12)}`);
  });
});
