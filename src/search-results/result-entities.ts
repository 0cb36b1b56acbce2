import * as vscode from 'vscode';
import { countOf, groupDigits, toDisplayText } from '../core/display-text';
import { EntityCount } from '../core/curation/corrected-entities';
import { ENTITY_TYPE_NAMES } from '../core/entity-directory';
import { SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { ENTITY_TYPES } from '../core/search/entity-table';
import { exactEntityQuery } from '../core/search/query-parser';
import { EntityInResults, entitiesInResults } from '../core/search-workflow/result-entities';
import { readSearchOptions } from '../corpus/settings';
import { inSteps, resultTotal, withProgressOver } from './all-results';

/** What Entities in These Results reads: the index, and the entities of an article. */
export interface ResultEntitiesDeps {
  readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined;
  readonly entitiesOf: (path: string) => readonly EntityCount[];
}

type EntityItem = vscode.QuickPickItem & { readonly entity?: EntityInResults };

function entityItems(entities: readonly EntityInResults[], total: number): EntityItem[] {
  return ENTITY_TYPES.flatMap((type) => {
    // Every one, for the box's filter: 25 a type hid "Sarney", named in one of the results, without a word (ux38b).
    const ofType = entities.filter((entity) => entity.type === type);
    if (ofType.length === 0) return [];
    const separator: EntityItem = { label: ENTITY_TYPE_NAMES[type].group, kind: vscode.QuickPickItemKind.Separator };
    return [
      separator,
      ...ofType.map((entity): EntityItem => ({
        label: `$(${ENTITY_TYPE_NAMES[type].icon}) ${toDisplayText(entity.name)}`,
        description: `in ${countOf(entity.articles, 'article')} of ${groupDigits(total)}, ${countOf(entity.mentions, 'mention')}`,
        entity,
      })),
    ];
  });
}

/**
 * Entities in These Results: the people, places, organizations and other names that the articles of `query` name,
 * the ones in the most of them first, counted over every result (with a cancellable progress notification over many);
 * the one picked narrows the search to the articles naming it (`narrow` runs the narrowed query), and so on, to see
 * who is in the news on a topic with whom. Returns the query narrowed to, if one was picked.
 */
export async function showResultEntities(query: string, deps: ResultEntitiesDeps, narrow: (query: string) => Promise<unknown>): Promise<string | undefined> {
  const total = resultTotal(deps.search, query, 'list the entities of the results');
  if (total === undefined) return undefined;
  const entities = await withProgressOver(total, `News Corpus: reading the entities of ${countOf(total, 'result')}`, async (progress, token) => {
    const response = deps.search(query, { ...readSearchOptions(), limit: total, snippetLength: 0 });
    if (!response?.ok) return undefined;
    const perArticle = await inSteps(response.hits, (hit) => deps.entitiesOf(hit.path), progress, token);
    return perArticle && entitiesInResults(perArticle);
  });
  if (entities === undefined) return undefined;
  const items: EntityItem[] = entities.length > 0 ? entityItems(entities, total) : [{ label: `$(info) ${total === 1 ? 'The result names' : `The ${countOf(total, 'result')} name`} no entity.` }];
  const picked = await vscode.window.showQuickPick(items, {
    title: `News Corpus: Entities in ${countOf(total, 'Result')} of ${toDisplayText(query)}`,
    placeHolder: 'Pick one to narrow the search to the articles naming it',
  });
  if (!picked?.entity) return undefined;
  const narrowed = `${query} ${exactEntityQuery(picked.entity.type, picked.entity.name)}`;
  await narrow(narrowed);
  return narrowed;
}
