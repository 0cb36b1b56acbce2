import { EntityType } from '../entities/types';
import { TYPE_WORDS, tsvTable } from '../search-workflow/result-export';

/**
 * Default settings of the Entity Network panel: at least this many shared articles, at most this many nodes.
 *
 * @example
 * entityNetwork(source, key, { ...NETWORK_DEFAULTS, measure: 'pmi' });
 */
export const NETWORK_DEFAULTS = { minShared: 1, maxNodes: 25, measure: 'shared' } as const satisfies NetworkOptions;

/**
 * How neighbours are ranked: by shared articles, or by pointwise mutual information, which discounts
 * entities named everywhere (log2 of how much more often the two meet than if they were independent).
 *
 * @example
 * const measure: NetworkMeasure = 'pmi';
 */
export type NetworkMeasure = 'shared' | 'pmi';

/**
 * The panel's controls.
 *
 * @example
 * const options: NetworkOptions = { minShared: 2, maxNodes: 30, measure: 'shared' };
 */
export interface NetworkOptions {
  readonly minShared: number;
  readonly maxNodes: number;
  readonly measure: NetworkMeasure;
  /** Types whose entities are no neighbours (ux38: nationality words took 5 of 24 places around a banker). */
  readonly hidden?: readonly EntityType[];
}

/**
 * What the network reads: an entity's companions with shared articles, its figures, and the corpus size.
 * The Entities directory of the workspace has this shape.
 *
 * @example
 * const source: CoOccurrenceSource = { companions: (key, limit) => directory.companions(key, limit), summary: (key) => directory.summary(key), articleCount: 317 };
 */
export interface CoOccurrenceSource {
  companions(key: string, limit: number): readonly { readonly key: string; readonly name: string; readonly type: EntityType; readonly articles: number }[];
  summary(key: string): { readonly name: string; readonly type: EntityType; readonly articleCount: number } | undefined;
  readonly articleCount: number;
}

/**
 * A node: the entity, its articles, and (for a neighbour) the articles it shares with the centre and its score.
 *
 * @example
 * const node: NetworkNode = { key: 'LOC:moscow', name: 'Moscow', type: 'LOC', articles: 40, shared: 12, score: 12 };
 */
export interface NetworkNode {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly articles: number;
  readonly shared: number;
  readonly score: number;
}

/**
 * The graph around an entity: the centre first, then its neighbours best first, and the edges (centre to
 * each neighbour, and between neighbours that share articles), weighted by shared articles.
 *
 * @example
 * const graph: EntityNetwork = { center: 'PER:kim', nodes: [kim, putin], edges: [{ from: 'PER:kim', to: 'PER:putin', shared: 2 }] };
 */
export interface EntityNetwork {
  readonly center: string;
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly shared: number }[];
}

/** Companions asked of the source per node kept, so that the filters still leave enough. */
const CANDIDATE_FACTOR = 4;

/**
 * The co-occurrence graph around `center`; empty (no nodes) when the entity is unknown.
 *
 * @example
 * entityNetwork(source, 'PER:kim jong-un', { minShared: 2, maxNodes: 10, measure: 'shared' });
 * // { center: 'PER:kim jong-un', nodes: [kim, putin, moscow], edges: [kim–putin 5, kim–moscow 3, putin–moscow 2] }
 * entityNetwork(source, 'PER:kim jong-un', { minShared: 2, maxNodes: 10, measure: 'shared', hidden: ['LOC'] }); // kim, putin
 */
export function entityNetwork(source: CoOccurrenceSource, center: string, options: NetworkOptions): EntityNetwork {
  const own = source.summary(center);
  if (!own) return { center, nodes: [], edges: [] };
  const score = (shared: number, articles: number) =>
    options.measure === 'shared' ? shared : Math.log2((shared * Math.max(1, source.articleCount)) / Math.max(1, own.articleCount * articles));
  const neighbours = source
    .companions(center, Math.max(1, options.maxNodes - 1) * CANDIDATE_FACTOR)
    .filter(({ articles, type }) => articles >= options.minShared && !options.hidden?.includes(type))
    .map(({ key, name, type, articles: shared }): NetworkNode => {
      const articles = source.summary(key)?.articleCount ?? shared;
      return { key, name, type, articles, shared, score: score(shared, articles) };
    })
    .sort((a, b) => b.score - a.score || b.shared - a.shared || a.name.localeCompare(b.name))
    .slice(0, Math.max(0, options.maxNodes - 1));
  const nodes: NetworkNode[] = [{ key: center, name: own.name, type: own.type, articles: own.articleCount, shared: own.articleCount, score: 0 }, ...neighbours];
  const kept = new Set(neighbours.map(({ key }) => key));
  const edges = neighbours.map(({ key, shared }) => ({ from: center, to: key, shared }));
  neighbours.forEach((node, at) => {
    const later = new Set(neighbours.slice(at + 1).map(({ key }) => key));
    for (const companion of source.companions(node.key, neighbours.length * CANDIDATE_FACTOR)) {
      if (kept.has(companion.key) && later.has(companion.key) && companion.articles >= options.minShared) edges.push({ from: node.key, to: companion.key, shared: companion.articles });
    }
  });
  return { center, nodes, edges };
}

/**
 * The centre's neighbours as a spreadsheet takes them pasted: a header, then each neighbour's name, type, articles and
 * articles shared with the centre, tab-separated, in the network's order; names a spreadsheet would run as formulas get
 * a `'` first.
 *
 * @example
 * networkTable(graph); // 'entity\ttype\tarticles\tshared with Kim\nVladimir Putin\tperson\t3\t2\n'
 */
export function networkTable({ nodes }: EntityNetwork): string {
  const [center, ...neighbours] = nodes;
  const header = ['entity', 'type', 'articles', `shared with ${center?.name ?? ''}`];
  return tsvTable([header, ...neighbours.map((node) => [node.name, TYPE_WORDS[node.type], String(node.articles), String(node.shared)])]);
}
