/**
 * A place in an article's text to select: zero-based line and character, and the length of the selection.
 *
 * @example
 * const selection: TextSelection = { line: 2, character: 7, length: 14 };
 */
export interface TextSelection {
  readonly line: number;
  readonly character: number;
  readonly length: number;
}

/**
 * What every view hands to the article commands (open, open to the side, copy path, reveal): the article's
 * identity (its URI as a string) and, for a mention, the text to select. Tree elements of the Dates,
 * Entities and search views have this shape, so that one command serves them all.
 *
 * @example
 * const target: ArticleTarget = { id: 'file:///news/kim.txt', selection: { line: 0, character: 17, length: 11 } };
 */
export interface ArticleTarget {
  readonly id: string;
  readonly selection?: TextSelection;
}

/**
 * The second argument of the open-article command from a view's row: the article opens with the keyboard left in the
 * view, as the Explorer does on a click, so that arrows go on through the rows (ux34: Enter after a click typed a
 * line break into the article).
 *
 * @example
 * item.command = { command: 'newsCorpus.openArticle', title: 'Open Article', arguments: [target, KEEP_FOCUS] };
 */
export const KEEP_FOCUS = { preserveFocus: true } as const;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Reads an {@link ArticleTarget} out of a command argument, which may come from a tree, a link or the
 * palette (then it is undefined); anything else gives undefined.
 *
 * @example
 * articleTargetOf({ kind: 'article', id: 'file:///a.txt' }); // { id: 'file:///a.txt' }
 * articleTargetOf('file:///a.txt');                           // undefined
 */
export function articleTargetOf(value: unknown): ArticleTarget | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, selection } = value as { id?: unknown; selection?: unknown };
  if (typeof id !== 'string' || id === '') return undefined;
  if (typeof selection !== 'object' || selection === null) return { id };
  const { line, character, length } = selection as Partial<Record<keyof TextSelection, unknown>>;
  return isCount(line) && isCount(character) && isCount(length) ? { id, selection: { line, character, length } } : { id };
}
