/**
 * The search tokeniser: maximal runs of letters and digits, lower-cased, accents folded.
 * Index and queries use the same function, so "Jong-un" is the two terms `jong un`
 * on both sides and "Putin's" is `putin s`.
 */

/** One token of a text: its normalised term and where it stands in the original text. */
interface TextToken {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A token longer than this is cut: no real word is, and it keeps the dictionary small.
 *
 * @example
 * normalizeTerm('a'.repeat(100)).length === MAX_TERM_LENGTH; // true
 */
export const MAX_TERM_LENGTH = 40;

const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /\p{M}+/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function isWordCode(text: string, index: number, code: number): boolean {
  if (code < 128) return isAsciiWordCode(code);
  // Surrogate pairs are tested as a whole character so letters outside the BMP count as letters.
  const char = code >= 0xd800 && code <= 0xdbff ? text.slice(index, index + 2) : text.charAt(index);
  return WORD_CHAR.test(char);
}

/**
 * Normalises one word the way the index does: lower case, accents removed, cut at {@link MAX_TERM_LENGTH}.
 *
 * @example
 * normalizeTerm('Gdańsk'); // 'gdansk'
 */
export function normalizeTerm(word: string): string {
  let term = word.toLowerCase();
  if (NON_ASCII.test(term)) term = term.normalize('NFD').replace(COMBINING_MARKS, '');
  return term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term;
}

/**
 * Calls `onToken(source, termStart, termEnd, start, end)` for every word of `text` between `from` and `to`:
 * its normalised term is `source.slice(termStart, termEnd)` and it stands at `text[start…end)`. The term
 * is not sliced out, so that a caller that looks terms up by their characters allocates nothing per word.
 *
 * @example
 * forEachTokenRange('Kim met', 0, 7, (source, termStart, termEnd) => console.log(source.slice(termStart, termEnd))); // kim, met
 */
export function forEachTokenRange(
  text: string,
  from: number,
  to: number,
  onToken: (source: string, termStart: number, termEnd: number, start: number, end: number) => void,
): void {
  // Lower-casing the whole range once is much cheaper than once per token; it is only usable when it
  // keeps every offset (a few letters, like "İ", grow when lower-cased).
  const range = text.slice(from, to);
  const lowered = range.toLowerCase();
  const sameOffsets = lowered.length === range.length;
  let index = from;
  while (index < to) {
    const code = text.charCodeAt(index);
    if (!isWordCode(text, index, code)) {
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    const start = index;
    let ascii = true;
    while (index < to) {
      const next = text.charCodeAt(index);
      if (next < 128) {
        if (!isAsciiWordCode(next)) break;
        index++;
      } else {
        if (!isWordCode(text, index, next)) break;
        ascii = false;
        index += next >= 0xd800 && next <= 0xdbff ? 2 : 1;
      }
    }
    if (ascii && sameOffsets) {
      onToken(lowered, start - from, Math.min(index, start + MAX_TERM_LENGTH) - from, start, index);
      continue;
    }
    const term = ascii ? text.slice(start, index).toLowerCase() : normalizeTerm(text.slice(start, index));
    if (term.length > 0) onToken(term, 0, Math.min(term.length, MAX_TERM_LENGTH), start, index);
  }
}

/**
 * Calls `onToken(term, start, end)` for every word of `text` between `from` and `to`.
 * A callback instead of an array because indexing runs it over millions of tokens.
 *
 * @example
 * forEachToken('Kim Jong-un met Putin.', 0, 22, (term) => console.log(term)); // kim, jong, un, met, putin
 */
export function forEachToken(text: string, from: number, to: number, onToken: (term: string, start: number, end: number) => void): void {
  forEachTokenRange(text, from, to, (source, termStart, termEnd, start, end) => onToken(source.slice(termStart, termEnd), start, end));
}

/**
 * Splits `text` into search tokens with their offsets.
 *
 * @example
 * tokenize('Kim Jong-un'); // [{ term: 'kim', start: 0, end: 3 }, { term: 'jong', start: 4, end: 8 }, { term: 'un', start: 9, end: 11 }]
 */
export function tokenize(text: string, from = 0, to = text.length): TextToken[] {
  const tokens: TextToken[] = [];
  forEachToken(text, from, to, (term, start, end) => tokens.push({ term, start, end }));
  return tokens;
}
