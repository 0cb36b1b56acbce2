import { EntityType } from './entities/types';
import { EntityListRequest, EntityPage, EntitySort } from './search/entity-listing';

/**
 * Each entity group's first page (its first `limit` entities in the view's sort and filter) with the number of its
 * entities that pass the filter, from one listing per group until {@link EntityGroupPages.clear}. The Entities view
 * asks for both on every change of its filter, the group row for the count and the expanded group for its rows: two
 * listings scanned every entity of the type for the same filter (4–10 ms each per type at 100,000 articles), where
 * the page's `total` is that count.
 *
 * @example
 * const pages = new EntityGroupPages((request) => directory.list(request));
 * pages.matching('PER', { sort: 'articles', filter: 'kim' }, 200);      // 12: the People row's "12 of 340"
 * pages.page('PER', { sort: 'articles', filter: 'kim' }, 200).entities; // its rows, without listing again
 */
export class EntityGroupPages {
  private readonly pages = new Map<EntityType, { readonly sort: EntitySort; readonly filter: string; readonly limit: number; readonly page: EntityPage }>();

  constructor(private readonly list: (request: EntityListRequest) => EntityPage) {}

  /** The first `limit` entities of `type` in `view`'s sort and filter, and how many pass the filter; listed once until cleared. */
  page(type: EntityType, view: { readonly sort: EntitySort; readonly filter: string }, limit: number): EntityPage {
    const kept = this.pages.get(type);
    if (kept !== undefined && kept.sort === view.sort && kept.filter === view.filter && kept.limit === limit) return kept.page;
    const page = this.list({ type, sort: view.sort, filter: view.filter, offset: 0, limit });
    this.pages.set(type, { sort: view.sort, filter: view.filter, limit, page });
    return page;
  }

  /** How many entities of `type` pass `view`'s filter, from the page {@link page} lists; undefined when no filter is on. */
  matching(type: EntityType, view: { readonly sort: EntitySort; readonly filter: string }, limit: number): number | undefined {
    return view.filter === '' ? undefined : this.page(type, view, limit).total;
  }

  /** Forgets every page, after the entities changed. */
  clear(): void {
    this.pages.clear();
  }
}
