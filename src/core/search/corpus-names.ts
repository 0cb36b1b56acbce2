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
 * nothing matches), and so is each nearest name found (the facts file's diagnostics ask again for every name at each
 * change of the file).
 *
 * @example
 * const names = new CorpusNameLookup((query, options) => service.search(query, options), service.entities);
 * service.onDidChangeEntities(() => names.entitiesChanged());
 * nameSuggestions('person:Trunp', names)[0]?.query; // 'person:Trump'
 */
export class CorpusNameLookup implements CorpusNames {
  private listed: readonly EntitySummary[] | undefined;
  private readonly found = new Map<string, string | undefined>();

  constructor(
    private readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined,
    private readonly entities: EntityDirectory,
  ) {}

  finds(filter: string): boolean {
    const response = this.search(filter, TRY_FILTER);
    return !response?.ok || response.total > 0;
  }

  nearest(type: EntityType | undefined, name: string, except?: string): string | undefined {
    const asked = JSON.stringify([type, name, except]);
    if (this.found.has(asked)) return this.found.get(asked);
    // Listed only once nearNames reads them: a name too short to have near spellings needs no list.
    const nearest = nearNames(name, this.ofType(type, except), 1)[0]?.name;
    this.found.set(asked, nearest);
    return nearest;
  }

  /** The corpus's entities changed: they are listed again at the next ask. */
  entitiesChanged(): void {
    this.listed = undefined;
    this.found.clear();
  }

  private *ofType(type: EntityType | undefined, except: string | undefined): Generator<EntitySummary> {
    // Each type's list comes by articles; for any type (`entity:`) the better known comes first whatever its type.
    this.listed ??= everyEntity(this.entities, 'articles').sort((a, b) => b.articleCount - a.articleCount);
    for (const entity of this.listed) if ((type === undefined || entity.type === type) && entity.key !== except) yield entity;
  }
}
