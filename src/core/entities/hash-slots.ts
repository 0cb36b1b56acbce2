/**
 * The open-addressing tables of the model file (word clusters, gazetteer): non-zero int32 keys, 0 marking an
 * empty slot, linear probing, a power-of-two size kept under `loadFactor` full. Entries are placed in the order
 * given, so the same entries in the same order always give the same bytes.
 *
 * @example
 * const { keys, values } = hashTable([[17, 3]], 1, 0.5);
 * values[findSlot(keys, 17)]; // 3
 * findSlot(keys, 18); // -1
 */
export function hashTable(entries: Iterable<readonly [number, number]>, count: number, loadFactor: number): { keys: Int32Array; values: Uint32Array } {
  let size = 16;
  while (size * loadFactor < count) size *= 2;
  const keys = new Int32Array(size);
  const values = new Uint32Array(size);
  for (const [key, value] of entries) {
    let slot = key & (size - 1);
    while (keys[slot] !== 0) slot = (slot + 1) & (size - 1);
    keys[slot] = key;
    values[slot] = value;
  }
  return { keys, values };
}

/**
 * The slot of `key` in a table made by {@link hashTable}, or −1 when the key is not there.
 *
 * @example
 * findSlot(hashTable([[17, 3]], 1, 0.5).keys, 17); // 1
 */
export function findSlot(keys: Int32Array, key: number): number {
  const mask = keys.length - 1;
  let slot = key & mask;
  for (;;) {
    const found = keys[slot] ?? 0;
    if (found === key) return slot;
    if (found === 0) return -1;
    slot = (slot + 1) & mask;
  }
}

/**
 * The number of filled slots of a table made by {@link hashTable}.
 *
 * @example
 * filledSlots(hashTable([[17, 3], [40, 1]], 2, 0.5).keys); // 2
 */
export function filledSlots(keys: Int32Array): number {
  let filled = 0;
  for (const key of keys) if (key !== 0) filled++;
  return filled;
}
