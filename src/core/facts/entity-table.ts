import { EntityType } from '../entities/types';
import { EntityDirectory, everyEntity } from '../entity-directory';
import { csvField, ExportFormat, TYPE_WORDS } from '../search-workflow/result-export';
import { EntitySummary } from '../search/entity-listing';

/**
 * One entity of the corpus as the entity table lists it: `id` is its key, which the import uses to know the
 * row again after its name or type was changed in a spreadsheet.
 *
 * @example
 * const row: EntityTableRow = { id: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', aliases: ['Kim'], articles: 2,
 *   mentions: 9, firstDate: '2023-09-12', lastDate: '2023-09-13', roles: ['North Korean leader'] };
 */
export interface EntityTableRow {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly articles: number;
  readonly mentions: number;
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly roles: readonly string[];
}

/**
 * The columns of the entity table's CSV file, in order; `ignore` is empty on export and marked (`yes`, `x`,
 * `true` or `1`) by the user for a name that is not an entity.
 *
 * @example
 * ENTITY_TABLE_COLUMNS.join(','); // 'id,name,type,aliases,articles,mentions,first_date,last_date,roles,ignore'
 */
export const ENTITY_TABLE_COLUMNS = ['id', 'name', 'type', 'aliases', 'articles', 'mentions', 'first_date', 'last_date', 'roles', 'ignore'] as const;

/**
 * How a cell lists several names (aliases, roles).
 *
 * @example
 * ['Kim', 'Kim Jong-Un'].join(LIST_SEPARATOR); // 'Kim; Kim Jong-Un'
 */
export const LIST_SEPARATOR = '; ';

/** Roles listed per entity: the most frequent. */
const TABLE_ROLES = 5;

/**
 * The row of an entity of the directory, with its most frequent roles.
 *
 * @example
 * entityTableRow(directory.summary('PER:kim jong-un')!, directory); // { id: 'PER:kim jong-un', name: 'Kim Jong-un', … }
 */
export function entityTableRow(summary: EntitySummary, directory: Pick<EntityDirectory, 'roles'>): EntityTableRow {
  const row = {
    id: summary.key,
    name: summary.name,
    type: summary.type,
    aliases: summary.aliases,
    articles: summary.articleCount,
    mentions: summary.mentionCount,
    roles: directory.roles(summary.key).slice(0, TABLE_ROLES).map(({ role }) => role),
  };
  return { ...row, ...(summary.firstDate === undefined ? {} : { firstDate: summary.firstDate }), ...(summary.lastDate === undefined ? {} : { lastDate: summary.lastDate }) };
}

/**
 * Every entity of the directory, by type (people, places, organizations, other) and name.
 *
 * @example
 * entityTableRows(directory).length; // the number of entities in the corpus
 */
export function entityTableRows(directory: Pick<EntityDirectory, 'typeCounts' | 'list' | 'roles'>): EntityTableRow[] {
  return everyEntity(directory, 'name').map((summary) => entityTableRow(summary, directory));
}

/**
 * The entity table as a CSV file (RFC 4180, CRLF, a header line, cells guarded against formulas by
 * `csvField`) or as JSON (an array of objects with the same fields, lists as arrays, missing dates null).
 *
 * @example
 * formatEntityTable(rows, 'csv'); // 'id,name,type,aliases,…\r\nPER:kim jong-un,Kim Jong-un,person,Kim,2,9,…\r\n'
 */
export function formatEntityTable(rows: readonly EntityTableRow[], format: ExportFormat): string {
  if (format === 'json') {
    const objects = rows.map((row) => ({ ...row, type: TYPE_WORDS[row.type], firstDate: row.firstDate ?? null, lastDate: row.lastDate ?? null }));
    return `${JSON.stringify(objects, null, 2)}\n`;
  }
  const lines = [ENTITY_TABLE_COLUMNS.join(',')];
  for (const row of rows) {
    const cells = [row.id, row.name, TYPE_WORDS[row.type], row.aliases.join(LIST_SEPARATOR), String(row.articles), String(row.mentions), row.firstDate ?? '', row.lastDate ?? '', row.roles.join(LIST_SEPARATOR), ''];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
