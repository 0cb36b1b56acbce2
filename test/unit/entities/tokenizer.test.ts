import * as assert from 'assert';
import * as fc from 'fast-check';
import { TokenFlag, tokenize } from '../../../src/core/entities/tokenizer';
import { codePointStrings } from '../../support/code-point-strings';

function words(text: string): string[] {
  const tokens = tokenize(text);
  return Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.starts[i], tokens.ends[i]));
}

function flagsOf(text: string, word: string): number {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.count; i++) if (text.slice(tokens.starts[i], tokens.ends[i]) === word) return tokens.flags[i] ?? 0;
  throw new Error(`no token ${word}`);
}

describe('tokenize', () => {
  it('keeps hyphenated names whole and splits curly and straight possessives off', () => {
    assert.deepStrictEqual(words('Kim Jong-un’s trip'), ['Kim', 'Jong-un', '’s', 'trip']);
    assert.deepStrictEqual(words("Putin's country"), ['Putin', "'s", 'country']);
    assert.deepStrictEqual(words('Workers’ Party'), ['Workers', '’', 'Party']);
  });

  it('keeps dotted abbreviations, initials and titles with their period', () => {
    assert.deepStrictEqual(words('the U.S. and Mr. J. Smith of Acme Corp. said'), ['the', 'U.S.', 'and', 'Mr.', 'J.', 'Smith', 'of', 'Acme', 'Corp.', 'said']);
  });

  it('leaves the period of a sentence, and of an abbreviation that ends a line, as its own token', () => {
    assert.deepStrictEqual(words('He left Moscow.'), ['He', 'left', 'Moscow', '.']);
    assert.deepStrictEqual(words('He joined Walt Disney Co.\nThen'), ['He', 'joined', 'Walt', 'Disney', 'Co', '.', 'Then']);
  });

  it('splits clitics, quotes and parentheses as CoNLL does', () => {
    assert.deepStrictEqual(words('“We don’t (yet)” know'), ['“', 'We', 'do', 'n’t', '(', 'yet', ')', '”', 'know']);
  });

  it('keeps numbers, dates and scores whole', () => {
    assert.deepStrictEqual(words('On 1996-08-30 it won 2-1 for $3.5 million, 1,000 fans'), ['On', '1996-08-30', 'it', 'won', '2-1', 'for', '$', '3.5', 'million', ',', '1,000', 'fans']);
  });

  it('splits a run-together camel-case word ("TimesPutin") but not McDonald or YouTube', () => {
    assert.deepStrictEqual(words('The New York TimesPutin wants'), ['The', 'New', 'York', 'Times', 'Putin', 'wants']);
    assert.deepStrictEqual(words('McDonald YouTube'), ['McDonald', 'YouTube']);
  });

  it('splits "Reproduction/EFE" and "|" into separate tokens', () => {
    assert.deepStrictEqual(words('East | Photo: Reproduction/EFE'), ['East', '|', 'Photo', ':', 'Reproduction', '/', 'EFE']);
  });

  it('marks sentence, line and paragraph starts', () => {
    const text = 'He met Putin. Then he left.\nNext line\n\nNew paragraph';
    assert.ok(flagsOf(text, 'He') & TokenFlag.ParagraphStart);
    assert.ok(flagsOf(text, 'Then') & TokenFlag.SentenceStart);
    assert.ok(!(flagsOf(text, 'Then') & TokenFlag.LineStart));
    assert.ok(flagsOf(text, 'Next') & TokenFlag.LineStart);
    assert.ok(!(flagsOf(text, 'Next') & TokenFlag.ParagraphStart));
    assert.ok(flagsOf(text, 'New') & TokenFlag.ParagraphStart);
    assert.ok(!(flagsOf(text, 'Putin') & TokenFlag.SentenceStart));
    assert.ok(!(flagsOf('Mr. Putin left.', 'Putin') & TokenFlag.SentenceStart));
  });

  it('marks the tokens of an all-caps headline line, and only those', () => {
    const text = 'SOCCER - ROMANIA BEAT LITHUANIA.\nRomania beat Lithuania 2-1.';
    assert.ok(flagsOf(text, 'ROMANIA') & TokenFlag.CapsLine);
    assert.ok(!(flagsOf(text, 'Romania') & TokenFlag.CapsLine));
  });

  it('returns no token for empty or blank text', () => {
    assert.strictEqual(tokenize('').count, 0);
    assert.strictEqual(tokenize(' \n\n\t ').count, 0);
  });

  describe('properties', () => {
    const pieces = fc.constantFrom('Kim', 'Jong-un', '’s', "'s", 'U.S.', '.', ',', ' ', '\n', '\n\n', '“', '”', '(', ')', 'n’t', '-', '--', '...', 'é', 'Ж', '😀', '\u0301', '&', 'AT&T', '3.5', '1,000', '/', '|', 'TimesPutin', '\r\n', '\u00a0');
    const texts = fc.oneof(codePointStrings(80), fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')));

    it('never throws, and its tokens are ordered, disjoint, non-empty, within the text and free of white space', () => {
      fc.assert(
        fc.property(texts, (text) => {
          const tokens = tokenize(text);
          let previousEnd = 0;
          for (let i = 0; i < tokens.count; i++) {
            const start = tokens.starts[i] ?? -1;
            const end = tokens.ends[i] ?? -1;
            assert.ok(start >= previousEnd && end > start && end <= text.length);
            assert.ok(!/\s/u.test(text.slice(start, end)), JSON.stringify(text.slice(start, end)));
            previousEnd = end;
          }
        }),
      );
    });

    it('covers every character that is not white space', () => {
      fc.assert(
        fc.property(texts, (text) => {
          const tokens = tokenize(text);
          let covered = '';
          for (let i = 0; i < tokens.count; i++) covered += text.slice(tokens.starts[i], tokens.ends[i]);
          assert.strictEqual(covered, text.replace(/[\s\ufeff]/gu, ''));
        }),
      );
    });
  });
});
