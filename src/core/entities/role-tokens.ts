import { ABBREVIATIONS } from '../abbreviations';
import { isWhiteSpaceCode } from './chars';

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

/**
 * A word (letters or digits, with inner . ' ’ & -) or one punctuation mark. Linear: no nested
 * quantifier can backtrack. White space is never in a token and never starts one, which is what lets
 * `LineTokens` reuse a line's tokens for any window of it.
 */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[^\s\p{L}\p{N}]/gu;
const WORD_START = /^[\p{L}\p{N}]/u;
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

/** The tokens of `text` between `from` and `to`, clipped to one line (a paragraph: roles never cross it). */
function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.slice(from, to).matchAll(TOKEN)) {
    const start = from + match.index;
    let word = match[0];
    const first = word.charCodeAt(0);
    if (first === 0x2c) {
      tokens.push({ text: word, lower: word, start, end: start + 1, kind: Kind.Comma });
      continue;
    }
    if (!WORD_START.test(word)) {
      tokens.push({ text: word, lower: word, start, end: start + 1, kind: word === '&' ? Kind.Word : Kind.Stop });
      continue;
    }
    // A trailing period ends the sentence unless the word is an abbreviation ("U.S.", "Corp.").
    const endsSentence = word.endsWith('.') && !isAbbreviation(word, text, start + word.length);
    if (endsSentence) word = word.slice(0, -1);
    tokens.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length, kind: Kind.Word });
    if (endsSentence) tokens.push({ text: '.', lower: '.', start: start + word.length, end: start + word.length + 1, kind: Kind.Stop });
  }
  return tokens;
}

/** The first index in [0, length) for which `before` is false (it must be true, then false). */
export function lowerBound(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
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
