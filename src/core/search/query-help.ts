import { DatedSpan } from '../corpus';
import { editsWithin } from '../edit-distance';
import { MONTH_NAMES } from '../iso-date';
import { withoutProductPrefix } from '../messages';
import { EntityType } from '../entities/types';
import { nearestPart } from './near-names';
import { ENTITY_TYPE_NAMES } from '../entity-directory';
import { dayNumber, strictBounds } from './date-values';
import { DateBound, dateBounds, dateInWords, entityFilterWords, parseQuery, QUERY_FILTERS, QUERY_SPACES, unknownFilters, UnknownFilter } from './query-parser';
import { defaultEdits } from './query-plan';
import { rewriteFuzzy } from './query-rewrite';

/**
 * A one-line summary of the query language, short enough for the search box placeholder.
 *
 * @example
 * quickPick.placeholder = QUERY_PLACEHOLDER;
 */
export const QUERY_PLACEHOLDER = 'Search: words  "exact phrase"  a OR b  (a OR b) c  -word  NOT word  pref*  typo~  person:Putin  place:  org:  date:2023-09  after:  before:';

/**
 * The query language, one operator a line, for a help message or hover. Each example finds articles in the sample
 * corpus (`npm run demo`), where a new user picks them first.
 *
 * @example
 * console.log(QUERY_HELP);
 */
export const QUERY_HELP = [
  'prime minister        articles with every word (AND)',
  '"climate change"      the exact phrase',
  'hurricane OR storm    either word (OR, AND and NOT are operators in capitals only: "NOT" in quotes is the word)',
  '(storm OR fire) city  either word, and city; parentheses group only words joined by OR',
  'police -protest       leave out articles with a word; police NOT protest is the same',
  'elect*                words starting with "elect"',
  'goverment~            words within 1–2 typos (goverment~2 for two); used by itself when nothing matches',
  'person:Putin          articles naming the person (also when they say "Vladimir Putin"); quote names with spaces',
  'person:="Joe Biden"   exactly the entity of that name (any case), as the views and hover cards search',
  'place:Moscow          articles naming the place',
  'org:NATO              articles naming the organization',
  'entity:Brexit         articles naming any kind of entity',
  'date:2019-09          a year, month or day; on:2019-09-13 is the same',
  'after:2020-01-01      strictly after; before:2019 strictly before',
].join('\n');

/** The filters, as a message lists them: "person:, place:, …, before:". */
const FILTER_LIST = QUERY_FILTERS.map((name) => `${name}:`).join(', ');

/**
 * Names people write for a filter, taken from the views' own words ("People", "Organizations") or other tools': the
 * filter each means.
 */
const FILTER_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ...['people', 'persons', 'per'].map((name) => [name, 'person'] as const),
  ...['places', 'location', 'locations', 'loc', 'country', 'city'].map((name) => [name, 'place'] as const),
  ...['organization', 'organizations', 'organisation', 'organisations', 'orgs', 'company'].map((name) => [name, 'org'] as const),
  ...['entities'].map((name) => [name, 'entity'] as const),
]);

/**
 * The filters an unknown filter name was likely meant to be: the one it is another word for ("people:", "location:"),
 * else the nearest within as many typos as a search word of its length is allowed (ties all).
 */
function nearestFilters(name: string): string[] {
  const typed = name.toLowerCase();
  const synonym = FILTER_SYNONYMS.get(typed);
  if (synonym !== undefined) return [synonym];
  const maxEdits = defaultEdits(typed);
  const distances = QUERY_FILTERS.map((filter) => ({ filter, edits: editsWithin(typed, filter, maxEdits) }));
  const nearest = Math.min(...distances.map(({ edits }) => edits));
  return nearest > maxEdits ? [] : distances.filter(({ edits }) => edits === nearest).map(({ filter }) => filter);
}

/** What to say of a word written as a filter with an unknown name: that there is no such filter, and the filters it was likely meant to be. */
function unknownFilterMessage({ text, name }: UnknownFilter): { readonly text: string; readonly detail: string } {
  const meant = nearestFilters(name).map((filter) => `${filter}${text.slice(name.length)}`);
  const searched = `"${text}" was searched for as words, and nothing matched.`;
  if (meant.length === 0) return { text: `There is no filter "${name}:"; filters are ${FILTER_LIST}.`, detail: searched };
  return { text: `There is no filter "${name}:": did you mean ${meant.join(' or ')}?`, detail: `${searched} Filters are ${FILTER_LIST}.` };
}

/**
 * What the corpus says of its dates, for {@link noMatchMessage}: the first and last date of its articles, and whether
 * a query's date filters alone (`date:1987-03 after:1987-03-10`) find any article.
 *
 * @example
 * const dates: CorpusDates = { span: () => corpus.datedSpan(), finds: (filters) => search(filters).total > 0 };
 */
export interface CorpusDates {
  span(): DatedSpan | undefined;
  finds(filters: string): boolean;
}

/** What the no-match message adds of dates no article has, after the corpus's span: where to see the days that have articles. */
const DATED_DAYS_DETAIL = 'the Dates view lists the days that have articles; without the date, the query searches them all.';
/** …and of a corpus none of whose articles has a date: where to see why. */
const NO_DATES_DETAIL = "In the Dates view, an undated article's tooltip says why it has no date.";

/** Whether any of the days `bound` lets through is within `span`. */
function overlaps(bound: Pick<DateBound, 'from' | 'to'>, span: DatedSpan): boolean {
  return bound.from <= dayNumber(span.last) && bound.to >= dayNumber(span.first);
}

/** Whether `bound` lets every day of `span` through: `date:1987` of a corpus of 1987 keeps every article. */
function narrowsNothing(bound: Pick<DateBound, 'from' | 'to'>, span: DatedSpan): boolean {
  return bound.from <= dayNumber(span.first) && bound.to >= dayNumber(span.last);
}

/**
 * What to say when a query's date filters alone match no article, the words aside: that no article has such a date,
 * and the dates the corpus's articles have. The span says so of dates outside it at no cost; within it (a day
 * between two articles'), the filters are searched alone. Undefined when they find some article, or the query has none.
 */
function undatedMessage(query: string, dates: CorpusDates): { readonly text: string; readonly detail: string } | undefined {
  const bounds = dateBounds(query);
  if (bounds.length === 0) return undefined;
  const dated = `No article is dated ${bounds.map(dateInWords).join(' and ')}`;
  const span = dates.span();
  if (span === undefined) return { text: `${dated}: none of the corpus's articles has a date.`, detail: NO_DATES_DETAIL };
  const days = { from: Math.max(...bounds.map(({ from }) => from)), to: Math.min(...bounds.map(({ to }) => to)) };
  if (overlaps(days, span) && dates.finds(bounds.map(({ operator, value }) => `${operator}:${value}`).join(' '))) return undefined;
  // The span in the detail, the message short: a row of the search box cut "… run from 2006-01-12 to 2023-…" (ux38b).
  return { text: `${dated}.`, detail: `The corpus's articles run from ${span.first} to ${span.last}; ${DATED_DAYS_DETAIL}` };
}

/**
 * What the search box and the Search Results view say of a query that matched nothing, and what to try. A word
 * written as a filter whose name no filter has (`foo:bar`, `peson:Trump`) comes first: it was searched for as words,
 * which is rarely what was meant, and the filter it was likely meant to be is offered. Then date filters that alone
 * match no article (`date:1996` in a corpus of 1987), asked of the corpus's `dates` when given (not while it is being
 * indexed: articles still to read may have those dates): the words were not why. A typo-tolerant word is
 * suggested only to a query that tried none: one with a plain word was retried with its words typo-tolerant before
 * it was said to match nothing (see {@link rewriteFuzzy}), and one with a `~` asked for it.
 *
 * @example
 * noMatchMessage('"interest ratez"').detail; // 'Try fewer words, a prefix such as elect*, or a typo-tolerant word such as goverment~.'
 * noMatchMessage('bundesbnak').detail;       // 'Near spellings of its words matched nothing either. Try fewer words, or a prefix such as elect*.'
 * noMatchMessage('peson:Trump').text;        // 'There is no filter "peson:": did you mean person:Trump?'
 * noMatchMessage('foo:bar').text;            // 'There is no filter "foo:"; filters are person:, place:, org:, entity:, date:, on:, after:, before:.'
 * noMatchMessage('date:1996 rates', dates).text; // 'No article is dated in 1996.' (the detail: "The corpus's articles run from 1987-02-26 to 1987-10-20; …")
 */
export function noMatchMessage(query: string, dates?: CorpusDates): { readonly text: string; readonly detail: string } {
  const [unknown] = unknownFilters(query);
  if (unknown !== undefined) return unknownFilterMessage(unknown);
  const undated = dates === undefined ? undefined : undatedMessage(query, dates);
  if (undated !== undefined) return undated;
  const parsed = parseQuery(query);
  const typoTolerant =
    parsed.ok &&
    (rewriteFuzzy(parsed.query) !== undefined || parsed.query.clauses.some((clause) => !clause.negated && clause.atoms.some((atom) => atom.kind === 'term' && atom.mode === 'fuzzy')));
  return {
    text: 'No articles match.',
    detail: typoTolerant ? 'Near spellings of its words matched nothing either. Try fewer words, or a prefix such as elect*.' : 'Try fewer words, a prefix such as elect*, or a typo-tolerant word such as goverment~.',
  };
}

/**
 * An "or" in lower case standing between two words, as people type "either": the search reads it as a word. Words
 * are parted as the parser parts them (space, tab, line breaks): across a no-break space, "trump or biden" is one word
 * to it, and OR there would change nothing.
 */
const LOWER_CASE_OR = new RegExp(`(?<=[^${QUERY_SPACES}][${QUERY_SPACES}]+)or(?=[${QUERY_SPACES}]+[^${QUERY_SPACES}])`, 'gu');

/** The query with its quoted text masked by letters of its length: positions stay, and nothing in quotes matches a pattern. */
function withQuotesMasked(query: string): string {
  return query.replace(/"[^"]*("|$)/gu, (quoted) => 'x'.repeat(quoted.length));
}

/**
 * The query with each "or" in lower case between two words written OR, when that reads as a query: the search takes
 * operators in capitals only ("or" is a word it looks for, so "trump or biden" found 13 articles where "trump OR biden"
 * finds 63), and the search box offers this instead; undefined when the query has no such "or". An "or" inside quotes
 * is part of the phrase.
 *
 * @example
 * eitherWordQuery('trump or biden');        // 'trump OR biden'
 * eitherWordQuery('"war or peace" treaty'); // undefined
 */
export function eitherWordQuery(query: string): string | undefined {
  const places = [...withQuotesMasked(query).matchAll(LOWER_CASE_OR)].map(({ index }) => index);
  if (places.length === 0) return undefined;
  let either = query;
  for (const at of places) either = `${either.slice(0, at)}OR${either.slice(at + 2)}`;
  return parseQuery(either).ok ? either : undefined;
}

/**
 * The query with each word written as a filter of an unknown name given the one filter it was likely meant to be, and
 * the names so replaced, when that reads as a query; undefined when no unknown filter has a single likely one. A name
 * with two as near is left for the no-match message, which names both.
 *
 * @example
 * meantFilterQuery('peson:Putin oil'); // { query: 'person:Putin oil', replaced: ['peson'] }
 * meantFilterQuery('foo:bar');         // undefined
 */
export function meantFilterQuery(query: string): { readonly query: string; readonly replaced: readonly string[] } | undefined {
  let meant = query;
  const replaced: string[] = [];
  // From the last: a replacement keeps the offsets of the words before it.
  for (const { name, offset } of [...unknownFilters(query)].reverse()) {
    const [filter, ...others] = nearestFilters(name);
    if (filter === undefined || others.length > 0) continue;
    meant = `${meant.slice(0, offset)}${filter}${meant.slice(offset + name.length)}`;
    replaced.unshift(name);
  }
  return replaced.length > 0 && parseQuery(meant).ok ? { query: meant, replaced } : undefined;
}

/** English month names and their common abbreviations ("Sept" too), in lower case: the number of the month each names. */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((name) => name.toLowerCase()).flatMap((name, index) => [
    [name, index + 1] as const,
    [name.slice(0, 3), index + 1] as const,
  ]),
  ['sept', 9],
]);

/**
 * The word before a date that says which filter it means: "in" and "during" say the date the article is of, which
 * date: is, and go with the date (as words, "in" is in nearly every article and narrowed nothing but by chance);
 * "before" and "after" are the filters of their name, strict as the words are ("after March 1987": from April).
 * Any other word ("of", "since") stays a word: what it says of the date is not sure, and the offer stays predictable.
 */
const DATE_WORD_FILTERS: ReadonlyMap<string, string> = new Map([
  ['in', 'date'],
  ['during', 'date'],
  ['before', 'before'],
  ['after', 'after'],
]);

/** The filter of a date written as words with none of {@link DATE_WORD_FILTERS} before it: the year or month itself. */
const DEFAULT_DATE_FILTER = 'date';

/** The filter a date written as words means: `date:1987-03` for "March 1987", `after:1987` for "after 1987". */
function dateFilterOf(before: string | undefined, month: string | undefined, year: string | undefined): string {
  const operator = DATE_WORD_FILTERS.get(before?.toLowerCase() ?? '') ?? DEFAULT_DATE_FILTER;
  const monthNumber = month === undefined ? undefined : MONTHS.get(month.toLowerCase());
  return `${operator}:${year ?? ''}${monthNumber === undefined ? '' : `-${String(monthNumber).padStart(2, '0')}`}`;
}

/**
 * A year written as a word (four digits), with the name of a month before it or not ("March 1987", "Mar. 1987"), and
 * the word that says which filter it means, if one is before it: the filter's name, the month's, the year.
 */
const DATE_WORDS = new RegExp(
  `(?<=^|[${QUERY_SPACES}(])(?:(${[...DATE_WORD_FILTERS.keys()].join('|')})[${QUERY_SPACES}]+)?(?:(${[...MONTHS.keys()].join('|')})\\.?[${QUERY_SPACES}]+)?(\\d{4})(?=$|[${QUERY_SPACES})])`,
  'giu',
);

/**
 * The query with each year written as a word, and the month named before it, written as the date filter it likely
 * means ("interest rates in 1987": `interest rates date:1987`; "March 1987": `date:1987-03`), and the words so
 * replaced, when that reads as a query: a year as a word is found only in the articles that write it (21 of the 81
 * articles of 1987 on interest rates), and the count shrank without a word. Offered only for a date that some article
 * of the corpus (`dates`) has: one out of its dated span finds nothing (and a four-digit number that is no year of the
 * corpus is likely a number), and "election in 2012" offered `date:2012` in a corpus of no article of 2012, which took
 * its 7 results to none (ux38b); nor for one the whole corpus is within, which narrows nothing. A year in quotes, in a
 * filter or excluded (`-1987`) is left as typed.
 *
 * @example
 * datedQuery('interest rates in 1987', dates);   // { query: 'interest rates date:1987', typed: ['in 1987'], filters: ['date:1987'] } (a corpus of 1986 and 1987)
 * datedQuery('rates after March 1987', dates);   // { query: 'rates after:1987-03', … }
 * datedQuery('interest rates in 1996', dates);   // undefined: no article is dated in 1996
 */
export function datedQuery(query: string, dates: CorpusDates): { readonly query: string; readonly typed: readonly string[]; readonly filters: readonly string[] } | undefined {
  const span = dates.span();
  if (span === undefined) return undefined;
  let dated = query;
  const typed: string[] = [];
  const filters: string[] = [];
  // From the last: a replacement keeps the offsets of the words before it.
  for (const { 0: words, 1: before, 2: month, 3: year, index } of [...withQuotesMasked(query).matchAll(DATE_WORDS)].reverse()) {
    const filter = dateFilterOf(before, month, year);
    const [bound] = dateBounds(filter);
    if (bound === undefined || !overlaps(bound, span) || narrowsNothing(bound, span) || !dates.finds(filter)) continue;
    dated = `${dated.slice(0, index)}${filter}${dated.slice(index + words.length)}`;
    typed.unshift(query.slice(index, index + words.length));
    filters.unshift(filter);
  }
  return filters.length > 0 && parseQuery(dated).ok ? { query: dated, typed, filters } : undefined;
}

/** A date filter written with a range as other tools take one (`date:1987-03-01..1987-03-31`), which no filter takes. */
const DATE_RANGE = new RegExp(`(?<=^|[${QUERY_SPACES}(])(?:date|on):"?([^${QUERY_SPACES}"]+\\.\\.[^${QUERY_SPACES}")]+)"?`, 'giu');

/**
 * The query with each date filter written as a range (`date:1987-03-01..1987-03-31`) written as the `after:` and
 * `before:` filters that let its days through (both strict), when that reads as a query: the parser refuses the range,
 * and saying how to write it left the writing to the user (ux38b: the message's Enter did nothing).
 *
 * @example
 * rangeQuery('rates date:1987-03-01..1987-03-31'); // 'rates after:1987-02-28 before:1987-04-01'
 * rangeQuery('rates date:1987-03');                // undefined
 */
export function rangeQuery(query: string): string | undefined {
  let replaced = false;
  const meant = query.replace(DATE_RANGE, (written, range: string) => {
    const bounds = strictBounds(range);
    if (bounds === undefined) return written;
    replaced = true;
    return `after:${bounds.after} before:${bounds.before}`;
  });
  return replaced && parseQuery(meant).ok ? meant : undefined;
}

/**
 * A query the user likely meant instead of the one typed, offered beside its results: `label` names the kind,
 * `reason` says why.
 *
 * @example
 * const suggestion: QuerySuggestion = { label: 'Did you mean', query: 'person:Putin', reason: 'There is no filter "peson:", so "peson:Putin" was searched for as words.' };
 */
export interface QuerySuggestion {
  readonly label: string;
  readonly query: string;
  readonly reason: string;
}

/**
 * The queries the user likely meant when the search reads the one typed otherwise: a year or month written as words
 * that some article of the corpus (`dates`) has ({@link datedQuery}; none without `dates`), "or" in lower case between words
 * ({@link eitherWordQuery}) and a filter name with a typo or another word for a filter ({@link meantFilterQuery}), in
 * that order.
 *
 * @example
 * querySuggestions('trump or biden').map(({ query }) => query); // ['trump OR biden']
 * querySuggestions('peson:Putin')[0]?.reason;                   // 'There is no filter "peson:", so "peson:Putin" was searched for as words.'
 * querySuggestions('rates in 1987', dates)[0]?.query; // 'rates date:1987' (a corpus with articles of 1987 and other years)
 */
export function querySuggestions(query: string, dates?: CorpusDates): QuerySuggestion[] {
  const suggestions: QuerySuggestion[] = [];
  const dated = dates === undefined ? undefined : datedQuery(query, dates);
  if (dated !== undefined) {
    const typed = dated.typed.map((words) => `"${words}"`).join(', ');
    const [is, finds] = dated.typed.length === 1 ? ['is', 'finds'] : ['are', 'find'];
    suggestions.push({ label: 'Did you mean', query: dated.query, reason: `${typed} ${is} searched for in the articles' text; ${dated.filters.join(', ')} ${finds} the articles by their date.` });
  }
  const ranged = rangeQuery(query);
  if (ranged !== undefined) suggestions.push({ label: 'Did you mean', query: ranged, reason: 'date: takes a year, a month or a day, not a range; after: and before: take one, both strict.' });
  const either = eitherWordQuery(query);
  if (either !== undefined) suggestions.push({ label: 'Either word', query: either, reason: '"or" in lower case is searched for as a word; OR in capitals finds articles with either.' });
  const meant = meantFilterQuery(query);
  if (meant !== undefined) {
    const names = meant.replaced.map((name) => `"${name}:"`).join(', ');
    const none = meant.replaced.length === 1 ? `There is no filter ${names}` : `There are no filters ${names}`;
    suggestions.push({ label: 'Did you mean', query: meant.query, reason: `${none}, so "${query}" was searched for as words.` });
  }
  return suggestions;
}

/**
 * What the corpus says of the names in a query's entity filters, for {@link nameSuggestions}: whether a filter alone
 * (`person:Trunp`) finds any article, and the name of the corpus nearest to a misspelt one, of a type or of any
 * (`entity:`), other than that of the entity `except` (a key) when given.
 *
 * @example
 * const names: CorpusNames = { finds: (filter) => search(filter).total > 0, nearest: (type, name) => nearNames(name, entitiesOf(type), 1)[0]?.name };
 */
export interface CorpusNames {
  finds(filter: string): boolean;
  nearest(type: EntityType | undefined, name: string, except?: string): string | undefined;
}

/**
 * The query with each entity filter that finds nothing ("person:Trunp") naming instead the nearest name of its type
 * the corpus has ("person:Trump"), when there is one: a misspelt name matched nothing, and the help spoke only of
 * words (ux34). Asked when a query matched nothing; `names` says what the corpus has.
 *
 * @example
 * nameSuggestions('oil person:Trunp', names); // [{ label: 'Did you mean', query: 'oil person:Trump', reason: 'No person in the corpus is named "Trunp"; the nearest name is "Donald Trump".' }]
 */
export function nameSuggestions(query: string, names: CorpusNames): QuerySuggestion[] {
  let meant = query;
  const reasons: string[] = [];
  // From the last: a replacement keeps the offsets of the words before it.
  for (const { atom, operator, offset, end } of [...entityFilterWords(query)].reverse()) {
    // An excluded filter ("-place:Moskow") is not why nothing matched: another name there would match fewer still.
    if (EXCLUDED_BEFORE.test(query.slice(0, offset))) continue;
    if (names.finds(query.slice(offset, end))) continue;
    const nearest = names.nearest(atom.entityType, atom.name);
    if (nearest === undefined) continue;
    // The nearest name's word that is nearest to the one typed, when the filter named one word ("Trunp": "Trump"), if
    // that finds the entity; else the whole name, exactly ("NATOO" near the alias "NATO" of a longer name).
    const filterOf = (value: string, exact: boolean) => `${operator}:${exact ? '=' : ''}${/[\s"]/u.test(value) ? `"${value.replaceAll('"', '')}"` : value}`;
    const word = atom.exact ? undefined : filterOf(nearestPart(atom.name, nearest).part, false);
    const replacement = word !== undefined && names.finds(word) ? word : filterOf(nearest, true);
    meant = `${meant.slice(0, offset)}${replacement}${meant.slice(end)}`;
    reasons.unshift(`No ${atom.entityType === undefined ? 'entity' : ENTITY_TYPE_NAMES[atom.entityType].one} in the corpus is named "${atom.name}"; the nearest name is "${nearest}".`);
  }
  return reasons.length > 0 && meant !== query && parseQuery(meant).ok ? [{ label: 'Did you mean', query: meant, reason: reasons.join(' ') }] : [];
}

/** What stands before an excluded word: a `-`, or NOT and spaces, after the start, a space or a `(`. */
const EXCLUDED_BEFORE = /(?:^|[\s(])(?:-|NOT\s+)$/u;

/** Characters of the query shown on each side of a syntax error's place. */
const ERROR_CONTEXT = 30;
/** Marks where in the query a syntax error is. */
const ERROR_MARK = '▸';

/**
 * A query's syntax error as the search box and the Search Results view say it: the parser's message without the
 * product's name (the box's title says it already), capitalised, and the query with a mark where the error is, so
 * that "position 6" need not be counted out.
 *
 * @example
 * queryErrorMessage('elec "tion', { error: 'News Corpus: the quote at position 6 is never closed; add a closing ".', offset: 5 });
 * // { text: 'The quote at position 6 is never closed; add a closing ".', place: 'elec ▸"tion' }
 * queryErrorMessage('after:2023-13-45', parseQuery('after:2023-13-45')).text; // 'after:2023-13-45 — month 13 is not between 01 and 12.'
 */
export function queryErrorMessage(query: string, failure: { readonly error: string; readonly offset: number }): { readonly text: string; readonly place: string } {
  const message = withoutProductPrefix(failure.error);
  const at = Math.max(0, Math.min(failure.offset, query.length));
  const from = Math.max(0, at - ERROR_CONTEXT);
  const to = Math.min(query.length, at + ERROR_CONTEXT);
  const place = `${from > 0 ? '…' : ''}${query.slice(from, at)}${ERROR_MARK}${query.slice(at, to)}${to < query.length ? '…' : ''}`;
  // A first word of the message's own is capitalised; one quoted from the query (after:2023-13-45) stays as typed.
  const text = /^[a-z]+ /.test(message) ? `${message.charAt(0).toUpperCase()}${message.slice(1)}` : message;
  return { text, place };
}
