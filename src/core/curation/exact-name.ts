import { PostingList } from '../search/postings';
import { tokenize } from '../search/tokenize';

/** A letter, digit or mark: what a whole-word match may not touch on either side. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * Where `name` occurs in `text` exactly (case-sensitive) as whole words: not inside a longer word.
 *
 * @example
 * exactNameMentions('Jane Doe met Jane Does.', 'Jane Doe'); // [{ start: 0, end: 8 }]
 */
export function exactNameMentions(text: string, name: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (name === '') return found;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (!WORD_CHARACTER.test(text.charAt(at - 1)) && !WORD_CHARACTER.test(text.charAt(end))) found.push({ start: at, end });
  }
  return found;
}

/**
 * What {@link docsWithWordsOf} reads of an index: a word's dictionary id, its postings, and a document's liveness.
 *
 * @example
 * const source: NameLookupSource = { termId: (word) => dictionary.id(word), lists, isLive: (doc) => store.isLive(doc) };
 */
export interface NameLookupSource {
  termId(word: string): number | undefined;
  lists(term: number): PostingList[];
  isLive(doc: number): boolean;
}

function docsOf(lists: readonly PostingList[]): Set<number> {
  const docs = new Set<number>();
  for (const { docs: ids, start, end } of lists) {
    for (let i = start; i < end; i++) docs.add(ids[i] ?? 0);
  }
  return docs;
}

/**
 * The live documents that hold every word of `name` (case and accents aside), in order: where it may occur
 * exactly, found through the index alone (the rarest word's documents first), no text read.
 *
 * @example
 * docsWithWordsOf('Jane Doe', source); // [3, 12]: 12 names "Jane Doe", 3 "Doe, Jane"
 */
export function docsWithWordsOf(name: string, source: NameLookupSource): number[] {
  const terms = [...new Set(tokenize(name).map((token) => token.term))].map((word) => source.termId(word));
  if (terms.length === 0 || terms.some((term) => term === undefined)) return [];
  const sets = terms.map((term) => docsOf(source.lists(term ?? 0))).sort((a, b) => a.size - b.size);
  const [rarest, ...others] = sets;
  return [...(rarest ?? [])].filter((doc) => source.isLive(doc) && others.every((docs) => docs.has(doc))).sort((a, b) => a - b);
}
