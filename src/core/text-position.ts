/**
 * The zero-based line and character of `offset` in `text`, lines ending at `\n` (a `\r` before it counts as a
 * character of its line, as editors count it), for placing a problem of a file that is not open.
 *
 * @example
 * lineAndCharacter('{\r\n  "people"', 5); // { line: 1, character: 2 }
 */
export function lineAndCharacter(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, character: offset - lineStart };
}
