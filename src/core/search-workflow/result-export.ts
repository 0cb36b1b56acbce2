import { uncutTitle } from '../article';
import { EntityType } from '../entities/types';
import { SearchHit } from '../search/corpus-index';

/**
 * An entity of an exported article.
 *
 * @example
 * const entity: ExportedEntity = { name: 'Vladimir Putin', type: 'PER', mentions: 3 };
 */
export interface ExportedEntity {
  readonly name: string;
  readonly type: EntityType;
  readonly mentions: number;
}

/**
 * One exported result: the columns of the CSV file and the fields of each JSON object.
 *
 * @example
 * const row: ExportRow = { path: 'news/kim.txt', date: '2023-09-13', title: 'Kim arrives', score: 4.2,
 *   entities: [{ name: 'Kim Jong-un', type: 'PER', mentions: 2 }], snippet: 'Kim Jong-un arrived in Russia' };
 */
export interface ExportRow {
  readonly path: string;
  readonly date?: string;
  readonly title: string;
  readonly score: number;
  readonly entities: readonly ExportedEntity[];
  readonly snippet: string;
}

/**
 * The file formats of an export.
 *
 * @example
 * exportFormatOf('/tmp/results.json'); // 'json'
 */
export type ExportFormat = 'csv' | 'json';

/**
 * The format a file name asks for: JSON for `.json`, CSV otherwise.
 *
 * @example
 * exportFormatOf('results.CSV'); // 'csv'
 */
export function exportFormatOf(fileName: string): ExportFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'csv';
}

/**
 * The row of a search hit; `path` is the path to show (relative to the workspace), `entities` the article's
 * (only their name, type and mentions are kept). The title is whole: a long one, which the index keeps cut with
 * "…", is read again from the article's text (`text`, asked for only then).
 *
 * @example
 * exportRow(hit, 'news/kim.txt', [{ name: 'Kim Jong-un', type: 'PER', mentions: 2 }], () => index.article(hit.path)?.text);
 */
export function exportRow(hit: SearchHit, path: string, entities: readonly ExportedEntity[], text: () => string | undefined): ExportRow {
  const row = { path, title: uncutTitle(hit.title, text), score: hit.score, entities: entities.map(({ name, type, mentions }) => ({ name, type, mentions })), snippet: hit.snippet.text };
  return hit.date === undefined ? row : { ...row, date: hit.date };
}

/** The CSV columns, in order. */
const CSV_HEADER = ['path', 'date', 'title', 'score', 'entities', 'snippet'] as const;
/** What a spreadsheet reads as the start of a formula (OWASP's list: the four operators, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * Entity types as exported files and the facts file's typed names write them.
 *
 * @example
 * TYPE_WORDS.LOC; // 'place'
 */
export const TYPE_WORDS: Readonly<Record<EntityType, string>> = { PER: 'person', LOC: 'place', ORG: 'organization', MISC: 'other' };
/** Digits of a score in the CSV: enough to keep the order of close scores. */
const SCORE_DIGITS = 4;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled; a field a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a `'` first.
 * Article text is untrusted: a title such as `=HYPERLINK(…)` must stay text.
 *
 * @example
 * csvField('a, b');      // '"a, b"'
 * csvField('say "hi"');  // '"say ""hi"""'
 * csvField('=1+2');      // "'=1+2"
 */
export function csvField(value: string): string {
  const guarded = spreadsheetText(value);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * A cell's text as a spreadsheet keeps it as text: one it would run as a formula (starting with `=`, `+`, `-`, `@`,
 * tab or carriage return) gets a `'` first. For any table of article text pasted or opened in one.
 *
 * @example
 * spreadsheetText('=HYPERLINK("x")'); // `'=HYPERLINK("x")`
 * spreadsheetText('Kim arrives');     // 'Kim arrives'
 */
export function spreadsheetText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Rows as a spreadsheet takes them pasted: cells tab-separated, a line each; a tab or line break in a cell becomes a
 * space, and a cell a spreadsheet would run as a formula gets a `'` first (see {@link spreadsheetText}).
 *
 * @example
 * tsvTable([['name', 'articles'], ['=Putin', '2']]); // "name\tarticles\n'=Putin\t2\n"
 */
export function tsvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map((cell) => spreadsheetText(cell.replace(/[\t\r\n]+/gu, ' '))).join('\t')}\n`).join('');
}

/**
 * A CSV line of a row, without its line break.
 *
 * @example
 * csvLine(row); // 'news/kim.txt,2023-09-13,Kim arrives,4.2000,Kim Jong-un (person),Kim Jong-un arrived in Russia'
 */
export function csvLine(row: ExportRow): string {
  const entities = row.entities.map((entity) => `${entity.name} (${TYPE_WORDS[entity.type]})`).join('; ');
  return [row.path, row.date ?? '', row.title, row.score.toFixed(SCORE_DIGITS), entities, row.snippet].map(csvField).join(',');
}

/**
 * A CSV file (RFC 4180: CRLF line breaks, a header line) of rows.
 *
 * @example
 * toCsv([row]); // 'path,date,title,score,entities,snippet\r\nnews/kim.txt,2023-09-13,…\r\n'
 */
export function toCsv(rows: Iterable<ExportRow>): string {
  const lines = [CSV_HEADER.join(',')];
  for (const row of rows) lines.push(csvLine(row));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A JSON file of rows: an array of objects with the CSV's fields (`date` null when undated, `entities` as objects).
 *
 * @example
 * JSON.parse(toJson([row]))[0].entities[0].name; // 'Kim Jong-un'
 */
export function toJson(rows: Iterable<ExportRow>): string {
  const objects = [...rows].map((row) => ({ path: row.path, date: row.date ?? null, title: row.title, score: row.score, entities: row.entities, snippet: row.snippet }));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

/**
 * The file text of rows in a format.
 *
 * @example
 * formatRows([row], 'json');
 */
export function formatRows(rows: Iterable<ExportRow>, format: ExportFormat): string {
  return format === 'json' ? toJson(rows) : toCsv(rows);
}
