import * as assert from 'assert';
import * as fc from 'fast-check';
import { ByteReader, ByteWriter, MAX_VARINT_BYTES, WRITER_CHUNK_BYTES, joinBytes, writeVarints } from '../../../src/core/search/byte-codec';
import { SegmentedArray } from '../../../src/core/search/segmented-array';

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(chunks);
}

describe('byte codec', () => {
  it('joins a writer\'s chunks into the bytes it wrote, whatever their sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }), (blocks) => {
        const writer = new ByteWriter();
        for (const block of blocks) writer.bytes(block);
        assert.deepStrictEqual(joinBytes(writer.finish()), Uint8Array.from(blocks.flatMap((block) => [...block])));
      }),
    );
  });

  const values = [0, 1, 127, 128, 255, 300, 16_383, 16_384, 2 ** 21 - 1, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 32 - 1];

  it('round-trips varints one at a time and in bulk, across chunk boundaries', () => {
    const writer = new ByteWriter();
    const many = WRITER_CHUNK_BYTES; // more values than fit one chunk, so the writer starts new ones
    for (let i = 0; i < many; i++) writer.varint(values[i % values.length] ?? 0);
    const bytes = concat(writer.finish());
    const reader = new ByteReader(bytes);
    assert.deepStrictEqual([reader.varint(), reader.varint(), reader.varint()], values.slice(0, 3));
    const out = new Uint32Array(many - 3);
    reader.varints(out, 0, out.length);
    for (let i = 0; i < out.length; i++) assert.strictEqual(out[i], values[(i + 3) % values.length], `value ${i + 3}`);
    assert.strictEqual(reader.position, bytes.length);
  });

  it('uses one byte for small values and keeps large blocks of bytes as views', () => {
    const writer = new ByteWriter();
    writer.varint(5);
    const block = new Uint8Array(WRITER_CHUNK_BYTES + 1).fill(7);
    writer.bytes(block);
    writer.bytes(new Uint8Array([1, 2]));
    assert.strictEqual(writer.length, 1 + block.length + 2);
    const chunks = writer.finish();
    assert.ok(chunks.includes(block), 'the large block is not copied');
    const reader = new ByteReader(concat(chunks));
    assert.strictEqual(reader.varint(), 5);
    assert.strictEqual(reader.bytes(block.length).length, block.length);
    assert.deepStrictEqual([...reader.bytes(2)], [1, 2]);
  });

  it('keeps blocks given to keep as chunks of their own, small or large, and goes on in the room left', () => {
    const writer = new ByteWriter();
    writer.varint(5);
    const small = new Uint8Array([1, 2, 3]);
    const large = new Uint8Array(WRITER_CHUNK_BYTES + 1).fill(7);
    writer.keep(small);
    writer.keep(new Uint8Array(0));
    writer.varint(300);
    writer.keep(large);
    writer.bytes(new Uint8Array([9]));
    assert.strictEqual(writer.length, 1 + 3 + 2 + large.length + 1);
    const chunks = writer.finish();
    assert.ok(chunks.includes(small) && chunks.includes(large), 'neither block is copied');
    const reader = new ByteReader(concat(chunks));
    assert.strictEqual(reader.varint(), 5);
    assert.deepStrictEqual([...reader.bytes(3)], [1, 2, 3]);
    assert.strictEqual(reader.varint(), 300);
    assert.ok(reader.bytes(large.length).every((byte) => byte === 7));
    assert.deepStrictEqual([...reader.bytes(1)], [9]);
  });

  it('writes the same varints into an array as the writer does, for any values and any start', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 200 }), fc.nat(), (list, skip) => {
        const from = list.length === 0 ? 0 : skip % list.length;
        const out = new Uint8Array(list.length * MAX_VARINT_BYTES);
        const length = writeVarints(Uint32Array.from(list), from, list.length, out);
        const writer = new ByteWriter();
        for (const value of list.slice(from)) writer.varint(value);
        assert.deepStrictEqual(Buffer.from(out.subarray(0, length)), concat(writer.finish()));
      }),
    );
  });

  it('copies a small block that does not fit the rest of a chunk: its owner may let it go', () => {
    const writer = new ByteWriter();
    writer.bytes(new Uint8Array(WRITER_CHUNK_BYTES - 1));
    const block = Uint8Array.from([1, 2, 3]);
    writer.bytes(block);
    block.fill(0);
    const chunks = writer.finish();
    assert.ok(!chunks.includes(block));
    assert.deepStrictEqual([...concat(chunks).subarray(-3)], [1, 2, 3]);
  });

  it('starts with a small chunk and doubles it up to WRITER_CHUNK_BYTES: a few bytes never cost a megabyte', () => {
    const small = new ByteWriter();
    small.varint(300);
    const [only] = small.finish();
    assert.ok(only && only.buffer.byteLength < WRITER_CHUNK_BYTES / 64, `a first chunk of ${only?.buffer.byteLength} bytes`);
    const large = new ByteWriter();
    for (let i = 0; i < 3 * WRITER_CHUNK_BYTES; i++) large.varint(i % 128);
    const chunks = large.finish();
    const made = chunks.map((chunk) => chunk.buffer.byteLength);
    assert.strictEqual(made[0], only.buffer.byteLength);
    made.slice(1).forEach((size, i) => assert.strictEqual(size, Math.min(2 * (made[i] ?? 0), WRITER_CHUNK_BYTES), `chunk ${i + 1} of ${JSON.stringify(made)}`));
    assert.strictEqual(chunks.reduce((sum, chunk) => sum + chunk.length, 0), 3 * WRITER_CHUNK_BYTES);
  });

  it('passes over varints of any length without decoding them', () => {
    const writer = new ByteWriter();
    for (const value of values) writer.varint(value);
    const reader = new ByteReader(concat(writer.finish()));
    reader.skipVarints(values.length - 2);
    assert.deepStrictEqual([reader.varint(), reader.varint()], values.slice(-2));
    assert.throws(() => new ByteReader(new Uint8Array([1, 0x80])).skipVarints(2), /^Error: News Corpus: a number runs past the end/);
  });

  it('throws a News Corpus error when reading past the end or an over-long number', () => {
    assert.throws(() => new ByteReader(new Uint8Array([0x80])).varint(), /^Error: News Corpus: a number runs past the end/);
    assert.throws(() => new ByteReader(new Uint8Array([1])).bytes(2), /^Error: News Corpus: a section runs past the end/);
    assert.throws(() => new ByteReader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x7f])).varint(), /^Error: News Corpus: a number in the index file is too long/);
  });
});

describe('segmented array', () => {
  it('never splits a run across segments, gives oversized runs their own segment, and keeps append order', () => {
    const array = new SegmentedArray<Uint8Array>(Uint8Array, 4);
    const runs = [[1, 2, 3], [4, 5], [6, 7, 8, 9, 10, 11], [12]];
    const positions = runs.map((run) => array.append(Uint8Array.from(run), 0, run.length));
    runs.forEach((run, i) => assert.deepStrictEqual([...array.view(positions[i] ?? 0, run.length)], run));
    assert.strictEqual(array.length, 12);
    // A position is its segment × 2^32 plus the offset in it: each run starts a segment of its own here.
    assert.deepStrictEqual(positions, [0, 1, 2, 3].map((segment) => segment * 2 ** 32));
  });

  it('appends from a given segment on, gives those runs back to back, and lets earlier segments go', () => {
    const array = new SegmentedArray<Uint8Array>(Uint8Array, 4);
    const old = array.append(Uint8Array.from([1, 2]), 0, 2);
    const first = array.segmentCount;
    const moved = [array.append(Uint8Array.from([3]), 0, 1, first), array.append(Uint8Array.from([4, 5, 6]), 0, 3, first), array.append(Uint8Array.from([7, 8]), 0, 2, first)];
    assert.deepStrictEqual(moved.map((at) => array.segmentOf(at)), [1, 1, 2], 'not into the room left in segment 0');
    assert.deepStrictEqual(array.runsFrom(first).map((run) => [...run]), [[3, 4, 5, 6], [7, 8]]);
    array.release(array.segmentOf(old));
    assert.strictEqual(array.view(old, 2).length, 0, 'the released segment holds nothing');
    assert.deepStrictEqual([...array.view(moved[2] ?? 0, 2)], [7, 8], 'the others are untouched');
    array.release(2);
    assert.strictEqual(array.segmentOf(array.append(Uint8Array.from([9]), 0, 1)), 3, 'a released segment is not written to again');
  });

  it('frees a segment it made as soon as it is let go (its buffer detached), never the buffer of one it adopted', () => {
    const array = new SegmentedArray<Uint8Array>(Uint8Array, 4);
    const made = array.view(array.append(Uint8Array.from([1, 2, 3]), 0, 3), 3);
    const file = Uint8Array.from([9, 9, 5, 6, 7]);
    const adopted = array.view(array.adopt(file.subarray(2)), 3);
    const whole = Uint8Array.from([4, 4]);
    array.adopt(whole);
    array.releaseAll();
    assert.strictEqual(made.buffer.byteLength, 0, 'the segment made here is freed now, not at the next full collection');
    assert.deepStrictEqual([...adopted], [5, 6, 7], "an adopted view's buffer is another's: left to the collector");
    assert.deepStrictEqual([...whole], [4, 4]);
    assert.deepStrictEqual([...file], [9, 9, 5, 6, 7]);
    array.release(0);
  });

  it('appends part of a larger array', () => {
    const array = new SegmentedArray<Uint32Array>(Uint32Array, 8);
    const at = array.append(new Uint32Array([9, 8, 7, 6]), 1, 3);
    assert.deepStrictEqual([...array.view(at, 2)], [8, 7]);
  });
});
