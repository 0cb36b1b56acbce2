import * as assert from 'assert';
import { datePeriodOf, periodQuery, selectionQuery } from '../../../src/core/search-workflow/entry-queries';
import { parseQuery } from '../../../src/core/search/query-parser';

const TEXT = 'Kim Jong-un met Putin in "Vostochny" on Tuesday.';
const KIM = { name: 'Kim Jong-un', type: 'PER', mentions: [{ start: 0, end: 11 }] } as const;

describe('entry-point queries', () => {
  it('searches for the exact entity under the cursor or selected', () => {
    assert.strictEqual(selectionQuery(TEXT, 4, 4, [KIM]), 'person:="Kim Jong-un"');
    assert.strictEqual(selectionQuery(TEXT, 0, 11, [KIM]), 'person:="Kim Jong-un"');
  });

  it('searches for the selected words as a phrase, or the word at the cursor', () => {
    assert.strictEqual(selectionQuery(TEXT, 12, 21, [KIM]), '"met Putin"');
    assert.strictEqual(selectionQuery(TEXT, 2, 8, [KIM]), '"m Jong"', 'a selection inside a mention is text');
    assert.strictEqual(selectionQuery(TEXT, 28, 28, []), 'Vostochny');
    assert.strictEqual(selectionQuery(TEXT, 25, 37, []), 'Vostochny', 'quotes do not reach the query');
    assert.strictEqual(selectionQuery(TEXT, 47, 47, []), 'Tuesday', 'the cursor right after a word');
    assert.strictEqual(selectionQuery('a -- b', 3, 3, []), '');
  });

  it('gives queries the parser accepts', () => {
    for (const [start, end] of [[4, 4], [12, 21], [25, 37], [0, 48]] as const) {
      const query = selectionQuery(TEXT, start, end, [KIM]);
      assert.ok(parseQuery(query).ok, query);
    }
  });

  it('quotes a lone word that is an operator, so that it is searched for, not read as one', () => {
    const headline = 'DO NOT RESUSCITATE';
    assert.strictEqual(selectionQuery(headline, 4, 4, []), '"NOT"');
    const parsed = parseQuery(selectionQuery(headline, 4, 4, []));
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.query.clauses.map(({ negated }) => negated), [false]);
    assert.strictEqual(selectionQuery('wheat OR corn', 7, 7, []), '"OR"');
    assert.strictEqual(selectionQuery('not now', 1, 1, []), 'not');
  });

  it('reads a Dates view node and fills in its date filter', () => {
    assert.strictEqual(periodQuery({ kind: 'year', year: '2023' }), 'date:2023 ');
    assert.strictEqual(periodQuery({ kind: 'month', year: '2023', month: '09' }), 'date:2023-09 ');
    assert.strictEqual(periodQuery({ kind: 'day', date: '2023-09-13' }), 'on:2023-09-13 ');
    assert.deepStrictEqual(datePeriodOf({ kind: 'month', year: '2023', month: '09' }), { kind: 'month', year: '2023', month: '09' });
    for (const junk of [undefined, 'date:2023', { kind: 'article', id: 'x' }, { kind: 'year', year: '23' }, { kind: 'day', date: 'soon' }]) assert.strictEqual(datePeriodOf(junk), undefined);
    for (const period of [{ kind: 'year', year: '2023' }, { kind: 'month', year: '2023', month: '09' }, { kind: 'day', date: '2023-09-13' }] as const) assert.ok(parseQuery(periodQuery(period)).ok);
  });
});
