import * as assert from 'assert';
import { FeatureContext, MAX_FEATURES } from '../../../src/core/entities/features';
import { tokenize } from '../../../src/core/entities/tokenizer';

/** The context of `text` (no gazetteer, no clusters) and the index of the first token spelled `word`. */
function prepared(text: string, word: string): { context: FeatureContext; at: number } {
  const tokens = tokenize(text);
  const context = new FeatureContext();
  context.prepare(text, tokens);
  for (let i = 0; i < tokens.count; i++) if (text.slice(tokens.starts[i], tokens.ends[i]) === word) return { context, at: i };
  throw new Error(`no token "${word}" in "${text}"`);
}

function rowOf(text: string, word: string): number {
  const { context, at } = prepared(text, word);
  return context.tableRow[at] ?? -1;
}

function keysOf(text: string, word: string): Set<number> {
  const { context, at } = prepared(text, word);
  const keys = new Int32Array(MAX_FEATURES);
  return new Set(keys.subarray(0, context.staticFeatures(at, keys, 0)));
}

describe('table rows (FeatureContext.tableRow)', () => {
  it('marks a results line: numbers and capitalised words only', () => {
    assert.strictEqual(rowOf('Chelsea 2 Southampton 0', 'Chelsea'), 1);
    assert.strictEqual(rowOf('Lloyd Cole 71 68 70', 'Cole'), 1);
  });

  it('does not mark prose, a line without a number, or an all-caps headline', () => {
    assert.strictEqual(rowOf('Chelsea beat Southampton 2-0 on Saturday.', 'Chelsea'), 0);
    assert.strictEqual(rowOf('Chelsea Southampton Arsenal', 'Chelsea'), 0);
    assert.strictEqual(rowOf('SOCCER - ENGLISH LEAGUE RESULTS 1996', 'SOCCER'), 0);
  });

  it('marks each sentence on its own', () => {
    const text = 'The results were:\nChelsea 2 Southampton 0\nArsenal won again.';
    assert.strictEqual(rowOf(text, 'Chelsea'), 1);
    assert.strictEqual(rowOf(text, 'Arsenal'), 0);
    assert.strictEqual(rowOf(text, 'The'), 0);
  });

  it('gives a word in a row two features more than the same window in prose (its shape and its word, in a row)', () => {
    // The same two words either side of "Chelsea": only the row's features differ.
    const row = keysOf('Chelsea 2 Southampton 0', 'Chelsea');
    const prose = keysOf('Chelsea 2 Southampton won, said the people', 'Chelsea');
    assert.deepStrictEqual([...prose].filter((key) => !row.has(key)), []);
    assert.strictEqual(row.size, prose.size + 2);
  });
});
