import { DocStore } from './doc-store';
import { packCounts } from './postings';

/**
 * Integers per term in the scratch array: the epoch of the document that last touched the term, then its body,
 * title and entity counts. Side by side, because the term ids of a document are scattered over a large array:
 * one cache line per term instead of one in each of four arrays (the compaction reads every token twice).
 */
const STRIDE = 4;
const BODY = 1;
const TITLE = 2;
const ENTITY = 3;

/**
 * Aggregates a document's forward tokens into one packed (body, title, entity) count per distinct term,
 * with scratch arrays indexed by term id so that no map is allocated per document.
 *
 * @example
 * const counter = new TermCounter(dictionary.size);
 * counter.count(store, doc, (term, packed) => postings.add(term, doc, packed));
 */
export class TermCounter {
  private scratch = new Uint32Array(0);
  /** The distinct terms of the document being counted, in order of first sight. */
  private touched = new Uint32Array(0);
  private epoch = 0;

  constructor(termCount: number) {
    this.ensure(termCount);
  }

  /** Grows the scratch arrays to cover `termCount` terms. */
  ensure(termCount: number): void {
    if (termCount * STRIDE <= this.scratch.length) return;
    const capacity = Math.max(termCount, (this.scratch.length / STRIDE) * 2);
    const scratch = new Uint32Array(capacity * STRIDE);
    scratch.set(this.scratch);
    this.scratch = scratch;
  }

  /** Hands `onTerm` each distinct term of the document with its packed counts; returns the word ids it read (see {@link DocStore.tokensOnce}). */
  count(store: DocStore, doc: number, onTerm: (term: number, packed: number) => void): Uint32Array {
    const forward = store.tokensOnce(doc);
    const field = store.wholeEntityField(doc);
    const bodyEnd = store.bodyLen.array[doc] ?? 0;
    const titleEnd = forward.length;
    // A document has at most one distinct term per token and per entity pair.
    const most = titleEnd + (field.length >>> 1);
    if (this.touched.length < most) this.touched = new Uint32Array(Math.max(most, this.touched.length * 2));
    const scratch = this.scratch;
    const touched = this.touched;
    const epoch = ++this.epoch;
    let distinct = 0;
    for (let i = 0; i < titleEnd; i++) {
      const at = (forward[i] ?? 0) * STRIDE;
      if (scratch[at] !== epoch) distinct = firstSight(scratch, at, epoch, touched, distinct);
      const counted = at + (i < bodyEnd ? BODY : TITLE);
      scratch[counted] = (scratch[counted] ?? 0) + 1;
    }
    for (let i = 0; i + 1 < field.length; i += 2) {
      const at = (field[i] ?? 0) * STRIDE;
      if (scratch[at] !== epoch) distinct = firstSight(scratch, at, epoch, touched, distinct);
      scratch[at + ENTITY] = (scratch[at + ENTITY] ?? 0) + (field[i + 1] ?? 0);
    }
    for (let k = 0; k < distinct; k++) {
      const at = touched[k] ?? 0;
      onTerm(at / STRIDE, packCounts(scratch[at + BODY] ?? 0, scratch[at + TITLE] ?? 0, scratch[at + ENTITY] ?? 0));
    }
    return forward;
  }
}

/**
 * Notes the first sight of the term whose counts are at `scratch[at…]` in the document of `epoch`: zeroes its
 * counts and appends it to `touched`, which held `distinct` terms; returns how many it holds now.
 */
function firstSight(scratch: Uint32Array, at: number, epoch: number, touched: Uint32Array, distinct: number): number {
  scratch[at] = epoch;
  scratch[at + BODY] = 0;
  scratch[at + TITLE] = 0;
  scratch[at + ENTITY] = 0;
  touched[distinct] = at;
  return distinct + 1;
}
