import { EntityArticleRef, EntityDirectory } from '../core/entity-directory';
import { EntityType } from '../core/entities/types';
import { IndexEntities } from '../core/curation/corrected-entities';
import { EntityListRequest, EntityPage, EntitySummary, mergeEntityPages, mergeSummaries, newestFirst } from '../core/search/entity-listing';
import * as vscode from 'vscode';
import { indexPathOf, uriOfIndexPath } from './index-paths';
import { displayPath } from './workspace-scanner';

/** The entities of every workspace folder's index (corrected, as the service gives them) as one directory; one folder is answered by its index alone. */
export class WorkspaceEntities implements EntityDirectory {
  constructor(private readonly indexes: () => readonly IndexEntities[]) {}

  typeCounts(): ReadonlyMap<EntityType, number> {
    const counts = new Map<EntityType, number>();
    for (const index of this.indexes()) {
      for (const [type, count] of index.entityTypeCounts()) counts.set(type, (counts.get(type) ?? 0) + count);
    }
    return counts;
  }

  list(request: EntityListRequest): EntityPage {
    const indexes = this.indexes();
    if (indexes.length === 1 && indexes[0] !== undefined) return indexes[0].listEntities(request);
    // Each folder's first offset + limit, so that the merged page is right whatever folder its entities come from.
    const wide = { ...request, offset: 0, limit: request.offset + request.limit };
    return mergeEntityPages(indexes.map((index) => index.listEntities(wide)), request);
  }

  summary(key: string): EntitySummary | undefined {
    return mergeSummaries(this.indexes().flatMap((index) => index.entitySummary(key) ?? []));
  }

  articles(key: string, limit = Infinity): readonly EntityArticleRef[] {
    const refs = this.indexes().flatMap((index) =>
      index
        .entityArticles(key, limit)
        .map(({ path, title, date, mentions }): EntityArticleRef => {
          const uri = uriOfIndexPath(path);
          const ref = { id: uri.toString(), path: displayPath(uri), title, mentions };
          return date === undefined ? ref : { ...ref, date };
        }),
    );
    return this.indexes().length === 1 ? refs : refs.sort(newestFirst).slice(0, limit);
  }

  roles(key: string): readonly { readonly role: string; readonly articles: number }[] {
    const merged = new Map<string, { role: string; articles: number }>();
    for (const { role, articles } of this.indexes().flatMap((index) => index.entityRoles(key))) {
      const known = merged.get(role.toLowerCase());
      merged.set(role.toLowerCase(), { role: known?.role ?? role, articles: (known?.articles ?? 0) + articles });
    }
    return [...merged.values()].sort((a, b) => b.articles - a.articles || a.role.localeCompare(b.role));
  }

  timeline(key: string): ReadonlyMap<string, number> {
    const merged = new Map<string, number>();
    for (const index of this.indexes()) {
      for (const [period, mentions] of index.entityTimeline(key)) merged.set(period, (merged.get(period) ?? 0) + mentions);
    }
    return merged;
  }

  companions(key: string, limit: number): readonly { readonly key: string; readonly name: string; readonly type: EntityType; readonly articles: number }[] {
    const indexes = this.indexes();
    if (indexes.length === 1 && indexes[0] !== undefined) return indexes[0].companions(key, limit);
    const merged = new Map<string, { key: string; name: string; type: EntityType; articles: number }>();
    for (const companion of indexes.flatMap((index) => index.companions(key, limit))) {
      const known = merged.get(companion.key);
      merged.set(companion.key, known ? { ...known, articles: known.articles + companion.articles } : companion);
    }
    return [...merged.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)).slice(0, limit);
  }

  articleText(id: string): string | undefined {
    const path = indexPathOf(vscode.Uri.parse(id));
    for (const index of this.indexes()) {
      const found = index.article(path);
      if (found) return found.text;
    }
    return undefined;
  }
}
