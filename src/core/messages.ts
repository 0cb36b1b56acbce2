/** Every message the product shows starts with its name, so users know where it came from. */
export const PRODUCT_PREFIX = 'News Corpus: ';

/**
 * Prefixes a message with the product's name, once: messages from the core often carry it already.
 *
 * @example
 * withProductPrefix('the index was rebuilt');              // 'News Corpus: the index was rebuilt'
 * withProductPrefix('News Corpus: the index was rebuilt'); // unchanged
 */
export function withProductPrefix(message: string): string {
  return message.startsWith(PRODUCT_PREFIX) ? message : `${PRODUCT_PREFIX}${message}`;
}

/**
 * The message of anything thrown, without the product's prefix, to be embedded in a longer message.
 *
 * @example
 * reasonOf(new Error('News Corpus: an indexing thread failed')); // 'an indexing thread failed'
 */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(PRODUCT_PREFIX) ? message.slice(PRODUCT_PREFIX.length) : message;
}
