// Brown clustering (Brown et al. 1992) with Liang's window (Liang 2005, "Semi-supervised learning for natural
// language", section 3.2): training-time only, for the word-cluster features of the entity model (Ratinov & Roth
// 2009 use the bit-string prefixes of a word's path as features). Deterministic: the same sentences and options give
// the same paths on every run (no randomness; ties go to the first pair in slot order).
import { clusteredVocabulary } from '../src/core/entities/cluster-builder';
import { packClusters } from '../src/core/entities/word-clusters';

/**
 * Knobs of `brownPaths`; the defaults are what `npm run train` uses.
 *
 * @example
 * const options: BrownOptions = { window: 100, minCount: 2 };
 */
export interface BrownOptions {
  /** Clusters kept while the words are added one by one (Liang's window), and so the leaves of the tree. */
  readonly window?: number;
  /** A word seen fewer times than this gets no cluster. */
  readonly minCount?: number;
  /** At most this many words (the most frequent) get a cluster. */
  readonly maxWords?: number;
}

const DEFAULT_WINDOW = 1000;
const DEFAULT_MIN_COUNT = 3;
const DEFAULT_MAX_WORDS = 45000;
/**
 * Prefix lengths of the path that become the three packed levels, finest first: 20, 10 and 6 bits of Ratinov &
 * Roth's 4 / 6 / 10 / 20 (the model packs three levels a word; a path shorter than a length is its own prefix).
 */
export const BROWN_PREFIXES: readonly number[] = [20, 10, 6];

/**
 * The Brown cluster path of each word seen at least `minCount` times: a string of '0' and '1' from the root of the
 * merge tree to the word's cluster. `sentences` are lists of word hashes (`FeatureContext.low`); the bigrams are
 * counted within sentences. Words are added most frequent first; whenever the window holds one cluster more than
 * `window`, the two whose merge loses the least average mutual information between adjacent clusters are merged;
 * after the last word the remaining clusters are merged down to one, which gives the tree. Deterministic.
 *
 * @example
 * const paths = brownPaths(sentences, { window: 50 });
 * paths.get(hashOf('paris')); // '0110…', sharing a long prefix with 'lima'
 */
export function brownPaths(sentences: readonly Int32Array[], options: BrownOptions = {}): Map<number, string> {
  const window = Math.max(1, options.window ?? DEFAULT_WINDOW);
  const words = clusteredVocabulary(sentences, options.minCount ?? DEFAULT_MIN_COUNT, options.maxWords ?? DEFAULT_MAX_WORDS);
  const paths = new Map<number, string>();
  if (words.length === 0) return paths;
  const clustering = new WindowClustering(sentences, words, window);
  const leaves = clustering.run();
  for (const [slotWords, path] of leaves) for (const word of slotWords) paths.set(words[word] ?? 0, path);
  return paths;
}

/**
 * Packs each word's path into the three levels `WordClusters` stores: the prefixes of `BROWN_PREFIXES` bits, each
 * numbered by its rank among the distinct prefixes of that length in string order (at most one per leaf, so a
 * window of up to 1,022 clusters fits a level).
 *
 * @example
 * packBrownPaths(new Map([[hash, '0110']])).get(hash); // packClusters([0, 0, 0])
 */
export function packBrownPaths(paths: ReadonlyMap<number, string>): Map<number, number> {
  const numbers = BROWN_PREFIXES.map((length) => {
    const prefixes = [...new Set([...paths.values()].map((path) => path.slice(0, length)))].sort();
    return new Map(prefixes.map((prefix, index) => [prefix, index]));
  });
  const packed = new Map<number, number>();
  for (const [word, path] of paths) packed.set(word, packClusters(BROWN_PREFIXES.map((length, level) => numbers[level]?.get(path.slice(0, length)) ?? 0)));
  return packed;
}

/**
 * Liang's algorithm over `slots = window + 1` cluster slots. Mutual information is kept in counts (every term is
 * N times the probability-weighted one, which changes no comparison): q(s, t) = n(s, t) · log(n(s, t) · N / (u(s) ·
 * u(t))) for the bigram count n and the unigram counts u. The loss of merging s and t is
 * S(s) + S(t) − q(s, t) − q(t, s) − X(s, t), where S(c) is every q term in c's row or column and X(s, t) every term
 * of the merged cluster. Each pair's cell holds X(s, t) + q(s, t) + q(t, s), updated only where a change touches it
 * (Liang's O(window²) update, which skips the pairs with no bigram to the clusters that changed), so finding the best
 * merge reads one row of cells a cluster. Counts are kept by row and by column, so every loop reads memory in order.
 */
class WindowClustering {
  private readonly slots: number;
  /** Bigram counts between clusters, count[s · slots + t] for s then t, and the same by the second cluster's row. */
  private readonly count: Float64Array;
  private readonly countInto: Float64Array;
  private readonly q: Float64Array;
  private readonly after: Float64Array;
  private readonly unigram: Float64Array;
  private readonly rowQ: Float64Array;
  private readonly columnQ: Float64Array;
  private readonly rowN: Float64Array;
  private readonly columnN: Float64Array;
  private readonly active: Uint8Array;
  private readonly touched: Uint8Array;
  private readonly members: number[][];
  /** The tree node each slot's cluster is: a leaf number below `leafCount`, else an internal node. */
  private readonly node: Int32Array;
  private readonly log: Float64Array;
  private readonly logTotal: number;
  /** Each word's bigrams to later words and from earlier ones, as [word, count] runs (compressed rows). */
  private readonly nextStarts: Int32Array;
  private readonly nextWords: Int32Array;
  private readonly nextCounts: Float64Array;
  private readonly previousStarts: Int32Array;
  private readonly previousWords: Int32Array;
  private readonly previousCounts: Float64Array;
  private readonly unigrams: Float64Array;
  private readonly slotOfWord: Int32Array;

  constructor(sentences: readonly Int32Array[], private readonly words: readonly number[], window: number) {
    const indexOf = new Map(words.map((word, index) => [word, index]));
    const size = words.length;
    this.unigrams = new Float64Array(size);
    const pairs = new Map<number, number>();
    let total = 0;
    for (const sentence of sentences) {
      let previous = -1;
      for (const hash of sentence) {
        const word = indexOf.get(hash) ?? -1;
        total++;
        if (word !== -1) this.unigrams[word] = (this.unigrams[word] ?? 0) + 1;
        if (word !== -1 && previous !== -1) pairs.set(previous * size + word, (pairs.get(previous * size + word) ?? 0) + 1);
        previous = word;
      }
    }
    const bigrams = [...pairs].sort((a, b) => a[0] - b[0]);
    const rows = (key: (pair: number) => [number, number]): { starts: Int32Array; words: Int32Array; counts: Float64Array } => {
      const keyed = bigrams.map(([pair, n]) => [...key(pair), n] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const starts = new Int32Array(size + 1);
      for (const [row] of keyed) starts[row + 1] = (starts[row + 1] ?? 0) + 1;
      for (let row = 0; row < size; row++) starts[row + 1] = (starts[row + 1] ?? 0) + (starts[row] ?? 0);
      return { starts, words: Int32Array.from(keyed, (entry) => entry[1]), counts: Float64Array.from(keyed, (entry) => entry[2]) };
    };
    const next = rows((pair) => [Math.floor(pair / size), pair % size]);
    const previous = rows((pair) => [pair % size, Math.floor(pair / size)]);
    this.nextStarts = next.starts;
    this.nextWords = next.words;
    this.nextCounts = next.counts;
    this.previousStarts = previous.starts;
    this.previousWords = previous.words;
    this.previousCounts = previous.counts;
    this.log = new Float64Array(total + 1);
    for (let i = 1; i <= total; i++) this.log[i] = Math.log(i);
    this.logTotal = this.log[total] ?? 0;
    this.slots = Math.min(window, size) + 1;
    const cells = this.slots * this.slots;
    this.count = new Float64Array(cells);
    this.countInto = new Float64Array(cells);
    this.q = new Float64Array(cells);
    this.after = new Float64Array(cells);
    this.unigram = new Float64Array(this.slots);
    this.rowQ = new Float64Array(this.slots);
    this.columnQ = new Float64Array(this.slots);
    this.rowN = new Float64Array(this.slots);
    this.columnN = new Float64Array(this.slots);
    this.active = new Uint8Array(this.slots);
    this.touched = new Uint8Array(this.slots);
    this.members = Array.from({ length: this.slots }, () => []);
    this.node = new Int32Array(this.slots);
    this.slotOfWord = new Int32Array(size).fill(-1);
  }

  /** Runs the clustering; returns each leaf's words (indices into `words`) with its path. */
  run(): Array<[number[], string]> {
    const leaves: number[][] = [];
    const children: Array<[number, number]> = [];
    const newLeaf = (slot: number): void => {
      this.node[slot] = -1 - leaves.length;
      leaves.push(this.members[slot] ?? []);
    };
    let used = 0;
    for (let word = 0; word < this.words.length; word++) {
      if (used === this.slots) {
        const freed = this.mergeBest(null);
        this.add(word, freed);
      } else this.add(word, used++);
    }
    if (used === this.slots) this.mergeBest(null);
    for (let slot = 0; slot < this.slots; slot++) if (this.active[slot]) newLeaf(slot);
    while (this.activeCount() > 1) this.mergeBest(children);
    // Nodes: leaves are -1 - index, internal nodes their index in `children`; the root is the last merge.
    const paths: Array<[number[], string]> = [];
    const walk = (node: number, path: string): void => {
      if (node < 0) {
        paths.push([leaves[-1 - node] ?? [], path]);
        return;
      }
      const [left, right] = children[node] ?? [0, 0];
      walk(left, `${path}0`);
      walk(right, `${path}1`);
    };
    walk(children.length === 0 ? -1 : children.length - 1, '');
    return paths;
  }

  private activeCount(): number {
    let n = 0;
    for (let slot = 0; slot < this.slots; slot++) n += this.active[slot] ?? 0;
    return n;
  }

  private activeSlots(): number[] {
    const slots: number[] = [];
    for (let slot = 0; slot < this.slots; slot++) if (this.active[slot]) slots.push(slot);
    return slots;
  }

  /** n · log(n · N / (u1 · u2)), the count-weighted pointwise mutual information of n bigrams (0 when n is 0). */
  private term(n: number, u1: number, u2: number): number {
    return n > 0 ? n * ((this.log[n] ?? 0) + this.logTotal - (this.log[u1] ?? 0) - (this.log[u2] ?? 0)) : 0;
  }

  /** Adds `n` bigrams of cluster `from` followed by cluster `to`. */
  private addCount(from: number, to: number, n: number): void {
    const { slots } = this;
    this.count[from * slots + to] = (this.count[from * slots + to] ?? 0) + n;
    this.countInto[to * slots + from] = (this.countInto[to * slots + from] ?? 0) + n;
  }

  /** q(s, t) + q(t, s), which the pair's cell holds with X(s, t) (they change only when s or t does). */
  private pairTerms(s: number, t: number): number {
    return (this.q[s * this.slots + t] ?? 0) + (this.q[t * this.slots + s] ?? 0);
  }

  /** Puts `word` in `slot` as a cluster of its own and updates every table. */
  private add(word: number, slot: number): void {
    const { slots, count } = this;
    this.active[slot] = 1;
    this.members[slot] = [word];
    this.slotOfWord[word] = slot;
    const u = this.unigrams[word] ?? 0;
    this.unigram[slot] = u;
    for (let k = this.nextStarts[word] ?? 0; k < (this.nextStarts[word + 1] ?? 0); k++) {
      const other = this.slotOfWord[this.nextWords[k] ?? 0] ?? -1;
      if (other !== -1) this.addCount(slot, other, this.nextCounts[k] ?? 0);
    }
    for (let k = this.previousStarts[word] ?? 0; k < (this.previousStarts[word + 1] ?? 0); k++) {
      const other = this.slotOfWord[this.previousWords[k] ?? 0] ?? -1;
      // The word's bigram with itself is already counted as one to a later word.
      if (other !== -1 && other !== slot) this.addCount(other, slot, this.previousCounts[k] ?? 0);
    }
    // Every pair whose merged cluster has a bigram with the new one gains those terms.
    this.touched.fill(0);
    const neighbours: number[] = [];
    for (let d = 0; d < slots; d++) {
      if (d === slot || !this.active[d]) continue;
      const out = count[slot * slots + d] ?? 0;
      const into = this.countInto[slot * slots + d] ?? 0;
      this.rowN[d] = (this.rowN[d] ?? 0) + into;
      this.columnN[d] = (this.columnN[d] ?? 0) + out;
      if (out > 0 || into > 0) {
        this.touched[d] = 1;
        neighbours.push(d);
      }
    }
    this.refreshSlot(slot);
    for (let s = 0; s < slots; s++) {
      if (!this.touched[s]) continue;
      for (let t = 0; t < slots; t++) {
        if (t === s || t === slot || !this.active[t] || (this.touched[t] && t < s)) continue;
        const ust = (this.unigram[s] ?? 0) + (this.unigram[t] ?? 0);
        const cell = Math.min(s, t) * slots + Math.max(s, t);
        this.after[cell] =
          (this.after[cell] ?? 0) +
          this.term((this.countInto[slot * slots + s] ?? 0) + (this.countInto[slot * slots + t] ?? 0), ust, u) +
          this.term((count[slot * slots + s] ?? 0) + (count[slot * slots + t] ?? 0), u, ust);
      }
    }
    for (let s = 0; s < slots; s++) if (s !== slot && this.active[s]) this.after[Math.min(s, slot) * slots + Math.max(s, slot)] = this.mergedTerms(s, slot, neighbours) + this.pairTerms(s, slot);
  }

  /**
   * Recomputes q for `slot`'s row and column and the row and column sums of every slot (after `slot`'s counts or
   * unigram changed; the other q terms depend only on their own counts and unigrams).
   */
  private refreshSlot(slot: number): void {
    const { slots, count, q } = this;
    const u = this.unigram[slot] ?? 0;
    let rowQ = 0;
    let columnQ = 0;
    let rowN = 0;
    let columnN = 0;
    for (let d = 0; d < slots; d++) {
      if (!this.active[d]) continue;
      const out = count[slot * slots + d] ?? 0;
      const into = this.countInto[slot * slots + d] ?? 0;
      const ud = this.unigram[d] ?? 0;
      const qOut = this.term(out, u, ud);
      const qIn = this.term(into, ud, u);
      if (d !== slot) {
        this.rowQ[d] = (this.rowQ[d] ?? 0) - (q[d * slots + slot] ?? 0) + qIn;
        this.columnQ[d] = (this.columnQ[d] ?? 0) - (q[slot * slots + d] ?? 0) + qOut;
      }
      q[slot * slots + d] = qOut;
      q[d * slots + slot] = qIn;
      rowQ += qOut;
      columnQ += qIn;
      rowN += out;
      columnN += into;
    }
    this.rowQ[slot] = rowQ;
    this.columnQ[slot] = columnQ;
    this.rowN[slot] = rowN;
    this.columnN[slot] = columnN;
  }

  /**
   * X(a, s): every mutual-information term of the cluster a ∪ s. The terms against clusters d with no bigram to or
   * from s are a's own terms with a's unigram replaced by the merged one, which the row and column sums give at
   * once; only the d of `around` (every cluster s has a bigram with, or more) are summed one by one.
   */
  private mergedTerms(a: number, s: number, around: readonly number[]): number {
    const { slots, count } = this;
    const ua = this.unigram[a] ?? 0;
    const uas = ua + (this.unigram[s] ?? 0);
    const shift = (this.log[uas] ?? 0) - (this.log[ua] ?? 0);
    const aa = count[a * slots + a] ?? 0;
    const as = count[a * slots + s] ?? 0;
    const sa = count[s * slots + a] ?? 0;
    const ss = count[s * slots + s] ?? 0;
    let total = this.term(aa + as + sa + ss, uas, uas);
    total += (this.rowQ[a] ?? 0) - (this.q[a * slots + a] ?? 0) - (this.q[a * slots + s] ?? 0) - ((this.rowN[a] ?? 0) - aa - as) * shift;
    total += (this.columnQ[a] ?? 0) - (this.q[a * slots + a] ?? 0) - (this.q[s * slots + a] ?? 0) - ((this.columnN[a] ?? 0) - aa - sa) * shift;
    for (const d of around) {
      if (d === a || d === s) continue;
      const ud = this.unigram[d] ?? 0;
      const out = count[s * slots + d] ?? 0;
      if (out > 0) {
        const ad = count[a * slots + d] ?? 0;
        total += this.term(ad + out, uas, ud) - this.term(ad, uas, ud);
      }
      const into = this.countInto[s * slots + d] ?? 0;
      if (into > 0) {
        const da = this.countInto[a * slots + d] ?? 0;
        total += this.term(da + into, ud, uas) - this.term(da, ud, uas);
      }
    }
    return total;
  }

  /** Merges the pair of active clusters that loses the least; returns the slot it freed. */
  private mergeBest(children: Array<[number, number]> | null): number {
    const { slots, q } = this;
    const s = new Float64Array(slots);
    for (let c = 0; c < slots; c++) if (this.active[c]) s[c] = (this.rowQ[c] ?? 0) + (this.columnQ[c] ?? 0) - (q[c * slots + c] ?? 0);
    let best = Infinity;
    let bestA = -1;
    let bestB = -1;
    for (let a = 0; a < slots; a++) {
      if (!this.active[a]) continue;
      const sa = s[a] ?? 0;
      for (let b = a + 1; b < slots; b++) {
        if (!this.active[b]) continue;
        const loss = sa + (s[b] ?? 0) - (this.after[a * slots + b] ?? 0);
        if (loss < best) {
          best = loss;
          bestA = a;
          bestB = b;
        }
      }
    }
    this.merge(bestA, bestB);
    if (children !== null) {
      children.push([this.node[bestA] ?? 0, this.node[bestB] ?? 0]);
      this.node[bestA] = children.length - 1;
    }
    return bestB;
  }

  /** Merges cluster `b` into `a` (a < b) and updates every table; `b` is left empty. */
  private merge(a: number, b: number): void {
    const { slots, count, q } = this;
    const ua = this.unigram[a] ?? 0;
    const ub = this.unigram[b] ?? 0;
    const uab = ua + ub;
    this.touched.fill(0);
    for (let d = 0; d < slots; d++) {
      if (d === a || d === b || !this.active[d]) continue;
      if ((count[a * slots + d] ?? 0) > 0 || (this.countInto[a * slots + d] ?? 0) > 0 || (count[b * slots + d] ?? 0) > 0 || (this.countInto[b * slots + d] ?? 0) > 0) this.touched[d] = 1;
    }
    for (let s = 0; s < slots; s++) {
      if (!this.touched[s]) continue;
      const sa = count[s * slots + a] ?? 0;
      const as = count[a * slots + s] ?? 0;
      const sb = count[s * slots + b] ?? 0;
      const bs = count[b * slots + s] ?? 0;
      for (let t = 0; t < slots; t++) {
        if (t === s || t === a || t === b || !this.active[t] || (this.touched[t] && t < s)) continue;
        const ust = (this.unigram[s] ?? 0) + (this.unigram[t] ?? 0);
        const toA = sa + (this.countInto[a * slots + t] ?? 0);
        const fromA = as + (count[a * slots + t] ?? 0);
        const toB = sb + (this.countInto[b * slots + t] ?? 0);
        const fromB = bs + (count[b * slots + t] ?? 0);
        const cell = Math.min(s, t) * slots + Math.max(s, t);
        this.after[cell] =
          (this.after[cell] ?? 0) +
          this.term(toA + toB, ust, uab) +
          this.term(fromA + fromB, uab, ust) -
          this.term(toA, ust, ua) -
          this.term(fromA, ua, ust) -
          this.term(toB, ust, ub) -
          this.term(fromB, ub, ust);
      }
    }
    // Counts of a ∪ b in slot a; b's q terms leave the row and column sums of the others.
    const within = (count[a * slots + a] ?? 0) + (count[a * slots + b] ?? 0) + (count[b * slots + a] ?? 0) + (count[b * slots + b] ?? 0);
    count[a * slots + a] = within;
    this.countInto[a * slots + a] = within;
    for (let d = 0; d < slots; d++) {
      if (d !== a && d !== b && this.active[d]) {
        this.addCount(a, d, count[b * slots + d] ?? 0);
        this.addCount(d, a, this.countInto[b * slots + d] ?? 0);
        this.rowQ[d] = (this.rowQ[d] ?? 0) - (q[d * slots + b] ?? 0);
        this.columnQ[d] = (this.columnQ[d] ?? 0) - (q[b * slots + d] ?? 0);
      }
    }
    for (let d = 0; d < slots; d++) {
      count[b * slots + d] = 0;
      count[d * slots + b] = 0;
      this.countInto[b * slots + d] = 0;
      this.countInto[d * slots + b] = 0;
      q[b * slots + d] = 0;
      q[d * slots + b] = 0;
    }
    this.active[b] = 0;
    this.unigram[a] = uab;
    this.unigram[b] = 0;
    const moved = this.members[b] ?? [];
    for (const word of moved) this.slotOfWord[word] = a;
    this.members[a] = [...(this.members[a] ?? []), ...moved];
    this.members[b] = [];
    this.refreshSlot(a);
    const everySlot = this.activeSlots();
    for (const s of everySlot) if (s !== a) this.after[Math.min(s, a) * slots + Math.max(s, a)] = this.mergedTerms(a, s, everySlot) + this.pairTerms(a, s);
  }
}
