import { Gazetteer } from './gazetteer';
import { Lexicon } from './lexicon';
import { TAG_COUNT } from './tags';
import { WeightTable } from './weights';
import { WordClusters } from './word-clusters';
import { MAX_VECTOR_DIMENSIONS, MAX_VECTOR_ROWS, WordVectors } from './word-vectors';

/** "NCNER" + format version: a reader refuses any other file rather than decoding garbage. */
const MAGIC = 0x52454e43; // "CNER" little-endian
/** Bumped whenever the layout or the feature templates change, so that stale models are refused. */
const MODEL_FORMAT_VERSION = 8;
const HEADER_WORDS = 10;
/**
 * The bytes of a model file's header: its format and the sizes of its tables.
 *
 * @example
 * checkModelHeader(bytes.subarray(0, MODEL_HEADER_BYTES)); // throws: the length no longer matches the tables
 */
export const MODEL_HEADER_BYTES = HEADER_WORDS * 4;

/**
 * Everything the recogniser needs, as read from a model file.
 *
 * @example
 * const model: ModelData = readModel(bytes);
 * new Decoder(model);
 */
export interface ModelData extends Lexicon {
  readonly weights: WeightTable;
}

/** The bytes of the projected word vectors' tables: a 16-bit row per embedding-cluster slot, then the int8 rows padded to 4 bytes. */
function vectorBytes(embeddingSlots: number, dimensions: number, words: number): { rows: number; values: number } {
  return { rows: dimensions === 0 ? 0 : embeddingSlots * 2, values: Math.ceil((words * dimensions) / 4) * 4 };
}

/**
 * Serialises a model. Layout (little-endian 32-bit words): 10 header words (magic, version, tag count,
 * weight slots, weight pairs, gazetteer slots, cluster slots, embedding-cluster slots, word-vector dimensions,
 * word vectors), the weight slots (key, row) × slots, the gazetteer keys and values, the word-cluster keys and
 * values, the embedding-cluster keys and values, the packed weight pairs, then the word vectors' 16-bit rows per
 * embedding-cluster slot and their int8 values. The arrays are exactly the in-memory tables, so reading is
 * creating views. Word vectors built for other embedding clusters are a "News Corpus:" error.
 *
 * @example
 * const bytes = writeModel({ weights, gazetteer, clusters, embeddings });
 * fs.writeFileSync('models/ner.bin', bytes);
 */
export function writeModel(model: ModelData): Uint8Array {
  const { weights, gazetteer, clusters, embeddings, vectors } = model;
  if (!vectors.alignedWith(embeddings)) throw new Error('News Corpus: the word vectors were built for other embedding clusters than the model\'s; build them again from its embedding clusters.');
  const slots = weights.slots.length / 2;
  const pairs = weights.pairs.length;
  const gazetteerSlots = gazetteer.keys.length;
  const clusterSlots = clusters.keys.length;
  const embeddingSlots = embeddings.keys.length;
  const dimensions = vectors.dimensions;
  const vectorWords = dimensions === 0 ? 0 : vectors.values.length / dimensions;
  const tableWords = HEADER_WORDS + slots * 2 + gazetteerSlots * 2 + clusterSlots * 2 + embeddingSlots * 2 + pairs;
  const vectorSizes = vectorBytes(embeddingSlots, dimensions, vectorWords);
  const words = new Uint32Array(tableWords + (vectorSizes.rows + vectorSizes.values) / 4);
  words.set([MAGIC, MODEL_FORMAT_VERSION, TAG_COUNT, slots, pairs, gazetteerSlots, clusterSlots, embeddingSlots, dimensions, vectorWords]);
  let offset = HEADER_WORDS;
  words.set(new Uint32Array(weights.slots.buffer, weights.slots.byteOffset, slots * 2), offset);
  offset += slots * 2;
  words.set(new Uint32Array(gazetteer.keys.buffer, gazetteer.keys.byteOffset, gazetteerSlots), offset);
  offset += gazetteerSlots;
  words.set(gazetteer.values, offset);
  offset += gazetteerSlots;
  words.set(new Uint32Array(clusters.keys.buffer, clusters.keys.byteOffset, clusterSlots), offset);
  offset += clusterSlots;
  words.set(clusters.values, offset);
  offset += clusterSlots;
  words.set(new Uint32Array(embeddings.keys.buffer, embeddings.keys.byteOffset, embeddingSlots), offset);
  offset += embeddingSlots;
  words.set(embeddings.values, offset);
  offset += embeddingSlots;
  words.set(new Uint32Array(weights.pairs.buffer, weights.pairs.byteOffset, pairs), offset);
  new Uint16Array(words.buffer, tableWords * 4, vectorSizes.rows / 2).set(vectors.rows);
  new Int8Array(words.buffer, tableWords * 4 + vectorSizes.rows, vectors.values.length).set(vectors.values);
  return new Uint8Array(words.buffer);
}

function isPowerOfTwo(value: number): boolean {
  return value > 0 && (value & (value - 1)) === 0;
}

/**
 * How many slots of each table a model file holds, as its header says.
 *
 * @example
 * const sizes: ModelSizes = checkModelHeader(bytes); // { slots: 1048576, pairs: 2097152, … }
 */
export interface ModelSizes {
  readonly slots: number;
  readonly pairs: number;
  readonly gazetteerSlots: number;
  readonly clusterSlots: number;
  readonly embeddingSlots: number;
  readonly vectorDimensions: number;
  readonly vectorWords: number;
}

/**
 * Checks, from its header and length alone, that `bytes` are a model `readModel` can read (every reason it could
 * refuse one), without making its tables: a caller that only needs to know whether the model loads (the extension
 * host, while the indexing threads load it) pays no more than the read. Throws the "News Corpus:" error `readModel`
 * would throw.
 *
 * @example
 * checkModelHeader(new Uint8Array(fs.readFileSync('models/ner.bin'))); // { slots: …, pairs: …, … }
 * checkModelHeader(new TextEncoder().encode('hello')); // throws 'News Corpus: the entity model file is truncated.'
 */
export function checkModelHeader(bytes: Uint8Array): ModelSizes {
  if (bytes.byteLength < MODEL_HEADER_BYTES) throw new Error('News Corpus: the entity model file is truncated.');
  // A copy of the header alone, read as the tables are: `bytes` need not be 4-byte aligned.
  const header = new Uint32Array(new Uint8Array(bytes.subarray(0, MODEL_HEADER_BYTES)).buffer);
  const [magic, version, tagCount, slots = 0, pairs = 0, gazetteerSlots = 0, clusterSlots = 0, embeddingSlots = 0, vectorDimensions = 0, vectorWords = 0] = header;
  if (magic !== MAGIC) throw new Error('News Corpus: this file is not an entity model.');
  if (version !== MODEL_FORMAT_VERSION) {
    throw new Error(`News Corpus: the entity model has format ${version}, this version reads ${MODEL_FORMAT_VERSION}; rebuild it with "npm run train".`);
  }
  if (tagCount !== TAG_COUNT) throw new Error(`News Corpus: the entity model has ${tagCount} tags, expected ${TAG_COUNT}.`);
  const vectorSizes = vectorBytes(embeddingSlots, vectorDimensions, vectorWords);
  const expected = MODEL_HEADER_BYTES + (slots * 2 + gazetteerSlots * 2 + clusterSlots * 2 + embeddingSlots * 2 + pairs) * 4 + vectorSizes.rows + vectorSizes.values;
  const tables = [slots, gazetteerSlots, clusterSlots, embeddingSlots];
  if (bytes.byteLength !== expected || !tables.every(isPowerOfTwo) || vectorDimensions > MAX_VECTOR_DIMENSIONS || vectorWords > MAX_VECTOR_ROWS) {
    throw new Error(`News Corpus: the entity model file is corrupt (${bytes.byteLength} bytes, expected ${expected}).`);
  }
  return { slots, pairs, gazetteerSlots, clusterSlots, embeddingSlots, vectorDimensions, vectorWords };
}

/**
 * Reads a model written by `writeModel`. The arrays are views on the bytes (copied once only when
 * the bytes are not 4-byte aligned), so loading costs no parsing. Throws a "News Corpus:" error on
 * a file that is not a model of this version (see {@link checkModelHeader}).
 *
 * @example
 * const model = readModel(new Uint8Array(fs.readFileSync('models/ner.bin')));
 */
export function readModel(bytes: Uint8Array): ModelData {
  const { slots, pairs, gazetteerSlots, clusterSlots, embeddingSlots, vectorDimensions, vectorWords } = checkModelHeader(bytes);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const buffer = aligned.buffer;
  const base = aligned.byteOffset;
  let offset = base + MODEL_HEADER_BYTES;
  const weightSlots = new Int32Array(buffer, offset, slots * 2);
  offset += slots * 8;
  const gazetteerKeys = new Int32Array(buffer, offset, gazetteerSlots);
  offset += gazetteerSlots * 4;
  const gazetteerValues = new Uint32Array(buffer, offset, gazetteerSlots);
  offset += gazetteerSlots * 4;
  const clusterKeys = new Int32Array(buffer, offset, clusterSlots);
  offset += clusterSlots * 4;
  const clusterValues = new Uint32Array(buffer, offset, clusterSlots);
  offset += clusterSlots * 4;
  const embeddingKeys = new Int32Array(buffer, offset, embeddingSlots);
  offset += embeddingSlots * 4;
  const embeddingValues = new Uint32Array(buffer, offset, embeddingSlots);
  offset += embeddingSlots * 4;
  const weightPairs = new Int32Array(buffer, offset, pairs);
  offset += pairs * 4;
  const vectorRows = new Uint16Array(buffer, offset, vectorDimensions === 0 ? 0 : embeddingSlots);
  offset += vectorRows.byteLength;
  const vectorValues = new Int8Array(buffer, offset, vectorWords * vectorDimensions);
  return {
    weights: new WeightTable(weightSlots, weightPairs),
    gazetteer: Gazetteer.fromTables(gazetteerKeys, gazetteerValues),
    clusters: WordClusters.fromTables(clusterKeys, clusterValues),
    embeddings: WordClusters.fromTables(embeddingKeys, embeddingValues),
    vectors: WordVectors.fromTables(embeddingKeys, vectorRows, vectorValues, vectorDimensions),
  };
}
