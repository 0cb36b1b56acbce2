import { ByteReader, ByteWriter, MAX_VARINT_BYTES, putVarint } from './byte-codec';
import { Growable } from './growable';

/** Documents coded or decoded between two chances to pause. */
const DOC_STEP = 5000;

/**
 * A record of numbers per document of an index, made of units of `unit` numbers each, or none: "not known", for a
 * document loaded from a cache saved before such records were. What an article that leaves the index (removed, or
 * replaced by its new version) takes back from the counts its entities keep: see {@link ArticleRoles} and
 * `ArticleForms`. Kept as the file keeps them, varints back to back, no object per article: a first build records
 * 100,000 articles, whose forms are about a byte an entity so (0.7 MB for 20,000 real-length articles), four as
 * 32-bit numbers. Records are made in document order, follow a compaction's renumbering ({@link keepLive}) and are
 * saved as they are ({@link writeSteps}).
 *
 * @example
 * const records = new DocumentRecords('roles', 2);
 * records.record(0, [7, 0]); // document 0: one unit, (7, 0)
 * records.of(0); // Uint32Array [7, 0]
 * records.of(1); // undefined: not known
 */
export class DocumentRecords {
  /** Per document, 0 when its record is not known, else 1 + where its record starts in {@link bytes}. */
  private starts = new Growable(Uint32Array);
  /** Records back to back, each a varint of 1 + its number of units, then its numbers as varints. */
  private bytes = new Growable(Uint8Array);

  /** `name`: what the records are, as error messages and the file's section name it ("roles"). */
  constructor(
    private readonly name: string,
    private readonly unit: number,
  ) {}

  /**
   * Records the first `length` numbers of `values` (all of them by default), whole units, as the numbers of document
   * `doc` (the last added). Throws a "News Corpus:" error for a document recorded already (or older): its record
   * would land on the next one's. Coded straight into the records, no array made: a first build records 100,000
   * articles, and `values` may be a buffer the caller reuses.
   *
   * @example
   * records.record(3, [7, 0, 9, 1]); // document 3: units (7, 0) and (9, 1)
   */
  record(doc: number, values: ArrayLike<number>, length = values.length): void {
    if (doc < this.starts.length) throw new Error(`News Corpus: the ${this.name} of article ${doc} were recorded already (${this.starts.length} are).`);
    // Documents loaded before any was recorded have no record: theirs are not known.
    while (this.starts.length < doc) this.starts.push(0);
    const bytes = this.bytes;
    this.starts.push(bytes.length + 1);
    bytes.reserve(bytes.length + (1 + length) * MAX_VARINT_BYTES);
    let at = putVarint(bytes.array, bytes.length, 1 + length / this.unit);
    for (let i = 0; i < length; i++) at = putVarint(bytes.array, at, values[i] ?? 0);
    bytes.length = at;
  }

  /**
   * How many units document `doc`'s record holds, read without decoding them; undefined when it is not known.
   *
   * @example
   * records.unitsOf(3); // 2
   */
  unitsOf(doc: number): number | undefined {
    const start = doc < this.starts.length ? (this.starts.array[doc] ?? 0) : 0;
    return start === 0 ? undefined : new ByteReader(this.bytes.array, start - 1).varint() - 1;
  }

  /**
   * Document `doc`'s numbers, or undefined when its record is not known.
   *
   * @example
   * records.of(3); // Uint32Array [7, 0, 9, 1]
   */
  of(doc: number): Uint32Array | undefined {
    const start = doc < this.starts.length ? (this.starts.array[doc] ?? 0) : 0;
    if (start === 0) return undefined;
    const reader = new ByteReader(this.bytes.array, start - 1);
    const values = new Uint32Array(this.unit * (reader.varint() - 1));
    reader.varints(values, 0, values.length);
    return values;
  }

  /**
   * Keeps the records of the `count` documents that `isLive` keeps, renumbered as a compaction renumbers them (the
   * live ones in order), and lets the others' go.
   *
   * @example
   * records.keepLive(store.count, (doc) => store.isLive(doc)); // of documents 0, 1, 2 with 1 removed: 0 stays 0, 2 becomes 1
   */
  keepLive(count: number, isLive: (doc: number) => boolean): void {
    const starts = new Growable(Uint32Array);
    const bytes = new Growable(Uint8Array);
    for (let doc = 0; doc < count; doc++) {
      if (!isLive(doc)) continue;
      const record = this.recordBytes(doc);
      starts.push(record === undefined ? 0 : bytes.length + 1);
      if (record !== undefined) bytes.pushAll(record);
    }
    this.starts = starts;
    this.bytes = bytes;
  }

  /**
   * Lets the room kept for more records go (see {@link Growable.fit}): after a first build of 100,000 articles, the
   * records of their forms held 4.8–6.6 MB for 3.5 MB of bytes.
   *
   * @example
   * records.fit(); // the same records, in arrays of their size
   */
  fit(): void {
    this.starts.fit();
    this.bytes.fit();
  }

  /**
   * Writes the records of documents 0 to `docs` − 1 (those never recorded as not known) to `writer`: per document a
   * varint, 0 when its record is not known, else 1 + its number of units, then its numbers as varints. A generator
   * that pauses every few thousand documents; {@link readSteps} reads it back.
   *
   * @example
   * const writer = new ByteWriter();
   * runAtOnce(records.writeSteps(writer, store.count));
   */
  *writeSteps(writer: ByteWriter, docs: number): Generator<void, void> {
    for (let doc = 0; doc < docs; doc++) {
      const record = this.recordBytes(doc);
      if (record === undefined) writer.varint(0);
      else writer.bytes(record);
      if (doc % DOC_STEP === DOC_STEP - 1) yield;
    }
  }

  /** Document `doc`'s record as held (and saved), without copying; undefined when not known. */
  private recordBytes(doc: number): Uint8Array | undefined {
    const start = doc < this.starts.length ? (this.starts.array[doc] ?? 0) : 0;
    if (start === 0) return undefined;
    const reader = new ByteReader(this.bytes.array, start - 1);
    reader.skipVarints(this.unit * (reader.varint() - 1));
    return this.bytes.array.subarray(start - 1, reader.position);
  }

  /**
   * The records {@link writeSteps} wrote for `docs` documents into `section` (copied: the file's buffer is let go),
   * each number handed to `check` with its place in its unit (which throws for one the records cannot hold). A
   * generator that pauses every few thousand documents; throws a "News Corpus:" error when the section does not
   * hold them exactly (a damaged file).
   *
   * @example
   * const records = runAtOnce(DocumentRecords.readSteps(section, paths.length, 'roles', 2));
   */
  static *readSteps(section: Uint8Array, docs: number, name: string, unit: number, check: (value: number, place: number) => void = () => undefined): Generator<void, DocumentRecords> {
    const reader = new ByteReader(section);
    const starts = new Uint32Array(docs);
    for (let doc = 0; doc < docs; doc++) {
      const at = reader.position;
      const size = reader.varint();
      if (size > 0) starts[doc] = at + 1;
      for (let i = 0; i < unit * Math.max(0, size - 1); i++) check(reader.varint(), i % unit);
      if (doc % DOC_STEP === DOC_STEP - 1) yield;
    }
    if (reader.position !== section.length) throw new Error(`News Corpus: the ${name} section holds other bytes than its articles need.`);
    const read = new DocumentRecords(name, unit);
    read.starts.adopt(starts);
    read.bytes.adopt(new Uint8Array(section));
    return read;
  }
}
