/**
 * A one-line summary of the query language, short enough for the search box placeholder.
 *
 * @example
 * quickPick.placeholder = QUERY_PLACEHOLDER;
 */
export const QUERY_PLACEHOLDER = 'Search: words  "exact phrase"  a OR b  -not  pref*  typo~  person:Putin  place:  org:  date:2023-09  after:  before:';

/**
 * The query language, one operator a line, for a help message or hover.
 *
 * @example
 * console.log(QUERY_HELP);
 */
export const QUERY_HELP = [
  'oil prices            articles with every word (AND)',
  '"interest rates"      the exact phrase',
  'wheat OR corn         either word',
  'bank -england         leave out articles with a word',
  'export*               words starting with "export"',
  'bundesbnak~           words within 1–2 typos (bundesbnak~2 for two); used by itself when nothing matches',
  'person:Putin          articles naming the person (also when they say "Vladimir Putin"); quote names with spaces',
  'place:Moscow          articles naming the place',
  'org:Kremlin           articles naming the organization',
  'entity:NATO           articles naming any kind of entity',
  'date:2023-09          a year, month or day; on:2023-09-13 is the same',
  'after:2023-09-01      strictly after; before:2023 strictly before',
].join('\n');
