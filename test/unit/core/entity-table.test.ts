import * as assert from 'assert';
import { readCsvRecords } from '../../../src/core/facts/csv-reader';
import { EntityTableRow, entityTableRows, formatEntityTable } from '../../../src/core/facts/entity-table';
import { importEntityTable } from '../../../src/core/facts/table-import';
import { EntitySummary } from '../../../src/core/search/entity-listing';
import { readCsv } from '../../support/csv-reader';

const ROWS: EntityTableRow[] = [
  { id: 'PER:vladmir putin', name: 'Vladmir Putin', type: 'PER', aliases: ['Putin'], articles: 3, mentions: 9, firstDate: '2023-09-12', lastDate: '2023-09-14', roles: ['President', 'Russian leader'] },
  { id: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', aliases: ['Kim', 'Kim Jong-Un'], articles: 2, mentions: 5, roles: [] },
  { id: 'PER:kim', name: 'Kim', type: 'PER', aliases: [], articles: 1, mentions: 1, roles: [] },
  { id: 'LOC:washington', name: 'Washington', type: 'LOC', aliases: [], articles: 4, mentions: 4, roles: [] },
  { id: 'MISC:=cmd', name: '=cmd', type: 'MISC', aliases: [], articles: 1, mentions: 1, roles: [] },
];
const HEADER = 'id,name,type,aliases,articles,mentions,first_date,last_date,roles,ignore';

/** The exported CSV with one row's cells replaced. */
function edited(row: number, changes: Partial<Record<'name' | 'type' | 'aliases' | 'ignore', string>>): string {
  const lines = formatEntityTable(ROWS, 'csv').split('\r\n');
  const cells = readCsv(`${lines[row + 1]}\r\n`)[0] ?? [];
  const columns = HEADER.split(',');
  for (const [column, value] of Object.entries(changes)) cells[columns.indexOf(column)] = value;
  lines[row + 1] = cells.map((cell) => (/[",;\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',');
  return lines.join('\r\n');
}

describe('readCsvRecords', () => {
  it('reads quoted cells with delimiters, quotes and line breaks, with the line each record starts on', () => {
    assert.deepStrictEqual(readCsvRecords('a,b\r\n"x, ""y""","multi\r\nline"\r\nlast,row'), [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'multi\r\nline'] },
      { line: 4, cells: ['last', 'row'] },
    ]);
  });

  it('drops a byte-order mark, detects ; and tab delimiters, and takes the formula guard off', () => {
    assert.deepStrictEqual(readCsvRecords('\uFEFFname;type\n"Kim, Jong-un";\'=1+2\n'), [
      { line: 1, cells: ['name', 'type'] },
      { line: 2, cells: ['Kim, Jong-un', '=1+2'] },
    ]);
    assert.deepStrictEqual(readCsvRecords('a\tb\n1\t"\'-2"'), [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '-2'] },
    ]);
    assert.deepStrictEqual(readCsvRecords("it's,'plain"), [{ line: 1, cells: ["it's", "'plain"] }]);
    assert.deepStrictEqual(readCsvRecords(''), []);
  });
});

describe('entity table export', () => {
  it('writes every entity of the directory as a CSV row, guarded against formulas, that reads back as written', () => {
    const csv = formatEntityTable(ROWS, 'csv');
    const records = readCsv(csv);
    assert.strictEqual(records[0]?.join(','), HEADER);
    assert.deepStrictEqual(records[1], ['PER:vladmir putin', 'Vladmir Putin', 'person', 'Putin', '3', '9', '2023-09-12', '2023-09-14', 'President; Russian leader', '']);
    assert.deepStrictEqual(records[5]?.slice(0, 2), ['MISC:=cmd', "'=cmd"]);
  });

  it('writes JSON with lists as arrays and missing dates as null', () => {
    const [kim] = (JSON.parse(formatEntityTable(ROWS.slice(1), 'json')) as Record<string, unknown>[]);
    assert.deepStrictEqual(kim, { id: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'person', aliases: ['Kim', 'Kim Jong-Un'], articles: 2, mentions: 5, roles: [], firstDate: null, lastDate: null });
  });

  it('lists the directory by type with each entity\'s roles', () => {
    const summary: EntitySummary = { key: 'ORG:acme', name: 'Acme', type: 'ORG', aliases: [], articleCount: 1, mentionCount: 2, firstDate: '2024-01-01', lastDate: '2024-01-01' };
    const rows = entityTableRows({
      typeCounts: () => new Map([['ORG', 1]]),
      list: (request) => ({ total: 1, entities: request.type === 'ORG' ? [summary] : [] }),
      roles: () => [{ role: 'maker', articles: 1 }],
    });
    assert.deepStrictEqual(rows, [{ id: 'ORG:acme', name: 'Acme', type: 'ORG', aliases: [], articles: 1, mentions: 2, roles: ['maker'], firstDate: '2024-01-01', lastDate: '2024-01-01' }]);
  });
});

describe('importEntityTable', () => {
  it('finds no change in the table as exported', () => {
    assert.deepStrictEqual(importEntityTable(formatEntityTable(ROWS, 'csv'), ROWS), { changes: [], errors: [] });
  });

  it('renames (to another writing too), retypes, or both at once', () => {
    const vladimir = { type: 'PER' as const, name: 'Vladmir Putin' };
    assert.deepStrictEqual(importEntityTable(edited(0, { name: 'Vladimir Putin' }), ROWS).changes, [
      { line: 2, text: 'Rename "Vladmir Putin" to "Vladimir Putin"', correction: { kind: 'merge', entities: [vladimir], into: { type: 'PER', name: 'Vladimir Putin' } } },
    ]);
    assert.deepStrictEqual(importEntityTable(edited(3, { type: 'organization' }), ROWS).changes.map((change) => change.text), ['Make "Washington" an organization']);
    assert.deepStrictEqual(importEntityTable(edited(3, { type: 'person', name: 'George Washington' }), ROWS).changes.map((change) => change.text), ['Rename "Washington" to "George Washington" and make it a person']);
    assert.deepStrictEqual(importEntityTable(edited(1, { name: 'Kim Jong-Un' }), ROWS).changes, [
      { line: 3, text: 'Rename "Kim Jong-un" to "Kim Jong-Un"', correction: { kind: 'rename', entity: { type: 'PER', name: 'Kim Jong-un' }, to: 'Kim Jong-Un' } },
    ], 'another writing of the same name');
  });

  it('isolates right-to-left names in what it says it will do', () => {
    assert.deepStrictEqual(importEntityTable(edited(3, { name: 'واشنطن' }), ROWS).changes.map((change) => change.text), ['Rename "Washington" to "\u2067واشنطن\u2069"']);
  });

  it('words a change to the Other type as English: "a name of another kind"', () => {
    assert.deepStrictEqual(importEntityTable(edited(3, { type: 'other' }), ROWS).changes.map((change) => change.text), ['Make "Washington" a name of another kind']);
  });

  it('splits a removed alias and merges another row named in the aliases', () => {
    const split = importEntityTable(edited(1, { aliases: 'Kim Jong-Un' }), ROWS).changes;
    assert.deepStrictEqual(split.map((change) => change.correction), [{ kind: 'split', entity: { type: 'PER', name: 'Kim Jong-un' }, alias: 'Kim' }]);
    const merged = importEntityTable(edited(0, { aliases: 'Putin; Kim' }), ROWS).changes;
    assert.deepStrictEqual(merged.map((change) => change.text), ['Merge "Kim" (person) into "Vladmir Putin"']);
  });

  it('ignores a marked row, and adds a new row without id', () => {
    const ignore = importEntityTable(edited(4, { ignore: 'yes' }), ROWS).changes;
    assert.deepStrictEqual(ignore.map((change) => change.correction), [{ kind: 'ignore', entity: { type: 'MISC', name: '=cmd' } }]);
    const added = importEntityTable(`${HEADER}\r\n,Jane Doe,person,,,,,,,\r\n`, ROWS).changes;
    assert.deepStrictEqual(added.map((change) => change.correction), [{ kind: 'add', entity: { type: 'PER', name: 'Jane Doe' } }]);
  });

  it('reads other column orders, extra columns, semicolons and a byte-order mark', () => {
    const csv = '\uFEFFnotes;TYPE;Name;id\r\nchecked;place;Washington DC;LOC:washington\r\n';
    assert.deepStrictEqual(importEntityTable(csv, ROWS).changes.map((change) => change.text), ['Rename "Washington" to "Washington DC"']);
  });

  it('reports rows with errors by line and skips them, keeping the others', () => {
    const csv = [
      HEADER,
      'PER:nobody,Nobody,person,,,,,,,',
      'PER:kim,Kim,persn,,,,,,,',
      'PER:kim,,person,,,,,,,',
      '"PER:vladmir putin","Vladimir Putin",person,"Putin; Nobody Known",,,,,,',
      'LOC:washington,Washington DC,place,,,,,,,',
      'LOC:washington,Washington D.C.,place,,,,,,,',
    ].join('\r\n');
    const result = importEntityTable(csv, ROWS);
    assert.deepStrictEqual(result.changes.map((change) => change.line), [6]);
    assert.deepStrictEqual(result.errors.map((error) => error.line), [2, 3, 4, 5, 7]);
    assert.match(result.errors[0]?.message ?? '', /no entity has the id "PER:nobody"/);
    assert.match(result.errors[3]?.message ?? '', /"Nobody Known" in aliases is not the name of another entity/);
    assert.match(result.errors[4]?.message ?? '', /on line 6 already/);
  });

  it('reports a line with a cell too few or a filled one too many, or a junk line, as such, and reads nothing of it', () => {
    const lines = formatEntityTable(ROWS, 'csv').split('\r\n');
    // Washington's row without its name cell: "place" would be read as its name and "" as its type.
    const shifted = (lines[4] ?? '').replace(',Washington,', ',');
    // The last line is padded with empty cells past the header, as spreadsheets write them: nothing moves, it is read.
    const csv = [HEADER, shifted, 'junk', `${lines[1] ?? ''},extra`, 'LOC:washington,Washington DC,place,,4,4,,,,,,'].join('\r\n');
    const result = importEntityTable(csv, ROWS);
    assert.deepStrictEqual(result.errors, [
      { line: 2, message: 'it has 9 columns where the header has 10: a cell or a delimiter is missing or extra, so its values would land in the wrong columns' },
      { line: 3, message: 'it has 1 column where the header has 10: a cell or a delimiter is missing or extra, so its values would land in the wrong columns' },
      { line: 4, message: 'it has 11 columns where the header has 10: a cell or a delimiter is missing or extra, so its values would land in the wrong columns' },
    ]);
    assert.deepStrictEqual(result.changes.map((change) => [change.line, change.text]), [[5, 'Rename "Washington" to "Washington DC"']]);
  });

  it('refuses merges of rows into each other (a cycle), and two merges of the same row', () => {
    const csv = [HEADER, 'PER:vladmir putin,Vladmir Putin,person,Putin; Kim Jong-un,,,,,,', 'PER:kim jong-un,Kim Jong-un,person,Kim; Kim Jong-Un; Vladmir Putin,,,,,,'].join('\r\n');
    const cycle = importEntityTable(csv, ROWS);
    assert.deepStrictEqual(cycle.changes, []);
    assert.deepStrictEqual(cycle.errors.map((error) => error.line), [2, 3]);
    assert.match(cycle.errors[0]?.message ?? '', /"Kim Jong-un" is changed on line 3 too/);
    const twice = importEntityTable([HEADER, 'PER:vladmir putin,Vladmir Putin,person,Putin; Washington,,,,,,', 'PER:kim jong-un,Kim Jong-un,person,Kim; Kim Jong-Un; Washington,,,,,,'].join('\r\n'), ROWS);
    assert.deepStrictEqual(twice.changes.map((change) => change.line), [2]);
    assert.match(twice.errors[0]?.message ?? '', /"Washington" is changed on line 2 too/);
  });

  it('says when the file is not an entity table', () => {
    assert.deepStrictEqual(importEntityTable('path,date,title\r\na.txt,2024-01-01,A\r\n', ROWS).errors, [{ line: 1, message: 'the header line has no id, name, type column: is this an exported entity table?' }]);
  });
});
