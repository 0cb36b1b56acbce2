import { ByteReader, ByteWriter } from './byte-codec';
import { IndexParts } from './corpus-index';
import { DocColumns, DocStore } from './doc-store';
import { EntityInfo, EntityTable } from './entity-table';
import { MainPostings } from './postings';
import { TermDictionary } from './term-dictionary';

/** The parts of an index file after its header and description, in file order. */
type SectionName = 'terms' | 'paths' | 'titles' | 'entities' | 'columns' | 'forward' | 'postings' | 'text';

/**
 * Where a section is and how many entries it holds (strings, articles, tokens, postings or bytes),
 * as listed in the file's description.
 *
 * @example
 * const section: SectionInfo = { name: 'paths', bytes: 6_199_999, count: 100_000 };
 */
export interface SectionInfo {
  readonly name: SectionName;
  readonly bytes: number;
  readonly count: number;
}

/**
 * Strings are stored NUL-separated: no term, path or title contains NUL (files with NUL bytes are
 * binary and never indexed), and one native encode/decode per block beats JSON on 100,000 paths and titles.
 */
const SEPARATOR = '\u0000';
const SEPARATOR_BYTE = 0;
/** Strings encoded or decoded between two chances to pause (a few ms of work). */
const STRING_BLOCK = 8192;
/** Separates the aliases of an entity inside its field. */
const ALIAS_SEPARATOR = '\u001f';
/** Fields stored per entity: key, name, type, aliases, term id. */
const ENTITY_FIELDS = 5;
/**
 * Articles encoded or decoded between two chances to pause.
 *
 * @example
 * if (doc % ARTICLE_STEP === ARTICLE_STEP - 1) yield; // in a generator's loop over articles
 */
export const ARTICLE_STEP = 2000;
/** Postings encoded or decoded between two chances to pause. */
const POSTING_STEP = 200_000;

/** The number columns, in file order (`readColumns` reads them back in the same order). */
const COLUMNS: readonly (keyof DocColumns)[] = ['day', 'size', 'mtime', 'bodyStart', 'bodyLen', 'titleLen', 'entityPairs', 'textLen'];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function* writeStrings(writer: ByteWriter, list: readonly string[]): Generator<void, void> {
  for (let from = 0; from < list.length; from += STRING_BLOCK) {
    const block = list.slice(from, from + STRING_BLOCK).join(SEPARATOR);
    writer.bytes(encoder.encode(from === 0 ? block : SEPARATOR + block));
    yield;
  }
}

/** Decodes `count` strings a block at a time; a count that does not match the bytes is a damaged file. */
function* readStrings(bytes: Uint8Array, count: number): Generator<void, string[]> {
  const list: string[] = [];
  let start = 0;
  while (list.length < count) {
    let end = start;
    for (let found = 1; found < STRING_BLOCK && list.length + found < count; found++) {
      const next = bytes.indexOf(SEPARATOR_BYTE, end);
      if (next === -1) break;
      end = next + 1;
    }
    const stop = bytes.indexOf(SEPARATOR_BYTE, end);
    const blockEnd = stop === -1 ? bytes.length : stop;
    for (const text of decoder.decode(bytes.subarray(start, blockEnd)).split(SEPARATOR)) list.push(text);
    start = blockEnd + 1;
    if (stop === -1) break;
    yield;
  }
  if (list.length !== count || start < bytes.length) throw new Error(`News Corpus: a string table holds ${list.length} entries, not ${count}.`);
  return list;
}

function entityFields(entities: Iterable<EntityInfo>): string[] {
  const fields: string[] = [];
  for (const entity of entities) fields.push(entity.key, entity.name, entity.type, entity.aliases.join(ALIAS_SEPARATOR), String(entity.term));
  return fields;
}

function* readEntities(fields: readonly string[]): Generator<void, EntityTable> {
  const table = new EntityTable();
  for (let i = 0; i + ENTITY_FIELDS <= fields.length; i += ENTITY_FIELDS) {
    const aliases = fields[i + 3] ?? '';
    const entity = {
      key: fields[i] ?? '',
      name: fields[i + 1] ?? '',
      type: (fields[i + 2] ?? 'MISC') as EntityInfo['type'],
      aliases: aliases === '' ? [] : aliases.split(ALIAS_SEPARATOR),
      mentions: 0,
    };
    table.register(entity, Number(fields[i + 4]));
    if ((i / ENTITY_FIELDS) % STRING_BLOCK === STRING_BLOCK - 1) yield;
  }
  return table;
}

/** Every article's tokens in id order; their number per article follows from the columns. */
function* writeForward(writer: ByteWriter, store: DocStore): Generator<void, void> {
  for (let doc = 0; doc < store.count; doc++) {
    const forward = store.tokens(doc);
    for (let i = 0; i < forward.length; i++) writer.varint(forward[i] ?? 0);
    if (doc % ARTICLE_STEP === ARTICLE_STEP - 1) yield;
  }
}

function* writeSegments(writer: ByteWriter, segments: readonly Uint8Array[]): Generator<void, void> {
  for (const segment of segments) {
    writer.bytes(segment);
    yield;
  }
}

/** Postings: the number of terms, then per term its length, its document gaps and its packed counts. */
function* writePostings(writer: ByteWriter, postings: MainPostings): Generator<void, void> {
  writer.varint(postings.termCount);
  let sinceYield = 0;
  for (let term = 0; term < postings.termCount; term++) {
    const start = postings.offsets[term] ?? 0;
    const end = postings.offsets[term + 1] ?? start;
    writer.varint(end - start);
    let previous = 0;
    for (let i = start; i < end; i++) {
      const doc = postings.docs[i] ?? 0;
      writer.varint(doc - previous);
      previous = doc;
    }
    for (let i = start; i < end; i++) writer.varint(postings.counts[i] ?? 0);
    sinceYield += end - start;
    if (sinceYield >= POSTING_STEP) {
      sinceYield = 0;
      yield;
    }
  }
}

function* readPostings(reader: ByteReader, total: number): Generator<void, MainPostings> {
  const termCount = reader.varint();
  const offsets = new Uint32Array(termCount + 1);
  const docs = new Uint32Array(total);
  const counts = new Uint16Array(total);
  let at = 0;
  let sinceYield = 0;
  for (let term = 0; term < termCount; term++) {
    const length = reader.varint();
    if (at + length > total) throw new Error('News Corpus: the postings hold more entries than described.');
    reader.varints(docs, at, length);
    for (let i = at + 1; i < at + length; i++) docs[i] = (docs[i] ?? 0) + (docs[i - 1] ?? 0);
    reader.varints(counts, at, length);
    at += length;
    offsets[term + 1] = at;
    sinceYield += length;
    if (sinceYield >= POSTING_STEP) {
      sinceYield = 0;
      yield;
    }
  }
  if (at !== total) throw new Error('News Corpus: the postings hold fewer entries than described.');
  return new MainPostings(offsets, docs, counts);
}

function* writeColumns(writer: ByteWriter, columns: DocColumns): Generator<void, void> {
  for (const name of COLUMNS) {
    const array = columns[name];
    writer.bytes(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    yield;
  }
}

function readColumns(reader: ByteReader, count: number): DocColumns {
  // Copied out of the file buffer (a few MB): typed-array views need offsets aligned to their width.
  // (`new Uint8Array(view)` copies; `slice()` would not on a node Buffer.)
  const read = <T>(type: new (buffer: ArrayBuffer) => T, width: number): T => new type(new Uint8Array(reader.bytes(count * width)).buffer);
  return {
    day: read(Int32Array, 4),
    size: read(Float64Array, 8),
    mtime: read(Float64Array, 8),
    bodyStart: read(Uint32Array, 4),
    bodyLen: read(Uint32Array, 4),
    titleLen: read(Uint32Array, 4),
    entityPairs: read(Uint32Array, 4),
    textLen: read(Uint32Array, 4),
  };
}

/**
 * Encodes a compacted index (no removed or pending articles) as the sections of an index file:
 * string tables, the number columns as raw little-endian bytes, the forward index and the postings as
 * varints (posting documents as gaps), and the text as it is. A generator: it pauses every few ms.
 *
 * @example
 * const { sections, chunks } = runAtOnce(encodeSections(index.parts()));
 */
export function* encodeSections(parts: IndexParts): Generator<void, { sections: SectionInfo[]; chunks: Uint8Array[] }> {
  const { store, postings } = parts;
  const writer = new ByteWriter();
  const sections: SectionInfo[] = [];
  const section = function* (name: SectionName, count: number, write: Generator<void, void>): Generator<void, void> {
    const before = writer.length;
    yield* write;
    sections.push({ name, bytes: writer.length - before, count });
  };
  const terms = parts.dictionary.all();
  const entities = entityFields(parts.entities.all());
  yield* section('terms', terms.length, writeStrings(writer, terms));
  yield* section('paths', store.count, writeStrings(writer, store.paths));
  yield* section('titles', store.count, writeStrings(writer, store.titles));
  yield* section('entities', entities.length, writeStrings(writer, entities));
  yield* section('columns', store.count, writeColumns(writer, store.columns()));
  yield* section('forward', store.count, writeForward(writer, store));
  yield* section('postings', postings.docs.length, writePostings(writer, postings));
  const text = store.textSegments();
  yield* section('text', text.reduce((sum, segment) => sum + segment.length, 0), writeSegments(writer, text));
  return { sections, chunks: writer.finish() };
}

/**
 * Decodes the sections {@link encodeSections} wrote (`payload` holds them back to back, as `sections`
 * lists them) into the parts of an index. A generator that pauses every few ms; throws a
 * "News Corpus:" error when the sections do not fit together (a damaged file).
 *
 * @example
 * const parts = runAtOnce(decodeSections(payload, meta.sections));
 */
export function* decodeSections(payload: Uint8Array, sections: readonly SectionInfo[]): Generator<void, IndexParts> {
  const reader = new ByteReader(payload);
  const info = new Map<SectionName, SectionInfo>();
  const bytes = new Map<SectionName, Uint8Array>();
  for (const section of sections) {
    info.set(section.name, section);
    bytes.set(section.name, reader.bytes(section.bytes));
  }
  const of = (name: SectionName): { data: Uint8Array; count: number } => {
    const section = info.get(name);
    const data = bytes.get(name);
    if (!section || !data) throw new Error(`News Corpus: the ${name} section is missing.`);
    return { data, count: section.count };
  };
  const strings = (name: SectionName): Generator<void, string[]> => readStrings(of(name).data, of(name).count);
  const terms = yield* strings('terms');
  const paths = yield* strings('paths');
  const titles = yield* strings('titles');
  const entities = yield* readEntities(yield* strings('entities'));
  if (titles.length !== paths.length || of('columns').count !== paths.length) throw new Error('News Corpus: the article tables disagree.');
  const columns = readColumns(new ByteReader(of('columns').data), paths.length);
  const store = yield* readStore(paths, titles, columns, new ByteReader(of('forward').data), new ByteReader(of('text').data));
  const postings = yield* readPostings(new ByteReader(of('postings').data), of('postings').count);
  if (postings.termCount > terms.length) throw new Error('News Corpus: the postings name more terms than the dictionary holds.');
  return { dictionary: new TermDictionary(terms), store, postings, entities };
}

function* readStore(paths: readonly string[], titles: readonly string[], columns: DocColumns, forward: ByteReader, text: ByteReader): Generator<void, DocStore> {
  const store = new DocStore();
  let tokens = new Uint32Array(0);
  for (let doc = 0; doc < paths.length; doc++) {
    const bodyTokens = columns.bodyLen[doc] ?? 0;
    const titleTokens = columns.titleLen[doc] ?? 0;
    const entityPairs = columns.entityPairs[doc] ?? 0;
    const length = bodyTokens + titleTokens + 2 * entityPairs;
    if (tokens.length < length) tokens = new Uint32Array(length * 2);
    forward.varints(tokens, 0, length);
    const article = {
      path: paths[doc] ?? '',
      title: titles[doc] ?? '',
      size: columns.size[doc] ?? 0,
      mtimeMs: columns.mtime[doc] ?? 0,
      day: columns.day[doc] ?? 0,
      bodyStart: columns.bodyStart[doc] ?? 0,
      bodyTokens,
      titleTokens,
      entityPairs,
    };
    const bytes = text.bytes(columns.textLen[doc] ?? 0);
    store.append(article, tokens, 0, length, bytes, 0, bytes.length);
    if (doc % ARTICLE_STEP === ARTICLE_STEP - 1) yield;
  }
  return store;
}
