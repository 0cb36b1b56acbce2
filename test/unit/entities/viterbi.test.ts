import * as assert from 'assert';
import * as fc from 'fast-check';
import { TAG_COUNT, TAG_START, isAllowed } from '../../../src/core/entities/tags';
import { LatticeState, MAX_LOWER_RUN, SentenceViterbi, forEachStretch, latticeStates } from '../../../src/core/entities/viterbi';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { FeatureContext } from '../../../src/core/entities/features';
import { constrainEmissions } from '../../../src/core/entities/partial-labels';

const TAGS_OF_STATE: readonly (readonly number[])[] = [
  [0],
  Array.from({ length: TAG_COUNT }, (_, tag) => tag).filter((tag) => tag === 0 || ((tag - 1) & 3) === 1 || ((tag - 1) & 3) === 2),
  Array.from({ length: TAG_COUNT }, (_, tag) => tag),
];

/** Each token of `text` as "word:state" (`LatticeState`). */
function latticeOf(text: string): string[] {
  const tokens = tokenize(text);
  const context = new FeatureContext();
  context.prepare(text, tokens);
  const states = new Uint8Array(tokens.count);
  latticeStates(tokens, context.position, states);
  return Array.from({ length: tokens.count }, (_, i) => `${text.slice(tokens.starts[i], tokens.ends[i])}:${states[i]}`);
}

/** The best sequence by trying every allowed one (small sentences only, tags within `masks` when given); its score, or -Infinity. */
function bruteForce(emissions: Float64Array, transitions: Float64Array, states: Uint8Array, length: number, masks?: Uint32Array): number {
  let best = -Infinity;
  const walk = (i: number, previous: number, score: number): void => {
    if (i === length) {
      best = Math.max(best, score);
      return;
    }
    for (const tag of TAGS_OF_STATE[states[i] ?? 0] ?? []) {
      if (!isAllowed(previous, tag, i === length - 1) || (masks !== undefined && !((masks[i] ?? 0) & (1 << tag)))) continue;
      const emission = states[i] === LatticeState.Outside ? 0 : emissions[i * TAG_COUNT + tag] ?? 0;
      walk(i + 1, tag, score + (transitions[previous * TAG_COUNT + tag] ?? 0) + emission);
    }
  };
  walk(0, TAG_START, 0);
  return best;
}

function scoreOf(tags: Uint8Array, emissions: Float64Array, transitions: Float64Array, states: Uint8Array): number {
  let score = 0;
  let previous = TAG_START;
  tags.forEach((tag, i) => {
    assert.ok(isAllowed(previous, tag, i === tags.length - 1), `tag ${tag} after ${previous} at ${i}`);
    assert.ok((TAGS_OF_STATE[states[i] ?? 0] ?? []).includes(tag));
    score += (transitions[previous * TAG_COUNT + tag] ?? 0) + (states[i] === LatticeState.Outside ? 0 : emissions[i * TAG_COUNT + tag] ?? 0);
    previous = tag;
  });
  return score;
}

describe('sentence-level (Viterbi) decoding', () => {
  it('finds the best well-formed tag sequence, as trying every sequence does', () => {
    const viterbi = new SentenceViterbi();
    const small = fc.integer({ min: -20, max: 20 });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(LatticeState.Outside, LatticeState.Continue, LatticeState.Any), { minLength: 1, maxLength: 4 }),
        fc.array(small, { minLength: 4 * TAG_COUNT, maxLength: 4 * TAG_COUNT }),
        fc.array(small, { minLength: (TAG_START + 1) * TAG_COUNT, maxLength: (TAG_START + 1) * TAG_COUNT }),
        (stateList, emissionList, transitionList) => {
          const states = Uint8Array.from(stateList);
          const emissions = Float64Array.from(emissionList);
          const transitions = Float64Array.from(transitionList);
          const tags = new Uint8Array(states.length);
          viterbi.decode(emissions, transitions, states, 0, states.length, tags);
          assert.strictEqual(scoreOf(tags, emissions, transitions, states), bruteForce(emissions, transitions, states, states.length));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds the best sequence within the tags a partial annotation allows, as trying every such sequence does', () => {
    const viterbi = new SentenceViterbi();
    const small = fc.integer({ min: -20, max: 20 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(LatticeState.Outside, LatticeState.Continue, LatticeState.Any), fc.integer({ min: 1, max: (1 << TAG_COUNT) - 1 })), { minLength: 1, maxLength: 4 }),
        fc.array(small, { minLength: 4 * TAG_COUNT, maxLength: 4 * TAG_COUNT }),
        fc.array(small, { minLength: (TAG_START + 1) * TAG_COUNT, maxLength: (TAG_START + 1) * TAG_COUNT }),
        (tokens, emissionList, transitionList) => {
          const states = Uint8Array.from(tokens, ([state]) => state);
          // O stays allowed outside the lattice, as `allowedTags` guarantees: such a token is never scored.
          const masks = Uint32Array.from(tokens, ([state, mask]) => (state === LatticeState.Outside ? mask | 1 : mask));
          const emissions = Float64Array.from(emissionList);
          const transitions = Float64Array.from(transitionList);
          const best = bruteForce(emissions, transitions, states, states.length, masks);
          fc.pre(best > -Infinity);
          const constrained = new Float64Array(emissions.length);
          constrainEmissions(emissions, masks, 0, states.length, constrained);
          const tags = new Uint8Array(states.length);
          viterbi.decode(constrained, transitions, states, 0, states.length, tags);
          tags.forEach((tag, i) => assert.ok((masks[i] ?? 0) & (1 << tag), `tag ${tag} at ${i} outside its mask`));
          assert.strictEqual(scoreOf(tags, emissions, transitions, states), best);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same tags decoding only the stretches between outside tokens as decoding whole sentences, ties included', () => {
    const viterbi = new SentenceViterbi();
    const state = fc.constantFrom(LatticeState.Outside, LatticeState.Outside, LatticeState.Continue, LatticeState.Any);
    const small = fc.integer({ min: -3, max: 3 }); // a narrow range makes ties frequent
    fc.assert(
      fc.property(
        fc.array(fc.tuple(state, fc.boolean()), { minLength: 1, maxLength: 30 }),
        fc.array(small, { minLength: 30 * TAG_COUNT, maxLength: 30 * TAG_COUNT }),
        fc.array(small, { minLength: (TAG_START + 1) * TAG_COUNT, maxLength: (TAG_START + 1) * TAG_COUNT }),
        (tokens, emissionList, transitionList) => {
          const count = tokens.length;
          const states = Uint8Array.from(tokens, ([tokenState]) => tokenState);
          const position = Uint8Array.from(tokens, ([, sentenceStart], i) => (i === 0 || sentenceStart ? 1 : 0));
          const emissions = Float64Array.from(emissionList);
          const transitions = Float64Array.from(transitionList);
          const whole = new Uint8Array(count);
          let from = 0;
          for (let i = 1; i <= count; i++) {
            if (i < count && position[i] === 0) continue;
            viterbi.decode(emissions, transitions, states, from, i, whole);
            from = i;
          }
          const stretches = new Uint8Array(count);
          const visited = new Uint8Array(count);
          forEachStretch(states, position, count, (start, end) => {
            visited.fill(1, start, end);
            viterbi.decode(emissions, transitions, states, start, end, stretches);
          });
          assert.deepStrictEqual([...stretches], [...whole]);
          visited.forEach((seen, i) => assert.ok(seen === 1 || states[i] === LatticeState.Outside, `token ${i} left out`));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decodes one sentence of a longer buffer, leaving the rest alone', () => {
    const states = Uint8Array.of(LatticeState.Any, LatticeState.Any, LatticeState.Any, LatticeState.Any);
    const emissions = new Float64Array(4 * TAG_COUNT);
    emissions[1 * TAG_COUNT + 4] = 10; // U-PER for token 1
    const tags = Uint8Array.of(9, 0, 0, 9);
    new SentenceViterbi().decode(emissions, new Float64Array((TAG_START + 1) * TAG_COUNT), states, 1, 3, tags);
    assert.deepStrictEqual([...tags], [9, 4, 0, 9]);
  });

  it('lets a token without a capital continue a name only shortly after a capitalised one in its sentence', () => {
    assert.strictEqual(MAX_LOWER_RUN, 3);
    assert.deepStrictEqual(
      latticeOf('then Bank of the old West: a b c d AT&T’s 2, x\nof'),
      ['then:0', 'Bank:2', 'of:1', 'the:1', 'old:1', 'West:2', '::1', 'a:1', 'b:1', 'c:0', 'd:0', 'AT&T:2', '’s:1', '2:1', ',:1', 'x:0', 'of:0'],
    );
  });

  it('lets a token with a digit begin a name when a capitalised word follows it in its sentence ("30 Seconds to Mars", "65th Air Division")', () => {
    assert.deepStrictEqual(
      latticeOf('band 30 Seconds to Mars and the 65th Air Division, 2 people\n1860 \nMunich'),
      ['band:0', '30:2', 'Seconds:2', 'to:1', 'Mars:2', 'and:1', 'the:1', '65th:2', 'Air:2', 'Division:2', ',:1', '2:1', 'people:1', '1860:0', 'Munich:2'],
    );
  });
});
