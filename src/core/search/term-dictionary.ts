import SearchableMap from 'minisearch/SearchableMap';
import { ENTITY_TERM_PREFIX } from './analyzed-batch';
import { runAtOnce } from './time-slices';

/**
 * Terms added to the radix tree between two chances to pause. 5,000 made steps of up to ~40 ms right
 * after a 100k reopen (a cold tree, a busy machine); 1,000 keep them to a few ms.
 */
const TREE_STEP_TERMS = 1000;

/**
 * The term dictionary: a hash map from term to id for indexing, and minisearch's radix tree
 * (`SearchableMap`) for prefix and fuzzy expansion, built on first use.
 *
 * @example
 * const dictionary = new TermDictionary();
 * dictionary.intern('bank'); // 0
 * dictionary.intern('banking'); // 1
 * [...dictionary.withPrefix('bank')]; // [['banking', 1], ['bank', 0]] (in the radix tree's order)
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[];
  private tree: SearchableMap<number> | undefined;

  constructor(terms: readonly string[] = []) {
    this.terms = [...terms];
    this.terms.forEach((term, id) => this.ids.set(term, id));
  }

  get size(): number {
    return this.terms.length;
  }

  /** The id of `term`, adding it if it is new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      if (!term.startsWith(ENTITY_TERM_PREFIX)) this.tree?.set(term, id);
    }
    return id;
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.terms[id] ?? '';
  }

  /** All terms, in id order (for saving). */
  all(): readonly string[] {
    return this.terms;
  }

  /** Terms starting with `prefix`, with their ids. */
  withPrefix(prefix: string): Iterable<[string, number]> {
    return this.radixTree().atPrefix(prefix).entries();
  }

  /**
   * Terms within `maxEdits` typos of `term`: term → [id, distance]. A typo is an insertion, a deletion, a change of
   * a letter (Levenshtein's edits) or the swap of two neighbouring letters, which Levenshtein counts as two: "trmup"
   * found nothing at the one edit a five-letter word gets, though "trump" was in 57 sample articles.
   *
   * The terms found with edits alone start with the same letter as `term`: typos in the first letter are rare, and
   * fixing it searches one branch of the tree instead of all of them. A swap may move the first letter ("rtump"): each
   * of the word's swaps is looked up in its own first letter's branch, exactly, or, when `maxEdits` allows more,
   * within one edit fewer (a swap and another typo). That is one lookup of a few letters for each pair of neighbours,
   * or one search with one edit, much narrower than the search with two that a word long enough for two edits gets.
   *
   * @example
   * const dictionary = new TermDictionary(['trump', 'tramp', 'rump']);
   * dictionary.near('trmup', 1); // Map { 'trump' => [0, 1] }
   * dictionary.near('trunp', 1); // Map { 'trump' => [0, 1] }
   */
  near(term: string, maxEdits: number): Map<string, [number, number]> {
    const found = new Map<string, [number, number]>();
    if (term === '') return found;
    const note = (word: string, id: number, distance: number) => {
      const known = found.get(word);
      if (known === undefined || distance < known[1]) found.set(word, [id, distance]);
    };
    for (const [word, [id, distance]] of this.sameFirstLetter(term, maxEdits)) note(word, id, distance);
    for (const swapped of maxEdits < 1 ? [] : adjacentSwaps(term)) {
      if (maxEdits === 1) {
        const id = this.radixTree().get(swapped);
        if (id !== undefined) note(swapped, id, 1);
      } else {
        for (const [word, [id, distance]] of this.sameFirstLetter(swapped, maxEdits - 1)) note(word, id, distance + 1);
      }
    }
    return found;
  }

  /** Terms within `maxEdits` Levenshtein edits of `term` that start with its first letter, by minisearch's fuzzy search. */
  private *sameFirstLetter(term: string, maxEdits: number): Iterable<[string, [number, number]]> {
    const first = term.charAt(0);
    for (const [rest, match] of this.radixTree().atPrefix(first).fuzzyGet(term.slice(1), maxEdits)) yield [first + rest, match];
  }

  /**
   * Builds the radix tree now rather than on the first prefix or fuzzy query, pausing every
   * {@link TREE_STEP_TERMS} terms (see `runInSlices`).
   */
  *prepareSteps(): Generator<void, void> {
    if (this.tree) return;
    const tree = new SearchableMap<number>();
    for (let id = 0; id < this.terms.length; id++) {
      const term = this.terms[id] ?? '';
      // Entity terms are only ever looked up exactly; keeping them out keeps the tree small.
      if (!term.startsWith(ENTITY_TERM_PREFIX)) tree.set(term, id);
      if (id % TREE_STEP_TERMS === TREE_STEP_TERMS - 1) yield;
    }
    this.tree = tree;
  }

  private radixTree(): SearchableMap<number> {
    if (!this.tree) runAtOnce(this.prepareSteps());
    return this.tree ?? new SearchableMap<number>();
  }
}

/**
 * `word` with each pair of neighbouring letters swapped, those that change it (a doubled letter swapped is the word).
 *
 * @example
 * [...adjacentSwaps('trmup')]; // ['rtmup', 'tmrup', 'trump', 'trmpu']
 * [...adjacentSwaps('see')];   // ['ese']
 */
function* adjacentSwaps(word: string): Iterable<string> {
  for (let i = 0; i + 1 < word.length; i++) {
    const [a, b] = [word.charAt(i), word.charAt(i + 1)];
    if (a !== b) yield `${word.slice(0, i)}${b}${a}${word.slice(i + 2)}`;
  }
}
