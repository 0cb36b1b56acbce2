import { FNV_OFFSET, finish, fnvStep } from '../entities/hash';

/** Slots of a new table (a power of two); it doubles when half full. */
const INITIAL_SLOTS = 1 << 12;
/** V8 copies shorter slices of a string; from this length on a slice is a view into its source. */
const SLICE_VIEW_MIN_LENGTH = 13;
/**
 * Integers per slot: the term's hash, its id + 1 (0 marks an empty slot), and its characters packed a byte each
 * in two integers when it is a short one (see {@link INLINE_LENGTH}), 0 otherwise. One cache line per probe.
 */
const SLOT = 4;
const ID = 1;
const CHARS = 2;
/**
 * Terms of up to this many characters, each a code 1–127, are compared with the two integers of their slot
 * instead of with their string: most words of a text are this short, and the string is elsewhere in memory
 * (a lookup that reads it misses the CPU's cache once more; the index's tokenising was most of its time in
 * such misses, measured line by line). Their characters determine the two integers and back, so the
 * comparison is as exact as comparing the strings.
 */
const INLINE_LENGTH = 8;
/** Codes of up to 7 bits: four of them fill an integer without reaching its sign bit, which marks "not inline". */
const INLINE_CODE_LIMIT = 0x80;

/**
 * Numbers terms in order of first sight, looking them up by their characters inside a longer string
 * (`idOf(source, start, end)`), so that indexing builds a string only for a term it has not seen: a
 * `Map<string, number>` needs a sliced string per word, and was a fifth of an indexing thread's time.
 * Open addressing over hashes of the characters; a hit is confirmed character by character (from the slot
 * itself for a short term), so two different terms never share an id.
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
  private slots = new Int32Array(INITIAL_SLOTS * SLOT);

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
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    const inline = end - start <= INLINE_LENGTH;
    const low = inline ? packedCodes(source, start, Math.min(end, start + INLINE_LENGTH / 2), lowerCase) : 0;
    const high = inline ? packedCodes(source, start + INLINE_LENGTH / 2, end, lowerCase) : 0;
    // A term with a code 0 or over 127 is not inline: its characters are compared as a long term's.
    const short = inline && low > 0 && high >= 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const stored = slots[at + ID] ?? 0;
      if (stored === 0) return this.add(at, hash, short ? low : 0, short ? high : 0, ownCopy(lowerCase ? source.slice(start, end).toLowerCase() : source.slice(start, end)));
      if (slots[at] !== hash) continue;
      const storedLow = slots[at + CHARS] ?? 0;
      if (short ? storedLow === low && slots[at + CHARS + 1] === high : storedLow === 0 && sameCharacters(this.terms[stored - 1] ?? '', source, start, end, lowerCase)) return stored - 1;
    }
  }

  private add(at: number, hash: number, low: number, high: number, term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    const slots = this.slots;
    slots[at] = hash;
    slots[at + ID] = id + 1;
    slots[at + CHARS] = low;
    slots[at + CHARS + 1] = high;
    if (this.terms.length * 2 > slots.length / SLOT) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / SLOT - 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + ID] === 0) continue;
      let slot = (old[from] ?? 0) & mask;
      while (slots[slot * SLOT + ID] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(from, from + SLOT), slot * SLOT);
    }
    this.slots = slots;
  }
}

/**
 * The codes of `source.slice(start, end)` (at most 4; lower-cased when `lowerCase`: ASCII letters and digits only),
 * one byte each, the first in the lowest byte; 0 for none; −1 when a code is 0 (which a byte cannot tell apart from
 * a shorter term) or not ASCII.
 */
function packedCodes(source: string, start: number, end: number, lowerCase: boolean): number {
  let packed = 0;
  for (let i = end - 1; i >= start; i--) {
    const code = source.charCodeAt(i);
    if (code === 0 || code >= INLINE_CODE_LIMIT) return -1;
    packed = (packed << 8) | (lowerCase && code >= 65 && code <= 90 ? code | 0x20 : code);
  }
  return packed;
}

/**
 * `term` as a string of its own. V8 makes a slice of 13 characters or more a view into the string it was cut from
 * (and `toLowerCase` of a lower-case string returns it as it is): a table that outlives its batch would keep the
 * whole article of each such term alive, 3.7 KB an article at real length (measured with a heap count).
 */
function ownCopy(term: string): string {
  return term.length < SLICE_VIEW_MIN_LENGTH ? term : (JSON.parse(JSON.stringify(term)) as string);
}

/** Whether `term` is `source.slice(start, end)` (lower-cased when `lowerCase`: ASCII letters and digits only). */
function sameCharacters(term: string, source: string, start: number, end: number, lowerCase: boolean): boolean {
  if (term.length !== end - start) return false;
  for (let i = 0; i < term.length; i++) {
    const code = source.charCodeAt(start + i);
    if (term.charCodeAt(i) !== (lowerCase && code >= 65 && code <= 90 ? code | 0x20 : code)) return false;
  }
  return true;
}
