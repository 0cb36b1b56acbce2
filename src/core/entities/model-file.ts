import { Gazetteer } from './gazetteer';
import { TAG_COUNT } from './tags';
import { WeightTable } from './weights';

/** "NCNER" + format version: a reader refuses any other file rather than decoding garbage. */
const MAGIC = 0x52454e43; // "CNER" little-endian
/** Bumped whenever the layout or the feature templates change, so that stale models are refused. */
export const MODEL_FORMAT_VERSION = 3;
const HEADER_WORDS = 8;
const HEADER_BYTES = HEADER_WORDS * 4;

/** Everything the recogniser needs, as read from a model file. */
export interface ModelData {
  readonly weights: WeightTable;
  readonly gazetteer: Gazetteer;
}

/**
 * Serialises a model. Layout (little-endian): 8 header words (magic, version, tag count, weight
 * slots, pairs, gazetteer slots, reserved × 2), then the 32-bit arrays (weight keys, rows, gazetteer
 * keys and values), the 16-bit weights, and the 8-bit tags last, so every array is naturally aligned.
 *
 * @example
 * const bytes = writeModel({ weights, gazetteer });
 * fs.writeFileSync('models/ner.bin', bytes);
 */
export function writeModel(model: ModelData): Uint8Array {
  const { weights, gazetteer } = model;
  const slots = weights.keys.length;
  const pairs = weights.tags.length;
  const gazetteerSlots = gazetteer.keys.length;
  const size = HEADER_BYTES + slots * 8 + gazetteerSlots * 8 + pairs * 2 + pairs;
  const buffer = new ArrayBuffer(size);
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  header.set([MAGIC, MODEL_FORMAT_VERSION, TAG_COUNT, slots, pairs, gazetteerSlots, 0, 0]);
  let offset = HEADER_BYTES;
  new Int32Array(buffer, offset, slots).set(weights.keys);
  offset += slots * 4;
  new Uint32Array(buffer, offset, slots).set(weights.rows);
  offset += slots * 4;
  new Int32Array(buffer, offset, gazetteerSlots).set(gazetteer.keys);
  offset += gazetteerSlots * 4;
  new Uint32Array(buffer, offset, gazetteerSlots).set(gazetteer.values);
  offset += gazetteerSlots * 4;
  new Int16Array(buffer, offset, pairs).set(weights.weights);
  offset += pairs * 2;
  new Uint8Array(buffer, offset, pairs).set(weights.tags);
  return new Uint8Array(buffer);
}

function isPowerOfTwo(value: number): boolean {
  return value > 0 && (value & (value - 1)) === 0;
}

/**
 * Reads a model written by `writeModel`. The arrays are views on the bytes (copied once only when
 * the bytes are not 4-byte aligned), so loading costs no parsing. Throws a "News Corpus:" error on
 * a file that is not a model of this version.
 *
 * @example
 * const model = readModel(new Uint8Array(fs.readFileSync('models/ner.bin')));
 */
export function readModel(bytes: Uint8Array): ModelData {
  if (bytes.byteLength < HEADER_BYTES) throw new Error('News Corpus: the entity model file is truncated.');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const buffer = aligned.buffer;
  const base = aligned.byteOffset;
  const header = new Uint32Array(buffer, base, HEADER_WORDS);
  const [magic, version, tagCount, slots = 0, pairs = 0, gazetteerSlots = 0] = header;
  if (magic !== MAGIC) throw new Error('News Corpus: this file is not an entity model.');
  if (version !== MODEL_FORMAT_VERSION) {
    throw new Error(`News Corpus: the entity model has format ${version}, this version reads ${MODEL_FORMAT_VERSION}; rebuild it with "npm run train".`);
  }
  if (tagCount !== TAG_COUNT) throw new Error(`News Corpus: the entity model has ${tagCount} tags, expected ${TAG_COUNT}.`);
  const expected = HEADER_BYTES + slots * 8 + gazetteerSlots * 8 + pairs * 3;
  if (aligned.byteLength !== expected || !isPowerOfTwo(slots) || !isPowerOfTwo(gazetteerSlots)) {
    throw new Error(`News Corpus: the entity model file is corrupt (${aligned.byteLength} bytes, expected ${expected}).`);
  }
  let offset = base + HEADER_BYTES;
  const keys = new Int32Array(buffer, offset, slots);
  offset += slots * 4;
  const rows = new Uint32Array(buffer, offset, slots);
  offset += slots * 4;
  const gazetteerKeys = new Int32Array(buffer, offset, gazetteerSlots);
  offset += gazetteerSlots * 4;
  const gazetteerValues = new Uint32Array(buffer, offset, gazetteerSlots);
  offset += gazetteerSlots * 4;
  const weights = new Int16Array(buffer, offset, pairs);
  offset += pairs * 2;
  const tags = new Uint8Array(buffer, offset, pairs);
  return {
    weights: new WeightTable(keys, rows, tags, weights),
    gazetteer: Gazetteer.fromTables(gazetteerKeys, gazetteerValues),
  };
}
