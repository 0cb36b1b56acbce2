import * as assert from 'assert';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { DocStore } from '../../../src/core/search/doc-store';
import { IndexIdentity, encodeIndexSteps } from '../../../src/core/search/index-file';
import { NEWS_ENTITIES, article, buildIndex } from './fixtures';
import { seededRandom } from '../../../src/core/random';

const IDENTITY: IndexIdentity = { root: '/corpus', extractor: 'fake' };
/** Queries a reader may run while the cache is written: words, a phrase, a prefix, an entity filter, an OR. */
const QUERIES = ['rates', '"interest rates"', '"the central bank said"', 'bank*', 'person:Putin', 'wheat OR corn', 'Kim Moscow'];
const ENTITY_KEYS = NEWS_ENTITIES.map((entity) => entity.key);

const WORDS = ['the', 'central', 'bank', 'said', 'interest', 'rates', 'would', 'rise', 'wheat', 'corn', 'prices', 'markets', 'fell', 'in', 'of', 'and', 'banking', 'trade', 'talks', 'minister', 'on', 'Tuesday', 'exports', 'grain'];
const NAMES = ['Putin', 'Vladimir Putin', 'Kim', 'Kim Jong-un', 'Moscow', 'the Kremlin', 'Georgia'];

/**
 * More articles than a save pauses between in its per-article loops (2,000), with more text than one segment of
 * the store's text (4 MB): ~2,100 articles of ~2.3 KB (4.8 MB) from a small vocabulary, some sentences naming entities.
 */
function corpus(): { path: string; text: string }[] {
  const next = seededRandom(20230913);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  return Array.from({ length: 2100 }, (_, at) => {
    const paragraphs: string[] = [];
    for (let p = 0; p < 6; p++) {
      const sentences: string[] = [];
      for (let s = 0; s < 5; s++) {
        const words = Array.from({ length: 8 + Math.floor(next() * 8) }, () => pick(WORDS));
        if (next() < 0.3) words.splice(Math.floor(next() * words.length), 0, pick(NAMES));
        if (next() < 0.2) words.push('interest', 'rates');
        const sentence = words.join(' ');
        sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
      }
      paragraphs.push(sentences.join(' '));
    }
    const day = String(1 + (at % 28)).padStart(2, '0');
    return { path: `/corpus/${String(at).padStart(4, '0')}.txt`, text: article(`2023-09-${day}`, `Report ${at} on ${pick(NAMES)}`, ...paragraphs) };
  });
}

/** What a reader sees of an index: hits (order, scores, snippets) and totals of each query, every article's entity field and entities, every entity's articles. */
function seen(index: CorpusIndex, store: DocStore, paths: readonly string[]): unknown {
  const answers = QUERIES.map((query) => {
    const response = index.search(query, { limit: 25 });
    return response.ok ? { query, total: response.total, hits: response.hits.map(({ path, title, score, snippet, date }) => ({ path, title, score, snippet, date })) } : { query, error: response.error };
  });
  const fields = paths.map((_, doc) => [...store.entityField(doc)]);
  const entitiesOf = paths.map((file) => index.entitiesOf(file));
  const entityArticles = ENTITY_KEYS.map((key) => index.entityArticles(key));
  const texts = paths.filter((_, at) => at % 97 === 0).map((file) => index.article(file)?.text);
  return { answers, fields, entitiesOf, entityArticles, texts };
}

/**
 * An assertion that a view is `expected`: compared as JSON (deep comparison of it all at each of ~90 pauses took
 * seconds), deeply when they differ, for the diff. `expected` is serialised once, not at every pause.
 */
function sameAs(expected: unknown): (actual: unknown, message: string) => void {
  const expectedJson = JSON.stringify(expected);
  return (actual, message) => {
    if (JSON.stringify(actual) !== expectedJson) assert.deepStrictEqual(actual, expected, message);
  };
}

describe('reads while a save pauses', function () {
  this.timeout(60_000);

  it('give the same hits, totals, snippets, phrases and entities as an index never saved, at every pause and after', () => {
    const articles = corpus();
    const bytes = articles.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);
    assert.ok(bytes > 1.1 * (1 << 22), `${bytes} bytes of text: more than one 4 MB segment of the store`);
    const paths = articles.map(({ path }) => path);
    const index = buildIndex(articles, NEWS_ENTITIES);
    const twin = buildIndex(articles, NEWS_ENTITIES);
    // Both are compacted already: parts() changes neither, and the twin's is asked for once, before any read.
    const { store } = index.parts();
    const twinStore = twin.parts().store;
    const expected = seen(twin, twinStore, paths);
    const same = sameAs(expected);
    const answers = (expected as { answers: { total?: number }[] }).answers;
    assert.ok(
      answers.every((answer) => (answer.total ?? 0) > 0),
      'every query finds articles',
    );
    same(seen(index, store, paths), 'before the save');

    const steps = encodeIndexSteps(index.parts(), IDENTITY);
    let pauses = 0;
    let mixed = 0;
    let allCoded = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      pauses++;
      const coded = paths.filter((_, doc) => store.storedText(doc).form === 'coded').length;
      if (coded > 0 && coded < paths.length) mixed++;
      if (coded === paths.length) allCoded++;
      same(seen(index, store, paths), `at pause ${pauses} (${coded} of ${paths.length} texts coded)`);
    }
    assert.ok(mixed > 2, `${mixed} pauses while the texts were being coded`);
    assert.ok(allCoded > 2, `${allCoded} pauses once every text was coded`);
    same(seen(index, store, paths), 'after the save');
    same(seen(twin, twinStore, paths), 'the twin itself is unchanged');
  });
});
