import { EntityType } from '../entities/types';
import { nextDay, partialDateRange, previousDay } from './date-values';
import { ParsedQuery, QueryAtom, QueryClause, QueryParseResult, TermMode } from './query';
import { tokenize } from './tokenize';

/** The most edits a fuzzy word may ask for (`word~2`); more matches nearly everything. */
const MAX_FUZZY_EDITS = 2;

/** A prefix shorter than this (`a*`) would expand to a large part of the dictionary. */
const MIN_PREFIX_LENGTH = 2;

/** The last day any `after:` range reaches, and the first any `before:` range starts at (0 is "undated"). */
const LAST_DAY = 99991231;
const FIRST_DAY = 1;

const ENTITY_OPERATORS: Readonly<Record<string, EntityType | 'any'>> = { person: 'PER', place: 'LOC', org: 'ORG', entity: 'any' };
const DATE_OPERATORS = new Set(['date', 'on', 'after', 'before']);
const FUZZY_SUFFIX = /~(\d*)$/;
/** Starts the value of an entity operator that names one entity exactly: `person:="Kim Jong-un"`. */
const EXACT_MARK = '=';

class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`News Corpus: ${message}`);
  }
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** Reads a quoted string starting at the quote at `open`; returns its content and the offset after the closing quote. */
function readQuoted(source: string, open: number): { text: string; next: number } {
  const close = source.indexOf('"', open + 1);
  if (close === -1) throw new QuerySyntaxError(`the quote at position ${open + 1} is never closed; add a closing ".`, open);
  return { text: source.slice(open + 1, close), next: close + 1 };
}

function wordAtom(word: string, offset: number): QueryAtom | undefined {
  let core = word;
  let mode: TermMode = 'exact';
  let maxEdits: number | undefined;
  const fuzzy = FUZZY_SUFFIX.exec(core);
  if (fuzzy) {
    mode = 'fuzzy';
    core = core.slice(0, fuzzy.index);
    if (fuzzy[1] !== undefined && fuzzy[1] !== '') {
      maxEdits = Number(fuzzy[1]);
      if (maxEdits < 1 || maxEdits > MAX_FUZZY_EDITS) {
        throw new QuerySyntaxError(`"${word}": a fuzzy word allows 1 to ${MAX_FUZZY_EDITS} edits (write word~ or word~2).`, offset);
      }
    }
  } else if (core.endsWith('*')) {
    mode = 'prefix';
    core = core.slice(0, -1);
  }
  const tokens = tokenize(core);
  if (tokens.length === 0) {
    if (mode !== 'exact') throw new QuerySyntaxError(`"${word}" has no letters or digits before its ${mode === 'prefix' ? '*' : '~'}.`, offset);
    return undefined;
  }
  if (tokens.length > 1) {
    if (mode !== 'exact') throw new QuerySyntaxError(`"${word}": ${mode === 'prefix' ? 'a prefix*' : 'a fuzzy~ word'} must be a single word.`, offset);
    return { kind: 'phrase', terms: tokens.map((token) => token.term), text: core };
  }
  const term = tokens[0]?.term ?? '';
  if (mode === 'prefix' && term.length < MIN_PREFIX_LENGTH) {
    throw new QuerySyntaxError(`"${word}": a prefix needs at least ${MIN_PREFIX_LENGTH} letters before the *.`, offset);
  }
  if (mode === 'fuzzy') return maxEdits === undefined ? { kind: 'term', term, mode } : { kind: 'term', term, mode, maxEdits };
  return { kind: 'term', term, mode };
}

function phraseAtom(text: string, offset: number): QueryAtom {
  const terms = tokenize(text).map((token) => token.term);
  const first = terms[0];
  if (first === undefined) throw new QuerySyntaxError(`the phrase at position ${offset + 1} has no words in it.`, offset);
  return terms.length === 1 ? { kind: 'term', term: first, mode: 'exact' } : { kind: 'phrase', terms, text };
}

function operatorAtom(operator: string, value: string, offset: number): QueryAtom {
  if (value.trim() === '') throw new QuerySyntaxError(`${operator}: needs a value, e.g. ${operator}:${DATE_OPERATORS.has(operator) ? '2023-09' : '"Vladimir Putin"'}.`, offset);
  const entityType = ENTITY_OPERATORS[operator];
  if (entityType !== undefined) {
    const exact = value.startsWith(EXACT_MARK);
    const name = (exact ? value.slice(EXACT_MARK.length) : value).trim().replace(/\s+/g, ' ');
    if (name === '') throw new QuerySyntaxError(`${operator}:${EXACT_MARK} needs a name, e.g. ${operator}:${EXACT_MARK}"Vladimir Putin".`, offset);
    const atom = entityType === 'any' ? { kind: 'entity' as const, name } : { kind: 'entity' as const, entityType, name };
    return exact ? { ...atom, exact } : atom;
  }
  const parsed = partialDateRange(value.trim());
  if (!parsed.ok) throw new QuerySyntaxError(`${operator}:${value} — ${parsed.reason}.`, offset);
  const { from, to } = parsed.range;
  if (operator === 'after') return { kind: 'date', from: nextDay(to), to: LAST_DAY };
  if (operator === 'before') return { kind: 'date', from: FIRST_DAY, to: previousDay(from) };
  return { kind: 'date', from, to };
}

/** Reads one atom at `start` (not a space); returns it (undefined for punctuation-only words) and the next offset. */
function readAtom(source: string, start: number): { atom: QueryAtom | undefined; bare: string; next: number } {
  if (source[start] === '"') {
    const quoted = readQuoted(source, start);
    return { atom: phraseAtom(quoted.text, start), bare: '', next: quoted.next };
  }
  let end = start;
  while (end < source.length && !isSpace(source[end]) && source[end] !== '"') end++;
  const bare = source.slice(start, end);
  const colon = bare.indexOf(':');
  const operator = colon > 0 ? bare.slice(0, colon).toLowerCase() : '';
  if (ENTITY_OPERATORS[operator] !== undefined || DATE_OPERATORS.has(operator)) {
    const mark = bare.slice(colon + 1);
    if ((mark === '' || mark === EXACT_MARK) && source[end] === '"') {
      const quoted = readQuoted(source, end);
      return { atom: operatorAtom(operator, mark + quoted.text, start), bare, next: quoted.next };
    }
    return { atom: operatorAtom(operator, bare.slice(colon + 1), start), bare, next: end };
  }
  if (bare === '') {
    // A quote glued to the end of a word, as in `abc"def"`: read the quote as its own phrase next time round.
    return { atom: undefined, bare, next: end };
  }
  return { atom: wordAtom(bare, start), bare, next: end };
}

/** A date filter as the query wrote it (`after:2023-05-01` is `after` and `2023-05-01`), and where. */
interface TypedDate {
  readonly operator: string;
  readonly value: string;
  readonly offset: number;
}

/** A date filter in words: "after 2023-05-01", "in 2023-09", "on 2023-09-13". */
function dateInWords({ operator, value }: TypedDate): string {
  if (operator === 'after' || operator === 'before') return `${operator} ${value}`;
  return `${value.length === 'YYYY-MM-DD'.length ? 'on' : 'in'} ${value}`;
}

/**
 * Throws when the date filters every article must pass leave no day between them (`after:2023-05-01
 * before:2023-01-01`): the query would match nothing, and the search said so as "0 articles" without saying why.
 * Filters in an OR or excluded are left out: they do not bound the range.
 */
function checkDateRange(clauses: readonly QueryClause[], typedDates: ReadonlyMap<QueryAtom, TypedDate>): void {
  const filters = clauses.flatMap((clause) => {
    const [atom] = clause.atoms;
    const typed = atom === undefined ? undefined : typedDates.get(atom);
    return clause.negated || clause.atoms.length !== 1 || atom?.kind !== 'date' || typed === undefined ? [] : [{ ...typed, from: atom.from, to: atom.to }];
  });
  const latest = filters.reduce<(typeof filters)[number] | undefined>((found, filter) => (found === undefined || filter.from > found.from ? filter : found), undefined);
  const earliest = filters.reduce<(typeof filters)[number] | undefined>((found, filter) => (found === undefined || filter.to < found.to ? filter : found), undefined);
  if (latest === undefined || earliest === undefined || latest.from <= earliest.to) return;
  if (latest === earliest) throw new QuerySyntaxError(`the date range is empty: no day is ${dateInWords(latest)}.`, latest.offset);
  const [first, second] = latest.offset < earliest.offset ? [latest, earliest] : [earliest, latest];
  // Said only when after:'s date, as written, begins after before:'s ends: `after:2023-05 before:2023-05` leaves no
  // day either, but its two dates are the same, not written the other way round.
  const after = partialDateRange(latest.value);
  const before = partialDateRange(earliest.value);
  const swapped = latest.operator === 'after' && earliest.operator === 'before' && after.ok && before.ok && after.range.from > before.range.to;
  const why = swapped ? ' (its after: date is later than its before: date)' : '';
  throw new QuerySyntaxError(`the date range is empty: no day is both ${dateInWords(first)} and ${dateInWords(second)}${why}.`, second.offset);
}

function parseClauses(source: string): QueryClause[] {
  const clauses: { atoms: QueryAtom[]; negated: boolean }[] = [];
  const typedDates = new Map<QueryAtom, TypedDate>();
  let pendingOr = -1;
  let position = 0;
  while (position < source.length) {
    if (isSpace(source[position])) {
      position++;
      continue;
    }
    const start = position;
    const negated = source[position] === '-';
    if (negated) {
      position++;
      if (position >= source.length || isSpace(source[position])) {
        throw new QuerySyntaxError(`the "-" at position ${start + 1} must be followed by a word or "phrase" to exclude.`, start);
      }
    }
    const { atom, bare, next } = readAtom(source, position);
    if (atom?.kind === 'date') {
      const colon = bare.indexOf(':');
      typedDates.set(atom, { operator: bare.slice(0, colon).toLowerCase(), value: source.slice(position + colon + 1, next).replaceAll('"', '').trim(), offset: position });
    }
    position = next;
    if (!negated && bare === 'OR') {
      if (clauses.length === 0 || pendingOr !== -1) throw new QuerySyntaxError(`OR at position ${start + 1} needs a word or phrase on each side.`, start);
      pendingOr = start;
      continue;
    }
    if (!negated && bare === 'AND') continue;
    if (atom === undefined) continue;
    const previous = clauses[clauses.length - 1];
    if (pendingOr !== -1 && previous) {
      if (negated || previous.negated) throw new QuerySyntaxError(`an excluded -word cannot be part of an OR (position ${start + 1}).`, start);
      previous.atoms.push(atom);
      pendingOr = -1;
    } else {
      clauses.push({ atoms: [atom], negated });
    }
  }
  if (pendingOr !== -1) throw new QuerySyntaxError(`OR at position ${pendingOr + 1} needs a word or phrase on each side.`, pendingOr);
  checkDateRange(clauses, typedDates);
  return clauses;
}

/**
 * The query that finds exactly the articles of one entity (its type's operator and `=`), as the Entities
 * view and the hover card search: `person:Kim` would also find every other entity with "Kim" in its name.
 *
 * @example
 * exactEntityQuery('PER', 'Kim Jong-un'); // 'person:="Kim Jong-un"'
 * exactEntityQuery('MISC', 'Russian');    // 'entity:="Russian"'
 */
export function exactEntityQuery(type: EntityType, name: string): string {
  const operator = Object.keys(ENTITY_OPERATORS).find((candidate) => ENTITY_OPERATORS[candidate] === type) ?? 'entity';
  // The language has no escape for a quote inside quotes; names with one are rare and lose it.
  return `${operator}:${EXACT_MARK}"${name.replaceAll('"', '')}"`;
}

/**
 * Parses the search box language: words (all must match), `"exact phrases"`, `a OR b`, `-excluded`,
 * `prefix*`, `fuzzy~` (or `fuzzy~2`), `person:` / `place:` / `org:` / `entity:` with a name (quoted if it has spaces;
 * `person:="Kim Jong-un"` for exactly that entity),
 * `date:` / `on:` / `after:` / `before:` with `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Never throws: a malformed query gives `{ ok: false, error, offset }`.
 *
 * @example
 * parseQuery('person:"Vladimir Putin" after:2023-09 -Ukraine'); // { ok: true, query: { clauses: [3 clauses] } }
 * parseQuery('"interest rates');                              // { ok: false, error: 'News Corpus: the quote at position 1 is never closed; …', offset: 0 }
 */
export function parseQuery(source: string): QueryParseResult {
  try {
    const clauses = parseClauses(source);
    if (clauses.length === 0) return { ok: false, error: 'News Corpus: the query is empty; type a word to search for.', offset: 0 };
    if (clauses.every((clause) => clause.negated)) {
      return { ok: false, error: 'News Corpus: the query only excludes; add a word, phrase or filter to search for.', offset: 0 };
    }
    const query: ParsedQuery = { source, clauses };
    return { ok: true, query };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, error: error.message, offset: error.offset };
    throw error;
  }
}
