import { articleBodyStart } from '../article';
import { tsvTable } from '../search-workflow/result-export';
import { ArticleEntity } from '../entities/types';
import { QUERY_FILTERS, QUERY_OPERATORS } from '../search/query-parser';
import { MAX_TERM_LENGTH, tokenize } from '../search/tokenize';
import { DayBounds } from './periods';

/**
 * Characters of context kept on each side of a match.
 *
 * @example
 * kwicLines(article, pattern, KWIC_CONTEXT);
 */
export const KWIC_CONTEXT = 60;
/**
 * Lines a page of the Keyword in Context panel shows.
 *
 * @example
 * kwicPage(lines, { sort: 'right', offset: 0, limit: KWIC_PAGE });
 */
export const KWIC_PAGE = 100;

/**
 * What to find: each form is a sequence of search terms (lower-case, accents folded), e.g. a phrase or one
 * spelling of an entity.
 *
 * @example
 * kwicPattern(['Vladimir Putin', 'Putin']); // [['vladimir', 'putin'], ['putin']]
 */
export type KwicPattern = readonly (readonly string[])[];

/**
 * An article to look in: its identity (URI), title, date and full text.
 *
 * @example
 * const source: KwicArticle = { id: 'file:///news/a.txt', title: 'Kim arrives', date: '2023-09-13', text: ' date 2023-09-13 Kim arrives.' };
 */
export interface KwicArticle {
  readonly id: string;
  readonly title: string;
  readonly date?: string | undefined;
  readonly text: string;
}

/**
 * One occurrence: the article, where the match is (zero-based line and character, length) and the text
 * left of it, of it and right of it, on one line each (white space collapsed).
 *
 * @example
 * const line: KwicLine = { id: 'file:///a.txt', title: 'Kim arrives', date: '2023-09-13', line: 0, character: 17, length: 3, left: '', match: 'Kim', right: 'arrives.' };
 */
export interface KwicLine {
  readonly id: string;
  readonly title: string;
  readonly date?: string | undefined;
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly left: string;
  readonly match: string;
  readonly right: string;
}

/**
 * The order of KWIC lines: by the words left of the match (nearest first), right of it, or by date.
 *
 * @example
 * const sort: KwicSort = 'left';
 */
export type KwicSort = 'left' | 'right' | 'date';

/**
 * A filter of the search syntax at a word's start, with a value, as the parser reads one ("person:Trump",
 * "-date:2023", "(Org:NATO"; any case): not "date:" alone, which the search refuses ("up to date: the…").
 */
const FILTER_WORD = new RegExp(`^-?\\(?(${QUERY_FILTERS.join('|')}):[\\p{L}\\p{N}"=]`, 'iu');
/** A word the search would leave out ("-england", '-"a phrase"', "-(a OR b)"), not a dash between words or inside one. */
const EXCLUDED_WORD = /^-[\p{L}\p{N}"(]/u;
/** The search's prefix and typo marks at a word's end ("export*", "bundesbnak~", "bundesbnak~2"). */
const WORD_MARK = /[\p{L}\p{N}](\*|~)\d*$/u;

/**
 * The first piece of search syntax in a text the Keyword in Context panel is asked for: an operator in capitals,
 * a filter, an excluded word, or a prefix or typo mark. The panel finds words as they are written, so such a text
 * finds only its literal words ("wheat OR corn" the phrase "wheat or corn"): the panel says so instead of a bare 0.
 * Words in quotes are words.
 *
 * @example
 * kwicSearchSyntax('wheat OR corn');   // 'OR'
 * kwicSearchSyntax('person:Trump');    // 'person:'
 * kwicSearchSyntax('"interest rates"'); // undefined
 */
export function kwicSearchSyntax(text: string): string | undefined {
  // A quoted phrase (or one never closed) stands as an empty pair of quotes: a word for the minus or filter before it,
  // and nothing a mark after it could follow.
  const unquoted = text.replace(/"[^"]*("|$)/g, '""');
  for (const word of unquoted.split(/\s+/u)) {
    if (QUERY_OPERATORS.has(word)) return word;
    const filter = FILTER_WORD.exec(word)?.[1];
    if (filter !== undefined) return `${filter.toLowerCase()}:`;
    if (EXCLUDED_WORD.test(word)) return '-';
    const mark = WORD_MARK.exec(word)?.[1];
    if (mark !== undefined) return mark;
  }
  return undefined;
}

/**
 * The forms to find, as term sequences: duplicates and empty forms dropped, longest first (so that
 * "Vladimir Putin" is one match, not "Putin" inside it).
 *
 * @example
 * kwicPattern(['Putin', 'Vladimir Putin']); // [['vladimir', 'putin'], ['putin']]
 */
export function kwicPattern(forms: readonly string[]): KwicPattern {
  const unique = new Map<string, string[]>();
  for (const form of forms) {
    const terms = tokenize(form).map(({ term }) => term);
    if (terms.length > 0) unique.set(terms.join(' '), terms);
  }
  return [...unique.values()].sort((a, b) => b.length - a.length);
}

/**
 * Where something is found in a text: from `start` to `end` (UTF-16 offsets).
 *
 * @example
 * const span: KwicSpan = { start: 24, end: 29 };
 */
export interface KwicSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Every occurrence of the pattern in an article's own text (after its date header), in text order, with
 * `context` characters each side (cut at a word boundary, never reaching into the header). Matches do not overlap.
 *
 * @example
 * kwicLines({ id: 'a', title: 't', text: ' date 2023-09-13 Kim met Putin in Moscow.' }, [['putin']]);
 * // [{ id: 'a', title: 't', line: 0, character: 24, length: 5, left: 'Kim met', match: 'Putin', right: 'in Moscow.' }]
 */
export function kwicLines(article: KwicArticle, pattern: KwicPattern, context = KWIC_CONTEXT): KwicLine[] {
  return kwicLinesAt(article, matchesIn(article.text, pattern), context);
}

/**
 * The lines of the given `spans` of an article's text (an entity's mentions, as the recogniser found them), in the
 * order given, those in the date header left out; as {@link kwicLines}.
 *
 * @example
 * kwicLinesAt({ id: 'a', title: 't', text: ' date 2023-09-13 Kim met Putin in Moscow.' }, [{ start: 24, end: 29 }]);
 * // [{ id: 'a', title: 't', line: 0, character: 24, length: 5, left: 'Kim met', match: 'Putin', right: 'in Moscow.' }]
 */
export function kwicLinesAt(article: KwicArticle, spans: readonly KwicSpan[], context = KWIC_CONTEXT): KwicLine[] {
  const { text } = article;
  const body = articleBodyStart(text);
  const lines: KwicLine[] = [];
  let line = 0;
  let lineStart = 0;
  for (const { start, end } of spans) {
    if (start < body) continue;
    for (let newline = text.indexOf('\n', lineStart); newline !== -1 && newline < start; newline = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = newline + 1;
    }
    lines.push({
      id: article.id,
      title: article.title,
      date: article.date,
      line,
      character: start - lineStart,
      length: end - start,
      left: leftContext(text, body, start, context),
      match: collapse(text.slice(start, end)),
      right: rightContext(text, end, context),
    });
  }
  return lines;
}

/**
 * What a {@link KwicReading} finds in each article's text: the occurrences of some words or forms, or an entity's
 * mentions (which may take waiting for).
 *
 * @example
 * const putin: KwicMatcher = formMatcher(['Vladimir Putin', 'Putin']);
 */
export type KwicMatcher = (text: string, id: string) => readonly KwicSpan[] | Promise<readonly KwicSpan[]>;

/**
 * The occurrences of `forms` (words, phrases or spellings), as {@link kwicLines} finds them.
 *
 * @example
 * formMatcher(['Putin'])('Kim met Putin.', 'a'); // [{ start: 8, end: 13 }]
 */
export function formMatcher(forms: readonly string[]): KwicMatcher {
  const pattern = kwicPattern(forms);
  return (text) => matchesIn(text, pattern);
}

/**
 * How one of an entity's articles is analysed: its entities as the recogniser (with the user's corrections) finds them
 * in `text`; a long text's may come later.
 *
 * @example
 * const analyze: MentionAnalyzer = (text, id) => analyzedInPassing(text, id);
 */
export type MentionAnalyzer = (text: string, id: string) => Promise<readonly ArticleEntity[]>;

/**
 * Milliseconds an entity's matcher analyses before it gives the event loop a turn: its 200 newest articles take a few
 * hundred ms, which other work of the thread (a hover, a keystroke's providers) must not wait for in one piece.
 */
const ANALYSIS_SLICE_MS = 8;

/**
 * The mentions of the entity `key` in each text, in text order, as `analyze` finds them: the ones its counts are of.
 * Its spellings searched as words would also find other people's ("Trump" in "Melania Trump" is not Donald Trump's).
 * After each {@link ANALYSIS_SLICE_MS} of analysing it waits for `nextTurn`, so that other work of the thread goes on.
 *
 * @example
 * await entityMatcher('PER:donald trump', analyze)(text, id); // [{ start: 120, end: 132 }, …]
 */
export function entityMatcher(
  key: string,
  analyze: MentionAnalyzer,
  nextTurn: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  now: () => number = () => performance.now(),
): KwicMatcher {
  let sliceStart = now();
  return async (text, id) => {
    if (now() - sliceStart >= ANALYSIS_SLICE_MS) {
      await nextTurn();
      sliceStart = now();
    }
    const entity = (await analyze(text, id)).find((found) => found.key === key);
    return entity ? [...entity.mentions].sort((a, b) => a.start - b.start) : [];
  };
}

/** Text and terms of ASCII only, where a term can be looked for with `indexOf` in the lower-cased text. */
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
/** Characters after a candidate start that are tokenised to compare a form, besides the form's own letters. */
const FORM_SLACK = 64;

function isAsciiWordAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Where the forms occur, in text order, without overlaps. */
function matchesIn(text: string, pattern: KwicPattern): KwicSpan[] {
  const matches: KwicSpan[] = [];
  const at = (tokens: readonly { term: string; start: number; end: number }[], index: number) => {
    const form = pattern.find((terms) => terms.every((term, offset) => tokens[index + offset]?.term === term));
    const first = tokens[index];
    const last = form ? tokens[index + form.length - 1] : undefined;
    return form && first && last ? { start: first.start, end: last.end, length: form.length } : undefined;
  };
  if (!ASCII_ONLY.test(text) || !pattern.every((terms) => terms.every((term) => ASCII_ONLY.test(term)))) {
    const tokens = tokenize(text);
    for (let index = 0; index < tokens.length; ) {
      const found = at(tokens, index);
      if (found) matches.push(found);
      index += found?.length ?? 1;
    }
    return matches;
  }
  // Tokenising whole articles cost most of a KWIC of a common word: only the places where a form's first term
  // stands as a whole word are tokenised.
  const lowered = text.toLowerCase();
  const reach = Math.max(...pattern.map((terms) => terms.join(' ').length)) + FORM_SLACK;
  const starts = new Set<number>();
  for (const first of new Set(pattern.map((terms) => terms[0] ?? ''))) {
    for (let found = lowered.indexOf(first); found !== -1; found = lowered.indexOf(first, found + 1)) {
      const whole = (found === 0 || !isAsciiWordAt(lowered, found - 1)) && (first.length >= MAX_TERM_LENGTH || !isAsciiWordAt(lowered, found + first.length));
      if (whole) starts.add(found);
    }
  }
  let taken = 0;
  for (const start of [...starts].sort((a, b) => a - b)) {
    if (start < taken) continue;
    const found = at(tokenize(text, start, Math.min(text.length, start + reach)), 0);
    if (!found) continue;
    matches.push(found);
    taken = found.end;
  }
  return matches;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text before `end`, from no earlier than `body` (where the article's own text starts). */
function leftContext(text: string, body: number, end: number, context: number): string {
  const start = Math.max(body, end - context);
  const slice = text.slice(start, end);
  const space = start > body ? slice.search(/\s/) : -1;
  return collapse(space === -1 ? slice : slice.slice(space));
}

function rightContext(text: string, start: number, context: number): string {
  const slice = text.slice(start, start + context);
  const space = start + context < text.length ? slice.search(/\s\S*$/) : -1;
  return collapse(space <= 0 ? slice : slice.slice(0, space));
}

/**
 * Orders lines for a KWIC display: `left` by the words before the match, nearest first (so
 * "a central | bank" comes before "the | bank": "central" < "the"); `right` by the words after it; `date`
 * oldest first. Ties keep the given order. Returns a new array.
 *
 * @example
 * sortKwic(lines, 'right').map((line) => line.right); // ['and Kim…', 'in Moscow…', 'said…']
 */
export function sortKwic(lines: readonly KwicLine[], sort: KwicSort): KwicLine[] {
  if (sort === 'date') return lines.slice().sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff'));
  const keyed = lines.map((line) => ({ line, key: sortKey(sort === 'left' ? line.left : line.right, sort === 'left') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ line }) => line);
}

/** The terms of a context joined by a character below every letter, nearest the match first. */
function sortKey(context: string, reverse: boolean): string {
  const terms = tokenize(context).map(({ term }) => term);
  return (reverse ? terms.reverse() : terms).join('\u0001');
}

/**
 * Whether a date (`YYYY-MM-DD`) lies between two dates, inclusive, either optional; an undated item never does.
 *
 * @example
 * withinDates('2023-09-13', { from: '2023-09-01' }); // true
 * withinDates(undefined, {}); // false
 */
export function withinDates(date: string | undefined, { from, to }: DayBounds): boolean {
  return date !== undefined && (from === undefined || date >= from) && (to === undefined || date <= to);
}

/**
 * One page of lines between two dates (inclusive, `YYYY-MM-DD`; undated lines only when no date filter is
 * set), sorted, with the number of lines the filter keeps.
 *
 * @example
 * kwicPage(lines, { sort: 'left', from: '2023-01-01', offset: 100, limit: 100 }); // { total: 420, lines: [100 lines] }
 */
export function kwicPage(
  lines: readonly KwicLine[],
  request: { readonly sort: KwicSort; readonly from?: string | undefined; readonly to?: string | undefined; readonly offset: number; readonly limit: number },
): { total: number; lines: KwicLine[] } {
  const filtered = request.from === undefined && request.to === undefined ? lines : lines.filter(({ date }) => withinDates(date, request));
  const sorted = sortKwic(filtered, request.sort);
  return { total: sorted.length, lines: sorted.slice(request.offset, request.offset + request.limit) };
}

/** The columns of {@link kwicTable}. */
const KWIC_TABLE_HEADER = ['date', 'title', 'left', 'match', 'right'];

/**
 * The lines as a spreadsheet takes them pasted: a header, then a line each of date, title, the words left of the
 * match, the match and the words right of it, tab-separated; a tab or line break in a cell becomes a space, and a cell
 * a spreadsheet would run as a formula gets a `'` first (article text is untrusted).
 *
 * @example
 * kwicTable([line]); // 'date\ttitle\tleft\tmatch\tright\n2023-09-13\tKim arrives\t\tKim\tarrives.\n'
 */
export function kwicTable(lines: readonly KwicLine[]): string {
  return tsvTable([KWIC_TABLE_HEADER, ...lines.map(({ date, title, left, match, right }) => [date ?? '', title, left, match, right])]);
}

/**
 * Articles a Keyword in Context panel reads at a time: the first page of an entity or a common word reads this
 * many (newest or best first), and each "Read more" as many again, so that no more texts are read than shown.
 *
 * @example
 * kwicPanel.data({ target, sort: 'left', offset: 0, read: 2 * KWIC_ARTICLES }); // the 400 newest articles
 */
export const KWIC_ARTICLES = 200;

/**
 * Milliseconds a Keyword in Context page waits for its articles to be read before it shows the lines found so far
 * (and the rest when all are read): an entity's 200 newest articles of real length take about half a second to
 * analyse, and its first lines are there long before.
 *
 * @example
 * kwicPanel(sources, articleIdOf, analyze, KWIC_FIRST_DRAW_MS); // the default
 */
export const KWIC_FIRST_DRAW_MS = 150;

/**
 * What `matches` finds in the articles read so far, read a step at a time: each {@link read} reads only the listed
 * articles not read before, so that reading more costs only the new ones.
 *
 * @example
 * const found = new KwicReading(formMatcher(['Putin']));
 * await found.read([{ id: 'a', title: 't' }], () => 'Kim met Putin in Moscow.');
 * found.lines; // [{ id: 'a', …, match: 'Putin', … }]
 * found.articles; // 1
 */
export class KwicReading {
  private readonly seen = new Set<string>();
  private readonly found: KwicLine[] = [];
  private count = 0;
  private failures = 0;
  private stopped = false;

  constructor(private readonly matches: KwicMatcher) {}

  /** Every occurrence found so far, article by article in reading order. */
  get lines(): readonly KwicLine[] {
    return this.found;
  }

  /** How many articles were read (one whose text was gone, deleted since it was listed, is not counted). */
  get articles(): number {
    return this.count;
  }

  /** How many articles could not be read (their analysis failed): left out, and said. */
  get unread(): number {
    return this.failures;
  }

  /** Reads the articles of `refs` not read before, each text with `textOf`, in turn, until {@link stop}. */
  async read(refs: readonly { readonly id: string; readonly title: string; readonly date?: string | undefined }[], textOf: (id: string) => string | undefined): Promise<void> {
    for (const { id, title, date } of refs) {
      if (this.stopped) return;
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      const text = textOf(id);
      if (text === undefined) continue;
      let spans: readonly KwicSpan[];
      try {
        spans = await this.matches(text, id);
      } catch {
        this.failures++;
        continue;
      }
      this.count++;
      this.found.push(...kwicLinesAt({ id, title, date, text }, spans));
    }
  }

  /** Stops reading: what it read is no longer wanted (another target, or the index changed). */
  stop(): void {
    this.stopped = true;
  }
}
