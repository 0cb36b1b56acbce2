import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { extractArticleEntities } from '../../../src/core/entities/article-entities';
import { entityCardMarkdown, entityCardOf } from '../../../src/core/entity-card';
import { seededRandom } from '../../../src/core/random';
import { AnalyzedBatch } from '../../../src/core/search/analyzed-batch';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { EntityCompanions } from '../../../src/core/search/entity-companions';
import { ENTITY_TYPES } from '../../../src/core/search/entity-table';
import { REPO_ROOT } from '../core/fixtures';
import { recognizer } from '../entities/fixtures';
import { GEORGIA_PLACE, KIM, KREMLIN, KnownEntity, MOSCOW, PUTIN, analyzeText, article, fakeExtractor } from './fixtures';

const WIKINEWS = path.join(REPO_ROOT, 'samples', 'wikinews');
const KNOWN: readonly KnownEntity[] = [PUTIN, KIM, MOSCOW, KREMLIN, GEORGIA_PLACE];
/** Entities of at least this many articles have their companions counted by prepare() (`KEPT_COMPANIONS_ARTICLES` in corpus-index.ts). */
const COUNTED_AHEAD = 300;
/** Copies of the sample corpus indexed together (317 articles each): enough for its most named entities to be counted ahead. */
const SAMPLE_COPIES = 4;
/** Companions asked for: fewer than a card's, a card's (5), the user's corrections' (10), and more than are counted ahead (15: 30 candidates). */
const LIMITS = [1, 5, 10, 15];

/** An index of `batch`, compacted, as a build leaves it before prepare(). */
function indexOf(batch: AnalyzedBatch): CorpusIndex {
  const index = new CorpusIndex();
  index.addBatch(batch, { defer: true });
  index.compactNow();
  return index;
}

/** The companion counts `index` keeps (counted ahead or at a hover). */
function companionCountsOf(index: CorpusIndex): EntityCompanions {
  return (index as unknown as { companionCounts: EntityCompanions }).companionCounts;
}

/**
 * The Markdown of the entity's hover card, as the hover provider makes it, and its companions at each of
 * {@link LIMITS}; `afresh`, each counted with nothing kept, so that no count kept before an edit can answer.
 */
function cardOf(index: CorpusIndex, key: string, afresh: boolean): string {
  const summary = index.entitySummary(key);
  assert.ok(summary, key);
  const companions = (entity: string, limit: number) => {
    if (afresh) companionCountsOf(index).clear();
    return index.companions(entity, limit);
  };
  const corpus = {
    summary: (entity: string) => index.entitySummary(entity),
    roles: (entity: string) => index.entityRoles(entity),
    timeline: (entity: string) => index.entityTimeline(entity),
    companions,
  };
  const card = entityCardMarkdown(entityCardOf({ key, name: summary.name, type: summary.type, aliases: summary.aliases, mentions: [], forms: [] }, corpus), []);
  return [card, ...LIMITS.map((limit) => JSON.stringify(companions(key, limit)))].join('\n');
}

/** Every entity's card in `prepared` equals the card of the same entity in `counted`, which counts its companions afresh at each hover. */
function assertSameCards(prepared: CorpusIndex, counted: CorpusIndex, keys: readonly string[], when: string): void {
  for (const key of keys) assert.strictEqual(cardOf(prepared, key, false), cardOf(counted, key, true), `${key}, ${when}`);
}

/** How many entities' companions `index` keeps (counted ahead or at a hover). */
function keptCount(index: CorpusIndex): number {
  return companionCountsOf(index).size;
}

function entityKeys(index: CorpusIndex): string[] {
  return ENTITY_TYPES.flatMap((type) => index.listEntities({ type, sort: 'articles', offset: 0, limit: Number.MAX_SAFE_INTEGER }).entities.map(({ key }) => key));
}

/** Articles of a generated corpus, each naming a random half of {@link KNOWN}, over 24 months. */
function generatedArticles(count: number, seed: number): { path: string; text: string }[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const named = KNOWN.filter(() => next() < 0.55).map(({ name }) => name);
    const month = String((i % 12) + 1).padStart(2, '0');
    return { path: `g${i}.txt`, text: article(`${2022 + (i % 2)}-${month}-0${(i % 9) + 1}`, `Named here: ${named.join(', ') || 'nobody'}.`) };
  });
}

function generatedBatch(articles: readonly { path: string; text: string }[]): AnalyzedBatch {
  const builder = new BatchBuilder(fakeExtractor(KNOWN));
  for (const { path: file, text } of articles) builder.addText({ path: file, size: text.length, mtimeMs: 1 }, text);
  return builder.finish();
}

describe('CorpusIndex companions counted ahead by prepare()', () => {
  it('gives a generated corpus the same cards as counting at the hover, through edits, prepares and compactions', async () => {
    const articles = generatedArticles(700, 7);
    const prepared = indexOf(generatedBatch(articles));
    const counted = indexOf(generatedBatch(articles));
    for (const { key } of KNOWN) assert.ok((counted.entitySummary(key)?.articleCount ?? 0) >= COUNTED_AHEAD, `${key} is large enough to be counted ahead`);
    await prepared.prepare(0);
    assert.strictEqual(keptCount(prepared), KNOWN.length, 'every large entity counted ahead');
    assert.strictEqual(keptCount(counted), 0);
    const keys = KNOWN.map(({ key }) => key);
    assertSameCards(prepared, counted, keys, 'after prepare()');
    const edits: [string, string | undefined][] = [
      ['new.txt', article('2024-02-01', 'Named here: Vladimir Putin, Kim Jong-un.')],
      ['g3.txt', article('2023-04-04', 'Named here: Moscow.')],
      ['g5.txt', undefined],
    ];
    for (const index of [prepared, counted]) {
      for (const [file, text] of edits) {
        if (text === undefined) index.remove(file);
        else index.addBatch(analyzeText({ path: file, size: 1, mtimeMs: 2 }, text, fakeExtractor(KNOWN)));
      }
    }
    assertSameCards(prepared, counted, keys, 'after edits');
    await prepared.prepare(0);
    assertSameCards(prepared, counted, keys, 'after edits and prepare()');
    prepared.compactNow();
    counted.compactNow();
    assert.strictEqual(keptCount(prepared), 0, 'a compaction forgets the kept counts');
    await prepared.prepare(0);
    assert.strictEqual(keptCount(prepared), KNOWN.length);
    assertSameCards(prepared, counted, keys, 'after a compaction and prepare()');
  });

  it('gives every entity of the sample corpus (copied four times over) the same card as counting at the hover', async function () {
    this.timeout(60_000);
    // Each text is recognised once: its copies have the same entities.
    const extracted = new Map<string, ReturnType<typeof extractArticleEntities>>();
    const builder = new BatchBuilder((text) => {
      const entities = extracted.get(text) ?? extractArticleEntities(recognizer(), text);
      extracted.set(text, entities);
      return entities;
    });
    const names = readdirSync(WIKINEWS).filter((file) => file.endsWith('.txt')).sort();
    for (let copy = 0; copy < SAMPLE_COPIES; copy++) {
      for (const name of names) builder.addBytes({ path: `${copy}/${name}`, size: 0, mtimeMs: 0 }, new Uint8Array(readFileSync(path.join(WIKINEWS, name))));
    }
    const batch = builder.finish();
    const prepared = indexOf(batch);
    const counted = indexOf(batch);
    await prepared.prepare(0);
    const keys = entityKeys(counted);
    const large = keys.filter((key) => (counted.entitySummary(key)?.articleCount ?? 0) >= COUNTED_AHEAD);
    assert.ok(large.length > 0, 'some entity of the sample corpus is counted ahead');
    assert.strictEqual(keptCount(prepared), large.length);
    assertSameCards(prepared, counted, keys, 'sample corpus');
  });
});
