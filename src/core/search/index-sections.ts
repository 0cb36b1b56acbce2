import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ENTITY_TERM_PREFIX, EntityForm } from './analyzed-batch';
import { ArticleForms } from './article-forms';
import { ArticleRoles } from './article-roles';
import { ByteReader, ByteWriter, joinBytes } from './byte-codec';
import { writeCounts } from './count-codec';
import { IndexParts, SavedEntities } from './corpus-index';
import { Deferred } from './deferred';
import { runAtOnce } from './time-slices';
import { writeDocIds } from './doc-id-codec';
import { DocColumns, DocStore } from './doc-store';
import { EntityFigures, EntityStats } from './entity-stats';
import { EntityInfo, EntityTable } from './entity-table';
import { PairAnswers } from './pair-answers';
import { EncodedPostings, MainPostings } from './postings';
import { SavedEntityFields } from './saved-entity-fields';
import { TermDictionary } from './term-dictionary';
import { SavedWordCodec, WordCodec } from './word-codec';

/**
 * The parts of an index file after its header and description, in file order. 'roles' and 'forms' are optional:
 * files saved before they were (same format version) lack them, and load with their articles' roles or forms not
 * known (see {@link ArticleRoles}, {@link ArticleForms}).
 *
 * @example
 * SECTION_NAMES.length; // 11: an index file's description lists as many sections, or fewer without 'roles' or 'forms'
 */
export const SECTION_NAMES = ['terms', 'paths', 'titles', 'entities', 'columns', 'forward', 'postings', 'text', 'roles', 'forms', 'pairs'] as const;
type SectionName = (typeof SECTION_NAMES)[number];

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
/**
 * Strings per block, each block deflated on its own (a few ms of work, between two chances to pause). Deflated,
 * the paths take ~5 % of their bytes, the titles and entity names ~35 %: 5 % of the text of real-length
 * articles saved, for inflating them on a reopen (a small part of it: zlib was ~1 % of a reopen's CPU profile).
 */
const STRING_BLOCK = 2048;
/** Entities registered between two chances to pause (a few µs each: their word index is built later). */
const ENTITY_STEP = 1000;
/** Separates the aliases (and the forms) of an entity inside its field. */
const ALIAS_SEPARATOR = '\u001f';
/** Separates a form of an entity's name from its mention count. */
const COUNT_SEPARATOR = '\u001e';
/** Fields stored per entity: key, name, type, aliases, term id, forms with their counts, figures, roles with their counts. */
const ENTITY_FIELDS = 8;
/** Separates the figures of an entity (articles, mentions, first and last day) inside their field. */
const FIGURE_SEPARATOR = ' ';
/**
 * Articles encoded or decoded between two chances to pause.
 *
 * @example
 * if (doc % ARTICLE_STEP === ARTICLE_STEP - 1) yield; // in a generator's loop over articles
 */
export const ARTICLE_STEP = 2000;
/** Postings encoded between two chances to pause. */
const POSTING_STEP = 200_000;

/** The number columns saved as they are (8-byte floats), in file order (`readColumns` reads them back in the same order). */
const FLOAT_COLUMNS = ['size', 'mtime'] as const;
/**
 * The number columns saved as varints (32-bit integers; a negative day as its two's complement), in file order
 * after {@link FLOAT_COLUMNS}: 1–2 bytes a value instead of 4, 2.5 MB of 100,000 articles (0.7 % of the text).
 */
const VARINT_COLUMNS = ['day', 'bodyStart', 'bodyLen', 'titleLen', 'entityPairs', 'entityLen', 'forwardBytes', 'textLen'] as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A string table: per block of {@link STRING_BLOCK} strings, the byte length of the block deflated, then its bytes. */
function* writeStrings(writer: ByteWriter, list: readonly string[]): Generator<void, void> {
  for (let from = 0; from < list.length; from += STRING_BLOCK) {
    const block = deflateRawSync(encoder.encode(list.slice(from, from + STRING_BLOCK).join(SEPARATOR)));
    writer.varint(block.length);
    writer.bytes(block);
    yield;
  }
}

/** Hands `take` each block of a string table, inflated and decoded (its strings joined by {@link SEPARATOR}), pausing after each. */
function* eachStringBlock(bytes: Uint8Array, take: (block: string) => void): Generator<void, void> {
  const reader = new ByteReader(bytes);
  while (reader.position < bytes.length) {
    take(decoder.decode(inflateRawSync(reader.bytes(reader.varint()))));
    yield;
  }
}

function tableSizeError(entries: number, count: number): Error {
  return new Error(`News Corpus: a string table holds ${entries} entries, not ${count}.`);
}

function* readStrings(bytes: Uint8Array, count: number): Generator<void, string[]> {
  const list: string[] = [];
  yield* eachStringBlock(bytes, (block) => {
    for (const text of block.split(SEPARATOR)) list.push(text);
  });
  if (list.length !== count) throw tableSizeError(list.length, count);
  return list;
}

/** A string table's strings joined by {@link SEPARATOR}, as its blocks hold them: neither split nor counted here (see {@link unpackListing}). */
function readJoinedStrings(bytes: Uint8Array): string {
  const blocks: string[] = [];
  runAtOnce(eachStringBlock(bytes, (block) => blocks.push(block)));
  return blocks.join(SEPARATOR);
}

function entityFields(table: EntityTable, stats: EntityStats | undefined): string[] {
  const fields: string[] = [];
  for (const entity of table.all()) {
    const counted = (list: readonly EntityForm[]) => list.map(({ text, count }) => `${text}${COUNT_SEPARATOR}${count}`).join(ALIAS_SEPARATOR);
    const figures = stats?.figures(entity.term);
    const figureField = figures === undefined ? '' : [figures.articles, figures.mentions, figures.firstDay, figures.lastDay].join(FIGURE_SEPARATOR);
    fields.push(entity.key, entity.name, entity.type, entity.aliases.join(ALIAS_SEPARATOR), String(entity.term), counted(table.formsOf(entity.key)), figureField, counted(table.rolesOf(entity.key)));
  }
  return fields;
}

function splitList(field: string | undefined): string[] {
  return field === undefined || field === '' ? [] : field.split(ALIAS_SEPARATOR);
}

/** Texts with their counts, as `entityFields` writes forms and roles. */
function readCounted(field: string | undefined): EntityForm[] {
  return splitList(field).map((entry) => {
    const at = entry.lastIndexOf(COUNT_SEPARATOR);
    return { text: entry.slice(0, at), count: Number(entry.slice(at + 1)) };
  });
}

/** The figures saved in an entity's field, or undefined if none were. */
function readFigures(field: string | undefined): EntityFigures | undefined {
  if (field === undefined || field === '') return undefined;
  // By hand: splitting 100,000 fields into arrays was a tenth of decoding the entity table.
  const second = field.indexOf(FIGURE_SEPARATOR);
  const third = field.indexOf(FIGURE_SEPARATOR, second + 1);
  const fourth = field.indexOf(FIGURE_SEPARATOR, third + 1);
  if (second < 0 || third < 0 || fourth < 0) return undefined;
  const figures = { articles: Number(field.slice(0, second)), mentions: Number(field.slice(second + 1, third)), firstDay: Number(field.slice(third + 1, fourth)), lastDay: Number(field.slice(fourth + 1)) };
  return Object.values(figures).some(Number.isNaN) ? undefined : figures;
}

/** The entity table, and the saved figures when every entity has them (else the index counts them again). */
function* readEntities(fields: readonly string[], termCount: number): Generator<void, { table: EntityTable; stats: EntityStats | undefined }> {
  const table = new EntityTable();
  // The word index is built after the load, by the index's prepare(), not entity by entity here.
  table.deferWordIndex();
  let stats: EntityStats | undefined = EntityStats.empty(termCount, (term) => table.byTermId(term) !== undefined);
  for (let i = 0; i + ENTITY_FIELDS <= fields.length; i += ENTITY_FIELDS) {
    const entity = {
      key: fields[i] ?? '',
      name: fields[i + 1] ?? '',
      type: (fields[i + 2] ?? 'MISC') as EntityInfo['type'],
      aliases: splitList(fields[i + 3]),
      forms: readCounted(fields[i + 5]),
      roles: readCounted(fields[i + 7]),
    };
    const term = Number(fields[i + 4]);
    table.restore(entity, term);
    const figures = readFigures(fields[i + 6]);
    if (figures === undefined) stats = undefined;
    else stats?.set(term, figures);
    if ((i / ENTITY_FIELDS) % ENTITY_STEP === ENTITY_STEP - 1) yield;
  }
  return { table, stats };
}

/**
 * Decodes the 'entities' section on its own: the entity table, and the figures saved with it. A step of a reopen,
 * exported so that what the entity model costs a reopen can be timed apart.
 *
 * @example
 * const { table } = runAtOnce(decodeEntitySection(sectionBytes, section.count, termCount));
 */
export function* decodeEntitySection(data: Uint8Array, count: number, termCount: number): Generator<void, { table: EntityTable; stats: EntityStats | undefined }> {
  return yield* readEntities(yield* readStrings(data, count), termCount);
}

/**
 * The forward index less the body (which is saved with the text, see {@link WordCodec}) and the entity field
 * (which the postings hold, see {@link SavedEntityFields}): every article's title ids as varints, in id order,
 * back to back; their bytes per article go to the columns' `forwardBytes`. Term ids are numbered in order of first appearance, so the commonest words take one byte. The
 * store holds them so (see {@link DocStore.codedTokens}): they are copied as they are. The store decodes an
 * article's ids when first read (see {@link DocStore.tokens}).
 *
 * @example
 * const { lengths, chunks } = runAtOnce(codeForward(store)); // lengths[doc]: bytes of article doc's ids in chunks
 */
export function* codeForward(store: DocStore): Generator<void, { lengths: Uint32Array; chunks: Uint8Array[] }> {
  const writer = new ByteWriter();
  const lengths = new Uint32Array(store.count);
  for (let doc = 0; doc < store.count; doc++) {
    // Copied by the writer (a title's ids are far below a chunk): the store lets its own go before the section is written.
    const held = store.codedTokens(doc);
    writer.bytes(held);
    lengths[doc] = held.length;
    if (doc % ARTICLE_STEP === ARTICLE_STEP - 1) yield;
  }
  return { lengths, chunks: writer.finish() };
}

/**
 * The text section: the codes of the store's {@link WordCodec}, then every article's text coded with its body
 * ids, back to back (the store keeps them so: see {@link DocStore.codeTextSteps}); each article's coded length
 * goes to the columns' `textLen`.
 */
function* codeTexts(store: DocStore, terms: readonly string[]): Generator<void, { lengths: Uint32Array; chunks: Uint8Array[] }> {
  yield* store.codecSteps(terms);
  const header = new ByteWriter();
  store.codec?.write(header);
  const { lengths, chunks } = yield* store.codeTextSteps();
  return { lengths, chunks: [...header.finish(), ...chunks] };
}

/** What {@link codeTexts} wrote: the codec as plain data (see {@link WordCodec.readSaved}) and the coded texts. */
function readTexts(section: Uint8Array): { codec: SavedWordCodec; coded: Uint8Array } {
  const reader = new ByteReader(section);
  const codec = WordCodec.readSaved(reader);
  return { codec, coded: section.subarray(reader.position) };
}

/** Sections made apart (the forward index, the coded texts): their chunks go to the file as they are, not copied. */
function* writeSegments(writer: ByteWriter, segments: readonly Uint8Array[]): Generator<void, void> {
  for (const segment of segments) {
    writer.keep(segment);
    yield;
  }
}

/**
 * The exact mentions of the term of a posting only in the entity field, `term` in article `doc`, whose packed
 * count stopped at 15: from the article's entity field.
 */
function exactMentions(store: DocStore, term: number, doc: number): number {
  const field = store.entityField(doc);
  for (let i = 0; i + 1 < field.length; i += 2) if (field[i] === term) return field[i + 1] ?? 0;
  return 0;
}

/**
 * Postings: the number of terms; per term its number of postings, then per term the bytes of its
 * encoded postings (so that a term can be found without decoding the others: see {@link MainPostings});
 * then per term its document ids (gaps as varints, or a bitmap for a common word: see {@link writeDocIds}) and its
 * packed counts (see {@link writeCounts}; an entity's mentions exact, read from `store`'s entity fields).
 */
function* writePostings(writer: ByteWriter, postings: MainPostings, store: DocStore): Generator<void, void> {
  const termCount = postings.termCount;
  const data = new ByteWriter();
  const byteLengths = new Uint32Array(termCount);
  let sinceYield = 0;
  for (let term = 0; term < termCount; term++) {
    const list = postings.list(term);
    if (!list) continue;
    const before = data.length;
    writeDocIds(data, list.docs, list.start, list.end, store.count);
    writeCounts(data, list.counts, list.start, list.end, (i) => exactMentions(store, term, list.docs[i] ?? 0));
    byteLengths[term] = data.length - before;
    sinceYield += list.end - list.start;
    if (sinceYield >= POSTING_STEP) {
      sinceYield = 0;
      yield;
    }
  }
  writer.varint(termCount);
  for (let term = 0; term < termCount; term++) writer.varint((postings.offsets[term + 1] ?? 0) - (postings.offsets[term] ?? 0));
  for (let term = 0; term < termCount; term++) writer.varint(byteLengths[term] ?? 0);
  yield* writeSegments(writer, data.finish());
}

/** The postings' tables as saved: where each term's postings start (`offsets`) and its encoded bytes (`starts` in `data`). */
interface SavedPostings {
  readonly offsets: Uint32Array;
  readonly starts: Uint32Array;
  /** The encoded postings, where they lie in the file's buffer (which the text and the forward index keep alive anyway). */
  readonly data: Uint8Array;
}

/** Reads the postings' tables and checks them against the `total` postings the file describes. */
function readPostingTables(section: Uint8Array, total: number): SavedPostings {
  const reader = new ByteReader(section);
  const termCount = reader.varint();
  const offsets = new Uint32Array(termCount + 1);
  const starts = new Uint32Array(termCount + 1);
  reader.varints(offsets, 1, termCount);
  reader.varints(starts, 1, termCount);
  for (let term = 0; term < termCount; term++) {
    offsets[term + 1] = (offsets[term + 1] ?? 0) + (offsets[term] ?? 0);
    starts[term + 1] = (starts[term + 1] ?? 0) + (starts[term] ?? 0);
  }
  const described = offsets[termCount] ?? 0;
  if (described !== total) throw new Error(`News Corpus: the postings hold ${described < total ? 'fewer' : 'more'} entries than described.`);
  const data = section.subarray(reader.position);
  if (starts[termCount] !== data.length) throw new Error('News Corpus: the postings hold another number of bytes than described.');
  return { offsets, starts, data };
}

/**
 * The postings over their saved tables, decoded per term when first read; gives them encoded too, to make the
 * entity fields from.
 */
function postingsOf(saved: SavedPostings, docCount: number): { postings: MainPostings; encoded: EncodedPostings } {
  const total = saved.offsets[saved.offsets.length - 1] ?? 0;
  // Allocated now, filled per term later: pages are only touched as terms are decoded.
  const docs = new Uint32Array(total);
  const counts = new Uint16Array(total);
  const encoded = { bytes: saved.data, starts: saved.starts, docCount };
  return { postings: new MainPostings(saved.offsets, docs, counts, encoded), encoded };
}

function* writeColumns(writer: ByteWriter, columns: DocColumns): Generator<void, void> {
  for (const name of FLOAT_COLUMNS) {
    const array = columns[name];
    writer.bytes(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    yield;
  }
  for (const name of VARINT_COLUMNS) {
    const array = columns[name];
    for (let doc = 0; doc < array.length; doc++) writer.varint((array[doc] ?? 0) >>> 0);
    yield;
  }
}

function readColumns(reader: ByteReader, count: number): DocColumns {
  // Copied out of the file buffer (a few MB): typed-array views need offsets aligned to their width.
  // (`new Uint8Array(view)` copies; `slice()` would not on a node Buffer.)
  const floats = (): Float64Array => new Float64Array(new Uint8Array(reader.bytes(count * Float64Array.BYTES_PER_ELEMENT)).buffer);
  const varints = (): Uint32Array => {
    const values = new Uint32Array(count);
    reader.varints(values, 0, count);
    return values;
  };
  const size = floats();
  const mtime = floats();
  const day = new Int32Array(varints().buffer);
  return { size, mtime, day, bodyStart: varints(), bodyLen: varints(), titleLen: varints(), entityPairs: varints(), entityLen: varints(), forwardBytes: varints(), textLen: varints() };
}

/** The stored pair answers (see {@link PairAnswers.write}); none: an empty section. */
function* writePairs(writer: ByteWriter, pairs: PairAnswers | undefined): Generator<void, void> {
  pairs?.write(writer);
  yield;
}

/**
 * The role records of `docs` articles: the number of role texts, the byte length of their string table, the table,
 * then the records (see {@link ArticleRoles.writeSteps}).
 */
function* writeRoles(writer: ByteWriter, roles: ArticleRoles, docs: number): Generator<void, void> {
  const texts = new ByteWriter();
  yield* writeStrings(texts, roles.roleTexts());
  const table = joinBytes(texts.finish());
  writer.varint(roles.roleTexts().length);
  writer.varint(table.length);
  writer.bytes(table);
  yield* roles.writeSteps(writer, docs);
}

/** What {@link writeRoles} wrote, for `docs` articles. */
function* readRoles(section: Uint8Array, docs: number): Generator<void, ArticleRoles> {
  const reader = new ByteReader(section);
  const count = reader.varint();
  const texts = yield* readStrings(reader.bytes(reader.varint()), count);
  return yield* ArticleRoles.readSteps(section.subarray(reader.position), docs, texts);
}

/**
 * Encodes a compacted index (no removed or pending articles) as the sections of an index file:
 * string tables, the number columns, the title ids as varints (see {@link codeForward}), the postings
 * (documents as in {@link writeDocIds}, counts as in {@link writeCounts}, with a table to find each term's), each
 * article's text coded with its body ids (see {@link codeTexts}), the roles each article says of its entities and
 * the full forms it writes them in, when known (see {@link ArticleRoles}, {@link ArticleForms}), and the stored answers of frequent pairs of words
 * (see {@link PairAnswers}). The store keeps its texts coded and lets the
 * body ids it held as varints go (see {@link DocStore.letIdsGoSteps}). The sections' bytes go to `out` in order as they are made;
 * returns where each section is. A generator: it pauses every few ms.
 *
 * @example
 * const chunks: Uint8Array[] = [];
 * const sections = runAtOnce(encodeSections(index.parts(), (chunk) => chunks.push(chunk)));
 */
export function* encodeSections(parts: IndexParts, out: (chunk: Uint8Array) => void): Generator<void, SectionInfo[]> {
  const { store, postings } = parts;
  const writer = new ByteWriter(out);
  const sections: SectionInfo[] = [];
  const section = function* (name: SectionName, count: number, write: Generator<void, void>): Generator<void, void> {
    const before = writer.length;
    yield* write;
    sections.push({ name, bytes: writer.length - before, count });
  };
  const terms = parts.dictionary.all();
  const saved = parts.entities instanceof Deferred ? parts.entities.value() : { table: parts.entities, stats: parts.entityStats, roles: parts.roles, forms: parts.forms };
  const entities = entityFields(saved.table, saved.stats);
  const text = yield* codeTexts(store, parts.dictionary.all());
  const forward = yield* codeForward(store);
  // Before the rest of the file is made: the body ids are held twice until then, as varints and in the coded texts.
  yield* store.letIdsGoSteps(forward);
  yield* section('terms', terms.length, writeStrings(writer, terms));
  yield* section('paths', store.count, writeStrings(writer, store.paths));
  yield* section('titles', store.count, writeStrings(writer, store.titles));
  yield* section('entities', entities.length, writeStrings(writer, entities));
  yield* section('columns', store.count, writeColumns(writer, { ...store.columns(), forwardBytes: forward.lengths, textLen: text.lengths }));
  yield* section('forward', store.count, writeSegments(writer, forward.chunks));
  yield* section('postings', postings.docs.length, writePostings(writer, postings, store));
  yield* section('text', text.chunks.reduce((sum, chunk) => sum + chunk.length, 0), writeSegments(writer, text.chunks));
  if (saved.roles) yield* section('roles', store.count, writeRoles(writer, saved.roles, store.count));
  if (saved.forms) yield* section('forms', store.count, saved.forms.writeSteps(writer, store.count));
  yield* section('pairs', parts.pairs?.pairCount ?? 0, writePairs(writer, parts.pairs));
  writer.finish();
  return sections;
}

/**
 * An index file's sections read into plain data, nothing built from it yet: the string tables as strings, the
 * number columns and the postings' tables as typed arrays, the rest as views of the file's bytes. Plain data only,
 * so that a thread other than the one that uses the index can read it (inflating, checking) and hand it over,
 * the file's buffer and the arrays moved, not copied (see {@link savedSectionBuffers}); {@link assembleSections}
 * then makes the index's parts from it.
 *
 * @example
 * const saved: SavedSections = runAtOnce(readSections(payload, meta.sections));
 * const parts = runAtOnce(assembleSections(saved));
 */
export interface SavedSections {
  readonly terms: readonly string[];
  readonly paths: readonly string[];
  readonly titles: readonly string[];
  /** The entity table's strings, still deflated: decoded later (see {@link decodeEntitySection}). */
  readonly entities: { readonly data: Uint8Array; readonly count: number };
  readonly columns: DocColumns;
  readonly postings: SavedPostings;
  readonly forward: Uint8Array;
  /** The coded texts, back to back, and the codec they are coded with (its tables made by the reading thread). */
  readonly text: { readonly codec: SavedWordCodec; readonly coded: Uint8Array };
  /** The stored pair answers, where they lie in the file's buffer (see {@link PairAnswers.read}). */
  readonly pairs: Uint8Array;
  /** The articles' role records, still coded (decoded with the entity table: see {@link ArticleRoles.readSteps}); none in an older file. */
  readonly roles?: Uint8Array;
  /** The articles' records of forms, still coded (decoded with the entity table, as the roles); none in an older file. */
  readonly forms?: Uint8Array;
}

/**
 * Reads the sections {@link encodeSections} wrote (`payload` holds them back to back, as `sections` lists them)
 * into {@link SavedSections}: the string tables inflated, the columns and the postings' tables decoded and checked;
 * with `listed`, the paths and titles are left empty: {@link readListing} read them from the same bytes.
 * A generator that pauses every few ms; throws a "News Corpus:" error when the sections do not fit together (a
 * damaged file).
 *
 * @example
 * const saved = runAtOnce(readSections(payload, meta.sections));
 * saved.paths.length; // the number of articles
 */
export function* readSections(payload: Uint8Array, sections: readonly SectionInfo[], options: { readonly listed?: boolean } = {}): Generator<void, SavedSections> {
  const { of, optional, count } = cutSections(payload, sections);
  const strings = (name: SectionName): Generator<void, string[]> => readStrings(of(name).data, of(name).count);
  const terms = yield* strings('terms');
  // Read already from the same bytes when the listing went first (see readListing): not inflated twice.
  const paths = options.listed ? [] : yield* strings('paths');
  const titles = options.listed ? [] : yield* strings('titles');
  const columns = readColumns(new ByteReader(of('columns').data), count);
  const postings = readPostingTables(of('postings').data, of('postings').count);
  if (postings.offsets.length - 1 > terms.length) throw new Error('News Corpus: the postings name more terms than the dictionary holds.');
  const forward = of('forward').data;
  if (columns.forwardBytes.reduce((sum, count) => sum + count, 0) !== forward.length) throw new Error('News Corpus: the forward index holds other bytes than the articles need.');
  yield;
  const text = readTexts(of('text').data);
  yield;
  const read = { terms, paths, titles, entities: of('entities'), columns, postings, forward, text, pairs: of('pairs').data };
  const perArticle = (name: 'roles' | 'forms') => {
    const section = optional(name);
    if (section !== undefined && section.count !== count) throw new Error(`News Corpus: the ${name} section describes another number of articles.`);
    return section === undefined ? {} : { [name]: section.data };
  };
  return { ...read, ...perArticle('roles'), ...perArticle('forms') };
}

/**
 * What the Dates view lists of a saved index: each article's path, title and day (a day number, as in the
 * columns), read from the start of the file before the rest (see {@link readListing}), made from a
 * {@link PackedListing} by {@link unpackListing}.
 *
 * @example
 * const listing: SavedListing = { paths: ['/news/a.txt'], titles: ['Kim arrives'], day: Int32Array.of(19613) };
 */
export interface SavedListing {
  readonly paths: readonly string[];
  readonly titles: readonly string[];
  readonly day: Int32Array;
}

/**
 * A {@link SavedListing} as {@link readListing} reads it: the paths, and the titles, joined by NUL (which none
 * holds) as the file's blocks hold them. Two long strings cross to another thread at once, where receiving the
 * 200,000 strings of 100,000 articles kept the extension host's thread and its collector busy; split there by
 * {@link unpackListing}, their pieces share the long strings' text.
 *
 * @example
 * const packed: PackedListing = { paths: '/news/a.txt\u0000/news/b.txt', titles: 'Kim arrives\u0000New year', day: Int32Array.of(19613, 19724) };
 */
export interface PackedListing {
  readonly paths: string;
  readonly titles: string;
  readonly day: Int32Array;
}

/**
 * The listing a {@link PackedListing} packs; throws a "News Corpus:" error when it does not hold a path and a title
 * for each day (a damaged file: the listing is read before the file's checksum is checked).
 *
 * @example
 * unpackListing({ paths: 'a.txt\u0000b.txt', titles: 'A\u0000B', day: Int32Array.of(1, 2) }).paths; // ['a.txt', 'b.txt']
 */
export function unpackListing({ paths, titles, day }: PackedListing): SavedListing {
  const split = (joined: string): string[] => {
    const list = day.length === 0 ? [] : joined.split(SEPARATOR);
    if (list.length !== day.length) throw tableSizeError(list.length, day.length);
    return list;
  };
  return { paths: split(paths), titles: split(titles), day };
}

/** The last of the sections a listing is read from; {@link encodeSections} writes it fifth, 5 % of the file at most. */
const LAST_LISTING_SECTION: SectionName = 'columns';

/**
 * How many bytes from the start of the sections hold what {@link readListing} reads.
 *
 * @example
 * listingBytes([{ name: 'terms', bytes: 10, count: 2 }, { name: 'paths', bytes: 20, count: 1 }, { name: 'titles', bytes: 5, count: 1 }, { name: 'entities', bytes: 1, count: 0 }, { name: 'columns', bytes: 40, count: 1 }, { name: 'postings', bytes: 900, count: 2 }]); // 76
 */
export function listingBytes(sections: readonly SectionInfo[]): number {
  let bytes = 0;
  for (const section of sections) {
    bytes += section.bytes;
    if (section.name === LAST_LISTING_SECTION) return bytes;
  }
  throw new Error(`News Corpus: the ${LAST_LISTING_SECTION} section is missing.`);
}

/**
 * The sections `payload` holds back to back as `sections` lists them (up to `last` when given), by name, and the
 * article count their tables agree on; throws a "News Corpus:" error when one is missing or they disagree.
 */
function cutSections(
  payload: Uint8Array,
  sections: readonly SectionInfo[],
  last?: SectionName,
): { of: (name: SectionName) => { data: Uint8Array; count: number }; optional: (name: SectionName) => { data: Uint8Array; count: number } | undefined; count: number } {
  const reader = new ByteReader(payload);
  const found = new Map<SectionName, { data: Uint8Array; count: number }>();
  for (const section of sections) {
    found.set(section.name, { data: reader.bytes(section.bytes), count: section.count });
    if (section.name === last) break;
  }
  const of = (name: SectionName): { data: Uint8Array; count: number } => {
    const section = found.get(name);
    if (!section) throw new Error(`News Corpus: the ${name} section is missing.`);
    return section;
  };
  const count = of('paths').count;
  if (of('titles').count !== count || of('columns').count !== count) throw new Error('News Corpus: the article tables disagree.');
  return { of, optional: (name) => found.get(name), count };
}

/**
 * Reads the articles' paths, titles and days (packed: see {@link PackedListing}) from the first {@link listingBytes}
 * bytes of the sections, without the rest of the file: a reopen lists the articles while the rest is still being read. Throws a "News Corpus:" error
 * when the tables do not fit together; nothing here is checked by the file's checksum yet.
 *
 * @example
 * const listing = unpackListing(readListing(start, meta.sections));
 * listing.paths.length; // the number of articles
 */
export function readListing(start: Uint8Array, sections: readonly SectionInfo[]): PackedListing {
  const { of, count } = cutSections(start, sections, LAST_LISTING_SECTION);
  const paths = readJoinedStrings(of('paths').data);
  const titles = readJoinedStrings(of('titles').data);
  return { paths, titles, day: readColumns(new ByteReader(of('columns').data), count).day };
}

/**
 * The articles' days alone from the first {@link listingBytes} bytes of the sections, as {@link readListing} reads
 * them, without inflating the paths and titles: what the Dates view's years and months are counted from first.
 * Throws a "News Corpus:" error when the tables do not fit together.
 *
 * @example
 * readListingDays(start, meta.sections); // Int32Array [20230913, 20240102, …]
 */
export function readListingDays(start: Uint8Array, sections: readonly SectionInfo[]): Int32Array {
  const { of, count } = cutSections(start, sections, LAST_LISTING_SECTION);
  return readColumns(new ByteReader(of('columns').data), count).day;
}

/**
 * The buffers under the typed arrays of `saved`, each once: what a thread that read it transfers with it.
 *
 * @example
 * parentPort.postMessage(saved, savedSectionBuffers(saved));
 */
export function savedSectionBuffers(saved: SavedSections): ArrayBuffer[] {
  const codes = [saved.text.codec.ids, saved.text.codec.symbols].flatMap((code) => [code.lengths, code.codes, code.firstCode, code.lengthCount, code.firstIndex, code.sorted, code.lookup, code.shortLookup]);
  const arrays = [saved.entities.data, ...Object.values(saved.columns), saved.postings.offsets, saved.postings.starts, saved.postings.data, saved.forward, saved.text.coded, saved.pairs, ...(saved.roles ? [saved.roles] : []), ...(saved.forms ? [saved.forms] : []), ...codes];
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}

/**
 * The deferred stage of {@link assembleSections}: the entity table with its figures, then the articles' role records
 * and records of forms (when the file has them). Together: they are needed only by hover cards and by re-indexing,
 * and whatever reads or changes them goes through the entity table first, which runs this to its end (see
 * `CorpusIndex.entities`), so no article's roles or forms are taken back before its saved record is in place.
 */
function* savedEntitiesSteps(saved: SavedSections, termCount: number): Generator<void, SavedEntities> {
  const docs = saved.columns.day.length;
  const entities = yield* decodeEntitySection(saved.entities.data, saved.entities.count, termCount);
  const roles = saved.roles === undefined ? {} : { roles: yield* readRoles(saved.roles, docs) };
  const forms = saved.forms === undefined ? {} : { forms: yield* ArticleForms.readSteps(saved.forms, docs) };
  return { ...entities, ...roles, ...forms };
}

/**
 * Makes the parts of an index from {@link SavedSections}, in two stages: now, what lists the articles and answers
 * a search (dictionary, store, postings over their tables, the texts where they lie); deferred, the entity table
 * with its figures and the articles' role records (`parts.entities`: decoded in the background or when first
 * needed, see {@link Deferred} and {@link savedEntitiesSteps}); the
 * entity fields are made from the postings when first read (see {@link SavedEntityFields}). A generator that
 * pauses every few ms; throws a "News Corpus:" error when the parts do not fit together (a damaged file), and so
 * does the deferred part.
 *
 * @example
 * const parts = runAtOnce(assembleSections(runAtOnce(readSections(payload, meta.sections))));
 */
export function* assembleSections(saved: SavedSections): Generator<void, IndexParts> {
  const { terms, paths } = saved;
  // A step of its own: hashing 40,000 terms into the map takes a few ms.
  const dictionary = new TermDictionary(terms);
  yield;
  const entities = new Deferred<SavedEntities>(savedEntitiesSteps(saved, terms.length));
  const { postings, encoded } = postingsOf(saved.postings, paths.length);
  const fields = new SavedEntityFields(encoded, postings.offsets, (term) => terms[term]?.startsWith(ENTITY_TERM_PREFIX) === true);
  const store = yield* readStore({ paths, titles: saved.titles, columns: saved.columns, forward: saved.forward, text: saved.text, terms: dictionary.all(), fields });
  return { dictionary, store, postings, pairs: PairAnswers.read(saved.pairs, postings), entities };
}

/** What a store is loaded from: the article tables, the title ids and the coded texts as saved, the entity fields made from the postings. */
interface SavedStore {
  readonly paths: readonly string[];
  readonly titles: readonly string[];
  readonly columns: DocColumns;
  readonly forward: Uint8Array;
  readonly text: SavedSections['text'];
  readonly terms: readonly string[];
  readonly fields: SavedEntityFields;
}

function* readStore(saved: SavedStore): Generator<void, DocStore> {
  const codec = WordCodec.fromSaved(saved.text.codec, saved.terms);
  return yield* DocStore.loadSteps(saved.paths, saved.titles, saved.columns, saved.forward, saved.text.coded, codec, saved.fields);
}
