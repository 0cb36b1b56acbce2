import * as assert from 'assert';
import * as fc from 'fast-check';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { EntityCompanions } from '../../../src/core/search/entity-companions';
import { GEORGIA_PLACE, KIM, KREMLIN, KnownEntity, MOSCOW, PUTIN, analyzeText, article, buildIndex, fakeExtractor } from './fixtures';

const KNOWN: readonly KnownEntity[] = [PUTIN, KIM, MOSCOW, KREMLIN, GEORGIA_PLACE];
/** Articles an index reads for companions by default (`DEFAULT_COMPANION_ARTICLES` in corpus-index.ts). */
const USUAL_ARTICLES = 300;

/** An entity's companions counted afresh: another number of articles than the usual one is never kept, and reads the same articles here. */
function counted(index: CorpusIndex, key: string, limit: number): ReturnType<CorpusIndex['companions']> {
  return index.companions(key, limit, USUAL_ARTICLES + 1);
}

/** One change to the index, or a question to it, in the property below. */
type Step =
  | { readonly kind: 'write'; readonly file: number; readonly named: readonly number[]; readonly defer: boolean }
  | { readonly kind: 'remove'; readonly file: number }
  | { readonly kind: 'compact' }
  | { readonly kind: 'ask'; readonly entity: number; readonly limit: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), file: fc.nat(5), named: fc.uniqueArray(fc.nat(KNOWN.length - 1), { maxLength: KNOWN.length }), defer: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), file: fc.nat(5) }),
  fc.constant({ kind: 'compact' as const }),
  fc.record({ kind: fc.constant('ask' as const), entity: fc.nat(KNOWN.length - 1), limit: fc.integer({ min: 1, max: 4 }) }),
);

describe('CorpusIndex companions, kept between calls', () => {
  it('answers as a fresh count after written (deferred or not), rewritten and removed articles, compactions, and larger questions', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        const index = buildIndex([{ path: 'f0.txt', text: article('2023-01-01', 'Putin met Kim in Moscow.') }], KNOWN);
        let day = 1;
        for (const next of steps) {
          if (next.kind === 'write') {
            day++;
            const names = next.named.map((at) => KNOWN[at]?.name ?? '').join(', ');
            const text = article(`2023-02-${String(day).padStart(2, '0')}`, `Named here: ${names || 'nobody'}.`);
            // Deferred, as a full build adds: out of the postings, and of the companions, until the next compaction.
            index.addBatch(analyzeText({ path: `f${next.file}.txt`, size: day, mtimeMs: day }, text, fakeExtractor(KNOWN)), { defer: next.defer });
          } else if (next.kind === 'remove') {
            index.remove(`f${next.file}.txt`);
          } else if (next.kind === 'compact') {
            index.compactNow();
          } else {
            const key = KNOWN[next.entity]?.key ?? '';
            assert.deepStrictEqual(index.companions(key, next.limit), counted(index, key, next.limit));
          }
        }
        for (const { key } of KNOWN) assert.deepStrictEqual(index.companions(key, 4), counted(index, key, 4));
      }),
      { numRuns: 100 },
    );
  });

  it('counts an entity again only after a change to its own articles, or for more companions than it kept', () => {
    const fields: Record<number, number[]> = { 1: [10, 1, 20, 2, 30, 1], 2: [10, 1, 20, 1, 99, 1], 3: [10, 2, 40, 1] };
    const isEntity = new Uint8Array(16).fill(0xff);
    isEntity[99 >> 3] = 0; // a word of a name, not an entity
    let reads = 0;
    const source = { own: 10, docs: () => (reads++, [3, 2, 1]), fieldLength: (doc: number) => fields[doc]?.length ?? 0, entityField: (doc: number, out: Uint32Array) => (out.set(fields[doc] ?? []), fields[doc]?.length ?? 0), isEntity, termCount: 100, rank: () => 0 };
    const companions = new EntityCompanions();
    assert.deepStrictEqual(companions.best(source, 2, true), [{ term: 20, articles: 2 }, { term: 30, articles: 1 }]);
    assert.deepStrictEqual(companions.best(source, 1, true), [{ term: 20, articles: 2 }]);
    companions.forget([20, 1, 50, 1]);
    assert.strictEqual((companions.best(source, 2, true), reads), 1, 'kept through a change to articles that do not name it');
    assert.deepStrictEqual(companions.best(source, 3, true), [{ term: 20, articles: 2 }, { term: 30, articles: 1 }, { term: 40, articles: 1 }]);
    assert.strictEqual(reads, 2, 'two kept, three asked: counted again');
    assert.deepStrictEqual((companions.best(source, 9, true), reads), 2, 'all three seen were kept: nothing more to count');
    companions.forget([10, 1]);
    companions.best(source, 2, true);
    assert.strictEqual(reads, 3, 'an article naming it was added or removed');
    companions.best(source, 2, false);
    assert.strictEqual(reads, 4, 'not kept: counted each time');
    companions.clear();
    companions.best(source, 2, true);
    assert.strictEqual(reads, 5);
  });
});
