import { withIndefiniteArticle } from './display-text';
import { EntityType } from './entities/types';
import { EntityListRequest, EntityPage, EntitySort, EntitySummary } from './search/entity-listing';
import { ENTITY_TYPES } from './search/entity-table';

/**
 * An article that mentions an entity, as the views list it: `id` is the article's identity in the corpus
 * (its URI), `path` the path shown to the user.
 *
 * @example
 * const ref: EntityArticleRef = { id: 'file:///news/kim.txt', path: 'news/kim.txt', title: 'Kim arrives', date: '2023-09-13', mentions: 4 };
 */
export interface EntityArticleRef {
  readonly id: string;
  readonly path: string;
  readonly title: string;
  readonly date?: string;
  readonly mentions: number;
}

/**
 * The entities of the whole workspace, whatever the number of its folders: what the Entities view, the
 * In This Article view and search entry points read. The corpus service implements it over its indexes.
 *
 * @example
 * const people = directory.list({ type: 'PER', sort: 'articles', offset: 0, limit: 200 });
 * directory.articles(people.entities[0].key); // newest first
 */
export interface EntityDirectory {
  /** How many entities of each type at least one article mentions. */
  typeCounts(): ReadonlyMap<EntityType, number>;
  list(request: EntityListRequest): EntityPage;
  summary(key: string): EntitySummary | undefined;
  /**
   * The articles that mention the entity, newest first (undated last); only the newest `limit` when given, as
   * naming each one costs and an entity can have tens of thousands.
   */
  articles(key: string, limit?: number): readonly EntityArticleRef[];
  /** The indexed text of the article `id`, if it is indexed. */
  articleText(id: string): string | undefined;
  /** The roles writers attach to the entity, most articles first. */
  roles(key: string): readonly { readonly role: string; readonly articles: number }[];
  /** Mentions of the entity per month (`YYYY-MM`). */
  timeline(key: string): ReadonlyMap<string, number>;
  /** The entities named in the most of the same articles, with the number of shared articles. */
  companions(key: string, limit: number): readonly { readonly key: string; readonly name: string; readonly type: EntityType; readonly articles: number }[];
}

/**
 * What the views call each entity type (a group's label, one entity's kind, several of them) and the codicon they show it with.
 *
 * @example
 * ENTITY_TYPE_NAMES.PER; // { group: 'People', one: 'person', many: 'people', icon: 'person' }
 */
export const ENTITY_TYPE_NAMES: Readonly<Record<EntityType, { readonly group: string; readonly one: string; readonly many: string; readonly icon: string }>> = {
  PER: { group: 'People', one: 'person', many: 'people', icon: 'person' },
  LOC: { group: 'Places', one: 'place', many: 'places', icon: 'location' },
  ORG: { group: 'Organizations', one: 'organization', many: 'organizations', icon: 'organization' },
  MISC: { group: 'Other', one: 'other name', many: 'other names', icon: 'tag' },
};

/** The Other type as a sentence names it (`aTypeName`). */
const OTHER_TYPE_IN_A_SENTENCE = 'a name of another kind';

/**
 * One entity's type with its indefinite article, as messages put it in a sentence. The Other type is "a name of another
 * kind": "another name" read as another spelling of the same entity ("\"El Niño\" is now another name", ux37).
 *
 * @example
 * aTypeName('ORG');  // 'an organization'
 * aTypeName('MISC'); // 'a name of another kind'
 */
export function aTypeName(type: EntityType): string {
  return type === 'MISC' ? OTHER_TYPE_IN_A_SENTENCE : withIndefiniteArticle(ENTITY_TYPE_NAMES[type].one);
}

/**
 * Every entity of the directory: each type's whole list in `sort` order, people first. The type counts bound each
 * list (over several folders they count an entity in two of them twice, so they never cut a list short).
 *
 * @example
 * everyEntity(directory, 'name').length; // the number of entities in the corpus
 */
export function everyEntity(directory: Pick<EntityDirectory, 'typeCounts' | 'list'>, sort: EntitySort): EntitySummary[] {
  const counts = directory.typeCounts();
  return ENTITY_TYPES.flatMap((type) => directory.list({ type, sort, offset: 0, limit: counts.get(type) ?? 0 }).entities);
}
