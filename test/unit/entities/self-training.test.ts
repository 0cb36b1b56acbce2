import * as assert from 'assert';
import { agreedSentences } from '../../../src/core/entities/self-training';
import { EntitySpan, EntityType } from '../../../src/core/entities/types';

/** The spans of `names` (each found at its first occurrence in `text`) with their types. */
function spans(text: string, names: readonly (readonly [string, EntityType])[]): EntitySpan[] {
  return names.map(([name, type]) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, type, text: name };
  });
}

describe('self-training: sentences the models agree on', () => {
  const text = 'Obama met Putin in Moscow. Then Linkin Park played.\nNothing else happened. Google hired Anna.';

  it('keeps the sentences every tagging reads alike, one a line, with their spans moved to the new text', () => {
    const a = spans(text, [['Obama', 'PER'], ['Putin', 'PER'], ['Moscow', 'LOC'], ['Linkin Park', 'ORG'], ['Google', 'ORG'], ['Anna', 'PER']]);
    const b = spans(text, [['Obama', 'PER'], ['Putin', 'PER'], ['Moscow', 'LOC'], ['Linkin Park', 'LOC'], ['Google', 'ORG'], ['Anna', 'PER']]);
    const document = agreedSentences(text, [a, b, a]);
    assert.ok(document !== undefined);
    assert.strictEqual(document.text, 'Obama met Putin in Moscow.\nGoogle hired Anna.');
    assert.deepStrictEqual(
      document.entities.map((entity) => [document.text.slice(entity.start, entity.end), entity.type]),
      [['Obama', 'PER'], ['Putin', 'PER'], ['Moscow', 'LOC'], ['Google', 'ORG'], ['Anna', 'PER']],
    );
  });

  it('drops a sentence where one tagging has a span the others lack, or has other boundaries', () => {
    const full = spans(text, [['Obama', 'PER'], ['Putin', 'PER'], ['Google', 'ORG']]);
    const missing = spans(text, [['Obama', 'PER'], ['Google', 'ORG']]);
    const longer = spans(text, [['Obama', 'PER'], ['Putin', 'PER'], ['Google hired', 'ORG']]);
    assert.strictEqual(agreedSentences(text, [full, missing, longer]), undefined);
    assert.strictEqual(agreedSentences(text, [full, missing])?.text, 'Google hired Anna.');
  });

  it('leaves out sentences without names, and a span that crosses a sentence boundary', () => {
    const crossing = [{ start: text.indexOf('played'), end: text.indexOf('Nothing') + 7, type: 'ORG' as const, text: '' }];
    assert.strictEqual(agreedSentences(text, [crossing, crossing]), undefined);
    assert.strictEqual(agreedSentences(text, [[], []]), undefined);
    assert.strictEqual(agreedSentences(text, [[], []], 0)?.text, 'Obama met Putin in Moscow.\nThen Linkin Park played.\nNothing else happened.\nGoogle hired Anna.');
    assert.strictEqual(agreedSentences(text, []), undefined);
  });
});
