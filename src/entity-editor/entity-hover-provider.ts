import * as vscode from 'vscode';
import { CardLink, entityCardMarkdown, entityCardOf } from '../core/entity-card';
import { EntityDirectory } from '../core/entity-directory';
import { ArticleEntity } from '../core/entities/types';
import { exactEntityQuery } from '../core/search/query-parser';
import { entityAt } from './entity-at';

/** The commands a card's links may run: the hover's Markdown is trusted for these and nothing else. */
export const CARD_COMMANDS = ['newsCorpus.revealEntity', 'newsCorpus.search', 'newsCorpus.findMentions'] as const;
/** What the hover needs: the document's entities, the corpus's, and whether a document is an article. */
export interface EntityHoverDeps {
  readonly analyze: (text: string) => readonly ArticleEntity[];
  readonly entities: EntityDirectory;
  readonly isArticle: (document: vscode.TextDocument) => boolean;
}

/**
 * Hover cards over entity mentions in article files: who this is according to the corpus. Mentions come
 * from the recogniser on the document's current text, so an edit is followed before it is saved.
 */
export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: EntityHoverDeps) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.deps.isArticle(document)) return undefined;
    const found = entityAt(this.deps.analyze(document.getText()), document, position);
    if (!found) return undefined;
    const { entity, range } = found;
    const card = entityCardOf(entity, this.deps.entities);
    const links: CardLink[] = [
      { title: 'Show in Entities View', command: 'newsCorpus.revealEntity', args: [entity.key] },
      { title: 'Search Articles', command: 'newsCorpus.search', args: [exactEntityQuery(entity.type, card.name)] },
      { title: 'Find All Mentions', command: 'newsCorpus.findMentions', args: [document.uri.toString(), range.start.line, range.start.character] },
    ];
    const markdown = new vscode.MarkdownString(entityCardMarkdown(card, card.articleCount > 0 ? links : links.slice(2)), true);
    markdown.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
    return new vscode.Hover(markdown, range);
  }
}
