import * as assert from 'assert';
import * as fc from 'fast-check';
import { checkIsoDate, dayLabel, dayName, daysInMonth } from '../../../src/core/iso-date';

describe('checkIsoDate', () => {
  it('accepts real dates, leap days included', () => {
    for (const date of ['2023-09-13', '2024-02-29', '2000-02-29', '1987-10-20', '0001-01-01']) {
      assert.deepStrictEqual(checkIsoDate(date), { ok: true, date });
    }
  });

  it('rejects the 29th of February outside leap years, 1900 included', () => {
    assert.strictEqual(checkIsoDate('2023-02-29').ok, false);
    assert.strictEqual(checkIsoDate('1900-02-29').ok, false);
  });

  it('says why a date is impossible', () => {
    assert.deepStrictEqual(checkIsoDate('2023-02-30'), { ok: false, reason: 'February 2023 has 28 days, not 30' });
    assert.deepStrictEqual(checkIsoDate('2023-13-01'), { ok: false, reason: 'month 13 is not between 01 and 12' });
    assert.deepStrictEqual(checkIsoDate('2023-09-00'), { ok: false, reason: 'September 2023 has 30 days, not 0' });
    assert.deepStrictEqual(checkIsoDate('0000-01-01'), { ok: false, reason: 'year 0000 does not exist' });
    assert.match((checkIsoDate('2023-9-1') as { reason: string }).reason, /YYYY-MM-DD/);
  });

  it('agrees with the JavaScript calendar on every day of 400 years', () => {
    fc.assert(fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
      const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
      assert.strictEqual(checkIsoDate(text).ok, real, text);
      assert.strictEqual(daysInMonth(year, month), new Date(Date.UTC(year, month, 0)).getUTCDate());
    }), { numRuns: 3000 });
  });
});

describe('dayLabel', () => {
  it('names a day as articles do: its weekday, then its day of the month', () => {
    assert.strictEqual(dayLabel('2023-09-12'), 'Tue 12');
    assert.strictEqual(dayLabel('2023-09-13'), 'Wed 13');
    assert.strictEqual(dayLabel('2024-02-29'), 'Thu 29');
    assert.strictEqual(dayLabel('2026-12-05'), 'Sat 5');
    assert.strictEqual(dayName('2023-09-13'), 'Wednesday 13 September 2023 (2023-09-13)');
  });

  it('counts weekdays right in the first century too, where Date.UTC would read 0023 as 1923', () => {
    // 1 January of the year 1 (proleptic Gregorian) was a Monday; 0023-01-01 a Sunday, 1923-01-01 a Monday.
    assert.strictEqual(dayLabel('0001-01-01'), 'Mon 1');
    assert.strictEqual(dayName('0023-01-01'), 'Sunday 1 January 0023 (0023-01-01)');
  });
});
