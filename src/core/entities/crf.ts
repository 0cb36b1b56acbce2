import { TAG_COUNT, TAG_O, TAG_START, isAllowed } from './tags';
import { LatticeState, OPENS, PREDECESSORS_AFTER, TAGS_OF_STATE } from './viterbi';

const OUTSIDE_TAGS = Uint8Array.of(TAG_O);

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * The linear-chain CRF's distribution over the tag sequences of one sentence (Lafferty, McCallum & Pereira 2001) on
 * the lattice `SentenceViterbi` decodes: the same BILOU grammar (`isAllowed`), the same `LatticeState` constraints
 * and the same scores (a sequence scores the sum of its tags' emissions and its transitions, TAG_START before the
 * first token; a token outside every name after another one adds nothing), so p(path) ∝ exp(score) and the best path
 * of `SentenceViterbi` is the most probable one. Forward–backward in the log domain gives the log partition function,
 * each token's tag marginals and the expected transition counts: the CRF gradient is the gold path's features less
 * their expectation under these. Training only. Buffers are reused between calls: not thread-safe.
 *
 * @example
 * const crf = new SentenceForwardBackward();
 * crf.run(emissions, transitions, states, from, to, marginals, pairs); // marginals[(i − from) × TAG_COUNT + tag]
 */
export class SentenceForwardBackward {
  private alpha = new Float64Array(0);
  private beta = new Float64Array(0);
  /** The log partition function of the last sentence run. */
  logZ = 0;

  /**
   * Runs forward–backward over tokens `from … to − 1` (arguments as `SentenceViterbi.decode`). Writes each token's
   * tag marginals to `marginals[(i − from) × TAG_COUNT + tag]` (0 for tags the lattice forbids), and when `pairs` is
   * given adds each transition's expected count over the sentence to `pairs[previous × TAG_COUNT + tag]` (previous
   * TAG_START for the first token; nothing for a token outside after an outside one: that step has no score).
   * A tag scoring −Infinity (`constrainEmissions`) takes no probability. Returns the log partition function.
   */
  run(emissions: Float64Array, transitions: Float64Array, states: Uint8Array, from: number, to: number, marginals: Float64Array, pairs?: Float64Array): number {
    const length = to - from;
    const size = length * TAG_COUNT;
    if (this.alpha.length < size) {
      this.alpha = new Float64Array(Math.max(size, this.alpha.length * 2));
      this.beta = new Float64Array(this.alpha.length);
    }
    const alpha = this.alpha;
    const beta = this.beta;
    alpha.fill(-Infinity, 0, size);
    beta.fill(-Infinity, 0, size);
    const emission = (i: number, tag: number): number => (states[i] === LatticeState.Outside ? 0 : emissions[i * TAG_COUNT + tag] ?? 0);
    const skipped = (i: number): boolean => states[i] === LatticeState.Outside && states[i - 1] === LatticeState.Outside;
    const firstLast = length === 1;
    for (const tag of TAGS_OF_STATE[states[from] ?? 0] ?? OUTSIDE_TAGS) {
      if (!isAllowed(TAG_START, tag, firstLast)) continue;
      alpha[tag] = (transitions[TAG_START * TAG_COUNT + tag] ?? 0) + emission(from, tag);
    }
    for (let i = from + 1; i < to; i++) {
      const row = (i - from) * TAG_COUNT;
      if (skipped(i)) {
        alpha[row + TAG_O] = alpha[row - TAG_COUNT + TAG_O] ?? -Infinity;
        continue;
      }
      const last = i === to - 1;
      const predecessorsOf = PREDECESSORS_AFTER[states[i - 1] ?? 0] ?? [];
      for (const tag of TAGS_OF_STATE[states[i] ?? 0] ?? OUTSIDE_TAGS) {
        if (last && OPENS[tag] === 1) continue;
        let sum = -Infinity;
        for (const previous of predecessorsOf[tag] ?? OUTSIDE_TAGS) sum = logAdd(sum, (alpha[row - TAG_COUNT + previous] ?? -Infinity) + (transitions[previous * TAG_COUNT + tag] ?? 0));
        alpha[row + tag] = sum + emission(i, tag);
      }
    }
    const lastRow = (length - 1) * TAG_COUNT;
    let logZ = -Infinity;
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      if ((alpha[lastRow + tag] ?? -Infinity) === -Infinity) continue;
      beta[lastRow + tag] = 0;
      logZ = logAdd(logZ, alpha[lastRow + tag] ?? -Infinity);
    }
    for (let i = to - 1; i > from; i--) {
      const row = (i - from) * TAG_COUNT;
      if (skipped(i)) {
        beta[row - TAG_COUNT + TAG_O] = beta[row + TAG_O] ?? -Infinity;
        continue;
      }
      const predecessorsOf = PREDECESSORS_AFTER[states[i - 1] ?? 0] ?? [];
      for (const tag of TAGS_OF_STATE[states[i] ?? 0] ?? OUTSIDE_TAGS) {
        const after = (beta[row + tag] ?? -Infinity) + emission(i, tag);
        if (after === -Infinity) continue;
        for (const previous of predecessorsOf[tag] ?? OUTSIDE_TAGS) {
          const at = row - TAG_COUNT + previous;
          beta[at] = logAdd(beta[at] ?? -Infinity, (transitions[previous * TAG_COUNT + tag] ?? 0) + after);
        }
      }
    }
    for (let k = 0; k < size; k++) {
      const sum = (alpha[k] ?? -Infinity) + (beta[k] ?? -Infinity);
      marginals[k] = sum === -Infinity ? 0 : Math.exp(sum - logZ);
    }
    if (pairs) {
      for (let tag = 0; tag < TAG_COUNT; tag++) pairs[TAG_START * TAG_COUNT + tag] = (pairs[TAG_START * TAG_COUNT + tag] ?? 0) + (marginals[tag] ?? 0);
      for (let i = from + 1; i < to; i++) {
        if (skipped(i)) continue;
        const row = (i - from) * TAG_COUNT;
        const predecessorsOf = PREDECESSORS_AFTER[states[i - 1] ?? 0] ?? [];
        for (const tag of TAGS_OF_STATE[states[i] ?? 0] ?? OUTSIDE_TAGS) {
          const after = (beta[row + tag] ?? -Infinity) + emission(i, tag);
          if (after === -Infinity) continue;
          for (const previous of predecessorsOf[tag] ?? OUTSIDE_TAGS) {
            const before = alpha[row - TAG_COUNT + previous] ?? -Infinity;
            if (before === -Infinity) continue;
            const at = previous * TAG_COUNT + tag;
            pairs[at] = (pairs[at] ?? 0) + Math.exp(before + (transitions[at] ?? 0) + after - logZ);
          }
        }
      }
    }
    this.logZ = logZ;
    return logZ;
  }
}
