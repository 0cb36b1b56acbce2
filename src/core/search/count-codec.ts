import { ByteReader, ByteWriter } from './byte-codec';

/**
 * The packed word (`packCounts(1, 0, 0)`, see postings.ts, which reads with this module) of the commonest
 * posting, a word once in the body (58 % of the postings of real-length articles): a bit says so, not a byte.
 */
const BODY_ONCE = 1;
const BITS_PER_BYTE = 8;
/** Bit positions of the fields in a packed word (see `packCounts`). */
const TITLE_SHIFT = 10;
const ENTITY_SHIFT = 12;
const BODY_MASK = 0x3ff;
const TITLE_MASK = 0x3;
/** Bit positions of the fields in a coded value (before its low bit, the kind). */
const CODED_BODY_SHIFT = 2;
const CODED_ENTITY_SHIFT = 12;
/** The coded counts of one list, read by {@link readEntityCounts} (grown as needed, never shrunk). */
let codedScratch = new Uint32Array(0);
/** Largest entity count a packed word holds (see `packCounts`). */
const ENTITY_MAX = 0xf;

/**
 * A packed word as a small number for a varint: a word only in the entity field (an entity term's posting)
 * as `2 × count − 1` (odd), any other as twice (title, body ≪ 2, entity ≪ 12) (even). A body count up to 15,
 * or an entity count up to 64, then takes one byte; the packed word itself puts a title or an entity count
 * above 1023, two bytes.
 */
function codedCount(packed: number, exactEntity: number): number {
  const body = packed & BODY_MASK;
  const title = (packed >>> TITLE_SHIFT) & TITLE_MASK;
  const entity = packed >>> ENTITY_SHIFT;
  if (body === 0 && title === 0 && entity > 0) return 2 * Math.max(entity, exactEntity) - 1;
  return 2 * (title | (body << CODED_BODY_SHIFT) | (entity << CODED_ENTITY_SHIFT));
}

function packedCount(coded: number): number {
  if (coded & 1) return Math.min(ENTITY_MAX, (coded + 1) >>> 1) << ENTITY_SHIFT;
  const value = coded >>> 1;
  return ((value >>> CODED_BODY_SHIFT) & BODY_MASK) | ((value & TITLE_MASK) << TITLE_SHIFT) | ((value >>> CODED_ENTITY_SHIFT) << ENTITY_SHIFT);
}

/**
 * Writes the packed counts `counts[start..end)` of one posting list: a bitmap with a bit set for each posting
 * that is a word once in the body, then every other one as a small varint ({@link readCounts} reads them back).
 * On real-length articles, 0.7 bytes a posting instead of 1.25 as plain varints. A posting only in the entity
 * field (an entity term's) is saved with its exact count, `exactEntity(i)` when given and larger than the packed
 * word's (which stops at 15): an entity's mentions per article are read back from the file (see
 * {@link readEntityCounts}).
 *
 * @example
 * const writer = new ByteWriter();
 * writeCounts(writer, [packCounts(1, 0, 0), packCounts(2, 1, 0)], 0, 2);
 * writer.length; // 2: one byte of bitmap, one for the second posting
 */
export function writeCounts(writer: ByteWriter, counts: ArrayLike<number>, start: number, end: number, exactEntity?: (i: number) => number): void {
  const bitmap = new Uint8Array(Math.ceil((end - start) / BITS_PER_BYTE));
  for (let i = start; i < end; i++) {
    if (counts[i] === BODY_ONCE) bitmap[(i - start) >>> 3] = (bitmap[(i - start) >>> 3] ?? 0) | (1 << ((i - start) & 7));
  }
  writer.bytes(bitmap);
  for (let i = start; i < end; i++) {
    const packed = counts[i] ?? 0;
    if (packed !== BODY_ONCE) writer.varint(codedCount(packed, (packed >>> ENTITY_SHIFT) === ENTITY_MAX && exactEntity ? exactEntity(i) : 0));
  }
}

/**
 * Reads `count` packed counts written by {@link writeCounts} into `out[from..from + count)`. Reading past the
 * end throws a "News Corpus:" error (a damaged file).
 *
 * @example
 * readCounts(new ByteReader(bytes), out, 0, 2); // out: [packCounts(1, 0, 0), packCounts(2, 1, 0)]
 */
export function readCounts(reader: ByteReader, out: Uint16Array, from: number, count: number): void {
  const bitmap = reader.bytes(Math.ceil(count / BITS_PER_BYTE));
  for (let i = 0; i < count; i++) {
    out[from + i] = ((bitmap[i >>> 3] ?? 0) >>> (i & 7)) & 1 ? BODY_ONCE : packedCount(reader.varint());
  }
}

/**
 * Reads the entity-field counts of `count` postings written by {@link writeCounts} into `out[from..from + count)`:
 * exact for a posting only in the entity field (as saved, above the packed word's 15), 0 for a posting not in it.
 *
 * @example
 * readEntityCounts(new ByteReader(bytes), out, 0, 2); // out: [0, 23] for a word once in the body, then an entity named 23 times
 */
export function readEntityCounts(reader: ByteReader, out: Uint16Array, from: number, count: number): void {
  const bitmap = reader.bytes(Math.ceil(count / BITS_PER_BYTE));
  let coded = 0;
  for (let i = 0; i < count; i++) coded += 1 - (((bitmap[i >>> 3] ?? 0) >>> (i & 7)) & 1);
  // The coded counts in one call: a call per count was most of making the entity fields of a reopened index.
  if (codedScratch.length < coded) codedScratch = new Uint32Array(2 * coded);
  reader.varints(codedScratch, 0, coded);
  let next = 0;
  for (let i = 0; i < count; i++) {
    if (((bitmap[i >>> 3] ?? 0) >>> (i & 7)) & 1) {
      out[from + i] = 0;
      continue;
    }
    const value = codedScratch[next++] ?? 0;
    out[from + i] = value & 1 ? (value + 1) >>> 1 : (value >>> 1) >>> CODED_ENTITY_SHIFT;
  }
}
