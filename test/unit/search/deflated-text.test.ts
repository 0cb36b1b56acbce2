import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { AnalyzedBatch } from '../../../src/core/search/analyzed-batch';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { IndexIdentity, encodeIndex, indexFileSections } from '../../../src/core/search/index-file';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { batchPieces } from '../../../src/workers/batch-pieces';
import { listArticleFiles } from '../../../src/workers/list-files';
import { textStrings } from '../../support/text-strings';
import { KnownEntity, NEWS_ENTITIES, article, fakeExtractor } from './fixtures';

const IDENTITY: IndexIdentity = { root: '/corpus', extractor: 'fake' };
const WIKINEWS = path.join(__dirname, '..', '..', '..', '..', 'samples', 'wikinews');
const QUERIES = ['rates', '"interest rates"', 'person:Putin', 'bank*', 'wheat OR corn', 'said', 'Kim'];

/** An index of `files` built from batches of `perBatch` articles whose texts are deflated or not, merged in pieces as the threads' are. */
function built(files: readonly { path: string; bytes: Uint8Array }[], deflate: boolean, known: readonly KnownEntity[], perBatch = 3): CorpusIndex {
  const builder = new BatchBuilder(fakeExtractor(known), undefined, { deflateText: deflate });
  const index = new CorpusIndex();
  const merge = (batch: AnalyzedBatch): void => {
    for (const piece of batchPieces(batch, 2)) index.addBatch(piece, { defer: true });
  };
  files.forEach(({ path: file, bytes }, at) => {
    builder.addBytes({ path: file, size: bytes.length, mtimeMs: 1 }, bytes);
    if (at % perBatch === perBatch - 1) merge(builder.finish());
  });
  merge(builder.finish());
  index.compactNow();
  return index;
}

/** What a reader sees of an index: every article's text, every query's hits with snippets and scores. */
function seen(index: CorpusIndex, paths: readonly string[]): unknown {
  const texts = paths.map((file) => index.article(file)?.text);
  const answers = QUERIES.map((query) => {
    const response = index.search(query, { limit: 50 });
    return response.ok ? { total: response.total, hits: response.hits } : response.error;
  });
  return { texts, answers };
}

/** Every section of the index's cache file, as saved now: the bytes that must not change (the file's header holds the time of the save). */
function saved(index: CorpusIndex): unknown {
  return indexFileSections(Buffer.concat(encodeIndex(index.parts(), IDENTITY))).map(({ info, bytes }) => ({ info, bytes: Buffer.from(bytes).toString('base64') }));
}

/** Every article's word ids and entity field, as the store gives them. */
function ids(index: CorpusIndex): unknown {
  const { store } = index.parts();
  return Array.from({ length: store.count }, (_, doc) => ({ words: [...store.tokens(doc)], field: [...store.wholeEntityField(doc)], entities: [...store.entityField(doc)] }));
}

/** Article bodies: any text (accents, emoji, control characters, nothing at all), in one or more paragraphs. */
const bodies = fc.array(fc.array(textStrings(300), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 });

describe('article texts deflated by the indexing threads', () => {
  it('give the same texts, answers, snippets and saved bytes as texts held plain, for any text', () => {
    fc.assert(
      fc.property(bodies, (articles) => {
        const encoder = new TextEncoder();
        const files = articles.map((paragraphs, at) => ({ path: `/corpus/${at}.txt`, bytes: encoder.encode(article('2023-09-13', ...paragraphs)) }));
        const plain = built(files, false, NEWS_ENTITIES);
        const deflated = built(files, true, NEWS_ENTITIES);
        const paths = files.map((file) => file.path);
        assert.deepStrictEqual(seen(deflated, paths), seen(plain, paths));
        assert.deepStrictEqual(saved(deflated), saved(plain), 'same cache bytes');
        assert.deepStrictEqual(seen(deflated, paths), seen(plain, paths), 'and the same after the save, which codes the texts');
      }),
      { numRuns: 25 },
    );
  });

  it('give the same index and cache bytes on the sample corpus, also through a removal and a second save', () => {
    const files = listArticleFiles(WIKINEWS).map((file) => ({ path: file.path, bytes: new Uint8Array(readFileSync(file.path)) }));
    const paths = files.map((file) => file.path);
    const plain = built(files, false, NEWS_ENTITIES, 50);
    const deflated = built(files, true, NEWS_ENTITIES, 50);
    assert.deepStrictEqual(seen(deflated, paths), seen(plain, paths));
    for (const index of [plain, deflated]) {
      index.remove(paths[3] ?? '');
      index.compactNow();
    }
    assert.deepStrictEqual(seen(deflated, paths), seen(plain, paths), 'after a removal (the compaction copies the live texts)');
    assert.deepStrictEqual(saved(deflated), saved(plain), 'same cache bytes');
  });

  it('are read, answered and saved the same once a save has coded them and let the built ids go, also through a change', () => {
    fc.assert(
      fc.property(bodies, fc.nat(), (articles, removed) => {
        const encoder = new TextEncoder();
        const files = articles.map((paragraphs, at) => ({ path: `/corpus/${at}.txt`, bytes: encoder.encode(article('2023-09-13', ...paragraphs)) }));
        const paths = files.map((file) => file.path);
        const index = built(files, true, NEWS_ENTITIES);
        const before = { seen: seen(index, paths), ids: ids(index) };
        const bytes = saved(index);
        assert.deepStrictEqual({ seen: seen(index, paths), ids: ids(index) }, before, 'the same texts, answers, snippets, word ids and entity fields');
        assert.deepStrictEqual(saved(index), bytes, 'saved again: the same bytes');
        // The twin keeps its ids as varints and its deflated texts, with the codes the save made (a store keeps its codes).
        const twin = built(files, true, NEWS_ENTITIES);
        runAtOnce(twin.parts().store.codecSteps(twin.parts().dictionary.all()));
        for (const changed of [index, twin]) {
          changed.remove(paths[removed % paths.length] ?? '');
          changed.compactNow();
        }
        assert.deepStrictEqual(seen(index, paths), seen(twin, paths), 'after a removal and a compaction');
        assert.deepStrictEqual(saved(index), saved(twin), 'and saved again');
      }),
      { numRuns: 25 },
    );
  });

  it('hold about half the bytes of the text on real articles', () => {
    const builder = new BatchBuilder(() => [], undefined, { deflateText: true });
    let utf8 = 0;
    for (const file of listArticleFiles(WIKINEWS)) {
      const bytes = new Uint8Array(readFileSync(file.path));
      utf8 += bytes.length;
      builder.addBytes({ path: file.path, size: bytes.length, mtimeMs: 1 }, bytes);
    }
    const batch = builder.finish();
    assert.strictEqual(batch.textDeflated, true);
    assert.ok(batch.text.length < 0.6 * utf8, `${batch.text.length} of ${utf8} bytes`);
  });
});
