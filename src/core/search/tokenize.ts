/**
 * The search tokeniser: maximal runs of letters and digits, lower-cased, accents folded.
 * Index and queries use the same function, so "Jong-un" is the two terms `jong un`
 * on both sides and "Putin's" is `putin s`.
 */

import { FNV_OFFSET, fnvStep } from '../entities/hash';
import { TermTable } from './term-table';

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

/** The lower case of an ASCII letter or digit code. */
function lowerAsciiCode(code: number): number {
  return code >= 65 && code <= 90 ? code | 0x20 : code;
}

/**
 * Whether the character at `index` (whose code unit is `code`) is part of a word: a letter, digit or mark.
 *
 * @example
 * isWordCode('a-b', 1, 0x2d); // false
 */
export function isWordCode(text: string, index: number, code: number): boolean {
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
  const term = foldCase(word);
  return term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term;
}

/**
 * Text in lower case without accents, as words are compared: "erdogan" finds "Erdoğan".
 *
 * @example
 * foldCase('Recep Tayyip Erdoğan'); // 'recep tayyip erdogan'
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING_MARKS, '') : lower;
}

/**
 * Calls `onWord(start, end, asciiHash)` for every word of `text` between `from` and `to` (a maximal run of
 * letters, digits and marks). For a word of ASCII letters and digits only, `asciiHash` is the FNV-1a hash of
 * the lower-cased codes of its first {@link MAX_TERM_LENGTH} characters, computed while scanning (what
 * `TermTable` looks terms up by); for any other word it is `undefined`, and the word needs `normalizeTerm`.
 */
function scanWords(text: string, from: number, to: number, onWord: (start: number, end: number, asciiHash: number | undefined) => void): void {
  let index = from;
  while (index < to) {
    const code = text.charCodeAt(index);
    if (!isWordCode(text, index, code)) {
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    const start = index;
    const hashEnd = start + MAX_TERM_LENGTH;
    let ascii = true;
    let hash = FNV_OFFSET;
    while (index < to) {
      const next = text.charCodeAt(index);
      if (next < 128) {
        if (!isAsciiWordCode(next)) break;
        if (index < hashEnd) hash = fnvStep(hash, lowerAsciiCode(next));
        index++;
      } else {
        if (!isWordCode(text, index, next)) break;
        ascii = false;
        index += next >= 0xd800 && next <= 0xdbff ? 2 : 1;
      }
    }
    onWord(start, index, ascii ? hash : undefined);
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
  // Lower-casing the whole range once is cheaper than once per word (~20 % of this function); it is only
  // usable when it keeps every offset (a few letters, like "İ", grow when lower-cased).
  const lowered = text.slice(from, to).toLowerCase();
  const sameOffsets = lowered.length === to - from;
  scanWords(text, from, to, (start, end, asciiHash) => {
    const cut = Math.min(end, start + MAX_TERM_LENGTH);
    let term: string;
    if (asciiHash === undefined) term = normalizeTerm(text.slice(start, end));
    else term = sameOffsets ? lowered.slice(start - from, cut - from) : text.slice(start, cut).toLowerCase();
    if (term.length > 0) onToken(term, start, end);
  });
}

/**
 * Calls `onTerm(id, start, end)` for every word of `text` between `from` and `to`, with the id `table` gives
 * its term: the terms of {@link forEachToken}, numbered without building a string for a word the table
 * already holds (most words, when a corpus is indexed).
 *
 * @example
 * const table = new TermTable();
 * forEachTermId('Kim met KIM', 0, 11, table, (id) => console.log(id)); // 0, 1, 0
 */
export function forEachTermId(text: string, from: number, to: number, table: TermTable, onTerm: (id: number, start: number, end: number) => void): void {
  scanWords(text, from, to, (start, end, asciiHash) => {
    if (asciiHash !== undefined) {
      onTerm(table.idOfAsciiWord(text, start, Math.min(end, start + MAX_TERM_LENGTH), asciiHash), start, end);
      return;
    }
    const term = normalizeTerm(text.slice(start, end));
    if (term.length > 0) onTerm(table.idOf(term, 0, term.length), start, end);
  });
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
