import { UNDATED } from './date-values';

/**
 * Which of two equally scored articles comes first.
 *
 * @example
 * index.search('date:2023-09', { tieBreak: 'oldest' }); // date filters score 0: oldest article first
 */
export type TieBreak = 'newest' | 'oldest';

/**
 * How results are ordered: by how well they match (score, then date by the {@link TieBreak}), or by date alone in the
 * tie break's direction (then score), for a chronology.
 *
 * @example
 * index.search('interest rates', { order: 'date', tieBreak: 'oldest' }); // the first article on it first
 */
export type ResultOrder = 'relevance' | 'date';

/**
 * A bounded heap keeping the `limit` best (score, then date, then id; by date first in `'date'` order) documents
 * seen, so ranking costs O(matches · log limit) instead of sorting every match.
 *
 * @example
 * const top = new TopK(10, days, 'newest');
 * top.offer(doc, score);
 * top.sorted(); // [{ doc, score }, …] best first
 */
export class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  private readonly newestFirst: boolean;
  private readonly byDate: boolean;

  constructor(
    private readonly limit: number,
    private readonly days: Int32Array,
    tieBreak: TieBreak,
    order: ResultOrder = 'relevance',
  ) {
    this.newestFirst = tieBreak === 'newest';
    this.byDate = order === 'date';
  }

  offer(doc: number, score: number): void {
    if (this.limit <= 0) return;
    if (this.docs.length < this.limit) {
      this.docs.push(doc);
      this.scores.push(score);
      this.siftUp(this.docs.length - 1);
    } else if (this.better(doc, score, this.docs[0] ?? 0, this.scores[0] ?? 0)) {
      this.docs[0] = doc;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  /**
   * The least score a newcomer needs to have a chance: -Infinity while there is room; else the worst kept score
   * (a newcomer with that very score may still come in on its date or id), and Infinity when nothing is kept.
   *
   * @example
   * if (bound < top.floor()) continue; // a document scoring at most `bound` would not be kept: not worth scoring
   */
  floor(): number {
    if (this.limit <= 0) return Infinity;
    // By date, a low score does not keep a document out.
    return this.docs.length < this.limit || this.byDate ? -Infinity : (this.scores[0] ?? -Infinity);
  }

  /** The kept documents, best first. */
  sorted(): { doc: number; score: number }[] {
    const entries = this.docs.map((doc, i) => ({ doc, score: this.scores[i] ?? 0 }));
    return entries.sort((a, b) => (this.better(a.doc, a.score, b.doc, b.score) ? -1 : 1));
  }

  /** Whether (docA, scoreA) ranks above (docB, scoreB). */
  private better(docA: number, scoreA: number, docB: number, scoreB: number): boolean {
    // By relevance the days are read only on a tie of scores: this runs for every match offered to a full heap.
    if (!this.byDate && scoreA !== scoreB) return scoreA > scoreB;
    const dayA = this.days[docA] ?? 0;
    const dayB = this.days[docB] ?? 0;
    // A chronology lists the undated articles after the dated ones, oldest first too.
    if (this.byDate && dayA !== dayB && (dayA === UNDATED || dayB === UNDATED)) return dayB === UNDATED;
    if (dayA !== dayB) return this.newestFirst ? dayA > dayB : dayA < dayB;
    if (scoreA !== scoreB) return scoreA > scoreB;
    return docA < docB;
  }

  // The heap's root is the worst kept document, the one a better newcomer replaces.
  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.worse(child, parent)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let worst = parent;
      if (left < this.docs.length && this.worse(left, worst)) worst = left;
      if (right < this.docs.length && this.worse(right, worst)) worst = right;
      if (worst === parent) return;
      this.swap(parent, worst);
      parent = worst;
    }
  }

  private worse(i: number, j: number): boolean {
    return this.better(this.docs[j] ?? 0, this.scores[j] ?? 0, this.docs[i] ?? 0, this.scores[i] ?? 0);
  }

  private swap(i: number, j: number): void {
    const doc = this.docs[i] ?? 0;
    const score = this.scores[i] ?? 0;
    this.docs[i] = this.docs[j] ?? 0;
    this.scores[i] = this.scores[j] ?? 0;
    this.docs[j] = doc;
    this.scores[j] = score;
  }
}
