import { EntityCount } from '../curation/corrected-entities';
import { EntityType } from '../entities/types';

/**
 * An entity named in a search's articles: in how many of them, and how often in all.
 *
 * @example
 * const baker: EntityInResults = { name: 'James Baker', type: 'PER', articles: 20, mentions: 57 };
 */
export interface EntityInResults {
  readonly name: string;
  readonly type: EntityType;
  readonly articles: number;
  readonly mentions: number;
}

/**
 * The entities the articles of a search name, from each article's entities (`perArticle`, as the index has them,
 * corrections applied; one entity a key): the ones named in the most of those articles first, then the most
 * mentioned, then by name.
 * Who is in the news on a topic, and so who with whom: the views and panels count over the whole corpus (ux38).
 *
 * @example
 * entitiesInResults([[{ key: 'PER:james baker', name: 'James Baker', type: 'PER', mentions: 3 }], [{ key: 'PER:james baker', name: 'James Baker', type: 'PER', mentions: 1 }, { key: 'LOC:bonn', name: 'Bonn', type: 'LOC', mentions: 2 }]]);
 * // [{ name: 'James Baker', type: 'PER', articles: 2, mentions: 4 }, { name: 'Bonn', type: 'LOC', articles: 1, mentions: 2 }]
 */
export function entitiesInResults(perArticle: Iterable<readonly EntityCount[]>): EntityInResults[] {
  const found = new Map<string, { name: string; type: EntityType; articles: number; mentions: number }>();
  for (const entities of perArticle) {
    const counted = new Set<string>();
    for (const { key, name, type, mentions } of entities) {
      const known = found.get(key) ?? { name, type, articles: 0, mentions: 0 };
      if (!counted.has(key)) known.articles++;
      counted.add(key);
      known.mentions += mentions;
      found.set(key, known);
    }
  }
  return [...found.values()].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name));
}
