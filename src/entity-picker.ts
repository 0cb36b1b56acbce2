import * as vscode from 'vscode';
import { countOf, toDisplayText } from './core/display-text';
import { ENTITY_TYPE_NAMES, EntityDirectory } from './core/entity-directory';
import { containedRank, nearNames } from './core/search/near-names';
import { EntitySummary } from './core/search/entity-listing';
import { ENTITY_TYPES } from './core/search/entity-table';

/** Entities the picker lists per type. */
const PICKER_ENTITIES = 20;
/** Entities of each type containing the typed text, most articles first, among which the picker's are the best matches. */
const RANKED_ENTITIES = 500;
/** Entities of each type, most articles first, among which a typed name without a match looks for near spellings. */
const NEAR_CANDIDATES = 2000;
/** Near spellings the picker offers at most. */
const NEAR_SPELLINGS = 10;

type EntityItem = vscode.QuickPickItem & { readonly key?: string };

function entityItem(entity: EntitySummary): EntityItem {
  return { label: toDisplayText(entity.name), description: `${ENTITY_TYPE_NAMES[entity.type].one}, ${countOf(entity.articleCount, 'article')}`, key: entity.key };
}

/**
 * What the picker lists for `filter`: the entities whose name contains it; else, under a line saying so, the near
 * spellings; else one item saying why there is nothing to pick. An empty "Pick an entity" list left the reader
 * guessing whether the name was misspelt, or the folder missing.
 */
function pickerItems(entities: Pick<EntityDirectory, 'list' | 'typeCounts'>, filter: string): { items: EntityItem[]; placeHolder: string } {
  // Of the names containing the text, those with a word starting with it first, of any type; within each, by type,
  // then most articles first.
  // (Sorts are stable: equal ranks keep the listing's order.)
  const matching = ENTITY_TYPES.flatMap((type) =>
    entities
      .list({ type, sort: 'articles', filter, offset: 0, limit: RANKED_ENTITIES })
      .entities.map((entity) => ({ entity, rank: containedRank(entity.name, filter) }))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, PICKER_ENTITIES),
  )
    .sort((a, b) => a.rank - b.rank)
    .map(({ entity }) => entity);
  if (matching.length > 0) return { items: matching.map(entityItem), placeHolder: 'Pick an entity' };
  const none = (label: string, placeHolder: string) => ({ items: [{ label: `$(info) ${label}`, alwaysShow: true }], placeHolder });
  if (!vscode.workspace.workspaceFolders?.length) return none('No folder is open: open a folder of articles to see their entities.', 'No entities');
  if ([...entities.typeCounts().values()].every((count) => count === 0)) return none('No entities found yet: the articles name none, or are still being read.', 'No entities');
  const typed = toDisplayText(filter.trim());
  const candidates = ENTITY_TYPES.flatMap((type) => entities.list({ type, sort: 'articles', offset: 0, limit: NEAR_CANDIDATES }).entities);
  const near = nearNames(filter, candidates, NEAR_SPELLINGS);
  if (near.length === 0) return none(`No entity's name contains "${typed}", nor one spelled close to it.`, `No entity named "${typed}"`);
  return {
    items: [{ label: `No entity's name contains "${typed}". Near spellings:`, kind: vscode.QuickPickItemKind.Separator }, ...near.map(entityItem)],
    placeHolder: `No entity named "${typed}": pick a near spelling`,
  };
}

/**
 * The key of an entity the user picks for a command given none: part of its name typed, then the entities whose name
 * contains it (or near spellings) to pick from; a whole name typed that names the one match is the pick.
 */
export async function pickEntity(entities: Pick<EntityDirectory, 'list' | 'typeCounts'>, title: string, prompt: string): Promise<string | undefined> {
  const filter = await vscode.window.showInputBox({ title, prompt, placeHolder: 'e.g. putin' });
  if (filter === undefined) return undefined;
  const { items, placeHolder } = pickerItems(entities, filter);
  // A list of it alone asked the reader twice.
  const [only, ...others] = items;
  if (only?.key !== undefined && others.length === 0 && only.label.toLocaleLowerCase() === toDisplayText(filter.trim()).toLocaleLowerCase()) return only.key;
  return (await vscode.window.showQuickPick(items, { title, placeHolder }))?.key;
}
