import { readFileSync } from 'node:fs';
import { readArticleFile } from '../core/article-file';
import { ArticleSummary } from '../core/search/corpus-index';
import { FileJob } from './protocol';

/**
 * Articles a first build reads as soon as its listing finds them, so that the views show articles at once: the
 * indexing threads list theirs only after the whole folder is listed, the entity model is loaded and a first batch
 * has been through the recogniser (9 s at 20,000 articles under load).
 */
export const FIRST_ARTICLES = 50;

function summaryOf(file: FileJob, maxFileBytes: number): ArticleSummary | undefined {
  if (file.size === undefined || file.size > maxFileBytes) return undefined;
  try {
    const read = readArticleFile(readFileSync(file.path), maxFileBytes);
    if (read.kind !== 'article') return undefined;
    const summary = { path: file.path, title: read.article.title };
    return read.article.date === undefined ? summary : { ...summary, date: read.article.date };
  } catch {
    // Gone or unreadable since it was listed: the build says why.
    return undefined;
  }
}

/**
 * The title and date of those of the first {@link FIRST_ARTICLES} `files` (on this disk, stat'ed) that are
 * articles, read at once on the calling thread, the listing's: read on the extension host, each file's four steps
 * (open, stat, read, close) waited for turns behind the other extensions' start. Their entities and search follow
 * with the build. Never writes to a file.
 *
 * @example
 * readFirstArticles([{ path: '/news/a.txt', size: 812 }], 2_097_152); // [{ path: '/news/a.txt', title: 'Kim arrives', date: '2023-09-13' }]
 */
export function readFirstArticles(files: readonly FileJob[], maxFileBytes: number): ArticleSummary[] {
  return files.slice(0, FIRST_ARTICLES).flatMap((file) => summaryOf(file, maxFileBytes) ?? []);
}
