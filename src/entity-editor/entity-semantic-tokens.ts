import * as vscode from 'vscode';
import { ArticleEntity, EntityType } from '../core/entities/types';

/** The token type of each entity type, in legend order; package.json contributes them with a standard super type. */
const TOKEN_TYPES: Readonly<Record<EntityType, string>> = { PER: 'person', LOC: 'place', ORG: 'organization', MISC: 'otherEntity' };

/** The legend of the entity tokens: one type per entity type, no modifiers. */
export const ENTITY_TOKENS_LEGEND = new vscode.SemanticTokensLegend(Object.values(TOKEN_TYPES));

/**
 * Colours the entity mentions of an article by type, from the recogniser on the document's current text.
 * Turned off by `newsCorpus.highlightEntities` (then it gives no tokens, and says so when the setting changes).
 */
export class EntitySemanticTokensProvider implements vscode.DocumentSemanticTokensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;

  constructor(
    private readonly entitiesOf: (document: vscode.TextDocument) => readonly ArticleEntity[],
    private readonly enabled: () => boolean,
  ) {}

  /** Asks the editor for new tokens: the setting changed. */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  provideDocumentSemanticTokens(document: vscode.TextDocument): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(ENTITY_TOKENS_LEGEND);
    if (!this.enabled()) return builder.build();
    const mentions = this.entitiesOf(document)
      .flatMap((entity) => entity.mentions.map((mention) => ({ ...mention, type: TOKEN_TYPES[entity.type] })))
      .sort((a, b) => a.start - b.start);
    for (const { start, end, type } of mentions) {
      const from = document.positionAt(start);
      const to = document.positionAt(end);
      // A token lies on one line; a name broken over two lines is left uncoloured.
      if (from.line === to.line) builder.push(new vscode.Range(from, to), type);
    }
    return builder.build();
  }
}
