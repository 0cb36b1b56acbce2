/**
 * Article text made safe for VS Code's quick picks (labels, descriptions, details) and notifications, which render
 * `$(name)` as an icon: untrusted text must not be able to draw icons or spinners. Otherwise as {@link toTreeText}.
 *
 * @example
 * toDisplayText('Price $(up)\n\n5%'); // 'Price \\$(up) 5%'
 * toDisplayText('محمد');              // '\u2067محمد\u2069'
 */
export function toDisplayText(text: string): string {
  return toTreeText(text.replace(/\$\(/g, '\\$('));
}

/**
 * Article text for a tree item's label, description or tooltip, which VS Code shows as written (a plain string
 * label draws no icons, so `$(` stays as it is: escaped, it would show its backslash): white space runs become
 * one space, and right-to-left text is isolated ({@link isolateBidi}) from the text around it.
 *
 * @example
 * toTreeText('Price $(up)\n\n5%'); // 'Price $(up) 5%'
 * toTreeText('محمد');              // '\u2067محمد\u2069'
 */
export function toTreeText(text: string): string {
  return isolateBidi(text.replace(/\s+/g, ' ').trim());
}

/**
 * `text` cut to at most `max` characters and an ellipsis, at the last white space within them where there is one
 * after the first character, so that no word is cut in half; unchanged when it fits.
 *
 * @example
 * shortenAtWord('Vladimir Putin met Kim Jong-un', 20); // 'Vladimir Putin met…'
 * shortenAtWord('Putin', 20);                          // 'Putin'
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  // A cut between the two halves of a surrogate pair would leave half a character (an emoji, a rare CJK name).
  const head = text.slice(0, /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max);
  const space = head.search(/\s\S*$/);
  return `${space > 0 ? head.slice(0, space) : head}…`;
}

/** The characters of the right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko and the others, with their presentation forms. */
const RTL_SCRIPTS = '\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFC\\u{10800}-\\u{10FFF}\\u{1E800}-\\u{1EFFF}';
/** A character that runs right to left: one of the right-to-left scripts' characters or the right-to-left mark. */
const RTL_CHAR = `[${RTL_SCRIPTS}\\u200F]`;
/**
 * Text that runs or may run right to left: the right-to-left scripts, the right-to-left mark, and the controls that
 * embed, override or isolate text.
 */
const BIDI_TEXT = new RegExp(`[${RTL_SCRIPTS}\\u200F\\u202A-\\u202E\\u2066-\\u2069]`, 'u');
/**
 * A right-to-left run: from a right-to-left character to the last one before a left-to-right letter, with the spaces,
 * digits and punctuation between them ("محمد بن سلمان", "محمد 2 علي"); a directional control ends it too, so that a
 * run never straddles an embedding or an isolate. (Its two classes share no character: no backtracking.)
 */
const RTL_RUN = new RegExp(`${RTL_CHAR}(?:[^\\p{L}\\p{M}${RTL_SCRIPTS}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*${RTL_CHAR})*`, 'gu');
/** What starts a word's direction: its first letter, or a right-to-left character (an Arabic-Indic digit says Arabic too). */
const STRONG_START = new RegExp(`${RTL_CHAR}|\\p{L}`, 'u');
const IS_RTL = new RegExp(`^${RTL_CHAR}$`, 'u');
/** What starts an isolate: a left-to-right, right-to-left or first-strong isolate; one control ends any of them. */
const LEFT_TO_RIGHT_ISOLATE = '\u2066';
const RIGHT_TO_LEFT_ISOLATE = '\u2067';
const FIRST_STRONG_ISOLATE = '\u2068';
const ISOLATE_OPENERS = new Set([LEFT_TO_RIGHT_ISOLATE, RIGHT_TO_LEFT_ISOLATE, FIRST_STRONG_ISOLATE]);
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
 * Text from the corpus (a name, a title) isolated from the text it is put beside (U+2066 or U+2067 … U+2069): an
 * Arabic or Hebrew name next to "12 articles" or "(person)" otherwise takes the digits and brackets into its
 * right-to-left run, and the line reads scrambled. The isolate's direction is the text's own, decided by most of its
 * words, not by its first letter: "محمد Salah scores twice" is an English title and reads left to right, its Arabic
 * name isolated inside it (its first letter would have laid the whole title out right to left); a title mostly in
 * Arabic or Hebrew reads right to left, English words and all, whatever it starts with. A tie goes to the first
 * letter. Only text that can run right to left is touched (the rest reads the same, and stays as it was for
 * matching and tests); text isolated already, and names isolated inside it, are not isolated twice.
 *
 * @example
 * isolateBidi('Kim Jong-un');             // 'Kim Jong-un'
 * isolateBidi('محمد بن سلمان');           // '\u2067محمد بن سلمان\u2069'
 * isolateBidi('محمد Salah scores twice'); // '\u2066\u2067محمد\u2069 Salah scores twice\u2069'
 * isolateBidi('\u2067محمد\u2069');         // '\u2067محمد\u2069'
 */
export function isolateBidi(text: string): string {
  if (!BIDI_TEXT.test(text)) return text;
  const matched = withMatchedIsolates(text);
  const stretches = outsideIsolates(matched);
  if (stretches.length === 0 || (stretches.length === 1 && stretches[0]?.isolated === true)) return matched;
  if (directionOf(stretches.flatMap(({ text: stretch, isolated }) => (isolated ? [] : [stretch])).join(' ')) === 'rtl') {
    return `${RIGHT_TO_LEFT_ISOLATE}${matched}${POP_DIRECTIONAL_ISOLATE}`;
  }
  const runsIsolated = stretches.map(({ text: stretch, isolated }) => (isolated ? stretch : stretch.replace(RTL_RUN, (run) => `${RIGHT_TO_LEFT_ISOLATE}${run}${POP_DIRECTIONAL_ISOLATE}`)));
  return `${LEFT_TO_RIGHT_ISOLATE}${runsIsolated.join('')}${POP_DIRECTIONAL_ISOLATE}`;
}

/** The direction most of the words of `text` start with (a word's first letter decides), the first word's on a tie. */
function directionOf(text: string): 'ltr' | 'rtl' {
  let balance = 0;
  let first: 'ltr' | 'rtl' | undefined;
  for (const word of text.split(/\s+/)) {
    const strong = STRONG_START.exec(word)?.[0];
    if (strong === undefined) continue;
    const direction = IS_RTL.test(strong) ? 'rtl' : 'ltr';
    first ??= direction;
    balance += direction === 'rtl' ? 1 : -1;
  }
  if (balance === 0) return first ?? 'ltr';
  return balance > 0 ? 'rtl' : 'ltr';
}

/** Text with matched isolates cut into the stretches outside any isolate and the isolates (controls included), in order. */
function outsideIsolates(text: string): { text: string; isolated: boolean }[] {
  const stretches: { text: string; isolated: boolean }[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at] ?? '';
    if (ISOLATE_OPENERS.has(char)) {
      if (depth === 0 && at > from) stretches.push({ text: text.slice(from, at), isolated: false });
      if (depth === 0) from = at;
      depth++;
    } else if (char === POP_DIRECTIONAL_ISOLATE) {
      depth--;
      if (depth === 0) {
        stretches.push({ text: text.slice(from, at + 1), isolated: true });
        from = at + 1;
      }
    }
  }
  if (from < text.length) stretches.push({ text: text.slice(from), isolated: false });
  return stretches;
}

/**
 * A name put in a sentence, in double quotes, isolated ({@link isolateBidi}) from the sentence.
 *
 * @example
 * quoteName('Kim Jong-un'); // '"Kim Jong-un"'
 * quoteName('محمد');        // '"\u2067محمد\u2069"'
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
