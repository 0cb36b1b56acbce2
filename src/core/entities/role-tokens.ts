import { ABBREVIATIONS } from '../abbreviations';
import { isWhiteSpaceCode } from './chars';
import { lowerBound } from '../lower-bound';

/**
 * What a role-mining token is to the phrase grammar.
 *
 * @example
 * if (token.kind === Kind.Comma) return appositionAfter(scan, at);
 */
export const enum Kind {
  Word,
  /** A comma: the edge of an apposition. */
  Comma,
  /** The end of the sentence or line, or a bracket or quote: nothing crosses it. */
  Stop,
}

/**
 * A word or punctuation mark of the text around a mention, as role mining reads it.
 *
 * @example
 * const token: Token = { text: 'spokesman', lower: 'spokesman', start: 8, end: 17, kind: Kind.Word };
 */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly kind: Kind;
}

/** An abbreviation written with inner periods ("U.S.") or a single initial ("L."). */
const DOTTED = /^(?:\p{L}\.)+$/u;
const LOWER_START = /^\p{Ll}/u;
const SPACE = 0x20;
const NEWLINE = '\n';
/** Lines longer than this are tokenised window by window instead of whole, so that no huge line is held as tokens. */
const MAX_CACHED_LINE = 20_000;

/**
 * Whether the period of a word is part of it: always in "U.S.", and in "Corp." or "Gen." when the sentence
 * goes on in lower case ("Acme Corp. chairman"). "Seafirst Corp. Seafirst Chairman Richard Cooley" is
 * two sentences: reading it as one would make "Corp. Seafirst Chairman" a title.
 */
function isAbbreviation(word: string, text: string, end: number): boolean {
  if (DOTTED.test(word)) return true;
  if (!ABBREVIATIONS.has(word.slice(0, -1).toLowerCase())) return false;
  let next = end;
  while (next < text.length && text.charCodeAt(next) === SPACE) next++;
  return LOWER_START.test(text.charAt(next));
}

/**
 * What a code point is to role mining's tokens. A token is a word (a letter or digit, then letters, digits and
 * . ' ’ & -: `[\p{L}\p{N}][\p{L}\p{N}.'’&-]*`) or one mark (`[^\s\p{L}\p{N}]`). White space is never in a
 * token and never starts one, which is what lets `LineTokens` reuse a line's tokens for any window of it.
 */
const enum CharRole {
  Unknown = 0,
  Space,
  WordStart,
  WordInside,
  Mark,
}

/** Added to a {@link CharRole} by `roleAt` for a code point of two code units. */
const PAIR = 8;
const ROLE_MASK = PAIR - 1;
const SPACE_CLASS = /^\s$/u;
const WORD_START_CLASS = /^[\p{L}\p{N}]$/u;
const WORD_INSIDE_CLASS = /^[.'’&-]$/u;

/** The role of one code point (a lone surrogate is a mark: in a string sliced through a pair it is one). */
function roleOf(character: string): CharRole {
  if (SPACE_CLASS.test(character)) return CharRole.Space;
  if (WORD_START_CLASS.test(character)) return CharRole.WordStart;
  return WORD_INSIDE_CLASS.test(character) ? CharRole.WordInside : CharRole.Mark;
}

/** Roles of the 16-bit code points, each found by the regular expressions when first met. */
const BMP_ROLES = new Uint8Array(0x10000);

/** The role of the code point at `at`, plus {@link PAIR} when it is a pair of surrogates that ends before `to`. */
function roleAt(text: string, at: number, to: number): number {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < to) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return roleOf(text.slice(at, at + 2)) | PAIR;
  }
  let role = BMP_ROLES[code] ?? CharRole.Unknown;
  if (role === CharRole.Unknown) {
    role = roleOf(String.fromCharCode(code));
    BMP_ROLES[code] = role;
  }
  return role;
}

/**
 * The tokens of `text` between `from` and `to`, clipped to one line (a paragraph: roles never cross it): what
 * matching `[\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[^\s\p{L}\p{N}]` in `text.slice(from, to)` gives, found by a scan of
 * character codes instead: this runs over most of every article, and the regular expression's matches were 40 %
 * of role mining's time (1.6× less for role mining as a whole since).
 */
function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let at = from;
  while (at < to) {
    const first = roleAt(text, at, to);
    const length = first & PAIR ? 2 : 1;
    const role = first & ROLE_MASK;
    if (role === CharRole.Space) {
      at += length;
      continue;
    }
    if (role !== CharRole.WordStart) {
      const mark = text.slice(at, at + length);
      tokens.push({ text: mark, lower: mark, start: at, end: at + 1, kind: mark === ',' ? Kind.Comma : mark === '&' ? Kind.Word : Kind.Stop });
      at += length;
      continue;
    }
    let end = at + length;
    while (end < to) {
      const next = roleAt(text, end, to);
      const nextRole = next & ROLE_MASK;
      if (nextRole !== CharRole.WordStart && nextRole !== CharRole.WordInside) break;
      end += next & PAIR ? 2 : 1;
    }
    pushWord(tokens, text, at, text.slice(at, end));
    at = end;
  }
  return tokens;
}

/** Pushes a word token and, when its trailing period ends the sentence rather than an abbreviation ("U.S.", "Corp."), the period. */
function pushWord(tokens: Token[], text: string, start: number, matched: string): void {
  const endsSentence = matched.endsWith('.') && !isAbbreviation(matched, text, start + matched.length);
  const word = endsSentence ? matched.slice(0, -1) : matched;
  tokens.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length, kind: Kind.Word });
  if (endsSentence) tokens.push({ text: '.', lower: '.', start: start + word.length, end: start + word.length + 1, kind: Kind.Stop });
}

/**
 * The role-mining tokens of windows of one article's lines. Windows around nearby mentions overlap, and
 * tokenising each one cost more than the recogniser: each line is tokenised once, and a window takes its
 * tokens from the line's, exactly as tokenising the window alone would give them. That holds because a
 * token never contains white space: after the window's first white space and before its last, the two
 * tokenisations agree; only the edges, where the window may cut a word, are tokenised on their own.
 *
 * @example
 * const lines = new LineTokens(text);
 * const tokens = lines.window(from, to); // what tokenising text.slice(from, to) gives, with offsets into text
 */
export class LineTokens {
  private readonly lines = new Map<number, Token[]>();
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The tokens of `text` between `from` and `to`, which must lie within one line. */
  window(from: number, to: number): Token[] {
    const text = this.text;
    const { start, end } = this.lineAround(from);
    if (end - start > MAX_CACHED_LINE) return tokenize(text, from, to);
    let syncStart = from;
    if (from > start) while (syncStart < to && !isWhiteSpaceCode(text.charCodeAt(syncStart))) syncStart++;
    let syncEnd = to;
    if (to < end) while (syncEnd > syncStart && !isWhiteSpaceCode(text.charCodeAt(syncEnd - 1))) syncEnd--;
    if (syncEnd <= syncStart) return tokenize(text, from, to);
    const line = this.tokensOfLine(start, end);
    const tokens = syncStart > from ? tokenize(text, from, syncStart) : [];
    for (let i = lowerBound(line.length, (k) => (line[k]?.start ?? Infinity) < syncStart); i < line.length; i++) {
      const token = line[i];
      if (!token || token.start >= syncEnd) break;
      tokens.push(token);
    }
    if (syncEnd < to) tokens.push(...tokenize(text, syncEnd, to));
    return tokens;
  }

  private tokensOfLine(start: number, end: number): Token[] {
    let tokens = this.lines.get(start);
    if (tokens === undefined) {
      tokens = tokenize(this.text, start, end);
      this.lines.set(start, tokens);
    }
    return tokens;
  }

  /** The line that holds `offset`, from the article's line starts (found once, so that a long article stays linear). */
  private lineAround(offset: number): { start: number; end: number } {
    const text = this.text;
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let at = text.indexOf(NEWLINE); at !== -1; at = text.indexOf(NEWLINE, at + 1)) this.lineStarts.push(at + 1);
    }
    const starts = this.lineStarts;
    const index = lowerBound(starts.length, (k) => (starts[k] ?? Infinity) <= offset) - 1;
    const start = starts[index] ?? 0;
    const next = starts[index + 1];
    return { start, end: next === undefined ? text.length : next - 1 };
  }
}
