import * as vscode from 'vscode';
import { entityAtOffset } from '../core/entities/entity-at-offset';
import { ArticleEntity } from '../core/entities/types';

/** The entity with a mention at `position` of `document`, and that mention's range. */
export function entityAt(entities: readonly ArticleEntity[], document: vscode.TextDocument, position: vscode.Position): { entity: ArticleEntity; range: vscode.Range } | undefined {
  const found = entityAtOffset(entities, document.offsetAt(position));
  return found && { entity: found.entity, range: new vscode.Range(document.positionAt(found.mention.start), document.positionAt(found.mention.end)) };
}

/**
 * The entities of a document once known (a long article's may take a second), or `undefined` when the document
 * changed while they were found: their offsets are of the text before, and VS Code asks again about the text as it
 * is now.
 */
export type EntitiesWhenKnown = (document: vscode.TextDocument, token?: vscode.CancellationToken) => Promise<readonly ArticleEntity[] | undefined>;

/** The entity with a mention at `position` of `document`, once `entitiesOf` knows them: none if the document changed meanwhile. */
export async function entityAtWhenKnown(
  entitiesOf: EntitiesWhenKnown,
  document: vscode.TextDocument,
  position: vscode.Position,
  token?: vscode.CancellationToken,
): Promise<{ entity: ArticleEntity; range: vscode.Range } | undefined> {
  const entities = await entitiesOf(document, token);
  return entities && entityAt(entities, document, position);
}

/** The ranges of every mention of `entity` in `document`. */
export function mentionRanges(entity: ArticleEntity, document: vscode.TextDocument): vscode.Range[] {
  return entity.mentions.map(({ start, end }) => new vscode.Range(document.positionAt(start), document.positionAt(end)));
}
