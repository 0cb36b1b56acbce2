import { TAG_O, TagPart, partOf, tagOf, typeIndexOf } from './tags';
import { TokenBuffer, TokenKind } from './tokenizer';

/**
 * Ends the name that ran into token `i` at token `i − 1`, for a rule after decoding that takes token `i` into
 * another name: a B becomes a U, an I an L.
 *
 * @example
 * closeBefore(tags, 2); // "Civic Passion Wu": B-ORG I-ORG … becomes B-ORG L-ORG …
 */
export function closeBefore(tags: Uint8Array, i: number): void {
  const previous = tags[i - 1] ?? TAG_O;
  if (previous === TAG_O) return;
  const part = partOf(previous);
  tags[i - 1] = tagOf(typeIndexOf(previous), part === TagPart.Begin ? TagPart.Unit : TagPart.Last);
}

/**
 * Starts what is left of a name cut before token `from` at its first capitalised token, keeping its type; the
 * words before it become O. For a rule after decoding that took the tokens before `from` into another name.
 *
 * @example
 * reopenAfter(tokens, tags, 2); // "Wu Chi-wai of Civic Passion": I-ORG I-ORG L-ORG after "Chi-wai" becomes O B-ORG L-ORG
 */
export function reopenAfter(tokens: TokenBuffer, tags: Uint8Array, from: number): void {
  for (let k = from; k < tokens.count; k++) {
    const tag = tags[k] ?? TAG_O;
    const part = partOf(tag);
    if (tag === TAG_O || part === TagPart.Begin || part === TagPart.Unit) return;
    if ((tokens.kinds[k] ?? 0) & TokenKind.FirstUpper) {
      tags[k] = tagOf(typeIndexOf(tag), part === TagPart.Last ? TagPart.Unit : TagPart.Begin);
      return;
    }
    tags[k] = TAG_O;
  }
}
