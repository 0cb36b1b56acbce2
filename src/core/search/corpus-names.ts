import { EntityDirectory, everyEntity } from '../entity-directory';
import { nearNames } from '../panels/near-names';
import { SearchOptions, SearchResponse } from './corpus-index';
import { CorpusNames } from './query-help';

/** How a filter is tried alone: the count is all that is read. */
const TRY_FILTER: SearchOptions = { limit: 1, fuzzyFallback: false, snippetLength: 0 };

/**
 * The {@link CorpusNames} of a corpus: a filter finds something when a search of it alone does (while the corpus is
 * not searchable yet, or the filter is refused, it is taken to: nothing is offered then), and the nearest name is
 * that of the entity of the type with the most articles among the nearest in typos ({@link nearNames}).
 *
 * @example
 * const names = corpusNamesOf((query, options) => service.search(query, options), service.entities);
 * nameSuggestions('person:Trunp', names)[0]?.query; // 'person:Trump'
 */
export function corpusNamesOf(search: (query: string, options: SearchOptions) => SearchResponse | undefined, entities: EntityDirectory): CorpusNames {
  return {
    finds: (filter) => {
      const response = search(filter, TRY_FILTER);
      return !response?.ok || response.total > 0;
    },
    nearest: (type, name) => nearNames(name, everyEntity(entities, 'articles').filter((entity) => type === undefined || entity.type === type), 1)[0]?.name,
  };
}
