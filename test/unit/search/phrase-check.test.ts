import * as assert from 'assert';
import * as fc from 'fast-check';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { decodeIndex, encodeIndex } from '../../../src/core/search/index-file';
import { RunFinder, containsRun } from '../../../src/core/search/run-finder';
import { article, buildIndex } from './fixtures';

/** Whether `ids` is in `body` in a row, by the plainest loop: what every faster check must agree with. */
function naiveRun(body: readonly number[], ids: readonly number[]): boolean {
  for (let start = 0; start + ids.length <= body.length; start++) if (ids.every((id, j) => body[start + j] === id)) return true;
  return false;
}

function countsIn(body: readonly number[], ids: readonly number[]): number[] {
  return ids.map((id) => body.filter((found) => found === id).length);
}

/** Few distinct ids, so that runs, near-runs and repeated words are common. */
const bodyArbitrary = fc.array(fc.nat(5), { maxLength: 120 });
const phraseArbitrary = fc.array(fc.nat(5), { minLength: 1, maxLength: 4 });

/** Words that make phrases, near-phrases and repeats likely. */
const WORDS = ['interest', 'rates', 'rose', 'bank', 'of', 'england', 'the', 'crude', 'oil', 'prices'];

describe('phrase checks', () => {
  it('find a run one id at a time, stopping as soon as the answer is known, as a plain search does', () => {
    fc.assert(
      fc.property(bodyArbitrary, phraseArbitrary, fc.nat(120), (body, ids, split) => {
        const expected = naiveRun(body, ids);
        const counts = countsIn(body, ids);
        const decoded = Uint32Array.from(body);
        assert.strictEqual(containsRun(decoded, ids, counts), expected);
        const finder = new RunFinder();
        finder.start(ids, counts);
        for (let at = 0; at < body.length; at++) if (finder.add(decoded, at)) break;
        assert.strictEqual(finder.found, expected);
        // Resumed from the ids read before `split`, then read on: the same answer.
        const prefix = Math.min(split, body.length);
        const resumed = new RunFinder();
        resumed.start(ids, counts);
        let known = resumed.resume(decoded, prefix);
        for (let at = prefix; at < body.length && !known; at++) known = resumed.add(decoded, at);
        assert.strictEqual(resumed.found, expected);
      }),
      { numRuns: 500 },
    );
  });

  it('answer phrase queries on a reopened index (bodies decoded only as far as needed) as on the built one', () => {
    const articleArbitrary = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 12 });
    const queryArbitrary = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(articleArbitrary, queryArbitrary, fc.constantFrom(...WORDS), (bodies, phrases, word) => {
        const articles = bodies.map((words, at) => ({ path: `${at}.txt`, text: article('2023-09-13', `Title ${at}`, words.join(' ')) }));
        const built = buildIndex(articles);
        const identity = { root: '/news', extractor: 'none' };
        const decoded = decodeIndex(Buffer.concat(encodeIndex(built.parts(), identity)), identity);
        assert.ok(decoded.ok);
        const reopened = new CorpusIndex(decoded.parts);
        // Phrases alone, with a word (checked last), again (from the kept answers), and the texts whole at the end.
        const queries = phrases.flatMap((phrase) => [`"${phrase.join(' ')}"`, `"${phrase.join(' ')}" ${word}`, `${word} -"${phrase.join(' ')}"`]);
        for (const query of [...queries, ...queries]) {
          const plain = built.search(query, { limit: 50 });
          const coded = reopened.search(query, { limit: 50 });
          assert.ok(plain.ok && coded.ok);
          assert.deepStrictEqual({ ...coded, tookMs: 0 }, { ...plain, tookMs: 0 }, query);
        }
        for (const { path, text } of articles) assert.strictEqual(reopened.article(path)?.text, text);
      }),
      { numRuns: 60 },
    );
  });
});
