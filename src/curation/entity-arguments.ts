import * as vscode from 'vscode';
import { entityAtOffset } from '../core/entities/entity-at-offset';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { EntityDirectory } from '../core/entity-directory';
import { EntityRef, isEntityType } from '../core/facts/corrections';

/** An entity to correct, and the article it was picked in, if any (for corrections in that article only). */
export interface CurationTarget {
  readonly entity: EntityRef;
  readonly article?: vscode.Uri;
  /** How the article writes the name under the cursor, when the entity was found there ("Kim Jong-Un"). */
  readonly writing?: string;
}

/**
 * The entity a command argument names: an element of the Entities or In This Article view
 * (`{ kind: 'entity', entity: { type, name } }`) or a plain `{ type, name }` (keybindings, tests).
 */
export function entityRefOf(value: unknown): EntityRef | undefined {
  const candidate = value as { kind?: unknown; entity?: unknown; type?: unknown; name?: unknown } | undefined;
  if (candidate?.kind === 'entity') return entityRefOf(candidate.entity);
  if (candidate && isEntityType(candidate.type) && typeof candidate.name === 'string' && candidate.name.trim() !== '') return { type: candidate.type, name: candidate.name };
  return undefined;
}

/** An article argument: a URI, or its string form (a hover card's link). */
export function articleOf(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  return typeof value === 'string' && value !== '' ? vscode.Uri.parse(value) : undefined;
}

/**
 * The entity named by `value`, else the one under the cursor of the active editor (as corrected, with its name as
 * the views show it, once a long article's entities have arrived), with the article it is in.
 */
export async function targetOf(value: unknown, article: unknown, deps: { readonly analyzed: AwaitedAnalyzer; readonly entities: Pick<EntityDirectory, 'summary'> }): Promise<CurationTarget | undefined> {
  const given = entityRefOf(value);
  const editor = vscode.window.activeTextEditor;
  if (given) {
    const where = articleOf(article);
    return where ? { entity: given, article: where } : { entity: given };
  }
  if (!editor) return undefined;
  const { document, selection } = editor;
  // Taken with the text analysed: the entities' offsets are of that text, whatever edit comes while they are found.
  const offset = document.offsetAt(selection.active);
  const text = document.getText();
  const found = entityAtOffset(await deps.analyzed(text, document.uri.toString()), offset);
  if (!found) return undefined;
  const entity = { type: found.entity.type, name: deps.entities.summary(found.entity.key)?.name ?? found.entity.name };
  return { entity, article: document.uri, writing: text.slice(found.mention.start, found.mention.end) };
}
