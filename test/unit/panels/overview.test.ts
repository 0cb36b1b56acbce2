import * as assert from 'assert';
import { EntityType } from '../../../src/core/entities/types';
import { RankedEntitySource, monthRangeFilter, monthRangeOf, overviewData, rankedTopEntities, topEntities } from '../../../src/core/panels/overview';

interface Entity {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly months: ReadonlyMap<string, number>;
}

/** The entities as the directory ranks them (most mentions first), recording which entities' months were read. */
function sourceOf(entities: readonly Entity[], read: string[] = []): RankedEntitySource {
  const total = (entity: Entity) => [...entity.months.values()].reduce((sum, count) => sum + count, 0);
  return {
    byMentions: (type, offset, limit) =>
      entities
        .filter((entity) => entity.type === type)
        .map((entity) => ({ key: entity.key, name: entity.name, type: entity.type, mentionCount: total(entity) }))
        .sort((a, b) => b.mentionCount - a.mentionCount)
        .slice(offset, offset + limit),
    months: (key) => {
      read.push(key);
      return entities.find((entity) => entity.key === key)?.months ?? new Map();
    },
  };
}

const candidates = sourceOf([
  { key: 'PER:kim', name: 'Kim', type: 'PER', months: new Map([['2023-09', 9], ['2023-12', 1]]) },
  { key: 'PER:putin', name: 'Putin', type: 'PER', months: new Map([['2023-09', 4], ['2024-01', 7]]) },
  { key: 'LOC:moscow', name: 'Moscow', type: 'LOC', months: new Map([['2024-01', 3]]) },
  { key: 'ORG:kremlin', name: 'Kremlin', type: 'ORG', months: new Map([['2023-12', 2]]) },
  { key: 'MISC:russian', name: 'Russian', type: 'MISC', months: new Map([['2023-09', 50]]) },
]);

describe('overview data', () => {
  it('counts articles, undated and skipped files and articles per month, empty months included', () => {
    const data = overviewData(['2023-09-30', '2023-11-01', undefined, '2024-01-01', '2023-09-01'], 3, sourceOf([]));
    assert.strictEqual(data.articles, 5);
    assert.strictEqual(data.undated, 1);
    assert.strictEqual(data.skipped, 3);
    assert.deepStrictEqual(
      data.months.map(({ period, count }) => [period.label, count]),
      [
        ['2023-09', 2],
        ['2023-10', 0],
        ['2023-11', 1],
        ['2023-12', 0],
        ['2024-01', 1],
      ],
    );
  });

  it('has no months when no article is dated', () => {
    assert.deepStrictEqual(overviewData([undefined], 0, sourceOf([])).months, []);
  });

  it('lists the most mentioned people, places and organizations overall, never other names', () => {
    const { top } = overviewData([], 0, candidates);
    assert.deepStrictEqual(top.PER.map(({ name, mentions }) => [name, mentions]), [['Putin', 11], ['Kim', 10]]);
    assert.deepStrictEqual(top.LOC.map(({ name }) => name), ['Moscow']);
    assert.deepStrictEqual(top.ORG.map(({ name }) => name), ['Kremlin']);
  });

  it('filters the lists to a brushed range of months, inclusive, dropping entities not mentioned then', () => {
    const lists = topEntities(candidates, { from: '2023-09', to: '2023-12' });
    assert.deepStrictEqual(lists.PER.map(({ name, mentions }) => [name, mentions]), [['Kim', 10], ['Putin', 4]]);
    assert.deepStrictEqual(lists.LOC, []);
    assert.deepStrictEqual(topEntities(candidates, { from: '2024-01', to: '2024-01' }).PER.map(({ name }) => name), ['Putin']);
  });

  it('keeps the first few of each list, ties by name', () => {
    const tied = sourceOf(['Cy', 'Al', 'Bo'].map((name) => ({ key: `PER:${name}`, name, type: 'PER', months: new Map([['2023-01', 1]]) })));
    assert.deepStrictEqual(topEntities(tied, undefined, 2).PER.map(({ name }) => name), ['Al', 'Bo']);
  });

  it("lists a period's true leaders, however far down the corpus's ranking they are", () => {
    // Five people of the whole corpus mentioned often in other years, then one mentioned five times in 2019 alone.
    const others = ['Ann', 'Ben', 'Cid', 'Dan', 'Eve'].map((name) => ({ key: `PER:${name}`, name, type: 'PER' as const, months: new Map([['2018-01', 50], ['2019-03', 1]]) }));
    const kane = { key: 'PER:kane', name: 'Harry Kane', type: 'PER' as const, months: new Map([['2019-03', 5]]) };
    const read: string[] = [];
    const lists = topEntities(sourceOf([...others, kane], read), { from: '2019-01', to: '2019-12' }, 2, 2);
    assert.deepStrictEqual(lists.PER.map(({ name, mentions }) => [name, mentions]), [['Harry Kane', 5], ['Ann', 1]]);
    assert.ok(read.includes('PER:kane'), 'its months were read past the first page');
  });

  it('stops reading months once no further entity can reach the list', () => {
    const read: string[] = [];
    const people = ['Ann', 'Ben', 'Cid', 'Dan'].map((name, at) => ({ key: `PER:${name}`, name, type: 'PER' as const, months: new Map([['2019-03', 10 - at]]) }));
    const lists = topEntities(sourceOf(people, read), { from: '2019-01', to: '2019-12' }, 2, 1);
    assert.deepStrictEqual(lists.PER.map(({ name }) => name), ['Ann', 'Ben']);
    assert.deepStrictEqual(read, ['PER:Ann', 'PER:Ben'], 'Cid (8 mentions in all) cannot beat Ben (9 in the period)');
  });
});

describe('overview ranking limits', () => {
  it('ranks the whole corpus by its mentions, undated ones included, without reading any months', () => {
    const read: string[] = [];
    const source = sourceOf([{ key: 'PER:kim', name: 'Kim', type: 'PER', months: new Map([['2023-09', 3]]) }], read);
    const undated: RankedEntitySource = { ...source, byMentions: (type, offset, limit) => source.byMentions(type, offset, limit).map((entity) => ({ ...entity, mentionCount: 7 })) };
    assert.deepStrictEqual(topEntities(undated).PER.map(({ name, mentions }) => [name, mentions]), [['Kim', 7]]);
    assert.deepStrictEqual(read, []);
  });

  it("stops a sparse period's walk at its limit and says so, where it read every entity's months", () => {
    // 30 people, none mentioned in the period: nothing fills the list, so nothing stops the walk early.
    const people = Array.from({ length: 30 }, (_, at) => ({ key: `PER:p${at}`, name: `P${at}`, type: 'PER' as const, months: new Map([['2018-01', 40 - at]]) }));
    const read: string[] = [];
    const ranked = rankedTopEntities(sourceOf(people, read), { from: '2019-01', to: '2019-12' }, { page: 4, most: 10 });
    assert.deepStrictEqual(ranked, { lists: { PER: [], LOC: [], ORG: [] }, cut: true });
    assert.strictEqual(read.length, 10);
    assert.strictEqual(rankedTopEntities(sourceOf(people), { from: '2019-01', to: '2019-12' }, { page: 4, most: 40 }).cut, false, 'all read: nothing left out');
  });
});

describe('overview brushing', () => {
  it('reads a brushed range from a webview, in order, and rejects anything else', () => {
    assert.deepStrictEqual(monthRangeOf({ from: '2024-02', to: '2023-12' }), { from: '2023-12', to: '2024-02' });
    assert.strictEqual(monthRangeOf({ from: '2024-13', to: '2023-12' }), undefined);
    assert.strictEqual(monthRangeOf(null), undefined);
  });

  it('searches a brushed range from the first day of its first month to the last of its last', () => {
    assert.strictEqual(monthRangeFilter({ from: '2023-12', to: '2024-02' }), 'after:2023-11-30 before:2024-03-01');
  });
});
