import { WordSet } from './junk';

/** A lower-case word: a lower-case letter not right after a letter or digit, then lower-case letters, apostrophes and hyphens. */
const LOWER_CASE_WORD = /^\p{Ll}[\p{Ll}'’-]*$/u;
const LOWER_CASE_LETTER = /\p{Ll}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What a lower-case word goes on with: a word ends where these stop ("well-known" is one word). */
const WORD_GOES_ON = /[\p{Ll}'’-]/u;

/** Every lower-case word of a text, scanned left to right ("known" in "well-known" is not one). */
const LOWER_CASE_WORDS = /(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*/gu;
/**
 * Texts longer than this (in UTF-16 units) have all their lower-case words collected at the first question:
 * each lookup scans the text, and a 10,000-word document asks about hundreds of sentence-initial words, which
 * cost a fifth of recognising its entities. A news article (~4,000) asks about a few, and is scanned per word.
 */
const COLLECT_ALL_FROM = 20_000;

/**
 * The text's lower-case words, as `isJunk` asks for them: in an article, each word is looked up in the text
 * when asked (and remembered), because collecting every lower-case word of an article cost more than
 * recognising its entities, and only a few sentence-initial one-word names are ever asked about; in a text
 * longer than `collectAllFrom`, they are all collected at the first question.
 * The same words as the pattern `(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*` matches, scanned left to right.
 *
 * @example
 * const words = new LowerCaseWords('Confirmation came. A well-known confirmation.');
 * words.has('confirmation'); // true
 * words.has('known');        // false: part of "well-known"
 */
export class LowerCaseWords implements WordSet {
  private readonly answers = new Map<string, boolean>();
  private all: ReadonlySet<string> | undefined;

  constructor(
    private readonly text: string,
    private readonly collectAllFrom = COLLECT_ALL_FROM,
  ) {}

  has(word: string): boolean {
    if (this.text.length > this.collectAllFrom) return (this.all ??= new Set(this.text.match(LOWER_CASE_WORDS))).has(word);
    let answer = this.answers.get(word);
    if (answer === undefined) {
      answer = LOWER_CASE_WORD.test(word) && occursAsWord(this.text, word);
      this.answers.set(word, answer);
    }
    return answer;
  }
}

/**
 * Whether `word` is one of the lower-case words of `text`: an occurrence that starts a lower-case word
 * and ends it, and that an earlier start did not take into a longer word ("known" in "well-known").
 */
function occursAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (WORD_GOES_ON.test(characterAt(text, at + word.length)) || !startsLowerCaseWord(text, at)) continue;
    let from = at;
    let inside = false;
    for (let before = characterBefore(text, from); WORD_GOES_ON.test(before) && !inside; before = characterBefore(text, from)) {
      from -= before.length;
      inside = startsLowerCaseWord(text, from);
    }
    if (!inside) return true;
  }
  return false;
}

function startsLowerCaseWord(text: string, index: number): boolean {
  return LOWER_CASE_LETTER.test(characterAt(text, index)) && !LETTER_OR_DIGIT.test(characterBefore(text, index));
}

/** The character (code point) at `index`, or '' past the end. */
function characterAt(text: string, index: number): string {
  return index >= text.length ? '' : String.fromCodePoint(text.codePointAt(index) ?? 0);
}

/** The character (code point) that ends right before `index`, or '' at the start. */
function characterBefore(text: string, index: number): string {
  return index <= 0 ? '' : String.fromCodePoint(codePointBefore(text, index));
}

/** The code point that ends right before `index` (a whole surrogate pair when there is one). */
function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2) ?? low;
  }
  return low;
}
