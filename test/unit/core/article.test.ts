import * as assert from 'assert';
import * as fc from 'fast-check';
import { MAX_TITLE_LENGTH, parseArticle } from '../../../src/core/article';
import { readSeed, SEED_ARRIVAL, SEED_MEETING } from './fixtures';

/** The white space a paragraph is trimmed of (line ends never reach its edges). */
const BLANK_AT_EDGE = /^[ \t\r\v\f\u00a0\ufeff]|[ \t\r\v\f\u00a0\ufeff]$/;

describe('parseArticle', () => {
  describe('the seed articles', () => {
    it('takes the title of 003 from the arrival sentence, past the boilerplate and the photo caption', () => {
      const article = parseArticle(readSeed(SEED_ARRIVAL));
      assert.strictEqual(article.date, '2023-09-13');
      assert.strictEqual(article.title, 'North Korean dictator Kim Jong-un arrived in Russia this Tuesday (12) for the long-awaited meeting with Russian President Vladimir Putin.');
      assert.ok(!article.title.includes('How did you feel'));
      assert.ok(!article.title.includes('Photo'));
      assert.deepStrictEqual(article.diagnostics, []);
    });

    it('takes the title of 000 from its first paragraph, cut at a word boundary', () => {
      const article = parseArticle(readSeed(SEED_MEETING));
      assert.strictEqual(article.date, '2023-09-13');
      assert.ok(article.title.startsWith('North Korean dictator Kim Jong-Un arrived in Russia this week'));
      assert.ok(article.title.length <= MAX_TITLE_LENGTH);
      assert.ok(article.title.endsWith('…'));
    });

    it('splits the paragraphs of 003 on blank lines, the first one starting after the header', () => {
      const text = readSeed(SEED_ARRIVAL);
      const article = parseArticle(text);
      assert.strictEqual(article.paragraphs.length, 8);
      assert.strictEqual(article.paragraphs[0]?.text, 'How did you feel about the content of this article?');
      assert.strictEqual(article.paragraphs[0]?.start, ' date 2023-09-13 '.length);
      assert.ok(article.paragraphs[1]?.text.endsWith('Photo: Reproduction/EFE'));
    });

    it('gives title offsets that point at the title sentence in the original text', () => {
      const text = readSeed(SEED_ARRIVAL);
      const article = parseArticle(text);
      assert.strictEqual(text.slice(article.titleStart, article.titleEnd), article.title);
    });
  });

  describe('the date header', () => {
    it('reads a well-formed header', () => {
      const article = parseArticle(' date 2024-02-29 Leap day story.');
      assert.strictEqual(article.date, '2024-02-29');
      assert.strictEqual(article.hasDateHeader, true);
      assert.strictEqual(article.paragraphs[0]?.text, 'Leap day story.');
    });

    it('tolerates a byte-order mark, a missing leading space and a capital D', () => {
      for (const text of ['\uFEFF date 2023-09-13 Story.', 'date 2023-09-13 Story.', 'Date 2023-09-13 Story.', '\uFEFFdate 2023-09-13 Story.']) {
        const article = parseArticle(text);
        assert.strictEqual(article.date, '2023-09-13', JSON.stringify(text));
        assert.strictEqual(article.paragraphs[0]?.text, 'Story.');
      }
    });

    it('tolerates CRLF line ends and trailing white space', () => {
      const article = parseArticle(' date 2023-09-13 First paragraph.  \r\n\r\nSecond paragraph.\t\r\n\r\n\r\n');
      assert.deepStrictEqual(article.paragraphs.map((paragraph) => paragraph.text), ['First paragraph.', 'Second paragraph.']);
    });

    it('accepts a header alone on its first line', () => {
      const article = parseArticle(' date 2023-09-13\n\nThe story starts here.');
      assert.strictEqual(article.date, '2023-09-13');
      assert.strictEqual(article.title, 'The story starts here.');
    });

    it('makes text without a header an undated article with a diagnostic', () => {
      const article = parseArticle('Notes about the corpus.\n\nMore notes.');
      assert.strictEqual(article.date, undefined);
      assert.strictEqual(article.hasDateHeader, false);
      assert.deepStrictEqual(article.diagnostics.map((diagnostic) => diagnostic.code), ['missing-date-header']);
      assert.strictEqual(article.paragraphs.length, 2);
    });

    it('does not mistake prose starting with "date" for a header', () => {
      assert.strictEqual(parseArticle('date night was fun.').hasDateHeader, false);
    });

    for (const [token, why] of [
      ['2023-02-30', /February 2023 has 28 days, not 30/],
      ['2023-13-01', /month 13/],
      ['2023-00-10', /month 00/],
      ['2023-04-31', /April 2023 has 30 days/],
      ['2023-9-13', /YYYY-MM-DD/],
      ['13/09/2023', /YYYY-MM-DD/],
    ] as const) {
      it(`makes the impossible date ${token} undated, saying why`, () => {
        const text = ` date ${token} A story.`;
        const article = parseArticle(text);
        assert.strictEqual(article.date, undefined);
        assert.strictEqual(article.hasDateHeader, true);
        const [diagnostic] = article.diagnostics;
        assert.strictEqual(diagnostic?.code, 'invalid-date');
        assert.match(diagnostic?.message ?? '', why);
        assert.strictEqual(text.slice(diagnostic?.start, diagnostic?.end), token);
        assert.strictEqual(article.title, 'A story.');
      });
    }

    it('reports a header with no text after it', () => {
      const article = parseArticle(' date 2023-09-13   \n\n  ');
      assert.strictEqual(article.date, '2023-09-13');
      assert.deepStrictEqual(article.paragraphs, []);
      assert.strictEqual(article.title, '');
      assert.deepStrictEqual(article.diagnostics.map((diagnostic) => diagnostic.code), ['empty-body']);
    });
  });

  describe('the title', () => {
    it('skips photo captions and credits', () => {
      const article = parseArticle(' date 2023-09-13 Leaders shake hands in Vladivostok | Photo: Reuters\n\nThe two leaders met on Wednesday in the far east of Russia.');
      assert.strictEqual(article.title, 'The two leaders met on Wednesday in the far east of Russia.');
    });

    it('skips site boilerplate such as share prompts', () => {
      const article = parseArticle(' date 2023-09-13 Share this article on social media\n\nThe central bank raised its key rate by half a point.');
      assert.strictEqual(article.title, 'The central bank raised its key rate by half a point.');
    });

    it('does not end the first sentence at abbreviations or initials', () => {
      const article = parseArticle(' date 2023-09-13 Mr. J. Smith of the U.S. Treasury met Gen. Lee on Sept. 3 in Washington. Then he left.');
      assert.strictEqual(article.title, 'Mr. J. Smith of the U.S. Treasury met Gen. Lee on Sept. 3 in Washington.');
    });

    it('falls back to the first paragraph when every paragraph looks like furniture', () => {
      assert.strictEqual(parseArticle(' date 2023-09-13 Hobbits').title, 'Hobbits');
    });

    it('collapses line breaks inside the title sentence', () => {
      assert.strictEqual(parseArticle(' date 2023-09-13 A title that\nruns over two lines.').title, 'A title that runs over two lines.');
    });
  });

  describe('long titles', () => {
    it('cuts a run-on first sentence without spaces (a URL) to the maximum length', () => {
      const title = parseArticle(` date 2023-09-13 https://example.org/${'a'.repeat(400)} was shared widely.`).title;
      assert.strictEqual(title.length, MAX_TITLE_LENGTH);
      assert.ok(title.endsWith('…'));
    });

    it('does not cut a title down to its first word when the only space is early', () => {
      const title = parseArticle(` date 2023-09-13 Breaking ${'x'.repeat(300)}`).title;
      assert.strictEqual(title.length, MAX_TITLE_LENGTH);
    });
  });

  describe('properties', () => {
    const articleLike = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string(),
      fc
        .tuple(
          fc.constantFrom(' date 2023-09-13 ', 'date 2023-02-30 ', '\uFEFF date 1999-12-31 ', ''),
          fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 6 }),
          fc.constantFrom('\n\n', '\r\n\r\n', '\n \n', '\n'),
        )
        .map(([header, paragraphs, separator]) => header + paragraphs.join(separator)),
    );

    it('never throws on any string', () => {
      fc.assert(fc.property(articleLike, (text) => {
        parseArticle(text);
      }), { numRuns: 2000 });
    });

    it('gives paragraphs whose offsets index the original text, in order, trimmed and non-empty', () => {
      fc.assert(fc.property(articleLike, (text) => {
        const article = parseArticle(text);
        let previousEnd = 0;
        for (const paragraph of article.paragraphs) {
          assert.strictEqual(text.slice(paragraph.start, paragraph.end), paragraph.text);
          assert.ok(paragraph.start >= previousEnd && paragraph.end > paragraph.start);
          assert.ok(!BLANK_AT_EDGE.test(paragraph.text), JSON.stringify(paragraph.text));
          previousEnd = paragraph.end;
        }
        for (const diagnostic of article.diagnostics) {
          assert.ok(diagnostic.start >= 0 && diagnostic.start <= diagnostic.end && diagnostic.end <= text.length);
        }
        assert.ok(article.titleStart <= article.titleEnd && article.titleEnd <= text.length);
        assert.ok(article.title.length <= MAX_TITLE_LENGTH, article.title);
      }), { numRuns: 2000 });
    });

    it('keeps every non-blank character of the body in some paragraph', () => {
      fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 8 }), (words) => {
        const text = ` date 2023-09-13 ${words.join('\n\n')}`;
        assert.deepStrictEqual(parseArticle(text).paragraphs.map((paragraph) => paragraph.text), words);
      }));
    });
  });
});
