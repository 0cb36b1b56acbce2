import * as assert from 'assert';
import * as fc from 'fast-check';
import { ABBREVIATIONS } from '../../../src/core/abbreviations';
import { Kind, LineTokens, Token } from '../../../src/core/entities/role-tokens';

// The role miner's tokens were found by a regular expression; a scan of character codes replaced it. This is
// that regular expression's tokeniser, kept as the reference the scan must agree with on any text.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[^\s\p{L}\p{N}]/gu;
const WORD_START = /^[\p{L}\p{N}]/u;
const DOTTED = /^(?:\p{L}\.)+$/u;
const LOWER_START = /^\p{Ll}/u;

function isAbbreviation(word: string, text: string, end: number): boolean {
  if (DOTTED.test(word)) return true;
  if (!ABBREVIATIONS.has(word.slice(0, -1).toLowerCase())) return false;
  let next = end;
  while (next < text.length && text.charCodeAt(next) === 0x20) next++;
  return LOWER_START.test(text.charAt(next));
}

function referenceTokens(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.slice(from, to).matchAll(TOKEN)) {
    const start = from + match.index;
    let word = match[0];
    if (word.charCodeAt(0) === 0x2c) {
      tokens.push({ text: word, lower: word, start, end: start + 1, kind: Kind.Comma });
      continue;
    }
    if (!WORD_START.test(word)) {
      tokens.push({ text: word, lower: word, start, end: start + 1, kind: word === '&' ? Kind.Word : Kind.Stop });
      continue;
    }
    const endsSentence = word.endsWith('.') && !isAbbreviation(word, text, start + word.length);
    if (endsSentence) word = word.slice(0, -1);
    tokens.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length, kind: Kind.Word });
    if (endsSentence) tokens.push({ text: '.', lower: '.', start: start + word.length, end: start + word.length + 1, kind: Kind.Stop });
  }
  return tokens;
}

/** Pieces of news text and the characters that test the classes' edges: astral letters and marks, lone surrogates, Unicode spaces. */
const PIECES = [
  'Kim', 'Jong-un', 'U.S.', 'Corp.', 'chairman', 'said', '1,000', 'AT&T', 'Workers’', "O'Neil", 'Zürich', 'Ελλάδα', '中国', '𝐀𝐁', '😀',
  '\ud83d', '\ude00', ' ', '  ', '\u00a0', '\u2028', '\t', ',', '.', '“', '”', '(', ')', '&', '-', '’s', '٣', 'é',
];

describe('role-mining tokens', () => {
  it('are what the regular expression gave, for any window of any line', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length === from ? 0 : b % (text.length - from + 1));
        assert.deepStrictEqual(new LineTokens(text).window(from, to), referenceTokens(text, from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it('keep abbreviations whole and split a sentence-ending period off', () => {
    const text = 'Acme Corp. chairman met U.S. officials, then left.';
    assert.deepStrictEqual(
      new LineTokens(text).window(0, text.length).map((token) => `${token.text}:${token.kind}`),
      ['Acme:0', 'Corp.:0', 'chairman:0', 'met:0', 'U.S.:0', 'officials:0', ',:1', 'then:0', 'left:0', '.:2'],
    );
  });
});
