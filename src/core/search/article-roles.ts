import { ByteReader, ByteWriter } from './byte-codec';
import { Growable } from './growable';

/** Documents coded or decoded between two chances to pause. */
const DOC_STEP = 5000;

/**
 * The roles each article of an index says of its entities, by document: what an article that leaves the index
 * (removed, or replaced by its new version) takes away from its entities' role counts, which otherwise grew with
 * every save of an article. Flat arrays, a record per document and no object per article: a first build records
 * 100,000 articles. Saved with the index (its 'roles' section, see {@link writeSteps}); an article loaded from a
 * cache saved before that section was has no record: its roles are not known ({@link forEachRole} says so), only
 * their counts, which the saved entity table holds.
 *
 * @example
 * const roles = new ArticleRoles();
 * roles.record(0, [7, 0], 0, 1, (term) => term, ['Russian president']); // article 0 calls entity term 7 "Russian president"
 * roles.forEachRole(0, (term, role) => table.uncountRole(term, role)); // true: its roles were known
 */
export class ArticleRoles {
  /** Role texts by their spelling, numbered in order of first appearance: a record holds numbers, not strings. */
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Per document, 0 when its roles are not known, else 1 + where its record starts in {@link records}. */
  private starts = new Growable(Uint32Array);
  /** Records back to back, each the number of its pairs then (entity term, role id) pairs; the first is the empty one. */
  private records = ArticleRoles.emptyRecords();

  private static emptyRecords(): Growable<Uint32Array> {
    const records = new Growable(Uint32Array);
    records.push(0);
    return records;
  }

  /**
   * Records the roles of document `doc` (the last added): `count` (batch entity term, role number) pairs of `pairs`
   * from pair `from`, the terms mapped to the index's by `termOf`, the role numbers indexing `texts`. Throws a
   * "News Corpus:" error for a document recorded already (or older): its record would land on the next one's.
   *
   * @example
   * // Document 3 (the last added) calls batch entity 0 "Russian president" and batch entity 1 "North Korean leader":
   * roles.record(3, [0, 0, 1, 1], 0, 2, (term) => ids[term] ?? 0, ['Russian president', 'North Korean leader']);
   */
  record(doc: number, pairs: ArrayLike<number>, from: number, count: number, termOf: (batchTerm: number) => number, texts: readonly string[]): void {
    if (doc < this.starts.length) throw new Error(`News Corpus: the roles of article ${doc} were recorded already (${this.starts.length} are).`);
    // Documents loaded before any was recorded have no record: their roles are not known.
    while (this.starts.length < doc) this.starts.push(0);
    if (count === 0) {
      this.starts.push(1);
      return;
    }
    this.starts.push(this.records.length + 1);
    this.records.push(count);
    for (let i = 2 * from; i < 2 * (from + count); i += 2) {
      const text = texts[pairs[i + 1] ?? 0] ?? '';
      let id = this.ids.get(text);
      if (id === undefined) {
        id = this.texts.length;
        this.ids.set(text, id);
        this.texts.push(text);
      }
      this.records.push(termOf(pairs[i] ?? 0));
      this.records.push(id);
    }
  }

  /**
   * Hands `onRole` each (entity term, role) that document `doc` says; false when its roles are not known (an article
   * loaded from a cache saved without them).
   *
   * @example
   * const known = roles.forEachRole(doc, (term, role) => table.uncountRole(term, role)); // false: nothing handed
   */
  forEachRole(doc: number, onRole: (term: number, role: string) => void): boolean {
    const start = this.starts.array[doc] ?? 0;
    if (doc >= this.starts.length || start === 0) return false;
    const records = this.records.array;
    const end = start + 2 * (records[start - 1] ?? 0);
    for (let i = start; i < end; i += 2) onRole(records[i] ?? 0, this.texts[records[i + 1] ?? 0] ?? '');
    return true;
  }

  /**
   * Keeps the records of the `count` documents that `isLive` keeps, renumbered as a compaction renumbers them (the
   * live ones in order), and lets the others' go.
   *
   * @example
   * roles.keepLive(store.count, (doc) => store.isLive(doc)); // of documents 0, 1, 2 with 1 removed: 0 stays 0, 2 becomes 1
   */
  keepLive(count: number, isLive: (doc: number) => boolean): void {
    const starts = new Growable(Uint32Array);
    const records = ArticleRoles.emptyRecords();
    for (let doc = 0; doc < count; doc++) {
      if (!isLive(doc)) continue;
      const start = doc < this.starts.length ? (this.starts.array[doc] ?? 0) : 0;
      if (start <= 1) {
        starts.push(start);
        continue;
      }
      const length = 1 + 2 * (this.records.array[start - 1] ?? 0);
      starts.push(records.length + 1);
      records.pushAll(this.records.array.subarray(start - 1, start - 1 + length));
    }
    this.starts = starts;
    this.records = records;
  }

  /**
   * The role texts, each once, that the records of {@link writeSteps} number: saved beside them (as a string table,
   * where they deflate to ~40 %: they were three quarters of the records' bytes), and handed back to {@link readSteps}.
   *
   * @example
   * roles.roleTexts(); // ['Russian president', 'North Korean leader']
   */
  roleTexts(): readonly string[] {
    return this.texts;
  }

  /**
   * Writes the records of documents 0 to `docs` − 1 (those never recorded as not known) to `writer`: per document a
   * varint, 0 when its roles are not known, else 1 + its number of pairs, then its (entity term, number in
   * {@link roleTexts}) pairs as varints. Most articles say no role or one: one byte, or about five. A generator that
   * pauses every few thousand documents; {@link readSteps} reads it back.
   *
   * @example
   * const writer = new ByteWriter();
   * runAtOnce(roles.writeSteps(writer, store.count));
   */
  *writeSteps(writer: ByteWriter, docs: number): Generator<void, void> {
    const records = this.records.array;
    for (let doc = 0; doc < docs; doc++) {
      const start = doc < this.starts.length ? (this.starts.array[doc] ?? 0) : 0;
      const pairs = start === 0 ? 0 : (records[start - 1] ?? 0);
      writer.varint(start === 0 ? 0 : 1 + pairs);
      for (let i = start; i < start + 2 * pairs; i++) writer.varint(records[i] ?? 0);
      if (doc % DOC_STEP === DOC_STEP - 1) yield;
    }
  }

  /**
   * The records {@link writeSteps} wrote for `docs` documents into `section`, numbering `texts` (its
   * {@link roleTexts}). A generator that pauses every few thousand documents; throws a "News Corpus:" error when the
   * section does not hold them exactly (a damaged file).
   *
   * @example
   * const roles = runAtOnce(ArticleRoles.readSteps(section, paths.length, texts));
   */
  static *readSteps(section: Uint8Array, docs: number, texts: readonly string[]): Generator<void, ArticleRoles> {
    const reader = new ByteReader(section);
    const roles = new ArticleRoles();
    const textCount = texts.length;
    texts.forEach((text, i) => {
      roles.ids.set(text, i);
      roles.texts.push(text);
    });
    const starts = new Uint32Array(docs);
    const records = roles.records;
    for (let doc = 0; doc < docs; doc++) {
      const size = reader.varint();
      if (size === 1) starts[doc] = 1;
      else if (size > 1) {
        starts[doc] = records.length + 1;
        records.push(size - 1);
        for (let i = 0; i < size - 1; i++) {
          records.push(reader.varint());
          const role = reader.varint();
          if (role >= textCount) throw new Error('News Corpus: the roles section names a role it does not hold.');
          records.push(role);
        }
      }
      if (doc % DOC_STEP === DOC_STEP - 1) yield;
    }
    if (reader.position !== section.length) throw new Error('News Corpus: the roles section holds other bytes than its articles need.');
    roles.starts.adopt(starts);
    return roles;
  }
}
