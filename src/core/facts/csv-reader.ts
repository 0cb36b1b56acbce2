/**
 * The records of a CSV file with the line each starts on (1-based), as a spreadsheet saves it: a byte-order
 * mark is dropped, the delimiter is the one of `,` `;` and tab that the first line has most of (outside
 * quotes), quoted cells may hold delimiters, doubled quotes and line breaks, lines end in CRLF or LF, and the
 * `'` that exports put before a formula-like cell (`'=1+2`) is taken off again.
 *
 * @example
 * readCsvRecords('\uFEFFname;type\r\n"Kim; Jong-un";person\r\n');
 * // [{ line: 1, cells: ['name', 'type'] }, { line: 2, cells: ['Kim; Jong-un', 'person'] }]
 */
export function readCsvRecords(text: string): { readonly line: number; readonly cells: string[] }[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = delimiterOf(source);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    cells.push(unguarded(cell));
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\n') line++;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') {
      quoted = true;
      wasQuoted = true;
    } else if (char === delimiter) {
      endCell();
    } else if (char === '\n' || (char === '\r' && source[i + 1] === '\n')) {
      if (char === '\r') {
        i++;
        line++;
      }
      endCell();
      records.push({ line: recordLine, cells });
      cells = [];
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0 || wasQuoted) {
    endCell();
    records.push({ line: recordLine, cells });
  }
  return records;
}

const DELIMITERS = [',', ';', '\t'] as const;
/** The guard a CSV export puts before a cell that a spreadsheet would run as a formula. */
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

function unguarded(cell: string): string {
  return cell.replace(FORMULA_GUARD, '');
}

/** The delimiter the first line uses most, outside quotes (a comma when it has none). */
function delimiterOf(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return DELIMITERS.reduce<string>((best, delimiter) => ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0) ? delimiter : best), ',');
}
