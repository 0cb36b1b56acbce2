import { ENTITY_TYPES, TAG_COUNT, TAG_O, TagPart, partOf, tagOf } from './tags';
import { TokenBuffer } from './tokenizer';
import { EntityType } from './types';
import { LatticeState } from './viterbi';

/** Bit `tag` set for every tag. */
const EVERY_TAG = (1 << TAG_COUNT) - 1;

/** The bit of O and of the four BILOU parts of each type in `types`. */
function outsideOrOneOf(types: readonly EntityType[]): number {
  let mask = 1 << TAG_O;
  for (const type of types) {
    const index = ENTITY_TYPES.indexOf(type);
    for (const part of [TagPart.Begin, TagPart.Inside, TagPart.Last, TagPart.Unit]) mask |= 1 << tagOf(index, part);
  }
  return mask;
}

/**
 * The tags each token of a partially annotated document may take on its "gold" path, as a bit mask (bit
 * `tag` set = allowed), for training on a set whose annotation leaves out some types (GUM news and the
 * Broad Twitter Corpus mark no MISC: a nationality, an event or a product is unlabelled there, while
 * CoNLL labels the same words MISC). A token of an annotated name the lattice can reach (`states`: its
 * first token may begin a name, no token is kept outside) may only take its gold tag (`gold`, from
 * `spansToTags`); a token outside every annotated name may be O or part of a name of an `unannotatedTypes`
 * type; a token of an annotated name the lattice cannot reach (a name beginning in lower case, an
 * "@mention", a span whose edges fall inside a token) may be anything: no tag path can be true to the
 * annotation there, so the annotation says nothing. The latent-structure perceptron then takes the best
 * path within these masks as the gold one (`constrainEmissions`).
 *
 * @example
 * const allowed = allowedTags(tokens, states, tags, entities, ['MISC']);
 * // "Russian" before a gold "Space Center": O, B-MISC or U-MISC; "Space": B-LOC only
 */
export function allowedTags(
  tokens: TokenBuffer,
  states: Uint8Array,
  gold: Uint8Array,
  entities: readonly { readonly start: number; readonly end: number }[],
  unannotatedTypes: readonly EntityType[],
): Uint32Array {
  const allowed = new Uint32Array(tokens.count).fill(outsideOrOneOf(unannotatedTypes));
  for (const entity of entities) {
    for (let i = 0; i < tokens.count; i++) {
      if ((tokens.starts[i] ?? 0) < entity.end && (tokens.ends[i] ?? 0) > entity.start) allowed[i] = EVERY_TAG;
    }
  }
  let first = 0;
  while (first < tokens.count) {
    const tag = gold[first] ?? TAG_O;
    if (tag === TAG_O || (partOf(tag) !== TagPart.Begin && partOf(tag) !== TagPart.Unit)) {
      first++;
      continue;
    }
    let last = first;
    while (partOf(gold[last] ?? TAG_O) !== TagPart.Last && partOf(gold[last] ?? TAG_O) !== TagPart.Unit && last + 1 < tokens.count) last++;
    let reachable = states[first] === LatticeState.Any;
    for (let i = first + 1; i <= last; i++) reachable &&= states[i] !== LatticeState.Outside;
    if (reachable) for (let i = first; i <= last; i++) allowed[i] = 1 << (gold[i] ?? TAG_O);
    first = last + 1;
  }
  return allowed;
}

/**
 * Copies the emission scores of tokens `from … to − 1` into `out`, with −Infinity for every tag `allowed`
 * does not let the token take, so that `SentenceViterbi.decode` over `out` finds the best path among those
 * true to a partial annotation (the latent "gold" path of the perceptron update). The decoder itself is
 * unchanged: a tag scoring −Infinity is never on the best path while any other path is left, and the masks
 * of `allowedTags` always leave one (O on every token outside an annotated name).
 *
 * @example
 * constrainEmissions(emissions, allowed, from, to, constrained);
 * viterbi.decode(constrained, transitions, states, from, to, target);
 */
export function constrainEmissions(emissions: Float64Array, allowed: Uint32Array, from: number, to: number, out: Float64Array): void {
  for (let i = from; i < to; i++) {
    const mask = allowed[i] ?? EVERY_TAG;
    const row = i * TAG_COUNT;
    for (let tag = 0; tag < TAG_COUNT; tag++) out[row + tag] = mask & (1 << tag) ? emissions[row + tag] ?? 0 : -Infinity;
  }
}
