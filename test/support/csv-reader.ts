/**
 * A minimal RFC 4180 reader for the tests (fields, quotes doubled inside quotes, CRLF between records), to
 * check that an export reads back as written. Test-side on purpose: it must not share code with the writer.
 *
 * @example
 * readCsv('a,"b ""c"""\r\n'); // [['a', 'b "c"']]
 */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && (char === ',' || (char === '\r' && text[i + 1] === '\n'))) {
      row.push(field);
      field = '';
      if (char === '\r') {
        rows.push(row);
        row = [];
        i++;
      }
    } else {
      field += char;
    }
  }
  return rows;
}
