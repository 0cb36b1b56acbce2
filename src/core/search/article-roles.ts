import { Growable } from './growable';

/**
 * The roles each article of an index says of its entities, by document: what an article that leaves the index
 * (removed, or replaced by its new version) takes away from its entities' role counts, which otherwise grew with
 * every save of an article. Flat arrays, a record per document and no object per article: a first build records
 * 100,000 articles. Not saved with the index: the roles of an article loaded from a saved index are not known
 * ({@link forEachRole} says so), only their counts, which the saved entity table holds.
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
   * from pair `from`, the terms mapped to the index's by `termOf`, the role numbers indexing `texts`.
   */
  record(doc: number, pairs: ArrayLike<number>, from: number, count: number, termOf: (batchTerm: number) => number, texts: readonly string[]): void {
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

  /** Hands `onRole` each (entity term, role) that document `doc` says; false when its roles are not known. */
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
}
