import { QUERY_OPERATORS, exactEntityQuery } from '../search/query-parser';
import { EntityType } from '../entities/types';

/**
 * An entity with its mentions' offsets in a text, as the recogniser gives them.
 *
 * @example
 * const entity: MentionedEntity = { name: 'Kim Jong-un', type: 'PER', mentions: [{ start: 0, end: 11 }] };
 */
export interface MentionedEntity {
  readonly name: string;
  readonly type: EntityType;
  readonly mentions: readonly { readonly start: number; readonly end: number }[];
}

/** A word of the query language: letters and digits (the search tokeniser's words, before folding). */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * `text` as a query: a phrase in quotes when it has several words (quotes inside dropped: the language has no
 * escape), or when its one word is an operator (`NOT`, `OR`, `AND`), which would otherwise be read as one.
 */
function textQuery(text: string): string {
  const words = text.replaceAll('"', ' ').split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  if (words.length === 0) return '';
  const [word] = words;
  return words.length === 1 && word !== undefined && !QUERY_OPERATORS.has(word) ? word : `"${words.join(' ')}"`;
}

/**
 * The query "Search for Selection" runs for the text between `start` and `end` of `text`: the exact entity when
 * the selection is one of its mentions, or nothing is selected and the cursor is on one; otherwise the selected
 * words (a phrase when several), or the word at the cursor. Empty when there is nothing to search for.
 *
 * @example
 * const kim = { name: 'Kim Jong-un', type: 'PER', mentions: [{ start: 0, end: 11 }] } as const;
 * selectionQuery('Kim Jong-un met Putin.', 3, 3, [kim]);   // 'person:="Kim Jong-un"'
 * selectionQuery('Kim Jong-un met Putin.', 12, 21, [kim]); // '"met Putin"'
 * selectionQuery('Kim Jong-un met Putin.', 13, 13, []);    // 'met'
 */
export function selectionQuery(text: string, start: number, end: number, entities: readonly MentionedEntity[]): string {
  const entity = entities.find(({ mentions }) =>
    mentions.some((mention) => (start === end ? mention.start <= start && start < mention.end : mention.start === start && mention.end === end)),
  );
  if (entity) return exactEntityQuery(entity.type, entity.name);
  if (start !== end) return textQuery(text.slice(start, end));
  let from = start;
  let to = start;
  while (from > 0 && WORD_CHAR.test(text[from - 1] ?? '')) from--;
  while (to < text.length && WORD_CHAR.test(text[to] ?? '')) to++;
  return textQuery(text.slice(from, to));
}

/**
 * A year, month or day as the Dates view names them.
 *
 * @example
 * const period: DatePeriod = { kind: 'month', year: '2023', month: '09' };
 */
export type DatePeriod =
  | { readonly kind: 'year'; readonly year: string }
  | { readonly kind: 'month'; readonly year: string; readonly month: string }
  | { readonly kind: 'day'; readonly date: string };

/**
 * Reads a {@link DatePeriod} out of a command argument (a node of the Dates view); anything else gives undefined.
 *
 * @example
 * datePeriodOf({ kind: 'day', date: '2023-09-13' }); // { kind: 'day', date: '2023-09-13' }
 * datePeriodOf({ kind: 'article', id: 'file:///a.txt' }); // undefined
 */
export function datePeriodOf(value: unknown): DatePeriod | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, year, month, date } = value as Record<string, unknown>;
  if (kind === 'year' && typeof year === 'string' && /^\d{4}$/.test(year)) return { kind, year };
  if (kind === 'month' && typeof year === 'string' && typeof month === 'string' && /^\d{4}$/.test(year) && /^\d{2}$/.test(month)) return { kind, year, month };
  if (kind === 'day' && typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) return { kind, date };
  return undefined;
}

/**
 * The date filter of a period, followed by a space for the words to search in it.
 *
 * @example
 * periodQuery({ kind: 'year', year: '2023' });                 // 'date:2023 '
 * periodQuery({ kind: 'month', year: '2023', month: '09' });   // 'date:2023-09 '
 * periodQuery({ kind: 'day', date: '2023-09-13' });            // 'on:2023-09-13 '
 */
export function periodQuery(period: DatePeriod): string {
  switch (period.kind) {
    case 'year':
      return `date:${period.year} `;
    case 'month':
      return `date:${period.year}-${period.month} `;
    case 'day':
      return `on:${period.date} `;
  }
}
