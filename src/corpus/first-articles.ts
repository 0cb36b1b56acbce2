import { readFile } from 'node:fs/promises';
import { readArticleFile } from '../core/article-file';
import { ArticleSummary } from '../core/search/corpus-index';
import { FileJob } from '../workers/protocol';

/**
 * Articles a first build reads on the extension host itself, from the first files its listing finds, so that the
 * views show articles at once: the indexing threads list theirs only after the whole folder is listed, the
 * entity model is loaded and a first batch has been through the recogniser (9 s at 20,000 articles under load).
 */
export const FIRST_ARTICLES = 50;

async function summaryOf(file: FileJob, maxFileBytes: number): Promise<ArticleSummary | undefined> {
  if (file.size === undefined || file.size > maxFileBytes) return undefined;
  try {
    const read = readArticleFile(await readFile(file.path), maxFileBytes);
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
 * articles, read here and now; their entities and search follow with the build. Never writes to a file.
 */
export async function readFirstArticles(files: readonly FileJob[], maxFileBytes: number): Promise<ArticleSummary[]> {
  const summaries = await Promise.all(files.slice(0, FIRST_ARTICLES).map((file) => summaryOf(file, maxFileBytes)));
  return summaries.filter((summary): summary is ArticleSummary => summary !== undefined);
}
