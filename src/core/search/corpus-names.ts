import { EntityType } from '../entities/types';
import { EntityDirectory, everyEntity } from '../entity-directory';
import { nearNames } from './near-names';
import { SearchOptions, SearchResponse } from './corpus-index';
import { EntitySummary } from './entity-listing';
import { CorpusNames } from './query-help';

/** How a filter is tried alone: the count is all that is read. */
const TRY_FILTER: SearchOptions = { limit: 1, fuzzyFallback: false, snippetLength: 0 };

/**
 * The {@link CorpusNames} of a corpus: a filter finds something when a search of it alone does (while the corpus is
 * not searchable yet, or the filter is refused, it is taken to: nothing is offered then), and the nearest name is
 * that of the entity of the type (any type for none) with the most articles among the nearest in typos
 * ({@link nearNames}). The entities
 * are listed once until they change (30–40 ms for 12,000 entities; the search box asks at each key pressed while
 * nothing matches).
 *
 * @example
 * const names = new CorpusNameLookup((query, options) => service.search(query, options), service.entities);
 * service.onDidChangeEntities(() => names.entitiesChanged());
 * nameSuggestions('person:Trunp', names)[0]?.query; // 'person:Trump'
 */
export class CorpusNameLookup implements CorpusNames {
  private listed: readonly EntitySummary[] | undefined;

  constructor(
    private readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined,
    private readonly entities: EntityDirectory,
  ) {}

  finds(filter: string): boolean {
    const response = this.search(filter, TRY_FILTER);
    return !response?.ok || response.total > 0;
  }

  nearest(type: EntityType | undefined, name: string): string | undefined {
    // Listed only once nearNames reads them: a name too short to have near spellings needs no list.
    return nearNames(name, this.ofType(type), 1)[0]?.name;
  }

  /** The corpus's entities changed: they are listed again at the next ask. */
  entitiesChanged(): void {
    this.listed = undefined;
  }

  private *ofType(type: EntityType | undefined): Generator<EntitySummary> {
    // Each type's list comes by articles; for any type (`entity:`) the better known comes first whatever its type.
    this.listed ??= everyEntity(this.entities, 'articles').sort((a, b) => b.articleCount - a.articleCount);
    for (const entity of this.listed) if (type === undefined || entity.type === type) yield entity;
  }
}
