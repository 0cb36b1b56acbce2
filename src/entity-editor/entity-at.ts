import * as vscode from 'vscode';
import { entityAtOffset } from '../core/entities/entity-at-offset';
import { ArticleEntity } from '../core/entities/types';

/** The entity with a mention at `position` of `document`, and that mention's range. */
export function entityAt(entities: readonly ArticleEntity[], document: vscode.TextDocument, position: vscode.Position): { entity: ArticleEntity; range: vscode.Range } | undefined {
  const found = entityAtOffset(entities, document.offsetAt(position));
  return found && { entity: found.entity, range: new vscode.Range(document.positionAt(found.mention.start), document.positionAt(found.mention.end)) };
}

/** The ranges of every mention of `entity` in `document`. */
export function mentionRanges(entity: ArticleEntity, document: vscode.TextDocument): vscode.Range[] {
  return entity.mentions.map(({ start, end }) => new vscode.Range(document.positionAt(start), document.positionAt(end)));
}
