import * as assert from 'assert';
import { crc32 } from 'node:zlib';
import { DEFAULT_MAX_FILE_BYTES } from '../../../src/core/article-file';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { INDEX_FILE_MAGIC, INDEX_FORMAT_VERSION, INDEX_HEAD_BYTES, IndexIdentity, decodeIndex, decodeIndexSteps, describesIndex, encodeIndex, encodeIndexSteps, indexFileSections, indexListingEnd, readIndexListing, streamIndexSteps } from '../../../src/core/search/index-file';
import { ARTICLE_STEP, unpackListing } from '../../../src/core/search/index-sections';
import { runAtOnce, runInSlices } from '../../../src/core/search/time-slices';
import { FixtureArticle, NEWS, NEWS_ENTITIES, PUTIN, article, buildIndex, hitPaths } from './fixtures';

const IDENTITY: IndexIdentity = { root: '/corpus', extractor: 'fake' };

function encode(index: CorpusIndex, identity = IDENTITY): Uint8Array {
  return Buffer.concat(encodeIndex(index.parts(), identity));
}

// The file layout, as index-file.ts writes it: these tests edit files byte by byte.
const VERSION_AT = 8;
const PAYLOAD_LENGTH_AT = 16;
const CHECKSUM_AT = 24;
const HEADER_BYTES = 64;
const META_LENGTH_BYTES = 4;

interface SectionEntry {
  readonly name: string;
  readonly count: number;
}

/** The file with its section table rewritten by `change`, header and checksum made to match: damage only the decoder can see. */
function withSections(bytes: Uint8Array, change: (sections: SectionEntry[]) => SectionEntry[]): Uint8Array {
  const header = Uint8Array.from(bytes.subarray(0, HEADER_BYTES));
  const payload = bytes.subarray(HEADER_BYTES);
  const metaLength = new DataView(payload.buffer, payload.byteOffset).getUint32(0, true);
  const metaEnd = META_LENGTH_BYTES + metaLength;
  const meta = JSON.parse(new TextDecoder().decode(payload.subarray(META_LENGTH_BYTES, metaEnd))) as { sections: SectionEntry[] };
  const metaBytes = new TextEncoder().encode(JSON.stringify({ ...meta, sections: change(meta.sections) }));
  const length = new Uint8Array(META_LENGTH_BYTES);
  new DataView(length.buffer).setUint32(0, metaBytes.length, true);
  const newPayload = Buffer.concat([length, metaBytes, payload.subarray(metaEnd)]);
  new DataView(header.buffer).setFloat64(PAYLOAD_LENGTH_AT, newPayload.length, true);
  new DataView(header.buffer).setUint32(CHECKSUM_AT, crc32(newPayload), true);
  return Buffer.concat([header, newPayload]);
}

function problem(bytes: Uint8Array, identity = IDENTITY): { kind: string; message: string } {
  const decoded = decodeIndex(bytes, identity);
  assert.ok(!decoded.ok, 'expected the file to be rejected');
  return decoded.ok ? { kind: '', message: '' } : decoded.problem;
}

describe('index file', () => {
  const original = buildIndex(NEWS, NEWS_ENTITIES);
  const bytes = encode(original);

  it('round-trips: the loaded index answers exactly like the saved one', () => {
    const decoded = decodeIndex(bytes, IDENTITY);
    assert.ok(decoded.ok);
    const loaded = new CorpusIndex(decoded.parts);
    for (const query of ['interest rates', '"interest rates"', 'bank*', 'wheet~', 'person:Putin', 'date:2023-09', 'rates -bank']) {
      const before = original.search(query);
      const after = loaded.search(query);
      assert.ok(before.ok && after.ok);
      assert.deepStrictEqual(
        after.hits.map(({ path, score, snippet, date, title }) => ({ path, score, snippet, date, title })),
        before.hits.map(({ path, score, snippet, date, title }) => ({ path, score, snippet, date, title })),
        query,
      );
    }
    assert.deepStrictEqual(loaded.entityArticles(PUTIN.key), original.entityArticles(PUTIN.key));
    assert.deepStrictEqual(loaded.entitySummary(PUTIN.key), original.entitySummary(PUTIN.key));
    assert.deepStrictEqual(loaded.entity(PUTIN.key), original.entity(PUTIN.key));
    assert.deepStrictEqual(loaded.stamp('wheat.txt'), original.stamp('wheat.txt'));
  });

  it('keeps working after loading: updates and compaction', () => {
    const decoded = decodeIndex(bytes, IDENTITY);
    assert.ok(decoded.ok);
    const loaded = new CorpusIndex(decoded.parts);
    loaded.remove('wheat.txt');
    loaded.compactNow();
    assert.deepStrictEqual(hitPaths(loaded, 'wheat'), []);
    assert.strictEqual(loaded.articleCount, NEWS.length - 1);
  });

  it('saves removed articles as gone (it compacts first)', () => {
    const changed = buildIndex(NEWS, NEWS_ENTITIES);
    changed.remove('summit.txt');
    const decoded = decodeIndex(encode(changed), IDENTITY);
    assert.ok(decoded.ok);
    assert.deepStrictEqual(hitPaths(new CorpusIndex(decoded.parts), 'weapons'), []);
  });

  it('round-trips an empty index and an article with an empty title', () => {
    const empty = decodeIndex(encode(new CorpusIndex()), IDENTITY);
    assert.ok(empty.ok && new CorpusIndex(empty.parts).articleCount === 0);
    const blank = buildIndex([{ path: 'blank.txt', text: ' date 2023-01-01 ' }]);
    const decoded = decodeIndex(encode(blank), IDENTITY);
    assert.ok(decoded.ok);
    assert.strictEqual(new CorpusIndex(decoded.parts).article('blank.txt')?.title, '');
  });

  it('lists its sections with their bytes, back to back up to the end of the file', () => {
    const sections = indexFileSections(bytes);
    assert.ok(sections.some(({ info }) => info.name === 'entities') && sections.some(({ info }) => info.name === 'terms'));
    for (const { info, bytes: section } of sections) assert.strictEqual(section.length, info.bytes, info.name);
    const last = sections[sections.length - 1];
    assert.ok(last !== undefined);
    assert.strictEqual(last.bytes.byteOffset - bytes.byteOffset + last.bytes.length, bytes.length);
  });

  it('lists the articles from the start of the file alone, as the loaded index lists them', () => {
    const index = buildIndex(NEWS);
    const bytes = encode(index);
    const end = indexListingEnd(bytes.subarray(0, INDEX_HEAD_BYTES));
    const forward = indexFileSections(bytes).find(({ info }) => info.name === 'forward');
    assert.ok(end !== undefined && forward && end === forward.bytes.byteOffset - bytes.byteOffset, 'the listing ends where the forward section begins');
    const packed = readIndexListing(bytes.slice(0, end));
    assert.ok(packed);
    const listing = unpackListing(packed);
    const loaded = decodeIndex(bytes, IDENTITY);
    assert.ok(loaded.ok);
    const listed = listing.paths.map((path, doc) => ({ path, title: listing.titles[doc], day: listing.day[doc] }));
    const store = new CorpusIndex(loaded.parts).parts().store;
    assert.deepStrictEqual(listed, store.paths.map((path, doc) => ({ path, title: store.titles[doc], day: store.day.array[doc] })));
  });

  it('lists an empty index as no articles, and titles that are empty', () => {
    const empty = readIndexListing(encode(new CorpusIndex()));
    assert.ok(empty);
    assert.deepStrictEqual(unpackListing(empty), { paths: [], titles: [], day: new Int32Array(0) });
    const untitled = readIndexListing(encode(buildIndex([{ path: 'a.txt', text: ' date 2020-01-02 ' }, { path: 'b.txt', text: ' date 2020-01-03 ' }])));
    assert.ok(untitled);
    assert.deepStrictEqual(unpackListing(untitled), { paths: ['a.txt', 'b.txt'], titles: ['', ''], day: unpackListing(untitled).day });
    assert.strictEqual(unpackListing(untitled).day.length, 2);
  });

  it('refuses a packed listing without a path and a title for each day (read before the checksum is checked)', () => {
    assert.throws(() => unpackListing({ paths: 'a.txt\u0000b.txt', titles: 'A', day: Int32Array.of(1, 2) }), /^Error: News Corpus: a string table holds 1 entries, not 2\.$/);
    assert.throws(() => unpackListing({ paths: 'a.txt', titles: 'A', day: Int32Array.of(1, 2) }), /News Corpus: a string table/);
  });

  it('gives no listing from the start of a file of another format, or from too few bytes', () => {
    const bytes = encode(buildIndex(NEWS));
    const older = Uint8Array.from(bytes);
    new DataView(older.buffer).setUint32(VERSION_AT, INDEX_FORMAT_VERSION - 1, true);
    assert.strictEqual(indexListingEnd(older), undefined);
    assert.strictEqual(indexListingEnd(bytes.subarray(0, HEADER_BYTES + 2)), undefined);
    const end = indexListingEnd(bytes) ?? 0;
    assert.strictEqual(readIndexListing(bytes.subarray(0, end - 1)), undefined);
  });

  it('says from the start of a file alone whether it holds the index expected: not for another folder, extractor or format', () => {
    const bytes = encode(buildIndex(NEWS));
    const head = bytes.subarray(0, INDEX_HEAD_BYTES);
    assert.strictEqual(describesIndex(head, IDENTITY), true);
    assert.strictEqual(describesIndex(head, { ...IDENTITY, root: '/elsewhere' }), false);
    assert.strictEqual(describesIndex(head, { ...IDENTITY, extractor: 'other' }), false);
    const older = Uint8Array.from(bytes);
    new DataView(older.buffer).setUint32(VERSION_AT, INDEX_FORMAT_VERSION - 1, true);
    assert.strictEqual(describesIndex(older, IDENTITY), false);
    assert.strictEqual(describesIndex(bytes.subarray(0, HEADER_BYTES + 2), IDENTITY), false);
  });

  it('is written as it is made: zeros first where the head goes, the head at the end, the same length for any sections of one identity', () => {
    const written = (index: CorpusIndex): { head: Uint8Array; file: Uint8Array } => {
      const chunks: Uint8Array[] = [];
      const head = runAtOnce(streamIndexSteps(index.parts(), IDENTITY, (chunk) => chunks.push(Uint8Array.from(chunk))));
      assert.strictEqual(chunks[0]?.length, head.length);
      assert.ok(chunks[0]?.every((byte) => byte === 0));
      return { head, file: Buffer.concat([head, ...chunks.slice(1)]) };
    };
    const small = written(buildIndex(NEWS, NEWS_ENTITIES));
    const larger = written(buildIndex([...NEWS, ...Array.from({ length: 300 }, (_, i) => ({ path: `/corpus/more/${i}.txt`, text: article('2024-01-02', `Story ${i} of many`, 'Interest rates rose again in Moscow. '.repeat(i % 17)) }))], NEWS_ENTITIES));
    assert.strictEqual(small.head.length, larger.head.length);
    for (const { file } of [small, larger]) {
      const decoded = decodeIndex(file, IDENTITY);
      assert.ok(decoded.ok, decoded.ok ? '' : decoded.problem.message);
    }
    const loaded = decodeIndex(small.file, IDENTITY);
    assert.ok(loaded.ok);
    const again = new CorpusIndex(loaded.parts);
    for (const query of ['interest rates', 'person:Putin', 'bank*']) assert.deepStrictEqual(hitPaths(again, query), hitPaths(original, query), query);
    // The same sections as a file encoded whole, and a description that differs only in its time and its padding.
    const whole = encode(buildIndex(NEWS, NEWS_ENTITIES));
    const sections = (file: Uint8Array): { info: unknown; bytes: string }[] => indexFileSections(file).map(({ info, bytes: section }) => ({ info, bytes: Buffer.from(section).toString('base64') }));
    assert.deepStrictEqual(sections(small.file), sections(whole));
  });

  it("gives chunks of its own: a later save of the same index, which frees the store's text segments, leaves an earlier file's chunks whole", () => {
    const index = buildIndex([...NEWS, ...Array.from({ length: 200 }, (_, i) => ({ path: `/corpus/more/${i}.txt`, text: article('2024-01-02', `Story ${i}`, 'Interest rates rose again in Moscow. '.repeat(1 + (i % 9))) }))], NEWS_ENTITIES);
    const first = encodeIndex(index.parts(), IDENTITY);
    const before = Buffer.concat(first);
    encodeIndex(index.parts(), IDENTITY);
    const after = Buffer.concat(first);
    assert.strictEqual(after.length, before.length);
    const decoded = decodeIndex(after, IDENTITY);
    assert.ok(decoded.ok, decoded.ok ? '' : decoded.problem.message);
  });

  it('saves a folder whose path is not ASCII (as the command line names it): the description padded by its bytes, not its characters', () => {
    const identity: IndexIdentity = { root: '/Zeitungen/Bücher — 新聞', extractor: 'fake' };
    const decoded = decodeIndex(encode(buildIndex(NEWS, NEWS_ENTITIES), identity), identity);
    assert.ok(decoded.ok, decoded.ok ? '' : decoded.problem.message);
    assert.deepStrictEqual(hitPaths(new CorpusIndex(decoded.parts), 'interest rates'), hitPaths(original, 'interest rates'));
  });

  it('starts with the magic bytes and the format version', () => {
    assert.strictEqual(new TextDecoder().decode(bytes.subarray(0, INDEX_FILE_MAGIC.length)), INDEX_FILE_MAGIC);
    assert.strictEqual(new DataView(bytes.buffer, bytes.byteOffset).getUint32(VERSION_AT, true), INDEX_FORMAT_VERSION);
  });

  it('detects damage: a flipped byte, a cut file, extra bytes, another file', () => {
    for (const offset of [CHECKSUM_AT + 2, 100, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const damaged = Uint8Array.from(bytes);
      damaged[offset] = (damaged[offset] ?? 0) ^ 0xff;
      assert.strictEqual(problem(damaged).kind, 'corrupt', `byte ${offset}`);
    }
    assert.match(problem(bytes.subarray(0, bytes.length - 10)).message, /cut short/);
    assert.match(problem(Buffer.concat([bytes, Buffer.from([1])])).message, /cut short or has extra bytes/);
    assert.match(problem(new TextEncoder().encode('{"not":"an index"}'.padEnd(100))).message, /not a News Corpus index file/);
    assert.match(problem(new Uint8Array(3)).message, /too short/);
    for (const bad of [bytes.subarray(0, 10), new Uint8Array(0)]) assert.match(problem(bad).message, /^News Corpus: the saved index is damaged/);
  });

  it('reports sections that do not fit together as damage, in one sentence with one prefix', () => {
    const withoutText = problem(withSections(bytes, (sections) => sections.filter((section) => section.name !== 'text')));
    assert.deepStrictEqual(withoutText, { kind: 'corrupt', message: 'News Corpus: the saved index is damaged (the text section is missing); rebuilding it.' });
    const overcounted = problem(withSections(bytes, (sections) => sections.map((section) => (section.name === 'postings' ? { ...section, count: section.count + 1 } : section))));
    assert.strictEqual(overcounted.message, 'News Corpus: the saved index is damaged (the postings hold fewer entries than described); rebuilding it.');
  });

  it('detects a stale file: another folder, another entity extractor, another format version', () => {
    assert.deepStrictEqual(problem(bytes, { root: '/elsewhere', extractor: 'fake' }).kind, 'stale');
    assert.match(problem(bytes, { root: '/corpus', extractor: 'ner:123' }).message, /entity extractor/);
    const older = Uint8Array.from(bytes);
    new DataView(older.buffer).setUint32(VERSION_AT, 0, true);
    assert.match(problem(older).message, /out of date \(format version 0/);
  });

  it('rejects a cache in the previous format (version 10: no stored pair answers) as stale, so it is rebuilt, never misread', () => {
    assert.strictEqual(INDEX_FORMAT_VERSION, 11);
    const previous = Uint8Array.from(bytes);
    new DataView(previous.buffer).setUint32(VERSION_AT, 10, true);
    const rejected = problem(previous);
    assert.strictEqual(rejected.kind, 'stale');
    assert.match(rejected.message, /^News Corpus: the saved index is out of date \(format version 10, this version reads 11\)/);
    assert.strictEqual(decodeIndex(previous, IDENTITY).ok, false);
  });

  it('decodes the postings of a term only when it is first read, to the same lists as the saved index', () => {
    const decoded = decodeIndex(bytes, IDENTITY);
    assert.ok(decoded.ok);
    const saved = original.parts().postings;
    const loaded = decoded.parts.postings;
    assert.deepStrictEqual(loaded.offsets, saved.offsets);
    assert.ok(loaded.docs.every((doc) => doc === 0), 'nothing decoded before the first read');
    for (let term = 0; term < loaded.termCount; term++) loaded.list(term);
    assert.deepStrictEqual(loaded.docs, saved.docs);
    assert.deepStrictEqual(loaded.counts, saved.counts);
    // Saving a loaded index writes the same bytes, whether or not its terms were read.
    const again = decodeIndex(bytes, IDENTITY);
    assert.ok(again.ok);
    assert.deepStrictEqual(encode(new CorpusIndex(again.parts)).subarray(HEADER_BYTES + META_LENGTH_BYTES + 200), bytes.subarray(HEADER_BYTES + META_LENGTH_BYTES + 200));
  });

  it('codes token ids past 65,536 terms, and reads them at any alignment', () => {
    const wordsPerArticle = 1000;
    const many: FixtureArticle[] = [];
    for (let i = 0; i < 70; i++) {
      const words = Array.from({ length: wordsPerArticle }, (_, j) => `w${i * wordsPerArticle + j}`).join(' ');
      many.push({ path: `big${i}.txt`, text: article('2023-09-13', `Story ${i}`, words) });
    }
    const index = buildIndex(many);
    assert.ok(index.termCount > 0x10000);
    const saved = encode(index);
    for (const shift of [0, 1, 2]) {
      const shifted = new Uint8Array(saved.length + shift);
      shifted.set(saved, shift);
      const decoded = decodeIndex(shifted.subarray(shift), IDENTITY);
      assert.ok(decoded.ok, `shift ${shift}`);
      const loaded = new CorpusIndex(decoded.parts);
      assert.deepStrictEqual(hitPaths(loaded, 'w69999'), ['big69.txt']);
      assert.deepStrictEqual(hitPaths(loaded, '"w65536 w65537"'), ['big65.txt']);
      assert.deepStrictEqual(hitPaths(loaded, '"w65537 w65536"'), []);
    }
  });

  it('encodes and decodes in slices that pause, giving the same index as at once', async () => {
    const many: FixtureArticle[] = [];
    for (let i = 0; i < ARTICLE_STEP * 2 + 10; i++) many.push({ path: `a${i}.txt`, text: article('2023-09-13', `Story ${i} about wheat number w${i % 97}.`, `Exporters of corn, round ${i}.`) });
    const index = buildIndex(many);
    const pauses = { encode: 0, decode: 0 };
    const counted = function* <T>(steps: Generator<void, T>, key: keyof typeof pauses): Generator<void, T> {
      let step = steps.next();
      while (!step.done) {
        pauses[key]++;
        yield;
        step = steps.next();
      }
      return step.value;
    };
    const chunks = await runInSlices(counted(encodeIndexSteps(index.parts(), IDENTITY), 'encode'), 0);
    const sliced = Buffer.concat(chunks);
    const decoded = await runInSlices(counted(decodeIndexSteps(sliced, IDENTITY), 'decode'), 0);
    assert.ok(decoded.ok);
    assert.ok(pauses.encode > 2 && pauses.decode > 2, `paused ${pauses.encode} and ${pauses.decode} times`);
    const loaded = new CorpusIndex(decoded.parts);
    assert.strictEqual(loaded.articleCount, many.length);
    assert.deepStrictEqual(hitPaths(loaded, 'w5'), hitPaths(index, 'w5'));
    assert.deepStrictEqual(hitPaths(loaded, '"round 4007"'), ['a4007.txt']);
    assert.strictEqual(loaded.article('a123.txt')?.text, index.article('a123.txt')?.text);
  });

  it('gives back every article\'s token ids, text and hits: an empty article, a 2 MB one, unicode', () => {
    const paragraph = 'Oil prices rose sharply as traders weighed supply from the Gulf, analysts said. ';
    const articles: FixtureArticle[] = [
      { path: 'empty.txt', text: article('2023-09-13', '') },
      { path: 'big.txt', text: article('2023-09-14', 'Big story', paragraph.repeat(Math.floor((DEFAULT_MAX_FILE_BYTES - 100) / paragraph.length))) },
      { path: 'unicode.txt', text: article('2023-09-15', 'Zürich, Москва, 東京 😀', 'Kim Jong-un met Vladimir Putin in Vladivostok: naïve café, 𝒳 = 1,000.') },
      ...NEWS,
    ];
    const index = buildIndex(articles, NEWS_ENTITIES);
    const decoded = decodeIndex(encode(index), IDENTITY);
    assert.ok(decoded.ok);
    const loaded = new CorpusIndex(decoded.parts);
    const before = index.parts().store;
    const after = decoded.parts.store;
    assert.ok(before.text(before.docOf('big.txt') ?? -1).length > DEFAULT_MAX_FILE_BYTES - 200, 'the largest article indexed');
    for (let doc = articles.length - 1; doc >= 0; doc--) {
      assert.deepStrictEqual([...after.tokens(doc)], [...before.tokens(doc)], `tokens of ${before.paths[doc]}`);
      assert.strictEqual(after.text(doc), before.text(doc), `text of ${before.paths[doc]}`);
      assert.strictEqual(after.entityLen.array[doc], before.entityLen.array[doc]);
    }
    for (const query of ['москва', '東京', '"oil prices rose"', 'person:Putin', 'naïve café', 'gulf']) {
      const answer = (from: CorpusIndex): unknown => ({ ...from.search(query, { limit: 50 }), tookMs: 0 });
      assert.deepStrictEqual(answer(loaded), answer(index), query);
    }
  });

  it('reads from a buffer that is not 8-byte aligned', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const decoded = decodeIndex(shifted.subarray(1), IDENTITY);
    assert.ok(decoded.ok);
    assert.deepStrictEqual(hitPaths(new CorpusIndex(decoded.parts), 'wheat'), ['wheat.txt']);
  });
});
