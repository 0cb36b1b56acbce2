import * as assert from 'assert';
import { MAX_TITLE_LENGTH, parseArticle } from '../../../src/core/article';
import { articleTooltip } from '../../../src/core/article-tooltip';

describe('articleTooltip', () => {
  it('gives the title, date and path without reading the article when nothing is cut or missing', () => {
    let reads = 0;
    const tooltip = articleTooltip({ title: 'Kim arrives.', date: '2023-09-13', path: 'news/kim.txt' }, () => {
      reads++;
      return undefined;
    });
    assert.strictEqual(tooltip, 'Kim arrives.\n2023-09-13 · news/kim.txt');
    assert.strictEqual(reads, 0);
  });

  it('gives the whole of a title the row shows cut', () => {
    const text = ` date 2023-09-13 ${'word '.repeat(50).trim()}. More.`;
    const title = parseArticle(text).title;
    assert.ok(title.length === MAX_TITLE_LENGTH && title.endsWith('…'));
    const [first] = articleTooltip({ title, date: '2023-09-13', path: 'a.txt' }, () => text).split('\n');
    assert.strictEqual(first, `${'word '.repeat(50).trim()}.`);
  });

  it('cuts a run-on first paragraph within 1,000 characters, between words and not inside a surrogate pair', () => {
    const text = ` date 2023-09-13 ${'words '.repeat(500)}`;
    const [first] = articleTooltip({ title: parseArticle(text).title, date: '2023-09-13', path: 'a.txt' }, () => text).split('\n');
    assert.ok(first !== undefined && first.length <= 1_000 && first.length > 990, `${first?.length ?? 0} characters`);
    assert.ok(first.endsWith('words…'), first.slice(-10));
    const emoji = ` date 2023-09-13 ${'😀'.repeat(600)}`;
    const [cut] = articleTooltip({ title: parseArticle(emoji).title, date: '2023-09-13', path: 'a.txt' }, () => emoji).split('\n');
    assert.ok(cut !== undefined && cut.length <= 1_000 && /^(?:😀)+…$/u.test(cut), `${cut?.slice(-4) ?? ''}`);
  });

  it('says why an undated article has no date, reading it once for a cut title as well', () => {
    const text = ` date 2023-02-30 ${'word '.repeat(50).trim()}.`;
    let reads = 0;
    const lines = articleTooltip({ title: parseArticle(text).title, path: 'a.txt' }, () => {
      reads++;
      return text;
    }).split('\n');
    assert.deepStrictEqual(lines.slice(1), ['undated · a.txt', 'Invalid date: February 2023 has 28 days, not 30.']);
    assert.strictEqual(reads, 1);
    assert.strictEqual(articleTooltip({ title: 'T', path: 'a.txt' }, () => undefined), 'T\nundated · a.txt', 'the text gone: no reason');
  });

  it('isolates a right-to-left path, and falls back to it for a row without a title', () => {
    assert.strictEqual(articleTooltip({ title: '', date: '2023-09-13', path: 'اخبار.txt' }, () => undefined), 'اخبار.txt\n2023-09-13 · \u2067اخبار.txt\u2069');
  });
});
