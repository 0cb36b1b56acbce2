import { forEachToken } from './tokenize';

/**
 * Default snippet length in characters.
 *
 * @example
 * index.search('oil'); // the same as index.search('oil', { snippetLength: DEFAULT_SNIPPET_LENGTH })
 */
export const DEFAULT_SNIPPET_LENGTH = 200;

/** A span of the article's original text (UTF-16 offsets), as the editor counts them. */
interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A piece of an article around its best match. `text === articleText.slice(start, end)`; `matches`
 * are offsets into the article's text (not into the snippet), so the UI can highlight and jump.
 *
 * @example
 * const relative = snippet.matches.map((m) => [m.start - snippet.start, m.end - snippet.start]);
 */
export interface Snippet {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly matches: readonly TextRange[];
}

/**
 * What to highlight: single words (any form a prefix or fuzzy word reached) and word sequences.
 *
 * @example
 * const highlight: Highlight = { terms: new Set(['bank', 'banking']), phrases: [['interest', 'rates']] };
 */
export interface Highlight {
  readonly terms: ReadonlySet<string>;
  readonly phrases: readonly (readonly string[])[];
}

interface Hit extends TextRange {
  readonly key: string;
}

function findHits(text: string, from: number, highlight: Highlight): Hit[] {
  const tokens: { term: string; start: number; end: number }[] = [];
  forEachToken(text, from, text.length, (term, start, end) => tokens.push({ term, start, end }));
  const hits: Hit[] = [];
  let coveredUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const phrase = highlight.phrases.find((words) => words.every((word, j) => tokens[i + j]?.term === word));
    if (phrase) {
      const last = tokens[i + phrase.length - 1] ?? token;
      hits.push({ start: token.start, end: last.end, key: phrase.join(' ') });
      coveredUntil = last.end;
    } else if (token.start >= coveredUntil && highlight.terms.has(token.term)) {
      hits.push({ start: token.start, end: token.end, key: token.term });
    }
  }
  return hits;
}

/** The run of hits fitting in `length` characters with the most distinct keys, then the most hits. */
function bestWindow(hits: readonly Hit[], length: number): { first: number; last: number } {
  let best = { first: 0, last: 0, distinct: 0, count: 0 };
  let last = 0;
  for (let first = 0; first < hits.length; first++) {
    const start = hits[first]?.start ?? 0;
    if (last < first) last = first;
    while (last + 1 < hits.length && (hits[last + 1]?.end ?? 0) - start <= length) last++;
    const distinct = new Set(hits.slice(first, last + 1).map((hit) => hit.key)).size;
    const count = last - first + 1;
    if (distinct > best.distinct || (distinct === best.distinct && count > best.count)) best = { first, last, distinct, count };
  }
  return best;
}

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0;
}

/** Moves `start` forward to a word start and `end` back to a word end, unless that empties the range. */
function snapToWords(text: string, start: number, end: number, keepStart: number, keepEnd: number): TextRange {
  let from = start;
  if (from > 0 && !isSpaceCode(text.charCodeAt(from - 1))) {
    while (from < keepStart && !isSpaceCode(text.charCodeAt(from))) from++;
  }
  while (from < keepStart && isSpaceCode(text.charCodeAt(from))) from++;
  let to = end;
  if (to < text.length && !isSpaceCode(text.charCodeAt(to))) {
    while (to > keepEnd && !isSpaceCode(text.charCodeAt(to - 1))) to--;
  }
  while (to > keepEnd && isSpaceCode(text.charCodeAt(to - 1))) to--;
  return { start: from, end: to };
}

/**
 * Cuts a snippet of about `length` characters from an article's text around the densest run of
 * matches, searching from `bodyStart` (after the date header). Without matches it is the opening text.
 *
 * @example
 * const snippet = buildSnippet(' date 2023-09-13 Kim met Putin.', 17, { terms: new Set(['putin']), phrases: [] });
 * snippet.matches; // [{ start: 25, end: 30 }]
 */
export function buildSnippet(text: string, bodyStart: number, highlight: Highlight, length = DEFAULT_SNIPPET_LENGTH): Snippet {
  const hits = findHits(text, bodyStart, highlight);
  if (hits.length === 0) {
    const range = snapToWords(text, bodyStart, Math.min(text.length, bodyStart + length), bodyStart, bodyStart);
    return { text: text.slice(range.start, range.end), start: range.start, end: range.end, matches: [] };
  }
  const window = bestWindow(hits, length);
  const windowStart = hits[window.first]?.start ?? bodyStart;
  const windowEnd = hits[window.last]?.end ?? windowStart;
  // A third of the spare room goes before the matches: readers need a little lead-in, more of what follows.
  const spare = Math.max(0, length - (windowEnd - windowStart));
  let start = Math.max(bodyStart, windowStart - Math.floor(spare / 3));
  const end = Math.min(text.length, start + Math.max(length, windowEnd - windowStart));
  start = Math.max(bodyStart, Math.min(start, end - length));
  const range = snapToWords(text, start, end, windowStart, windowEnd);
  const matches = hits.filter((hit) => hit.start >= range.start && hit.end <= range.end).map(({ start: from, end: to }) => ({ start: from, end: to }));
  return { text: text.slice(range.start, range.end), start: range.start, end: range.end, matches };
}
