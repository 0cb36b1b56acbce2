import { ByteReader, ByteWriter } from './byte-codec';
import { Growable } from './growable';

/** Documents coded or decoded between two chances to pause. */
const DOC_STEP = 5000;

/**
 * A record of numbers per document of an index, made of units of `unit` numbers each, or none: "not known", for a
 * document loaded from a cache saved before such records were. What an article that leaves the index (removed, or
 * replaced by its new version) takes back from the counts its entities keep: see {@link ArticleRoles} and
 * `ArticleForms`. Flat arrays, no object per article: a first build records 100,000 articles. Records are made in
 * document order, follow a compaction's renumbering ({@link keepLive}) and are saved as varints ({@link writeSteps}).
 *
 * @example
 * const records = new DocumentRecords('roles', 2);
 * records.record(0, [7, 0]); // document 0: one unit, (7, 0)
 * records.of(0); // Uint32Array [7, 0]
 * records.of(1); // undefined: not known
 */
export class DocumentRecords {
  /** Per document, 0 when its record is not known, else 1 + where its record starts in {@link records}. */
  private starts = new Growable(Uint32Array);
  /** Records back to back, each its number of units then its numbers; the first is the empty one. */
  private records = DocumentRecords.emptyRecords();

  /** `name`: what the records are, as error messages and the file's section name it ("roles"). */
  constructor(
    private readonly name: string,
    private readonly unit: number,
  ) {}

  private static emptyRecords(): Growable<Uint32Array> {
    const records = new Growable(Uint32Array);
    records.push(0);
    return records;
  }

  /**
   * Records the numbers of document `doc` (the last added), whole units of them. Throws a "News Corpus:" error for
   * a document recorded already (or older): its record would land on the next one's.
   *
   * @example
   * records.record(3, [7, 0, 9, 1]); // document 3: units (7, 0) and (9, 1)
   */
  record(doc: number, values: ArrayLike<number>): void {
    if (doc < this.starts.length) throw new Error(`News Corpus: the ${this.name} of article ${doc} were recorded already (${this.starts.length} are).`);
    // Documents loaded before any was recorded have no record: theirs are not known.
    while (this.starts.length < doc) this.starts.push(0);
    if (values.length === 0) {
      this.starts.push(1);
      return;
    }
    this.starts.push(this.records.length + 1);
    this.records.push(values.length / this.unit);
    this.records.pushAll(values);
  }

  /**
   * Document `doc`'s numbers, without copying, or undefined when its record is not known.
   *
   * @example
   * records.of(3); // Uint32Array [7, 0, 9, 1]
   */
  of(doc: number): Uint32Array | undefined {
    const start = this.starts.array[doc] ?? 0;
    if (doc >= this.starts.length || start === 0) return undefined;
    return this.records.array.subarray(start, start + this.unit * (this.records.array[start - 1] ?? 0));
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
    const records = DocumentRecords.emptyRecords();
    for (let doc = 0; doc < count; doc++) {
      if (!isLive(doc)) continue;
      const start = doc < this.starts.length ? (this.starts.array[doc] ?? 0) : 0;
      if (start <= 1) {
        starts.push(start);
        continue;
      }
      const length = 1 + this.unit * (this.records.array[start - 1] ?? 0);
      starts.push(records.length + 1);
      records.pushAll(this.records.array.subarray(start - 1, start - 1 + length));
    }
    this.starts = starts;
    this.records = records;
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
    const records = this.records.array;
    for (let doc = 0; doc < docs; doc++) {
      const start = doc < this.starts.length ? (this.starts.array[doc] ?? 0) : 0;
      const units = start === 0 ? 0 : (records[start - 1] ?? 0);
      writer.varint(start === 0 ? 0 : 1 + units);
      for (let i = start; i < start + this.unit * units; i++) writer.varint(records[i] ?? 0);
      if (doc % DOC_STEP === DOC_STEP - 1) yield;
    }
  }

  /**
   * The records {@link writeSteps} wrote for `docs` documents into `section`, each number handed to `check` with its
   * place in its unit (which throws for one the records cannot hold). A generator that pauses every few thousand
   * documents; throws a "News Corpus:" error when the section does not hold them exactly (a damaged file).
   *
   * @example
   * const records = runAtOnce(DocumentRecords.readSteps(section, paths.length, 'roles', 2));
   */
  static *readSteps(section: Uint8Array, docs: number, name: string, unit: number, check: (value: number, place: number) => void = () => undefined): Generator<void, DocumentRecords> {
    const reader = new ByteReader(section);
    const read = new DocumentRecords(name, unit);
    const starts = new Uint32Array(docs);
    const records = read.records;
    for (let doc = 0; doc < docs; doc++) {
      const size = reader.varint();
      if (size === 1) starts[doc] = 1;
      else if (size > 1) {
        starts[doc] = records.length + 1;
        records.push(size - 1);
        for (let i = 0; i < unit * (size - 1); i++) {
          const value = reader.varint();
          check(value, i % unit);
          records.push(value);
        }
      }
      if (doc % DOC_STEP === DOC_STEP - 1) yield;
    }
    if (reader.position !== section.length) throw new Error(`News Corpus: the ${name} section holds other bytes than its articles need.`);
    read.starts.adopt(starts);
    return read;
  }
}
