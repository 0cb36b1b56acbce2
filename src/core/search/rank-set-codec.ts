import { ByteReader, ByteWriter } from './byte-codec';

/**
 * How {@link writeRankSet} wrote a set of ranks: the ranks in the set as varint gaps, the ranks not in it as varint
 * gaps, or a bit per rank.
 */
const IN_SET_GAPS = 0;
const OUT_OF_SET_GAPS = 1;
const BITMAP = 2;
const BITS_PER_BYTE = 8;
const MISWRITTEN = 'News Corpus: a stored set of pair answers does not fit its candidates (an unknown form, or more candidates than it has).';

/** Bytes of `value` as a varint (7 bits a byte). */
function varintBytes(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Bytes of the ranks whose flag is `flag`, as their count then their gaps (the first from 0). */
function gapBytes(flags: Uint8Array, flag: number): number {
  let bytes = 0;
  let count = 0;
  let previous = 0;
  for (let rank = 0; rank < flags.length; rank++) {
    if (flags[rank] !== flag) continue;
    bytes += varintBytes(rank - previous);
    previous = rank;
    count++;
  }
  return bytes + varintBytes(count);
}

function writeGaps(writer: ByteWriter, flags: Uint8Array, flag: number): void {
  let count = 0;
  for (let rank = 0; rank < flags.length; rank++) if (flags[rank] === flag) count++;
  writer.varint(count);
  let previous = 0;
  for (let rank = 0; rank < flags.length; rank++) {
    if (flags[rank] !== flag) continue;
    writer.varint(rank - previous);
    previous = rank;
  }
}

/**
 * Writes the subset of the ranks `0..flags.length` whose flag is 1, in the smallest of three forms: the ranks in the
 * set as varint gaps, the ranks not in it as varint gaps, or a bit per rank (a byte saying which comes first). The
 * reader must know `flags.length` (for stored pair answers: the number of candidates, from the postings).
 * {@link readRankSet} reads it back.
 *
 * @example
 * const writer = new ByteWriter();
 * writeRankSet(writer, new Uint8Array(20).fill(1).fill(0, 3, 4)); // the ranks not in the set: [1 (form), 1 (count), 3 (gap)]
 * writeRankSet(writer, Uint8Array.of(1, 1, 1, 0, 1)); // a bit per rank, one byte: [2 (form), 0b10111]
 */
export function writeRankSet(writer: ByteWriter, flags: Uint8Array): void {
  const inSet = gapBytes(flags, 1);
  const outOfSet = gapBytes(flags, 0);
  const bitmap = Math.ceil(flags.length / BITS_PER_BYTE);
  if (bitmap < inSet && bitmap < outOfSet) {
    writer.varint(BITMAP);
    const bits = new Uint8Array(bitmap);
    for (let rank = 0; rank < flags.length; rank++) if (flags[rank] === 1) bits[rank >>> 3] = (bits[rank >>> 3] ?? 0) | (1 << (rank & 7));
    writer.bytes(bits);
  } else if (outOfSet < inSet) {
    writer.varint(OUT_OF_SET_GAPS);
    writeGaps(writer, flags, 0);
  } else {
    writer.varint(IN_SET_GAPS);
    writeGaps(writer, flags, 1);
  }
}

/**
 * Reads a set {@link writeRankSet} wrote of `size` ranks: a flag per rank, 1 when in the set. Throws a "News Corpus:"
 * error when the bytes name a rank beyond `size` or are cut short (a damaged file).
 *
 * @example
 * readRankSet(new ByteReader(Uint8Array.of(1, 1, 3)), 5); // Uint8Array [1, 1, 1, 0, 1]
 */
export function readRankSet(reader: ByteReader, size: number): Uint8Array {
  const form = reader.varint();
  if (form === BITMAP) {
    const bits = reader.bytes(Math.ceil(size / BITS_PER_BYTE));
    const flags = new Uint8Array(size);
    for (let rank = 0; rank < size; rank++) flags[rank] = ((bits[rank >>> 3] ?? 0) >>> (rank & 7)) & 1;
    if (size % BITS_PER_BYTE !== 0 && (bits[bits.length - 1] ?? 0) >>> size % BITS_PER_BYTE !== 0) throw new Error(MISWRITTEN);
    return flags;
  }
  if (form !== IN_SET_GAPS && form !== OUT_OF_SET_GAPS) throw new Error(MISWRITTEN);
  const listed = form === IN_SET_GAPS ? 1 : 0;
  const flags = new Uint8Array(size).fill(1 - listed);
  const count = reader.varint();
  let rank = 0;
  for (let i = 0; i < count; i++) {
    rank += reader.varint();
    if (rank >= size) throw new Error(MISWRITTEN);
    flags[rank] = listed;
  }
  return flags;
}
