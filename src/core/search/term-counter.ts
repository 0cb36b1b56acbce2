import { DocStore } from './doc-store';
import { packCounts } from './postings';

/**
 * Aggregates a document's forward tokens into one packed (body, title, entity) count per distinct term,
 * with scratch arrays indexed by term id so that no map is allocated per document.
 *
 * @example
 * const counter = new TermCounter(dictionary.size);
 * counter.count(store, doc, (term, packed) => postings.add(term, doc, packed));
 */
export class TermCounter {
  private seen = new Int32Array(0);
  private body = new Uint32Array(0);
  private title = new Uint32Array(0);
  private entity = new Uint32Array(0);
  private touched: number[] = [];
  private epoch = 0;

  constructor(termCount: number) {
    this.ensure(termCount);
  }

  /** Grows the scratch arrays to cover `termCount` terms. */
  ensure(termCount: number): void {
    if (termCount <= this.seen.length) return;
    const capacity = Math.max(termCount, this.seen.length * 2);
    const seen = new Int32Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
    this.body = new Uint32Array(capacity);
    this.title = new Uint32Array(capacity);
    this.entity = new Uint32Array(capacity);
  }

  count(store: DocStore, doc: number, onTerm: (term: number, packed: number) => void): void {
    const forward = store.tokens(doc);
    const field = store.wholeEntityField(doc);
    const bodyEnd = store.bodyLen.array[doc] ?? 0;
    const titleEnd = forward.length;
    this.epoch++;
    this.touched.length = 0;
    const { body, title, entity } = this;
    for (let i = 0; i < bodyEnd; i++) {
      const term = this.touch(forward[i] ?? 0);
      body[term] = (body[term] ?? 0) + 1;
    }
    for (let i = bodyEnd; i < titleEnd; i++) {
      const term = this.touch(forward[i] ?? 0);
      title[term] = (title[term] ?? 0) + 1;
    }
    for (let i = 0; i + 1 < field.length; i += 2) {
      const term = this.touch(field[i] ?? 0);
      entity[term] = (entity[term] ?? 0) + (field[i + 1] ?? 0);
    }
    for (const term of this.touched) onTerm(term, packCounts(this.body[term] ?? 0, this.title[term] ?? 0, this.entity[term] ?? 0));
  }

  private touch(term: number): number {
    if (this.seen[term] !== this.epoch) {
      this.seen[term] = this.epoch;
      this.body[term] = 0;
      this.title[term] = 0;
      this.entity[term] = 0;
      this.touched.push(term);
    }
    return term;
  }
}
