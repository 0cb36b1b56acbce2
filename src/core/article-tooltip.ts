import { parseArticle, uncutTitle } from './article';
import { isolateBidi, shortenAtWord } from './display-text';

/**
 * What an article row shows of its article: the title as listed (maybe cut), the date if it has one, the path.
 *
 * @example
 * const row: ArticleRowFacts = { title: 'Kim arrives.', date: '2023-09-13', path: 'news/kim.txt' };
 */
export interface ArticleRowFacts {
  readonly title: string;
  readonly date?: string | undefined;
  readonly path: string;
}

/**
 * The tooltip of an article's row in a view, a plain string (never Markdown, so the article's text cannot become a
 * link): the whole title, where the row's may be cut; the date and the path; and for an undated article why it has no
 * date. `text` is asked for, once, only when the title was cut or the date is missing (it may read the article).
 *
 * @example
 * articleTooltip({ title: 'Kim arrives.', date: '2023-09-13', path: 'news/kim.txt' }, () => undefined);
 * // 'Kim arrives.\n2023-09-13 · news/kim.txt'
 * articleTooltip({ title: 'Kim arrives.', path: 'news/kim.txt' }, () => ' date 2023-02-30 Kim arrives.');
 * // 'Kim arrives.\nundated · news/kim.txt\nInvalid date: February 2023 has 28 days, not 30.'
 */
export function articleTooltip(row: ArticleRowFacts, text: () => string | undefined): string {
  let read: { readonly text: string | undefined } | undefined;
  const once = () => (read ??= { text: text() }).text;
  const lines = [shortenAtWord(uncutTitle(row.title, once), MAX_TOOLTIP_TITLE - 1) || row.path, `${row.date ?? 'undated'} · ${isolateBidi(row.path)}`];
  const reason = row.date === undefined ? undatedReason(once()) : undefined;
  if (reason !== undefined) lines.push(reason);
  return lines.join('\n');
}

/** The longest title a tooltip shows, its ellipsis included: a paragraph without a full stop is one run-on "sentence". */
const MAX_TOOLTIP_TITLE = 1_000;

/** Why the article of `text` has no date: its header's date is impossible, or (an article no longer) it has no header. */
function undatedReason(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const problem = parseArticle(text).diagnostics.find((diagnostic) => diagnostic.code === 'invalid-date' || diagnostic.code === 'missing-date-header');
  return problem?.message;
}
