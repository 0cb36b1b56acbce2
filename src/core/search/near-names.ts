import { editsWithin } from '../edit-distance';
import { defaultEdits } from './query-plan';

/** Typed texts this short match too many names at one edit to suggest any. */
const MIN_LETTERS = 4;

/**
 * The entities among `candidates` (kept in their order among equals, e.g. most articles first) whose name or an alias
 * has a word, or a run of as many words as `typed`, within one or two typos of `typed` (any case; two neighbouring
 * letters swapped are one typo, as in the search; one typo up to five letters, none below four), nearest first, at most
 * `limit`: the spellings to offer when no name contains the typed text. A pick typed "Scholtz" listed nothing, without
 * a word, though "Olaf Scholz" was one letter away.
 *
 * @example
 * nearNames('Scholtz', [{ name: 'Olaf Scholz', aliases: ['Scholz'] }, { name: 'Angela Merkel', aliases: [] }], 5);
 * // [{ name: 'Olaf Scholz', aliases: ['Scholz'] }]
 */
export function nearNames<T extends { readonly name: string; readonly aliases: readonly string[] }>(typed: string, candidates: Iterable<T>, limit: number): T[] {
  const typedWords = words(typed);
  const wanted = typedWords.join(' ');
  if (wanted.length < MIN_LETTERS) return [];
  // As many edits as the search allows a fuzzy word of that length.
  const maxEdits = defaultEdits(wanted);
  const span = typedWords.length;
  const found: { candidate: T; edits: number }[] = [];
  for (const candidate of candidates) {
    let best = maxEdits + 1;
    for (const name of [candidate.name, ...candidate.aliases]) best = Math.min(best, nearestRun(wanted, span, words(name), maxEdits).edits);
    if (best <= maxEdits) found.push({ candidate, edits: best });
  }
  return found
    .sort((a, b) => a.edits - b.edits)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/**
 * The run of as many words of `name` as `typed` has that is nearest to it in typos (any case), as `name` writes it, with
 * its typos; the whole name when it has fewer words.
 *
 * @example
 * nearestPart('Trunp', 'Donald Trump'); // { part: 'Trump', edits: 1 }
 */
export function nearestPart(typed: string, name: string): { readonly part: string; readonly edits: number } {
  const typedWords = words(typed);
  const written = name.split(/\s+/).filter((word) => word !== '');
  if (written.length <= typedWords.length) return { part: name, edits: editsWithin(typedWords.join(' '), words(name).join(' '), Infinity) };
  const { at, edits } = nearestRun(typedWords.join(' '), typedWords.length, words(name), Infinity);
  return { part: written.slice(at, at + typedWords.length).join(' '), edits };
}

/** Where in `parts` (lower case) the run of `span` words nearest to `wanted` starts, and its typos (`maxEdits` + 1 when none is within). */
function nearestRun(wanted: string, span: number, parts: readonly string[], maxEdits: number): { at: number; edits: number } {
  let best = { at: 0, edits: maxEdits + 1 };
  for (let at = 0; at + span <= parts.length; at++) {
    const part = span === 1 ? (parts[at] as string) : parts.slice(at, at + span).join(' ');
    // As many typos at least as the lengths differ: most of a corpus's names are skipped so, untried.
    if (Math.abs(part.length - wanted.length) > Math.min(maxEdits, best.edits - 1)) continue;
    const edits = editsWithin(wanted, part, Math.min(maxEdits, best.edits));
    if (edits < best.edits) best = { at, edits };
  }
  return best;
}

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((word) => word !== '');
}

/**
 * How well `name` matches the text `typed` that it contains, for listing such names best first: 0 when a word of it
 * starts with it (the name itself included: "trump" is Donald Trump's as much as Trump's, and the one with more
 * articles comes first among them), 1 when it is inside a word. "EC" listed "Undersecretary" and "Carole Ryavec"
 * before the organization EC, which had fewer articles (ux38b).
 *
 * @example
 * containedRank('EC', 'ec');                   // 0
 * containedRank('European Community', 'euro'); // 0
 * containedRank('Undersecretary', 'ec');       // 1
 */
export function containedRank(name: string, typed: string): number {
  const lowerTyped = typed.trim().toLowerCase();
  const lowerName = name.toLowerCase();
  return lowerName.startsWith(lowerTyped) || lowerName.split(/[\s-]+/u).some((word) => word.startsWith(lowerTyped)) ? 0 : 1;
}
