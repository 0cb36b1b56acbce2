import * as vscode from 'vscode';
import { ARTICLE_ROW_ICON } from '../article-row-icon';
import { KEEP_FOCUS } from '../core/article-target';
import { countOf, groupDigits, isolateBidi, partOf, toTreeText } from '../core/display-text';
import { EntityType } from '../core/entities/types';
import { LikelyDuplicate, likelyDuplicateReason } from '../core/curation/likely-duplicates';
import { ENTITY_TYPE_NAMES, EntityArticleRef } from '../core/entity-directory';
import { MentionPreview } from '../core/mention-preview';
import { PeriodGroup, UNDATED_PERIOD, periodName } from '../core/period-groups';
import { EntitySummary } from '../core/search/entity-listing';

// Builds the tree items of the Entities view. Every text from articles is passed through `toTreeText` (one line,
// right-to-left isolated; a plain label draws no `$(icon)`), and tooltips are plain strings, never rendered as Markdown.

/**
 * A type's group row: `count` entities of the type in the corpus, of which `matching` pass the filter when one is on
 * (the row then says "12 of 340", as the rows of a cut-down list do, so that its count is that of what it lists).
 */
export function typeItem(type: EntityType, count: number, matching?: number): vscode.TreeItem {
  // People, Places and Organizations stay listed when empty, so that the view keeps its shape; an empty one says
  // so and has nothing to expand, rather than "Organizations 0" opening on nothing (qa24); nor does a group none of
  // whose entities passes the filter ("People 0 of 1,599" stayed open on nothing; ux33).
  const empty = count === 0;
  const item = new vscode.TreeItem(ENTITY_TYPE_NAMES[type].group, (matching ?? count) === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `type:${type}`;
  const named = `${countOf(count, ENTITY_TYPE_NAMES[type].one, ENTITY_TYPE_NAMES[type].many)} named in the corpus`;
  item.description = empty ? 'none found' : matching === undefined ? groupDigits(count) : partOf(matching, count);
  item.tooltip = empty ? `No ${ENTITY_TYPE_NAMES[type].many} named in the corpus` : matching === undefined ? named : `${groupDigits(matching)} of the ${named} ${matching === 1 ? 'matches' : 'match'} the filter`;
  item.iconPath = new vscode.ThemeIcon(ENTITY_TYPE_NAMES[type].icon);
  item.contextValue = 'entityType';
  return item;
}

/** An entity's row; its tooltip is left to `entityTooltip` when it is shown (`resolveTreeItem` sets only what is unset). */
export function entityItem(entity: EntitySummary): vscode.TreeItem {
  const item = new vscode.TreeItem(toTreeText(entity.name), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `entity:${entity.key}`;
  item.description = `${countOf(entity.articleCount, 'article')} · ${countOf(entity.mentionCount, 'mention')}`;
  item.iconPath = new vscode.ThemeIcon(ENTITY_TYPE_NAMES[entity.type].icon);
  item.contextValue = 'entity';
  return item;
}

/** An entity row's tooltip: name and type, counts, other spellings, first and last dates, then `more` lines. */
export function entityTooltip(entity: EntitySummary, more: readonly string[]): string {
  const lines = [`${isolateBidi(entity.name)} (${ENTITY_TYPE_NAMES[entity.type].one})`, `${countOf(entity.articleCount, 'article')}, ${countOf(entity.mentionCount, 'mention')}`];
  if (entity.aliases.length > 0) lines.push(`Also written: ${entity.aliases.map(isolateBidi).join(', ')}`);
  if (entity.firstDate !== undefined && entity.lastDate !== undefined) {
    lines.push(entity.firstDate === entity.lastDate ? `Seen on ${entity.firstDate}` : `First seen ${entity.firstDate}, last seen ${entity.lastDate}`);
  }
  return [...lines, ...more].join('\n');
}

/** Names alone a tooltip lists of the entries likely the same as an entity, at most. */
const DUPLICATES_LISTED = 3;

/**
 * The lines an entity's tooltip adds of the entries likely the same as it: the full name a name alone likely is
 * ("Likely the same as Donald Trump (person): 9 vs 51 articles…"), or the names alone a full name would take in,
 * and how to join them. Empty when there is none.
 */
export function duplicateLines(sameAs: LikelyDuplicate | undefined, alone: readonly LikelyDuplicate[]): string[] {
  const lines: string[] = [];
  const likeliness = (pair: LikelyDuplicate) => (pair.likely ? 'likely' : 'possibly');
  if (sameAs) lines.push(`${sameAs.likely ? 'Likely' : 'Possibly'} the same as ${isolateBidi(sameAs.into.name)} (${ENTITY_TYPE_NAMES[sameAs.into.type].one}): ${likelyDuplicateReason(sameAs)}`);
  for (const pair of alone.slice(0, DUPLICATES_LISTED)) {
    lines.push(`Also listed apart: ${isolateBidi(pair.entity.name)} (${countOf(pair.entity.articleCount, 'article')}), ${likeliness(pair)} the same`);
  }
  if (alone.length > DUPLICATES_LISTED) lines.push(`…and ${alone.length - DUPLICATES_LISTED} more`);
  if (lines.length > 0) lines.push('Merge Likely Duplicates… or Merge Entities… joins them.');
  return lines;
}

export function moreItem(more: { readonly type: EntityType; readonly shown: number; readonly total: number }, pageSize: number): vscode.TreeItem {
  const next = Math.min(pageSize, more.total - more.shown);
  const item = new vscode.TreeItem(`Show ${groupDigits(next)} more…`, vscode.TreeItemCollapsibleState.None);
  item.id = `more:${more.type}:${more.shown}`;
  item.description = `${partOf(more.shown, more.total)} shown`;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = { command: 'newsCorpus.entities.showMore', title: 'Show More', arguments: [more] };
  item.contextValue = 'more';
  return item;
}

export function periodItem(key: string, group: PeriodGroup): vscode.TreeItem {
  const name = periodName(group.period);
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `period:${key}:${group.period}`;
  item.description = groupDigits(group.count);
  // A string tooltip is also what a screen reader says of the row: the count alone would not say of what.
  item.tooltip = `${name} · ${countOf(group.count, 'article')}`;
  item.iconPath = new vscode.ThemeIcon(group.period === UNDATED_PERIOD ? 'question' : 'calendar');
  item.contextValue = 'period';
  return item;
}

/** An article's row; its tooltip is left to `articleTooltip` when it is shown (it may read the article). */
export function articleItem(key: string, article: EntityArticleRef): vscode.TreeItem {
  const uri = vscode.Uri.parse(article.id);
  const item = new vscode.TreeItem(toTreeText(article.title) || article.path, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `article:${key}:${article.id}`;
  item.description = `${article.date ?? 'undated'} · ${countOf(article.mentions, 'mention')}`;
  item.iconPath = ARTICLE_ROW_ICON;
  item.resourceUri = uri;
  item.contextValue = 'article';
  item.command = { command: 'newsCorpus.openArticle', title: 'Open Article', arguments: [{ id: article.id }, KEEP_FOCUS] };
  return item;
}

export function mentionItem(mention: { readonly key: string; readonly id: string; readonly preview: MentionPreview }): vscode.TreeItem {
  const { preview } = mention;
  const item = new vscode.TreeItem({ label: preview.text, highlights: [[preview.highlight[0], preview.highlight[1]]] }, vscode.TreeItemCollapsibleState.None);
  item.id = `mention:${mention.key}:${mention.id}:${preview.line}:${preview.character}`;
  item.description = `line ${preview.line + 1}`;
  item.tooltip = `Line ${preview.line + 1}, column ${preview.character + 1}`;
  // A screen reader says a string tooltip in place of the row: the quoted line must be in what it says.
  item.accessibilityInformation = { label: `${preview.text}, line ${preview.line + 1}, column ${preview.character + 1}` };
  item.contextValue = 'mention';
  item.command = { command: 'newsCorpus.openArticle', title: 'Open at Mention', arguments: [{ id: mention.id, selection: { line: preview.line, character: preview.character, length: preview.length } }, KEEP_FOCUS] };
  return item;
}
