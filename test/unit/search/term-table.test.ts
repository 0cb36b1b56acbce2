import * as assert from 'assert';
import * as fc from 'fast-check';
import { entityTerm } from '../../../src/core/search/analyzed-batch';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { FNV_OFFSET, fnvStep } from '../../../src/core/entities/hash';
import { TermTable } from '../../../src/core/search/term-table';
import { forEachTermId, forEachToken } from '../../../src/core/search/tokenize';
import { NEWS, NEWS_ENTITIES, PUTIN, article, buildIndex, fakeExtractor, hitPaths } from './fixtures';

describe('TermTable', () => {
  it('numbers terms in order of first sight, found by their characters anywhere in a string', () => {
    const table = new TermTable();
    assert.strictEqual(table.idOf('kim met putin', 0, 3), 0);
    assert.strictEqual(table.idOf('kim met putin', 8, 13), 1);
    assert.strictEqual(table.idOf('putin and kim', 10, 13), 0);
    assert.strictEqual(table.idOf('putin', 0, 5), 1);
    assert.strictEqual(table.idOf('putin', 0, 4), 2);
    assert.deepStrictEqual(table.terms, ['kim', 'putin', 'puti']);
  });

  it('stores long terms (a view into their article, were they sliced) with the same characters, lone surrogates included', () => {
    const table = new TermTable();
    const article = 'Prices of internationalisation rose; \ud800lonesurrogate1234 and Überweisungsbetrag fell.';
    const words = ['internationalisation', '\ud800lonesurrogate1234', 'Überweisungsbetrag'];
    const ids = words.map((word) => table.idOf(article, article.indexOf(word), article.indexOf(word) + word.length));
    assert.deepStrictEqual(ids.map((id) => table.terms[id]), words);
    assert.deepStrictEqual(words.map((word) => table.idOf(` ${word} `, 1, word.length + 1)), ids, 'found again from another string');
  });

  it('gives one id per distinct term and never one id to two terms, through many growths', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3000 }), (words) => {
        const table = new TermTable();
        const ids = new Map<string, number>();
        for (const word of words) {
          const id = table.idOf(`<${word}>`, 1, word.length + 1);
          const known = ids.get(word);
          if (known === undefined) ids.set(word, id);
          else assert.strictEqual(id, known);
        }
        assert.deepStrictEqual(table.terms, [...ids.keys()]);
      }),
      { numRuns: 30 },
    );
  });

  it('confirms a hash that hits by the characters: terms whose hashes collide keep ids of their own', () => {
    const hash = (term: string): number => [...term].reduce((value, char) => fnvStep(value, char.charCodeAt(0)), FNV_OFFSET);
    // Found by a search: two short terms (8 characters, compared in their slot), short ones of different
    // lengths, short ones alike in their first four characters, a long one (compared by its string) and a short one, two long ones.
    const collisions = [
      ['ytqtpwuy', 'ayzbplru'],
      ['zssggdgc', 'wbjtyb'],
      ['newsdwzx', 'news26cd'],
      ['elrwijalcgf', 'ruhmqrar'],
      ['dzchzumpd', 'hcpoixekse'],
    ];
    for (const pair of collisions) {
      assert.strictEqual(hash(pair[0] ?? ''), hash(pair[1] ?? ''), `${pair.join(' ')} collide`);
      for (const [first, second] of [pair, [...pair].reverse()]) {
        for (const asWord of [false, true]) {
          const table = new TermTable();
          const idOf = (term: string): number => (asWord ? table.idOfAsciiWord(term.toUpperCase(), 0, term.length, hash(term)) : table.idOf(term, 0, term.length));
          const ids = [idOf(first ?? ''), idOf(second ?? ''), idOf(first ?? ''), idOf(second ?? '')];
          assert.deepStrictEqual(ids, [0, 1, 0, 1], `${first} then ${second}`);
          assert.deepStrictEqual(table.terms, [first, second]);
        }
      }
    }
  });

  it('tells apart terms that differ past their fourth character, by a NUL or by a non-ASCII code, short or long', () => {
    // Short terms are compared by the characters packed in their slot, long ones and the others by their string.
    const word = fc.array(fc.constantFrom('a', 'b', 'B', '1', '\0', 'é', 'ÿ', 'Ā', '\ud800'), { maxLength: 11 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.boolean()), { minLength: 1, maxLength: 400 }), (lookups) => {
        const table = new TermTable();
        const ids = new Map<string, number>();
        for (const [term, asWord] of lookups) {
          // The tokeniser's path for ASCII letters and digits, with the hash of the lower-cased codes it computes while scanning.
          const ascii = asWord && /^[a-z0-9]+$/i.test(term);
          const lower = term.toLowerCase();
          const id = ascii ? table.idOfAsciiWord(` ${term}`, 1, term.length + 1, [...lower].reduce((hash, char) => fnvStep(hash, char.charCodeAt(0)), FNV_OFFSET)) : table.idOf(`<${term}>`, 1, term.length + 1);
          const key = ascii ? lower : term;
          const known = ids.get(key);
          if (known === undefined) ids.set(key, id);
          else assert.strictEqual(id, known, key);
        }
        assert.deepStrictEqual(table.terms, [...ids.keys()]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('forEachTermId', () => {
  it('numbers exactly the terms forEachToken yields, at the same offsets, the same term with the same id', () => {
    const words = fc.constantFrom('Kim', 'KIM', 'kim', 'Jong-un', 'Gdańsk', 'GDANSK', 'İstanbul', '42', 'x'.repeat(45), 'X'.repeat(41), '𝐀b', ' ', '. ', '\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 30 }), fc.nat(5), (parts, skip) => {
        const text = parts.join(' ');
        const from = Math.min(skip, text.length);
        const table = new TermTable();
        const viaIds: string[] = [];
        forEachTermId(text, from, text.length, table, (id, start, end) => viaIds.push(`${table.terms[id] ?? '?'}@${start}-${end}`));
        const viaTerms: string[] = [];
        forEachToken(text, from, text.length, (term, start, end) => viaTerms.push(`${term}@${start}-${end}`));
        assert.deepStrictEqual(viaIds, viaTerms);
        assert.strictEqual(new Set(table.terms).size, table.terms.length, 'one id per term');
      }),
    );
  });
});

describe('BatchBuilder vocabulary shared by its batches', () => {
  it('only appends to the vocabulary between batches, and an index fed the batches one by one searches like one built at once', () => {
    const builder = new BatchBuilder(fakeExtractor(NEWS_ENTITIES));
    const batches = NEWS.map(({ path, text }) => {
      builder.addText({ path, size: text.length, mtimeMs: 1 }, text);
      const batch = builder.finish();
      return { batch, terms: [...batch.vocabulary] };
    });
    for (let i = 1; i < batches.length; i++) {
      const { batch, terms } = batches[i] ?? assert.fail();
      assert.strictEqual(batch.vocabulary, batches[0]?.batch.vocabulary, 'one array for all batches');
      assert.deepStrictEqual(terms.slice(0, batches[i - 1]?.terms.length), batches[i - 1]?.terms, 'earlier terms keep their ids');
    }
    const fed = new CorpusIndex();
    for (const { batch } of batches) fed.addBatch(batch);
    const whole = buildIndex(NEWS, NEWS_ENTITIES);
    for (const query of ['wheat', 'person:Putin', 'org:Kremlin', '"interest rates"', 'mosc*', 'date:2023']) {
      assert.deepStrictEqual(hitPaths(fed, query), hitPaths(whole, query), query);
    }
  });

  it('lists each entity of a batch once, with the aliases of all its articles and the id of its entity term', () => {
    const builder = new BatchBuilder(fakeExtractor([PUTIN, { ...PUTIN, aliases: ['President Putin'] }]));
    builder.addText({ path: 'a.txt', size: 0, mtimeMs: 0 }, article('2023-09-13', 'Vladimir Putin spoke. Putin left.'));
    builder.addText({ path: 'b.txt', size: 0, mtimeMs: 0 }, article('2023-09-14', 'President Putin arrived.'));
    const batch = builder.finish();
    assert.strictEqual(batch.entities.length, 1);
    const [putin] = batch.entities;
    assert.strictEqual(batch.vocabulary[putin?.term ?? -1], entityTerm(PUTIN.key));
    assert.deepStrictEqual(putin?.aliases, ['Putin', 'President Putin']);
    assert.deepStrictEqual(builder.finish().entities, [], 'the next batch starts its own list');
  });
});
