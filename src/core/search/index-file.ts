import { createHash } from 'node:crypto';
import { IndexParts } from './corpus-index';
import { DocColumns, DocStore } from './doc-store';
import { EntityInfo, EntityTable } from './entity-table';
import { MainPostings } from './postings';
import { TermDictionary } from './term-dictionary';

/** The first bytes of every index file. */
export const INDEX_FILE_MAGIC = 'NCINDEX1';
/** Bumped whenever the layout of the file changes; older files are rebuilt. */
export const INDEX_FORMAT_VERSION = 2;
/**
 * Bumped whenever tokenisation, fields or counts change: a file written by another analyser
 * has the right layout but the wrong contents, and is rebuilt too.
 */
export const ANALYZER_VERSION = 1;

const HEADER_BYTES = 64;
const CHECKSUM_BYTES = 20;
const ALIGNMENT = 8;

/**
 * What an index was built from, stored in the file and compared on load: a file for another folder,
 * another entity model or another analyser is stale.
 *
 * @example
 * const identity: IndexIdentity = { root: '/data/news', extractor: 'ner-model-3f2a' };
 */
export interface IndexIdentity {
  /** The corpus folder (or any string the owner keys the cache by). */
  readonly root: string;
  /** Names the entity extractor and its model; a different one means different entities. */
  readonly extractor: string;
}

type ArrayName = Exclude<keyof DocColumns, 'paths' | 'titles'> | 'offsets' | 'postingDocs' | 'postingCounts';
type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

interface FileMeta extends IndexIdentity {
  readonly analyzer: number;
  readonly createdAt: string;
  readonly strings: readonly { name: StringsName; bytes: number; count: number }[];
  readonly arrays: readonly { name: ArrayName; type: string; length: number }[];
}

type StringsName = 'terms' | 'paths' | 'titles' | 'entities';

/**
 * Strings are stored NUL-separated: no term, path or title contains NUL (files with NUL bytes are
 * binary and never indexed), and one native encode/decode beats JSON on 100,000 paths and titles.
 */
const SEPARATOR = '\u0000';
/** Separates the aliases of an entity inside its field. */
const ALIAS_SEPARATOR = '\u001f';
/** Fields stored per entity: key, name, type, aliases, term id. */
const ENTITY_FIELDS = 5;

function entityStrings(entities: Iterable<EntityInfo>): string[] {
  const fields: string[] = [];
  for (const entity of entities) fields.push(entity.key, entity.name, entity.type, entity.aliases.join(ALIAS_SEPARATOR), String(entity.term));
  return fields;
}

function entitiesFrom(fields: readonly string[]): EntityInfo[] {
  const entities: EntityInfo[] = [];
  for (let i = 0; i + ENTITY_FIELDS <= fields.length; i += ENTITY_FIELDS) {
    const aliases = fields[i + 3] ?? '';
    entities.push({
      key: fields[i] ?? '',
      name: fields[i + 1] ?? '',
      type: (fields[i + 2] ?? 'MISC') as EntityInfo['type'],
      aliases: aliases === '' ? [] : aliases.split(ALIAS_SEPARATOR),
      term: Number(fields[i + 4]),
    });
  }
  return entities;
}

function splitStrings(bytes: Uint8Array, count: number): string[] {
  return count === 0 ? [] : new TextDecoder().decode(bytes).split(SEPARATOR);
}

/**
 * Why a saved index cannot be used: the file is damaged (`corrupt`) or describes something else (`stale`).
 *
 * @example
 * const problem: IndexFileProblem = { kind: 'stale', message: 'News Corpus: the index was built for another folder.' };
 */
export interface IndexFileProblem {
  readonly kind: 'corrupt' | 'stale';
  readonly message: string;
}

const ARRAY_TYPES: Readonly<Record<string, new (buffer: ArrayBufferLike, offset: number, length: number) => TypedArray>> = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int32Array,
  Float64Array,
};

function padding(length: number): number {
  return (ALIGNMENT - (length % ALIGNMENT)) % ALIGNMENT;
}

function bytesOf(array: TypedArray): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function namedArrays(parts: IndexParts): [ArrayName, TypedArray][] {
  const columns = parts.store.columns();
  return [
    ['day', columns.day],
    ['size', columns.size],
    ['mtime', columns.mtime],
    ['bodyStart', columns.bodyStart],
    ['bodyLen', columns.bodyLen],
    ['titleLen', columns.titleLen],
    ['entityPairs', columns.entityPairs],
    ['entityLen', columns.entityLen],
    ['forwardStart', columns.forwardStart],
    ['textStart', columns.textStart],
    ['deleted', columns.deleted],
    ['offsets', parts.postings.offsets],
    ['postingDocs', parts.postings.docs],
    ['postingCounts', parts.postings.counts],
    ['forward', columns.forward],
    ['text', columns.text],
  ];
}

/**
 * Encodes an index as the chunks of one file: a 64-byte header (magic, format version, payload length,
 * SHA-1 of the payload), a small JSON part (identity, section table), NUL-separated strings (terms, paths, titles, entities) and the raw
 * little-endian typed arrays, each aligned to 8 bytes so loading maps them without copying.
 *
 * @example
 * fs.writeFileSync(file, Buffer.concat(encodeIndex(index.parts(), { root: dir, extractor: 'none' })));
 */
export function encodeIndex(parts: IndexParts, identity: IndexIdentity): Uint8Array[] {
  const arrays = namedArrays(parts);
  const columns = parts.store.columns();
  const encoder = new TextEncoder();
  const lists: [StringsName, readonly string[]][] = [
    ['terms', parts.dictionary.all()],
    ['paths', columns.paths],
    ['titles', columns.titles],
    ['entities', entityStrings(parts.entities.all())],
  ];
  const strings = lists.map(([name, list]) => ({ name, count: list.length, bytes: encoder.encode(list.join(SEPARATOR)) }));
  const meta: FileMeta = {
    root: identity.root,
    extractor: identity.extractor,
    analyzer: ANALYZER_VERSION,
    createdAt: new Date().toISOString(),
    strings: strings.map(({ name, count, bytes }) => ({ name, count, bytes: bytes.length })),
    arrays: arrays.map(([name, array]) => ({ name, type: array.constructor.name, length: array.length })),
  };
  const metaBytes = encoder.encode(JSON.stringify(meta));
  const payload: Uint8Array[] = [];
  const metaLength = new Uint8Array(8);
  new DataView(metaLength.buffer).setUint32(0, metaBytes.length, true);
  payload.push(metaLength, metaBytes, new Uint8Array(padding(metaBytes.length)));
  for (const { bytes } of strings) payload.push(bytes, new Uint8Array(padding(bytes.length)));
  for (const [, array] of arrays) payload.push(bytesOf(array), new Uint8Array(padding(array.byteLength)));
  const hash = createHash('sha1');
  let payloadBytes = 0;
  for (const chunk of payload) {
    hash.update(chunk);
    payloadBytes += chunk.length;
  }
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode(INDEX_FILE_MAGIC), 0);
  view.setUint32(8, INDEX_FORMAT_VERSION, true);
  view.setFloat64(16, payloadBytes, true);
  header.set(hash.digest(), 24);
  return [header, ...payload];
}

function corrupt(reason: string): { ok: false; problem: IndexFileProblem } {
  return { ok: false, problem: { kind: 'corrupt', message: `News Corpus: the saved index is damaged (${reason}); rebuilding it.` } };
}

function stale(reason: string): { ok: false; problem: IndexFileProblem } {
  return { ok: false, problem: { kind: 'stale', message: `News Corpus: the saved index is out of date (${reason}); rebuilding it.` } };
}

/** Reads the header and checks the checksum; returns the payload. */
function checkedPayload(bytes: Uint8Array): { ok: true; payload: Uint8Array } | { ok: false; problem: IndexFileProblem } {
  if (bytes.length < HEADER_BYTES) return corrupt('the file is too short');
  if (new TextDecoder().decode(bytes.subarray(0, INDEX_FILE_MAGIC.length)) !== INDEX_FILE_MAGIC) return corrupt('it is not a News Corpus index file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const version = view.getUint32(8, true);
  if (version !== INDEX_FORMAT_VERSION) return stale(`format version ${version}, this version reads ${INDEX_FORMAT_VERSION}`);
  const payloadBytes = view.getFloat64(16, true);
  if (payloadBytes !== bytes.length - HEADER_BYTES) return corrupt('the file was cut short or has extra bytes');
  const payload = bytes.subarray(HEADER_BYTES);
  const digest = createHash('sha1').update(payload).digest();
  const expected = bytes.subarray(24, 24 + CHECKSUM_BYTES);
  if (!digest.equals(expected)) return corrupt('checksum mismatch');
  return { ok: true, payload };
}

/**
 * Decodes an index file written by {@link encodeIndex}. Checks magic, version, length and checksum
 * (`corrupt`), then the analyser version and the identity the caller expects (`stale`). Never throws.
 *
 * @example
 * const loaded = decodeIndex(fs.readFileSync(file), { root: dir, extractor: 'none' });
 * const index = loaded.ok ? new CorpusIndex(loaded.parts) : undefined;
 */
export function decodeIndex(bytes: Uint8Array, expected: IndexIdentity): { ok: true; parts: IndexParts; createdAt: string } | { ok: false; problem: IndexFileProblem } {
  const checked = checkedPayload(bytes);
  if (!checked.ok) return checked;
  const payload = checked.payload;
  try {
    // Typed arrays need aligned offsets: copy the payload once if the caller's buffer is not aligned.
    const aligned = payload.byteOffset % ALIGNMENT === 0 ? payload : payload.slice();
    const metaLength = new DataView(aligned.buffer, aligned.byteOffset, 8).getUint32(0, true);
    const meta = JSON.parse(new TextDecoder().decode(aligned.subarray(8, 8 + metaLength))) as FileMeta;
    if (meta.analyzer !== ANALYZER_VERSION) return stale(`built by analyser version ${meta.analyzer}, this version is ${ANALYZER_VERSION}`);
    if (meta.root !== expected.root) return stale(`it was built for ${meta.root}`);
    if (meta.extractor !== expected.extractor) return stale(`it was built with entity extractor "${meta.extractor}", now "${expected.extractor}"`);
    let offset = aligned.byteOffset + 8 + metaLength + padding(metaLength);
    const strings = new Map<StringsName, string[]>();
    for (const { name, bytes: length, count } of meta.strings) {
      const list = splitStrings(new Uint8Array(aligned.buffer, offset, length), count);
      if (list.length !== count) return corrupt(`the ${name} table has ${list.length} entries, not ${count}`);
      strings.set(name, list);
      offset += length + padding(length);
    }
    const arrays = new Map<ArrayName, TypedArray>();
    for (const { name, type, length } of meta.arrays) {
      const ArrayType = ARRAY_TYPES[type];
      if (!ArrayType) return corrupt(`unknown array type ${type}`);
      const array = new ArrayType(aligned.buffer, offset, length);
      arrays.set(name, array);
      offset += array.byteLength + padding(array.byteLength);
    }
    const get = <T extends TypedArray>(name: ArrayName, type: new (length: number) => T): T => {
      const array = arrays.get(name);
      if (!(array instanceof type)) throw new Error(`array ${name} is missing`);
      return array;
    };
    const paths = strings.get('paths') ?? [];
    const titles = strings.get('titles') ?? [];
    const terms = strings.get('terms') ?? [];
    const store = new DocStore({
      paths,
      titles,
      day: get('day', Int32Array),
      size: get('size', Float64Array),
      mtime: get('mtime', Float64Array),
      bodyStart: get('bodyStart', Uint32Array),
      bodyLen: get('bodyLen', Uint32Array),
      titleLen: get('titleLen', Uint32Array),
      entityPairs: get('entityPairs', Uint32Array),
      entityLen: get('entityLen', Uint32Array),
      forwardStart: get('forwardStart', Float64Array),
      forward: get('forward', Uint32Array),
      textStart: get('textStart', Float64Array),
      text: get('text', Uint8Array),
      deleted: get('deleted', Uint8Array),
    });
    const postings = new MainPostings(get('offsets', Uint32Array), get('postingDocs', Uint32Array), get('postingCounts', Uint16Array));
    const consistent =
      titles.length === paths.length &&
      store.day.length === paths.length &&
      store.forwardStart.length === paths.length + 1 &&
      store.textStart.length === paths.length + 1 &&
      postings.termCount <= terms.length;
    if (!consistent) return corrupt('its tables disagree');
    const entities = new EntityTable(entitiesFrom(strings.get('entities') ?? []));
    const parts: IndexParts = { dictionary: new TermDictionary(terms), store, postings, entities };
    return { ok: true, parts, createdAt: meta.createdAt };
  } catch (error) {
    return corrupt(error instanceof Error ? error.message : String(error));
  }
}
