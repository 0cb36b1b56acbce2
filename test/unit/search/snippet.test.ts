import * as assert from 'assert';
import * as fc from 'fast-check';
import { Highlight, MATCH_LEAD, Snippet, buildSnippet, highlightIds, snippetFromMatch, tokenHits } from '../../../src/core/search/snippet';
import { tokenize } from '../../../src/core/search/tokenize';

/** Words that make matches, near-matches, accents, case, combining marks and non-BMP letters. */
const WORDS = ['oil', 'Oil', 'prices', 'crude', 'OPEC', 'opec', 'rose', 'Gdańsk', 'e\u0301cole', '\u0301', 'İstanbul', '𝒳yz', '2023', 'a'.repeat(45)];
const GAPS = [' ', ', ', '. ', '\n\n', ' - ', "'", ' (', ') ', '\u00a0'];

const textArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 120 })
  .map((pieces) => ` date 2023-09-13 ${pieces.map(([word, gap]) => word + gap).join('')}`);

const highlightArbitrary = fc.record({
  terms: fc.uniqueArray(fc.constantFrom('oil', 'prices', 'opec', 'gdansk', 'ecole', 'istanbul', 'missing'), { maxLength: 4 }),
  phrases: fc.array(fc.array(fc.constantFrom('oil', 'prices', 'crude', 'opec', 'rose', 'missing'), { minLength: 2, maxLength: 3 }), { maxLength: 3 }),
});

/** Term ids as an index gives them: numbered in order of first appearance in the text. */
function idsOf(text: string, from: number): { body: Uint32Array; idOf: (term: string) => number | undefined } {
  const ids = new Map<string, number>();
  const body = tokenize(text, from).map(({ term }) => {
    if (!ids.has(term)) ids.set(term, ids.size);
    return ids.get(term) ?? 0;
  });
  return { body: Uint32Array.from(body), idOf: (term) => ids.get(term) };
}

describe('snippets from the index\'s term ids', () => {
  const bodyStart = 17;

  it('are the snippets of tokenising the whole text, for any text, highlight and length', () => {
    fc.assert(
      fc.property(textArbitrary, highlightArbitrary, fc.integer({ min: 10, max: 300 }), (text, { terms, phrases }, length) => {
        const highlight: Highlight = { terms: new Set(terms), phrases: [...phrases].sort((a, b) => b.length - a.length) };
        const { body, idOf } = idsOf(text, bodyStart);
        const hits = tokenHits(text, bodyStart, body, highlightIds(highlight, idOf));
        assert.ok(hits, 'the text lines up with its ids');
        assert.deepStrictEqual(buildSnippet(text, bodyStart, highlight, length, hits), buildSnippet(text, bodyStart, highlight, length));
      }),
    );
  });

  it('are those of tokenising the whole text when the highlight has more words than are looked for one by one (a prefix\'s)', () => {
    const vocabulary = Array.from({ length: 40 }, (_, at) => `bank${String.fromCharCode(97 + (at % 26))}${at}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...vocabulary, 'rates', 'Oil'), fc.constantFrom(...GAPS)), { maxLength: 150 }),
        fc.uniqueArray(fc.constantFrom(...vocabulary), { minLength: 17, maxLength: 40 }),
        fc.boolean(),
        (pieces, terms, withPhrase) => {
          const text = ` date 2023-09-13 ${pieces.map(([word, gap]) => word + gap).join('')}`;
          const highlight: Highlight = { terms: new Set(terms), phrases: withPhrase ? [['oil', 'rates']] : [] };
          const { body, idOf } = idsOf(text, bodyStart);
          const ids = highlightIds(highlight, idOf);
          const hits = tokenHits(text, bodyStart, body, ids);
          assert.ok(hits, 'the text lines up with its ids');
          assert.deepStrictEqual(buildSnippet(text, bodyStart, highlight, 200, hits), buildSnippet(text, bodyStart, highlight, 200));
        },
      ),
    );
  });

  it('give up, for the tokenising path to take over, when the ids are not those of the text', () => {
    const text = ' date 2023-09-13 Oil prices rose.';
    const { body, idOf } = idsOf(' date 2023-09-13 prices oil rose.', bodyStart);
    assert.strictEqual(tokenHits(text, bodyStart, body, highlightIds({ terms: new Set(['oil']), phrases: [] }, idOf)), undefined);
  });
});

describe('snippetFromMatch', () => {
  const at = (text: string, word: string, start = 100): Snippet => {
    const offset = text.indexOf(word);
    return { text, start, end: start + text.length, matches: [{ start: start + offset, end: start + offset + word.length }] };
  };

  it('starts at a word at most the lead ahead of the first match, after an ellipsis', () => {
    assert.strictEqual(snippetFromMatch(at('The talks in Moscow ended with Kim at the station', 'Kim'), 10), '…with Kim at the station');
    // The search box's case: the match 57 characters in, past what the line shows.
    const text = 'announced they were to form six working groups relating to climate change and energy policy in the region';
    const shown = snippetFromMatch(at(text, 'climate'));
    assert.ok(shown.startsWith('…') && shown.indexOf('climate change') <= MATCH_LEAD + 1, shown);
    assert.ok(text.endsWith(shown.slice(1)), 'the rest of the text, uncut');
  });

  it('keeps the text whole when the match is near its start, or there is no match', () => {
    assert.strictEqual(snippetFromMatch(at('Kim met Putin', 'Putin')), 'Kim met Putin');
    assert.strictEqual(snippetFromMatch({ text: 'no match here', start: 0, end: 13, matches: [] }), 'no match here');
  });

  it('starts at the match itself when one word fills the whole lead', () => {
    const long = `${'x'.repeat(60)} Kim`;
    assert.strictEqual(snippetFromMatch(at(long, 'Kim'), 10), '…Kim');
  });

  it('never cuts into the match, and starts at a word', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 40 }), fc.nat(), fc.integer({ min: 0, max: 60 }), (words, pick, lead) => {
        const text = words.join(' ');
        const index = pick % words.length;
        const offset = words.slice(0, index).join(' ').length + (index > 0 ? 1 : 0);
        const snippet: Snippet = { text, start: 7, end: 7 + text.length, matches: [{ start: 7 + offset, end: 7 + offset + (words[index] ?? '').length }] };
        const shown = snippetFromMatch(snippet, lead);
        if (offset <= lead) {
          assert.strictEqual(shown, text, 'whole when the match is within the lead');
          return;
        }
        const rest = shown.slice(1);
        assert.ok(text.endsWith(rest));
        const from = text.length - rest.length;
        assert.ok(from <= offset && offset - from <= lead, `from ${from}, match at ${offset}, lead ${lead}`);
        assert.ok(from === 0 || text[from - 1] === ' ', 'at a word start');
      }),
    );
  });
});
