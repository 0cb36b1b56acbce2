/**
 * Character classes the tokenizer and the feature extractor agree on.
 *
 * @example
 * if (charClass(code) === CharClass.Upper) kind |= TokenKind.HasUpper;
 */
export const enum CharClass {
  Other = 0,
  Upper = 1,
  Lower = 2,
  Digit = 3,
  /** Combining marks and other letters without case (CJK, Arabic…): word characters all the same. */
  Letter = 4,
  Space = 5,
  Newline = 6,
}

const UPPER = /^\p{Lu}$|^\p{Lt}$/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{Nd}$/u;
const SPACE = /^\s$/u;

/** Lazily filled class of every UTF-16 code unit; 255 = not computed yet. A table beats a regex in the hot loop. */
const NOT_COMPUTED = 255;
const TABLE = new Uint8Array(0x10000).fill(NOT_COMPUTED);

function computeClass(code: number): CharClass {
  if (code === 0x0a || code === 0x2028 || code === 0x2029) return CharClass.Newline;
  // Lone surrogates are halves of astral characters (emoji, rare scripts): letters when the pair is a letter is too
  // costly to decide here, and treating them as symbols keeps both halves in one token anyway.
  if (code >= 0xd800 && code <= 0xdfff) return CharClass.Other;
  const char = String.fromCharCode(code);
  if (UPPER.test(char)) return CharClass.Upper;
  if (LOWER.test(char)) return CharClass.Lower;
  if (DIGIT.test(char)) return CharClass.Digit;
  if (LETTER.test(char)) return CharClass.Letter;
  if (SPACE.test(char) || code === 0xfeff) return CharClass.Space;
  return CharClass.Other;
}

/**
 * The class of one UTF-16 code unit.
 *
 * @example
 * charClass('A'.charCodeAt(0)); // CharClass.Upper
 * charClass('é'.charCodeAt(0)); // CharClass.Lower
 */
export function charClass(code: number): CharClass {
  // Kept tiny so that V8 inlines it into the tokenizer's and hasher's per-character loops; the rare
  // first sight of a code unit (or NaN past the end of a string) takes the out-of-line path.
  const value = TABLE[code];
  return value !== undefined && value !== NOT_COMPUTED ? (value as CharClass) : computeAndStoreClass(code);
}

function computeAndStoreClass(code: number): CharClass {
  const value = computeClass(code);
  TABLE[code] = value;
  return value;
}

/**
 * Whether a class is part of a word (letters of any case, digits, marks).
 *
 * @example
 * isWordClass(charClass('7'.charCodeAt(0))); // true
 */
export function isWordClass(value: CharClass): boolean {
  return value >= CharClass.Upper && value <= CharClass.Letter;
}

const LOWER_CACHE = new Uint16Array(0x10000);

/**
 * The lower-case form of one UTF-16 code unit (identity when the lower case is not a single unit).
 * Hashes are computed over these codes so that no lower-cased string is built per token.
 *
 * @example
 * lowerCode('Ж'.charCodeAt(0)) === 'ж'.charCodeAt(0); // true
 */
export function lowerCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
  const cached = LOWER_CACHE[code] ?? 0;
  if (cached !== 0) return cached;
  const lower = String.fromCharCode(code).toLowerCase();
  const value = lower.length === 1 ? lower.charCodeAt(0) : code;
  LOWER_CACHE[code] = value;
  return value;
}

/**
 * Typographic variants folded to their ASCII form so that `’s` and `'s`, `“` and `"` hash alike.
 *
 * @example
 * foldPunctuation('’'.charCodeAt(0)) === "'".charCodeAt(0); // true
 */
export function foldPunctuation(code: number): number {
  switch (code) {
    case 0x2018:
    case 0x2019:
    case 0x201b:
    case 0x2032:
      return 0x27; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x2033:
      return 0x22; // "
    case 0x2013:
    case 0x2014:
    case 0x2212:
      return 0x2d; // -
    default:
      return code;
  }
}

/**
 * Whether a UTF-16 code unit is white space as the regex `\s` defines it (ECMAScript WhiteSpace and LineTerminator).
 *
 * @example
 * isWhiteSpaceCode(0xa0); // true: no-break space
 */
export function isWhiteSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Whether `text[from, to)` holds any white space (`isWhiteSpaceCode`), without slicing it.
 *
 * @example
 * hasWhiteSpace('Kim Jong-un');     // true
 * hasWhiteSpace('Kim Jong-un', 4);  // false
 */
export function hasWhiteSpace(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (isWhiteSpaceCode(text.charCodeAt(i))) return true;
  return false;
}
