import { FeatureContext } from './features';
import { TAG_O } from './tags';
import { TokenBuffer, TokenFlag, TokenKind } from './tokenizer';

/** Longest line, in tokens, taken for a heading ("Method", "Materials and Methods", "Figure 3"). */
const MAX_HEADING_TOKENS = 4;

/**
 * Clears the tags of heading lines: a line of at most four tokens whose capitalised words the document
 * also writes in lower case elsewhere ("Method" above a section that speaks of "the method"). Such a line
 * names a section, not an entity; a real name alone on a line ("Barack Obama" under a photo, "ROMANIA"
 * over a story) is not written in lower case elsewhere, so it keeps its tags. The recogniser never saw
 * section headings in training (news and Wikipedia text), which is why this is a rule and not a feature.
 *
 * @example
 * clearHeadings(tokens, context, tags); // "Method\nThe method we used…": "Method" becomes O
 */
export function clearHeadings(tokens: TokenBuffer, context: FeatureContext, tags: Uint8Array): void {
  let lineStart = 0;
  for (let i = 1; i <= tokens.count; i++) {
    if (i < tokens.count && !((tokens.flags[i] ?? 0) & TokenFlag.LineStart)) continue;
    if (i - lineStart <= MAX_HEADING_TOKENS && isHeading(tokens, context, lineStart, i)) tags.fill(TAG_O, lineStart, i);
    lineStart = i;
  }
}

function isHeading(tokens: TokenBuffer, context: FeatureContext, from: number, to: number): boolean {
  let capitalised = 0;
  for (let i = from; i < to; i++) {
    if (!((tokens.kinds[i] ?? 0) & TokenKind.FirstUpper)) continue;
    if (context.lowerSeen[i] !== 1) return false;
    capitalised++;
  }
  return capitalised > 0;
}
