/**
 * FNV-1a offset basis: the hash of the empty string. `| 0` makes it the signed 32-bit integer that
 * `Math.imul` returns, so hashes fit an `Int32Array` unchanged.
 *
 * @example
 * FNV_OFFSET; // -2128831035 (0x811c9dc5)
 * fnvStep(FNV_OFFSET, 'k'.charCodeAt(0)); // -301188886
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * One FNV-1a step: folds one character code into a running hash. Hashing char codes one by one
 * lets prefixes, lower-case forms and shapes be hashed without building a string per feature.
 *
 * @example
 * let h = FNV_OFFSET;
 * for (const c of 'kim') h = fnvStep(h, c.charCodeAt(0));
 */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/**
 * Mixes a value into a hash (murmur-style multiply and shift), to combine a feature template with
 * the hashes of the words it looks at.
 *
 * @example
 * const key = mix(mix(7, wordHash), nextWordHash);
 */
export function mix(hash: number, value: number): number {
  const h = Math.imul(hash ^ value, 0x5bd1e995);
  return h ^ (h >>> 15);
}

/**
 * Final avalanche of a feature key; never 0, which marks an empty slot in the weight table.
 *
 * @example
 * finish(mix(3, 42)) !== 0; // always
 */
export function finish(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}
