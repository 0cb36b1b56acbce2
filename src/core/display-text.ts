/**
 * Article text made safe for VS Code labels, descriptions and details, which render `$(name)` as an
 * icon: untrusted text must not be able to draw icons or spinners. White space runs become one space.
 *
 * @example
 * toDisplayText('Price $(up)\n\n5%'); // 'Price \\$(up) 5%'
 */
export function toDisplayText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\$\(/g, '\\$(').trim();
}

/**
 * A count with its noun, as the views show it: digits grouped, the noun plural unless the count is one.
 *
 * @example
 * countOf(1, 'article');    // '1 article'
 * countOf(12345, 'file');   // '12,345 files'
 */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
