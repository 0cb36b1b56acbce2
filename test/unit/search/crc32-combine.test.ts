import * as assert from 'assert';
import { crc32 } from 'node:zlib';
import { crc32Combine } from '../../../src/core/search/crc32-combine';
import { seededRandom } from '../../../src/core/random';

const WORD_VALUES = 2 ** 32;

/** `length` random bytes, four from each draw (a draw has 32 random bits; a byte a draw took 0.5 s for the 2^24-byte pieces). */
function bytes(length: number, next: () => number): Uint8Array {
  const words = new Uint32Array(Math.ceil(length / 4));
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(next() * WORD_VALUES);
  return new Uint8Array(words.buffer, 0, length);
}

describe('crc32Combine', () => {
  it('gives the CRC-32 of two pieces one after the other, as zlib computes it over both (random pieces, empty ones, lengths past 2^24)', () => {
    const next = seededRandom(32);
    const lengths = [0, 1, 2, 3, 7, 64, 255, 4096, 65_537, (1 << 24) + 5];
    for (const first of [0, 1, 5, 1000]) {
      for (const second of lengths) {
        const a = bytes(first, next);
        const b = bytes(second, next);
        assert.strictEqual(crc32Combine(crc32(a), crc32(b), b.length), crc32(Buffer.concat([a, b])), `${first} + ${second} bytes`);
      }
    }
    for (let round = 0; round < 200; round++) {
      const a = bytes(Math.floor(next() * 300), next);
      const b = bytes(Math.floor(next() * 300), next);
      assert.strictEqual(crc32Combine(crc32(a), crc32(b), b.length), crc32(Buffer.concat([a, b])));
    }
  });

  it('chains: the CRC-32 of many pieces from the CRC-32 of each', () => {
    const next = seededRandom(7);
    const pieces = Array.from({ length: 12 }, () => bytes(Math.floor(next() * 5000), next));
    let combined = 0;
    for (const piece of pieces) combined = crc32Combine(combined, crc32(piece), piece.length);
    assert.strictEqual(combined, crc32(Buffer.concat(pieces)));
  });
});
