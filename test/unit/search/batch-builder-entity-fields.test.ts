import * as assert from 'assert';
import * as fc from 'fast-check';
import { ArticleEntity, EntityType } from '../../../src/core/entities/types';
import { AnalyzedBatch } from '../../../src/core/search/analyzed-batch';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { article } from './fixtures';

/** Entities an article may name: one key under several names (case variants, a repeated word), names shared by keys. */
const POOL: readonly { readonly key: string; readonly name: string; readonly type: EntityType }[] = [
  { key: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER' },
  { key: 'PER:kim jong-un', name: 'Kim Jong-Un', type: 'PER' },
  { key: 'PER:kim jong-un', name: 'KIM JONG-UN', type: 'PER' },
  { key: 'PER:kim kim', name: 'Kim Kim', type: 'PER' },
  { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER' },
  { key: 'ORG:putin', name: 'Putin', type: 'ORG' },
  { key: 'LOC:putin', name: 'Putin', type: 'LOC' },
  { key: 'LOC:new york', name: 'New York', type: 'LOC' },
  { key: 'ORG:new york times', name: 'the New York Times', type: 'ORG' },
  { key: 'ORG:new york times', name: 'New York Times', type: 'ORG' },
];

/** An article naming `named` (indexes into {@link POOL}), each with as many mentions as it appears there. */
function articleNaming(named: readonly number[]): { text: string; entities: ArticleEntity[] } {
  const byKey = new Map<string, { name: string; type: EntityType; mentions: number; forms: Map<string, number> }>();
  for (const i of named) {
    const { key, name, type } = POOL[i % POOL.length] ?? { key: 'LOC:moscow', name: 'Moscow', type: 'LOC' };
    const entry = byKey.get(key) ?? { name, type, mentions: 0, forms: new Map<string, number>() };
    entry.mentions++;
    entry.forms.set(name, (entry.forms.get(name) ?? 0) + 1);
    byKey.set(key, entry);
  }
  const entities = [...byKey].map(
    ([key, { name, type, mentions, forms }]): ArticleEntity => ({
      key,
      name,
      type,
      aliases: [...forms.keys()].filter((form) => form !== name),
      mentions: Array.from({ length: mentions }, () => ({ start: 0, end: 1 })),
      forms: [...forms].map(([text, count]) => ({ text, count })),
    }),
  );
  return { text: article('2023-09-13', named.map((i) => POOL[i % POOL.length]?.name ?? '').join(' met ')), entities };
}

/** Every article's entity field as (term, count) pairs spelled with the batch's vocabulary: ids depend on what came first. */
function spelledFields(batch: AnalyzedBatch): [string, number][][] {
  const fields: [string, number][][] = [];
  let at = 0;
  for (const meta of batch.articles) {
    const start = at + meta.bodyTokens + meta.titleTokens;
    const field: [string, number][] = [];
    for (let i = start; i < start + 2 * meta.entityPairs; i += 2) field.push([batch.vocabulary[batch.tokens[i] ?? 0] ?? '', batch.tokens[i + 1] ?? 0]);
    fields.push(field);
    at = start + 2 * meta.entityPairs;
  }
  return fields;
}

describe('BatchBuilder entity fields', () => {
  it('gives an article the entity field it has in a builder of its own, whatever the builder met before (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(POOL.length - 1), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (articles, perBatch) => {
        const made = articles.map(articleNaming);
        const entitiesOf = new Map(made.map(({ text, entities }) => [text, entities]));
        const extract = (text: string): readonly ArticleEntity[] => entitiesOf.get(text) ?? [];
        const shared = new BatchBuilder(extract);
        const together: [string, number][][] = [];
        made.forEach(({ text }, i) => {
          shared.addText({ path: `${i}.txt`, size: text.length, mtimeMs: 0 }, text);
          if ((i + 1) % perBatch === 0 || i === made.length - 1) together.push(...spelledFields(shared.finish()));
        });
        const alone = made.map(({ text }, i) => {
          const own = new BatchBuilder(extract);
          own.addText({ path: `${i}.txt`, size: text.length, mtimeMs: 0 }, text);
          return spelledFields(own.finish())[0];
        });
        assert.deepStrictEqual(together, alone);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a name word once per entity, however often the name repeats it', () => {
    const { text, entities } = articleNaming([3, 3]);
    const builder = new BatchBuilder(() => entities);
    builder.addText({ path: 'a.txt', size: text.length, mtimeMs: 0 }, text);
    builder.addText({ path: 'b.txt', size: text.length, mtimeMs: 0 }, text);
    const fields = spelledFields(builder.finish());
    const expected: [string, number][] = [
      ['\u0001PER:kim kim', 2],
      ['kim', 2],
    ];
    assert.deepStrictEqual(fields, [expected, expected]);
  });
});
