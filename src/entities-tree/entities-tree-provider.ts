import * as vscode from 'vscode';
import { articleTooltip } from '../core/article-tooltip';
import { ArticleAnalyzer } from '../core/curation/article-corrections';
import { LikelyDuplicateHints } from '../core/curation/likely-duplicate-hints';
import { EntityType } from '../core/entities/types';
import { EntityArticleRef, EntityDirectory } from '../core/entity-directory';
import { EntityGroupPages } from '../core/entity-group-pages';
import { MentionPreview, mentionPreviewsOf } from '../core/mention-preview';
import { PeriodGroup, periodChildren } from '../core/period-groups';
import { EntitySort, EntitySummary } from '../core/search/entity-listing';
import { ENTITY_TYPES } from '../core/search/entity-table';
import { articleItem, duplicateLines, entityItem, entityTooltip, mentionItem, moreItem, periodItem, typeItem } from './entity-tree-items';

/**
 * Entities listed per group at first, and added by each "Show more" (the long tail of entities named
 * once would otherwise flood the view).
 */
export const ENTITY_PAGE_SIZE = 200;

/** An element of the Entities view: plain data, turned into UI by `getTreeItem`. */
export type EntityTreeElement =
  | { readonly kind: 'type'; readonly type: EntityType }
  | { readonly kind: 'entity'; readonly entity: EntitySummary }
  | { readonly kind: 'more'; readonly type: EntityType; readonly shown: number; readonly total: number }
  | { readonly kind: 'period'; readonly key: string; readonly group: PeriodGroup }
  | { readonly kind: 'article'; readonly key: string; readonly id: string; readonly article: EntityArticleRef }
  | { readonly kind: 'mention'; readonly key: string; readonly id: string; readonly preview: MentionPreview; readonly selection: { readonly line: number; readonly character: number; readonly length: number } };

/** How the view lists entities, as the user chose it. */
export interface EntityViewOptions {
  readonly sort: EntitySort;
  /** Only entities whose name or an alias contains it (any case); empty for all. */
  readonly filter: string;
}

/** Types listed even when empty, so that the view's shape does not jump; MISC ("Other") only when it has entities. */
const ALWAYS_LISTED: ReadonlySet<EntityType> = new Set(['PER', 'LOC', 'ORG']);

/**
 * The Entities view: People / Places / Organizations (/ Other) → entities → their articles, newest first,
 * in years, months and days when there are many → each mention as a line preview with the name highlighted.
 */
export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntityTreeElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityTreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** One element per type, kept so that a group can be refreshed on its own. */
  private readonly groups = new Map<EntityType, EntityTreeElement>(ENTITY_TYPES.map((type) => [type, { kind: 'type', type }]));
  private readonly shown = new Map<EntityType, number>();
  /** The articles of the entities expanded since the last change, so that periods do not ask for them again. */
  private readonly articlesByKey = new Map<string, readonly EntityArticleRef[]>();
  private counts: ReadonlyMap<EntityType, number> | undefined;
  /** Each group's first page and how many entities pass the filter, listed once for the group row and its rows, until the next change. */
  private readonly pages: EntityGroupPages;
  /** Article rows listed without their mentions while the article's long text was analysed on another thread. */
  private readonly waitingMentions = new Set<EntityTreeElement>();

  constructor(
    private readonly directory: EntityDirectory,
    private readonly analyze: ArticleAnalyzer,
    private readonly options: () => EntityViewOptions,
    /**
     * Hears whether the view's top level, just worked out, lists nothing. The welcome content that says the corpus has
     * no entity waits for it: shown from the corpus's state alone, it showed while the new entities were still on their
     * way to the workbench (seconds, with the extension host busy after a build).
     */
    private readonly onRootListed: (empty: boolean) => void = () => undefined,
    /** The entries likely the same as an entity, which its tooltip names (looked up when the tooltip is shown). */
    private readonly duplicates: Pick<LikelyDuplicateHints, 'of' | 'duplicatesOf'> = { of: () => undefined, duplicatesOf: () => [] },
  ) {
    this.pages = new EntityGroupPages((request) => directory.list(request));
  }

  /** Re-reads the entities: all groups, or only those of `types` (after one file changed). */
  refresh(types?: ReadonlySet<EntityType>): void {
    const wasListed = this.counts === undefined ? undefined : this.listedTypes();
    this.counts = undefined;
    this.pages.clear();
    this.articlesByKey.clear();
    if (types === undefined || wasListed === undefined || this.listedTypes().join() !== wasListed.join()) {
      // Not known to be empty until the workbench asks again: "none found" said while a scan listed nothing must
      // not stay once the scan is over and the entities are on their way. (A group that appears or disappears
      // changes the root's children too.)
      this.onRootListed(false);
      this.changed.fire(undefined);
      return;
    }
    for (const type of types) {
      const group = this.groups.get(type);
      if (group) this.changed.fire(group);
    }
  }

  /**
   * Has the workbench ask again for the rows it shows, from the lists already read: an entity's tooltip is made once
   * per row, and one made before the likely duplicates were worked out lacks them.
   */
  remakeRows(): void {
    for (const group of this.groups.values()) this.changed.fire(group);
  }

  /** The groups some of whose entities pass the filter, which the view opens when a filter is set; none without one. */
  groupsWithMatches(): EntityTreeElement[] {
    return this.listedTypes().flatMap((type) => {
      const group = this.groups.get(type);
      return group && (this.pages.matching(type, this.options(), this.shownOf(type)) ?? 0) > 0 ? [group] : [];
    });
  }

  /** Starts every group again at its first page (after the sort or the filter changed). */
  resetPages(): void {
    this.shown.clear();
    this.refresh();
  }

  /** Lists {@link ENTITY_PAGE_SIZE} more entities of a group; returns the first of them, where the keyboard goes on. */
  showMore(type: EntityType): EntityTreeElement | undefined {
    const before = this.shownOf(type);
    this.shown.set(type, before + ENTITY_PAGE_SIZE);
    const group = this.groups.get(type);
    if (group) this.changed.fire(group);
    return this.entitiesOf(type)[before];
  }

  /** A long text's entities arrived (the entity engine's `onDidAnalyze`): the article rows that waited list their mentions. */
  analysisArrived(): void {
    const waiting = [...this.waitingMentions];
    this.waitingMentions.clear();
    for (const element of waiting) this.changed.fire(element);
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** Whether the view lists no group (the corpus has no entity): its welcome content shows then. */
  get isEmpty(): boolean {
    return this.listedTypes().length === 0;
  }

  getChildren(element?: EntityTreeElement): EntityTreeElement[] {
    if (!element) {
      const types = this.listedTypes();
      this.onRootListed(types.length === 0);
      return types.flatMap((type) => this.groups.get(type) ?? []);
    }
    switch (element.kind) {
      case 'type':
        return this.entitiesOf(element.type);
      case 'entity':
        return this.periodElements(element.entity.key, undefined);
      case 'period':
        return this.periodElements(element.key, element.group.period);
      case 'article':
        return this.mentionsOf(element);
      case 'more':
      case 'mention':
        return [];
    }
  }

  getParent(element: EntityTreeElement): EntityTreeElement | undefined {
    switch (element.kind) {
      case 'type':
        return undefined;
      case 'entity':
        return this.groups.get(element.entity.type);
      case 'more':
        return this.groups.get(element.type);
      default:
        // Articles and mentions are reached from their entity, never revealed on their own.
        return undefined;
    }
  }

  getTreeItem(element: EntityTreeElement): vscode.TreeItem {
    switch (element.kind) {
      case 'type':
        return typeItem(element.type, this.typeCounts().get(element.type) ?? 0, this.pages.matching(element.type, this.options(), this.shownOf(element.type)));
      case 'entity':
        return entityItem(element.entity);
      case 'more':
        return moreItem(element, ENTITY_PAGE_SIZE);
      case 'period':
        return periodItem(element.key, element.group);
      case 'article':
        return articleItem(element.key, element.article);
      case 'mention':
        return mentionItem(element);
    }
  }

  /**
   * An entity's tooltip, with the entries likely the same as it, and an article's, which may read the article: made
   * only when the tooltip is shown.
   */
  resolveTreeItem(item: vscode.TreeItem, element: EntityTreeElement): vscode.TreeItem {
    if (item.tooltip !== undefined) return item;
    switch (element.kind) {
      case 'article':
        item.tooltip = articleTooltip(element.article, () => this.directory.articleText(element.article.id));
        break;
      case 'entity': {
        const { key } = element.entity;
        item.tooltip = entityTooltip(element.entity, duplicateLines(this.duplicates.of(key), this.duplicates.duplicatesOf(key)));
        break;
      }
      default:
        break;
    }
    return item;
  }

  private typeCounts(): ReadonlyMap<EntityType, number> {
    this.counts ??= this.directory.typeCounts();
    return this.counts;
  }

  /** The groups the view lists; none when the corpus has no entity at all, so that the welcome message shows. */
  private listedTypes(): EntityType[] {
    const counts = this.typeCounts();
    if (ENTITY_TYPES.every((type) => (counts.get(type) ?? 0) === 0)) return [];
    return ENTITY_TYPES.filter((type) => ALWAYS_LISTED.has(type) || (counts.get(type) ?? 0) > 0);
  }

  private shownOf(type: EntityType): number {
    return this.shown.get(type) ?? ENTITY_PAGE_SIZE;
  }

  private entitiesOf(type: EntityType): EntityTreeElement[] {
    const shown = this.shownOf(type);
    const page = this.pages.page(type, this.options(), shown);
    const elements: EntityTreeElement[] = page.entities.map((entity) => ({ kind: 'entity', entity }));
    if (page.total > shown) elements.push({ kind: 'more', type, shown, total: page.total });
    return elements;
  }

  private periodElements(key: string, period: string | undefined): EntityTreeElement[] {
    let articles = this.articlesByKey.get(key);
    if (articles === undefined) {
      articles = this.directory.articles(key);
      this.articlesByKey.set(key, articles);
    }
    const children = periodChildren(articles, period);
    if ('groups' in children) return children.groups.map((group) => ({ kind: 'period', key, group }));
    return children.articles.map((article) => ({ kind: 'article', key, id: article.id, article }));
  }

  private mentionsOf(element: Extract<EntityTreeElement, { kind: 'article' }>): EntityTreeElement[] {
    const text = this.directory.articleText(element.id);
    const entities = text === undefined ? [] : this.analyze(text, element.id);
    if (entities === undefined) {
      this.waitingMentions.add(element);
      return [];
    }
    return mentionPreviewsOf(text, element.key, () => entities).map((preview) => ({
      kind: 'mention',
      key: element.key,
      id: element.id,
      preview,
      selection: { line: preview.line, character: preview.character, length: preview.length },
    }));
  }
}
