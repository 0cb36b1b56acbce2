import { finish, mix } from './hash';

/** Bit positions probed per (word, band): with 288,000 words in 2^22 bits, about 0.6 % false positives a band asked. */
const PROBES = 3;
/** Seeds of the two hashes whose combinations `h1 + k × h2` give the probes (Kirsch & Mitzenmacher 2006). */
const FIRST_SEED = 0x3c6ef372;
const SECOND_SEED = 0x1b873593;
/** The bit positions of the (word, band) last probed: one buffer, so a lookup allocates nothing. */
const PROBED = new Uint32Array(PROBES);

/**
 * Bands of a word's frequency rank in the pre-trained vectors' vocabulary beyond the words the model has vectors
 * for (`Lexicon.embeddings`): 1 and 2 (by the trainer's rank bounds); `KnownWords.bandOf` returns 0 for a word in
 * none of them.
 *
 * @example
 * for (let band = 1; band <= KNOWN_BANDS; band++) known.has(low, band);
 */
export const KNOWN_BANDS = 2;

/**
 * Which words the pre-trained vectors' vocabulary holds beyond the words the model has vectors and clusters for,
 * and in which rank band: a Bloom filter over (lower-case hash, band), compiled into the model so the runtime
 * needs no word list. A word GloVe has seen in Wikipedia and Gigaword but not often (surnames, towns) is a name far
 * more often than a word it has never seen ("Atwick", "Caloi"): docs/entities.md, sixteenth session. A word outside
 * the vocabulary reads as inside with a small probability (the false-positive rate the trainer logs); a word inside
 * always reads as inside. An empty set (no bits) knows no word.
 *
 * @example
 * const known = KnownWords.build(new Map([[lowHash, 2]]), 1 << 22);
 * known.bandOf(lowHash); // 2
 * known.bandOf(otherHash); // 0, or a band with probability known.falsePositiveRate a band
 */
export class KnownWords {
  private readonly mask: number;

  private constructor(
    /** The filter's bits, 32 a word; a power of two of them, or none. */
    readonly bits: Uint32Array,
  ) {
    this.mask = bits.length * 32 - 1;
  }

  /**
   * Builds the filter of `bands` (lower-case hash → band 1…KNOWN_BANDS) in `size` bits (a power of two, at least
   * 32). The bits are an OR of the entries, so the same map gives the same bytes in any order.
   */
  static build(bands: ReadonlyMap<number, number>, size: number): KnownWords {
    if (size < 32 || (size & (size - 1)) !== 0) throw new Error(`News Corpus: the known-word filter needs a power of two of at least 32 bits, not ${size}.`);
    const known = new KnownWords(new Uint32Array(size / 32));
    for (const [low, band] of bands) {
      if (band < 1 || band > KNOWN_BANDS) throw new Error(`News Corpus: a known word's band is 1 to ${KNOWN_BANDS}, not ${band}.`);
      known.probe(low, band);
      for (const bit of PROBED) known.bits[bit >>> 5] = (known.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
    return known;
  }

  /** The filter of a model without one: it knows no word, and the recogniser scores no known-word feature. */
  static none(): KnownWords {
    return new KnownWords(new Uint32Array(0));
  }

  /** Wraps the bits read from a model file (their count already checked to be 0 or a power of two). */
  static fromTables(bits: Uint32Array): KnownWords {
    return new KnownWords(bits);
  }

  /** Whether the filter has any bits: a model without it has no known-word features. */
  get present(): boolean {
    return this.bits.length > 0;
  }

  /** The chance that a word outside a band reads as inside it: the share of bits set, to the power PROBES. */
  get falsePositiveRate(): number {
    let set = 0;
    for (const word of this.bits) {
      let v = word;
      while (v !== 0) {
        v &= v - 1;
        set++;
      }
    }
    return this.bits.length === 0 ? 0 : (set / (this.bits.length * 32)) ** PROBES;
  }

  /** Whether the word with lower-case hash `low` is in band `band` (never false for a word that is). */
  has(low: number, band: number): boolean {
    if (this.bits.length === 0) return false;
    this.probe(low, band);
    for (const bit of PROBED) if (((this.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
    return true;
  }

  /** The first band (1…KNOWN_BANDS) that holds the word with lower-case hash `low`, or 0 when none does. */
  bandOf(low: number): number {
    for (let band = 1; band <= KNOWN_BANDS; band++) if (this.has(low, band)) return band;
    return 0;
  }

  /** Writes the bit positions of (word, band) into `PROBED`. */
  private probe(low: number, band: number): void {
    const key = mix(low, band);
    const first = finish(mix(FIRST_SEED, key));
    const second = finish(mix(SECOND_SEED, key)) | 1;
    for (let k = 0; k < PROBES; k++) PROBED[k] = (first + Math.imul(k, second)) & this.mask;
  }
}
