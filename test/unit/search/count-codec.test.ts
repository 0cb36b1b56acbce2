import * as assert from 'assert';
import * as fc from 'fast-check';
import { ByteReader, ByteWriter } from '../../../src/core/search/byte-codec';
import { readCounts, writeCounts } from '../../../src/core/search/count-codec';
import { packCounts } from '../../../src/core/search/postings';

/** `counts[start..end)` written and read back, with the bytes they took. */
function roundTrip(counts: readonly number[], start = 0, end = counts.length): { read: number[]; bytes: number } {
  const writer = new ByteWriter();
  writeCounts(writer, counts, start, end);
  writer.varint(77); // what follows a term's counts must be read next
  const bytes = Buffer.concat(writer.finish());
  const reader = new ByteReader(bytes);
  const out = new Uint16Array(end - start + 2);
  readCounts(reader, out, 1, end - start);
  assert.strictEqual(reader.varint(), 77, 'the reader stops at the end of the counts');
  return { read: [...out.subarray(1, out.length - 1)], bytes: bytes.length - 1 };
}

describe('posting counts codec', () => {
  const once = packCounts(1, 0, 0);

  it('round-trips lists of every length around a bitmap byte, and an empty list in no bytes', () => {
    for (const length of [0, 1, 7, 8, 9, 15, 16, 17, 1000]) {
      const counts = Array.from({ length }, (_, i) => (i % 3 === 0 ? packCounts(2, 1, 0) : once));
      assert.deepStrictEqual(roundTrip(counts).read, counts, `length ${length}`);
    }
    assert.strictEqual(roundTrip([]).bytes, 0);
  });

  it('takes a bit for a word once in the body, and a byte for the other common postings', () => {
    assert.strictEqual(roundTrip(new Array<number>(16).fill(once)).bytes, 2);
    for (const packed of [packCounts(2, 0, 0), packCounts(15, 0, 0), packCounts(0, 0, 1), packCounts(0, 0, 15), packCounts(1, 1, 0), packCounts(0, 1, 0)]) {
      assert.strictEqual(roundTrip([packed]).bytes, 2, `packed ${packed}`);
    }
  });

  it('round-trips the extremes: clamped counts in every field, a posting with none', () => {
    const extremes = [packCounts(1023, 3, 15), packCounts(0, 0, 15), packCounts(1023, 0, 0), packCounts(0, 3, 0), packCounts(1, 0, 1), packCounts(1, 1, 1), 0];
    assert.deepStrictEqual(roundTrip(extremes).read, extremes);
  });

  it('reads a part of a list where it is asked to', () => {
    const counts = [packCounts(3, 0, 0), once, packCounts(0, 0, 2), once, packCounts(5, 2, 1)];
    assert.deepStrictEqual(roundTrip(counts, 1, 4).read, counts.slice(1, 4));
  });

  it('agrees with the plain counts on any list (property)', () => {
    const packed = fc.oneof(fc.constant(once), fc.tuple(fc.integer({ min: 0, max: 1023 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 15 })).map(([body, title, entity]) => packCounts(body, title, entity)));
    fc.assert(fc.property(fc.array(packed, { maxLength: 200 }), (counts) => assert.deepStrictEqual(roundTrip(counts).read, counts)), { numRuns: 500 });
  });

  it('refuses a list cut short with a prefixed message', () => {
    const writer = new ByteWriter();
    writeCounts(writer, [packCounts(2, 0, 0), packCounts(3, 0, 0)], 0, 2);
    const bytes = Buffer.concat(writer.finish());
    assert.throws(() => readCounts(new ByteReader(bytes.subarray(0, 2)), new Uint16Array(2), 0, 2), /^Error: News Corpus: /);
  });
});
