import * as vscode from 'vscode';
import { countOf, groupDigits, isolateBidi, toTreeText } from '../core/display-text';
import { ArticleEntity, EntityType } from '../core/entities/types';
import { ENTITY_TYPE_NAMES } from '../core/entity-directory';
import { ENTITY_TYPES } from '../core/search/entity-table';

/** An element of the In This Article view: plain data, turned into UI by `getTreeItem`. */
export type ArticleEntityElement =
  | { readonly kind: 'type'; readonly type: EntityType; readonly count: number }
  | { readonly kind: 'entity'; readonly entity: ArticleEntity };

/**
 * What the view knows of the active article's entities: still to be found (after another editor or an edit, or while
 * a long article is analysed on another thread), none, or some listed. The welcome content that says an article
 * names nobody waits for `none`.
 */
export type ArticleEntitiesState = 'finding' | 'none' | 'listed';

/**
 * The article an editor shows: its id (its URI), and its text, read only when its entities are asked for.
 *
 * @example
 * const article: ShownArticle = { id: document.uri.toString(), text: () => document.getText() };
 */
export interface ShownArticle {
  readonly id: string;
  readonly text: () => string;
}

/**
 * The entities of the article in the active editor, grouped by type, most mentioned first, from its
 * current text (an edit shows at once, saved or not). A long article lists nothing, and says it is finding its
 * entities, until they arrive from the entity engine's thread ({@link analysisArrived}); once edited, it keeps the
 * rows of its text before the edit until those of its new text arrive, where blanking them (and saying "finding")
 * at every pause in typing would make the view flicker.
 */
export class ArticleEntitiesProvider implements vscode.TreeDataProvider<ArticleEntityElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ArticleEntityElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private entities: readonly ArticleEntity[] | undefined;
  /** The last entities known of an article, shown while its edited text is analysed. */
  private known: { readonly id: string; readonly entities: readonly ArticleEntity[] } | undefined;
  /** Whether the rows listed last are the article's entities: rows stay until the next answer replaces them. */
  private listed = false;

  constructor(
    private readonly activeArticle: () => ShownArticle | undefined,
    /** The article's entities, or undefined while they are being found on another thread. */
    private readonly analyze: (text: string, id: string) => readonly ArticleEntity[] | undefined,
    /** The corpus-wide name of an entity key ("Kim Jong-un" where this article writes "Kim Jong-Un"), if indexed. */
    private readonly corpusName: (key: string) => string | undefined,
    private readonly onState: (state: ArticleEntitiesState) => void = () => undefined,
  ) {}

  /** Reads the active article again (another editor, or an edit). */
  refresh(): void {
    this.entities = undefined;
    // Rows listed stay until the next article's replace them, and hide the welcome content meanwhile: they need not
    // be told "finding" first, which would be one more message to the workbench at every edit; nor need the same
    // article, whose last entities stand until its new ones are known.
    if (!this.listed && (this.known === undefined || this.activeArticle()?.id !== this.known.id)) this.onState('finding');
    this.changed.fire(undefined);
  }

  /** A long text's entities arrived (the entity engine's `onDidAnalyze`): the view reads them if it was waiting. */
  analysisArrived(): void {
    if (this.entities === undefined) this.refresh();
  }

  dispose(): void {
    this.changed.dispose();
  }

  getChildren(element?: ArticleEntityElement): ArticleEntityElement[] {
    const found = this.current();
    const entities = found ?? [];
    if (!element) {
      this.listed = entities.length > 0;
      this.onState(found === undefined ? 'finding' : this.listed ? 'listed' : 'none');
      return ENTITY_TYPES.flatMap((type): ArticleEntityElement[] => {
        const count = entities.filter((entity) => entity.type === type).length;
        return count > 0 ? [{ kind: 'type', type, count }] : [];
      });
    }
    if (element.kind === 'entity') return [];
    return entities
      .filter((entity) => entity.type === element.type)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
      .map((entity) => ({ kind: 'entity', entity }));
  }

  getTreeItem(element: ArticleEntityElement): vscode.TreeItem {
    if (element.kind === 'type') {
      const item = new vscode.TreeItem(ENTITY_TYPE_NAMES[element.type].group, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `type:${element.type}`;
      item.description = groupDigits(element.count);
      item.iconPath = new vscode.ThemeIcon(ENTITY_TYPE_NAMES[element.type].icon);
      item.contextValue = 'entityType';
      return item;
    }
    const { entity } = element;
    const name = this.corpusName(entity.key) ?? entity.name;
    const item = new vscode.TreeItem(toTreeText(name), vscode.TreeItemCollapsibleState.None);
    item.id = `entity:${entity.key}`;
    item.description = countOf(entity.mentions.length, 'mention');
    item.iconPath = new vscode.ThemeIcon(ENTITY_TYPE_NAMES[entity.type].icon);
    const forms = [entity.name, ...entity.aliases].filter((form) => form !== name);
    const aliases = forms.length > 0 ? `\nHere also written: ${forms.map(isolateBidi).join(', ')}` : '';
    item.tooltip = `${isolateBidi(name)} (${ENTITY_TYPE_NAMES[entity.type].one}), ${countOf(entity.mentions.length, 'mention')} in this article${aliases}\nClick to select the next mention.`;
    item.contextValue = 'entity';
    item.command = { command: 'newsCorpus.selectNextMention', title: 'Select Next Mention', arguments: [element] };
    return item;
  }

  /**
   * The active article's entities; while those of its text are being found on another thread, the last known of the
   * same article, else undefined.
   */
  private current(): readonly ArticleEntity[] | undefined {
    if (this.entities !== undefined) return this.entities;
    const article = this.activeArticle();
    if (article === undefined) return (this.entities = []);
    this.entities = this.analyze(article.text(), article.id);
    if (this.entities !== undefined) this.known = { id: article.id, entities: this.entities };
    return this.entities ?? (this.known?.id === article.id ? this.known.entities : undefined);
  }
}
