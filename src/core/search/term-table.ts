import { FNV_OFFSET, finish, fnvStep } from '../entities/hash';

/** Slots of a new table (a power of two); it doubles when half full. */
const INITIAL_SLOTS = 1 << 12;
/** V8 copies shorter slices of a string; from this length on a slice is a view into its source. */
const SLICE_VIEW_MIN_LENGTH = 13;

/**
 * Numbers terms in order of first sight, looking them up by their characters inside a longer string
 * (`idOf(source, start, end)`), so that indexing builds a string only for a term it has not seen: a
 * `Map<string, number>` needs a sliced string per word, and was a fifth of an indexing thread's time.
 * Open addressing over hashes of the characters; a hit is confirmed character by character, so two
 * different terms never share an id.
 *
 * @example
 * const table = new TermTable();
 * table.idOf('kim met putin', 0, 3);  // 0 ('kim')
 * table.idOf('putin and kim', 10, 13); // 0 again
 * table.terms;                          // ['kim']
 */
export class TermTable {
  /** The terms, indexed by id. Only ever appended to. */
  readonly terms: string[] = [];
  private hashes = new Int32Array(INITIAL_SLOTS);
  /** Id + 1 per slot; 0 marks an empty slot. */
  private ids = new Int32Array(INITIAL_SLOTS);

  /** The id of the term `source.slice(start, end)`, numbering it if it is new. */
  idOf(source: string, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = fnvStep(hash, source.charCodeAt(i));
    return this.lookup(source, start, end, hash, false);
  }

  /**
   * The id of the lower case of `text.slice(start, end)`, a word of ASCII letters and digits, given the
   * FNV-1a hash of its lower-cased codes (which the tokeniser computes while scanning it); numbers it if new.
   */
  idOfAsciiWord(text: string, start: number, end: number, lowerCaseHash: number): number {
    return this.lookup(text, start, end, lowerCaseHash, true);
  }

  private lookup(source: string, start: number, end: number, fnv: number, lowerCase: boolean): number {
    const hash = finish(fnv);
    const mask = this.ids.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.ids[slot] ?? 0;
      if (stored === 0) return this.add(slot, hash, ownCopy(lowerCase ? source.slice(start, end).toLowerCase() : source.slice(start, end)));
      if (this.hashes[slot] === hash && sameCharacters(this.terms[stored - 1] ?? '', source, start, end, lowerCase)) return stored - 1;
    }
  }

  private add(slot: number, hash: number, term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.hashes[slot] = hash;
    this.ids[slot] = id + 1;
    if (this.terms.length * 2 > this.ids.length) this.grow();
    return id;
  }

  private grow(): void {
    const hashes = this.hashes;
    const ids = this.ids;
    this.hashes = new Int32Array(hashes.length * 2);
    this.ids = new Int32Array(ids.length * 2);
    const mask = this.ids.length - 1;
    for (let old = 0; old < ids.length; old++) {
      const stored = ids[old] ?? 0;
      if (stored === 0) continue;
      const hash = hashes[old] ?? 0;
      let slot = hash & mask;
      while (this.ids[slot] !== 0) slot = (slot + 1) & mask;
      this.hashes[slot] = hash;
      this.ids[slot] = stored;
    }
  }
}

/** Whether `term` is `source.slice(start, end)` (lower-cased when `lowerCase`: ASCII letters and digits only). */
/**
 * `term` as a string of its own. V8 makes a slice of 13 characters or more a view into the string it was cut from
 * (and `toLowerCase` of a lower-case string returns it as it is): a table that outlives its batch would keep the
 * whole article of each such term alive, 3.7 KB an article at real length (measured with a heap count).
 */
function ownCopy(term: string): string {
  return term.length < SLICE_VIEW_MIN_LENGTH ? term : (JSON.parse(JSON.stringify(term)) as string);
}

function sameCharacters(term: string, source: string, start: number, end: number, lowerCase: boolean): boolean {
  if (term.length !== end - start) return false;
  for (let i = 0; i < term.length; i++) {
    const code = source.charCodeAt(start + i);
    if (term.charCodeAt(i) !== (lowerCase && code >= 65 && code <= 90 ? code | 0x20 : code)) return false;
  }
  return true;
}
