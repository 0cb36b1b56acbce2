/** CRC-32's polynomial, bit-reversed, as zlib's `crc32` uses it. */
const POLYNOMIAL = 0xedb88320;
/** x^0 in the bit-reversed representation: the polynomial 1. */
const ONE = 0x80000000;
/** x^(2^k) modulo the polynomial for k = 0..31, each the square of the one before: a length's bits select them. */
const POWERS_OF_TWO = ((): Uint32Array => {
  const table = new Uint32Array(32);
  // x^1.
  let power = ONE >>> 1;
  for (let k = 0; k < table.length; k++) {
    table[k] = power;
    power = multiplyModulo(power, power);
  }
  return table;
})();

/** a × b modulo the polynomial, both bit-reversed. */
function multiplyModulo(a: number, b: number): number {
  let product = 0;
  let factor = b >>> 0;
  for (let bit = ONE; bit !== 0; bit >>>= 1) {
    if ((a & bit) !== 0) product ^= factor;
    factor = factor & 1 ? (factor >>> 1) ^ POLYNOMIAL : factor >>> 1;
  }
  return product >>> 0;
}

/** x^(8 × bytes) modulo the polynomial: what a CRC is multiplied by when `bytes` more bytes follow its data. */
function shiftFor(bytes: number): number {
  let result = ONE;
  // Bytes are 8 = 2^3 bits: the length's bit k selects x^(2^(k + 3)).
  let k = 3;
  for (let rest = bytes; rest > 0; rest = Math.floor(rest / 2), k++) {
    if (rest % 2 === 1) result = multiplyModulo(POWERS_OF_TWO[k % 32] ?? 0, result);
  }
  return result;
}

/**
 * The CRC-32 of two pieces of data one after the other, from the CRC-32 of each and the second one's length, as
 * zlib's `crc32_combine` (which Node does not expose). An index file is written as its sections are made, and its
 * description, which the checksum covers first, is only known at the end.
 *
 * @example
 * crc32Combine(crc32(a), crc32(b), b.length) === crc32(Buffer.concat([a, b])); // true
 */
export function crc32Combine(first: number, second: number, secondBytes: number): number {
  return (multiplyModulo(shiftFor(secondBytes), first >>> 0) ^ (second >>> 0)) >>> 0;
}
