import type { TextChange } from './facts-edit';

/**
 * The one change that turns `before` into `after`: the part between their common start and common end (no
 * change when they are equal). Editing a document with it leaves the rest of the document, and its cursors and
 * folds, untouched.
 *
 * @example
 * changeBetween('{ "a": 1 }', '{ "a": 2 }'); // [{ offset: 7, length: 1, content: '2' }]
 */
export function changeBetween(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return [{ offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) }];
}

