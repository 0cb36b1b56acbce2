import * as assert from 'assert';
import * as fc from 'fast-check';
import { placeMentions } from '../../../src/core/curation/added-recount';
import { correctArticleEntities, correctedAnalyzer } from '../../../src/core/curation/article-corrections';
import { ArticlePaths, CorrectedIndexEntities } from '../../../src/core/curation/corrected-entities';
import { EntityCorrections, resolveCorrections } from '../../../src/core/curation/entity-corrections';
import { entityKey } from '../../../src/core/entities/article-entities';
import { nameIdentity } from '../../../src/core/entities/names';
import { EntityType } from '../../../src/core/entities/types';
import { parseFacts } from '../../../src/core/facts/entity-facts';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { KIM, KnownEntity, MOSCOW, analyzeText, article, buildIndex, fakeExtractor, hitPaths } from '../search/fixtures';

/** An engine entity the fake extractor finds, keyed as the recogniser keys it. */
function known(type: EntityType, name: string, aliases: readonly string[] = []): KnownEntity {
  return { key: entityKey(type, name), name, type, aliases };
}

const SAME: ArticlePaths = { idOf: (path) => path, pathOf: (id) => id };
// Seed 000's sentence: the engine finds the whole committee as one organization.
const COMMITTEE = known('ORG', 'Science and Education of the Workers’ Party Central Committee');
const PARTY = known('ORG', 'Workers’ Party');
const KNOWN = [COMMITTEE, PARTY, KIM, MOSCOW];
const ARTICLES = [
  { path: 'seed.txt', text: article('2023-09-10', 'Ri Pyong-chol, Department of Science and Education of the Workers’ Party Central Committee, met Kim in Moscow.') },
  { path: 'other.txt', text: article('2023-09-11', 'The Science and Education of the Workers’ Party Central Committee met. Science and Education of the Workers’ Party Central Committee said so.') },
  { path: 'party.txt', text: article('2023-09-12', 'Education of the Workers’ Party met. The Workers’ Party said Kim was in Moscow.') },
];

function correctionsOf(facts: object): EntityCorrections {
  const { entries, problems } = parseFacts(JSON.stringify(facts));
  assert.deepStrictEqual(problems, []);
  return resolveCorrections([...(entries?.values() ?? [])].map((entry) => ({ ...entry, source: 'facts' })), (_source, relative) => relative).corrections;
}

function searchPaths(index: CorpusIndex, corrections: EntityCorrections, query: string): string[] {
  return hitPaths(index, query, { corrections: { corrections, pathOf: (id) => id }, fuzzyFallback: false, limit: 100 }).sort();
}

describe('facts file corrections: an engine entity an added name displaces, at index level', () => {
  const index = buildIndex(ARTICLES, KNOWN);
  const corrections = correctionsOf({ organizations: { 'Science and Education': { add: true } } });
  const entities = new CorrectedIndexEntities(index, corrections, SAME);

  it('takes the article where every mention of the engine entity was displaced out of its list, counts and summary', () => {
    assert.deepStrictEqual(index.entityArticles(COMMITTEE.key).map(({ path }) => path).sort(), ['other.txt', 'seed.txt']);
    // other.txt: "Science and Education" occurs inside both of the committee's mentions, which go whole.
    assert.deepStrictEqual(entities.entityArticles(COMMITTEE.key), []);
    assert.strictEqual(entities.entitySummary(COMMITTEE.key), undefined);
    assert.deepStrictEqual(entities.entitiesOf('seed.txt').map(({ key, mentions }) => `${key}×${mentions}`).sort(), ['LOC:moscow×1', 'ORG:science and education×1', 'PER:kim jong-un×1']);
    assert.deepStrictEqual(
      entities.listEntities({ type: 'ORG', sort: 'articles', offset: 0, limit: 10 }).entities.map(({ name, articleCount, mentionCount }) => `${name} ${articleCount}/${mentionCount}`),
      ['Science and Education 2/3', 'Workers’ Party 1/2'],
    );
    assert.strictEqual(entities.entityTypeCounts().get('ORG'), 2);
    assert.deepStrictEqual(entities.entityArticles('ORG:science and education').map(({ path, mentions }) => `${path}×${mentions}`), ['other.txt×2', 'seed.txt×1']);
  });

  it('answers an entity filter without the displaced entity\'s articles, and with the added name\'s', () => {
    assert.deepStrictEqual(hitPaths(index, 'org:="Science and Education of the Workers’ Party Central Committee"').sort(), ['other.txt', 'seed.txt']);
    assert.deepStrictEqual(searchPaths(index, corrections, 'org:="Science and Education of the Workers’ Party Central Committee"'), []);
    assert.deepStrictEqual(searchPaths(index, corrections, 'org:Committee'), []);
    assert.deepStrictEqual(searchPaths(index, corrections, 'org:="Science and Education"'), ['other.txt', 'seed.txt']);
    assert.deepStrictEqual(searchPaths(index, corrections, 'person:Kim'), ['party.txt', 'seed.txt']);
  });

  it('counts the mentions a partly displaced entity keeps, and only in the articles an addIn lists', () => {
    const only = new CorrectedIndexEntities(index, correctionsOf({ organizations: { 'Education of the Workers’ Party': { addIn: ['party.txt'] } } }), SAME);
    assert.deepStrictEqual(index.entityArticles(PARTY.key).map(({ path, mentions }) => `${path}×${mentions}`), ['party.txt×2']);
    assert.deepStrictEqual(only.entityArticles(PARTY.key).map(({ path, mentions }) => `${path}×${mentions}`), ['party.txt×1']);
    assert.strictEqual(only.entitySummary(PARTY.key)?.mentionCount, 1);
    assert.deepStrictEqual(only.entityArticles(COMMITTEE.key).map(({ path }) => path).sort(), ['other.txt', 'seed.txt']);
  });

  it('recounts once per corrections and index contents, only the candidates where an added name occurs exactly', () => {
    const lower = buildIndex([ARTICLES[0] ?? { path: '', text: '' }, { path: 'lower.txt', text: article('2023-09-13', 'The science and education of the Workers’ Party met.') }], KNOWN);
    const search = { corrections, pathOf: (id: string) => id };
    const first = lower.addedRecount(search);
    assert.deepStrictEqual([...first.articles.keys()], ['seed.txt']);
    assert.strictEqual(lower.addedRecount(search).recount.counts.get('seed.txt'), first.recount.counts.get('seed.txt'));
    assert.deepStrictEqual(searchPaths(lower, corrections, 'org:="Science and Education"'), ['seed.txt']);
    assert.strictEqual(lower.addedRecount(search).recount.counts.get('seed.txt'), first.recount.counts.get('seed.txt'));
  });

  it('recounts again once the index\'s contents change: an article added or removed since is not served from the last recount', () => {
    const index = buildIndex([ARTICLES[0] ?? { path: '', text: '' }], KNOWN);
    const search = { corrections, pathOf: (id: string) => id };
    assert.deepStrictEqual([...index.addedRecount(search).articles.keys()], ['seed.txt']);
    const text = ARTICLES[1]?.text ?? '';
    index.addBatch(analyzeText({ path: 'other.txt', size: text.length, mtimeMs: 1 }, text, fakeExtractor(KNOWN)));
    assert.deepStrictEqual([...index.addedRecount(search).articles.keys()].sort(), ['other.txt', 'seed.txt']);
    assert.deepStrictEqual(searchPaths(index, corrections, 'org:="Science and Education"'), ['other.txt', 'seed.txt']);
    index.remove('seed.txt');
    assert.deepStrictEqual([...index.addedRecount(search).articles.keys()], ['other.txt']);
    assert.deepStrictEqual(searchPaths(index, corrections, 'org:="Science and Education"'), ['other.txt']);
  });

  it('names, among an entity\'s companions, the added name in place of the engine entity it displaced (as the Entities view counts them)', () => {
    const companions = (of: CorrectedIndexEntities) => of.companions(KIM.key, 10).map(({ key, articles }) => `${key}×${articles}`);
    assert.deepStrictEqual(companions(new CorrectedIndexEntities(index, correctionsOf({}), SAME)), [`${MOSCOW.key}×2`, `${COMMITTEE.key}×1`, `${PARTY.key}×1`]);
    // seed.txt: the committee's one mention went whole to "Science and Education"; party.txt names no added name.
    assert.deepStrictEqual(companions(entities), [`${MOSCOW.key}×2`, 'ORG:science and education×1', `${PARTY.key}×1`]);
  });

  it('places an index\'s mentions on the names\' occurrences, those no added name overlaps first, the rest at the end', () => {
    const text = 'Workers’ Party met the WORKERS’ PARTY.';
    const placed = placeMentions(text, [{ ...PARTY, aliases: [], mentions: 3 }], [{ start: 0, end: 5 }]);
    assert.deepStrictEqual(placed[0]?.mentions.map(({ start, end }) => text.slice(start, end)), ['Workers’ Party', 'WORKERS’ PARTY', '']);
    assert.deepStrictEqual(placed[0]?.mentions.map(({ start }) => start), [0, 23, text.length]);
    assert.deepStrictEqual(placeMentions(text, [{ ...PARTY, aliases: [], mentions: 1 }], [{ start: 0, end: 5 }])[0]?.mentions, [{ start: 23, end: 37 }]);
  });
});

describe('facts file corrections: index-level answers agree with the article\'s own', () => {
  const ENGINE: KnownEntity[] = [
    known('ORG', 'Science and Education of the Party'),
    known('ORG', 'The Party', ['Party']),
    KIM,
    MOSCOW,
  ];
  // No "of the" before "Party": the engine here names "Party" in "the Party", where the index's placement (case aside)
  // lays the longer "The Party", which holds an added person "Party" that the engine's own "Party" does not.
  const PHRASES = ['Science and Education of the Party', 'The Party', 'Party', 'Kim', 'Kim Jong-un', 'Moscow', 'said', 'of a', 'Science', 'Education', 'met'];
  const ADDABLE = ['Science and Education', 'Education of the Party', 'Kim', 'Moscow', 'Party', 'the Party said', 'Jong-un met'];
  const GROUPS = ['people', 'places', 'organizations'] as const;
  const PATHS = ['a.txt', 'b.txt', 'c.txt'];
  const keyed = (key: string, mentions: number) => `${key}×${mentions}`;

  it('gives every entity the articles and mentions that correcting each article gives (the engine naming every occurrence of its names)', () => {
    const addition = fc.record({ name: fc.constantFrom(...ADDABLE), group: fc.constantFrom(...GROUPS), only: fc.option(fc.constantFrom(...PATHS), { nil: undefined }) });
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 10 }), { minLength: PATHS.length, maxLength: PATHS.length }),
        fc.uniqueArray(addition, { minLength: 1, maxLength: 3, selector: ({ name }) => nameIdentity(name) }),
        (bodies, additions) => {
          const articles = PATHS.map((path, i) => ({ path, text: article(`2023-09-1${i}`, `${(bodies[i] ?? []).join(' ')}.`) }));
          const facts: Record<string, Record<string, object>> = {};
          for (const { name, group, only } of additions) facts[group] = { ...facts[group], [name]: only === undefined ? { add: true } : { addIn: [only] } };
          const corrections = correctionsOf(facts);
          const index = buildIndex(articles, ENGINE);
          const entities = new CorrectedIndexEntities(index, corrections, SAME);
          const extract = fakeExtractor(ENGINE);
          const byArticle = new Map(articles.map(({ path, text }) => [path, correctArticleEntities(corrections, extract(text), text, path)]));
          const keys = new Set([...byArticle.values()].flat().map(({ key }) => key).concat(ENGINE.map(({ key }) => key)));
          for (const [path, corrected] of byArticle) {
            assert.deepStrictEqual(entities.entitiesOf(path).map(({ key, mentions }) => keyed(key, mentions)).sort(), corrected.map(({ key, mentions }) => keyed(key, mentions.length)).sort(), `entities of ${path}`);
          }
          for (const key of keys) {
            const expected = [...byArticle].flatMap(([path, corrected]) => corrected.filter((entity) => entity.key === key).map(({ mentions }) => keyed(path, mentions.length)));
            assert.deepStrictEqual(entities.entityArticles(key).map(({ path, mentions }) => keyed(path, mentions)).sort(), expected.sort(), `articles of ${key}`);
            assert.strictEqual(entities.entitySummary(key)?.articleCount ?? 0, expected.length, `summary of ${key}`);
            const identity = key.slice(key.indexOf(':') + 1);
            const named = [...byArticle].filter(([, corrected]) => corrected.some((entity) => entity.key.endsWith(`:${identity}`))).map(([path]) => path);
            assert.deepStrictEqual(searchPaths(index, corrections, `entity:="${identity}"`), named.sort(), `entity:="${identity}"`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('correctedAnalyzer', () => {
  const text = ARTICLES[0]?.text ?? '';
  const found = fakeExtractor(KNOWN)(text);
  const added = correctionsOf({ organizations: { 'Science and Education': { add: true } } });

  it('corrects the entities the engine remembers once, until the corrections or the article change', () => {
    let corrections = added;
    const analyze = correctedAnalyzer(() => found, { corrections: () => corrections });
    const first = analyze(text, 'seed.txt');
    assert.deepStrictEqual(first, correctArticleEntities(added, found, text, 'seed.txt'));
    assert.strictEqual(analyze(text, 'seed.txt'), first, 'the same entities, not corrected again');
    assert.notStrictEqual(analyze(text, 'other.txt'), first, 'another article: corrected for it');
    corrections = correctionsOf({ organizations: { 'Workers’ Party': { ignore: true } } });
    const after = analyze(text, 'seed.txt');
    assert.deepStrictEqual(after, correctArticleEntities(corrections, found, text, 'seed.txt'));
    assert.ok(!after?.some((entity) => entity.key === PARTY.key));
  });
});
