/**
 * Article text made safe for VS Code labels, descriptions and details, which render `$(name)` as an
 * icon: untrusted text must not be able to draw icons or spinners. White space runs become one space.
 *
 * @example
 * toDisplayText('Price $(up)\n\n5%'); // 'Price \\$(up) 5%'
 */
export function toDisplayText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\$\(/g, '\\$(').trim();
}

/** Digits in a group between two commas. */
const DIGIT_GROUP = 3;

/**
 * A whole number with its digits grouped by commas, as `toLocaleString('en-US')` writes it, without asking the
 * platform's locale data: the first `toLocaleString` of a process loads it, which took 187 ms of the extension host's
 * thread on a first opening, just as the first articles were listed. Other numbers go to `toLocaleString`.
 *
 * @example
 * groupDigits(1234567); // '1,234,567'
 * groupDigits(-1000);   // '-1,000'
 */
export function groupDigits(count: number): string {
  if (!Number.isSafeInteger(count)) return count.toLocaleString('en-US');
  const digits = String(Math.abs(count));
  let grouped = digits.slice(0, digits.length % DIGIT_GROUP || DIGIT_GROUP);
  for (let at = grouped.length; at < digits.length; at += DIGIT_GROUP) grouped += `,${digits.slice(at, at + DIGIT_GROUP)}`;
  // Negative zero too, as toLocaleString writes it.
  return count < 0 || Object.is(count, -0) ? `-${grouped}` : grouped;
}

/**
 * A part of a whole, digits grouped, as the views word a count that a filter or a page cuts down: "12 of 340".
 *
 * @example
 * partOf(12, 340);     // '12 of 340'
 * partOf(200, 12345);  // '200 of 12,345'
 */
export function partOf(part: number, whole: number): string {
  return `${groupDigits(part)} of ${groupDigits(whole)}`;
}

/**
 * A noun with its indefinite article, by its first letter (the type words need no more): "a person", "an organization";
 * "an" before "other" makes one word, "another name" (the Other type's word), never "an other name".
 *
 * @example
 * withIndefiniteArticle('organization'); // 'an organization'
 * withIndefiniteArticle('place');        // 'a place'
 * withIndefiniteArticle('other name');   // 'another name'
 */
export function withIndefiniteArticle(noun: string): string {
  if (/^other\b/.test(noun)) return `an${noun}`;
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * A count with its noun, as the views show it: digits grouped, the noun plural unless the count is one.
 *
 * @example
 * countOf(1, 'article');    // '1 article'
 * countOf(12345, 'file');   // '12,345 files'
 */
export function countOf(count: number, noun: string): string {
  return `${groupDigits(count)} ${noun}${count === 1 ? '' : 's'}`;
}
