import * as vscode from 'vscode';
import { EntityType } from '../core/entities/types';
import { EntitiesWhenKnown } from './entity-at';

/** The token type of each entity type, in legend order; package.json contributes them with a standard super type. */
const TOKEN_TYPES: Readonly<Record<EntityType, string>> = { PER: 'person', LOC: 'place', ORG: 'organization', MISC: 'otherEntity' };

/** The legend of the entity tokens: one type per entity type, no modifiers. */
export const ENTITY_TOKENS_LEGEND = new vscode.SemanticTokensLegend(Object.values(TOKEN_TYPES));

/**
 * Colours the entity mentions of an article by type, from the recogniser on the document's current text.
 * Turned off by `newsCorpus.highlightEntities` (then it gives no tokens, and says so when the setting changes).
 * A long article's tokens wait for its entities: meanwhile VS Code keeps showing the colours it had, moved with the
 * edits, where answering none would blank them at every pause in typing.
 */
export class EntitySemanticTokensProvider implements vscode.DocumentSemanticTokensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;

  constructor(
    private readonly entitiesOf: EntitiesWhenKnown,
    private readonly enabled: () => boolean,
  ) {}

  /** Asks the editor for new tokens: the setting changed. */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  async provideDocumentSemanticTokens(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens> {
    const builder = new vscode.SemanticTokensBuilder(ENTITY_TOKENS_LEGEND);
    if (!this.enabled()) return builder.build();
    const entities = await this.entitiesOf(document, token);
    // Tokens of an older text would colour the wrong spans; VS Code asks again for the text as it is now.
    if (token.isCancellationRequested || !entities) throw new vscode.CancellationError();
    const mentions = entities
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
