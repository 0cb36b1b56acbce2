import * as vscode from 'vscode';
import { ArticleEntity } from '../core/entities/types';

/** The entity with a mention at `position` of `document`, and that mention's range. */
export function entityAt(entities: readonly ArticleEntity[], document: vscode.TextDocument, position: vscode.Position): { entity: ArticleEntity; range: vscode.Range } | undefined {
  const offset = document.offsetAt(position);
  for (const entity of entities) {
    const mention = entity.mentions.find(({ start, end }) => start <= offset && offset < end);
    if (mention) return { entity, range: new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end)) };
  }
  return undefined;
}

/** The ranges of every mention of `entity` in `document`. */
export function mentionRanges(entity: ArticleEntity, document: vscode.TextDocument): vscode.Range[] {
  return entity.mentions.map(({ start, end }) => new vscode.Range(document.positionAt(start), document.positionAt(end)));
}
