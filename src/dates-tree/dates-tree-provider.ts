import * as vscode from 'vscode';
import { ARTICLE_ROW_ICON } from '../article-row-icon';
import { KEEP_FOCUS } from '../core/article-target';
import { articleTooltip } from '../core/article-tooltip';
import { CorpusArticle } from '../core/corpus';
import { countOf, groupDigits, isolateBidi } from '../core/display-text';
import { DateGrouping } from '../core/date-groups';
import { DateOutline } from '../core/date-outline';
import { dayLabel, dayName, MONTH_NAMES } from '../core/iso-date';
import { periodName } from '../core/period-groups';
import { DatesViewSettings } from '../corpus/settings';

/** An element of the Dates view: plain data, turned into UI by `getTreeItem`. */
export type DateTreeElement =
  | { readonly kind: 'year'; readonly year: string }
  | { readonly kind: 'month'; readonly year: string; readonly month: string }
  | { readonly kind: 'day'; readonly date: string }
  | { readonly kind: 'undated' }
  | { readonly kind: 'article'; readonly id: string };

/** What the provider reads: the articles. Whoever owns it calls {@link DatesTreeProvider.refresh} when they change. */
export interface ArticleSource {
  readonly size: number;
  articles(): Iterable<CorpusArticle>;
  article(id: string): CorpusArticle | undefined;
}


/**
 * The Dates view: year → month → day → articles, newest first by default, undated articles last. Before any article
 * is listed, `savedDates` (how many articles of a saved index fall on each date, when known) gives the years and
 * months with their counts (see {@link waitsForArticles}); the rows keep their ids when the articles come.
 */
export class DatesTreeProvider implements vscode.TreeDataProvider<DateTreeElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DateTreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private grouping: DateGrouping | undefined;
  private outline: { readonly dates: ReadonlyMap<string | undefined, number>; readonly outline: DateOutline } | undefined;

  constructor(
    private readonly source: ArticleSource,
    private readonly settings: () => DatesViewSettings,
    private readonly savedDates: () => ReadonlyMap<string | undefined, number> | undefined = () => undefined,
    /** An article's text, for its row's tooltip (its whole title, why it is undated). */
    private readonly articleText: (id: string) => string | undefined = () => undefined,
  ) {}

  /**
   * Whether a request for the rows of `element` (the top rows: none) should wait for the articles: a saved index's
   * listing is `due`, no article is listed yet, and the saved dates cannot answer it (a day's articles, or no dates yet).
   */
  waitsForArticles(element: DateTreeElement | undefined, due: boolean): boolean {
    return due && this.source.size === 0 && !this.answersBeforeArticles(element);
  }

  /** Whether the rows of `element` (the top rows: none) come from the saved dates now, with no article listed yet. */
  private answersBeforeArticles(element?: DateTreeElement): boolean {
    return this.outlineNow() !== undefined && (element === undefined || element.kind === 'year');
  }

  /**
   * Shows the articles as they are now: `added` when they changed only by these new articles (a build listing
   * what it has read), which join the grouping; otherwise (any other change, or the settings) they are regrouped.
   * No new articles change nothing: the workbench is not made to ask for the rows again (on a reopen, that second
   * round trip came while the first was still being drawn).
   */
  refresh(added?: readonly CorpusArticle[]): void {
    if (added?.length === 0) return;
    if (added && this.grouping) this.grouping.add(added);
    else this.grouping = undefined;
    this.outline = undefined;
    this.changed.fire(undefined);
  }

  /**
   * Shows the rows again when the saved dates they were counted from are gone before any article was listed (a load
   * that ended without its listing: a cache damaged after its days): call it as the scan moves on.
   */
  followSavedDates(): void {
    if (this.outline !== undefined && this.outline.dates !== this.savedDates()) this.refresh();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private dates(): DateGrouping {
    this.grouping ??= new DateGrouping(this.settings().order, this.source.articles());
    return this.grouping;
  }

  /** The outline of the saved dates while no article is listed; undefined otherwise. */
  private outlineNow(): DateOutline | undefined {
    const dates = this.source.size === 0 ? this.savedDates() : undefined;
    if (dates === undefined) return undefined;
    if (this.outline?.dates !== dates) this.outline = { dates, outline: new DateOutline(this.settings().order, dates) };
    return this.outline.outline;
  }

  /**
   * The view's description: how many articles it shows, counted from the saved dates while a reopen has listed none
   * yet (the rows are); empty when there are none.
   */
  description(): string {
    const count = this.outlineNow()?.articleCount ?? this.source.size;
    return count > 0 ? countOf(count, 'article') : '';
  }

  /** What the year and month rows are counted from: the outline before the articles come, then the articles. */
  private periods(): DateOutline | DateGrouping {
    return this.outlineNow() ?? this.dates();
  }

  getChildren(element?: DateTreeElement): DateTreeElement[] {
    if (!element) {
      const periods = this.periods();
      const years = periods.years().map((year): DateTreeElement => ({ kind: 'year', year }));
      return periods.undatedCount > 0 ? [...years, { kind: 'undated' }] : years;
    }
    switch (element.kind) {
      case 'year':
        return this.periods().monthsOf(element.year).map((month) => ({ kind: 'month', year: element.year, month }));
      case 'month':
        return this.dates().daysOf(element.year, element.month).map((date) => ({ kind: 'day', date }));
      case 'day':
        return this.dates().articlesOn(element.date).map((article) => ({ kind: 'article', id: article.id }));
      case 'undated':
        return this.dates().undated().map((article) => ({ kind: 'article', id: article.id }));
      case 'article':
        return [];
    }
  }

  getParent(element: DateTreeElement): DateTreeElement | undefined {
    switch (element.kind) {
      case 'year':
      case 'undated':
        return undefined;
      case 'month':
        return { kind: 'year', year: element.year };
      case 'day':
        return { kind: 'month', year: element.date.slice(0, 4), month: element.date.slice(5, 7) };
      case 'article': {
        const date = this.source.article(element.id)?.date;
        return date === undefined ? { kind: 'undated' } : { kind: 'day', date };
      }
    }
  }

  getTreeItem(element: DateTreeElement): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (element.kind) {
      case 'year': {
        return folderItem(element.year, element.year, `year:${element.year}`, this.periods().yearCount(element.year), collapsed, 'calendar');
      }
      case 'month': {
        const period = `${element.year}-${element.month}`;
        const name = MONTH_NAMES[Number(element.month) - 1] ?? element.month;
        return folderItem(name, periodName(period), `month:${period}`, this.periods().monthCount(element.year, element.month), collapsed, 'calendar');
      }
      case 'day':
        return folderItem(dayLabel(element.date), dayName(element.date), `day:${element.date}`, this.dates().dayCount(element.date), collapsed, 'calendar');
      case 'undated': {
        const label = this.settings().undatedLabel;
        return folderItem(label, label, 'undated', this.periods().undatedCount, collapsed, 'question');
      }
      case 'article':
        return articleItem(this.source.article(element.id), element.id);
    }
  }

  /** An article's tooltip, made when it is shown: it may read the article. */
  resolveTreeItem(item: vscode.TreeItem, element: DateTreeElement): vscode.TreeItem {
    if (element.kind !== 'article' || item.tooltip !== undefined) return item;
    // An article gone since the row was made still says which file it was.
    const article = this.source.article(element.id) ?? { title: '', path: fileNameOf(vscode.Uri.parse(element.id)) };
    item.tooltip = articleTooltip(article, () => this.articleText(element.id));
    return item;
  }
}

/**
 * A year, month, day or undated row: `label` under its parent ("December"), `name` by itself ("December 2020",
 * "2020-12-28"), which the tooltip gives with the count.
 */
function folderItem(label: string, name: string, id: string, count: number, state: vscode.TreeItemCollapsibleState, icon: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, state);
  item.id = id;
  item.description = groupDigits(count);
  // A string tooltip is also what a screen reader says of the row: the count alone would not say of what.
  item.tooltip = `${name} · ${countOf(count, 'article')}`;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = id.replace(/:.*/, '');
  return item;
}

/** The file name of an article's URI. */
function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function articleItem(article: CorpusArticle | undefined, id: string): vscode.TreeItem {
  const uri = vscode.Uri.parse(id);
  const fileName = fileNameOf(uri);
  const item = new vscode.TreeItem(isolateBidi(article?.title || fileName), vscode.TreeItemCollapsibleState.None);
  item.id = `article:${id}`;
  item.resourceUri = uri;
  item.iconPath = ARTICLE_ROW_ICON;
  item.description = isolateBidi(fileName);
  item.contextValue = 'article';
  item.command = { command: 'newsCorpus.openArticle', title: 'Open Article', arguments: [uri, KEEP_FOCUS] };
  return item;
}
