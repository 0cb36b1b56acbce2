import * as assert from 'assert';
import { Corpus } from '../../../src/core/corpus';
import { EntityDirectory } from '../../../src/core/entity-directory';
import { panelTitle } from '../../../src/core/panels/panel-title';
import { kwicPanel } from '../../../src/panels/kwic-panel';
import { networkPanel } from '../../../src/panels/network-panel';
import { PanelSources } from '../../../src/panels/panel-sources';
import { timelinePanel } from '../../../src/panels/timeline-panel';

describe('panel titles', () => {
  it("are the panel's name, then its first subject and how many more", () => {
    assert.strictEqual(panelTitle('Timeline', []), 'Timeline');
    assert.strictEqual(panelTitle('Timeline', ['Donald Trump']), 'Timeline: Donald Trump');
    assert.strictEqual(panelTitle('Timeline', ['Donald Trump', 'election']), 'Timeline: Donald Trump and 1 more');
  });

  it('follow that rule in every panel, with or without a subject', () => {
    const trump = { key: 'PER:donald trump', name: 'Donald Trump', type: 'PER' as const, aliases: [], articleCount: 1, mentionCount: 1 };
    const entities = { summary: (key: string) => (key === trump.key ? trump : undefined) } as unknown as EntityDirectory;
    const sources = new PanelSources({ corpus: new Corpus(), entities, search: () => undefined, matchesPerDay: () => undefined });
    const timeline = timelinePanel(sources);
    const entity = { kind: 'entity' as const, key: trump.key, label: trump.name };
    const query = { kind: 'query' as const, query: 'election', label: 'election' };
    // A second series made the title plain "Timeline", as if nothing were drawn.
    assert.deepStrictEqual(
      [timeline.title({ series: [] }), timeline.title({ series: [entity] }), timeline.title({ series: [entity, query] })],
      ['Timeline', 'Timeline: Donald Trump', 'Timeline: Donald Trump and 1 more'],
    );
    const network = networkPanel(sources);
    assert.deepStrictEqual([network.title(network.initialState), network.title({ ...network.initialState, center: trump.key })], ['Entity Network', 'Entity Network: Donald Trump']);
    const kwic = kwicPanel(sources, (path) => path, async () => []);
    assert.deepStrictEqual(
      [kwic.title(kwic.initialState), kwic.title({ ...kwic.initialState, target: { kind: 'words', text: 'president' } })],
      ['Keyword in Context', 'Keyword in Context: president'],
    );
  });
});
