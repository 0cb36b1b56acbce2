/** Terms the counts have room for at first; the room doubles as terms come. */
const FIRST_CAPACITY = 1 << 12;
/**
 * Integers per term: the number (from 1) of the last article counted that holds it, then how many articles hold it.
 * Side by side, so that a word of an article costs one cache miss at most; 8 bytes a term, where the compaction's
 * counter takes 16 (at 100,000 articles, ~100,000 terms: 0.8 MB).
 */
const STRIDE = 2;
const COUNT = 1;

/**
 * How many articles hold each term (in the body, the title or the entity field), counted as articles are added to an
 * index that started empty, for as long as that count is exact: no article removed or replaced since. A compaction
 * sizes its postings by these counts, which it otherwise makes by reading every article's ids once more (see
 * {@link compactSteps}): a first build's last compaction, which runs alone after the indexing threads have stopped,
 * then reads each article once instead of twice, and its partial compactions too.
 *
 * @example
 * const counts = new TermArticleCounts();
 * counts.addArticle(Uint32Array.of(3, 1, 3), Uint32Array.of(4, 2), 5); // words 3, 1, 3; entity term 4, twice
 * counts.addArticle(Uint32Array.of(3), new Uint32Array(0), 5);
 * counts.sizes(5); // Uint32Array [0, 1, 0, 2, 1]
 * counts.forget(); // an article was removed
 * counts.sizes(5); // undefined
 */
export class TermArticleCounts {
  private slots: Uint32Array | undefined = new Uint32Array(FIRST_CAPACITY * STRIDE);
  private articles = 0;

  /**
   * Counts an article once for each distinct term of its word ids `words` and of its entity field `field` ((term,
   * mentions) pairs), all below `termCount`.
   */
  addArticle(words: Uint32Array, field: Uint32Array, termCount: number): void {
    let slots = this.slots;
    if (slots === undefined) return;
    if (termCount * STRIDE > slots.length) {
      const grown = new Uint32Array(Math.max(termCount, slots.length) * STRIDE);
      grown.set(slots);
      this.slots = slots = grown;
    }
    const article = ++this.articles;
    for (let i = 0; i < words.length; i++) countOnce(slots, words[i] ?? 0, article);
    for (let i = 0; i + 1 < field.length; i += 2) countOnce(slots, field[i] ?? 0, article);
  }

  /** Gives the counts up for good: an article was removed or replaced, and its terms are not known here. */
  forget(): void {
    this.slots = undefined;
  }

  /** How many articles hold each of the terms `0…termCount − 1`, or undefined once given up. */
  sizes(termCount: number): Uint32Array | undefined {
    const slots = this.slots;
    if (slots === undefined) return undefined;
    const sizes = new Uint32Array(termCount);
    const known = Math.min(termCount, slots.length / STRIDE);
    for (let term = 0; term < known; term++) sizes[term] = slots[term * STRIDE + COUNT] ?? 0;
    return sizes;
  }
}

/** Counts `article` for `term` unless it was already. */
function countOnce(slots: Uint32Array, term: number, article: number): void {
  const at = term * STRIDE;
  if (slots[at] === article) return;
  slots[at] = article;
  slots[at + COUNT] = (slots[at + COUNT] ?? 0) + 1;
}
