import * as assert from 'assert';
import { MAX_TITLE_LENGTH, parseArticle } from '../../../src/core/article';
import { ExportRow, csvField, exportFormatOf, exportRow, formatRows, toCsv, toJson } from '../../../src/core/search-workflow/result-export';
import { readCsv } from '../../support/csv-reader';

const ROW: ExportRow = {
  path: 'news/kim.txt',
  date: '2023-09-13',
  title: 'Kim arrives, "at last"',
  score: 4.25,
  entities: [
    { name: 'Kim Jong-un', type: 'PER', mentions: 2 },
    { name: 'Russia', type: 'LOC', mentions: 1 },
  ],
  snippet: 'Kim Jong-un arrived\nin Russia',
};

describe('result export', () => {
  it('quotes CSV fields with commas, quotes and line breaks (RFC 4180)', () => {
    assert.strictEqual(csvField('plain'), 'plain');
    assert.strictEqual(csvField('a, b'), '"a, b"');
    assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
    assert.strictEqual(csvField(''), '');
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1']) assert.ok(csvField(cell).replace(/^"/, '').startsWith("'"), cell);
    assert.strictEqual(csvField('=1+2'), "'=1+2");
    assert.strictEqual(csvField('=A1,B1'), `"'=A1,B1"`);
    assert.strictEqual(csvField('a=b'), 'a=b', 'only the first character counts');
  });

  it('writes a header and CRLF lines that read back as the rows', () => {
    const csv = toCsv([ROW, { path: 'b.txt', title: '=cmd|"/c calc"!A1', score: 1, entities: [], snippet: '-1' }]);
    assert.ok(csv.endsWith('\r\n'));
    const [header, first, second] = readCsv(csv);
    assert.deepStrictEqual(header, ['path', 'date', 'title', 'score', 'entities', 'snippet']);
    assert.deepStrictEqual(first, ['news/kim.txt', '2023-09-13', 'Kim arrives, "at last"', '4.2500', 'Kim Jong-un (person); Russia (place)', 'Kim Jong-un arrived\nin Russia']);
    assert.strictEqual(second?.[2], `'=cmd|"/c calc"!A1`);
    assert.strictEqual(second?.[1], '');
    assert.strictEqual(second?.[5], "'-1");
  });

  it('writes JSON objects with the same fields, date null when undated', () => {
    const undated: ExportRow = { path: ROW.path, title: ROW.title, score: ROW.score, entities: [], snippet: '' };
    const parsed = JSON.parse(toJson([ROW, undated])) as Record<string, unknown>[];
    assert.deepStrictEqual(parsed[0], { ...ROW });
    assert.strictEqual(parsed[1]?.['date'], null);
    assert.strictEqual(formatRows([ROW], 'json'), toJson([ROW]));
  });

  it('picks the format from the file name and builds a row from a hit', () => {
    assert.strictEqual(exportFormatOf('/tmp/r.JSON'), 'json');
    assert.strictEqual(exportFormatOf('/tmp/r.csv'), 'csv');
    assert.strictEqual(exportFormatOf('/tmp/r'), 'csv');
    const hit = { path: '/abs/news/kim.txt', title: 'Kim', score: 1, snippet: { text: 'Kim went', start: 0, end: 8, matches: [] } };
    const noText = () => assert.fail('a whole title is not read again');
    assert.deepStrictEqual(exportRow(hit, 'news/kim.txt', [], noText), { path: 'news/kim.txt', title: 'Kim', score: 1, entities: [], snippet: 'Kim went' });
    assert.strictEqual(exportRow({ ...hit, date: '2020-01-01' }, 'k', [], noText).date, '2020-01-01');
  });

  it('exports the whole title of an article whose title the index keeps cut with "…"', () => {
    const sentence = `Ministers of ${'the many member states of the union '.repeat(6)}met in Brussels on Monday.`;
    const text = ` date 2020-12-28 ${sentence}\n\nThey talked.`;
    const cut = parseArticle(text).title;
    assert.ok(cut.endsWith('…') && cut.length <= MAX_TITLE_LENGTH, 'the index keeps the title cut');
    const hit = { path: '/abs/news/eu.txt', title: cut, score: 1, snippet: { text: 'They talked.', start: 0, end: 12, matches: [] } };
    assert.strictEqual(exportRow(hit, 'news/eu.txt', [], () => text).title, sentence);
    assert.strictEqual(readCsv(toCsv([exportRow(hit, 'news/eu.txt', [], () => text)]))[1]?.[2], sentence);
    // The article gone, or changed since it was indexed: the cut title is all there is.
    assert.strictEqual(exportRow(hit, 'news/eu.txt', [], () => undefined).title, cut);
    assert.strictEqual(exportRow(hit, 'news/eu.txt', [], () => ' date 2020-12-28 Another first sentence of the article.').title, cut);
  });
});
