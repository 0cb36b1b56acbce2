import * as assert from 'assert';
import { CoOccurrenceSource, entityNetwork } from '../../../src/core/panels/network';
import { buildIndex, NEWS, NEWS_ENTITIES, KIM, PUTIN, MOSCOW, KREMLIN } from '../search/fixtures';
import { EntityType } from '../../../src/core/entities/types';

/** A source over a real index of the fixture news: co-occurrence counted as the Entities view counts it. */
function indexSource(): CoOccurrenceSource {
  const index = buildIndex(NEWS, NEWS_ENTITIES);
  return { companions: (key, limit) => index.companions(key, limit), summary: (key) => index.entitySummary(key), articleCount: index.articleCount };
}

function fakeSource(articles: Record<string, number>, shared: Record<string, Record<string, number>>, articleCount: number): CoOccurrenceSource {
  const typeOf = (key: string) => key.slice(0, key.indexOf(':')) as EntityType;
  return {
    articleCount,
    summary: (key) => (key in articles ? { name: key, type: typeOf(key), articleCount: articles[key] ?? 0 } : undefined),
    companions: (key, limit) =>
      Object.entries(shared[key] ?? {})
        .map(([other, count]) => ({ key: other, name: other, type: typeOf(other), articles: count }))
        .sort((a, b) => b.articles - a.articles)
        .slice(0, limit),
  };
}

describe('entity network', () => {
  it('counts shared articles between the centre and its neighbours, and among neighbours', () => {
    const network = entityNetwork(indexSource(), KIM.key, { minShared: 1, maxNodes: 10, measure: 'shared' });
    assert.deepStrictEqual(network.nodes.map(({ name, shared }) => [name, shared]), [
      ['Kim Jong-un', 2],
      ['Vladimir Putin', 2],
      ['Kremlin', 1],
      ['Moscow', 1],
    ]);
    const edge = (from: string, to: string) => network.edges.find((candidate) => candidate.from === from && candidate.to === to)?.shared;
    assert.strictEqual(edge(KIM.key, PUTIN.key), 2);
    assert.strictEqual(edge(PUTIN.key, KREMLIN.key), 1);
    assert.strictEqual(edge(PUTIN.key, MOSCOW.key), 1);
    assert.strictEqual(edge(KREMLIN.key, MOSCOW.key), undefined);
  });

  it('leaves the hidden types out of the neighbours, never the centre', () => {
    const names = (hidden: readonly EntityType[]) => entityNetwork(indexSource(), KIM.key, { minShared: 1, maxNodes: 10, measure: 'shared', hidden }).nodes.map(({ name }) => name);
    assert.deepStrictEqual(names(['LOC', 'ORG']), ['Kim Jong-un', 'Vladimir Putin']);
    assert.deepStrictEqual(names(['PER']), ['Kim Jong-un', 'Kremlin', 'Moscow']);
  });

  it('drops neighbours below the minimum of shared articles, and caps the nodes', () => {
    assert.deepStrictEqual(entityNetwork(indexSource(), KIM.key, { minShared: 2, maxNodes: 10, measure: 'shared' }).nodes.map(({ name }) => name), ['Kim Jong-un', 'Vladimir Putin']);
    assert.strictEqual(entityNetwork(indexSource(), KIM.key, { minShared: 1, maxNodes: 2, measure: 'shared' }).nodes.length, 2);
  });

  it('ranks by PMI when asked, so that an entity named everywhere falls behind a rarer, closer one', () => {
    const source = fakeSource({ 'PER:a': 10, 'LOC:everywhere': 1000, 'PER:close': 5 }, { 'PER:a': { 'LOC:everywhere': 8, 'PER:close': 5 } }, 1000);
    assert.deepStrictEqual(entityNetwork(source, 'PER:a', { minShared: 1, maxNodes: 5, measure: 'shared' }).nodes.map(({ key }) => key), ['PER:a', 'LOC:everywhere', 'PER:close']);
    const pmi = entityNetwork(source, 'PER:a', { minShared: 1, maxNodes: 5, measure: 'pmi' });
    assert.deepStrictEqual(pmi.nodes.map(({ key }) => key), ['PER:a', 'PER:close', 'LOC:everywhere']);
    assert.ok(Math.abs((pmi.nodes[1]?.score ?? 0) - Math.log2((5 * 1000) / (10 * 5))) < 1e-9);
  });

  it('is empty for an unknown entity', () => {
    assert.deepStrictEqual(entityNetwork(indexSource(), 'PER:nobody', { minShared: 1, maxNodes: 10, measure: 'shared' }), { center: 'PER:nobody', nodes: [], edges: [] });
  });
});
