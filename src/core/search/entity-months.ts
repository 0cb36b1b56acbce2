import { DocStore } from './doc-store';

/**
 * The month number of a day (`YYYYMMDD`): year × 12 + month − 1, so that a range of months is a range of numbers.
 *
 * @example
 * monthOfDay(20230913); // 24272 (2023 × 12 + 8)
 */
export function monthOfDay(day: number): number {
  return ((day / 10000) | 0) * 12 + (((day / 100) | 0) % 100) - 1;
}

/**
 * A month number as `YYYY-MM`.
 *
 * @example
 * monthName(24272); // '2023-09'
 */
export function monthName(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/**
 * Mentions per month of the entities whose timelines are kept (the large ones: counting theirs from the
 * postings grows with their articles, tens of thousands for the largest), kept in step with the index: each
 * added or removed article adds or takes back its mentions of the kept entities. Forgotten by {@link clear}
 * when the postings are rebuilt.
 *
 * @example
 * const months = new EntityMonths();
 * months.keep(putinTerm, new Map([[24272, 9]]));
 * months.count(store, doc, 1); // an added article of 2023-09 that mentions Putin twice
 * months.of(putinTerm); // Map { 24272 => 11 }
 */
export class EntityMonths {
  private readonly byTerm = new Map<number, Map<number, number>>();

  /** The kept mentions per month number of the entity term `term` (in no order), or undefined if not kept. */
  of(term: number): ReadonlyMap<number, number> | undefined {
    return this.byTerm.get(term);
  }

  /** Keeps the mentions per month number of the entity term `term`, as counted from its postings. */
  keep(term: number, months: Map<number, number>): void {
    this.byTerm.set(term, months);
  }

  /** Adds (`sign` 1) or takes back (−1) the mentions of kept entities in the dated document `doc`. */
  count(store: DocStore, doc: number, sign: 1 | -1): void {
    if (this.byTerm.size === 0) return;
    const day = store.day.array[doc] ?? 0;
    if (day === 0) return;
    const month = monthOfDay(day);
    const tokens = store.entityField(doc);
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      const months = this.byTerm.get(tokens[i] ?? 0);
      if (months === undefined) continue;
      const mentions = (months.get(month) ?? 0) + sign * (tokens[i + 1] ?? 0);
      if (mentions > 0) months.set(month, mentions);
      else months.delete(month);
    }
  }

  /** Forgets every kept timeline. */
  clear(): void {
    this.byTerm.clear();
  }
}
