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
