import { CharClass, charClass, hasWhiteSpace } from './chars';
import { ENTITY_TYPES, TAG_O, TagPart, partOf, tagName, typeIndexOf } from './tags';
import { TokenBuffer, TokenFlag, TokenKind } from './tokenizer';
import { EntitySpan, EntityType } from './types';

/**
 * Turns BILOU tags into spans of the original text. A span left open (B or I without L: the decoder
 * never leaves one, but any tags are accepted) is closed at its last inside token; punctuation
 * tokens at a span's edges are left out. A person, place or organization that follows one of the same
 * type after a single space, or after a plural possessive ("Workers’ Party"), in the same sentence,
 * continues it: decoding sometimes closes a name before its end ("Frederick" | "H. Collier",
 * "Washington" | "D.C."), and two names of one type written side by side are rare (35 of CoNLL train's
 * 23,499 with a space between, none after a plural possessive, none in the modern sets). A name of
 * several words never runs across the seam of a run-together word that the tokenizer split ("The New York
 * Times" | "Putin"); one word with seams of its own stays one name ("RealClearPolitics").
 *
 * @example
 * tagsToSpans('Kim Jong-un left', tokens, Uint8Array.of(tagOf(0, TagPart.Begin), tagOf(0, TagPart.Last), TAG_O));
 * // [{ start: 0, end: 11, type: 'PER', text: 'Kim Jong-un' }]
 */
export function tagsToSpans(text: string, tokens: TokenBuffer, tags: Uint8Array): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let openFirst = -1;
  let openLast = -1;
  let openType = -1;
  const close = (): void => {
    if (openFirst === -1) return;
    // Sentence punctuation at the edges ("EFE Agency ) .") is a tagging overrun; a bracket that closes
    // one opened inside the span ("Proleter (Z)") belongs to the name.
    const trimEdges = (): void => {
      while (openFirst <= openLast && isEdgePunctuation(text, tokens, openFirst, openFirst, openLast)) openFirst++;
      while (openLast >= openFirst && isEdgePunctuation(text, tokens, openLast, openFirst, openLast)) openLast--;
    };
    trimEdges();
    // A bracket inside the name that closes none opened in it ends an aside: "(Capitol) Hill", "(raider Irwin) Jacobs"
    // gave "Capitol) Hill" and "Irwin) Jacobs". No gold name of CoNLL, wikigold or GUM news holds one.
    [openFirst, openLast] = outsideAsides(text, tokens, openFirst, openLast);
    trimEdges();
    if (openFirst <= openLast) {
      const start = tokens.starts[openFirst] ?? 0;
      const end = tokens.ends[openLast] ?? 0;
      const previous = spans[spans.length - 1];
      if (previous !== undefined && continuesPrevious(text, tokens, previous, openFirst, openType)) spans[spans.length - 1] = makeSpan(text, previous.start, end, openType);
      else spans.push(makeSpan(text, start, end, openType));
    }
    openFirst = -1;
  };
  for (let i = 0; i < tokens.count; i++) {
    const tag = tags[i] ?? TAG_O;
    if (tag === TAG_O) {
      close();
      continue;
    }
    const type = typeIndexOf(tag);
    const part = partOf(tag);
    if (openFirst !== -1 && isRunTogether(text, tokens, i) && hasWhiteSpace(text, tokens.starts[openFirst] ?? 0, tokens.starts[i] ?? 0)) close();
    if (openFirst === -1 || part === TagPart.Begin || part === TagPart.Unit || type !== openType) {
      close();
      openFirst = i;
      openType = type;
    }
    openLast = i;
    if (part === TagPart.Last || part === TagPart.Unit) close();
  }
  close();
  return spans;
}

const SPACE = 0x20;
const LOWER_S = 0x73;
const APOSTROPHES = "'’";
const MISC_INDEX = ENTITY_TYPES.indexOf('MISC');

/** Whether a span of `typeIndex` from token `first` is the rest of `previous` (see `tagsToSpans`). */
function continuesPrevious(text: string, tokens: TokenBuffer, previous: EntitySpan, first: number, typeIndex: number): boolean {
  if (typeIndex === MISC_INDEX || previous.type !== ENTITY_TYPES[typeIndex] || ((tokens.flags[first] ?? 0) & TokenFlag.SentenceStart) !== 0) return false;
  const start = tokens.starts[first] ?? 0;
  if (start === previous.end + 1) return text.charCodeAt(previous.end) === SPACE;
  return (
    start === previous.end + 2 &&
    text.charCodeAt(previous.end - 1) === LOWER_S &&
    APOSTROPHES.includes(text.charAt(previous.end)) &&
    text.charCodeAt(previous.end + 1) === SPACE
  );
}

/**
 * Whether token `i` is the second half of a run-together word the tokenizer split ("Times" | "Putin" of
 * "TimesPutin", a caption glued to the next line by a careless conversion). A name of several words does
 * not go on across that seam; a name that starts with such a word does ("NationsBank", "EgyptAir", "MaliVai
 * Washington": 38 of the 40 such names in CoNLL train and dev have the seam in their first word), and so does one
 * word with several seams ("RealClearPolitics": the tokenizer splits it in three).
 */
function isRunTogether(text: string, tokens: TokenBuffer, i: number): boolean {
  const start = tokens.starts[i] ?? 0;
  return ((tokens.flags[i] ?? 0) & TokenFlag.Glued) !== 0 && charClass(text.charCodeAt(start)) === CharClass.Upper && charClass(text.charCodeAt(start - 1)) === CharClass.Lower;
}

const EDGE_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', '"', '“', '”', "'", '‘', '’', '(', ')', '[', ']', '-', '--', '|', '/']);

/** The other bracket of each bracket's pair. */
const BRACKET_PARTNER: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  [')', '('],
  ['[', ']'],
  [']', '['],
]);
const OPENINGS: ReadonlySet<string> = new Set(['(', '[']);

/** Whether token `i`, at an edge of the span [first, last], is punctuation to leave out of the name. */
function isEdgePunctuation(text: string, tokens: TokenBuffer, i: number, first: number, last: number): boolean {
  if ((tokens.kinds[i] ?? 0) !== TokenKind.HasSymbol) return false;
  const token = text.slice(tokens.starts[i] ?? 0, tokens.ends[i] ?? 0);
  if (!EDGE_PUNCTUATION.has(token)) return false;
  const partner = BRACKET_PARTNER.get(token);
  if (partner === undefined) return true;
  for (let k = first; k <= last; k++) if (k !== i && text.slice(tokens.starts[k] ?? 0, tokens.ends[k] ?? 0) === partner) return false;
  return true;
}

/**
 * The tokens of [first, last] outside any aside left unbalanced in it: after the last closing bracket whose opening
 * one is not in the span, before the first opening bracket whose closing one is not.
 */
function outsideAsides(text: string, tokens: TokenBuffer, first: number, last: number): [number, number] {
  const open: { readonly bracket: string; readonly at: number }[] = [];
  let from = first;
  for (let k = first; k <= last; k++) {
    if ((tokens.kinds[k] ?? 0) !== TokenKind.HasSymbol) continue;
    const token = text.slice(tokens.starts[k] ?? 0, tokens.ends[k] ?? 0);
    const opening = OPENINGS.has(token) ? undefined : BRACKET_PARTNER.get(token);
    if (OPENINGS.has(token)) open.push({ bracket: token, at: k });
    else if (opening !== undefined && open[open.length - 1]?.bracket === opening) open.pop();
    else if (opening !== undefined) {
      from = k + 1;
      open.length = 0;
    }
  }
  const unclosed = open[0];
  return [from, unclosed === undefined ? last : unclosed.at - 1];
}

function makeSpan(text: string, start: number, end: number, typeIndex: number): EntitySpan {
  const type: EntityType = ENTITY_TYPES[typeIndex] ?? 'MISC';
  return { start, end, type, text: text.slice(start, end) };
}

/**
 * The BILOU tags of gold spans over `tokens`, for training. A span whose edges fall inside a token
 * cannot be represented and is left out; the number left out is returned for the training report.
 *
 * @example
 * const { tags, misaligned } = spansToTags(tokens, [{ start: 0, end: 11, type: 'PER' }]);
 */
export function spansToTags(
  tokens: TokenBuffer,
  spans: readonly { readonly start: number; readonly end: number; readonly type: EntityType }[],
): { tags: Uint8Array; misaligned: number } {
  const tags = new Uint8Array(tokens.count);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  for (let i = 0; i < tokens.count; i++) {
    byStart.set(tokens.starts[i] ?? 0, i);
    byEnd.set(tokens.ends[i] ?? 0, i);
  }
  let misaligned = 0;
  for (const span of spans) {
    const first = byStart.get(span.start);
    const last = byEnd.get(span.end);
    if (first === undefined || last === undefined || last < first) {
      misaligned++;
      continue;
    }
    tagName(tags, first, last, ENTITY_TYPES.indexOf(span.type));
  }
  return { tags, misaligned };
}
