import * as assert from 'assert';
import * as fc from 'fast-check';
import { ByteReader, ByteWriter } from '../../../src/core/search/byte-codec';
import { readEntityCounts, readCounts, writeCounts } from '../../../src/core/search/count-codec';
import { readDocIds, savedAsBitmap, writeDocIds } from '../../../src/core/search/doc-id-codec';
import { packCounts } from '../../../src/core/search/postings';

function bytesOf(write: (writer: ByteWriter) => void): Uint8Array {
  const writer = new ByteWriter();
  write(writer);
  return Buffer.concat(writer.finish());
}

describe('document ids codec', () => {
  it('round-trips any ascending list, as gaps or as a bitmap, taking the bitmap only where it is not larger (property)', () => {
    const list = fc.integer({ min: 1, max: 300 }).chain((docCount) => fc.tuple(fc.constant(docCount), fc.uniqueArray(fc.nat(docCount - 1), { maxLength: docCount }).map((docs) => docs.sort((a, b) => a - b))));
    fc.assert(
      fc.property(list, ([docCount, docs]) => {
        const bytes = bytesOf((writer) => writeDocIds(writer, docs, 0, docs.length, docCount));
        const out = new Uint32Array(docs.length + 2).fill(7);
        const reader = new ByteReader(bytes);
        readDocIds(reader, out, 1, docs.length, docCount);
        assert.deepStrictEqual([...out.subarray(1, 1 + docs.length)], docs);
        assert.strictEqual(reader.position, bytes.length);
        const gaps = bytesOf((writer) => docs.forEach((doc, i) => writer.varint(doc - (docs[i - 1] ?? 0))));
        assert.ok(bytes.length <= Math.max(gaps.length, Math.ceil(docCount / 8)));
        if (savedAsBitmap(docs.length, docCount)) assert.ok(bytes.length <= gaps.length, 'a bitmap is never larger than the gaps');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a bitmap naming another number of articles than described, with a prefixed message', () => {
    const bytes = bytesOf((writer) => writeDocIds(writer, [0, 1, 2], 0, 3, 8));
    assert.throws(() => readDocIds(new ByteReader(bytes), new Uint32Array(4), 0, 2, 8), /^Error: News Corpus: a posting list names another number/);
    assert.throws(() => readDocIds(new ByteReader(Uint8Array.of(0b11)), new Uint32Array(4), 0, 3, 8), /^Error: News Corpus: a posting list names another number/);
  });
});

describe('entity mentions in the posting counts', () => {
  it('saves an entity term\'s exact mentions past 15 and reads them back, the packed counts clamped as before', () => {
    const counts = [packCounts(1, 0, 0), packCounts(0, 0, 23), packCounts(2, 1, 3), packCounts(0, 0, 4)];
    const exact = [0, 23, 3, 4];
    const bytes = bytesOf((writer) => writeCounts(writer, counts, 0, counts.length, (i) => exact[i] ?? 0));
    const packed = new Uint16Array(4);
    readCounts(new ByteReader(bytes), packed, 0, 4);
    assert.deepStrictEqual([...packed], counts);
    const mentions = new Uint16Array(4);
    readEntityCounts(new ByteReader(bytes), mentions, 0, 4);
    assert.deepStrictEqual([...mentions], exact);
  });
});
