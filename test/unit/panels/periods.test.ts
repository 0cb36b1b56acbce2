import * as assert from 'assert';
import { chooseGranularity, countPerPeriod, pageStep, periodFilter, periodOf, periodsBetween, openRangeFilter, rangeFilter } from '../../../src/core/panels/periods';

describe('panel periods', () => {
  it('chooses days for up to three months, weeks for up to two years, months beyond', () => {
    assert.strictEqual(chooseGranularity('2023-09-01', '2023-09-01'), 'day');
    assert.strictEqual(chooseGranularity('2023-09-01', '2023-12-01'), 'day');
    assert.strictEqual(chooseGranularity('2023-09-01', '2023-12-03'), 'week');
    assert.strictEqual(chooseGranularity('2022-01-01', '2023-12-31'), 'week');
    assert.strictEqual(chooseGranularity('2021-01-01', '2023-12-31'), 'month');
  });

  it('pages a chart by the next larger calendar unit than its bars: a week of days, four weeks, a year of months', () => {
    assert.deepStrictEqual(
      (['day', 'week', 'month'] as const).map((granularity) => pageStep(granularity)),
      [7, 4, 12],
    );
  });

  it('buckets the last and first day of a month and of a year into their own month', () => {
    assert.deepStrictEqual(periodOf('2023-12-31', 'month'), { label: '2023-12', first: '2023-12-01', last: '2023-12-31' });
    assert.deepStrictEqual(periodOf('2024-01-01', 'month'), { label: '2024-01', first: '2024-01-01', last: '2024-01-31' });
    assert.deepStrictEqual(periodOf('2024-02-29', 'month'), { label: '2024-02', first: '2024-02-01', last: '2024-02-29' });
    assert.deepStrictEqual(periodOf('2023-02-28', 'month'), { label: '2023-02', first: '2023-02-01', last: '2023-02-28' });
  });

  it('starts weeks on Monday, across the end of a year', () => {
    assert.deepStrictEqual(periodOf('2023-12-31', 'week'), { label: '2023-12-25', first: '2023-12-25', last: '2023-12-31' });
    assert.deepStrictEqual(periodOf('2024-01-01', 'week'), { label: '2024-01-01', first: '2024-01-01', last: '2024-01-07' });
    assert.deepStrictEqual(periodOf('2021-01-01', 'week'), { label: '2020-12-28', first: '2020-12-28', last: '2021-01-03' });
  });

  it('lists every period between two dates, gaps included, across years', () => {
    assert.deepStrictEqual(
      periodsBetween('2023-11-15', '2024-02-01', 'month').map(({ label }) => label),
      ['2023-11', '2023-12', '2024-01', '2024-02'],
    );
    assert.deepStrictEqual(
      periodsBetween('2023-12-30', '2024-01-02', 'day').map(({ label }) => label),
      ['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02'],
    );
    assert.deepStrictEqual(
      periodsBetween('2023-12-28', '2024-01-09', 'week').map(({ label }) => label),
      ['2023-12-25', '2024-01-01', '2024-01-08'],
    );
  });

  it('counts values into their period at the edges, and leaves out undated and outside values', () => {
    const months = periodsBetween('2023-12-01', '2024-01-31', 'month');
    const counts = countPerPeriod(months, [
      { date: '2023-12-01', count: 1 },
      { date: '2023-12-31', count: 2 },
      { date: '2024-01-01', count: 4 },
      { date: '2024-01-31', count: 8 },
      { date: '2024-02-01', count: 16 },
      { count: 32 },
    ]);
    assert.deepStrictEqual(counts, [3, 12]);
  });

  it('gives the search filter of a day, a week, a month and a range', () => {
    assert.strictEqual(periodFilter(periodOf('2023-09-13', 'day')), 'on:2023-09-13');
    assert.strictEqual(periodFilter(periodOf('2023-09-13', 'month')), 'date:2023-09');
    assert.strictEqual(periodFilter(periodOf('2024-01-03', 'week')), 'after:2023-12-31 before:2024-01-08');
    assert.strictEqual(rangeFilter('2023-01-01', '2023-12-31'), 'after:2022-12-31 before:2024-01-01');
    assert.strictEqual(openRangeFilter({ to: '2024-02-28' }), 'before:2024-02-29', 'a leap year');
    assert.strictEqual(openRangeFilter({ from: '2024-01-01' }), 'after:2023-12-31');
    assert.strictEqual(openRangeFilter({}), '');
  });
});
