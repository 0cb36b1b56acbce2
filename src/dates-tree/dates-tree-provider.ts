import * as vscode from 'vscode';
import { CorpusArticle } from '../core/corpus';
import { countOf } from '../core/display-text';
import { DateGroups, DayGroup, groupByDate, MonthGroup, YearGroup } from '../core/date-groups';
import { MONTH_NAMES } from '../core/iso-date';
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
  articles(): Iterable<CorpusArticle>;
  article(id: string): CorpusArticle | undefined;
}


/** Lookup tables over one grouping, rebuilt when the corpus changes. */
class DateIndex {
  readonly years = new Map<string, YearGroup>();
  readonly months = new Map<string, MonthGroup>();
  readonly days = new Map<string, DayGroup>();

  constructor(readonly groups: DateGroups) {
    for (const year of groups.years) {
      this.years.set(year.year, year);
      for (const month of year.months) {
        this.months.set(`${month.year}-${month.month}`, month);
        for (const day of month.days) this.days.set(day.date, day);
      }
    }
  }
}

/** The Dates view: year → month → day → articles, newest first by default, undated articles last. */
export class DatesTreeProvider implements vscode.TreeDataProvider<DateTreeElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DateTreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private index: DateIndex | undefined;

  constructor(
    private readonly source: ArticleSource,
    private readonly settings: () => DatesViewSettings,
  ) {}

  /** Regroups the articles: after they changed, or the settings did. */
  refresh(): void {
    this.index = undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private dateIndex(): DateIndex {
    this.index ??= new DateIndex(groupByDate(this.source.articles(), this.settings().order));
    return this.index;
  }

  getChildren(element?: DateTreeElement): DateTreeElement[] {
    const index = this.dateIndex();
    if (!element) {
      const years: DateTreeElement[] = index.groups.years.map((year) => ({ kind: 'year', year: year.year }));
      return index.groups.undated.length > 0 ? [...years, { kind: 'undated' }] : years;
    }
    switch (element.kind) {
      case 'year':
        return (index.years.get(element.year)?.months ?? []).map((month) => ({ kind: 'month', year: month.year, month: month.month }));
      case 'month':
        return (index.months.get(`${element.year}-${element.month}`)?.days ?? []).map((day) => ({ kind: 'day', date: day.date }));
      case 'day':
        return (index.days.get(element.date)?.articles ?? []).map((article) => ({ kind: 'article', id: article.id }));
      case 'undated':
        return index.groups.undated.map((article) => ({ kind: 'article', id: article.id }));
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
    const index = this.dateIndex();
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (element.kind) {
      case 'year': {
        const count = index.years.get(element.year)?.count ?? 0;
        return folderItem(element.year, `year:${element.year}`, count, collapsed, 'calendar');
      }
      case 'month': {
        const count = index.months.get(`${element.year}-${element.month}`)?.count ?? 0;
        const name = MONTH_NAMES[Number(element.month) - 1] ?? element.month;
        return folderItem(name, `month:${element.year}-${element.month}`, count, collapsed, 'calendar');
      }
      case 'day': {
        const count = index.days.get(element.date)?.articles.length ?? 0;
        const item = folderItem(String(Number(element.date.slice(8, 10))), `day:${element.date}`, count, collapsed, 'calendar');
        item.tooltip = `${element.date} · ${countOf(count, 'article')}`;
        return item;
      }
      case 'undated':
        return folderItem(this.settings().undatedLabel, 'undated', index.groups.undated.length, collapsed, 'question');
      case 'article':
        return articleItem(this.source.article(element.id), element.id);
    }
  }
}

function folderItem(label: string, id: string, count: number, state: vscode.TreeItemCollapsibleState, icon: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, state);
  item.id = id;
  item.description = count.toLocaleString('en-US');
  item.tooltip = countOf(count, 'article');
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = id.replace(/:.*/, '');
  return item;
}

function articleItem(article: CorpusArticle | undefined, id: string): vscode.TreeItem {
  const uri = vscode.Uri.parse(id);
  const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const item = new vscode.TreeItem(article?.title || fileName, vscode.TreeItemCollapsibleState.None);
  const date = article?.date ?? 'undated';
  item.id = `article:${id}`;
  item.resourceUri = uri;
  item.iconPath = vscode.ThemeIcon.File;
  item.description = fileName;
  // A plain-string tooltip is never rendered as Markdown, so text from the article cannot inject links.
  item.tooltip = [article?.title ?? fileName, `${date} · ${article?.path ?? fileName}`].join('\n');
  item.contextValue = 'article';
  item.command = { command: 'newsCorpus.openArticle', title: 'Open Article', arguments: [uri] };
  return item;
}
