import { Signal, Unsubscribe } from './events';
import { SkipReason } from './article-file';

/**
 * What the corpus keeps of one article: enough for trees and lists without holding the text.
 *
 * @example
 * const article: CorpusArticle = { id: 'file:///news/kim.txt', path: 'news/kim.txt', date: '2023-09-13', title: 'Kim arrives' };
 */
export interface CorpusArticle {
  /** A stable identity, e.g. the file's URI. */
  readonly id: string;
  /** The path shown to the user, relative to its workspace folder. */
  readonly path: string;
  readonly date?: string;
  readonly title: string;
}

/**
 * The first and last date of a run of days (`YYYY-MM-DD`, both ends inclusive), e.g. of the corpus's dated articles.
 *
 * @example
 * const september: DatedSpan = { first: '2023-09-01', last: '2023-09-30' };
 */
export interface DatedSpan {
  readonly first: string;
  readonly last: string;
}

/**
 * A candidate file that is not in the corpus, and why: kept so the user can learn why a file that
 * matched the include setting is not listed.
 *
 * @example
 * const file: SkippedFile = { id: 'file:///news/logo.png', path: 'news/logo.png', reason: 'binary', message: describeSkip('binary') };
 */
export interface SkippedFile {
  readonly id: string;
  readonly path: string;
  readonly reason: SkipReason;
  readonly message: string;
}

/**
 * What a change did to the corpus's articles, for listeners that can follow it without starting over: the
 * new articles when it only added articles that were not listed before (a build listing what it has read),
 * otherwise `undefined` (anything may have changed).
 *
 * @example
 * corpus.subscribe((change) => (change ? grouping.add(change.added) : regroup()));
 */
export type ArticlesChange = { readonly added: readonly CorpusArticle[] } | undefined;

/**
 * The articles of a workspace and the files that were passed over, kept up to date as files change.
 * Listeners hear about every batch of changes once, with what it did to the articles when it only added some.
 *
 * @example
 * const corpus = new Corpus();
 * corpus.subscribe(() => console.log(corpus.size));
 * corpus.update({ articles: [{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }] }); // logs 1
 */
export class Corpus {
  private readonly articleById = new Map<string, CorpusArticle>();
  private readonly skippedById = new Map<string, SkippedFile>();
  private readonly changed = new Signal<ArticlesChange>();
  /** The dated span as last worked out; null once the articles changed since. */
  private span: DatedSpan | undefined | null = null;

  get size(): number {
    return this.articleById.size;
  }

  articles(): IterableIterator<CorpusArticle> {
    return this.articleById.values();
  }

  article(id: string): CorpusArticle | undefined {
    return this.articleById.get(id);
  }

  /**
   * The first and last date of the articles, or undefined when none is dated. Worked out once until the articles
   * change: the search box asks at each key pressed, and reading 100,000 articles' dates takes milliseconds.
   */
  datedSpan(): DatedSpan | undefined {
    if (this.span !== null) return this.span;
    let first: string | undefined;
    let last: string | undefined;
    for (const { date } of this.articleById.values()) {
      if (date === undefined) continue;
      if (first === undefined || date < first) first = date;
      if (last === undefined || date > last) last = date;
    }
    this.span = first === undefined || last === undefined ? undefined : { first, last };
    return this.span;
  }

  skipped(): IterableIterator<SkippedFile> {
    return this.skippedById.values();
  }

  get skippedCount(): number {
    return this.skippedById.size;
  }

  subscribe(listener: (change: ArticlesChange) => void): Unsubscribe {
    return this.changed.subscribe(listener);
  }

  /** Adds or replaces articles and skipped files, and forgets removed ids, then notifies once. */
  update(change: { articles?: readonly CorpusArticle[]; skipped?: readonly SkippedFile[]; removed?: readonly string[] }): void {
    this.changed.fire(this.apply(change));
  }

  /** Replaces everything, as after a full rescan. */
  reset(articles: readonly CorpusArticle[], skipped: readonly SkippedFile[]): void {
    this.articleById.clear();
    this.skippedById.clear();
    this.apply({ articles, skipped });
    this.changed.fire(undefined);
  }

  /** Makes `change`; returns the articles it added when adding new articles is all it did to them. */
  private apply(change: { articles?: readonly CorpusArticle[]; skipped?: readonly SkippedFile[]; removed?: readonly string[] }): ArticlesChange {
    this.span = null;
    let addedOnly = true;
    for (const id of change.removed ?? []) {
      addedOnly &&= !this.articleById.has(id);
      this.articleById.delete(id);
      this.skippedById.delete(id);
    }
    const articles = change.articles ?? [];
    for (const article of articles) {
      addedOnly &&= !this.articleById.has(article.id);
      this.skippedById.delete(article.id);
      this.articleById.set(article.id, article);
    }
    for (const file of change.skipped ?? []) {
      addedOnly &&= !this.articleById.has(file.id);
      this.articleById.delete(file.id);
      this.skippedById.set(file.id, file);
    }
    return addedOnly ? { added: articles } : undefined;
  }
}
