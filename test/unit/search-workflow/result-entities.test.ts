import * as assert from 'assert';
import { entitiesInResults } from '../../../src/core/search-workflow/result-entities';

describe('entitiesInResults', () => {
  it('counts the articles naming each entity once an article, and sums its mentions', () => {
    const found = entitiesInResults([
      [
        { key: 'PER:james baker', name: 'James Baker', type: 'PER', mentions: 3 },
        { key: 'LOC:bonn', name: 'Bonn', type: 'LOC', mentions: 1 },
      ],
      [
        { key: 'PER:james baker', name: 'James Baker', type: 'PER', mentions: 1 },
        { key: 'ORG:treasury', name: 'Treasury', type: 'ORG', mentions: 4 },
      ],
      [{ key: 'LOC:bonn', name: 'Bonn', type: 'LOC', mentions: 2 }],
      [],
    ]);
    assert.deepStrictEqual(
      found.map(({ name, articles, mentions }) => `${name} ${articles} ${mentions}`),
      ['James Baker 2 4', 'Bonn 2 3', 'Treasury 1 4'],
    );
  });

  it('keeps a name of two types apart, and counts an entity by its key whatever the case it is written in', () => {
    const found = entitiesInResults([[{ key: 'LOC:washington', name: 'Washington', type: 'LOC', mentions: 1 }], [{ key: 'PER:washington', name: 'Washington', type: 'PER', mentions: 1 }], [{ key: 'LOC:washington', name: 'WASHINGTON', type: 'LOC', mentions: 1 }]]);
    assert.deepStrictEqual(
      found.map(({ name, type, articles }) => `${type} ${name} ${articles}`),
      ['LOC Washington 2', 'PER Washington 1'],
    );
  });

  it('finds none in results that name none', () => {
    assert.deepStrictEqual(entitiesInResults([[], []]), []);
  });
});
