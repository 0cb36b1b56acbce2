import * as assert from 'assert';
import { FeatureContext, FeatureGroup, MAX_FEATURES, gazetteerFeatures } from '../../../src/core/entities/features';
import { Gazetteer } from '../../../src/core/entities/gazetteer';
import { Lexicon } from '../../../src/core/entities/lexicon';
import { TokenBuffer, tokenize } from '../../../src/core/entities/tokenizer';
import { WordClusters, packClusters } from '../../../src/core/entities/word-clusters';
import { lowerCaseHashOf } from './fixtures';

/** Each static key of each token of `text`, with the group `staticFeatureGroups` gives it. */
interface Token {
  readonly word: string;
  readonly groups: ReadonlyMap<number, FeatureGroup>;
}

function featuresOf(text: string, lexicon: Partial<Lexicon> = {}): Token[] {
  const tokens = tokenize(text, new TokenBuffer());
  const context = new FeatureContext();
  context.prepare(text, tokens, lexicon);
  const keys = new Int32Array(MAX_FEATURES);
  const groups = new Uint8Array(MAX_FEATURES);
  const result: Token[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const n = context.staticFeatures(i, keys, 0);
    assert.strictEqual(context.staticFeatureGroups(i, true, groups, 0), n, `one group per static key of token ${i}`);
    assert.strictEqual(context.staticFeatureGroups(i, false, groups.slice(), 0), context.wordFeatures(i, keys.slice(), 0), `one group per word key of token ${i}`);
    const map = new Map<number, FeatureGroup>();
    for (let k = 0; k < n; k++) map.set(keys[k] ?? 0, groups[k] ?? FeatureGroup.Kept);
    result.push({ word: text.slice(tokens.starts[i], tokens.ends[i]), groups: map });
  }
  return result;
}

/** The groups of the keys token `i` has in `before` and not in `after`. */
function changed(before: readonly Token[], after: readonly Token[], i: number): FeatureGroup[] {
  const kept = after[i]?.groups ?? new Map<number, FeatureGroup>();
  return [...(before[i]?.groups ?? [])].filter(([key]) => !kept.has(key)).map(([, group]) => group);
}

const count = (groups: readonly FeatureGroup[], group: FeatureGroup): number => groups.filter((g) => g === group).length;

describe('feature groups (FeatureContext.staticFeatureGroups, for feature bagging)', () => {
  it('gives the word identity group exactly the keys that change with the word alone', () => {
    // Same length, shape and four-letter affixes: only the word's identity differs.
    const before = featuresOf('Then Abcdwxefgh met Lund.\nAbcdwxefgh 2 Chelsea 0');
    const after = featuresOf('Then Abcdyzefgh met Lund.\nAbcdyzefgh 2 Chelsea 0');
    for (let i = 0; i < before.length; i++) for (const group of changed(before, after, i)) assert.strictEqual(group, FeatureGroup.Lexical, `token ${i}`);
    assert.deepStrictEqual(changed(before, after, 1), Array(5).fill(FeatureGroup.Lexical), 'Low, Raw, both bigrams, PositionLow');
    assert.strictEqual(changed(before, after, 2).length, 2, 'the next word: LowPrev and BigramPrev');
    assert.strictEqual(changed(before, after, 3).length, 1, 'two words on: LowPrev2');
    assert.strictEqual(changed(before, after, 5).length, 6, 'in a table row TableLow too');
    assert.strictEqual(count([...(before[1]?.groups.values() ?? [])], FeatureGroup.Lexical), 9, 'and the neighbours’ words are lexical too');
  });

  it('gives the distributional group exactly the keys that change with the word clusters', () => {
    const text = 'Then Oslo met Lund.';
    const clustersOf = (packed: number): Partial<Lexicon> => {
      const clusters = WordClusters.build(new Map([[lowerCaseHashOf('Oslo'), packed]]));
      return { clusters, embeddings: clusters };
    };
    const before = featuresOf(text, clustersOf(packClusters([1, 2, 3])));
    const after = featuresOf(text, clustersOf(packClusters([4, 5, 6])));
    for (let i = 0; i < before.length; i++) for (const group of changed(before, after, i)) assert.strictEqual(group, FeatureGroup.Distributional, `token ${i}`);
    assert.strictEqual(changed(before, after, 1).length, 6, 'three levels of each source');
    assert.strictEqual(changed(before, after, 0).length, 6, 'and the next word’s clusters for the word before');
    assert.strictEqual(changed(before, after, 3).length, 6, 'and the clusters of the word two before (ClusterPrev2, EmbeddingPrev2)');
    assert.strictEqual(changed(before, after, 4).length, 0, 'but not three words on');
  });

  it('gives the orthographic group the keys that change with the case alone, besides the raw word', () => {
    const before = featuresOf('Then Abcdwxefgh met Lund.');
    const after = featuresOf('Then ABCDWXEFGH met Lund.');
    for (let i = 0; i < before.length; i++) {
      for (const group of changed(before, after, i)) assert.ok(group === FeatureGroup.Orthographic || group === FeatureGroup.Lexical, `token ${i}: ${group}`);
    }
    const own = changed(before, after, 1);
    assert.strictEqual(count(own, FeatureGroup.Lexical), 1, 'Raw');
    assert.strictEqual(count(own, FeatureGroup.Orthographic), 4, 'Shape, LengthShape, Shape3, PositionShape');
    assert.strictEqual(count([...(before[1]?.groups.values() ?? [])], FeatureGroup.Orthographic), 12, 'with the eight affixes');
  });

  it('gives the gazetteer group the keys of the gazetteer matches, and keeps the bias and the lower-case evidence', () => {
    const gazetteer = Gazetteer.build([{ tokens: [lowerCaseHashOf('Oslo')], category: 3 }]);
    const [then, oslo] = featuresOf('Then Oslo met Lund then.', { gazetteer });
    const text = 'Then Oslo met Lund then.';
    const context = new FeatureContext();
    context.prepare(text, tokenize(text), { gazetteer });
    const keys = new Int32Array(MAX_FEATURES);
    const expected: number[] = [];
    for (let bit = 0; bit < 32; bit++) if (((context.gazetteer[1] ?? 0) >>> bit) & 1) expected.push(...keys.subarray(0, gazetteerFeatures(bit, 1, keys, 0)));
    assert.ok(expected.length > 0, 'Oslo matches');
    expected.sort();
    const found = [...(oslo?.groups ?? [])].filter(([, group]) => group === FeatureGroup.Gazetteer).map(([key]) => key);
    assert.deepStrictEqual(found.sort(), expected);
    assert.strictEqual(count([...(then?.groups.values() ?? [])], FeatureGroup.Gazetteer), 0);
    assert.strictEqual(count([...(then?.groups.values() ?? [])], FeatureGroup.Kept), 2, 'the bias, and "Then" is written "then" too');
    assert.strictEqual(count([...(oslo?.groups.values() ?? [])], FeatureGroup.Kept), 1, 'the bias');
  });
});
