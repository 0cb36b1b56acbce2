import * as assert from 'assert';
import { Corpus } from '../../../src/core/corpus';
import { EntityDirectory } from '../../../src/core/entity-directory';
import { networkPanel } from '../../../src/panels/network-panel';
import { PanelSources } from '../../../src/panels/panel-sources';

/** Kim, with Putin in 2 of his articles and Moscow in 1, in a corpus of 3. */
function panel(): ReturnType<typeof networkPanel> {
  const summaries: Record<string, { name: string; type: 'PER' | 'LOC'; articleCount: number }> = {
    'PER:kim': { name: 'Kim', type: 'PER', articleCount: 3 },
    'PER:putin': { name: '=Putin', type: 'PER', articleCount: 2 },
    'LOC:moscow': { name: 'Moscow', type: 'LOC', articleCount: 1 },
  };
  const entities = {
    summary: (key: string) => {
      const found = summaries[key];
      return found && { key, ...found, aliases: [], mentionCount: found.articleCount };
    },
    companions: (key: string) =>
      key === 'PER:kim'
        ? [
            { key: 'PER:putin', name: '=Putin', type: 'PER' as const, articles: 2 },
            { key: 'LOC:moscow', name: 'Moscow', type: 'LOC' as const, articles: 1 },
          ]
        : [],
  } as Partial<EntityDirectory> as EntityDirectory;
  const corpus = new Corpus();
  corpus.reset(['a', 'b', 'c'].map((id) => ({ id, path: `${id}.txt`, title: id, date: '2023-09-13' })), []);
  return networkPanel(new PanelSources({ corpus, entities, search: () => undefined, matchesPerDay: () => undefined }));
}

describe('Entity Network panel', () => {
  it('keeps the hidden types the page sends that are types, and leaves their entities out', () => {
    const network = panel();
    const state = network.stateOf({ center: 'PER:kim', minShared: 1, maxNodes: 25, measure: 'shared', hidden: ['LOC', 'NOPE', 3] });
    assert.deepStrictEqual(state?.hidden, ['LOC']);
    assert.ok(state);
    const data = network.data(state) as { nodes: { name: string }[] };
    assert.deepStrictEqual(data.nodes.map(({ name }) => name), ['Kim', '=Putin']);
    assert.strictEqual(network.stateOf({ center: 'PER:kim', minShared: 1, maxNodes: 25, measure: 'shared' })?.hidden, undefined);
  });

  it('keeps the minimum before PMI raised it only while ranking by PMI', () => {
    const network = panel();
    assert.strictEqual(network.stateOf({ center: 'PER:kim', minShared: 3, maxNodes: 25, measure: 'pmi', minSharedBeforePmi: 1 })?.minSharedBeforePmi, 1);
    assert.strictEqual(network.stateOf({ center: 'PER:kim', minShared: 1, maxNodes: 25, measure: 'shared', minSharedBeforePmi: 1 })?.minSharedBeforePmi, undefined);
  });

  it('copies the neighbours shown as a table a spreadsheet takes, and nothing without any', () => {
    const network = panel();
    const copied = network.copy?.({ center: 'PER:kim', minShared: 1, maxNodes: 25, measure: 'shared' });
    assert.deepStrictEqual(copied, { text: "entity\ttype\tarticles\tshared with Kim\n'=Putin\tperson\t2\t2\nMoscow\tplace\t1\t1\n", what: 'the 2 entities around “Kim”' });
    assert.strictEqual(network.copy?.({ center: 'PER:kim', minShared: 3, maxNodes: 25, measure: 'shared' }), undefined);
  });
});
