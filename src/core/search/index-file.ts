import { crc32 } from 'node:zlib';
import { IndexParts } from './corpus-index';
import { crc32Combine } from './crc32-combine';
import { Deferred } from './deferred';
import { PackedListing, SECTION_NAMES, SavedSections, SectionInfo, assembleSections, encodeSections, listingBytes, readListing, readListingDays, readSections } from './index-sections';
import { runAtOnce } from './time-slices';

/**
 * The first bytes of every index file.
 *
 * @example
 * new TextDecoder().decode(bytes.subarray(0, INDEX_FILE_MAGIC.length)) === INDEX_FILE_MAGIC; // true for an index file
 */
export const INDEX_FILE_MAGIC = 'NCINDEX1';
/**
 * Bumped whenever the layout of the file changes; older files are rebuilt. 3: varint forward index and postings,
 * no alignment. 4: the forward index as raw 16- or 32-bit ids, aligned (the description is padded to 4 bytes);
 * the postings start with every term's byte length, so that each term can be decoded when first read.
 * 5: a CRC-32 of the payload instead of its SHA-1 (half the time to check 170 MB on reopen).
 * 6: each entity keeps the written forms of its name with their mention counts (the corpus-wide name), its
 * figures (articles, mentions, first and last day) and the roles writers attach to it.
 * 7: each article's text deflated on its own with a preset dictionary sampled from the corpus (saved at the
 * start of the text section), and kept deflated in memory after a load (the text was 100 % of the text's size, now 40–50 %).
 * 8: the forward index as varints per article (their byte lengths and the entity-field lengths are columns), kept
 * coded after a load and decoded per article when first read; posting counts as a bitmap of "once in the body"
 * and small varints for the others.
 * 9: each article's text and body ids coded once, together, by a word codec with Huffman codes made from the
 * corpus (saved at the start of the text section); the forward section keeps only title and entity ids.
 * 10: the entity field saved once, in the postings (with an entity's exact mentions), no longer also per article
 * (the forward section keeps only title ids); a common word's postings name their articles by a bitmap; the
 * integer columns as varints (58 % of the text → under 50 % at 100,000 real-length articles).
 * 11: a last section of stored phrase-check answers for frequent pairs of words (see `PairAnswers`). Since, with no
 * new version: an optional 'roles' section (see `ArticleRoles`), which a file of 11 without it does not need: it loads
 * with its articles' roles not known, as before the section was; and likewise an optional 'forms' section (see
 * `ArticleForms`).
 *
 * @example
 * new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true) === INDEX_FORMAT_VERSION; // true for a current index file
 */
export const INDEX_FORMAT_VERSION = 11;
/**
 * Bumped whenever tokenisation, fields or counts change: a file written by another analyser
 * has the right layout but the wrong contents, and is rebuilt too.
 */
const ANALYZER_VERSION = 1;

const HEADER_BYTES = 64;
const CHECKSUM_AT = 24;
/** The payload starts with the length of its JSON description. */
const META_LENGTH_BYTES = 4;
/** The byte the description is padded with: a space, which JSON ignores after the value. */
const SPACE = 0x20;
/** Bytes checksummed between two chances to pause (a few ms). */
const CHECKSUM_STEP_BYTES = 1 << 22;
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

interface FileMeta extends IndexIdentity {
  readonly analyzer: number;
  readonly createdAt: string;
  readonly sections: readonly SectionInfo[];
}

/**
 * Why a saved index cannot be used: the file is damaged (`corrupt`) or describes something else (`stale`).
 *
 * @example
 * const problem: IndexFileProblem = { kind: 'stale', message: 'News Corpus: the index was built for another folder.' };
 */
interface IndexFileProblem {
  readonly kind: 'corrupt' | 'stale';
  readonly message: string;
}

/** What decoding an index file gives: the parts of the index, or why the file cannot be used. */
type DecodedIndex = { ok: true; parts: IndexParts; createdAt: string } | { ok: false; problem: IndexFileProblem };

/**
 * What reading an index file gives ({@link readIndexFileSteps}): its checked sections as plain data, or why the
 * file cannot be used. Plain data, so that it can cross from a worker thread.
 *
 * @example
 * const read: ReadIndexFile = runAtOnce(readIndexFileSteps(bytes, identity));
 * if (read.ok) read.saved.paths.length; // the number of articles
 */
export type ReadIndexFile =
  | { readonly ok: true; readonly saved: SavedSections; readonly createdAt: string; readonly textCheck?: TextCheck }
  | { readonly ok: false; readonly problem: IndexFileProblem };

/**
 * The part of an index file's checksum that a read with `textLater` ({@link readIndexFileSteps}) leaves for after
 * the load: the text section's bytes (a view of the file's buffer, which moves with the read's sections), the CRC-32s
 * of the payload before and after it, and the checksum the file holds. {@link textCheckSteps} finishes it. Plain
 * data, so that it can cross from a worker thread.
 *
 * @example
 * const check: TextCheck = { text: bytes.subarray(9_000_000, 150_000_000), before: 0x1234abcd, after: 0x9f00aa11, afterBytes: 2_000_000, expected: 0x0badf00d };
 */
export interface TextCheck {
  readonly text: Uint8Array;
  readonly before: number;
  readonly after: number;
  readonly afterBytes: number;
  readonly expected: number;
}

/** The CRC-32 of `chunk` continued from `crc`, pausing every few MB. */
function* checksumSteps(chunk: Uint8Array, crc: number): Generator<void, number> {
  let value = crc;
  for (let from = 0; from < chunk.length; from += CHECKSUM_STEP_BYTES) {
    value = crc32(chunk.subarray(from, from + CHECKSUM_STEP_BYTES), value);
    yield;
  }
  return value;
}

/**
 * The description's bytes, padded with spaces (which JSON ignores) to `room` bytes, so that it can be written before
 * the sections it describes once they are: the same length for the same index whatever the sections' sizes turn out
 * to be (see {@link streamIndexSteps}).
 */
function descriptionBytes(meta: FileMeta, room: number): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(meta));
  if (json.length > room) throw new Error('News Corpus: the index description outgrew the room reserved for it.');
  // Padded by bytes, not characters: a root that is not ASCII (a path on the command line) takes more bytes than characters.
  const bytes = new Uint8Array(room).fill(SPACE);
  bytes.set(json);
  return bytes;
}

/**
 * Encodes an index as one file, handing `out` its bytes in file order as they are made, so that the file is never
 * held whole in memory: first zeros in place of the head (the 64-byte header — magic, format version, payload
 * length, CRC-32 of the payload — then the payload's start: the length of a JSON description, the description of
 * the identity and the section table), then the sections of {@link encodeSections}. Returns the head, to be written
 * over those zeros: it describes the sections, known only at the end (the description is padded to a length known
 * at the start; see {@link descriptionBytes}). A generator that pauses every few ms, so that saving never blocks the
 * extension host for long (run it with `runInSlices`); `parts` must not change until the bytes are written. Some
 * chunks are views of the store's texts, which its next save frees: each is to be written (or copied) before then.
 *
 * @example
 * let at = 0;
 * const head = await runInSlices(streamIndexSteps(index.parts(), { root: dir, extractor: 'none' }, (chunk) => (at += writeSync(fd, chunk, 0, chunk.length, at))));
 * writeSync(fd, head, 0, head.length, 0);
 */
export function* streamIndexSteps(parts: IndexParts, identity: IndexIdentity, out: (chunk: Uint8Array) => void): Generator<void, Uint8Array> {
  const createdAt = new Date().toISOString();
  const described = (sections: readonly SectionInfo[]): FileMeta => ({ root: identity.root, extractor: identity.extractor, analyzer: ANALYZER_VERSION, createdAt, sections });
  // Every figure at its widest: the room the real description never outgrows.
  const widest = SECTION_NAMES.map((name) => ({ name, bytes: Number.MAX_SAFE_INTEGER, count: Number.MAX_SAFE_INTEGER }));
  const room = new TextEncoder().encode(JSON.stringify(described(widest))).length;
  const headBytes = HEADER_BYTES + META_LENGTH_BYTES + room;
  out(new Uint8Array(headBytes));
  let sectionsCrc = 0;
  let sectionsBytes = 0;
  const sections = yield* encodeSections(parts, (chunk) => {
    sectionsCrc = crc32(chunk, sectionsCrc);
    sectionsBytes += chunk.length;
    out(chunk);
  });
  const head = new Uint8Array(headBytes);
  const description = descriptionBytes(described(sections), room);
  const view = new DataView(head.buffer);
  head.set(new TextEncoder().encode(INDEX_FILE_MAGIC), 0);
  view.setUint32(8, INDEX_FORMAT_VERSION, true);
  view.setUint32(HEADER_BYTES, description.length, true);
  head.set(description, HEADER_BYTES + META_LENGTH_BYTES);
  const payloadHead = head.subarray(HEADER_BYTES);
  view.setFloat64(16, payloadHead.length + sectionsBytes, true);
  view.setUint32(CHECKSUM_AT, crc32Combine(crc32(payloadHead), sectionsCrc, sectionsBytes), true);
  return head;
}

/**
 * The chunks of an index file ({@link streamIndexSteps}) in a list, head first, each a copy of its own. A generator
 * that pauses every few ms.
 *
 * @example
 * const chunks = await runInSlices(encodeIndexSteps(index.parts(), { root: dir, extractor: 'none' }));
 */
export function* encodeIndexSteps(parts: IndexParts, identity: IndexIdentity): Generator<void, Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  // Copies: the text's chunks are views of the store's segments, which its next save frees (emptying every view).
  const head = yield* streamIndexSteps(parts, identity, (chunk) => chunks.push(chunk.slice()));
  chunks[0] = head;
  return chunks;
}

/**
 * {@link encodeIndexSteps} at once (command-line tools, tests).
 *
 * @example
 * fs.writeFileSync(file, Buffer.concat(encodeIndex(index.parts(), { root: dir, extractor: 'none' })));
 */
export function encodeIndex(parts: IndexParts, identity: IndexIdentity): Uint8Array[] {
  return runAtOnce(encodeIndexSteps(parts, identity));
}

function corrupt(reason: string): { ok: false; problem: IndexFileProblem } {
  return { ok: false, problem: { kind: 'corrupt', message: `News Corpus: the saved index is damaged (${reason}); rebuilding it.` } };
}

function stale(reason: string): { ok: false; problem: IndexFileProblem } {
  return { ok: false, problem: { kind: 'stale', message: `News Corpus: the saved index is out of date (${reason}); rebuilding it.` } };
}

/**
 * An index file's sections, each with its bytes, read from the file's description without checking or decoding
 * anything: for tools that measure what each part of the file costs.
 *
 * @example
 * indexFileSections(await readFile(cache)).find(({ info }) => info.name === 'entities')?.bytes.length;
 */
export function indexFileSections(bytes: Uint8Array): { info: SectionInfo; bytes: Uint8Array }[] {
  const described = fileDescription(bytes);
  if (!described) throw new Error('News Corpus: the file ends inside its description.');
  let start = described.start;
  return described.meta.sections.map((info) => {
    const section = { info, bytes: bytes.subarray(start, start + info.bytes) };
    start += info.bytes;
    return section;
  });
}

/** The description after the header at the start of `bytes`, and where the sections begin; undefined when `bytes` ends inside it. */
function fileDescription(bytes: Uint8Array): { meta: FileMeta; start: number } | undefined {
  if (bytes.length < HEADER_BYTES + META_LENGTH_BYTES) return undefined;
  const metaStart = HEADER_BYTES + META_LENGTH_BYTES;
  const start = metaStart + new DataView(bytes.buffer, bytes.byteOffset + HEADER_BYTES, META_LENGTH_BYTES).getUint32(0, true);
  if (start > bytes.length) return undefined;
  return { meta: JSON.parse(new TextDecoder().decode(bytes.subarray(metaStart, start))) as FileMeta, start };
}

/** Why the header at the start of `bytes` is not one this version reads, if it is not. */
function headerProblem(bytes: Uint8Array): { ok: false; problem: IndexFileProblem } | undefined {
  if (bytes.length < HEADER_BYTES) return corrupt('the file is too short');
  if (new TextDecoder().decode(bytes.subarray(0, INDEX_FILE_MAGIC.length)) !== INDEX_FILE_MAGIC) return corrupt('it is not a News Corpus index file');
  const version = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES).getUint32(8, true);
  return version === INDEX_FORMAT_VERSION ? undefined : stale(`format version ${version}, this version reads ${INDEX_FORMAT_VERSION}`);
}

/** Why an index described by `meta` is not the one expected, if it is not. */
function identityProblem(meta: FileMeta, expected: IndexIdentity): { ok: false; problem: IndexFileProblem } | undefined {
  if (meta.analyzer !== ANALYZER_VERSION) return stale(`built by analyser version ${meta.analyzer}, this version is ${ANALYZER_VERSION}`);
  if (meta.root !== expected.root) return stale(`it was built for ${meta.root}`);
  if (meta.extractor !== expected.extractor) return stale(`it was built with entity extractor "${meta.extractor}", now "${expected.extractor}"`);
  return undefined;
}

/** Why the header or the length of `bytes` is not that of an index file this version reads, if it is not. */
function shapeProblem(bytes: Uint8Array): { ok: false; problem: IndexFileProblem } | undefined {
  const problem = headerProblem(bytes);
  if (problem) return problem;
  const payloadBytes = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES).getFloat64(16, true);
  return payloadBytes === bytes.length - HEADER_BYTES ? undefined : corrupt('the file was cut short or has extra bytes');
}

/** The checksum an index file holds for its payload. */
function savedChecksum(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES).getUint32(CHECKSUM_AT, true);
}

/** The checksum of the payload but its text section (pausing every few MB): what {@link textCheckSteps} finishes. */
function* checksumBesideText(bytes: Uint8Array, sections: readonly SectionInfo[], start: number): Generator<void, TextCheck> {
  const at = sections.findIndex(({ name }) => name === 'text');
  if (at < 0) throw new Error('News Corpus: the text section is missing.');
  const payload = bytes.subarray(HEADER_BYTES);
  const from = start - HEADER_BYTES + sections.slice(0, at).reduce((sum, section) => sum + section.bytes, 0);
  const to = from + (sections[at]?.bytes ?? 0);
  if (to > payload.length) throw new Error('News Corpus: the sections run past the end of the file.');
  const before = yield* checksumSteps(payload.subarray(0, from), 0);
  const after = yield* checksumSteps(payload.subarray(to), 0);
  return { text: payload.subarray(from, to), before, after, afterBytes: payload.length - to, expected: savedChecksum(bytes) };
}

/**
 * Finishes the checksum of an index file read with `textLater` (see {@link readIndexFileSteps}): sums its text
 * section and checks the whole payload's checksum. Returns why the file cannot be used when it does not match: its
 * index is then to be dropped, though it may have answered searches meanwhile. A generator that pauses every few
 * MB (run it with `runInSlices`).
 *
 * @example
 * const read = runAtOnce(readIndexFileSteps(bytes, identity, { textLater: true }));
 * const damaged = read.ok && read.textCheck ? await runInSlices(textCheckSteps(read.textCheck)) : undefined;
 * if (damaged) rebuild(damaged.problem.message); // "News Corpus: the saved index is damaged (checksum mismatch); rebuilding it."
 */
export function* textCheckSteps(check: TextCheck): Generator<void, { readonly ok: false; readonly problem: IndexFileProblem } | undefined> {
  const text = yield* checksumSteps(check.text, 0);
  const whole = crc32Combine(crc32Combine(check.before, text, check.text.length), check.after, check.afterBytes);
  return whole === check.expected ? undefined : corrupt('checksum mismatch');
}

/** A damaged file's error, as the problem it is (the reason inside the problem's own sentence, without its prefix and its full stop). */
function corruptBy(error: unknown): { ok: false; problem: IndexFileProblem } {
  return corrupt((error instanceof Error ? error.message : String(error)).replace(/^News Corpus: /, '').replace(/\.$/, ''));
}

/**
 * Reads an index file written by {@link encodeIndexSteps} into its sections as plain data, building nothing:
 * checks magic, version, length and checksum (`corrupt`), then the analyser version and the identity the caller
 * expects (`stale`), then inflates and checks the sections (see {@link readSections}; with `listed`, the paths and
 * titles are left empty: {@link readIndexListing} read them from these bytes; `onChecked` hears that the checksum
 * is checked, when it matches: a phase of a load's timeline). Never throws. The part of a load that can run on
 * another thread; {@link decodeSavedSteps} makes the index's parts from what it gives. With `textLater`, the text
 * section (most of the file) is left out of the checksum: the read's `textCheck` is the rest of it, for
 * {@link textCheckSteps} once the index answers searches (`onChecked` then hears that the rest is summed). A file
 * damaged anywhere, not only in its text, is then found only by that check, unless its sections do not fit together.
 *
 * @example
 * const read = runAtOnce(readIndexFileSteps(await readFile(file), { root: dir, extractor: 'none' }, { onChecked: () => mark('checked') }));
 * const decoded = read.ok ? runAtOnce(decodeSavedSteps(read)) : read;
 */
export function* readIndexFileSteps(
  bytes: Uint8Array,
  expected: IndexIdentity,
  options: { readonly listed?: boolean; readonly onChecked?: () => void; readonly textLater?: boolean } = {},
): Generator<void, ReadIndexFile> {
  const fileProblem = shapeProblem(bytes);
  if (fileProblem) return fileProblem;
  if (!options.textLater && (yield* checksumSteps(bytes.subarray(HEADER_BYTES), 0)) !== savedChecksum(bytes)) return corrupt('checksum mismatch');
  try {
    const described = fileDescription(bytes);
    if (!described) return corrupt('the file ends inside its description');
    const { meta, start } = described;
    const textCheck = options.textLater ? yield* checksumBesideText(bytes, meta.sections, start) : undefined;
    options.onChecked?.();
    const problem = identityProblem(meta, expected);
    if (problem) return problem;
    const read = { ok: true, saved: yield* readSections(bytes.subarray(start), meta.sections, options), createdAt: meta.createdAt } as const;
    return textCheck ? { ...read, textCheck } : read;
  } catch (error) {
    return corruptBy(error);
  }
}

/**
 * Bytes read first from an index file to find its listing (see {@link indexListingEnd}): the header and the
 * description, a few hundred bytes, fit many times over.
 *
 * @example
 * const head = bytes.subarray(0, INDEX_HEAD_BYTES);
 */
export const INDEX_HEAD_BYTES = 64 * 1024;

/** The sections an index file's description lists, and where they start, if `head` holds a description this version reads. */
function describedSections(head: Uint8Array): { meta: FileMeta; start: number } | undefined {
  return headerProblem(head) ? undefined : fileDescription(head);
}

/**
 * Where the part of an index file that {@link readIndexListing} reads ends, from the file's first bytes (`head`:
 * {@link INDEX_HEAD_BYTES} of them, or the whole file); undefined when they show that the file cannot be read by this
 * version (then reading it whole says why). The identity is not checked here (see {@link describesIndex}): the
 * listing can be read while its owner still works out which index it expects. Never throws.
 *
 * @example
 * const end = indexListingEnd(head); // 8.9 MB into a 177 MB file of 100,000 articles
 */
export function indexListingEnd(head: Uint8Array): number | undefined {
  try {
    const described = describedSections(head);
    return described && described.start + listingBytes(described.meta.sections);
  } catch {
    return undefined;
  }
}

/**
 * The articles' paths, titles and days from the start of an index file (its first {@link indexListingEnd} bytes),
 * before the rest is read and its checksum checked: what a reopen lists at once, once {@link describesIndex} says
 * the file holds the index expected. Undefined when the start cannot give them (the whole file's read then says why).
 * Never throws.
 *
 * @example
 * const listing = readIndexListing(bytes.subarray(0, end));
 * if (listing && describesIndex(bytes, { root: dir, extractor: 'none' })) unpackListing(listing).paths.length; // the number of articles
 */
export function readIndexListing(start: Uint8Array): PackedListing | undefined {
  return readFromStart(start, readListing);
}

/**
 * The articles' days alone from the start of an index file (as {@link readIndexListing} reads it), without
 * inflating their paths and titles. Undefined when the start cannot give them. Never throws.
 *
 * @example
 * const days = readIndexDays(bytes.subarray(0, end)); // Int32Array [20230913, …], one per article
 */
export function readIndexDays(start: Uint8Array): Int32Array | undefined {
  return readFromStart(start, readListingDays);
}

/** What `read` finds in the sections after the description at the start of an index file; undefined when it cannot say. */
function readFromStart<T>(start: Uint8Array, read: (sections: Uint8Array, lengths: Parameters<typeof readListing>[1]) => T | undefined): T | undefined {
  try {
    const described = describedSections(start);
    return described && read(start.subarray(described.start), described.meta.sections);
  } catch {
    return undefined;
  }
}

/**
 * Whether the first bytes of an index file (`head`, as for {@link indexListingEnd}) describe the index `expected`:
 * the same folder, entity extractor and analyser. False when they cannot say (a damaged or older file). Never throws.
 *
 * @example
 * describesIndex(head, { root: dir, extractor: 'none' }); // false for a cache built with the entity model
 */
export function describesIndex(head: Uint8Array, expected: IndexIdentity): boolean {
  try {
    const described = describedSections(head);
    return described !== undefined && identityProblem(described.meta, expected) === undefined;
  } catch {
    return false;
  }
}

/**
 * Makes the parts of an index from a file read by {@link readIndexFileSteps} (see {@link assembleSections}). Never
 * throws: parts that do not fit together make the file `corrupt`. With `staged`, the entity table is left to
 * decode later (`parts.entities` is then a {@link Deferred}: a reopen lists the articles and answers a search first).
 *
 * @example
 * const decoded = await runInSlices(decodeSavedSteps(read, { staged: true }));
 * const index = decoded.ok ? new CorpusIndex(decoded.parts) : undefined;
 */
export function* decodeSavedSteps(read: { readonly saved: SavedSections; readonly createdAt: string }, options: { readonly staged?: boolean } = {}): Generator<void, DecodedIndex> {
  try {
    const parts = yield* assembleSections(read.saved);
    if (options.staged || !(parts.entities instanceof Deferred)) return { ok: true, parts, createdAt: read.createdAt };
    const { table, stats, roles, forms } = yield* parts.entities.steps();
    const decoded = { ...parts, entities: table, ...(stats && { entityStats: stats }), ...(roles && { roles }), ...(forms && { forms }) };
    return { ok: true, parts: decoded, createdAt: read.createdAt };
  } catch (error) {
    return corruptBy(error);
  }
}

/**
 * Decodes an index file written by {@link encodeIndexSteps}: {@link readIndexFileSteps}, then
 * {@link decodeSavedSteps}. Never throws. A generator that pauses every few ms, so that loading never blocks the
 * extension host for long. With `staged`, the entity table is left to decode later (`parts.entities` is then a
 * {@link Deferred}); the checksum covers it all the same.
 *
 * @example
 * const loaded = await runInSlices(decodeIndexSteps(await readFile(file), { root: dir, extractor: 'none' }, { staged: true }));
 * const index = loaded.ok ? new CorpusIndex(loaded.parts) : undefined;
 * await index?.prepare(); // decodes the rest in the background
 */
export function* decodeIndexSteps(bytes: Uint8Array, expected: IndexIdentity, options: { readonly staged?: boolean } = {}): Generator<void, DecodedIndex> {
  const read = yield* readIndexFileSteps(bytes, expected);
  return read.ok ? yield* decodeSavedSteps(read, options) : read;
}

/**
 * {@link decodeIndexSteps} at once (command-line tools, tests). Never throws.
 *
 * @example
 * const loaded = decodeIndex(fs.readFileSync(file), { root: dir, extractor: 'none' });
 */
export function decodeIndex(bytes: Uint8Array, expected: IndexIdentity): DecodedIndex {
  return runAtOnce(decodeIndexSteps(bytes, expected));
}
