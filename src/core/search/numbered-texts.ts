/**
 * Texts numbered in order of first appearance, each once: a batch names each role and form by number, its text sent
 * once, and an index's records of roles hold numbers, not strings.
 *
 * @example
 * const roles = new NumberedTexts();
 * roles.numberOf('Russian president'); // 0
 * roles.numberOf('North Korean leader'); // 1
 * roles.numberOf('Russian president'); // 0 again
 * roles.texts; // ['Russian president', 'North Korean leader']
 */
export class NumberedTexts {
  /** The texts by number. */
  readonly texts: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** `texts`: numbered from 0 as they stand (texts saved numbered, read back). */
  constructor(texts: readonly string[] = []) {
    for (const text of texts) {
      if (!this.numbers.has(text)) this.numbers.set(text, this.texts.length);
      this.texts.push(text);
    }
  }

  /**
   * The number of `text`, the next one when it is new.
   *
   * @example
   * new NumberedTexts(['a', 'b']).numberOf('c'); // 2
   */
  numberOf(text: string): number {
    let number = this.numbers.get(text);
    if (number === undefined) {
      number = this.texts.length;
      this.numbers.set(text, number);
      this.texts.push(text);
    }
    return number;
  }
}
