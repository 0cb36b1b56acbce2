import { ByteWriter } from './byte-codec';
import { DocumentRecords } from './document-records';
import { NumberedTexts } from './numbered-texts';

/** Each record unit: an entity term and the number of a role text. */
const PAIR = 2;

/**
 * The roles each article of an index says of its entities, by document: what an article that leaves the index
 * (removed, or replaced by its new version) takes away from its entities' role counts, which otherwise grew with
 * every save of an article (see {@link DocumentRecords}). Saved with the index (its 'roles' section, see
 * {@link writeSteps}); an article loaded from a cache saved before that section was has no record: its roles are not
 * known ({@link forEachRole} says so), only their counts, which the saved entity table holds.
 *
 * @example
 * const roles = new ArticleRoles();
 * roles.record(0, [7, 0], 0, 1, (term) => term, ['Russian president']); // article 0 calls entity term 7 "Russian president"
 * roles.forEachRole(0, (term, role) => table.uncountRole(term, role)); // true: its roles were known
 */
export class ArticleRoles {
  /** `texts`: the role texts the records number, in order of first appearance (a record holds numbers, not strings). */
  constructor(
    private readonly records = new DocumentRecords('roles', PAIR),
    private readonly texts = new NumberedTexts(),
  ) {}

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
    const values = new Array<number>(PAIR * count);
    for (let i = 0; i < count; i++) {
      const at = PAIR * (from + i);
      values[PAIR * i] = termOf(pairs[at] ?? 0);
      values[PAIR * i + 1] = this.texts.numberOf(texts[pairs[at + 1] ?? 0] ?? '');
    }
    this.records.record(doc, values);
  }

  /**
   * Hands `onRole` each (entity term, role) that document `doc` says; false when its roles are not known (an article
   * loaded from a cache saved without them).
   *
   * @example
   * const known = roles.forEachRole(doc, (term, role) => table.uncountRole(term, role)); // false: nothing handed
   */
  forEachRole(doc: number, onRole: (term: number, role: string) => void): boolean {
    const values = this.records.of(doc);
    if (values === undefined) return false;
    for (let i = 0; i < values.length; i += PAIR) onRole(values[i] ?? 0, this.texts.texts[values[i + 1] ?? 0] ?? '');
    return true;
  }

  /**
   * Keeps the records of the `count` documents that `isLive` keeps, renumbered as a compaction renumbers them (see
   * {@link DocumentRecords.keepLive}).
   *
   * @example
   * roles.keepLive(store.count, (doc) => store.isLive(doc)); // of documents 0, 1, 2 with 1 removed: 0 stays 0, 2 becomes 1
   */
  keepLive(count: number, isLive: (doc: number) => boolean): void {
    this.records.keepLive(count, isLive);
  }

  /**
   * Lets the room kept for more records go (see {@link DocumentRecords.fit}), as an index being saved is complete for now.
   *
   * @example
   * roles.fit();
   */
  fit(): void {
    this.records.fit();
  }

  /**
   * The role texts, each once, that the records of {@link writeSteps} number: saved beside them (as a string table,
   * where they deflate to ~40 %: they were three quarters of the records' bytes), and handed back to {@link readSteps}.
   *
   * @example
   * roles.roleTexts(); // ['Russian president', 'North Korean leader']
   */
  roleTexts(): readonly string[] {
    return this.texts.texts;
  }

  /**
   * Writes the records of documents 0 to `docs` − 1 to `writer` (see {@link DocumentRecords.writeSteps}): per
   * document its (entity term, number in {@link roleTexts}) pairs. Most articles say no role or one: one byte, or
   * about five. A generator that pauses every few thousand documents; {@link readSteps} reads it back.
   *
   * @example
   * const writer = new ByteWriter();
   * runAtOnce(roles.writeSteps(writer, store.count));
   */
  writeSteps(writer: ByteWriter, docs: number): Generator<void, void> {
    return this.records.writeSteps(writer, docs);
  }

  /**
   * The records {@link writeSteps} wrote for `docs` documents into `section`, numbering `texts` (its
   * {@link roleTexts}). A generator that pauses every few thousand documents; throws a "News Corpus:" error when the
   * section does not hold them exactly (a damaged file) or names a role it does not hold.
   *
   * @example
   * const roles = runAtOnce(ArticleRoles.readSteps(section, paths.length, texts));
   */
  static *readSteps(section: Uint8Array, docs: number, texts: readonly string[]): Generator<void, ArticleRoles> {
    const records = yield* DocumentRecords.readSteps(section, docs, 'roles', PAIR, (value, place) => {
      if (place === 1 && value >= texts.length) throw new Error('News Corpus: the roles section names a role it does not hold.');
    });
    return new ArticleRoles(records, new NumberedTexts(texts));
  }
}
