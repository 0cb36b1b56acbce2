import * as assert from 'assert';
import { TagPart, tagOf } from '../../../src/core/entities/tags';
import { TokenBuffer, tokenize } from '../../../src/core/entities/tokenizer';

/** The tag of each type for a BILOU part, to write the tags a rule after decoding gets and gives. */
export const per = (part: TagPart): number => tagOf(0, part);
export const loc = (part: TagPart): number => tagOf(1, part);
export const org = (part: TagPart): number => tagOf(2, part);
export const misc = (part: TagPart): number => tagOf(3, part);

/** The tags `rule` leaves on `text`'s tokens, given `tags` (one per token) as the decoder's. */
export function applyRule(rule: (text: string, tokens: TokenBuffer, tags: Uint8Array) => void, text: string, tags: readonly number[]): number[] {
  const tokens = tokenize(text);
  assert.strictEqual(tokens.count, tags.length, 'one tag per token');
  const array = Uint8Array.from(tags);
  rule(text, tokens, array);
  return [...array];
}
