import * as assert from 'assert';
import * as fc from 'fast-check';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { DocStore } from '../../../src/core/search/doc-store';
import { IndexIdentity, decodeIndex, encodeIndex } from '../../../src/core/search/index-file';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { textStrings } from '../../support/text-strings';
import { analyzeText, article, buildIndex } from './fixtures';

const IDENTITY: IndexIdentity = { root: '/corpus', extractor: 'fake' };

function reopened(index: CorpusIndex): CorpusIndex {
  const decoded = decodeIndex(Buffer.concat(encodeIndex(index.parts(), IDENTITY)), IDENTITY);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.problem.message);
  return new CorpusIndex(decoded.parts);
}

/** Article bodies: any text (accents, emoji, control characters, nothing at all), in one or more paragraphs. */
const bodies = fc.array(fc.array(textStrings(300), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });

describe('article text coded in the index file and in memory', () => {
  it('reads back every article exactly as it was indexed, after a save and a reopen, for any text', () => {
    fc.assert(
      fc.property(bodies, (articles) => {
        const fixtures = articles.map((paragraphs, at) => ({ path: `/corpus/${at}.txt`, text: article('2023-09-13', ...paragraphs) }));
        const index = buildIndex(fixtures);
        const loaded = reopened(index);
        for (const { path, text } of fixtures) {
          assert.strictEqual(loaded.article(path)?.text, text);
          assert.strictEqual(index.article(path)?.text, text, 'the saved index holds the texts it coded');
        }
      }),
      { numRuns: 30 },
    );
  });

  it('mixes texts loaded coded with texts indexed since, through compaction and a second save', () => {
    const first = reopened(buildIndex([{ path: '/corpus/a.txt', text: article('2023-09-13', 'Oil prices rose.', 'OPEC met in Vienna.') }]));
    const added = article('2023-09-14', 'Crude oil fell again, said traders in Gdańsk.');
    first.addBatch(analyzeText({ path: '/corpus/b.txt', size: added.length, mtimeMs: 2 }, added, () => []));
    first.compactNow();
    const second = reopened(first);
    assert.strictEqual(second.article('/corpus/a.txt')?.text, article('2023-09-13', 'Oil prices rose.', 'OPEC met in Vienna.'));
    assert.strictEqual(second.article('/corpus/b.txt')?.text, added);
    const search = second.search('oil');
    assert.ok(search.ok);
    assert.deepStrictEqual(search.hits.map((hit) => hit.snippet.matches.length), [1, 1]);
  });

  it('keeps a text that deflates to more than a writer chunk whole, among small ones', () => {
    let seed = 7;
    // Printable ASCII at random: ~1.9 MB (under the 2 MB an article may have) deflate to ~1.5 MB.
    // Made as bytes and decoded once: an array of 1.9 million one-letter strings joined took ~0.3 s.
    const codes = new Uint8Array(1_900_000);
    for (let i = 0; i < codes.length; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      codes[i] = 32 + (seed % 95);
    }
    const letters = Buffer.from(codes.buffer).toString('latin1');
    const fixtures = [article('2023-09-13', 'Short one.'), article('2023-09-14', letters), article('2023-09-15', 'Another short one.')].map((text, at) => ({ path: `/corpus/${at}.txt`, text }));
    const index = buildIndex(fixtures);
    const loaded = reopened(index);
    for (const { path, text } of fixtures) {
      assert.strictEqual(loaded.article(path)?.text, text);
      assert.strictEqual(index.article(path)?.text, text);
    }
  });

  it('keeps the codes it made: texts coded with them stay readable in a copy', () => {
    const store = new DocStore();
    const text = new TextEncoder().encode(' date 2023-09-13 The same words, the same words again.');
    store.append({ path: 'a.txt', title: 'T', size: text.length, mtimeMs: 0, day: 20230913, bodyStart: 17, bodyTokens: 0, titleTokens: 0, entityPairs: 0 }, new Uint32Array(0), 0, 0, text, 0);
    runAtOnce(store.codecSteps([]));
    const codec = store.codec;
    assert.ok(codec);
    const coded = store.codedText(0);
    const copy = new DocStore(codec);
    copy.append(store.stored(0), new Uint32Array(0), 0, 0, coded, 0, coded.length, 'coded');
    runAtOnce(copy.codecSteps([]));
    assert.strictEqual(copy.codec, codec);
    assert.strictEqual(copy.text(0), store.text(0));
  });
});
