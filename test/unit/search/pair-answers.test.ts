import * as assert from 'assert';
import * as fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { ByteReader, ByteWriter } from '../../../src/core/search/byte-codec';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { decodeIndex, decodeSavedSteps, encodeIndex, readIndexFileSteps } from '../../../src/core/search/index-file';
import { savedSectionBuffers } from '../../../src/core/search/index-sections';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { NO_PAIRS, PairRule } from '../../../src/core/search/pair-counter';
import { readRankSet, writeRankSet } from '../../../src/core/search/rank-set-codec';
import { analyzeText, article } from './fixtures';

/** Every pair of words stored, however rare or common: the stored answers cover every two-word check. */
const EVERY_PAIR: PairRule = { minWordShare: 0, maxWordShare: 1, minPairShare: 0 };
/** No word is frequent enough: no pair stored, every check reads the bodies. */
const NO_PAIR: PairRule = { minWordShare: 0, maxWordShare: 0, minPairShare: 0 };
const IDENTITY = { root: '/news', extractor: 'none' };
/** Words that make phrases, near-phrases and repeats likely. */
const WORDS = ['interest', 'rates', 'rose', 'bank', 'of', 'england', 'the', 'crude', 'oil', 'prices'];
const PATHS = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt'];

function writtenForm(flags: Uint8Array): { bytes: Uint8Array; form: number } {
  const writer = new ByteWriter();
  writeRankSet(writer, flags);
  const bytes = Buffer.concat(writer.finish());
  return { bytes, form: bytes[0] ?? -1 };
}

function saveAndReload(index: CorpusIndex, rule: PairRule): CorpusIndex {
  const decoded = decodeIndex(Buffer.concat(encodeIndex(index.parts(), IDENTITY)), IDENTITY);
  assert.ok(decoded.ok);
  return new CorpusIndex(decoded.parts, rule);
}

// The file layout, as index-file.ts writes it (see index-file.test.ts): the pairs section is the file's last.
const PAYLOAD_LENGTH_AT = 16;
const CHECKSUM_AT = 24;
const HEADER_BYTES = 64;
const META_LENGTH_BYTES = 4;

/** The index file with its pairs section replaced by `section`, its table, length and checksum made to match: damage only the decoder can see. */
function withPairsSection(bytes: Uint8Array, section: Uint8Array): Uint8Array {
  const header = Uint8Array.from(bytes.subarray(0, HEADER_BYTES));
  const payload = bytes.subarray(HEADER_BYTES);
  const metaEnd = META_LENGTH_BYTES + new DataView(payload.buffer, payload.byteOffset).getUint32(0, true);
  const meta = JSON.parse(new TextDecoder().decode(payload.subarray(META_LENGTH_BYTES, metaEnd))) as { sections: { name: string; bytes: number }[] };
  const old = meta.sections.at(-1);
  assert.strictEqual(old?.name, 'pairs');
  const metaBytes = new TextEncoder().encode(JSON.stringify({ ...meta, sections: meta.sections.map((info) => (info === old ? { ...info, bytes: section.length } : info)) }));
  const length = new Uint8Array(META_LENGTH_BYTES);
  new DataView(length.buffer).setUint32(0, metaBytes.length, true);
  const newPayload = Buffer.concat([length, metaBytes, payload.subarray(metaEnd, payload.length - old.bytes), section]);
  new DataView(header.buffer).setFloat64(PAYLOAD_LENGTH_AT, newPayload.length, true);
  new DataView(header.buffer).setUint32(CHECKSUM_AT, crc32(newPayload), true);
  return Buffer.concat([header, newPayload]);
}

/** A pairs section as PairAnswers.write lays it out: per pair its two words and its bytes' length, then `answers`. */
function pairsSection(pairs: readonly { first: number; second: number; bytes: number }[], answers: Uint8Array): Uint8Array {
  const writer = new ByteWriter();
  writer.varint(pairs.length);
  for (const { first, second, bytes } of pairs) [first, second, bytes].forEach((value) => writer.varint(value));
  writer.bytes(answers);
  return Buffer.concat(writer.finish());
}

/** Every typed array in `value`, however deep. */
function typedArraysIn(value: unknown, found: ArrayBufferView[] = []): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) found.push(value);
  else if (value !== null && typeof value === 'object') for (const inner of Object.values(value)) typedArraysIn(inner, found);
  return found;
}

type Step = { kind: 'put'; path: string; words: string[] } | { kind: 'remove'; path: string } | { kind: 'compact' } | { kind: 'reload' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), path: fc.constantFrom(...PATHS), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }) }),
  fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant('compact' as const) }),
  fc.record({ kind: fc.constant('reload' as const) }),
);

describe('stored pair answers', () => {
  it('code a set of candidate ranks in the smallest of three forms, and read each back', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 300 }), (bits) => {
        const flags = Uint8Array.from(bits, Number);
        const { bytes } = writtenForm(flags);
        const reader = new ByteReader(bytes);
        assert.deepStrictEqual(readRankSet(reader, flags.length), flags);
        assert.strictEqual(reader.position, bytes.length);
      }),
      { numRuns: 500 },
    );
    const rare = new Uint8Array(200);
    rare[17] = 1;
    const common = new Uint8Array(200).fill(1);
    common[17] = 0;
    const half = Uint8Array.from({ length: 200 }, (_, rank) => rank % 2);
    assert.deepStrictEqual([rare, common, half].map((flags) => writtenForm(flags).form), [0, 1, 2]);
    // writeRankSet's examples, byte for byte.
    assert.deepStrictEqual([...writtenForm(new Uint8Array(20).fill(1).fill(0, 3, 4)).bytes], [1, 1, 3]);
    assert.deepStrictEqual([...writtenForm(Uint8Array.of(1, 1, 1, 0, 1)).bytes], [2, 0b10111]);
  });

  it('refuse a set naming a rank beyond its candidates, in each form', () => {
    const sparse = new Uint8Array(40);
    sparse[30] = 1;
    const dense = new Uint8Array(40).fill(1);
    dense[30] = 0;
    const bitmap = Uint8Array.of(0, 1, 0, 1, 0, 1);
    for (const flags of [sparse, dense, bitmap]) assert.throws(() => readRankSet(new ByteReader(writtenForm(flags).bytes), flags.length === 40 ? 20 : 5), /News Corpus:/);
  });

  it('are refused with the file when their section names a word the index lacks or other bytes than it holds', () => {
    const index = new CorpusIndex(undefined, EVERY_PAIR);
    const text = article('2023-09-13', 'Rates', 'interest rates rose and interest rates fell');
    index.addBatch(analyzeText({ path: 'a.txt', size: text.length, mtimeMs: 1 }, text, () => []));
    const parts = index.parts();
    assert.ok((parts.pairs?.pairCount ?? 0) > 0, 'pairs stored');
    const bytes = Buffer.concat(encodeIndex(parts, IDENTITY));
    const terms = parts.dictionary.size;
    const interest = parts.dictionary.id('interest') ?? -1;
    const rates = parts.dictionary.id('rates') ?? -1;
    const refused = (section: Uint8Array): string => {
      const decoded = decodeIndex(withPairsSection(bytes, section), IDENTITY);
      return decoded.ok ? 'decoded' : `${decoded.problem.kind}: ${decoded.problem.message}`;
    };
    // The same file with its own section again decodes: what the others change is all that is wrong with them.
    const ownWriter = new ByteWriter();
    parts.pairs?.write(ownWriter);
    assert.strictEqual(refused(Buffer.concat(ownWriter.finish())), 'decoded');
    assert.match(refused(pairsSection([{ first: terms, second: rates, bytes: 1 }], Uint8Array.of(0))), /^corrupt: News Corpus: the saved index is damaged \(the stored pair answers do not fit the postings\)/);
    assert.match(refused(pairsSection([{ first: interest, second: rates, bytes: 2 }], Uint8Array.of(0))), /^corrupt: News Corpus: the saved index is damaged \(the stored pair answers do not fit the postings\)/);
    assert.match(refused(pairsSection([{ first: interest, second: rates, bytes: 1 }], Uint8Array.of(0, 0))), /^corrupt: News Corpus: the saved index is damaged \(the stored pair answers do not fit the postings\)/);
  });

  it("cross to the index's thread with the rest of a read file: every buffer of it moved, each once", () => {
    const index = new CorpusIndex(undefined, EVERY_PAIR);
    const text = article('2023-09-13', 'Rates', 'interest rates rose and interest rates fell');
    index.addBatch(analyzeText({ path: 'a.txt', size: text.length, mtimeMs: 1 }, text, () => []));
    // A file's own buffer, as the reading thread has it (Buffer.concat puts a small one in Node's shared pool, never moved).
    const read = runAtOnce(readIndexFileSteps(new Uint8Array(Buffer.concat(encodeIndex(index.parts(), IDENTITY))), IDENTITY));
    assert.ok(read.ok);
    const arrays = typedArraysIn(read.saved);
    assert.ok(arrays.includes(read.saved.pairs) && arrays.includes(read.saved.text.codec.ids.lookup), 'the pairs and the codec tables are among them');
    // A buffer listed twice would throw a DataCloneError; one left out would be copied, not moved.
    const crossed = structuredClone(read.saved, { transfer: savedSectionBuffers(read.saved) });
    assert.deepStrictEqual(arrays.filter((array) => array.byteLength > 0).length, 0, 'every typed array moved');
    const decoded = runAtOnce(decodeSavedSteps({ saved: crossed, createdAt: read.createdAt }));
    assert.ok(decoded.ok);
    const answer = new CorpusIndex(decoded.parts).search('"interest rates"');
    assert.ok(answer.ok && answer.total === 1);
  });

  it('are not made by a compaction given NO_PAIRS (a first build\'s partial ones), whose phrases are read alike', async () => {
    const index = new CorpusIndex(undefined, EVERY_PAIR);
    const texts = ['interest rates rose', 'rates of interest fell', 'interest rates fell again'];
    texts.forEach((body, at) => {
      const text = article('2023-09-13', `Rates ${at}`, body);
      index.addBatch(analyzeText({ path: `${at}.txt`, size: text.length, mtimeMs: 1 }, text, () => []));
    });
    await index.compact(0, { pairRule: NO_PAIRS });
    assert.strictEqual(index.parts().store.storedPairs?.pairCount ?? 0, 0);
    const paths = (): string[] => {
      const response = index.search('"interest rates"');
      assert.ok(response.ok);
      return response.hits.map((hit) => hit.path).sort();
    };
    assert.deepStrictEqual(paths(), ['0.txt', '2.txt']);
    await index.compact(0);
    assert.ok((index.parts().store.storedPairs?.pairCount ?? 0) > 0, 'the index\'s own rule stores them again');
    assert.deepStrictEqual(paths(), ['0.txt', '2.txt']);
  });

  it('are listed by the index as pairs of words, the ones its compaction stored (none after one given NO_PAIRS)', async () => {
    const index = new CorpusIndex(undefined, EVERY_PAIR);
    ['interest rates rose', 'rates of interest fell'].forEach((body, at) => {
      const text = article('2023-09-13', `Rates ${at}`, body);
      index.addBatch(analyzeText({ path: `${at}.txt`, size: text.length, mtimeMs: 1 }, text, () => []));
    });
    await index.compact(0, { pairRule: NO_PAIRS });
    assert.deepStrictEqual(index.storedPairs(), []);
    await index.compact(0);
    const listed = index.storedPairs().map((words) => words.join(' '));
    assert.strictEqual(listed.length, index.parts().store.storedPairs?.pairCount);
    for (const pair of ['interest rates', 'rates rose', 'rates of', 'of interest', 'interest fell']) assert.ok(listed.includes(pair), `${pair} not in ${listed.join(', ')}`);
    assert.ok(!listed.includes('rose rates'), 'a pair never adjacent is not stored');
  });

  it('that decode with the file but do not fit their candidates when first asked are dropped: the phrase is read, not failed', () => {
    const index = new CorpusIndex(undefined, EVERY_PAIR);
    const text = article('2023-09-13', 'Rates', 'interest rates rose and interest rates fell');
    index.addBatch(analyzeText({ path: 'a.txt', size: text.length, mtimeMs: 1 }, text, () => []));
    const parts = index.parts();
    const interest = parts.dictionary.id('interest') ?? -1;
    const rates = parts.dictionary.id('rates') ?? -1;
    // One byte of a form the rank-set codec does not know: the section's table fits, its answers do not.
    const damaged = decodeIndex(withPairsSection(Buffer.concat(encodeIndex(parts, IDENTITY)), pairsSection([{ first: interest, second: rates, bytes: 1 }], Uint8Array.of(7))), IDENTITY);
    assert.ok(damaged.ok, 'the section decodes with the file');
    const reopened = new CorpusIndex(damaged.parts, EVERY_PAIR);
    const response = reopened.search('"interest rates"');
    assert.ok(response.ok);
    assert.deepStrictEqual(response.hits.map((hit) => hit.path), ['a.txt']);
    assert.strictEqual(reopened.parts().store.storedPairs, undefined);
  });

  it('give every phrase query the answers of the bodies, through adds, edits, removals, compactions and reopens', () => {
    const bodyArbitrary = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 });
    const queryArbitrary = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(bodyArbitrary, fc.array(stepArbitrary, { maxLength: 8 }), queryArbitrary, fc.constantFrom(...WORDS), (bodies, steps, phrases, word) => {
        let stored = new CorpusIndex(undefined, EVERY_PAIR);
        let read = new CorpusIndex(undefined, NO_PAIR);
        const put = (path: string, words: readonly string[]): void => {
          const text = article('2023-09-13', `Title ${path}`, words.join(' '));
          for (const index of [stored, read]) index.addBatch(analyzeText({ path, size: text.length, mtimeMs: 1 }, text, () => []));
        };
        bodies.forEach((words, at) => put(PATHS[at] ?? 'z.txt', words));
        stored.compactNow();
        read.compactNow();
        assert.ok((stored.parts().pairs?.pairCount ?? 0) > 0, 'pairs stored');
        assert.strictEqual(read.parts().pairs?.pairCount ?? 0, 0);
        const queries = phrases.flatMap((phrase) => [`"${phrase.join(' ')}"`, `"${phrase.join(' ')}" ${word}`, `${word} -"${phrase.join(' ')}"`]);
        const compare = (when: string): void => {
          for (const query of queries) {
            const answer = stored.search(query, { limit: 50 });
            const expected = read.search(query, { limit: 50 });
            assert.deepStrictEqual({ ...answer, tookMs: 0 }, { ...expected, tookMs: 0 }, `${query} ${when}`);
          }
        };
        compare('after the build');
        for (const step of steps) {
          if (step.kind === 'put') put(step.path, step.words);
          else if (step.kind === 'remove') [stored, read].forEach((index) => index.remove(step.path));
          else if (step.kind === 'compact') [stored, read].forEach((index) => index.compactNow());
          else {
            stored = saveAndReload(stored, EVERY_PAIR);
            read = saveAndReload(read, NO_PAIR);
          }
          compare(`after ${step.kind}`);
        }
      }),
      { numRuns: 80 },
    );
  });
});
