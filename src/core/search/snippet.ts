import { forEachToken, isWordCode, normalizeTerm } from './tokenize';

/**
 * Default snippet length in characters.
 *
 * @example
 * index.search('oil'); // the same as index.search('oil', { snippetLength: DEFAULT_SNIPPET_LENGTH })
 */
export const DEFAULT_SNIPPET_LENGTH = 200;

/**
 * Characters a one-line list keeps ahead of a snippet's first match ({@link snippetFromMatch}): the search box shows
 * about 85 characters of a result's line after its date, and the snippet's match began 55–62 characters in.
 *
 * @example
 * snippetFromMatch(hit.snippet, MATCH_LEAD);
 */
export const MATCH_LEAD = 40;

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

/**
 * A match to highlight: its span in the article's text, and what it matched (a term, or a phrase's words
 * joined by spaces), which tells matches of different words apart when choosing the snippet.
 *
 * @example
 * const hit: SnippetHit = { start: 25, end: 30, key: 'putin' };
 */
export interface SnippetHit extends TextRange {
  readonly key: string;
}

/**
 * A {@link Highlight} in the index's term ids: the terms with their text (the key of their matches), and the
 * phrases that can match at all (those whose every word is in the dictionary), in the highlight's order.
 *
 * @example
 * const ids = highlightIds(plan.highlight, (term) => dictionary.id(term));
 */
export interface HighlightIds {
  readonly terms: ReadonlyMap<number, string>;
  readonly phrases: readonly { readonly ids: readonly number[]; readonly key: string; readonly first: string }[];
  /** The ids a match can start with: the terms', the phrases' first words'. */
  readonly starts: ReadonlySet<number>;
  /**
   * The same as one bit per term id up to the largest of them, when there are more than {@link NATIVE_SEARCH_IDS}
   * (a prefix's or a fuzzy word's expansions): a body's ~650 ids are then each tested against it, which cost ~8
   * times less than a look-up in the set (`bank*`: 64 ids).
   */
  readonly startBits?: Uint8Array;
}

/** Highlights with at most this many term and phrase ids look for each with the native `indexOf`; more, by one loop over the body. */
const NATIVE_SEARCH_IDS = 16;

/**
 * The highlight's terms and phrases as term ids (`idOf` gives a term's id, undefined when no article has it).
 * Terms and phrases no article has cannot match, and are left out.
 *
 * @example
 * highlightIds({ terms: new Set(['putin']), phrases: [['kim', 'jong']] }, (term) => dictionary.id(term));
 */
export function highlightIds(highlight: Highlight, idOf: (term: string) => number | undefined): HighlightIds {
  const terms = new Map<number, string>();
  for (const term of highlight.terms) {
    const id = idOf(term);
    if (id !== undefined) terms.set(id, term);
  }
  const phrases: { ids: number[]; key: string; first: string }[] = [];
  for (const words of highlight.phrases) {
    const ids = words.map(idOf);
    if (ids.every((id) => id !== undefined)) phrases.push({ ids: ids as number[], key: words.join(' '), first: words[0] ?? '' });
  }
  const starts = new Set<number>(terms.keys());
  for (const phrase of phrases) starts.add(phrase.ids[0] ?? 0);
  if (starts.size <= NATIVE_SEARCH_IDS) return { terms, phrases, starts };
  const startBits = new Uint8Array((Math.max(...starts) >>> 3) + 1);
  for (const id of starts) startBits[id >>> 3] = (startBits[id >>> 3] ?? 0) | (1 << (id & 7));
  return { terms, phrases, starts, startBits };
}

/** A match in token positions of the body: its first and last token, its key, and the term of its first token. */
interface TokenHit {
  readonly first: number;
  readonly last: number;
  readonly key: string;
  readonly word: string;
}

function phraseAt(body: Uint32Array, at: number, phrases: HighlightIds['phrases']): HighlightIds['phrases'][number] | undefined {
  const id = body[at];
  for (const phrase of phrases) {
    if (phrase.ids[0] !== id || at + phrase.ids.length > body.length) continue;
    let j = 1;
    while (j < phrase.ids.length && body[at + j] === phrase.ids[j]) j++;
    if (j === phrase.ids.length) return phrase;
  }
  return undefined;
}

/**
 * The body positions where a match may start, ascending: where a highlighted term or a phrase's first word is.
 * A few ids are each found by the native `indexOf` (the body is ~650 ids, and a loop over it testing each id
 * in a map was ~10 µs an article); many (a prefix's expansions), by that loop, against a bitmap of their ids.
 */
function startPositions(body: Uint32Array, ids: HighlightIds): number[] {
  const found: number[] = [];
  const { starts, startBits } = ids;
  if (startBits !== undefined) {
    for (let i = 0; i < body.length; i++) {
      const id = body[i] ?? 0;
      if (((startBits[id >>> 3] ?? 0) >>> (id & 7)) & 1) found.push(i);
    }
    return found;
  }
  for (const id of starts) for (let i = body.indexOf(id); i !== -1; i = body.indexOf(id, i + 1)) found.push(i);
  return starts.size > 1 ? found.sort((a, b) => a - b) : found;
}

/** The matches of {@link findHits}, found in the body's term ids instead of its words. */
function tokenMatches(body: Uint32Array, ids: HighlightIds): TokenHit[] {
  const found: TokenHit[] = [];
  let covered = -1;
  const starts = startPositions(body, ids);
  for (let s = 0; s < starts.length; s++) {
    const i = starts[s] ?? 0;
    const phrase = ids.phrases.length > 0 ? phraseAt(body, i, ids.phrases) : undefined;
    if (phrase) {
      covered = i + phrase.ids.length - 1;
      found.push({ first: i, last: covered, key: phrase.key, word: phrase.first });
    } else if (i > covered) {
      const term = ids.terms.get(body[i] ?? 0);
      if (term !== undefined) found.push({ first: i, last: i, key: term, word: term });
    }
  }
  return found;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Fills in `spans` (by token position) the text spans of those tokens of the text from `from`, walking it only
 * up to token `lastToken`: the words of `forEachToken`, in a loop that builds no term (only a word that is not
 * ASCII is normalised, to skip one that is only marks, as the tokeniser does).
 */
function locateTokens(text: string, from: number, spans: Map<number, TextRange | undefined>, lastToken: number): void {
  let token = 0;
  let index = from;
  const to = text.length;
  while (index < to && token <= lastToken) {
    const code = text.charCodeAt(index);
    if (!isWordCode(text, index, code)) {
      index += isHighSurrogate(code) ? 2 : 1;
      continue;
    }
    const start = index;
    let ascii = true;
    while (index < to) {
      const next = text.charCodeAt(index);
      if (next < 128) {
        if (!((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || (next >= 48 && next <= 57))) break;
        index++;
      } else {
        if (!isWordCode(text, index, next)) break;
        ascii = false;
        index += isHighSurrogate(next) ? 2 : 1;
      }
    }
    if (!ascii && normalizeTerm(text.slice(start, index)).length === 0) continue;
    if (spans.has(token)) spans.set(token, { start, end: index });
    token++;
  }
}

/**
 * A piece of an article's text: `text` is the article's text from UTF-16 offset `base`; `length` is the whole
 * text's length, or, when the piece ends before the text does, at least the piece's end.
 *
 * @example
 * const part: TextPart = { text: 'Kim met Putin.', base: 17, length: 31 };
 */
export interface TextPart {
  readonly text: string;
  readonly base: number;
  readonly length: number;
}

/**
 * An article's body words located in its text without the whole text at hand (a coded article's, see
 * `CodedLayout`): the UTF-16 spans of the words at some body positions, and the text around some offsets.
 *
 * @example
 * const [first] = words.spans([0]);
 * const part = words.around(first.start - 10, first.end + 10);
 */
export interface WordLocator {
  /** The spans of the body words at `positions` (ascending, distinct), in that order. */
  spans(positions: readonly number[]): TextRange[];
  /** A piece of the text holding at least its UTF-16 units from `from` up to `to` (those that exist). */
  around(from: number, to: number): TextPart;
}

/** What the snippet cutting reads of a text: a string, or a {@link TextPart} read through its offsets. */
interface SnippetText {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end: number): string;
}

function partText(part: TextPart): SnippetText {
  return {
    length: part.length,
    charCodeAt: (index) => part.text.charCodeAt(index - part.base),
    slice: (start, end) => part.text.slice(start - part.base, end - part.base),
  };
}

/**
 * The snippet {@link buildSnippet} cuts, from an article whose words are located without its whole text (see
 * {@link WordLocator}): the matches found in the body's term ids, their spans from `words`, and only the text
 * around the best run of them decoded. Identical to {@link buildSnippet} over the whole text.
 *
 * @example
 * const snippet = snippetOfWords(codec.layout(bytes), bodyStart, body, highlightIds(highlight, idOf));
 */
export function snippetOfWords(words: WordLocator, bodyStart: number, body: Uint32Array, ids: HighlightIds, length = DEFAULT_SNIPPET_LENGTH): Snippet {
  const matches = tokenMatches(body, ids);
  const positions = matchPositions(matches);
  const spans = words.spans(positions);
  const spanAt = (position: number): TextRange | undefined => spans[sortedIndexOf(positions, position)];
  const hits = matches.map((match) => ({ start: spanAt(match.first)?.start ?? 0, end: spanAt(match.last)?.end ?? 0, key: match.key }));
  const window = bestWindow(hits, length);
  // cutSnippet reads the text from the unit before the snippet's range to the unit after it: the range as it is on
  // a text at least that long, or, when the text turns out to end before it, as it is on the text's own length.
  let range = snippetRange(hits, window, bodyStart, length, Infinity);
  let part = words.around(Math.max(0, range.start - 1), range.end + 1);
  if (part.length <= range.end) {
    range = snippetRange(hits, window, bodyStart, length, part.length);
    if (Math.max(0, range.start - 1) < part.base) part = words.around(Math.max(0, range.start - 1), range.end + 1);
  }
  return cutSnippet(partText(part), bodyStart, length, hits, window);
}

/** The body positions of the matches' first and last words, ascending, each once. */
function matchPositions(matches: readonly TokenHit[]): number[] {
  const positions: number[] = [];
  for (const match of matches) {
    positions.push(match.first);
    if (match.last !== match.first) positions.push(match.last);
  }
  // Overlapping phrases can put a match's last word after the next one's first.
  positions.sort((a, b) => a - b);
  let kept = 0;
  for (let i = 0; i < positions.length; i++) if (i === 0 || positions[i] !== positions[kept - 1]) positions[kept++] = positions[i] ?? 0;
  positions.length = kept;
  return positions;
}

/** Where `value` is in the ascending `sorted` (-1 if it is not). */
function sortedIndexOf(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = sorted[middle] ?? 0;
    if (found === value) return middle;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * The matches of the highlight in an article, found from its body's term ids as the index stores them (the
 * "forward index"), then located in its text by walking the words only up to the last match, without building
 * their terms: what {@link findHits} finds by tokenising the whole article into terms, at a fraction of the cost.
 * Undefined when the text does not line up with the ids (a matched word is another term): then the caller
 * tokenises the text instead.
 *
 * @example
 * const hits = tokenHits(text, bodyStart, store.tokens(doc).subarray(0, bodyLength), highlightIds(highlight, idOf));
 * buildSnippet(text, bodyStart, highlight, DEFAULT_SNIPPET_LENGTH, hits);
 */
export function tokenHits(text: string, bodyStart: number, body: Uint32Array, ids: HighlightIds): SnippetHit[] | undefined {
  const matches = tokenMatches(body, ids);
  const lastToken = matches[matches.length - 1]?.last ?? -1;
  // The spans of the tokens the matches start and end on, by token position.
  const spans = new Map<number, TextRange | undefined>();
  for (const match of matches) {
    spans.set(match.first, undefined);
    spans.set(match.last, undefined);
  }
  locateTokens(text, bodyStart, spans, lastToken);
  const hits: SnippetHit[] = [];
  for (const match of matches) {
    const first = spans.get(match.first);
    const last = spans.get(match.last);
    if (first === undefined || last === undefined || normalizeTerm(text.slice(first.start, first.end)) !== match.word) return undefined;
    hits.push({ start: first.start, end: last.end, key: match.key });
  }
  return hits;
}

function findHits(text: string, from: number, highlight: Highlight): SnippetHit[] {
  const tokens: { term: string; start: number; end: number }[] = [];
  forEachToken(text, from, text.length, (term, start, end) => tokens.push({ term, start, end }));
  const hits: SnippetHit[] = [];
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
function bestWindow(hits: readonly SnippetHit[], length: number): { first: number; last: number } {
  let best = { first: 0, last: 0, distinct: 0, count: 0 };
  // The hits from `first` to `last` and how many of each key they hold, moved along rather than counted again.
  const inWindow = new Map<string, number>();
  let last = -1;
  for (let first = 0; first < hits.length; first++) {
    const start = hits[first]?.start ?? 0;
    if (last < first) {
      last = first;
      inWindow.set(hits[first]?.key ?? '', 1);
    }
    while (last + 1 < hits.length && (hits[last + 1]?.end ?? 0) - start <= length) {
      last++;
      const key = hits[last]?.key ?? '';
      inWindow.set(key, (inWindow.get(key) ?? 0) + 1);
    }
    const distinct = inWindow.size;
    const count = last - first + 1;
    if (distinct > best.distinct || (distinct === best.distinct && count > best.count)) best = { first, last, distinct, count };
    const leaving = hits[first]?.key ?? '';
    const left = (inWindow.get(leaving) ?? 0) - 1;
    if (left === 0) inWindow.delete(leaving);
    else inWindow.set(leaving, left);
  }
  return best;
}

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0;
}

/** Moves `start` forward to a word start and `end` back to a word end, unless that empties the range. */
function snapToWords(text: SnippetText, start: number, end: number, keepStart: number, keepEnd: number): TextRange {
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
 * The matches are found by tokenising the text, unless they are given (see {@link tokenHits}).
 *
 * @example
 * const snippet = buildSnippet(' date 2023-09-13 Kim met Putin.', 17, { terms: new Set(['putin']), phrases: [] });
 * snippet.matches; // [{ start: 25, end: 30 }]
 */
export function buildSnippet(
  text: string,
  bodyStart: number,
  highlight: Highlight,
  length = DEFAULT_SNIPPET_LENGTH,
  hits: readonly SnippetHit[] = findHits(text, bodyStart, highlight),
): Snippet {
  return cutSnippet(text, bodyStart, length, hits);
}

/**
 * The range of the text a snippet of `length` characters takes around the `window` of `hits` (after the date header
 * at `bodyStart`; without hits, the opening), before it is cut at word boundaries, in a text of `textLength` units.
 */
function snippetRange(hits: readonly SnippetHit[], window: { first: number; last: number }, bodyStart: number, length: number, textLength: number): TextRange {
  if (hits.length === 0) return { start: bodyStart, end: Math.min(textLength, bodyStart + length) };
  const windowStart = hits[window.first]?.start ?? bodyStart;
  const windowEnd = hits[window.last]?.end ?? windowStart;
  // A third of the spare room goes before the matches: readers need a little lead-in, more of what follows.
  const spare = Math.max(0, length - (windowEnd - windowStart));
  const start = Math.max(bodyStart, windowStart - Math.floor(spare / 3));
  const end = Math.min(textLength, start + Math.max(length, windowEnd - windowStart));
  return { start: Math.max(bodyStart, Math.min(start, end - length)), end };
}

function cutSnippet(text: SnippetText, bodyStart: number, length: number, hits: readonly SnippetHit[], window = bestWindow(hits, length)): Snippet {
  const { start, end } = snippetRange(hits, window, bodyStart, length, text.length);
  if (hits.length === 0) {
    const range = snapToWords(text, start, end, bodyStart, bodyStart);
    return { text: text.slice(range.start, range.end), start: range.start, end: range.end, matches: [] };
  }
  const windowStart = hits[window.first]?.start ?? bodyStart;
  const windowEnd = hits[window.last]?.end ?? windowStart;
  const range = snapToWords(text, start, end, windowStart, windowEnd);
  const matches = hits.filter((hit) => hit.start >= range.start && hit.end <= range.end).map(({ start: from, end: to }) => ({ start: from, end: to }));
  return { text: text.slice(range.start, range.end), start: range.start, end: range.end, matches };
}

/**
 * The snippet's text from at most `lead` characters ahead of its first match (the one opening the result selects),
 * at a word's start, with an ellipsis where text was cut; the whole text when the match is that near its start
 * already. For a list that shows a line's start only (the search box), where a snippet centred on its match put the
 * match out of view.
 *
 * @example
 * snippetFromMatch({ text: 'The talks in Moscow ended with Kim at the station', start: 100, end: 149, matches: [{ start: 131, end: 134 }] }, 10);
 * // '…with Kim at the station'
 */
export function snippetFromMatch(snippet: Snippet, lead = MATCH_LEAD): string {
  const { text, matches } = snippet;
  const first = (matches[0]?.start ?? snippet.start) - snippet.start;
  if (first <= lead || first > text.length) return text;
  return `…${text.slice(snapToWords(text, first - lead, text.length, first, text.length).start)}`;
}
