import * as assert from 'assert';
import * as fc from 'fast-check';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { EntityTable, isFullForm } from '../../../src/core/search/entity-table';
import { decodeIndexSteps, encodeIndex } from '../../../src/core/search/index-file';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { batchPieces } from '../../../src/workers/batch-pieces';
import { KIM, PUTIN, article, fakeExtractor } from './fixtures';

const extractor = fakeExtractor([
  { ...KIM, aliases: ['Kim Jong-Un', 'KIM JONG-UN', 'Kim'] },
  { ...PUTIN, aliases: ['VLADIMIR PUTIN', 'Vladimir PUTIN', 'Putin'] },
]);
/** What the articles are made of: full forms of two names in several cases, their short forms, and a plain word. */
const WORDS = ['Kim Jong-un', 'Kim Jong-Un', 'KIM JONG-UN', 'Kim', 'Vladimir Putin', 'VLADIMIR PUTIN', 'Vladimir PUTIN', 'Putin', 'wheat'];
const PATHS = 4;
const identity = { root: '/corpus', extractor: 'fake' };

type Step =
  | { readonly kind: 'save'; readonly saves: readonly { readonly path: number; readonly words: readonly number[] }[]; readonly defer: boolean }
  | { readonly kind: 'remove'; readonly path: number }
  | { readonly kind: 'compact' }
  | { readonly kind: 'reopen'; readonly staged: boolean };

/** The entities' full forms with their mentions in `texts`, counted from scratch: `key|form` → mentions. */
function formsWritten(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const entity of extractor(text)) {
      for (const { text: form, count } of entity.forms) if (isFullForm(entity.key, form)) counts.set(`${entity.key}|${form}`, (counts.get(`${entity.key}|${form}`) ?? 0) + count);
    }
  }
  return counts;
}

/** The index's form counts above 0: `key|form` → mentions. */
function formsCounted(index: CorpusIndex): Map<string, number> {
  const table = index.parts().entities;
  assert.ok(table instanceof EntityTable);
  const counts = new Map<string, number>();
  for (const { key } of table.all()) for (const { text, count } of table.formsOf(key)) if (count > 0) counts.set(`${key}|${text}`, count);
  return counts;
}

describe('CorpusIndex form counts (property)', () => {
  const save = fc.record({ path: fc.nat(PATHS - 1), words: fc.array(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 6 }) });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('save' as const), saves: fc.array(save, { minLength: 1, maxLength: 3 }), defer: fc.boolean() }),
    fc.record({ kind: fc.constant('remove' as const), path: fc.nat(PATHS - 1) }),
    fc.record({ kind: fc.constant('compact' as const) }),
    fc.record({ kind: fc.constant('reopen' as const), staged: fc.boolean() }),
  );

  it('are those of the articles in the index, through saves again, removals, batches cut into pieces, compactions and reopenings', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 16 }), (steps) => {
        let index = new CorpusIndex();
        const texts = new Map<string, string>();
        let time = 1;
        for (const taken of steps) {
          if (taken.kind === 'save') {
            const builder = new BatchBuilder(extractor);
            for (const { path, words } of taken.saves) {
              const text = article('2023-09-13', `${words.map((word) => WORDS[word]).join(' met ')} today.`);
              builder.addText({ path: `${path}.txt`, size: text.length, mtimeMs: time++ }, text);
              texts.set(`${path}.txt`, text);
            }
            // One article a piece, as a bulk sync merges a batch: each piece's forms must be its articles'.
            for (const piece of batchPieces(builder.finish(), 1)) index.addBatch(piece, { defer: taken.defer });
          } else if (taken.kind === 'remove') {
            if (index.remove(`${taken.path}.txt`)) texts.delete(`${taken.path}.txt`);
          } else if (taken.kind === 'compact') {
            index.compactNow();
          } else {
            const decoded = runAtOnce(decodeIndexSteps(Buffer.concat(encodeIndex(index.parts(), identity)), identity, { staged: taken.staged }));
            assert.ok(decoded.ok);
            index = new CorpusIndex(decoded.parts);
          }
        }
        assert.deepStrictEqual(formsCounted(index), formsWritten(texts.values()));
      }),
      { numRuns: 300, seed: 25 },
    );
  });
});
