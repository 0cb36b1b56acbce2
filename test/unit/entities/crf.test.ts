import * as assert from 'assert';
import { SentenceForwardBackward } from '../../../src/core/entities/crf';
import { constrainEmissions } from '../../../src/core/entities/partial-labels';
import { TAG_COUNT, TAG_O, TAG_START, TagPart, isAllowed, tagOf } from '../../../src/core/entities/tags';
import { LatticeState, SentenceViterbi, TAGS_OF_STATE } from '../../../src/core/entities/viterbi';
import { seededRandom } from '../../../src/core/random';

interface Path {
  readonly tags: number[];
  readonly score: number;
}

/** Every path of the lattice and its score as `SentenceViterbi` scores it (no step for an outside token after an outside one). */
function allPaths(emissions: Float64Array, transitions: Float64Array, states: Uint8Array, length: number, masks?: Uint32Array): Path[] {
  const paths: Path[] = [];
  const walk = (i: number, tags: number[], score: number): void => {
    if (i === length) {
      paths.push({ tags: [...tags], score });
      return;
    }
    const previous = i === 0 ? TAG_START : tags[i - 1] ?? TAG_O;
    for (const tag of TAGS_OF_STATE[states[i] ?? 0] ?? []) {
      if (!isAllowed(previous, tag, i === length - 1) || (masks !== undefined && !((masks[i] ?? 0) & (1 << tag)))) continue;
      const skipped = i > 0 && states[i] === LatticeState.Outside && states[i - 1] === LatticeState.Outside;
      const step = skipped ? 0 : (transitions[previous * TAG_COUNT + tag] ?? 0) + (states[i] === LatticeState.Outside ? 0 : emissions[i * TAG_COUNT + tag] ?? 0);
      tags.push(tag);
      walk(i + 1, tags, score + step);
      tags.pop();
    }
  };
  walk(0, [], 0);
  return paths;
}

function randomLattice(seed: number, states: readonly LatticeState[]): { emissions: Float64Array; transitions: Float64Array; states: Uint8Array } {
  const next = seededRandom(seed);
  return {
    emissions: Float64Array.from({ length: states.length * TAG_COUNT }, () => (next() - 0.5) * 6),
    transitions: Float64Array.from({ length: (TAG_START + 1) * TAG_COUNT }, () => (next() - 0.5) * 4),
    states: Uint8Array.from(states),
  };
}

const LATTICES: readonly (readonly LatticeState[])[] = [
  [LatticeState.Any],
  [LatticeState.Any, LatticeState.Continue, LatticeState.Any],
  [LatticeState.Outside, LatticeState.Any, LatticeState.Any, LatticeState.Outside, LatticeState.Outside, LatticeState.Any],
  [LatticeState.Any, LatticeState.Continue, LatticeState.Continue, LatticeState.Outside],
];

describe('forward–backward over the decoder lattice (the CRF objective)', () => {
  it('agrees with brute force on small lattices: the log partition function, the tag marginals and the expected transitions', () => {
    const crf = new SentenceForwardBackward();
    LATTICES.forEach((lattice, n) => {
      const { emissions, transitions, states } = randomLattice(17 + n, lattice);
      const length = lattice.length;
      const marginals = new Float64Array(length * TAG_COUNT);
      const pairs = new Float64Array((TAG_START + 1) * TAG_COUNT);
      const logZ = crf.run(emissions, transitions, states, 0, length, marginals, pairs);
      const paths = allPaths(emissions, transitions, states, length);
      const z = paths.reduce((sum, path) => sum + Math.exp(path.score), 0);
      assert.ok(Math.abs(logZ - Math.log(z)) < 1e-9, `log Z ${logZ} against ${Math.log(z)}`);
      const bruteMarginals = new Float64Array(length * TAG_COUNT);
      const brutePairs = new Float64Array((TAG_START + 1) * TAG_COUNT);
      for (const path of paths) {
        const p = Math.exp(path.score) / z;
        path.tags.forEach((tag, i) => {
          bruteMarginals[i * TAG_COUNT + tag] = (bruteMarginals[i * TAG_COUNT + tag] ?? 0) + p;
          const skipped = i > 0 && states[i] === LatticeState.Outside && states[i - 1] === LatticeState.Outside;
          if (!skipped) brutePairs[(i === 0 ? TAG_START : path.tags[i - 1] ?? 0) * TAG_COUNT + tag] = (brutePairs[(i === 0 ? TAG_START : path.tags[i - 1] ?? 0) * TAG_COUNT + tag] ?? 0) + p;
        });
      }
      for (let k = 0; k < marginals.length; k++) assert.ok(Math.abs((marginals[k] ?? 0) - (bruteMarginals[k] ?? 0)) < 1e-9, `lattice ${n}, marginal ${k}`);
      for (let k = 0; k < pairs.length; k++) assert.ok(Math.abs((pairs[k] ?? 0) - (brutePairs[k] ?? 0)) < 1e-9, `lattice ${n}, pair ${k}`);
      // The most probable path is the Viterbi path.
      const best = paths.reduce((a, b) => (b.score > a.score ? b : a));
      const out = new Uint8Array(length);
      new SentenceViterbi().decode(emissions, transitions, states, 0, length, out);
      assert.deepStrictEqual(Array.from(out), best.tags);
    });
  });

  it('gives marginals that sum to 1 per token, within a sentence that starts past token 0', () => {
    const crf = new SentenceForwardBackward();
    const lattice = [LatticeState.Outside, LatticeState.Any, LatticeState.Any, LatticeState.Continue, LatticeState.Continue, LatticeState.Outside, LatticeState.Any, LatticeState.Any, LatticeState.Continue, LatticeState.Outside, LatticeState.Outside, LatticeState.Any];
    const { emissions, transitions, states } = randomLattice(5, lattice);
    const from = 2;
    const to = lattice.length;
    const marginals = new Float64Array((to - from) * TAG_COUNT);
    const pairs = new Float64Array((TAG_START + 1) * TAG_COUNT);
    crf.run(emissions, transitions, states, from, to, marginals, pairs);
    for (let i = 0; i < to - from; i++) {
      const sum = marginals.subarray(i * TAG_COUNT, (i + 1) * TAG_COUNT).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) < 1e-9, `token ${i + from}: ${sum}`);
    }
    // One transition per token but the outside ones after an outside one.
    const steps = to - from - 1;
    assert.ok(Math.abs(pairs.reduce((a, b) => a + b, 0) - steps) < 1e-9);
  });

  it('gives a zero gradient when the model is sure of the gold path, and only the annotated paths under constrained emissions', () => {
    const crf = new SentenceForwardBackward();
    const states = Uint8Array.from([LatticeState.Any, LatticeState.Any, LatticeState.Outside, LatticeState.Any]);
    const gold = [tagOf(0, TagPart.Begin), tagOf(0, TagPart.Last), TAG_O, tagOf(1, TagPart.Unit)];
    const emissions = new Float64Array(states.length * TAG_COUNT);
    gold.forEach((tag, i) => (emissions[i * TAG_COUNT + tag] = 60));
    const transitions = new Float64Array((TAG_START + 1) * TAG_COUNT);
    const marginals = new Float64Array(states.length * TAG_COUNT);
    crf.run(emissions, transitions, states, 0, states.length, marginals);
    for (let i = 0; i < states.length; i++) {
      for (let tag = 0; tag < TAG_COUNT; tag++) assert.ok(Math.abs((tag === gold[i] ? 1 : 0) - (marginals[i * TAG_COUNT + tag] ?? 0)) < 1e-12, `token ${i}, tag ${tag}`);
    }
    // With the first two tokens fixed to the annotation and the last free, the probability stays among the paths true to it.
    const { emissions: random, transitions: randomTransitions } = randomLattice(3, [...states]);
    const masks = Uint32Array.from([1 << (gold[0] ?? 0), 1 << (gold[1] ?? 0), 1 << TAG_O, (1 << TAG_O) | (1 << tagOf(3, TagPart.Unit))]);
    const constrained = new Float64Array(random.length);
    constrainEmissions(random, masks, 0, states.length, constrained);
    crf.run(constrained, randomTransitions, states, 0, states.length, marginals);
    const paths = allPaths(random, randomTransitions, states, states.length, masks);
    const z = paths.reduce((sum, path) => sum + Math.exp(path.score), 0);
    const last = paths.filter((path) => path.tags[3] === TAG_O).reduce((sum, path) => sum + Math.exp(path.score), 0) / z;
    assert.ok(Math.abs((marginals[3 * TAG_COUNT + TAG_O] ?? 0) - last) < 1e-9);
    assert.ok(Math.abs((marginals[3 * TAG_COUNT + TAG_O] ?? 0) + (marginals[3 * TAG_COUNT + tagOf(3, TagPart.Unit)] ?? 0) - 1) < 1e-9);
    assert.strictEqual(marginals[0 * TAG_COUNT + (gold[0] ?? 0)], 1);
  });
});
