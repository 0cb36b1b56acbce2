import { countOf, quoteName } from '../display-text';
import { nameIdentity } from '../entities/names';
import { aTypeName } from '../entity-directory';
import { TYPE_WORDS } from '../search-workflow/result-export';
import { Correction, EntityRef, isEntityType, keyOfRef, refOfAlias, typeOfWord } from './corrections';
import { readCsvRecords } from './csv-reader';
import { EntityTableRow, LIST_SEPARATOR } from './entity-table';

/**
 * A row of an imported table that was skipped, and why (`line` is the line of the file it starts on).
 *
 * @example
 * const error: ImportError = { line: 7, message: 'the type "persn" is not person, place, organization or other' };
 */
export interface ImportError {
  readonly line: number;
  readonly message: string;
}

/**
 * What importing a corrected entity table would do: the corrections, in order, each with a sentence saying what
 * it changes (for the preview), and the rows skipped for their errors.
 *
 * @example
 * const result: TableImport = { changes: [{ line: 3, text: 'Rename "Vladmir Putin" to "Vladimir Putin"', correction }], errors: [] };
 */
export interface TableImport {
  readonly changes: readonly { readonly line: number; readonly text: string; readonly correction: Correction }[];
  readonly errors: readonly ImportError[];
}

/** Cell values that mark a row's `ignore` column. */
const MARKED = new Set(['yes', 'y', 'x', 'true', '1', 'ignore']);
const REQUIRED_COLUMNS = ['id', 'name', 'type'] as const;

interface RowPlan {
  readonly line: number;
  readonly changes: { readonly text: string; readonly correction: Correction }[];
  /** The entities other rows own that this row merges into its own. */
  readonly takes: readonly string[];
  readonly changed: boolean;
}

function listCell(cell: string | undefined): string[] {
  return (cell ?? '').split(LIST_SEPARATOR.trim()).map((name) => name.trim()).filter((name) => name !== '');
}

/**
 * Compares a corrected entity table (CSV as `formatEntityTable` writes it, then edited in a spreadsheet; other
 * columns, column order, delimiter and byte-order mark do not matter) with the `current` one, and derives the
 * corrections, row by row:
 * - a new `name` renames the entity (another writing of it too: "Kim Jong-Un"), a new `type` retypes it (both: one
 *   merge into the new name and type);
 * - a name taken out of `aliases` is split off; another row's name put into `aliases` merges that entity into this one;
 * - a marked `ignore` cell ignores the entity everywhere (and nothing else of the row counts);
 * - a row without `id` adds its name as an entity of its type everywhere.
 * A row missing from the file changes nothing. A row with an error (not as many cells as the header, an unknown id
 * or type, an empty name, an alias that no row has, an id seen before, a merge of a row that changes itself) is
 * reported and skipped.
 *
 * @example
 * importEntityTable('id,name,type\r\nPER:vladmir putin,Vladimir Putin,person\r\n', rows).changes[0]?.text;
 * // 'Rename "Vladmir Putin" to "Vladimir Putin"'
 */
export function importEntityTable(csv: string, current: readonly EntityTableRow[]): TableImport {
  const [header, ...records] = readCsvRecords(csv);
  const columns = new Map((header?.cells ?? []).map((cell, index) => [cell.trim().toLowerCase(), index]));
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (!header || missing.length > 0) return { changes: [], errors: [{ line: header?.line ?? 1, message: `the header line has no ${missing.join(', ')} column: is this an exported entity table?` }] };
  const byId = new Map(current.map((row) => [row.id, row]));
  const byName = new Map<string, EntityTableRow[]>();
  for (const row of current) byName.set(nameIdentity(row.name), [...(byName.get(nameIdentity(row.name)) ?? []), row]);
  const cellOf = (cells: readonly string[], column: string) => {
    const index = columns.get(column);
    return index === undefined ? undefined : (cells[index] ?? '').trim();
  };
  const errors: ImportError[] = [];
  const plans = new Map<string, RowPlan>();
  const width = header.cells.length;
  for (const { line, cells } of records) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    // A cell or delimiter missing or extra anywhere moves every later value into the wrong column: nothing of the row
    // can be trusted, not even its name (a junk line's one cell would be read as an id).
    // Empty cells past the header's last column move nothing (a spreadsheet pads rows so): only filled ones count.
    if (cells.length < width || cells.slice(width).some((cell) => cell.trim() !== '')) {
      errors.push({ line, message: `it has ${countOf(cells.length, 'column')} where the header has ${width}: a cell or a delimiter is missing or extra, so its values would land in the wrong columns` });
      continue;
    }
    const plan = planRow(line, (column) => cellOf(cells, column), byId, byName, plans);
    if (typeof plan === 'string') errors.push({ line, message: plan });
    else plans.set(cellOf(cells, 'id') || `new:${line}`, plan);
  }
  // A merge of another row's entity is kept only when that row itself changes nothing, and only once.
  const taken = new Map<string, number>();
  const kept: RowPlan[] = [];
  for (const plan of [...plans.values()].sort((a, b) => a.line - b.line)) {
    const conflict = plan.takes.find((id) => plans.get(id)?.changed === true || taken.has(id));
    if (conflict !== undefined) {
      const other = taken.get(conflict) ?? plans.get(conflict)?.line;
      errors.push({ line: plan.line, message: `${quoteName(byId.get(conflict)?.name ?? conflict)} is changed on line ${other ?? '?'} too: make one of the two changes at a time` });
      continue;
    }
    for (const id of plan.takes) taken.set(id, plan.line);
    kept.push(plan);
  }
  return { changes: kept.flatMap((plan) => plan.changes.map((change) => ({ line: plan.line, ...change }))), errors: errors.sort((a, b) => a.line - b.line) };
}

/** The plan of one row, or what is wrong with it. */
function planRow(
  line: number,
  cell: (column: string) => string | undefined,
  byId: ReadonlyMap<string, EntityTableRow>,
  byName: ReadonlyMap<string, readonly EntityTableRow[]>,
  plans: ReadonlyMap<string, RowPlan>,
): RowPlan | string {
  const id = cell('id') ?? '';
  const name = cell('name') ?? '';
  const typeCell = cell('type') ?? '';
  const upper = typeCell.toUpperCase();
  const type = typeOfWord(typeCell) ?? (isEntityType(upper) ? upper : undefined);
  if (name === '') return 'the name is empty';
  if (type === undefined) return `the type ${quoteName(typeCell)} is not person, place, organization or other`;
  const into: EntityRef = { type, name };
  if (id === '') return { line, changes: [{ text: `Add ${quoteName(name)} (${TYPE_WORDS[type]}) everywhere`, correction: { kind: 'add', entity: into } }], takes: [], changed: true };
  const row = byId.get(id);
  if (!row) return `no entity has the id ${quoteName(id)} (merged or renamed since the export?)`;
  const before = plans.get(id);
  if (before) return `the entity of this row is on line ${before.line} already`;
  const entity: EntityRef = { type: row.type, name: row.name };
  if (MARKED.has((cell('ignore') ?? '').toLowerCase())) return { line, changes: [{ text: `Ignore ${quoteName(row.name)} everywhere`, correction: { kind: 'ignore', entity } }], takes: [], changed: true };
  const changes: RowPlan['changes'] = [];
  const renamed = nameIdentity(name) !== nameIdentity(row.name);
  if (renamed || type !== row.type) {
    const what = [renamed ? `rename ${quoteName(row.name)} to ${quoteName(name)}` : '', type !== row.type ? `make ${renamed ? 'it' : quoteName(row.name)} ${aTypeName(type)}` : ''].filter(Boolean).join(' and ');
    changes.push({ text: what.charAt(0).toUpperCase() + what.slice(1), correction: { kind: 'merge', entities: [entity], into } });
  } else if (name !== row.name) {
    // Another writing of the same name ("Kim Jong-Un"): a rename of the writing, which a merge into itself would not do.
    changes.push({ text: `Rename ${quoteName(row.name)} to ${quoteName(name)}`, correction: { kind: 'rename', entity, to: name } });
  }
  const aliasesCell = cell('aliases');
  const takes: string[] = [];
  if (aliasesCell !== undefined) {
    const listed = listCell(aliasesCell);
    const identities = new Set(listed.map(nameIdentity));
    for (const alias of row.aliases.filter((old) => !identities.has(nameIdentity(old)))) {
      changes.push({ text: `Split ${quoteName(alias)} off ${quoteName(name)}`, correction: { kind: 'split', entity: into, alias } });
    }
    const known = new Set(row.aliases.map(nameIdentity));
    for (const alias of listed.filter((other) => !known.has(nameIdentity(other)) && nameIdentity(other) !== nameIdentity(name))) {
      const ref = refOfAlias(alias, type);
      const candidates = byName.get(nameIdentity(ref.name)) ?? [];
      const other = candidates.find((candidate) => keyOfRef(candidate) === keyOfRef(ref)) ?? candidates.find((candidate) => candidate.id !== id);
      if (!other || other.id === id) return `${quoteName(alias)} in aliases is not the name of another entity of the table`;
      takes.push(other.id);
      changes.push({ text: `Merge ${quoteName(other.name)} (${TYPE_WORDS[other.type]}) into ${quoteName(name)}`, correction: { kind: 'merge', entities: [{ type: other.type, name: other.name }], into } });
    }
  }
  return { line, changes, takes, changed: changes.length > 0 };
}
