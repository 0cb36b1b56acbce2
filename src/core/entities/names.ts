import { isWhiteSpaceCode } from './chars';

/** Words skipped when an acronym is formed from a name ("Korean Central News Agency" → KCNA). */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'von', 'van', '&']);

/**
 * A mention's text as displayed: typographic quotes and dashes folded, white space collapsed,
 * a trailing possessive removed ("Putin’s" → "Putin").
 *
 * @example
 * displayName('Kim  Jong-un’s'); // 'Kim Jong-un'
 */
export function displayName(text: string): string {
  // Most mentions need none of it, and this runs for every mention of every article.
  if (isPlainDisplay(text)) return text;
  return text
    .replace(/[\u2018\u2019\u201b]/gu, "'")
    .replace(/[\u201c\u201d]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/'s?$/u, '');
}

/** Typographic quotes that `displayName` folds: ‘ ’ ‛ “ ” */
const TYPOGRAPHIC_QUOTES: readonly number[] = [0x2018, 0x2019, 0x201b, 0x201c, 0x201d];
const APOSTROPHE = 0x27;
const SPACE = 0x20;

/** Whether `displayName` would return `text` unchanged: no typographic quote, only single spaces between words, no apostrophe at the end or before the last letter (a possessive). */
function isPlainDisplay(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code > SPACE && code < 0x7f && code !== APOSTROPHE) continue;
    if (code === SPACE) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === SPACE) return false;
    } else if (code === APOSTROPHE ? i >= last - 1 : isWhiteSpaceCode(code) || TYPOGRAPHIC_QUOTES.includes(code)) {
      return false;
    }
  }
  return true;
}

/**
 * The identity of a name, for comparing mentions: the display name lower-cased, without a leading
 * "the" ("The New York Times" = "New York Times"). Case variants ("Kim Jong-Un" / "Kim Jong-un") get
 * the same identity.
 *
 * @example
 * nameIdentity('The New York Times'); // 'new york times'
 */
export function nameIdentity(text: string): string {
  return identityOfDisplay(displayName(text));
}

/**
 * A name without its leading "The", as an entity filter looks for its words: names are matched with a leading "The"
 * ignored, as {@link nameIdentity} compares them, so `org:"The Washington Post"` finds the "Washington Post" the engine
 * named without it. A lone "the" stays (it is the whole name asked for).
 *
 * @example
 * withoutLeadingThe('The Washington Post'); // 'Washington Post'
 * withoutLeadingThe('the'); // 'the'
 */
export function withoutLeadingThe(name: string): string {
  return name.replace(/^\s*the\s+(?=\S)/iu, '');
}

/**
 * `nameIdentity` of a text whose `displayName` is `display`, for callers that already have it
 * (cleaning a mention's text twice was a measurable part of merging an article's entities).
 *
 * @example
 * identityOfDisplay(displayName('The New York Times’s')); // 'new york times'
 */
export function identityOfDisplay(display: string): string {
  return display.toLowerCase().replace(/^the /u, '');
}

/**
 * The words of a name identity, split on spaces.
 *
 * @example
 * nameWords('kim jong-un'); // ['kim', 'jong-un']
 */
export function nameWords(identity: string): string[] {
  if (!identity.includes(' ')) return identity === '' ? [] : [identity];
  return identity.split(' ').filter((word) => word !== '');
}

/**
 * "Son of" and "daughter of" in Arabic and Malay names ("Mohammed bin Salman"), in lower case: never a first name, so a
 * particle even when a sentence's start capitalises it ("Bin Laden said").
 *
 * @example
 * PATRONYMIC_PARTICLES.has('bin'); // true
 */
export const PATRONYMIC_PARTICLES: ReadonlySet<string> = new Set(['bin', 'ibn', 'bint', 'binti']);
/**
 * Lower-case words that stand before a family name inside a person's name: "bin Laden", "van der Sar", "de Gaulle".
 *
 * @example
 * NAME_PARTICLES.has('van'); // true
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([...PATRONYMIC_PARTICLES, 'van', 'von', 'der', 'den', 'de', 'du', 'da', 'di', 'del', 'della', 'dos', 'das']);

/**
 * The last word of a name whose other words are all particles ("bin laden", "van der sar"): such a name is a family
 * name alone, as a one-word name can be; undefined for a name of one word or with another word.
 *
 * @example
 * particleFamilyName(['bin', 'laden']);        // 'laden'
 * particleFamilyName(['osama', 'bin', 'laden']); // undefined
 */
export function particleFamilyName(words: readonly string[]): string | undefined {
  if (words.length < 2 || !words.slice(0, -1).every((word) => NAME_PARTICLES.has(word))) return undefined;
  return words[words.length - 1];
}

/**
 * Royal and noble titles that stand at the start of a person's name as the recogniser reads it ("Crown Prince
 * Mohammad bin Salman", "Queen Elizabeth II"), in lower case. Unlike "Mr" (`dropTitles`) they stay in the span: CoNLL
 * and wikigold annotate "King Carlos I" whole, and "Prince" or "Lady" alone begins names ("Lady Gaga").
 */
const ROYAL_TITLES: ReadonlySet<string> = new Set([
  'crown', 'prince', 'princess', 'king', 'queen', 'emperor', 'empress', 'sheikh', 'sheikha', 'emir', 'sultan', 'duke',
  'duchess', 'lord', 'lady',
]);

/**
 * How many leading words of a person's name are royal or noble titles, when at least two words of a name remain after
 * them ("Crown Prince Mohammad bin Salman" → 2); 0 otherwise, so "Prince Harry" and "Lady Gaga" keep their titles.
 *
 * @example
 * royalTitleCount(['crown', 'prince', 'mohammad', 'bin', 'salman']); // 2
 * royalTitleCount(['prince', 'harry']); // 0
 */
export function royalTitleCount(words: readonly string[]): number {
  // "First" only before "Lady" ("First Lady Melania Trump").
  let count = words[0] === 'first' && words[1] === 'lady' ? 1 : 0;
  while (count < words.length && ROYAL_TITLES.has(words[count] ?? '')) count++;
  return words.length - count >= 2 ? count : 0;
}

/**
 * The acronym of a multi-word name (first letters of its words, skipping "of", "the"…), upper case;
 * empty for a one-word name.
 *
 * @example
 * acronymOf('Korean Central News Agency'); // 'KCNA'
 */
export function acronymOf(name: string): string {
  const words = displayName(name).split(/[\s-]+/u).filter((word) => word !== '' && !ACRONYM_SKIP.has(word.toLowerCase()));
  if (words.length < 2) return '';
  return words.map((word) => word.charAt(0).toUpperCase()).join('');
}

/**
 * Whether a display name is written in capitals only (a headline's "KIM JONG-UN"), the form least
 * suited for display when another exists.
 *
 * @example
 * isAllCaps('KIM JONG-UN'); // true
 */
export function isAllCaps(name: string): boolean {
  // ASCII names answered by their codes; a regex only for the others.
  let upper = false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 0x80) return hasCapitalNoLowerCase(name);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x41 && code <= 0x5a) upper = true;
  }
  return upper;
}

function hasCapitalNoLowerCase(name: string): boolean {
  return /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
}
