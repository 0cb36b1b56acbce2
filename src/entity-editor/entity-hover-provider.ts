import * as vscode from 'vscode';
import { LikelyDuplicate } from '../core/curation/likely-duplicates';
import { CardLink, cardDuplicateOf, entityCardMarkdown, entityCardOf } from '../core/entity-card';
import { refOf } from '../core/facts/corrections';
import { EntityDirectory } from '../core/entity-directory';
import { FactsLookup } from '../core/facts/facts-store';
import { exactEntityQuery } from '../core/search/query-parser';
import { EntitiesWhenKnown, entityAtWhenKnown } from './entity-at';

/** The commands a card's links may run: the hover's Markdown is trusted for these and nothing else. */
export const CARD_COMMANDS = ['newsCorpus.revealEntity', 'newsCorpus.searchResults.show', 'newsCorpus.showTimeline', 'newsCorpus.findMentions', 'newsCorpus.editFacts', 'newsCorpus.fixEntity', 'newsCorpus.mergeEntities'] as const;
/**
 * What the hover needs: the entities of a document once known (none if it is not an article), the corpus's, the
 * user's facts, and the entity of the corpus each one is probably the same as.
 */
export interface EntityHoverDeps {
  readonly entitiesOf: EntitiesWhenKnown;
  readonly entities: EntityDirectory;
  readonly facts: FactsLookup;
  readonly likelyDuplicateOf: (key: string) => LikelyDuplicate | undefined;
}

/**
 * Hover cards over entity mentions in article files: who this is according to the user's facts and the
 * corpus. Mentions come from the recogniser on the document's current text, so an edit is followed before
 * it is saved.
 */
export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: EntityHoverDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const found = await entityAtWhenKnown(this.deps.entitiesOf, document, position, token);
    if (!found) return undefined;
    const { entity, range } = found;
    const pair = this.deps.likelyDuplicateOf(entity.key);
    const card = entityCardOf(entity, this.deps.entities, this.deps.facts.entry(entity.key)?.entry.facts, pair && cardDuplicateOf(pair));
    // Short titles keep the links on one line; the tooltips say in full what each does.
    const inCorpus: CardLink[] = [
      { title: 'Entities', tooltip: 'Show in Entities View', command: 'newsCorpus.revealEntity', args: [entity.key] },
      // Into the Search Results view, as the Entities view's "Search for This Entity" does: a list to read through.
      { title: 'Search', tooltip: 'Search Articles: list its articles in the Search Results view', command: 'newsCorpus.searchResults.show', args: [exactEntityQuery(entity.type, card.name)] },
      { title: 'Timeline', tooltip: 'Show its mentions over time in the Timeline panel', command: 'newsCorpus.showTimeline', args: [entity.key] },
    ];
    const links: CardLink[] = [
      ...(card.articleCount > 0 ? inCorpus : []),
      { title: 'Mentions', tooltip: 'Find All Mentions across the corpus', command: 'newsCorpus.findMentions', args: [document.uri.toString(), range.start.line, range.start.character] },
      { title: 'Edit Facts', tooltip: 'Edit Facts: its entry in .newscorpus/entities.json', command: 'newsCorpus.editFacts', args: [entity.type, card.name, document.uri.toString()] },
      { title: 'Fix…', tooltip: 'Fix the entity: rename, merge, split or ignore it', command: 'newsCorpus.fixEntity', args: [entity.type, card.name, document.uri.toString()] },
    ];
    // Merge Entities asks which name the two keep, the one with more articles first: a click on a card writes nothing alone.
    const merge: CardLink | undefined = pair && {
      title: 'Merge…',
      tooltip: 'Merge Entities: make the two one entity (it asks which name to keep)',
      command: 'newsCorpus.mergeEntities',
      args: [[pair.entity, pair.into].map(refOf)],
    };
    const markdown = new vscode.MarkdownString(entityCardMarkdown(card, links, merge), true);
    markdown.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
    return new vscode.Hover(markdown, range);
  }
}
