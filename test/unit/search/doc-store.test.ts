import * as assert from 'assert';
import * as fc from 'fast-check';
import { MAX_VARINT_BYTES, writeVarints } from '../../../src/core/search/byte-codec';
import { compactSteps } from '../../../src/core/search/compaction';
import { DocColumns, DocStore } from '../../../src/core/search/doc-store';
import { Growable } from '../../../src/core/search/growable';
import { codeForward } from '../../../src/core/search/index-sections';
import { SegmentedArray } from '../../../src/core/search/segmented-array';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { tokenize } from '../../../src/core/search/tokenize';
import { WordCodec } from '../../../src/core/search/word-codec';
import { FixtureArticle, NEWS, article, buildIndex } from './fixtures';

const encoder = new TextEncoder();

/** The terms of the stores below, by id, as the index's dictionary holds them. */
const TERMS: string[] = [];

/** A store built article by article, as indexing does: body ids from the words of the text, one title id, one entity pair. */
function appended(texts: readonly string[]): DocStore {
  const store = new DocStore();
  texts.forEach((text, doc) => {
    const body = tokenize(text).map(({ term }) => (TERMS.includes(term) ? TERMS.indexOf(term) : TERMS.push(term) - 1));
    // The entity pair: term 9, mentioned twice.
    const tokens = new Uint32Array([...body, 5, 9, 2]);
    store.append({ path: `${doc}.txt`, title: `T${doc}`, size: text.length, mtimeMs: doc, day: 20230913 + doc, bodyStart: 0, bodyTokens: body.length, titleTokens: 1, entityPairs: 1 }, tokens, 0, tokens.length, encoder.encode(text), 0);
  });
  return store;
}

/** Every article's title and entity ids and its coded text as a saved index holds them, back to back, and the columns with their byte lengths. */
function saved(store: DocStore): { columns: DocColumns; forward: Uint8Array; text: Uint8Array; codec: WordCodec } {
  const { lengths, chunks } = runAtOnce(codeForward(store));
  runAtOnce(store.codecSteps(TERMS));
  const texts = Array.from({ length: store.count }, (_, doc) => store.codedText(doc));
  const codec = store.codec;
  assert.ok(codec);
  return { columns: { ...store.columns(), forwardBytes: lengths, textLen: Uint32Array.from(texts, (text) => text.length) }, forward: Buffer.concat(chunks), text: Buffer.concat(texts), codec };
}

/** The first `count` articles' columns. */
function sliceColumns(columns: DocColumns, count: number): DocColumns {
  return Object.fromEntries(Object.entries(columns).map(([name, values]: [string, Uint32Array]) => [name, values.slice(0, count)])) as unknown as DocColumns;
}

function sumOf(values: Uint32Array, count: number): number {
  return values.subarray(0, count).reduce((sum, value) => sum + value, 0);
}

describe('doc store loading', () => {
  it('builds the same store in bulk as article by article', () => {
    const texts = ['first story', 'second, longer story', ''];
    const original = appended(texts);
    const { columns, forward, text, codec } = saved(original);
    const loaded = runAtOnce(DocStore.loadSteps(original.paths, original.titles, columns, forward, text, codec));
    assert.strictEqual(loaded.count, 3);
    assert.strictEqual(loaded.liveCount, 3);
    assert.deepStrictEqual(loaded.averages(), original.averages());
    for (let doc = 0; doc < 3; doc++) {
      assert.deepStrictEqual(loaded.tokens(doc), original.tokens(doc));
      assert.strictEqual(loaded.text(doc), texts[doc]);
      assert.deepStrictEqual(loaded.stored(doc), original.stored(doc));
      assert.strictEqual(loaded.docOf(`${doc}.txt`), doc);
      assert.strictEqual(loaded.entityLen.array[doc], 2);
    }
    // Still appendable and removable after a bulk load.
    assert.strictEqual(loaded.append({ ...loaded.stored(0), path: '3.txt' }, new Uint32Array([4]), 0, 1, encoder.encode('x'), 0), 3);
    assert.ok(loaded.remove('1.txt'));
    assert.strictEqual(loaded.liveCount, 3);
  });

  it('uses the loaded text and coded tokens where they lie in the file buffer, and appends beside them', () => {
    const texts = ['first story', 'second, longer story'];
    const original = appended(texts);
    const { columns, forward, text: coded, codec } = saved(original);
    const file = Buffer.concat([encoder.encode('HEADER'), forward, coded, encoder.encode('TRAILER')]);
    const text = file.subarray(6 + forward.length, 6 + forward.length + coded.length);
    const loaded = runAtOnce(DocStore.loadSteps(original.paths, original.titles, columns, file.subarray(6, 6 + forward.length), text, codec));
    assert.strictEqual(loaded.storedText(1).bytes.buffer, file.buffer, 'no copy of the text at load');
    assert.strictEqual(loaded.codedTokens(1).buffer, file.buffer, 'no copy of the tokens at load');
    const added = loaded.append({ ...loaded.stored(0), path: '2.txt' }, new Uint32Array([4]), 0, 1, encoder.encode('third'), 0);
    assert.deepStrictEqual([0, 1, added].map((doc) => loaded.text(doc)), [...texts, 'third']);
    assert.deepStrictEqual([0, 1].map((doc) => [...loaded.tokens(doc)]), [0, 1].map((doc) => [...original.tokens(doc)]));
  });

  it("decodes an article's tokens when first read, and saves them again as they were loaded", () => {
    const original = appended(['a', 'b c', 'c']);
    const { columns, forward, text, codec } = saved(original);
    const loaded = runAtOnce(DocStore.loadSteps(original.paths, original.titles, columns, forward, text, codec));
    assert.deepStrictEqual([...loaded.tokens(2)], [...original.tokens(2)], 'out of order, decoded first');
    assert.strictEqual(loaded.text(1), original.text(1), 'the text read first decodes the ids with it');
    assert.deepStrictEqual([...loaded.tokens(1)], [...original.tokens(1)]);
    assert.deepStrictEqual(saved(loaded).forward, forward);
    assert.deepStrictEqual([0, 1, 2].map((doc) => [...loaded.tokens(doc)]), [0, 1, 2].map((doc) => [...original.tokens(doc)]));
    assert.deepStrictEqual(saved(loaded).forward, forward, 'decoded, still saved as loaded');
  });

  it("gives a loaded article's word ids and no entity field of its own (the saved postings hold it)", () => {
    const original = appended(['first story', 'second, longer story']);
    const { columns, forward, text, codec } = saved(original);
    const loaded = runAtOnce(DocStore.loadSteps(original.paths, original.titles, columns, forward, text, codec));
    assert.deepStrictEqual([...original.entityField(1)], [9, 2], 'as indexed');
    assert.deepStrictEqual([...loaded.entityField(1)], [], 'loaded without fields');
    assert.deepStrictEqual([...loaded.tokens(1)], [...original.tokens(1)], 'body and title');
    const out = new Uint32Array(4).fill(7);
    assert.strictEqual(original.entityFieldInto(1, out), 2);
    assert.deepStrictEqual([...out], [9, 2, 7, 7], 'copied into the caller\'s array');
  });

  it('refuses coded tokens that do not fill their bytes, with a prefixed message', () => {
    const original = appended(['a']);
    const { columns, forward, text, codec } = saved(original);
    const longer = runAtOnce(DocStore.loadSteps(original.paths, original.titles, { ...columns, forwardBytes: new Uint32Array([forward.length + 1]) }, Buffer.concat([forward, new Uint8Array([3])]), text, codec));
    assert.throws(() => longer.tokens(0), /^Error: News Corpus: an article's token ids do not fill their bytes/);
    assert.throws(
      () => runAtOnce(DocStore.loadSteps(original.paths, original.titles, columns, forward.subarray(1), text, codec)),
      /^Error: News Corpus: the token ids section is shorter/,
    );
  });

  it('refuses text shorter than the articles need, with a prefixed message', () => {
    const original = appended(['some text']);
    const { columns, forward, codec } = saved(original);
    assert.throws(
      () => runAtOnce(DocStore.loadSteps(original.paths, original.titles, columns, forward, new Uint8Array(1), codec)),
      /^Error: News Corpus: the text section is shorter/,
    );
  });

  it('codes its texts one article at a time, reading the same texts at every pause, loaded and appended alike', () => {
    const texts = Array.from({ length: 150 }, (_, doc) => `story ${doc}, with ${'more words '.repeat(doc % 7)}in it`);
    const original = appended(texts);
    const { columns, forward, text, codec } = saved(original);
    const loaded = runAtOnce(DocStore.loadSteps(original.paths.slice(0, 100), original.titles.slice(0, 100), sliceColumns(columns, 100), forward.subarray(0, sumOf(columns.forwardBytes, 100)), text, codec));
    for (let doc = 100; doc < texts.length; doc++) loaded.append({ ...original.stored(doc) }, original.tokens(doc), 0, original.tokens(doc).length, encoder.encode(texts[doc]), 0);
    const expected = Array.from({ length: texts.length }, (_, doc) => original.codedText(doc));
    const steps = loaded.codeTextSteps();
    let step = steps.next();
    for (; !step.done; step = steps.next()) assert.deepStrictEqual(texts.map((_, doc) => loaded.text(doc)), texts);
    assert.deepStrictEqual(Buffer.concat(step.value.chunks), Buffer.concat(expected), 'the coded texts back to back, as the file holds them');
    assert.deepStrictEqual([...step.value.lengths], expected.map((bytes) => bytes.length));
    assert.deepStrictEqual(texts.map((_, doc) => loaded.storedText(doc).form), texts.map(() => 'coded'));
    assert.deepStrictEqual(texts.map((_, doc) => [...loaded.tokens(doc)]), texts.map((_, doc) => [...original.tokens(doc)]));
  });

  it('lets a column take over an array of its own type only', () => {
    const days = new Growable(Int32Array);
    days.adopt(new Int32Array([20230913, 20230914]));
    days.push(20230915);
    assert.deepStrictEqual(days.view(), new Int32Array([20230913, 20230914, 20230915]));
    assert.throws(() => days.adopt(new Float64Array(1)), /^Error: News Corpus: a column was given values of another type/);
  });

  it('reserves runs to fill in place, in a new segment when the current one is full', () => {
    const array = new SegmentedArray(Uint32Array, 4);
    const first = array.reserve(3);
    array.view(first, 3).set([1, 2, 3]);
    const second = array.reserve(2);
    array.view(second, 2).set([4, 5]);
    assert.deepStrictEqual([first, second], [0, 2 ** 32], 'the second run starts the second segment');
    assert.deepStrictEqual(array.view(second, 2), new Uint32Array([4, 5]));
  });

  it('makes its first segments small when told, each twice the one before up to the segment length, a long run one of its own', () => {
    const array = new SegmentedArray(Uint8Array, 16, 2);
    const lengths = [2, 3, 5, 40, 16].map((length) => array.view(array.reserve(length), length).buffer.byteLength);
    assert.deepStrictEqual(lengths, [2, 4, 8, 40, 16]);
  });

  it('makes no entity-field segment for articles without entities, and small segments for a few articles', () => {
    const store = new DocStore();
    const text = encoder.encode(' date 2023-09-13 T');
    const tokens = new Uint32Array([7]);
    store.append({ path: 'a.txt', title: 'T', size: text.length, mtimeMs: 0, day: 20230913, bodyStart: 0, bodyTokens: 1, titleTokens: 0, entityPairs: 0 }, tokens, 0, 1, text, 0);
    const held = store as unknown as Record<'fields' | 'coded' | 'texts', SegmentedArray<Uint8Array | Uint32Array>>;
    assert.strictEqual(held.fields.segmentCount, 0);
    assert.deepStrictEqual([...store.entityField(0)], []);
    const withEntities = new Uint32Array([7, 9, 2]);
    store.append({ path: 'b.txt', title: 'T', size: text.length, mtimeMs: 0, day: 20230913, bodyStart: 0, bodyTokens: 1, titleTokens: 0, entityPairs: 1 }, withEntities, 0, 3, text, 0);
    assert.deepStrictEqual([...store.entityField(1)], [9, 2]);
    const segmentBytes = (array: SegmentedArray<Uint8Array | Uint32Array>) => array.view(0, 1).buffer.byteLength;
    assert.ok([held.fields, held.coded, held.texts].every((array) => segmentBytes(array) <= 64 * 1024), 'no 4 MB segment for two articles');
  });
});

/** An article's ids as an indexing thread gives them: body, title, entity field's (term, mentions) pairs; any 32-bit ids. */
const idsOfArticle = fc.record({
  body: fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 60 }),
  title: fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 8 }),
  field: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 255 })), { maxLength: 5 }),
});

/** The articles appended from one array of ids, each from its offset in it, as the index appends a batch. */
function appendedIds(articles: readonly { body: number[]; title: number[]; field: [number, number][] }[]): DocStore {
  const store = new DocStore();
  const all = new Uint32Array(articles.flatMap(({ body, title, field }) => [...body, ...title, ...field.flat()]));
  let at = 0;
  articles.forEach(({ body, title, field }, doc) => {
    const end = at + body.length + title.length + 2 * field.length;
    store.append({ path: `${doc}.txt`, title: `T${doc}`, size: 1, mtimeMs: doc, day: 20230913, bodyStart: 0, bodyTokens: body.length, titleTokens: title.length, entityPairs: field.length }, all, at, end, encoder.encode(`text ${doc}`), 0);
    at = end;
  });
  return store;
}

/**
 * The title ids as the file's forward section holds them, in room of their own size: a `ByteWriter` starts with a
 * 1 MB chunk, and the property below made ~2,400 of them (2.6–4.8 s of the test at load 14–16, most of it GC).
 */
function titleVarints(title: readonly number[]): Buffer {
  const room = new Uint8Array(title.length * MAX_VARINT_BYTES);
  return Buffer.from(room.subarray(0, writeVarints(Uint32Array.from(title), 0, title.length, room)));
}

describe('word ids held as varints', () => {
  it('gives every article its ids as appended, read once or kept, copied or not, for any ids', () => {
    fc.assert(
      fc.property(fc.array(idsOfArticle, { minLength: 1, maxLength: 12 }), (articles) => {
        const store = appendedIds(articles);
        const words = articles.map(({ body, title }) => [...body, ...title]);
        const reversed = articles.map((_, doc) => articles.length - 1 - doc);
        assert.deepStrictEqual(reversed.map((doc) => [...store.tokensOnce(doc)]), reversed.map((doc) => words[doc]), 'read once, out of order');
        assert.deepStrictEqual(articles.map((_, doc) => [...store.tokens(doc)]), words, 'decoded and kept');
        assert.deepStrictEqual(articles.map((_, doc) => [...store.tokensOnce(doc)]), words, 'read once from the kept ids');
        const copy = new DocStore();
        articles.forEach((_, doc) => copy.copyFrom(store, doc));
        for (const held of [store, copy]) {
          assert.deepStrictEqual(articles.map((_, doc) => [...held.tokens(doc)]), words);
          assert.deepStrictEqual(articles.map((_, doc) => Buffer.from(held.codedTokens(doc))), articles.map(({ title }) => titleVarints(title)), 'title ids as the file holds them');
          assert.deepStrictEqual(articles.map((_, doc) => [...held.entityField(doc)]), articles.map(({ field }) => field.flat()));
          assert.deepStrictEqual(articles.map((_, doc) => held.entityLen.array[doc]), articles.map(({ field }) => field.reduce((sum, [, count]) => sum + count, 0)));
        }
      }),
    );
  });

  it('checks a phrase in a body held as varints', () => {
    const store = appendedIds([{ body: [3, 7, 12, 7], title: [1], field: [] }]);
    assert.strictEqual(store.containsRun(0, [7, 12], [2, 1]), true);
    assert.strictEqual(store.containsRun(0, [12, 3], [1, 1]), false);
    assert.deepStrictEqual([...store.tokensOnce(0)], [3, 7, 12, 7, 1]);
  });

  it("copies a loaded article as the file held it: its coded text and title ids", () => {
    const original = appended(['first story', 'second, longer story']);
    const { columns, forward, text, codec } = saved(original);
    const loaded = runAtOnce(DocStore.loadSteps(original.paths, original.titles, columns, forward, text, codec));
    const copy = new DocStore(loaded.codec);
    for (const doc of [1, 0]) copy.copyFrom(loaded, doc);
    assert.deepStrictEqual([0, 1].map((doc) => Buffer.from(copy.codedTokens(doc))), [1, 0].map((doc) => Buffer.from(loaded.codedTokens(doc))));
    const texts = (store: DocStore, docs: number[]) => docs.map((doc) => ({ ...store.storedText(doc), bytes: Buffer.from(store.storedText(doc).bytes) }));
    assert.deepStrictEqual(texts(copy, [0, 1]), texts(loaded, [1, 0]));
    assert.deepStrictEqual([0, 1].map((doc) => [...copy.tokens(doc)]), [1, 0].map((doc) => [...original.tokens(doc)]));
    assert.deepStrictEqual([0, 1].map((doc) => copy.text(doc)), ['second, longer story', 'first story']);
  });
});

describe('compaction steps', () => {
  it('pauses at least every 500 articles and while touching the new postings, giving the same answers', () => {
    const many: FixtureArticle[] = [];
    for (let i = 0; i < 1200; i++) many.push({ path: `a${i}.txt`, text: article('2023-09-13', `Story ${i} about wheat w${i % 31}.`) });
    const index = buildIndex([...NEWS, ...many]);
    const { store, postings, dictionary } = index.parts();
    const steps = compactSteps(store, dictionary.size);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    // Two passes over 1,200+ articles, a pause every 500, plus at least one while touching the arrays.
    assert.ok(pauses >= 2 * Math.floor(store.count / 500) + 1, `paused ${pauses} times`);
    assert.deepStrictEqual(step.value.postings.offsets, postings.offsets);
    assert.deepStrictEqual(step.value.postings.docs, postings.docs);
    assert.deepStrictEqual(step.value.postings.counts, postings.counts);
  });
});
