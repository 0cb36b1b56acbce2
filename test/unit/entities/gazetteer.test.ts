import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import { FeatureContext } from '../../../src/core/entities/features';
import { Gazetteer, coversExactly } from '../../../src/core/entities/gazetteer';
import { readModel } from '../../../src/core/entities/model-file';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { MODEL_FILE } from './fixtures';

/** `Category.WikipediaTitle` of scripts/ner-gazetteer.ts: the titles of popular Wikipedia articles. */
const WIKIPEDIA_TITLE_CATEGORY = 7;

/** Whether the shipped model's gazetteer has `name` as one whole entry of `category`. */
function listed(name: string, category: number): boolean {
  const model = readModel(new Uint8Array(fs.readFileSync(MODEL_FILE)));
  const tokens = tokenize(name);
  const context = new FeatureContext();
  context.prepare(name, tokens, { gazetteer: model.gazetteer, clusters: model.clusters });
  return coversExactly(context.gazetteer, category, 0, tokens.count - 1);
}

describe('the gazetteer compiled into the model', () => {
  for (const name of ['Linkin Park', 'Sistine Chapel', 'Konami', 'Avenged Sevenfold']) {
    it(`lists the Wikipedia title "${name}", whatever its case`, () => {
      assert.ok(listed(name, WIKIPEDIA_TITLE_CATEGORY));
      assert.ok(listed(name.toUpperCase(), WIKIPEDIA_TITLE_CATEGORY));
    });
  }

  it('does not make every capitalised pair a Wikipedia title', () => {
    assert.ok(!listed('Yesterday Morning', WIKIPEDIA_TITLE_CATEGORY));
    assert.ok(!listed('Linkin', WIKIPEDIA_TITLE_CATEGORY));
  });
});

describe('Gazetteer.mark', () => {
  /** The match bits by the definition: every entry compared with every run of tokens that stays in one sentence. */
  function referenceMarks(entries: readonly { tokens: readonly number[]; category: number }[], low: Int32Array, last: Uint8Array): Uint32Array {
    const out = new Uint32Array(low.length);
    for (const { tokens, category } of entries) {
      for (let start = 0; start + tokens.length <= low.length; start++) {
        const end = start + tokens.length - 1;
        if (!tokens.every((token, k) => low[start + k] === token) || last.subarray(start, end).some((flag) => flag === 1)) continue;
        const base = category * 4;
        if (start === end) out[start] = (out[start] ?? 0) | (1 << base);
        else {
          out[start] = (out[start] ?? 0) | (1 << (base + 1));
          for (let i = start + 1; i < end; i++) out[i] = (out[i] ?? 0) | (1 << (base + 2));
          out[end] = (out[end] ?? 0) | (1 << (base + 3));
        }
      }
    }
    return out;
  }

  it('marks exactly the entries that occur, its filter rejecting only keys the table does not hold', () => {
    // Few distinct words, so that entries occur often, and a few words no entry holds, so that the filter rejects.
    const word = fc.integer({ min: 1, max: 12 }).map((n) => Math.imul(n, 0x9e3779b1) | 0);
    const entry = fc.record({ tokens: fc.array(word, { minLength: 1, maxLength: 6 }), category: fc.integer({ min: 0, max: 7 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.array(fc.tuple(word, fc.boolean()), { maxLength: 60 }), (entries, text) => {
        const low = Int32Array.from(text, ([token]) => token);
        const last = Uint8Array.from(text, ([, ends], i) => (ends || i === text.length - 1 ? 1 : 0));
        const marks = new Uint32Array(low.length);
        Gazetteer.build(entries).mark(low, last, low.length, marks);
        assert.deepStrictEqual(marks, referenceMarks(entries, low, last));
      }),
      { numRuns: 1000 },
    );
  });
});
