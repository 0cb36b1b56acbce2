import { ByteWriter } from './byte-codec';
import { DocumentRecords } from './document-records';
import { Growable } from './growable';

/** A record's number for an entity: `2 × mentions` of its first form (0: none), or `2 × k + 1` for k pairs that follow. */
const PAIRS_FOLLOW = 1;
/** Numbers of each (entity, form, mentions) triple handed to {@link ArticleForms.record}. */
const TRIPLE = 3;

/**
 * The full forms each article writes its entities' names in, with their mentions, by document: what an article that
 * leaves the index (removed, or replaced by its new version) takes back from the form counts that name an entity
 * ("Kim Jong-un", written most, over "Kim Jong-Un"). Those counts grew with every save of an article, and an
 * article saved often could rename an entity after its own spelling.
 *
 * A record holds one number per entity of the article, in ascending order of entity term, the order the article's
 * entity field gives them in (`DocStore.entityField`): the terms are not stored again. The number is 2 × the
 * mentions of the entity's first form, the common case (one byte saved), or 2 × k + 1 followed by k (form number,
 * mentions) pairs. An article that writes none of its entities' full forms the table counts has an empty record, whatever
 * its number of entities: one byte, and its entities need not be put in order to record it. Saved with the index (its 'forms' section, see {@link writeSteps}); an article loaded from a cache
 * saved before that section was has no record: its forms are not known ({@link forEachForm} says so).
 *
 * @example
 * const forms = new ArticleForms();
 * forms.record(0, 2, [0, 0, 2, 1, 1, 1]); // article 0: two entities, the first twice in its form 0, the second once in its form 1
 * forms.forEachForm(0, 2, (entity, form, mentions) => table.uncountForm(terms[entity], form, mentions)); // true
 */
export class ArticleForms {
  /** A record's numbers as they are made; reused, as are the two buffers below: none is made per article. */
  private readonly values = new Growable(Uint32Array);
  /** Per entity of a record, where its triples start in {@link order}. */
  private firsts = new Uint32Array(0);
  /** The places of a record's triples, grouped by entity. */
  private order = new Uint32Array(0);

  constructor(private readonly records = new DocumentRecords('forms', 1)) {}

  /**
   * Records the forms of document `doc` (the last added), which names `entities` entities: `count` (entity, form
   * number, mentions) triples of `written` from 0, the entity by its place among the document's entities in
   * ascending order of term, the triples in any order (an entity's forms are recorded in the order given). An entity
   * of no triple writes no full form the entity table counts; with no triple at all, the record is empty. Throws a
   * "News Corpus:" error for a document recorded already (or older).
   *
   * @example
   * // Document 3: entity 0 once in form 0, entity 1 in none, entity 2 once in form 0 and three times in form 2.
   * forms.record(3, 3, [2, 0, 1, 0, 0, 1, 2, 2, 3]);
   */
  record(doc: number, entities: number, written: ArrayLike<number>, count = written.length / TRIPLE): void {
    const values = this.values;
    values.clear();
    const recorded = count === 0 ? 0 : entities;
    const firsts = this.groupByEntity(recorded, written, count);
    const order = this.order;
    for (let entity = 0; entity < recorded; entity++) {
      const first = firsts[entity] ?? 0;
      const pairs = (firsts[entity + 1] ?? 0) - first;
      const only = TRIPLE * (order[first] ?? 0);
      if (pairs === 0) values.push(0);
      else if (pairs === 1 && written[only + 1] === 0) values.push(2 * (written[only + 2] ?? 0));
      else {
        values.push(2 * pairs + PAIRS_FOLLOW);
        for (let i = first; i < first + pairs; i++) {
          const at = TRIPLE * (order[i] ?? 0);
          values.push(written[at + 1] ?? 0);
          values.push(written[at + 2] ?? 0);
        }
      }
    }
    this.records.record(doc, values.array, values.length);
  }

  /**
   * Sorts the `count` triples of `written` by entity (a counting sort: an article may name hundreds): fills
   * {@link order} with their places, those of entity e from `firsts[e]` to `firsts[e + 1]`, in the order given.
   */
  private groupByEntity(entities: number, written: ArrayLike<number>, count: number): Uint32Array {
    if (this.firsts.length < entities + 2) this.firsts = new Uint32Array(2 * entities + 2);
    if (this.order.length < count) this.order = new Uint32Array(2 * count);
    const firsts = this.firsts;
    firsts.fill(0, 0, entities + 2);
    // Counted one place further, so that the running sums make each entity's first place, then its end.
    for (let i = 0; i < count; i++) {
      const entity = written[TRIPLE * i] ?? 0;
      if (entity >= entities) throw new Error(`News Corpus: a form of article entity ${entity} was given for an article of ${entities}.`);
      firsts[entity + 2] = (firsts[entity + 2] ?? 0) + 1;
    }
    for (let entity = 2; entity < entities + 2; entity++) firsts[entity] = (firsts[entity] ?? 0) + (firsts[entity - 1] ?? 0);
    for (let i = 0; i < count; i++) {
      const slot = (written[TRIPLE * i] ?? 0) + 1;
      this.order[firsts[slot] ?? 0] = i;
      firsts[slot] = (firsts[slot] ?? 0) + 1;
    }
    return firsts;
  }

  /**
   * Whether document `doc` writes a full form the table counts, as far as its record says: false when its forms are
   * not known (an article loaded from a cache saved without them) or it writes none. {@link forEachForm} needs the
   * document's entities in order, which are worth putting so only when this is true.
   *
   * @example
   * if (forms.writesAny(doc)) forms.forEachForm(doc, entityCount, onForm);
   */
  writesAny(doc: number): boolean {
    return (this.records.unitsOf(doc) ?? 0) > 0;
  }

  /**
   * Hands `onForm` each (entity, form number, mentions) that document `doc` writes, the entity by its place among the
   * document's `entities` entities in ascending order of term. False, handing nothing, when its forms are not known,
   * or its record holds another number of entities (it cannot say which entity is which); true, handing nothing, when
   * its record is empty (it writes none).
   *
   * @example
   * forms.forEachForm(doc, terms.length, (entity, form, mentions) => table.uncountForm(terms[entity] ?? 0, form, mentions));
   */
  forEachForm(doc: number, entities: number, onForm: (entity: number, form: number, mentions: number) => void): boolean {
    const values = this.records.of(doc);
    if (values === undefined) return false;
    if (values.length === 0) return true;
    if (ArticleForms.entitiesIn(values) !== entities) return false;
    let entity = 0;
    for (let i = 0; i < values.length; entity++) {
      const value = values[i++] ?? 0;
      if ((value & PAIRS_FOLLOW) === 0) {
        if (value > 0) onForm(entity, 0, value / 2);
        continue;
      }
      for (let pair = 0; pair < (value - PAIRS_FOLLOW) / 2; pair++, i += 2) onForm(entity, values[i] ?? 0, values[i + 1] ?? 0);
    }
    return true;
  }

  /** The entities a record's numbers hold, or −1 when its pairs run past its end. */
  private static entitiesIn(values: Uint32Array): number {
    let entities = 0;
    let i = 0;
    while (i < values.length) {
      const value = values[i++] ?? 0;
      if ((value & PAIRS_FOLLOW) !== 0) i += value - PAIRS_FOLLOW;
      entities++;
    }
    return i === values.length ? entities : -1;
  }

  /**
   * Keeps the records of the `count` documents that `isLive` keeps, renumbered as a compaction renumbers them (see
   * {@link DocumentRecords.keepLive}).
   *
   * @example
   * forms.keepLive(store.count, (doc) => store.isLive(doc));
   */
  keepLive(count: number, isLive: (doc: number) => boolean): void {
    this.records.keepLive(count, isLive);
  }

  /**
   * Lets the room kept for more records go (see {@link DocumentRecords.fit}), as an index being saved is complete for now.
   *
   * @example
   * forms.fit();
   */
  fit(): void {
    this.records.fit();
  }

  /**
   * Writes the records of documents 0 to `docs` − 1 to `writer` (see {@link DocumentRecords.writeSteps}): about a
   * byte per entity of an article. A generator that pauses every few thousand documents; {@link readSteps} reads it.
   *
   * @example
   * const writer = new ByteWriter();
   * runAtOnce(forms.writeSteps(writer, store.count));
   */
  writeSteps(writer: ByteWriter, docs: number): Generator<void, void> {
    return this.records.writeSteps(writer, docs);
  }

  /**
   * The records {@link writeSteps} wrote for `docs` documents into `section`. A generator that pauses every few
   * thousand documents; throws a "News Corpus:" error when the section does not hold them exactly (a damaged file).
   *
   * @example
   * const forms = runAtOnce(ArticleForms.readSteps(section, paths.length));
   */
  static *readSteps(section: Uint8Array, docs: number): Generator<void, ArticleForms> {
    return new ArticleForms(yield* DocumentRecords.readSteps(section, docs, 'forms', 1));
  }
}
