import { TrainingDocument } from './trainer';
import { TokenBuffer, TokenFlag, tokenize } from './tokenizer';
import { EntitySpan } from './types';

/**
 * Fewest names a sentence needs to become pseudo-labelled training data. A sentence without names teaches
 * only "outside", which CoNLL's 200,000 tokens already teach; the names are what unlabeled modern text adds.
 */
const MIN_NAMES = 1;

/** A span as a comparable string (offsets and type). */
function spanKey(span: EntitySpan): string {
  return `${span.start}:${span.end}:${span.type}`;
}

/**
 * Self-training data from unlabeled text: the sentences of `text` on which every tagging agrees exactly
 * (same spans, same types), each on a line of its own, with the agreed spans as their labels. `taggings`
 * are the outputs of several models on the same text (the ensemble and each of its members): agreement is
 * the confidence test, since a sentence the members read alike is one the model is rarely wrong about. A
 * sentence with fewer than `minNames` agreed names, or with a span that crosses its boundary, is left out.
 * Undefined when no sentence is kept.
 *
 * @example
 * const text = 'Obama met Putin. Then Linkin Park played.';
 * const a = [{ start: 0, end: 5, type: 'PER', text: 'Obama' }, { start: 22, end: 33, type: 'ORG', text: 'Linkin Park' }];
 * const b = [{ start: 0, end: 5, type: 'PER', text: 'Obama' }, { start: 22, end: 33, type: 'LOC', text: 'Linkin Park' }];
 * agreedSentences(text, [a, b]);
 * // { text: 'Obama met Putin.', entities: [{ start: 0, end: 5, type: 'PER' }] }
 */
export function agreedSentences(text: string, taggings: readonly (readonly EntitySpan[])[], minNames = MIN_NAMES): TrainingDocument | undefined {
  const first = taggings[0];
  if (first === undefined) return undefined;
  const tokens = tokenize(text, new TokenBuffer());
  const lines: string[] = [];
  const entities: { start: number; end: number; type: EntitySpan['type'] }[] = [];
  let offset = 0;
  let from = 0;
  while (from < tokens.count) {
    let to = from + 1;
    while (to < tokens.count && ((tokens.flags[to] ?? 0) & TokenFlag.SentenceStart) === 0) to++;
    const start = tokens.starts[from] ?? 0;
    const end = tokens.ends[to - 1] ?? 0;
    from = to;
    const inside = (span: EntitySpan): boolean => span.start < end && span.end > start;
    const agreed = first.filter(inside);
    if (agreed.length < minNames || agreed.some((span) => span.start < start || span.end > end)) continue;
    const keys = agreed.map(spanKey).join(' ');
    if (!taggings.every((tagging) => tagging.filter(inside).map(spanKey).join(' ') === keys)) continue;
    for (const span of agreed) entities.push({ start: span.start - start + offset, end: span.end - start + offset, type: span.type });
    lines.push(text.slice(start, end));
    offset += end - start + 1;
  }
  return lines.length === 0 ? undefined : { text: lines.join('\n'), entities };
}
