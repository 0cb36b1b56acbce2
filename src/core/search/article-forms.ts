import { ByteWriter } from './byte-codec';
import { DocumentRecords } from './document-records';

/**
 * The mentions an article writes in one full form of an entity's name: the form by its number among the entity's
 * forms (see `EntityTable.formNumber`).
 *
 * @example
 * const written: FormMentions = { form: 0, mentions: 2 }; // twice in the entity's first-counted form
 */
export interface FormMentions {
  readonly form: number;
  readonly mentions: number;
}

/** A record's number for an entity: `2 × mentions` of its first form (0: none), or `2 × k + 1` for k pairs that follow. */
const PAIRS_FOLLOW = 1;

/**
 * The full forms each article writes its entities' names in, with their mentions, by document: what an article that
 * leaves the index (removed, or replaced by its new version) takes back from the form counts that name an entity
 * ("Kim Jong-un", written most, over "Kim Jong-Un"). Those counts grew with every save of an article, and an
 * article saved often could rename an entity after its own spelling.
 *
 * A record holds one number per entity of the article, in ascending order of entity term, the order the article's
 * entity field gives them in (`DocStore.entityField`): the terms are not stored again. The number is 2 × the
 * mentions of the entity's first form, the common case (one byte saved), or 2 × k + 1 followed by k (form number,
 * mentions) pairs. Saved with the index (its 'forms' section, see {@link writeSteps}); an article loaded from a cache
 * saved before that section was has no record: its forms are not known ({@link forEachForm} says so).
 *
 * @example
 * const forms = new ArticleForms();
 * forms.record(0, [[{ form: 0, mentions: 2 }], [{ form: 1, mentions: 1 }]]); // article 0: two entities
 * forms.forEachForm(0, 2, (entity, form, mentions) => table.uncountForm(terms[entity], form, mentions)); // true
 */
export class ArticleForms {
  constructor(private readonly records = new DocumentRecords('forms', 1)) {}

  /**
   * Records the forms of document `doc` (the last added): for each of its entities, in ascending order of entity
   * term, the mentions of each full form it writes (none, when it writes none the entity table counts). Throws a
   * "News Corpus:" error for a document recorded already (or older).
   *
   * @example
   * forms.record(3, [[{ form: 0, mentions: 1 }], [], [{ form: 0, mentions: 1 }, { form: 2, mentions: 3 }]]);
   */
  record(doc: number, entities: readonly (readonly FormMentions[])[]): void {
    const values: number[] = [];
    for (const written of entities) {
      const [only] = written;
      if (written.length === 0) values.push(0);
      else if (written.length === 1 && only?.form === 0) values.push(2 * only.mentions);
      else {
        values.push(2 * written.length + PAIRS_FOLLOW);
        for (const { form, mentions } of written) values.push(form, mentions);
      }
    }
    this.records.record(doc, values);
  }

  /**
   * Hands `onForm` each (entity, form number, mentions) that document `doc` writes, the entity by its place among the
   * document's `entities` entities in ascending order of term. False, handing nothing, when its forms are not known,
   * or its record holds another number of entities (it cannot say which entity is which).
   *
   * @example
   * forms.forEachForm(doc, terms.length, (entity, form, mentions) => table.uncountForm(terms[entity] ?? 0, form, mentions));
   */
  forEachForm(doc: number, entities: number, onForm: (entity: number, form: number, mentions: number) => void): boolean {
    const values = this.records.of(doc);
    if (values === undefined || ArticleForms.entitiesIn(values) !== entities) return false;
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
