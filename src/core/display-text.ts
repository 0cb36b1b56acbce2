/**
 * Article text made safe for VS Code labels, descriptions and details, which render `$(name)` as an
 * icon: untrusted text must not be able to draw icons or spinners. White space runs become one space, and
 * right-to-left text is isolated ({@link isolateBidi}) from the text around it.
 *
 * @example
 * toDisplayText('Price $(up)\n\n5%'); // 'Price \\$(up) 5%'
 * toDisplayText('محمد');              // '\u2068محمد\u2069'
 */
export function toDisplayText(text: string): string {
  return isolateBidi(text.replace(/\s+/g, ' ').replace(/\$\(/g, '\\$(').trim());
}

/**
 * Text that runs or may run right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left scripts
 * (with their presentation forms), the right-to-left marks, and the controls that embed, override or isolate text.
 */
const BIDI_TEXT = /[\u0590-\u08FF\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** What starts an isolate: a left-to-right, right-to-left or first-strong isolate; one control ends any of them. */
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', '\u2068']);
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * Text with its unmatched isolate controls taken out: an isolate it opens and never ends would take in what follows
 * it, an end of isolate without a start would end the isolate put around it. (Its embeddings and overrides need
 * no such care: the end of an isolate ends them.)
 */
function withMatchedIsolates(text: string): string {
  const opened: number[] = [];
  const unmatched = new Set<number>();
  for (let at = 0; at < text.length; at++) {
    const char = text[at] ?? '';
    if (ISOLATE_OPENERS.has(char)) opened.push(at);
    else if (char === POP_DIRECTIONAL_ISOLATE && opened.pop() === undefined) unmatched.add(at);
  }
  for (const at of opened) unmatched.add(at);
  return unmatched.size === 0 ? text : text.split('').filter((_, at) => !unmatched.has(at)).join('');
}

/**
 * Text from the corpus (a name, a title) isolated from the text it is put beside, with Unicode's first-strong isolate
 * (U+2068 … U+2069): an Arabic or Hebrew name next to "12 articles" or "(person)" otherwise takes the digits and
 * brackets into its right-to-left run, and the line reads scrambled. Only text that can run right to left is
 * touched (the rest reads the same, and stays as it was for matching and tests); text isolated already is not
 * isolated twice.
 *
 * @example
 * isolateBidi('Kim Jong-un');     // 'Kim Jong-un'
 * isolateBidi('محمد');            // '\u2068محمد\u2069'
 * isolateBidi('\u2068محمد\u2069'); // '\u2068محمد\u2069'
 */
export function isolateBidi(text: string): string {
  if (!BIDI_TEXT.test(text)) return text;
  const matched = withMatchedIsolates(text);
  if (matched === '' || isIsolated(matched)) return matched;
  return `${FIRST_STRONG_ISOLATE}${matched}${POP_DIRECTIONAL_ISOLATE}`;
}

/** Whether text with matched isolates is one isolate from its first character to its last. */
function isIsolated(text: string): boolean {
  if (!ISOLATE_OPENERS.has(text[0] ?? '')) return false;
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at] ?? '';
    if (ISOLATE_OPENERS.has(char)) depth++;
    else if (char === POP_DIRECTIONAL_ISOLATE) depth--;
    if (depth === 0) return at === text.length - 1;
  }
  return false;
}

/**
 * A name put in a sentence, in double quotes, isolated ({@link isolateBidi}) from the sentence.
 *
 * @example
 * quoteName('Kim Jong-un'); // '"Kim Jong-un"'
 * quoteName('محمد');        // '"\u2068محمد\u2069"'
 */
export function quoteName(name: string): string {
  return `"${isolateBidi(name)}"`;
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
 * A part of a whole, digits grouped, as the views word a count that a filter, a page or work under way cuts down:
 * "12 of 340", or with the whole's noun, "12 of 340 articles". The noun is plural unless the whole is one (as
 * {@link countOf} has it), since it counts the whole: "1 of 1 file", "0 of 2 files".
 *
 * @example
 * partOf(12, 340);                     // '12 of 340'
 * partOf(200, 12345, 'article');       // '200 of 12,345 articles'
 * partOf(0, 1, 'file');                // '0 of 1 file'
 * partOf(3, 40, 'person', 'people');   // '3 of 40 people'
 */
export function partOf(part: number, whole: number, noun?: string, plural?: string): string {
  return `${groupDigits(part)} of ${noun === undefined ? groupDigits(whole) : countOf(whole, noun, plural)}`;
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
 * A count with its noun, as the views show it: digits grouped, the noun plural unless the count is one (with an
 * "s", or as `plural` spells it).
 *
 * @example
 * countOf(1, 'article');              // '1 article'
 * countOf(12345, 'file');             // '12,345 files'
 * countOf(340, 'person', 'people');   // '340 people'
 */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${groupDigits(count)} ${count === 1 ? noun : plural}`;
}
