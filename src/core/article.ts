import { checkIsoDate } from './iso-date';
import { firstSentence } from './sentences';

/** A paragraph of an article; `text === source.slice(start, end)`. Not exported: only `Article` uses it. */
interface Paragraph {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Why an article's text is not quite what the format asks for. Offsets index the original text.
 * Not exported: only `Article` uses it.
 */
interface ArticleDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: 'missing-date-header' | 'invalid-date' | 'empty-body';
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/**
 * An article parsed from the text of one file, with the offsets an editor needs to point at its title
 * and at what is wrong with it.
 *
 * @example
 * const article: Article = parseArticle(' date 2023-02-30 Kim Jong-un arrived in Russia.');
 * article.date;                // undefined: February has no 30th
 * article.diagnostics[0].code; // 'invalid-date'
 * article.title;               // 'Kim Jong-un arrived in Russia.'
 */
export interface Article {
  /** The header's date as `YYYY-MM-DD`; absent when the header is missing or its date is impossible. */
  readonly date?: string;
  /** Whether the text starts with a ` date …` header; files without one are not articles. */
  readonly hasDateHeader: boolean;
  /** A one-line title: the first sentence of the first paragraph that is not boilerplate or a caption. */
  readonly title: string;
  readonly titleStart: number;
  readonly titleEnd: number;
  readonly paragraphs: readonly Paragraph[];
  readonly diagnostics: readonly ArticleDiagnostic[];
}

/**
 * Titles longer than this are cut and end with "…", so that a run-on first sentence (a scraped
 * paragraph without punctuation) does not become a paragraph-long label.
 *
 * @example
 * parseArticle(' date 2023-09-13 ' + 'word '.repeat(50)).title.length; // 160, ending 'word…'
 */
export const MAX_TITLE_LENGTH = 160;

/**
 * The id of the News Article language, in which the editor shows article files.
 *
 * @example
 * document.languageId === ARTICLE_LANGUAGE_ID;
 */
export const ARTICLE_LANGUAGE_ID = 'news-article';

/** A paragraph with fewer words than this (a gallery line, a byline) is not used as the title. */
const MIN_TITLE_WORDS = 4;

/**
 * ` date ` followed by something that starts like a date. The leading space, the BOM and the case of "date"
 * are tolerated because scrapers and editors disagree on them; "date night was fun" is not a header.
 */
const DATE_HEADER = /^\uFEFF?[ \t]*date[ \t]+(\d[^\s]*)/i;

/** Site furniture that scrapers keep but no reader would call the article's title. */
const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /^how did you feel about\b/i,
  /\b(this|the) (article|story|content)\b[^.!]*\?$/i,
  /^(advertisement|sponsored|share this|share on|read more|read also|see also|related( news| articles)?|subscribe|sign up|click here|follow us|listen to this)\b/i,
  /^(copyright|©)/i,
];

/** Photo captions and credits, e.g. "… | Photo: Reproduction/EFE". */
const CAPTION_PATTERNS: readonly RegExp[] = [
  /\|\s*(photo|foto|image|picture|video)s?\b/i,
  /\b(photo|foto|image|picture|credit|source)s?\s*:\s*\S/i,
  /\((photo|foto|image|reproduction)[^)]*\)\s*$/i,
];

function isTitleWorthy(text: string): boolean {
  if (text.split(/\s+/).length < MIN_TITLE_WORDS) return false;
  return !BOILERPLATE_PATTERNS.some((pattern) => pattern.test(text)) && !CAPTION_PATTERNS.some((pattern) => pattern.test(text));
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0x0b && code !== 0x0c && code !== 0xa0 && code !== 0xfeff) return false;
  }
  return true;
}

/** Splits `text` from `from` on in blank lines; each paragraph is trimmed, keeping exact offsets. */
function splitParagraphs(text: string, from: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let paragraphStart = -1;
  let lastContentEnd = -1;
  let lineStart = from;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (isBlank(text, lineStart, lineEnd)) {
      if (paragraphStart !== -1) paragraphs.push(trimmed(text, paragraphStart, lastContentEnd));
      paragraphStart = -1;
    } else {
      if (paragraphStart === -1) paragraphStart = lineStart;
      lastContentEnd = lineEnd;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (paragraphStart !== -1) paragraphs.push(trimmed(text, paragraphStart, lastContentEnd));
  return paragraphs;
}

function trimmed(text: string, start: number, end: number): Paragraph {
  let from = start;
  let to = end;
  while (from < to && isBlank(text, from, from + 1)) from++;
  while (to > from && isBlank(text, to - 1, to)) to--;
  return { text: text.slice(from, to), start: from, end: to };
}

/** The title's sentence on one line, as it reads before a long one is cut. */
function oneLine(sentence: string): string {
  return sentence.replace(/\s+/g, ' ');
}

function chooseTitle(paragraphs: readonly Paragraph[]): { title: string; start: number; end: number } {
  const source = paragraphs.find((paragraph) => isTitleWorthy(paragraph.text)) ?? paragraphs[0];
  if (!source) return { title: '', start: 0, end: 0 };
  const sentenceLength = firstSentence(source.text).length;
  return { title: truncateTitle(oneLine(source.text.slice(0, sentenceLength))), start: source.start, end: source.start + sentenceLength };
}

/** Ends a title cut to {@link MAX_TITLE_LENGTH}. */
const CUT_MARK = '…';

/** Cuts a long title at the last word boundary that keeps at least half of it, else mid-word (URLs, run-on text). */
function truncateTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const space = title.lastIndexOf(' ', MAX_TITLE_LENGTH - 1);
  return `${title.slice(0, space >= MAX_TITLE_LENGTH / 2 ? space : MAX_TITLE_LENGTH - 1)}${CUT_MARK}`;
}

/**
 * The whole title of an article whose `title` (as {@link parseArticle} gave it, and the index keeps it) may have been
 * cut to {@link MAX_TITLE_LENGTH}, for an export that must not lose its end: `title` itself unless it ends with "…",
 * else its sentence read again from the article's `text` (asked for only then, as reading it may decode the
 * article). `title` too when the text is gone or no longer gives that title.
 *
 * @example
 * const text = ' date 2023-09-13 ' + 'word '.repeat(50);
 * uncutTitle(parseArticle(text).title, () => text); // 'word word … word' (249 characters, no "…")
 * uncutTitle('Kim arrives', () => text);            // 'Kim arrives'
 */
export function uncutTitle(title: string, text: () => string | undefined): string {
  if (!title.endsWith(CUT_MARK)) return title;
  const whole = text();
  if (whole === undefined) return title;
  const article = parseArticle(whole);
  const sentence = oneLine(whole.slice(article.titleStart, article.titleEnd));
  return article.title === title ? sentence : title;
}

/**
 * Where an article's own text starts: after its ` date …` header, or after a BOM, or at 0. What reads the text
 * (the Keyword in Context lines) starts there, so that the header never reads as the first words.
 *
 * @example
 * articleBodyStart(' date 2023-09-13 Kim Jong-un arrived in Russia.'); // 16
 * articleBodyStart('Kim Jong-un arrived in Russia.');                  // 0
 */
export function articleBodyStart(text: string): number {
  const header = DATE_HEADER.exec(text);
  if (header) return header[0].length;
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * Parses the text of one article file. Never throws: text without a header gives an undated
 * article with a `missing-date-header` diagnostic, an impossible date an undated one with `invalid-date`.
 *
 * @example
 * const article = parseArticle(' date 2023-09-13 Kim Jong-un arrived in Russia.\n\nHe met Putin.');
 * article.date;               // '2023-09-13'
 * article.title;              // 'Kim Jong-un arrived in Russia.'
 * article.paragraphs[1].text; // 'He met Putin.'
 */
export function parseArticle(text: string): Article {
  const diagnostics: ArticleDiagnostic[] = [];
  const header = DATE_HEADER.exec(text);
  let date: string | undefined;
  const bodyStart = articleBodyStart(text);
  if (header) {
    const token = header[1] ?? '';
    const tokenEnd = header[0].length;
    const check = checkIsoDate(token);
    if (check.ok) {
      date = check.date;
    } else {
      diagnostics.push({ severity: 'error', code: 'invalid-date', message: `Invalid date: ${check.reason}.`, start: tokenEnd - token.length, end: tokenEnd });
    }
  } else {
    diagnostics.push({ severity: 'warning', code: 'missing-date-header', message: 'The text does not start with a date header ("date YYYY-MM-DD").', start: 0, end: 0 });
  }
  const paragraphs = splitParagraphs(text, bodyStart);
  if (paragraphs.length === 0) {
    diagnostics.push({ severity: 'warning', code: 'empty-body', message: 'The article has no text after its header.', start: bodyStart, end: text.length });
  }
  const { title, start, end } = chooseTitle(paragraphs);
  const article: Article = { hasDateHeader: header !== null, title, titleStart: start, titleEnd: end, paragraphs, diagnostics };
  return date === undefined ? article : { ...article, date };
}
