import { shortenAtWord } from '../display-text';
import { EntityType } from '../entities/types';
import { nextDay, partialDateRange, previousDay, strictBounds } from './date-values';
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
/**
 * The filters' names, as the query language lists them.
 *
 * @example
 * QUERY_FILTERS.map((name) => `${name}:`).join(', '); // 'person:, place:, org:, entity:, date:, on:, after:, before:'
 */
export const QUERY_FILTERS: readonly string[] = [...Object.keys(ENTITY_OPERATORS), ...DATE_OPERATORS];
/**
 * A word written as a filter is: a name of letters, a colon, and a value that starts as a name or a date does (a letter,
 * digit, quote or the `=` of `person:=`). A time (10:30), a URL (https://…), a drive (C:\…), an emoticon (:-) or a
 * label that ends its word ("Note:") is not one.
 */
const FILTER_LIKE = /^\p{L}+:[\p{L}\p{N}"=]/u;
const FUZZY_SUFFIX = /~(\d*)$/;
/** Starts the value of an entity operator that names one entity exactly: `person:="Kim Jong-un"`. */
const EXACT_MARK = '=';

/**
 * A word of a query written as a filter (see {@link unknownFilters}) whose name is none of the filters': `text` as
 * typed, its quoted value included, `name` up to the colon, and `offset` where it starts in the query.
 *
 * @example
 * const typo: UnknownFilter = { text: 'peson:Trump', name: 'peson', offset: 0 };
 */
export interface UnknownFilter {
  readonly text: string;
  readonly name: string;
  readonly offset: number;
}

/**
 * An entity filter as a query writes it (see {@link entityFilterWords}): the filter's atom, the operator as typed
 * (`person`, `Person`), and where the whole word, its quoted value included, starts and ends in the query.
 *
 * @example
 * const word: EntityFilterWord = { atom: { kind: 'entity', entityType: 'PER', name: 'Trunp' }, operator: 'person', offset: 4, end: 16 };
 */
export interface EntityFilterWord {
  readonly atom: Extract<QueryAtom, { kind: 'entity' }>;
  readonly operator: string;
  readonly offset: number;
  readonly end: number;
}

class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`News Corpus: ${message}`);
  }
}

/**
 * The characters that part the words of a query (space, tab, line breaks): a no-break space is inside a word.
 *
 * @example
 * new RegExp(`[${QUERY_SPACES}]+`).test('a\tb'); // true
 */
export const QUERY_SPACES = ' \t\n\r';

function isSpace(char: string | undefined): boolean {
  return char !== undefined && char !== '' && QUERY_SPACES.includes(char);
}

/** Reads a quoted string starting at the quote at `open`; returns its content and the offset after the closing quote. */
function readQuoted(source: string, open: number): { text: string; next: number } {
  const close = source.indexOf('"', open + 1);
  if (close === -1) throw new QuerySyntaxError(`the quote at position ${open + 1} is never closed; add a closing ".`, open);
  return { text: source.slice(open + 1, close), next: close + 1 };
}

/** Longest piece of the query a message quotes whole: with more, its advice would not fit the search box's one line. */
const MAX_QUOTED_LENGTH = 15;

/** `text` as a message quotes it: cut with "…" when longer than {@link MAX_QUOTED_LENGTH}. */
function quoted(text: string): string {
  return shortenAtWord(text, MAX_QUOTED_LENGTH);
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
        throw new QuerySyntaxError(`"${quoted(word)}": a fuzzy word allows 1 to ${MAX_FUZZY_EDITS} edits (write word~ or word~2).`, offset);
      }
    }
  } else if (core.endsWith('*')) {
    mode = 'prefix';
    core = core.slice(0, -1);
  }
  const tokens = tokenize(core);
  if (tokens.length === 0) {
    if (mode !== 'exact') throw new QuerySyntaxError(`"${quoted(word)}" has no letters or digits before its ${mode === 'prefix' ? '*' : '~'}.`, offset);
    return undefined;
  }
  if (tokens.length > 1) {
    if (mode !== 'exact') throw new QuerySyntaxError(`"${quoted(word)}": ${mode === 'prefix' ? 'a prefix*' : 'a fuzzy~ word'} must be a single word.`, offset);
    return { kind: 'phrase', terms: tokens.map((token) => token.term), text: core };
  }
  const term = tokens[0]?.term ?? '';
  if (mode === 'prefix' && term.length < MIN_PREFIX_LENGTH) {
    throw new QuerySyntaxError(`"${quoted(word)}": a prefix needs at least ${MIN_PREFIX_LENGTH} letters before the *.`, offset);
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
  if (!parsed.ok) {
    // A range as other tools take one (`date:1987-03-01..1987-03-31`): "not a date" alone left the user to work out
    // after: and before:, which are strict, for themselves.
    const bounds = strictBounds(value.trim());
    if (bounds !== undefined) throw new QuerySyntaxError(`${operator}: takes no range: write after:${bounds.after} before:${bounds.before}, both strict.`, offset);
    throw new QuerySyntaxError(`${operator}:${quoted(value)} — ${parsed.reason}.`, offset);
  }
  const { from, to } = parsed.range;
  if (operator === 'after') return { kind: 'date', from: nextDay(to), to: LAST_DAY };
  if (operator === 'before') return { kind: 'date', from: FIRST_DAY, to: previousDay(from) };
  return { kind: 'date', from, to };
}

/** A date filter as the query wrote it (`after:2023-05-01` is `after` and `2023-05-01`), and where. */
interface TypedDate {
  readonly operator: string;
  readonly value: string;
  readonly offset: number;
}

/**
 * A date filter that every article a query matches must pass (neither in an OR nor excluded): the operator and value as
 * written (`after`, `2023-05-01`; the operator in lower case, the value unquoted), where it starts in the query, and the
 * `YYYYMMDD` days it lets through, both inclusive.
 *
 * @example
 * const bound: DateBound = { operator: 'after', value: '2023-05-01', offset: 4, from: 20230502, to: 99991231 };
 */
export interface DateBound extends TypedDate {
  readonly from: number;
  readonly to: number;
}

/**
 * A date filter in words: "after 2023-05-01", "in 2023-09", "on 2023-09-13".
 *
 * @example
 * dateInWords({ operator: 'date', value: '1996' });          // 'in 1996'
 * dateInWords({ operator: 'before', value: '1987-03-01' }); // 'before 1987-03-01'
 */
export function dateInWords({ operator, value }: Pick<TypedDate, 'operator' | 'value'>): string {
  if (operator === 'after' || operator === 'before') return `${operator} ${value}`;
  return `${value.length === 'YYYY-MM-DD'.length ? 'on' : 'in'} ${value}`;
}

/** The date filters of `clauses` that bound the days of every article matched, with how each was written. */
function boundingDates(clauses: readonly QueryClause[], typedDates: ReadonlyMap<QueryAtom, TypedDate>): DateBound[] {
  return clauses.flatMap((clause) => {
    const [atom] = clause.atoms;
    const typed = atom === undefined ? undefined : typedDates.get(atom);
    return clause.negated || clause.atoms.length !== 1 || atom?.kind !== 'date' || typed === undefined ? [] : [{ ...typed, from: atom.from, to: atom.to }];
  });
}

/**
 * Throws when the date filters every article must pass leave no day between them (`after:2023-05-01
 * before:2023-01-01`): the query would match nothing, and the search said so as "0 articles" without saying why.
 */
function checkDateRange(filters: readonly DateBound[]): void {
  const latest = filters.reduce<DateBound | undefined>((found, filter) => (found === undefined || filter.from > found.from ? filter : found), undefined);
  const earliest = filters.reduce<DateBound | undefined>((found, filter) => (found === undefined || filter.to < found.to ? filter : found), undefined);
  if (latest === undefined || earliest === undefined || latest.from <= earliest.to) return;
  if (latest === earliest) throw new QuerySyntaxError(`the date range is empty: no day is ${dateInWords(latest)}.`, latest.offset);
  const [first, second] = latest.offset < earliest.offset ? [latest, earliest] : [earliest, latest];
  // Said only when after:'s date, as written, begins after before:'s ends: `after:2023-05 before:2023-05` leaves no
  // day either, but its two dates are the same, not written the other way round.
  const after = partialDateRange(latest.value);
  const before = partialDateRange(earliest.value);
  const swapped = latest.operator === 'after' && earliest.operator === 'before' && after.ok && before.ok && after.range.from > before.range.to;
  // The dates as typed, short enough for the search box's one line: "no day is both after … and before …" and why did not fit.
  if (swapped) throw new QuerySyntaxError(`the date range is empty: after:${latest.value} is later than before:${earliest.value}.`, second.offset);
  throw new QuerySyntaxError(`the date range is empty: no day is both ${dateInWords(first)} and ${dateInWords(second)}.`, second.offset);
}

/**
 * Capitalised words that are operators, as in Factiva and LexisNexis (`wheat OR corn`, `oil AND gas`, `NOT Trump`);
 * in lower case they are words to search for, and `-OR`, `-NOT` exclude the word.
 */
const OR_WORD = 'OR';
const AND_WORD = 'AND';
const NOT_WORD = 'NOT';
/**
 * The operator words; a word of the text searched that is one must be quoted to be searched for.
 *
 * @example
 * QUERY_OPERATORS.has('NOT'); // true, and false for 'not'
 */
export const QUERY_OPERATORS: ReadonlySet<string> = new Set([OR_WORD, AND_WORD, NOT_WORD]);
const OPEN_GROUP = '(';
const CLOSE_GROUP = ')';
/** What may stand before a word, a `-`, or a group's `(` that starts one: the query's start, a space or a `(`. */
const TOKEN_START = /[\s(]/u;

/** The error of an OR at offset `at` without a word or phrase on one of its sides. */
function lonelyOr(at: number): QuerySyntaxError {
  return new QuerySyntaxError(`OR at position ${at + 1} needs a word or phrase on each side.`, at);
}

/** Reads the query left to right: keywords, exclusions, atoms and groups of alternatives in parentheses. */
class QueryReader {
  position = 0;
  /** Groups open at the reader: only inside one does a `)` end a word. */
  private depth = 0;
  /** Where the last operator word or `-` read ends (`NOT(england)`, `-(a OR b)`: a group starts a word there). */
  private operatorEnd = -1;
  /** How each date filter was written, for {@link checkDateRange}'s message. */
  readonly typedDates = new Map<QueryAtom, TypedDate>();
  /** The words written as filters with a name no filter has, searched as words (`foo:bar` is the phrase "foo bar"). */
  readonly unknownFilters: UnknownFilter[] = [];
  /** The entity filters, where they are written. */
  readonly entityFilters: EntityFilterWord[] = [];

  constructor(private readonly source: string) {}

  /** Skips white space; false at the end of the query. */
  skipSpaces(): boolean {
    while (isSpace(this.source[this.position])) this.position++;
    return this.position < this.source.length;
  }

  /** The character at the reader. */
  get char(): string | undefined {
    return this.source[this.position];
  }

  /**
   * The bare word at the reader, without moving: up to a space or a quote, or a `)` that closes an open group.
   * Parentheses inside a word (`co-op(s)`, `:)`) are its punctuation, as they were before groups.
   */
  private bareWord(): string {
    let end = this.position;
    while (end < this.source.length && !isSpace(this.source[end]) && this.source[end] !== '"' && !(this.depth > 0 && this.source[end] === CLOSE_GROUP)) end++;
    return this.source.slice(this.position, end);
  }

  /** Whether the reader is where a word starts: the query's start, after a space, a `(`, an operator word or a `-`. */
  private atTokenStart(): boolean {
    return this.position === 0 || this.position === this.operatorEnd || TOKEN_START.test(this.source[this.position - 1] ?? '');
  }

  /**
   * Whether the `(` at the reader opens a group: it starts a word, and that word does not glue text after its
   * `)` (`(AP)-Reuters`, `(AP),` are words, searched for their letters as before groups).
   */
  private opensGroup(): boolean {
    if (this.char !== OPEN_GROUP || !this.atTokenStart()) return false;
    let end = this.position;
    while (end < this.source.length && !isSpace(this.source[end])) end++;
    const token = this.source.slice(this.position, end);
    const close = token.indexOf(CLOSE_GROUP);
    return close === -1 || /^\)*$/u.test(token.slice(close));
  }

  /**
   * The operator word (OR, AND, NOT) at the reader, if the bare word is one, or one glued to a group's `(`
   * (`NOT(england)`); does not move.
   */
  keyword(): string | undefined {
    const word = this.bareWord();
    const glued = word.indexOf(OPEN_GROUP);
    const head = glued > 0 ? word.slice(0, glued) : word;
    return QUERY_OPERATORS.has(head) ? head : undefined;
  }

  /**
   * Reads the OR at the reader, which must follow an alternative (`hasLeft`) and not another OR (`pendingOr` is -1, or
   * where that OR is); returns where it is, for the alternative that must come after it.
   */
  readOr(hasLeft: boolean, pendingOr: number): number {
    const at = this.position;
    if (!hasLeft || pendingOr !== -1) throw lonelyOr(at);
    this.skipKeyword();
    return at;
  }

  /** Moves past the keyword at the reader: what follows it starts a word. */
  skipKeyword(): void {
    this.position += this.keyword()?.length ?? 0;
    this.operatorEnd = this.position;
  }

  /** Reads a `-` or a `NOT ` that excludes what follows; says which, undefined when there is none. */
  readExclusion(): '-' | typeof NOT_WORD | undefined {
    const start = this.position;
    if (this.char === '-' && this.atTokenStart()) {
      this.position++;
      this.operatorEnd = this.position;
      if (this.position >= this.source.length || isSpace(this.char)) {
        throw new QuerySyntaxError(`the "-" at position ${start + 1} must be followed by a word or "phrase" to exclude.`, start);
      }
      return '-';
    }
    if (this.keyword() !== NOT_WORD) return undefined;
    this.skipKeyword();
    if (!this.skipSpaces() || this.char === '-' || this.char === CLOSE_GROUP || this.keyword() !== undefined) {
      throw new QuerySyntaxError(`NOT at position ${start + 1} must be followed by a word, "phrase" or filter to exclude.`, start);
    }
    return NOT_WORD;
  }

  /** Reads a group in parentheses or one atom: the alternatives it offers (none for a punctuation-only word). */
  readAlternatives(): QueryAtom[] {
    if (this.opensGroup()) return this.readGroup();
    const atom = this.readAtom();
    return atom === undefined ? [] : [atom];
  }

  /**
   * Reads `(a OR b …)`, groups nested in it included. Only alternatives may be grouped: the query is an AND of ORs
   * (see {@link QueryClause}), so `(a b) OR c` or `NOT (a b)` could not be searched as written, and is refused
   * rather than read as something else.
   */
  private readGroup(): QueryAtom[] {
    const open = this.position;
    this.position++;
    this.depth++;
    const atoms: QueryAtom[] = [];
    let orAt = -1;
    for (;;) {
      if (!this.skipSpaces()) throw new QuerySyntaxError(`the "(" at position ${open + 1} is never closed; add a closing ")".`, open);
      const start = this.position;
      if (this.char === CLOSE_GROUP) {
        if (orAt !== -1) throw lonelyOr(orAt);
        if (atoms.length === 0) throw new QuerySyntaxError(`the parentheses at position ${open + 1} are empty; put words joined by OR in them.`, open);
        this.position++;
        this.depth--;
        return atoms;
      }
      const word = this.keyword();
      if (word === OR_WORD) {
        orAt = this.readOr(atoms.length > 0, orAt);
        continue;
      }
      if (word === NOT_WORD || this.char === '-') {
        throw new QuerySyntaxError(`parentheses cannot hold an excluded word (position ${start + 1}); exclude it after them.`, start);
      }
      if (word === AND_WORD) throw new QuerySyntaxError(`in parentheses, join the words with OR: write OR for the AND at position ${start + 1}.`, start);
      if (atoms.length > 0 && orAt === -1) {
        throw new QuerySyntaxError(`in parentheses, join the words with OR: add OR before position ${start + 1}, or close them.`, start);
      }
      const alternatives = this.readAlternatives();
      atoms.push(...alternatives);
      if (alternatives.length > 0) orAt = -1;
    }
  }

  /** Reads one word, phrase or filter (undefined for a punctuation-only word). */
  private readAtom(): QueryAtom | undefined {
    const start = this.position;
    if (this.char === '"') {
      const quoted = readQuoted(this.source, start);
      this.position = quoted.next;
      return phraseAtom(quoted.text, start);
    }
    const bare = this.bareWord();
    const end = start + bare.length;
    this.position = end;
    const colon = bare.indexOf(':');
    const operator = colon > 0 ? bare.slice(0, colon).toLowerCase() : '';
    if (ENTITY_OPERATORS[operator] === undefined && !DATE_OPERATORS.has(operator)) {
      // `foo:"a b"`: the quoted value follows the word, and is read as its own phrase next time round.
      const quotedValue = colon === bare.length - 1 && this.char === '"' ? this.source.indexOf('"', end + 1) : -1;
      if (FILTER_LIKE.test(quotedValue === -1 ? bare : `${bare}"`)) {
        this.unknownFilters.push({ text: this.source.slice(start, quotedValue === -1 ? end : quotedValue + 1), name: bare.slice(0, colon), offset: start });
      }
      // A quote glued to the end of a word, as in `abc"def"`, is read as its own phrase next time round.
      return wordAtom(bare, start);
    }
    let value = bare.slice(colon + 1);
    if (value.startsWith(OPEN_GROUP)) {
      // Read on, `person:(Trump OR Biden)` would be the person Trump or the word biden.
      throw new QuerySyntaxError(`${operator}: takes one value; for several, write (${operator}:A OR ${operator}:B).`, start);
    }
    if ((value === '' || value === EXACT_MARK) && this.char === '"') {
      const quoted = readQuoted(this.source, end);
      this.position = quoted.next;
      value += quoted.text;
    }
    const atom = operatorAtom(operator, value, start);
    if (atom.kind === 'date') this.typedDates.set(atom, { operator, value: value.replaceAll('"', '').trim(), offset: start });
    if (atom.kind === 'entity') this.entityFilters.push({ atom, operator: bare.slice(0, colon), offset: start, end: this.position });
    return atom;
  }
}

function parseClauses(reader: QueryReader): QueryClause[] {
  const clauses: { atoms: QueryAtom[]; negated: boolean }[] = [];
  let pendingOr = -1;
  while (reader.skipSpaces()) {
    const start = reader.position;
    const word = reader.keyword();
    if (word === OR_WORD) {
      pendingOr = reader.readOr(clauses.length > 0, pendingOr);
      continue;
    }
    if (word === AND_WORD) {
      reader.skipKeyword();
      continue;
    }
    const exclusion = reader.readExclusion();
    const negated = exclusion !== undefined;
    const atoms = reader.readAlternatives();
    if (atoms.length === 0) {
      // `NOT ...` would otherwise leave the query without the exclusion it asks for, and say nothing.
      if (exclusion === NOT_WORD) throw new QuerySyntaxError(`NOT at position ${start + 1} must be followed by a word, "phrase" or filter to exclude.`, start);
      continue;
    }
    const previous = clauses[clauses.length - 1];
    if (pendingOr !== -1 && previous) {
      if (negated || previous.negated) throw new QuerySyntaxError(`an excluded word (-word or NOT word) cannot be part of an OR (position ${start + 1}).`, start);
      previous.atoms.push(...atoms);
      pendingOr = -1;
    } else if (negated) {
      // NOT (a OR b) leaves out the articles with a and those with b.
      clauses.push(...atoms.map((atom) => ({ atoms: [atom], negated })));
    } else {
      clauses.push({ atoms, negated });
    }
  }
  if (pendingOr !== -1) throw lonelyOr(pendingOr);
  checkDateRange(boundingDates(clauses, reader.typedDates));
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
 * Parses the search box language: words (all must match), `"exact phrases"`, `a OR b`, `(a OR b)`, `-excluded` (or
 * `NOT excluded`), `prefix*`, `fuzzy~` (or `fuzzy~2`), `person:` / `place:` / `org:` / `entity:` with a name (quoted if it has spaces;
 * `person:="Kim Jong-un"` for exactly that entity),
 * `date:` / `on:` / `after:` / `before:` with `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Never throws: a malformed query gives `{ ok: false, error, offset }`.
 *
 * @example
 * parseQuery('person:"Vladimir Putin" after:2023-09 -Ukraine'); // { ok: true, query: { clauses: [3 clauses] } }
 * parseQuery('(Trump OR Biden) NOT pandemic');                // { ok: true, query: { clauses: [Trump OR Biden, NOT pandemic] } }
 * parseQuery('"interest rates');                              // { ok: false, error: 'News Corpus: the quote at position 1 is never closed; …', offset: 0 }
 */
export function parseQuery(source: string): QueryParseResult {
  try {
    const clauses = parseClauses(new QueryReader(source));
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

/**
 * The words of a query written as filters, a name of letters, a colon and a value (`foo:bar`, `peson:"Donald
 * Trump"`), whose name is none of {@link QUERY_FILTERS}: they are searched as words, and a query with one that finds
 * nothing should say so, not only "0 articles". A colon inside a time, a URL or at a word's end is not a filter's.
 * None for a query that does not parse (its error says what is wrong).
 *
 * @example
 * unknownFilters('peson:Trump 10:30');          // [{ text: 'peson:Trump', name: 'peson' }]
 * unknownFilters('person:Trump https://x.org'); // []
 */
export function unknownFilters(source: string): readonly UnknownFilter[] {
  return readWhole(source)?.reader.unknownFilters ?? [];
}

/**
 * The entity filters of a query (`person:Trump`, `org:="Reuters"`), in order, with where each is written; none when the
 * query does not parse.
 *
 * @example
 * entityFilterWords('oil person:Trunp').map(({ atom, offset }) => [atom.name, offset]); // [['Trunp', 4]]
 */
export function entityFilterWords(source: string): readonly EntityFilterWord[] {
  return readWhole(source)?.reader.entityFilters ?? [];
}

/**
 * The date filters every article a query matches must pass, in order (see {@link DateBound}); none when the query
 * does not parse.
 *
 * @example
 * dateBounds('rates date:1996 -before:1990').map(({ operator, value }) => `${operator}:${value}`); // ['date:1996']
 */
export function dateBounds(source: string): readonly DateBound[] {
  const read = readWhole(source);
  return read === undefined ? [] : boundingDates(read.clauses, read.reader.typedDates);
}

/** The reader after reading all of `source`, and the clauses read; undefined when it does not parse. */
function readWhole(source: string): { readonly reader: QueryReader; readonly clauses: readonly QueryClause[] } | undefined {
  const reader = new QueryReader(source);
  try {
    return { reader, clauses: parseClauses(reader) };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return undefined;
    throw error;
  }
}
