import * as assert from 'assert';
import { PERIOD_GROUP_THRESHOLD, UNDATED_PERIOD, periodChildren, periodName } from '../../../src/core/period-groups';

function dated(...dates: (string | undefined)[]): { date?: string }[] {
  return dates.map((date) => (date === undefined ? {} : { date }));
}

describe('periodChildren', () => {
  it('lists a short list as it is', () => {
    const articles = dated('2023-09-13', undefined, '2022-01-01');
    assert.deepStrictEqual(periodChildren(articles, undefined), { articles });
  });

  it('splits a long list into years, a long year into months, a long month into days; undated last', () => {
    const articles = dated('2023-09-13', '2023-09-13', '2023-09-01', '2023-01-05', undefined, '2021-12-31');
    assert.deepStrictEqual(periodChildren(articles, undefined, 2), {
      groups: [
        { period: '2023', count: 4 },
        { period: '2021', count: 1 },
        { period: 'undated', count: 1 },
      ],
    });
    assert.deepStrictEqual(periodChildren(articles, '2023', 2), { groups: [{ period: '2023-09', count: 3 }, { period: '2023-01', count: 1 }] });
    assert.deepStrictEqual(periodChildren(articles, '2023-09', 2), { groups: [{ period: '2023-09-13', count: 2 }, { period: '2023-09-01', count: 1 }] });
    assert.deepStrictEqual(periodChildren(articles, '2023-09-13', 1), { articles: dated('2023-09-13', '2023-09-13') }, 'a day is never split');
    assert.deepStrictEqual(periodChildren(articles, 'undated', 0), { articles: dated(undefined) });
  });

  it('keeps every node of 20,000 articles over a few years within the threshold or a day', () => {
    const articles = Array.from({ length: 20_000 }, (_, i) => ({ date: `${2015 + (i % 9)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` }));
    const sizes: number[] = [];
    const walk = (period: string | undefined): void => {
      const children = periodChildren(articles, period);
      if ('groups' in children) {
        sizes.push(children.groups.length);
        for (const group of children.groups) walk(group.period);
      } else if (period !== undefined && period.length < 10) {
        sizes.push(children.articles.length);
      }
    };
    walk(undefined);
    assert.ok(Math.max(...sizes) <= PERIOD_GROUP_THRESHOLD, `largest node: ${Math.max(...sizes)}`);
  });
});

describe('periodName', () => {
  it('names a year, a month, a day and the undated group in words', () => {
    assert.strictEqual(periodName('2020'), '2020');
    assert.strictEqual(periodName('2020-12'), 'December 2020');
    assert.strictEqual(periodName('2020-01-05'), '5 January 2020');
    assert.strictEqual(periodName(UNDATED_PERIOD), 'Undated');
  });
});
