import { POSITION_SENTENCE_START } from './features';
import { TAG_COUNT, TAG_O, TAG_START, TagPart, isAllowed, partOf } from './tags';
import { TokenBuffer, TokenKind } from './tokenizer';

/**
 * What the lattice lets a token be. Outside: O only, and the token is not scored at all (its scores are
 * the same on every path, so they cannot change the best one). Continue: O, or I / L of an open name
 * (a word without a capital inside a name, "Bank of England"). Any: every tag. A Continue token is scored by its own word's features only (cached per word): scoring its
 * context too gained wikigold 0.9 F1 and lost GUM news 0.35 by cross-validation, for about 40 % of the speed.
 *
 * @example
 * latticeStates(tokens, context.position, states); // states[i] is a LatticeState
 */
export const enum LatticeState {
  Outside = 0,
  Continue = 1,
  Any = 2,
}

/** Token kinds that may begin an entity: a capital letter, or letters of a script without case. */
const MAY_BEGIN = TokenKind.HasUpper | TokenKind.HasCaseless;
/**
 * Most tokens without a capital in a row that may continue a name ("Bank of the West": 2; "Minister of
 * Natural Resources and Environment": 1 at a time). Past it a name must have ended: every further
 * lower-case token is outside without being scored, which is where the decoder's speed comes from (78 %
 * of news tokens have no capital).
 */
export const MAX_LOWER_RUN = 3;

/**
 * Whether token `i`, without a capital, may still begin a name: it has a digit and a capitalised word follows it in
 * its sentence ("30 Seconds to Mars", "65th Air Division", "1860 Munich"). 64 of wikigold's 3,558 names (33 ORG)
 * and 48 of CoNLL train's begin so, and a lattice that keeps such tokens outside can never tag them.
 */
function beginsWithNumber(kinds: Uint8Array, position: Uint8Array, count: number, i: number): boolean {
  return ((kinds[i] ?? 0) & TokenKind.HasDigit) !== 0 && i + 1 < count && !((position[i + 1] ?? 0) & POSITION_SENTENCE_START) && ((kinds[i + 1] ?? 0) & TokenKind.FirstUpper) !== 0;
}

/**
 * Which tags each token may take (`LatticeState`), from its kind and the sentence starts (bit 1 of
 * `position`). A token may begin a name only with a capital (or caseless letters): in CoNLL-2003 only
 * 0.2 % of entity starts have none ("de Klerk" is read from "Klerk"); or with a digit before a capitalised
 * word (`beginsWithNumber`: CoNLL dev +0.25 and BTC +1.0 on two shuffles, the news sets within the noise). A token without one may continue
 * a name when at most `MAX_LOWER_RUN` such tokens separate it from a capitalised one in its sentence.
 * Such a token may also end a name (0.9 % of CoNLL's names and 3 % of wikigold's end in one, most of
 * them MISC): allowing that only to tokens with a digit lost 2.2 F1 on wikigold and 3.4 on GUM news by
 * cross-validation, although it stops "How did" from being a name.
 * Punctuation may continue a name too ("AT&T", "Workers’ Party"): allowing only letters, digits and
 * joining marks (not ",", ":", "(") lost 1.6 F1 on wikigold and 1.2 on GUM news by cross-validation.
 *
 * @example
 * const states = new Uint8Array(tokens.count);
 * latticeStates(tokens, context.position, states);
 */
export function latticeStates(tokens: TokenBuffer, position: Uint8Array, out: Uint8Array): void {
  const { kinds, count } = tokens;
  let run = MAX_LOWER_RUN;
  for (let i = 0; i < count; i++) {
    if ((position[i] ?? 0) & POSITION_SENTENCE_START) run = MAX_LOWER_RUN;
    const kind = kinds[i] ?? 0;
    if (kind & MAY_BEGIN || beginsWithNumber(kinds, position, count, i)) {
      out[i] = LatticeState.Any;
      run = 0;
    } else if (run < MAX_LOWER_RUN) {
      out[i] = LatticeState.Continue;
      run++;
    } else {
      out[i] = LatticeState.Outside;
    }
  }
}

/**
 * Calls `decode(from, to)` for each stretch of a sentence Viterbi must decode: a run of tokens the lattice
 * does not keep outside (`states`), with the outside token before and after it in the same sentence where there
 * is one. Every other token can only be O, and an O token cuts the lattice: the paths before and after it are
 * independent, so decoding the stretches alone gives the tags decoding the whole sentence gives, ties included
 * (the scores are integer sums, and the stretch's start only shifts every path's score by the same amount).
 * Sentences start where bit 1 of `position` is set. The tokens of no stretch are left to the caller (tag them O).
 *
 * @example
 * forEachStretch(states, context.position, tokens.count, (from, to) => viterbi.decode(emissions, transitions, states, from, to, tags));
 */
export function forEachStretch(states: Uint8Array, position: Uint8Array, count: number, decode: (from: number, to: number) => void): void {
  let i = 0;
  while (i < count) {
    if (states[i] === LatticeState.Outside) {
      i++;
      continue;
    }
    const from = i === 0 || (position[i] ?? 0) & POSITION_SENTENCE_START ? i : i - 1;
    let end = i + 1;
    while (end < count && !((position[end] ?? 0) & POSITION_SENTENCE_START) && states[end] !== LatticeState.Outside) end++;
    const closedByOutside = end < count && !((position[end] ?? 0) & POSITION_SENTENCE_START);
    decode(from, closedByOutside ? end + 1 : end);
    i = end;
  }
}

/** The tags `isAllowed` lets follow `previous` within a sentence, per tag: `PREDECESSORS[tag]`. */
const PREDECESSORS: readonly Uint8Array[] = Array.from({ length: TAG_COUNT }, (_, tag) =>
  Uint8Array.from({ length: TAG_COUNT }, (_, previous) => previous).filter((previous) => isAllowed(previous, tag, false)),
);
const ALL_TAGS = Uint8Array.from({ length: TAG_COUNT }, (_, tag) => tag);
const CONTINUE_TAGS = ALL_TAGS.filter((tag) => tag === TAG_O || partOf(tag) === TagPart.Inside || partOf(tag) === TagPart.Last);
const OUTSIDE_TAGS = Uint8Array.of(TAG_O);
/** The tags a token in each `LatticeState` may take: `TAGS_OF_STATE[state]` (shared with the forward–backward of `crf.ts`). */
export const TAGS_OF_STATE: readonly Uint8Array[] = [OUTSIDE_TAGS, CONTINUE_TAGS, ALL_TAGS];
/**
 * `PREDECESSORS[tag]` less the tags a token in `state` cannot take, per state of the previous token and tag:
 * `PREDECESSORS_AFTER[state][tag]`. The others score −Infinity there, so they can never be the best
 * predecessor; leaving them out (after a token outside a name: only O) changes no result, ties included.
 */
export const PREDECESSORS_AFTER: readonly (readonly Uint8Array[])[] = TAGS_OF_STATE.map((allowed) => PREDECESSORS.map((predecessors) => predecessors.filter((previous) => allowed.includes(previous))));
/** 1 for B and I: tags that leave a name open, so cannot end a sentence. */
export const OPENS: Uint8Array = Uint8Array.from(ALL_TAGS, (tag) => (tag !== TAG_O && partOf(tag) <= TagPart.Inside ? 1 : 0));

/**
 * Finds the best tag sequence of one sentence under the BILOU grammar (`isAllowed`) by dynamic
 * programming over the lattice: a sequence scores the sum of its tags' emission scores and of its
 * transition scores (previous tag → tag, TAG_START before the first token). Ties go to the lower tag
 * number. Buffers are reused between calls: not thread-safe.
 *
 * @example
 * const viterbi = new SentenceViterbi();
 * viterbi.decode(emissions, transitions, states, from, to, tags); // tags[from…to) set
 */
export class SentenceViterbi {
  private score = new Float64Array(TAG_COUNT);
  private next = new Float64Array(TAG_COUNT);
  private back = new Uint8Array(0);

  /**
   * Tags tokens `from … to − 1` (one sentence) into `out`. `emissions[i * TAG_COUNT + tag]` is token i's
   * score for a tag (read only where the lattice allows the tag), `transitions[previous * TAG_COUNT + tag]`
   * the transition score, `states[i]` a `LatticeState`.
   */
  decode(emissions: Float64Array, transitions: Float64Array, states: Uint8Array, from: number, to: number, out: Uint8Array): void {
    const length = to - from;
    if (this.back.length < length * TAG_COUNT) this.back = new Uint8Array(Math.max(length * TAG_COUNT, this.back.length * 2));
    const back = this.back;
    let score = this.score;
    let next = this.next;
    score.fill(-Infinity);
    const firstTags = TAGS_OF_STATE[states[from] ?? 0] ?? OUTSIDE_TAGS;
    const firstLast = length === 1;
    for (const tag of firstTags) {
      if (!isAllowed(TAG_START, tag, firstLast)) continue;
      score[tag] = (transitions[TAG_START * TAG_COUNT + tag] ?? 0) + (states[from] === LatticeState.Outside ? 0 : emissions[from * TAG_COUNT + tag] ?? 0);
    }
    for (let i = from + 1; i < to; i++) {
      const state = states[i] ?? 0;
      const row = (i - from) * TAG_COUNT;
      if (state === LatticeState.Outside && states[i - 1] === LatticeState.Outside) {
        // Only O before and now: the same step on every path, nothing to add.
        back[row] = TAG_O;
        continue;
      }
      next.fill(-Infinity);
      const last = i === to - 1;
      const emissionRow = i * TAG_COUNT;
      const tags = TAGS_OF_STATE[state] ?? OUTSIDE_TAGS;
      const predecessorsOf = PREDECESSORS_AFTER[states[i - 1] ?? 0] ?? PREDECESSORS;
      for (let t = 0; t < tags.length; t++) {
        const tag = tags[t] ?? TAG_O;
        if (last && OPENS[tag] === 1) continue;
        let best = -Infinity;
        let bestPrevious = TAG_O;
        const predecessors = predecessorsOf[tag] ?? OUTSIDE_TAGS;
        for (let p = 0; p < predecessors.length; p++) {
          const previous = predecessors[p] ?? TAG_O;
          const candidate = (score[previous] ?? -Infinity) + (transitions[previous * TAG_COUNT + tag] ?? 0);
          if (candidate > best) {
            best = candidate;
            bestPrevious = previous;
          }
        }
        next[tag] = best + (state === LatticeState.Outside ? 0 : emissions[emissionRow + tag] ?? 0);
        back[row + tag] = bestPrevious;
      }
      const swap = score;
      score = next;
      next = swap;
    }
    this.score = score;
    this.next = next;
    let tag = TAG_O;
    let best = -Infinity;
    for (let candidate = 0; candidate < TAG_COUNT; candidate++) {
      if ((score[candidate] ?? -Infinity) > best) {
        best = score[candidate] ?? -Infinity;
        tag = candidate;
      }
    }
    for (let i = to - 1; i >= from; i--) {
      out[i] = tag;
      if (i > from) tag = states[i] === LatticeState.Outside && states[i - 1] === LatticeState.Outside ? TAG_O : back[(i - from) * TAG_COUNT + tag] ?? TAG_O;
    }
  }
}
