import { countOf } from '../core/display-text';
import { NETWORK_DEFAULTS, NetworkOptions, entityNetwork, networkTable } from '../core/panels/network';
import { panelTitle } from '../core/panels/panel-title';
import { ENTITY_TYPES } from '../core/search/entity-table';
import { exactEntityQuery } from '../core/search/query-parser';
import { PanelKind } from './panel-host';
import { PanelSources } from './panel-sources';

/** Bounds of the node cap the panel offers. */
const NODE_CAP = { min: 2, max: 60 } as const;
/** Largest minimum of shared articles the slider offers. */
const MAX_MIN_SHARED = 50;

/** What the Entity Network keeps: the centre and the controls. */
export interface NetworkState extends NetworkOptions {
  readonly center?: string;
  /** The minimum of shared articles before ranking by PMI raised it: given back when ranking by shared articles again. */
  readonly minSharedBeforePmi?: number;
}

function bounded(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** The Entity Network: the co-occurrence graph around an entity, re-centred by clicking a node. */
export function networkPanel(sources: PanelSources): PanelKind<NetworkState> {
  const { entities, corpus } = sources.deps;
  const queryOf = (key: string) => {
    const summary = entities.summary(key);
    return summary ? exactEntityQuery(summary.type, summary.name) : '';
  };
  /** The graph of `state`, around its centre as the corpus has it now: renamed or merged since, it goes by its key now. */
  const networkOf = (state: NetworkState) => {
    if (state.center === undefined) return undefined;
    const source = { companions: entities.companions.bind(entities), summary: entities.summary.bind(entities), articleCount: corpus.size };
    return entityNetwork(source, sources.keyNow(state.center), state);
  };
  return {
    viewType: 'newsCorpus.network',
    script: 'network.js',
    initialState: { ...NETWORK_DEFAULTS },
    title: ({ center }) => {
      const name = center === undefined ? undefined : entities.summary(sources.keyNow(center))?.name;
      return panelTitle('Entity Network', name === undefined ? [] : [name]);
    },
    stateOf: (value) => {
      if (typeof value !== 'object' || value === null) return undefined;
      const { center, minShared, maxNodes, measure, hidden, minSharedBeforePmi } = value as Record<string, unknown>;
      const hiddenTypes = Array.isArray(hidden) ? ENTITY_TYPES.filter((type) => hidden.includes(type)) : [];
      const options: NetworkOptions = {
        minShared: bounded(minShared, 1, MAX_MIN_SHARED, NETWORK_DEFAULTS.minShared),
        maxNodes: bounded(maxNodes, NODE_CAP.min, NODE_CAP.max, NETWORK_DEFAULTS.maxNodes),
        measure: measure === 'pmi' ? 'pmi' : 'shared',
        ...(hiddenTypes.length > 0 && { hidden: hiddenTypes }),
      };
      const before = measure === 'pmi' && typeof minSharedBeforePmi === 'number' ? { minSharedBeforePmi: bounded(minSharedBeforePmi, 1, MAX_MIN_SHARED, NETWORK_DEFAULTS.minShared) } : {};
      // A node clicked to re-centre names the entity by its key now: kept by the engine's, which outlives renames.
      return typeof center === 'string' ? { ...options, ...before, center: sources.anchorOf(center) } : { ...options, ...before };
    },
    merge: (open, requested) => (requested.center === undefined ? open : { ...open, center: requested.center }),
    copy: (state) => {
      const network = networkOf(state);
      const [center, ...neighbours] = network?.nodes ?? [];
      return network && center && neighbours.length > 0 ? { text: networkTable(network), what: `the ${countOf(neighbours.length, 'entity', 'entities')} around “${center.name}”` } : undefined;
    },
    data: (state) => {
      const network = networkOf(state);
      if (network === undefined) return { nodes: [], edges: [], limits: { ...NODE_CAP, maxMinShared: MAX_MIN_SHARED } };
      const center = network.center;
      const centerQuery = queryOf(center);
      return {
        ...network,
        nodes: network.nodes.map((node) => ({ ...node, query: node.key === center ? centerQuery : `${centerQuery} ${queryOf(node.key)}` })),
        limits: { ...NODE_CAP, maxMinShared: MAX_MIN_SHARED },
      };
    },
  };
}
