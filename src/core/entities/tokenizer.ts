import { CharClass, charClass, isWordClass, lowerCode } from './chars';
import { ABBREVIATIONS } from '../abbreviations';

/**
 * Bits of `TokenBuffer.flags`: where a token stands in the text's layout.
 *
 * @example
 * const startsSentence = (tokens.flags[i] ?? 0) & TokenFlag.SentenceStart;
 */
export const enum TokenFlag {
  SentenceStart = 1,
  LineStart = 2,
  ParagraphStart = 4,
  /** The token's line has letters and none of them lower case: a headline or a dateline. */
  CapsLine = 8,
  /** No white space between the previous token and this one ("(" + "Reuters", "Kim" + "’s"). */
  Glued = 16,
}

/**
 * Bits of `TokenBuffer.kinds`: what characters a token is made of.
 *
 * @example
 * const capitalised = (tokens.kinds[i] ?? 0) & TokenKind.FirstUpper;
 */
export const enum TokenKind {
  HasUpper = 1,
  HasLower = 2,
  HasDigit = 4,
  FirstUpper = 8,
  /** Letters without case (CJK, Arabic, marks). */
  HasCaseless = 16,
  /** Any character that is not a letter or digit (hyphen, period, apostrophe, punctuation). */
  HasSymbol = 32,
}

const INITIAL_CAPACITY = 1024;

const MAX_ABBREVIATION_LENGTH = 6;

/** Clitics split off the word before them, as the CoNLL tokenisation does ("Putin" + "’s", "do" + "n't"). */
const CLITICS = ['s', 'll', 're', 've', 'd', 'm'];

/** A camel-case word is split when this many lower-case letters precede the capital ("TimesPutin"), not "McDonald". */
const CAMEL_SPLIT_MIN_LOWER = 3;

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const PERIOD = 0x2e;
const HYPHEN = 0x2d;
const DOUBLE_QUOTE = 0x22;
const LOWER_N = 0x6e;

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_QUOTE;
}

/**
 * Reusable token arrays (structure of arrays, no object per token): token `i` is
 * `text.slice(starts[i], ends[i])`. Grows as needed and is reused between calls to avoid garbage.
 *
 * @example
 * const tokens = tokenize('Kim Jong-un’s trip.');
 * tokens.count; // 5: Kim, Jong-un, ’s, trip, .
 */
export class TokenBuffer {
  count = 0;
  starts = new Int32Array(INITIAL_CAPACITY);
  ends = new Int32Array(INITIAL_CAPACITY);
  flags = new Uint8Array(INITIAL_CAPACITY);
  kinds = new Uint8Array(INITIAL_CAPACITY);

  /** Makes room for one more token. */
  grow(): void {
    const size = this.starts.length * 2;
    this.starts = copyInto(new Int32Array(size), this.starts);
    this.ends = copyInto(new Int32Array(size), this.ends);
    this.flags = copyInto(new Uint8Array(size), this.flags);
    this.kinds = copyInto(new Uint8Array(size), this.kinds);
  }
}

function copyInto<T extends Int32Array | Uint8Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

/** Length of a clitic starting after the apostrophe at `at` ("s" of "’s"), or 0 when there is none. */
function cliticLength(text: string, at: number): number {
  for (const clitic of CLITICS) {
    let matches = true;
    for (let k = 0; k < clitic.length; k++) {
      if (lowerCode(text.charCodeAt(at + 1 + k)) !== clitic.charCodeAt(k)) {
        matches = false;
        break;
      }
    }
    if (matches && !isWordClass(charClass(text.charCodeAt(at + 1 + clitic.length)))) return clitic.length;
  }
  return 0;
}

/** Whether `text` at `at` reads "n't" followed by a non-word character. */
function isNegationClitic(text: string, at: number): boolean {
  return (
    lowerCode(text.charCodeAt(at)) === 0x6e &&
    isApostrophe(text.charCodeAt(at + 1)) &&
    lowerCode(text.charCodeAt(at + 2)) === 0x74 &&
    !isWordClass(charClass(text.charCodeAt(at + 3)))
  );
}

/**
 * What `scanWord` found besides the word's end: the `TokenKind` bits of its characters, gathered while
 * scanning so that the word is read once (module state, not an object per word: this runs per token).
 */
let scannedKind = 0;

/** The `TokenKind` bit of one word character's class (FirstUpper is added by the caller at the word's start). */
function kindOfWordClass(cls: CharClass): number {
  if (cls === CharClass.Upper) return TokenKind.HasUpper;
  if (cls === CharClass.Lower) return TokenKind.HasLower;
  return cls === CharClass.Digit ? TokenKind.HasDigit : TokenKind.HasCaseless;
}

/** End of the word starting at `start` (its first character is a word character); its kind is left in `scannedKind`. */
function scanWord(text: string, start: number): number {
  if (isNegationClitic(text, start)) {
    scannedKind = kindOf(text, start, start + 3);
    return start + 3;
  }
  const length = text.length;
  let j = start;
  let lowerRun = 0;
  let segmentLength = 0;
  let dotted = false;
  let kind = charClass(text.charCodeAt(start)) === CharClass.Upper ? TokenKind.FirstUpper : 0;
  while (j < length) {
    const code = text.charCodeAt(j);
    const cls = charClass(code);
    if (isWordClass(cls)) {
      if (cls === CharClass.Lower) {
        // Only a lower-case "n" can start "n't" (the test is costly, and this runs per character).
        if (code === LOWER_N && j > start && j + 3 <= length && isNegationClitic(text, j)) break;
        lowerRun++;
      } else {
        if (cls === CharClass.Upper && lowerRun >= CAMEL_SPLIT_MIN_LOWER && charClass(text.charCodeAt(j + 1)) === CharClass.Lower) break;
        lowerRun = 0;
      }
      kind |= kindOfWordClass(cls);
      segmentLength++;
      j++;
      continue;
    }
    const previous = charClass(text.charCodeAt(j - 1));
    const next = charClass(text.charCodeAt(j + 1));
    if (j === start || !isWordClass(next)) break;
    if (code === HYPHEN || code === 0x2010 || code === 0x2011) {
      // Hyphenated names and compounds stay one token: "Jong-un", "under-21", "Franco-German".
    } else if (code === PERIOD) {
      // "U.S", "p.m": only one-letter segments, so that a missing space ("end.The") is not glued.
      const isAcronym = segmentLength === 1 && previous !== CharClass.Digit && next !== CharClass.Digit;
      const isDecimal = previous === CharClass.Digit && next === CharClass.Digit;
      if (!isAcronym && !isDecimal) break;
      dotted = dotted || isAcronym;
    } else if (code === 0x2c) {
      if (previous !== CharClass.Digit || next !== CharClass.Digit) break;
    } else if (isApostrophe(code)) {
      if (previous === CharClass.Digit || next === CharClass.Digit || cliticLength(text, j) > 0) break;
    } else if (code === 0x26) {
      if (previous !== CharClass.Upper || next !== CharClass.Upper) break; // "AT&T", "S&P"
    } else {
      break;
    }
    kind |= TokenKind.HasSymbol;
    lowerRun = 0;
    segmentLength = 0;
    j++;
  }
  if (text.charCodeAt(j) === PERIOD && !endsLine(text, j + 1) && takesPeriod(text, start, j, dotted)) {
    kind |= TokenKind.HasSymbol;
    j++;
  }
  scannedKind = kind;
  return j;
}

/** A period that ends a line ends the sentence too: "… Walt Disney Co." gives "Co" + "." as in CoNLL. */
function endsLine(text: string, at: number): boolean {
  return at >= text.length || charClass(text.charCodeAt(at)) === CharClass.Newline;
}

/** Whether the period after a word belongs to it: "U.S.", initials ("J."), known abbreviations ("Corp."). */
function takesPeriod(text: string, start: number, end: number, dotted: boolean): boolean {
  if (dotted) return true;
  const length = end - start;
  if (length === 1) return charClass(text.charCodeAt(start)) === CharClass.Upper;
  if (length > MAX_ABBREVIATION_LENGTH) return false;
  return ABBREVIATIONS.has(text.slice(start, end).toLowerCase());
}

/** End of the punctuation token starting at `start`. */
function scanSymbol(text: string, start: number): number {
  const code = text.charCodeAt(start);
  if (code === HYPHEN || code === PERIOD) {
    let j = start + 1;
    while (text.charCodeAt(j) === code) j++;
    return j;
  }
  if (isApostrophe(code)) return start + 1 + cliticLength(text, start);
  if (code >= 0xd800 && code <= 0xdbff && start + 1 < text.length) return start + 2;
  return start + 1;
}

function kindOf(text: string, start: number, end: number): number {
  let kind = 0;
  for (let i = start; i < end; i++) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === CharClass.Upper) kind |= i === start ? TokenKind.HasUpper | TokenKind.FirstUpper : TokenKind.HasUpper;
    else if (cls === CharClass.Lower) kind |= TokenKind.HasLower;
    else if (cls === CharClass.Digit) kind |= TokenKind.HasDigit;
    else if (cls === CharClass.Letter) kind |= TokenKind.HasCaseless;
    else kind |= TokenKind.HasSymbol;
  }
  return kind;
}

function isSentenceEnd(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start);
  return end - start === 1 && (code === PERIOD || code === 0x21 || code === 0x3f);
}

/** Whether a token may open a sentence after ". ": a capital, a digit, an opening quote or parenthesis. */
function opensSentence(text: string, start: number, kind: number, glued: boolean): boolean {
  if (kind & (TokenKind.FirstUpper | TokenKind.HasCaseless)) return true;
  if (kind & TokenKind.HasDigit) return true;
  const code = text.charCodeAt(start);
  if (code === 0x201c || code === 0x2018 || code === 0x28 || code === 0x5b) return true;
  // A straight quote glued to the period closes the sentence ('said."'); after a space it opens the next one.
  return (code === DOUBLE_QUOTE || code === APOSTROPHE) && !glued;
}

/** Marks every token of a line whose letters are all capitals ("SOCCER - ROMANIA BEAT LITHUANIA"). */
function markCapsLine(buffer: TokenBuffer, from: number, to: number): void {
  let capitalWords = 0;
  for (let i = from; i < to; i++) {
    const kind = buffer.kinds[i] ?? 0;
    if (kind & TokenKind.HasLower) return;
    if (kind & TokenKind.HasUpper && (buffer.ends[i] ?? 0) - (buffer.starts[i] ?? 0) > 1) capitalWords++;
  }
  if (capitalWords === 0) return;
  for (let i = from; i < to; i++) buffer.flags[i] = (buffer.flags[i] ?? 0) | TokenFlag.CapsLine;
}

/**
 * Splits raw text into word and punctuation tokens with exact offsets, and marks sentence, line and
 * paragraph starts. A line break always ends a sentence (CoNLL text has one sentence per line; articles
 * have one paragraph per line); inside a line, ". ! ?" followed by a capital starts a new one.
 * Possessives and clitics are split ("Putin" + "’s"); hyphenated names ("Jong-un"), dotted
 * abbreviations ("U.S.") and decimals stay whole. Never throws, whatever the input.
 *
 * @example
 * const tokens = tokenize('He met Putin’s aide in the U.S.\n\nThen he left.');
 * const words = Array.from({ length: tokens.count }, (_, i) => 'He met Putin’s aide in the U.S.\n\nThen he left.'.slice(tokens.starts[i], tokens.ends[i]));
 * // ['He', 'met', 'Putin', '’s', 'aide', 'in', 'the', 'U.S.', 'Then', 'he', 'left', '.']
 */
export function tokenize(text: string, buffer: TokenBuffer = new TokenBuffer()): TokenBuffer {
  const length = text.length;
  let count = 0;
  let newlines = 2; // the text's first token starts a paragraph
  let spaced = true;
  let sentenceEnded = false;
  let lineFrom = 0;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === CharClass.Space) {
      spaced = true;
      i++;
      continue;
    }
    if (cls === CharClass.Newline) {
      newlines++;
      spaced = true;
      i++;
      continue;
    }
    const isWord = isWordClass(cls);
    const end = isWord ? scanWord(text, i) : scanSymbol(text, i);
    if (count === buffer.starts.length) buffer.grow();
    const kind = isWord ? scannedKind : kindOf(text, i, end);
    let flags = spaced ? 0 : TokenFlag.Glued;
    if (newlines > 0) {
      if (count > lineFrom) markCapsLine(buffer, lineFrom, count);
      lineFrom = count;
      flags |= TokenFlag.LineStart | TokenFlag.SentenceStart;
      if (newlines > 1) flags |= TokenFlag.ParagraphStart;
    } else if (sentenceEnded && opensSentence(text, i, kind, !spaced)) {
      flags |= TokenFlag.SentenceStart;
    }
    buffer.starts[count] = i;
    buffer.ends[count] = end;
    buffer.kinds[count] = kind;
    buffer.flags[count] = flags;
    if (isSentenceEnd(text, i, end)) sentenceEnded = true;
    else if (flags & TokenFlag.SentenceStart || kind & ~TokenKind.HasSymbol) sentenceEnded = false;
    count++;
    newlines = 0;
    spaced = false;
    i = end;
  }
  if (count > lineFrom) markCapsLine(buffer, lineFrom, count);
  buffer.count = count;
  return buffer;
}
