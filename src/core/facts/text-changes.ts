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

/**
 * Takes back the change from `before` to `after` in `current`, a later text of the same file that others may
 * have edited meanwhile (a colleague's change pulled through git): their edits are kept when they do not touch
 * the part the change wrote. `undefined` when they do, so the change cannot be taken back alone.
 *
 * @example
 * revertChange('{"a":1,"b":1}', '{"a":2,"b":1}', '{"a":2,"b":3}'); // '{"a":1,"b":3}'
 * revertChange('{"a":1}', '{"a":2}', '{"a":3}'); // undefined
 */
export function revertChange(before: string, after: string, current: string): string | undefined {
  const [ours] = changeBetween(before, after);
  if (!ours) return current;
  const [theirs] = changeBetween(after, current);
  if (!theirs) return before;
  const oursEnd = ours.offset + ours.content.length;
  const theirsEnd = theirs.offset + theirs.length;
  let at: number;
  if (theirsEnd < ours.offset || (theirsEnd === ours.offset && theirs.length > 0)) at = ours.offset + theirs.content.length - theirs.length;
  else if (theirs.offset > oursEnd || (theirs.offset === oursEnd && theirs.length > 0)) at = ours.offset;
  else return undefined;
  const restored = before.slice(ours.offset, ours.offset + ours.length);
  return current.slice(0, at) + restored + current.slice(at + ours.content.length);
}
