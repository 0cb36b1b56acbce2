import { ByteReader } from './byte-codec';
import { readEntityCounts } from './count-codec';
import { readDocIds } from './doc-id-codec';
import { EncodedPostings } from './postings';
import { runAtOnce } from './time-slices';

/** Postings read between two chances to pause while the fields are made (a few ms). */
const FIELD_STEP_POSTINGS = 100_000;
/** The two passes of making fields: count each article's pairs, then place them. */
const COUNT = 0;
const PLACE = 1;

/** Every article's pairs, by document: article `doc`'s are `pairs[2 × starts[doc] .. 2 × starts[doc + 1])`. */
interface Fields {
  readonly starts: Uint32Array;
  readonly pairs: Uint32Array;
}

/**
 * The entity fields of the articles of a saved index, made from its postings: the file keeps each (term, mentions)
 * pair once, in the postings, where it kept them twice (there and in every article's forward ids, 13 % of the text).
 * Two views, each made when first needed (or in the background, see {@link entitySteps}): the entity terms' pairs
 * (what entity figures, timelines, hover companions and exports read), with their exact mention counts, from the
 * entity terms' postings (a few % of them); and the whole field, the words of entity names too, which only a
 * compaction reads (it reads every posting). Pairs come in term id order.
 *
 * @example
 * const fields = new SavedEntityFields(encoded, offsets, (term) => terms[term]?.startsWith(ENTITY_TERM_PREFIX) === true);
 * fields.entityPairs(doc); // Uint32Array [putinTerm, 3, kremlinTerm, 1]
 */
export class SavedEntityFields {
  private entities: Fields | undefined;
  private whole: Fields | undefined;

  /** `offsets`: term t's postings are the `offsets[t]..offsets[t + 1]`; `isEntityTerm` tells entity terms from words. */
  constructor(
    private readonly encoded: EncodedPostings,
    private readonly offsets: Uint32Array,
    private readonly isEntityTerm: (term: number) => boolean,
  ) {}

  /** Makes the entity terms' pairs if not made yet, pausing every few ms. */
  *entitySteps(): Generator<void, void> {
    this.entities ??= yield* this.transpose(this.isEntityTerm);
  }

  /** Makes the whole fields if not made yet, pausing every few ms (a compaction does this before it reads them). */
  *wholeSteps(): Generator<void, void> {
    this.whole ??= yield* this.transpose(() => true);
  }

  /** Drops the whole fields (most of the pairs: a compaction has read them, and the next one makes them again). */
  forgetWhole(): void {
    this.whole = undefined;
  }

  /** The entity terms' (term, mentions) pairs of article `doc`, without copying. */
  entityPairs(doc: number): Uint32Array {
    if (this.entities === undefined) runAtOnce(this.entitySteps());
    return pairsOf(this.entities as Fields, doc);
  }

  /** All the (term, mentions) pairs of article `doc`'s entity field (name words' mentions as the postings keep them, at most 15). */
  wholePairs(doc: number): Uint32Array {
    if (this.whole === undefined) runAtOnce(this.wholeSteps());
    return pairsOf(this.whole as Fields, doc);
  }

  /**
   * The pairs of the terms `wanted` picks, by document: counted per document in a first pass over their postings,
   * placed in a second. The loops over postings are plain functions: V8 does not optimise a long loop inside a
   * generator while it runs (no on-stack replacement), and they took ~50 ns a posting there.
   */
  private *transpose(wanted: (term: number) => boolean): Generator<void, Fields> {
    const docCount = this.encoded.docCount;
    const termCount = this.offsets.length - 1;
    const starts = new Uint32Array(docCount + 1);
    const list = new TermList();
    let pairs = new Uint32Array(0);
    let next = new Uint32Array(0);
    for (const pass of [COUNT, PLACE]) {
      let sinceYield = 0;
      for (let term = 0; term < termCount; term++) {
        const count = (this.offsets[term + 1] ?? 0) - (this.offsets[term] ?? 0);
        if (count === 0 || !wanted(term)) continue;
        list.decode(this.encoded, term, count);
        if (pass === COUNT) list.countPairs(starts);
        else list.placePairs(term, next, pairs);
        sinceYield += count;
        if (sinceYield >= FIELD_STEP_POSTINGS) {
          sinceYield = 0;
          yield;
        }
      }
      if (pass === COUNT) {
        for (let doc = 0; doc < docCount; doc++) starts[doc + 1] = (starts[doc + 1] ?? 0) + (starts[doc] ?? 0);
        pairs = new Uint32Array(2 * (starts[docCount] ?? 0));
        next = starts.slice(0, docCount);
      }
    }
    return { starts, pairs };
  }
}

/** One term's postings decoded from the file: its documents and their entity-field mentions (reused from term to term). */
class TermList {
  private docs = new Uint32Array(0);
  private mentions = new Uint16Array(0);
  private count = 0;

  decode(encoded: EncodedPostings, term: number, count: number): void {
    if (this.docs.length < count) {
      this.docs = new Uint32Array(count);
      this.mentions = new Uint16Array(count);
    }
    const reader = new ByteReader(encoded.bytes, encoded.starts[term] ?? 0);
    readDocIds(reader, this.docs, 0, count, encoded.docCount);
    readEntityCounts(reader, this.mentions, 0, count);
    if (reader.position !== encoded.starts[term + 1]) throw new Error('News Corpus: a posting list holds other bytes than described.');
    this.count = count;
  }

  /** Adds one to `starts[doc + 1]` for each document whose field names the term. */
  countPairs(starts: Uint32Array): void {
    const { docs, mentions } = this;
    for (let i = 0; i < this.count; i++) {
      if (mentions[i] === 0) continue;
      const doc = (docs[i] ?? 0) + 1;
      starts[doc] = (starts[doc] ?? 0) + 1;
    }
  }

  /** Puts (term, mentions) at `next[doc]` in `pairs` for each document whose field names the term. */
  placePairs(term: number, next: Uint32Array, pairs: Uint32Array): void {
    const { docs, mentions } = this;
    for (let i = 0; i < this.count; i++) {
      const times = mentions[i] ?? 0;
      if (times === 0) continue;
      const doc = docs[i] ?? 0;
      const at = next[doc] ?? 0;
      pairs[2 * at] = term;
      pairs[2 * at + 1] = times;
      next[doc] = at + 1;
    }
  }
}

function pairsOf(fields: Fields, doc: number): Uint32Array {
  return fields.pairs.subarray(2 * (fields.starts[doc] ?? 0), 2 * (fields.starts[doc + 1] ?? 0));
}
