import * as assert from 'assert';
import * as fc from 'fast-check';
import { correctArticleEntities } from '../../../src/core/curation/article-corrections';
import { ArticlePaths, CorrectedIndexEntities, mergeNewestFirst } from '../../../src/core/curation/corrected-entities';
import { EntityCorrections, resolveCorrections } from '../../../src/core/curation/entity-corrections';
import { exactNameMentions } from '../../../src/core/curation/exact-name';
import { SpanRecognizer, entityKey, extractArticleEntities } from '../../../src/core/entities/article-entities';
import { nameIdentity } from '../../../src/core/entities/names';
import { ArticleEntity, EntityType } from '../../../src/core/entities/types';
import { correctedFactsText } from '../../../src/core/facts/correction-writer';
import { refOfAlias } from '../../../src/core/facts/corrections';
import { parseFacts } from '../../../src/core/facts/entity-facts';
import { FactsStore } from '../../../src/core/facts/facts-store';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { CorpusIndex, SearchOptions } from '../../../src/core/search/corpus-index';
import { KIM, KnownEntity, MOSCOW, PUTIN, article, buildIndex, fakeExtractor, hitPaths } from '../search/fixtures';

const V_PUTIN: KnownEntity = { key: 'PER:v. putin', name: 'V. Putin', type: 'PER' };
const WASHINGTON: KnownEntity = { key: 'PER:washington', name: 'Washington', type: 'PER' };
const METHOD: KnownEntity = { key: 'MISC:method', name: 'Method', type: 'MISC' };
const KNOWN = [PUTIN, V_PUTIN, KIM, MOSCOW, WASHINGTON, METHOD];
const ARTICLES = [
  { path: 'a.txt', text: article('2023-09-10', 'Vladimir Putin met Kim Jong-un in Moscow. Putin said Kim was welcome.') },
  { path: 'b.txt', text: article('2023-09-11', 'V. Putin spoke in Washington. Jane Doe wrote the Method.') },
  { path: 'c.txt', text: article('2023-09-12', 'Washington said the Method works. Jane Doe agreed with Kim.') },
  { path: 'papers/d.txt', text: article('2023-09-13', 'The Method of Jane Doe. Putin read it.') },
];
const SAME: ArticlePaths = { idOf: (path) => path, pathOf: (id) => id };
const byPath = (_source: string, relative: string) => relative;

function correctionsOf(facts: object): EntityCorrections {
  const { entries, problems } = parseFacts(JSON.stringify(facts));
  assert.deepStrictEqual(problems, []);
  return resolveCorrections([...(entries?.values() ?? [])].map((entry) => ({ ...entry, source: 'facts' })), byPath).corrections;
}

function warningsOf(text: string): { text: string; message: string }[] {
  return parseFacts(text).problems.map(({ offset, length, message }) => ({ text: text.slice(offset, offset + length), message }));
}

const CORRECTIONS = {
  people: {
    'Vladimir Putin': { description: 'President', aliases: ['V. Putin'], ignoreIn: ['papers/d.txt'] },
    'Kim Jong-un': { split: ['Kim'] },
    'Jane Doe': { add: true },
  },
  places: { Washington: { aliases: ['person:Washington'] } },
  other: { Method: { ignore: true } },
};

describe('facts file corrections: parsing', () => {
  it('reads the correction fields as corrections, not as free facts', () => {
    const entries = parseFacts(JSON.stringify(CORRECTIONS)).entries;
    const putin = entries?.get('PER:vladimir putin');
    assert.deepStrictEqual(putin?.facts.more, []);
    assert.deepStrictEqual(putin?.corrections.aliases.map(({ key, type, name }) => ({ key, type, name })), [{ key: 'PER:v. putin', type: 'PER', name: 'V. Putin' }]);
    assert.deepStrictEqual(putin?.corrections.ignoreIn, ['papers/d.txt']);
    assert.deepStrictEqual(entries?.get('PER:kim jong-un')?.corrections.split, ['Kim']);
    assert.strictEqual(entries?.get('PER:jane doe')?.corrections.add, true);
    assert.strictEqual(entries?.get('MISC:method')?.corrections.ignore, true);
    assert.strictEqual(entries?.get('LOC:washington')?.corrections.aliases[0]?.key, 'PER:washington');
  });

  it('names an alias of another type by its prefix, and keeps an unknown prefix as part of the name', () => {
    assert.deepStrictEqual(refOfAlias('place:Washington', 'PER'), { type: 'LOC', name: 'Washington' });
    assert.deepStrictEqual(refOfAlias('organization: UN', 'PER'), { type: 'ORG', name: 'UN' });
    assert.deepStrictEqual(refOfAlias('other:Olympics', 'PER'), { type: 'MISC', name: 'Olympics' });
    assert.deepStrictEqual(refOfAlias('Apollo 11: Moon', 'MISC'), { type: 'MISC', name: 'Apollo 11: Moon' });
    assert.deepStrictEqual(refOfAlias('LOC:Washington', 'PER'), { type: 'LOC', name: 'Washington' });
  });

  it('warns where a value has the wrong shape, and uses the rest', () => {
    const text = '{ "people": { "A": { "aliases": "B", "split": [1], "ignore": "yes", "ignoreIn": ["/abs/x.txt", "ok.txt"], "add": 1, "addIn": "c\\\\d.txt" } } }';
    assert.deepStrictEqual(
      warningsOf(text).map((warning) => warning.text),
      ['[1]', '"yes"', '"/abs/x.txt"', '1', '"c\\\\d.txt"'],
    );
    const corrections = parseFacts(text).entries?.get('PER:a')?.corrections;
    assert.deepStrictEqual(corrections?.aliases.map((alias) => alias.name), ['B']);
    assert.deepStrictEqual(corrections?.ignoreIn, ['ok.txt']);
  });

  it('says that an alias written as the entry\'s own name does nothing, and keeps another writing of it', () => {
    const [warning] = warningsOf('{ "people": { "Vladimir Putin": { "aliases": ["Vladimir Putin"] } } }');
    assert.strictEqual(warning?.text, '"Vladimir Putin"');
    assert.match(warning?.message ?? '', /itself/);
    assert.deepStrictEqual(warningsOf('{ "people": { "Vladimir Putin": { "aliases": ["vladimir putin"] } } }'), []);
    assert.strictEqual(correctionsOf({ people: { 'Vladimir Putin': { aliases: ['vladimir putin'] } } }).entity('PER:vladimir putin')?.name, 'Vladimir Putin');
  });

  it('warns at a second claim on one entity, and keeps the first', () => {
    const text = '{ "people": { "A": { "aliases": ["X"] }, "B": { "aliases": ["X", "Y"] } } }';
    const [warning] = warningsOf(text);
    assert.strictEqual(warning?.text, '"X"');
    assert.match(warning?.message ?? '', /already merged into "A"/);
    const corrections = correctionsOf({ people: { A: { aliases: ['X'] }, B: { aliases: ['Y'] } } });
    assert.deepStrictEqual(corrections.entity('PER:a')?.members, ['PER:a', 'PER:x']);
  });

  it('follows chains, and warns at the merge that closes a circle instead of looping', () => {
    const chain = correctionsOf({ people: { A: { aliases: ['B'] }, B: { aliases: ['C'] } } });
    assert.deepStrictEqual([...(chain.entity('PER:a')?.members ?? [])].sort(), ['PER:a', 'PER:b', 'PER:c']);
    assert.strictEqual(chain.entity('PER:b'), undefined);
    const text = '{ "people": { "A": { "aliases": ["B"] }, "B": { "aliases": ["C"] }, "C": { "aliases": ["A"] } } }';
    const [warning] = warningsOf(text);
    assert.strictEqual(warning?.text, '"A"');
    assert.match(warning?.message ?? '', /circle/);
  });

  it('merges through the facts store across files, the first file winning, and re-resolves after a change', () => {
    const store = new FactsStore((source, path) => `${source}#${path}`);
    store.update('one', JSON.stringify({ people: { A: { aliases: ['X'], ignoreIn: ['p.txt'] } } }));
    store.update('two', JSON.stringify({ people: { A: { aliases: ['Y'] }, B: { ignore: true } } }));
    const first = store.corrections();
    assert.deepStrictEqual(first.entity('PER:a')?.members, ['PER:a', 'PER:x']);
    assert.deepStrictEqual([...(first.entity('PER:a')?.ignoreIn ?? [])], ['one#p.txt']);
    assert.strictEqual(first.fateOf('PER:b'), 'ignored');
    store.update('one', '{}');
    assert.deepStrictEqual(store.corrections().entity('PER:a')?.members, ['PER:a', 'PER:y']);
  });

  it('warns where two workspace folders\' facts files contradict each other, at the losing side only', () => {
    const store = new FactsStore();
    const two = '{ "people": { "B": { "aliases": ["A"] }, "C": { "aliases": ["X"] } } }';
    store.update('one', '{ "people": { "A": { "aliases": ["B"] }, "C": { "ignore": true } } }');
    store.update('two', two);
    const conflicts = store.conflicts().map(({ source, offset, length, message }) => ({ source, text: two.slice(offset, offset + length), message }));
    assert.deepStrictEqual(conflicts.map(({ source, text }) => `${source} ${text}`), ['two "A"', 'two "C"']);
    assert.match(conflicts[0]?.message ?? '', /circle.*another workspace folder/is);
    assert.match(conflicts[1]?.message ?? '', /read first/);
    store.update('two', '{ "people": { "B": { "aliases": ["Y"] } } }');
    assert.deepStrictEqual(store.conflicts(), []);
  });

  it('points out aliases that name no entity of the corpus nor any entry, with the nearest name of the type but the entry\'s own', () => {
    const store = new FactsStore();
    const text = '{ "people": { "A": { "aliases": ["Gone", "Here", "B"] }, "B": { "add": true }, "Paul Volcker": { "aliases": ["Volker"] } } }';
    store.update('one', text);
    const asked: string[] = [];
    const names = {
      nearest: (type: EntityType | undefined, name: string, except?: string) => {
        asked.push(`${type} ${name} ${except}`);
        return name === 'Volker' && except !== 'PER:volcker' ? 'Volcker' : undefined;
      },
    };
    const hints = store.aliasesNamingNothing((key) => key === 'PER:here', names);
    assert.deepStrictEqual(
      hints.map(({ offset, length, message }) => [text.slice(offset, offset + length), message]),
      [
        ['"Gone"', 'No person is named "Gone" in the corpus: this alias does nothing until an article names it.'],
        ['"Volker"', 'No person is named "Volker" in the corpus; did you mean "Volcker"?'],
      ],
    );
    assert.deepStrictEqual(asked, ['PER Gone PER:a', 'PER Volker PER:paul volcker'], 'asked for the aliases naming nothing only');
    assert.deepStrictEqual(hints.map(({ meant }) => meant), [undefined, '"Volcker"'], 'the name meant, for a quick fix');
    // Initials are not taken for a misspelling (ux38b: "E.C." was told of "E.F. Hutton Group Inc").
    store.update('one', '{ "organizations": { "European Community": { "aliases": ["E.C."] } } }');
    const initials = store.aliasesNamingNothing(() => false, { nearest: () => 'E.F. Hutton Group Inc' });
    assert.deepStrictEqual(initials.map(({ message }) => message), ['No organization is named "E.C." in the corpus: this alias does nothing until an article names it.']);
    // A typed alias of a name the corpus has as another type says which, and how to write it (ux34).
    const typed = '{ "people": { "Donald Trump": { "aliases": ["person:COVID-19", "place:Trump Tower"] } } }';
    store.update('one', typed);
    const typedHints = store.aliasesNamingNothing((key) => key === 'MISC:covid-19' || key === 'ORG:trump tower', names);
    assert.deepStrictEqual(typedHints.map(({ message }) => message), [
      'The corpus has no person named "COVID-19", but has a name of another kind so named: this alias does nothing; write "other:COVID-19" for that one.',
      'The corpus has no place named "Trump Tower", but has an organization so named: this alias does nothing; write "organization:Trump Tower" for that one.',
    ]);
  });

  it('points out entries naming no entity of their type, with the nearest name, but not those whose corrections make it (ux38)', () => {
    const store = new FactsStore();
    const text = JSON.stringify({
      people: {
        'James Bakker': { role: 'Treasury Secretary' },
        'James Baker': { role: 'Secretary of State' },
        'Nobody Here': { ignore: true },
        Washington: { notes: 'the city' },
        'Jane Doe': { add: true },
        'Vladimir Putin': { aliases: ['Putin'] },
        'Vlad Putin': { aliases: ['Vladimir Putin'] },
        'Kim Jong-Un': { aliases: ['Kim Jong-un'] },
      },
      places: { 'U.S.': { description: 'x' } },
    });
    store.update('one', text);
    const corpus = new Set(['PER:james baker', 'PER:putin', 'LOC:washington']);
    const asked: string[] = [];
    const names = {
      nearest: (type: EntityType | undefined, name: string) => {
        asked.push(`${type} ${name}`);
        return name === 'James Bakker' ? 'James Baker' : undefined;
      },
    };
    const found = store.entriesNamingNothing((key) => corpus.has(key), names);
    assert.deepStrictEqual(
      found.map(({ source, offset, length, message }) => [source, text.slice(offset, offset + length), message]),
      [
        ['one', '"James Bakker"', 'No person is named "James Bakker" in the corpus; did you mean "James Baker"?'],
        ['one', '"Nobody Here"', 'No person is named "Nobody Here" in the corpus: this entry does nothing until an article names it.'],
        ['one', '"Washington"', 'The corpus has no person named "Washington", but has a place so named: this entry does nothing; move it to "places" for that one.'],
        // A rename of a name the corpus does not have ("Kim Jong-un") makes nothing either.
        ['one', '"Kim Jong-Un"', 'No person is named "Kim Jong-Un" in the corpus: this entry does nothing until an article names it.'],
      ],
    );
    assert.deepStrictEqual(asked, ['PER James Bakker', 'PER Nobody Here', 'PER Kim Jong-Un'], 'asked for the entries naming nothing only');
    // Another folder's entry for an entity that the first folder's entry makes is not alone.
    store.update('two', JSON.stringify({ people: { 'Jane Doe': { role: 'Witness' } } }));
    assert.deepStrictEqual(store.entriesNamingNothing((key) => corpus.has(key), names).filter(({ source }) => source === 'two'), []);
  });

  it('points out an entry of a place named by another name of a country, which merging names by its common name', () => {
    const store = new FactsStore();
    const text = '{ "places": { "U.S.": { "description": "x" }, "France": {}, "Britain": {} }, "organizations": { "UK": {} } }';
    store.update('one', text);
    const hints = store.countryAliasEntries();
    assert.deepStrictEqual(hints.map(({ offset, length }) => text.slice(offset, offset + length)), ['"U.S."', '"Britain"']);
    assert.match(hints[0]?.message ?? '', /"U\.S\." is the "United States" in every article.*move this entry to "United States"/);
  });
});

describe('facts file corrections: the mapping', () => {
  const corrections = correctionsOf(CORRECTIONS);

  it('maps merged, retyped and ignored engine entities, and leaves the others alone', () => {
    const fate = (key: string) => {
      const found = corrections.fateOf(key);
      return found === undefined || found === 'ignored' ? found : found.entity.key;
    };
    assert.strictEqual(fate('PER:v. putin'), 'PER:vladimir putin');
    assert.strictEqual(fate('PER:washington'), 'LOC:washington');
    assert.strictEqual(fate('MISC:method'), 'ignored');
    assert.strictEqual(fate('LOC:moscow'), undefined);
    assert.ok(corrections.replaces('PER:v. putin'));
    assert.ok(!corrections.replaces('PER:vladimir putin'));
  });

  it('merges lists of articles newest first, an article in two lists once with its mentions added', () => {
    const a = { path: 'a', title: 'A', date: '2023-09-13', mentions: 1 };
    const b = { path: 'b', title: 'B', date: '2023-09-12', mentions: 2 };
    const c = { path: 'c', title: 'C', mentions: 1 };
    assert.deepStrictEqual(mergeNewestFirst([[a, b], [{ ...b, mentions: 3 }, c]]), [a, { ...b, mentions: 5 }, c]);
    assert.deepStrictEqual(mergeNewestFirst([]), []);
  });

  it('finds an exact name as whole words only, case-sensitively', () => {
    assert.deepStrictEqual(exactNameMentions('Jane Doe, jane doe, Jane Does, (Jane Doe)', 'Jane Doe'), [
      { start: 0, end: 8 },
      { start: 32, end: 40 },
    ]);
  });
});

describe('facts file corrections: applied to an index', () => {
  const index: CorpusIndex = buildIndex(ARTICLES, KNOWN);
  const corrections = correctionsOf(CORRECTIONS);
  const entities = new CorrectedIndexEntities(index, corrections, SAME);
  const search = (query: string, options: SearchOptions = {}) => hitPaths(index, query, { ...options, corrections: { corrections, pathOf: (id) => id }, fuzzyFallback: false }).sort();

  it('merges: one entity with the articles of both, counted once, without its ignoreIn article', () => {
    const putin = entities.entitySummary('PER:vladimir putin');
    assert.deepStrictEqual(
      entities.entityArticles('PER:vladimir putin').map((found) => found.path),
      ['b.txt', 'a.txt'],
    );
    assert.strictEqual(putin?.articleCount, 2);
    assert.strictEqual(putin?.mentionCount, 3);
    assert.deepStrictEqual(putin?.aliases.slice().sort(), ['Putin', 'V. Putin']);
    assert.strictEqual(putin?.firstDate, '2023-09-10');
    assert.strictEqual(putin?.lastDate, '2023-09-11');
    assert.strictEqual(entities.entitySummary('PER:v. putin'), undefined);
  });

  it('lists the corrected entities in place of the engine ones, with the right totals and type counts', () => {
    const people = entities.listEntities({ type: 'PER', sort: 'articles', offset: 0, limit: 10 });
    // "Kim" is split off Kim Jong-un (split.test.ts): c.txt named him only so, and goes with "Kim".
    assert.deepStrictEqual(people.entities.map((entity) => entity.name), ['Jane Doe', 'Vladimir Putin', 'Kim', 'Kim Jong-un']);
    assert.strictEqual(people.total, 4);
    const places = entities.listEntities({ type: 'LOC', sort: 'name', offset: 0, limit: 10 });
    assert.deepStrictEqual(places.entities.map((entity) => [entity.name, entity.articleCount]), [['Moscow', 1], ['Washington', 2]]);
    assert.strictEqual(entities.listEntities({ type: 'MISC', sort: 'articles', offset: 0, limit: 10 }).total, 0);
    assert.deepStrictEqual(Object.fromEntries(entities.entityTypeCounts()), { PER: 4, LOC: 2, ORG: 0, MISC: 0 });
    assert.deepStrictEqual(entities.listEntities({ type: 'PER', sort: 'articles', filter: 'v. put', offset: 0, limit: 10 }).entities.map((entity) => entity.name), ['Vladimir Putin']);
    assert.deepStrictEqual(entities.listEntities({ type: 'PER', sort: 'articles', filter: 'V. PÜT', offset: 0, limit: 10 }).entities.map((entity) => entity.name), ['Vladimir Putin'], 'in any case and accents');
    assert.deepStrictEqual(entities.listEntities({ type: 'PER', sort: 'articles', offset: 1, limit: 1 }).entities.map((entity) => entity.name), ['Vladimir Putin']);
  });

  it('shows another writing of a name when the entry lists the engine\'s writing as an alias of its own key (a rename of the writing)', () => {
    const { entries } = parseFacts(JSON.stringify({ people: { 'Kim Jong-Un': { aliases: ['Kim Jong-un'] } } }));
    const resolved = resolveCorrections([...(entries?.values() ?? [])].map((entry) => ({ ...entry, source: 'facts' })), byPath);
    assert.deepStrictEqual(resolved.problems, []);
    const cased = new CorrectedIndexEntities(index, resolved.corrections, SAME);
    const kim = cased.entitySummary('PER:kim jong-un');
    assert.strictEqual(kim?.name, 'Kim Jong-Un');
    assert.ok(kim?.aliases.includes('Kim Jong-un'), JSON.stringify(kim));
    assert.deepStrictEqual(cased.entityArticles('PER:kim jong-un'), index.entityArticles('PER:kim jong-un'));
    assert.deepStrictEqual(cased.listEntities({ type: 'PER', sort: 'name', offset: 0, limit: 10 }).entities.map((entity) => entity.name), ['Kim Jong-Un', 'V. Putin', 'Vladimir Putin', 'Washington']);
  });

  it('keeps adding an added name renamed to another writing, where the articles write it as before (review34)', () => {
    const renamed = correctedFactsText(JSON.stringify({ people: { 'Jane Doe': { add: true } } }), [{ kind: 'rename', entity: { type: 'PER', name: 'Jane Doe' }, to: 'Jane DOE' }], { isEngineEntity: () => false });
    assert.deepStrictEqual(JSON.parse(renamed), { people: { 'Jane DOE': { add: true, aliases: ['Jane Doe'] } } });
    const cased = new CorrectedIndexEntities(index, correctionsOf(JSON.parse(renamed) as object), SAME);
    assert.deepStrictEqual(cased.entityArticles('PER:jane doe').map((found) => found.path), ['papers/d.txt', 'c.txt', 'b.txt']);
    assert.strictEqual(cased.entitySummary('PER:jane doe')?.name, 'Jane DOE');
  });

  it('adds every occurrence of an added name through the index, and only the listed articles for addIn', () => {
    assert.deepStrictEqual(entities.entityArticles('PER:jane doe').map((found) => found.path), ['papers/d.txt', 'c.txt', 'b.txt']);
    const only = new CorrectedIndexEntities(index, correctionsOf({ people: { 'Jane Doe': { addIn: ['c.txt'] } } }), SAME);
    assert.deepStrictEqual(only.entityArticles('PER:jane doe').map((found) => found.path), ['c.txt']);
    assert.deepStrictEqual([...index.addedRecount({ corrections, pathOf: (id) => id }).articles.keys()].sort(), ['b.txt', 'c.txt', 'papers/d.txt']);
  });

  it('gives an article its corrected entities, for the search results and the export', () => {
    assert.deepStrictEqual(
      entities.entitiesOf('b.txt').map(({ key, mentions }) => [key, mentions]).sort(),
      [['LOC:washington', 1], ['PER:jane doe', 1], ['PER:vladimir putin', 1]],
    );
    assert.deepStrictEqual(entities.entitiesOf('papers/d.txt').map(({ key }) => key), ['PER:jane doe']);
  });

  it('maps companions and timelines to the corrected entities, names added by the user and split off included', () => {
    assert.ok(entities.companions('PER:kim jong-un', 10).every((companion) => companion.key !== 'PER:v. putin'));
    // c.txt names Kim only as "Kim", split off Kim Jong-un; Jane Doe is added by the user in b.txt and c.txt.
    assert.deepStrictEqual(entities.companions('LOC:washington', 10).map(({ key, articles }) => `${key}×${articles}`), ['PER:jane doe×2', 'PER:kim×1', 'PER:vladimir putin×1']);
    assert.deepStrictEqual(entities.companions('PER:jane doe', 10).map(({ key, articles }) => `${key}×${articles}`), ['LOC:washington×2', 'PER:kim×1', 'PER:vladimir putin×1']);
    const engineOnly = new CorrectedIndexEntities(index, correctionsOf({ places: { Washington: { aliases: ['person:Washington'] } } }), SAME);
    assert.deepStrictEqual(engineOnly.companions('LOC:washington', 10).map((companion) => companion.key).sort(), ['MISC:method', 'PER:kim jong-un', 'PER:v. putin']);
    assert.deepStrictEqual([...entities.entityTimeline('PER:vladimir putin')], [['2023-09', 3]]);
  });

  it('counts the articles a merged entity shares once, where two of its forms name the same article', () => {
    // x.txt names both forms of Putin, with Moscow: merged, Putin and Moscow share 2 articles, not 1 + 2.
    const twoForms = buildIndex(
      [
        { path: 'x.txt', text: article('2023-09-10', 'Vladimir Putin and V. Putin in Moscow.') },
        { path: 'y.txt', text: article('2023-09-11', 'V. Putin flew to Moscow.') },
      ],
      KNOWN,
    );
    const merged = new CorrectedIndexEntities(twoForms, correctionsOf({ people: { 'Vladimir Putin': { aliases: ['V. Putin'] } } }), SAME);
    assert.deepStrictEqual(merged.companions('PER:vladimir putin', 10).map(({ key, articles }) => `${key}×${articles}`), ['LOC:moscow×2']);
    assert.deepStrictEqual(merged.companions('LOC:moscow', 10).map(({ key, articles }) => `${key}×${articles}`), ['PER:vladimir putin×2']);
    assert.deepStrictEqual(new CorrectedIndexEntities(twoForms, correctionsOf({}), SAME).companions('LOC:moscow', 10).map(({ key, articles }) => `${key}×${articles}`), ['PER:v. putin×2', 'PER:vladimir putin×1']);
  });

  it('answers entity filters with the corrections: merged, retyped, ignored, ignoreIn, added', () => {
    assert.deepStrictEqual(search('person:Putin'), ['a.txt', 'b.txt']);
    assert.deepStrictEqual(search('person:="V. Putin"'), ['a.txt', 'b.txt']);
    assert.deepStrictEqual(hitPaths(index, 'person:Putin').sort(), ['a.txt', 'b.txt', 'papers/d.txt']);
    assert.deepStrictEqual(search('place:Washington'), ['b.txt', 'c.txt']);
    assert.deepStrictEqual(search('person:Washington'), []);
    assert.deepStrictEqual(search('entity:Method'), []);
    assert.deepStrictEqual(search('person:"Jane Doe"'), ['b.txt', 'c.txt', 'papers/d.txt']);
    assert.deepStrictEqual(search('person:Kim'), ['a.txt', 'c.txt']);
  });

  it('counts a query timeline\'s matches per day with the same corrections as the search', () => {
    const perDay = (query: string) => {
      const counted = index.matchesPerDay(query, { corrections, pathOf: (id) => id });
      return counted.ok ? counted.total : counted.error;
    };
    assert.strictEqual(perDay('person:Putin'), search('person:Putin').length);
    assert.strictEqual(perDay('place:Washington'), search('place:Washington').length);
    assert.strictEqual(perDay('entity:Method'), 0);
  });
});

describe('facts file corrections: applied to an article', () => {
  const extract = fakeExtractor(KNOWN);
  const corrections = correctionsOf(CORRECTIONS);
  const keysOf = (path: string) => {
    const text = ARTICLES.find((found) => found.path === path)?.text ?? '';
    return correctArticleEntities(corrections, extract(text), text, path).map((entity) => `${entity.key}×${entity.mentions.length}`);
  };

  it('merges, retypes, ignores and adds in the text of one article', () => {
    assert.deepStrictEqual(keysOf('b.txt'), ['PER:vladimir putin×1', 'LOC:washington×1', 'PER:jane doe×1']);
    assert.deepStrictEqual(keysOf('papers/d.txt'), ['PER:jane doe×1']);
  });

  it('splits a form out of an entity as its own entity', () => {
    assert.deepStrictEqual(keysOf('a.txt'), ['PER:vladimir putin×2', 'PER:kim jong-un×1', 'LOC:moscow×1', 'PER:kim×1']);
    const text = ARTICLES[0]?.text ?? '';
    const kim = correctArticleEntities(corrections, extract(text), text, 'a.txt').find((entity) => entity.key === 'PER:kim jong-un');
    assert.deepStrictEqual(kim?.aliases, []);
  });

  it('gives a form split off a retyped entity the corrected type, in the article as in the index and its filters', () => {
    const retyped = correctionsOf({ organizations: { 'Kim Jong-un': { aliases: ['person:Kim Jong-un'], split: ['Kim'] } } });
    const text = ARTICLES[0]?.text ?? '';
    const inArticle = correctArticleEntities(retyped, extract(text), text, 'a.txt').map((entity) => `${entity.key}×${entity.mentions.length}`);
    assert.deepStrictEqual(inArticle, ['PER:vladimir putin×2', 'ORG:kim jong-un×1', 'LOC:moscow×1', 'ORG:kim×1']);
    const index = buildIndex(ARTICLES, KNOWN);
    const inIndex = new CorrectedIndexEntities(index, retyped, SAME).entitiesOf('a.txt').map(({ key, mentions }) => `${key}×${mentions}`);
    assert.deepStrictEqual(inIndex.sort(), [...inArticle].sort());
    assert.deepStrictEqual(hitPaths(index, 'org:="Kim"', { corrections: { corrections: retyped, pathOf: (id) => id }, fuzzyFallback: false }).sort(), ['a.txt', 'c.txt']);
  });

  it('adds a name only in the articles addIn lists, and changes nothing without corrections', () => {
    const only = correctionsOf({ people: { 'Jane Doe': { addIn: ['c.txt'] } } });
    const text = ARTICLES[1]?.text ?? '';
    assert.ok(!correctArticleEntities(only, extract(text), text, 'b.txt').some((entity) => entity.key === 'PER:jane doe'));
    assert.ok(correctArticleEntities(only, extract(ARTICLES[2]?.text ?? ''), ARTICLES[2]?.text ?? '', 'c.txt').some((entity) => entity.key === 'PER:jane doe'));
    const engine = extract(text);
    assert.strictEqual(correctArticleEntities(EntityCorrections.NONE, engine, text, 'b.txt'), engine);
  });
});

describe('a leading "The" where names are matched and merged', () => {
  const POST: KnownEntity = { key: 'ORG:washington post', name: 'Washington Post', type: 'ORG' };
  const index = buildIndex([{ path: 'a.txt', text: article('2023-09-10', 'The Washington Post said so.') }], [POST]);

  it('is no part of a name: mentions with and without it are one entity, and a facts entry written with it is the engine\'s entity', () => {
    const recognizer: SpanRecognizer = {
      recognize: (text) => [...text.matchAll(/(?:The )?Washington Post/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, type: 'ORG' as const, text: match[0] })),
    };
    const entities = extractArticleEntities(recognizer, 'The Washington Post said so. Washington Post readers agreed.');
    assert.deepStrictEqual(entities.map(({ key, mentions }) => `${key}×${mentions.length}`), ['ORG:washington post×2']);
    assert.deepStrictEqual([...(parseFacts(JSON.stringify({ organizations: { 'The Washington Post': { description: 'A newspaper' } } })).entries?.keys() ?? [])], ['ORG:washington post']);
    const renamed = correctionsOf({ organizations: { 'The Daily Post': { aliases: ['Washington Post'] } } });
    const fate = renamed.fateOf(POST.key);
    assert.strictEqual(fate === 'ignored' ? fate : fate?.entity.key, 'ORG:daily post');
  });

  it('is no part of an entity filter\'s name, exact or not, on the engine\'s entities and on corrected ones', () => {
    for (const query of ['org:"The Washington Post"', 'org:="The Washington Post"', 'org:"the post"', 'org:"Washington Post"']) assert.deepStrictEqual(hitPaths(index, query), ['a.txt'], query);
    const corrections = correctionsOf({ organizations: { 'Daily Post': { aliases: ['Washington Post'] } } });
    for (const query of ['org:"The Daily Post"', 'org:="The Daily Post"', 'org:"Daily Post"']) {
      assert.deepStrictEqual(hitPaths(index, query, { corrections: { corrections, pathOf: (id) => id }, fuzzyFallback: false }), ['a.txt'], query);
    }
  });
});

/**
 * QA's hostile article: the engine read the second "Robert Brown" as "Robert" and "Brown", short forms of the first,
 * and "John Smith" only as "John" and "Smith"; `other.txt` names John Smith as "Smith" alone.
 */
const HOSTILE = 'John Smith met Robert Brown. Later Robert Brown said Brown would stay.';
const HOSTILE_FACTS = { people: { 'John Smith': { add: true }, 'Robert Brown': { add: true } } };
function hostileEngine(text: string): ArticleEntity[] {
  /** The `n`th occurrence (from 0) of `form` in the text, as a mention. */
  const nth = (form: string, n: number) => {
    let at = text.indexOf(form);
    for (let i = 0; i < n; i++) at = text.indexOf(form, at + 1);
    return { start: at, end: at + form.length };
  };
  const entity = (name: string, aliases: string[], mentions: { start: number; end: number }[]): ArticleEntity => {
    const forms = new Map<string, number>();
    for (const { start, end } of mentions) forms.set(text.slice(start, end), (forms.get(text.slice(start, end)) ?? 0) + 1);
    return { key: entityKey('PER', name), name, type: 'PER', aliases, mentions, forms: [...forms].map(([form, count]) => ({ text: form, count })) };
  };
  if (!text.includes('John Smith')) return [entity('John Smith', ['Smith'], [nth('Smith', 0)])];
  return [entity('John Smith', ['John', 'Smith'], [nth('John', 0), nth('Smith', 0)]), entity('Robert Brown', ['Brown', 'Robert'], [nth('Robert Brown', 0), nth('Robert', 1), nth('Brown', 1), nth('Brown', 2)])];
}

describe('facts file corrections: the aliases left once added names took mentions (qa23)', () => {
  it('lists in an article only the spellings its mentions are still written as', () => {
    assert.deepStrictEqual(
      correctArticleEntities(correctionsOf(HOSTILE_FACTS), hostileEngine(HOSTILE), HOSTILE, 'hostile.txt').map(({ name, aliases, mentions }) => ({ name, aliases, mentions: mentions.map(({ start, end }) => HOSTILE.slice(start, end)) })),
      [
        { name: 'John Smith', aliases: [], mentions: ['John Smith'] },
        { name: 'Robert Brown', aliases: ['Brown'], mentions: ['Robert Brown', 'Robert Brown', 'Brown'] },
      ],
    );
  });

  it('lists the same in the index\'s answers the export reads, keeping a spelling an article the recount did not read writes', () => {
    const builder = new BatchBuilder(hostileEngine);
    for (const [path, text] of [['hostile.txt', article('2023-09-10', HOSTILE)], ['other.txt', article('2023-09-11', 'Smith spoke.')]] as const) builder.addText({ path, size: text.length, mtimeMs: 1 }, text);
    const index = new CorpusIndex();
    index.addBatch(builder.finish(), { defer: true });
    index.compactNow();
    assert.deepStrictEqual(index.entitySummary('PER:john smith')?.aliases, ['John', 'Smith']);
    assert.deepStrictEqual(index.entitySummary('PER:robert brown')?.aliases, ['Brown', 'Robert']);
    const entities = new CorrectedIndexEntities(index, correctionsOf(HOSTILE_FACTS), SAME);
    // "Smith" stays for other.txt, which the recount did not read ("John Smith" is not written there).
    assert.deepStrictEqual(entities.entitySummary('PER:john smith')?.aliases, ['Smith']);
    assert.deepStrictEqual(entities.entitySummary('PER:robert brown')?.aliases, ['Brown']);
  });
});

describe('facts file corrections: an added name where the engine found an entity', () => {
  // Seed 000's sentence: the engine finds the whole committee as one organization.
  const COMMITTEE: KnownEntity = { key: 'ORG:science and education of the workers’ party central committee', name: 'Science and Education of the Workers’ Party Central Committee', type: 'ORG' };
  const SEED = 'Ri Pyong-chol, Department of Science and Education of the Workers’ Party Central Committee, met Kim.';
  const keysAndSpans = (corrections: EntityCorrections) =>
    correctArticleEntities(corrections, fakeExtractor([COMMITTEE, KIM])(SEED), SEED, 'seed.txt').map((entity) => ({ key: entity.key, mentions: entity.mentions.map(({ start, end }) => SEED.slice(start, end)), forms: entity.forms }));

  it('takes the place of the engine\'s overlapping mention, whose entity leaves the article with no mention left', () => {
    assert.deepStrictEqual(keysAndSpans(correctionsOf({ organizations: { 'Science and Education': { add: true } } })), [
      { key: 'ORG:science and education', mentions: ['Science and Education'], forms: [{ text: 'Science and Education', count: 1 }] },
      { key: 'PER:kim jong-un', mentions: ['Kim'], forms: [{ text: 'Kim', count: 1 }] },
    ]);
  });

  it('leaves a longer engine name of another type, or another person\'s, to the engine; a place in a place is taken over (an organization in an organization too, above)', () => {
    const POST: KnownEntity = { key: 'ORG:washington post', name: 'Washington Post', type: 'ORG' };
    const LAURA: KnownEntity = { key: 'PER:laura bush', name: 'Laura Bush', type: 'PER' };
    const NORTH_KOREA: KnownEntity = { key: 'LOC:north korea', name: 'North Korea', type: 'LOC' };
    const BANK: KnownEntity = { key: 'ORG:bank of korea', name: 'Bank of Korea', type: 'ORG' };
    const text = 'The Washington Post said Laura Bush met Bush in North Korea. Washington wrote to the Bank of Korea.';
    const corrections = correctionsOf({ people: { Washington: { add: true }, Bush: { add: true } }, places: { Korea: { add: true } } });
    const corrected = correctArticleEntities(corrections, fakeExtractor([POST, LAURA, NORTH_KOREA, BANK])(text), text, 'a.txt');
    assert.deepStrictEqual(
      corrected.map((entity) => `${entity.key}: ${entity.mentions.map(({ start, end }) => text.slice(start, end)).join(', ')}`),
      ['ORG:washington post: Washington Post', 'PER:laura bush: Laura Bush', 'PER:bush: Bush', 'LOC:korea: Korea', 'PER:washington: Washington', 'ORG:bank of korea: Bank of Korea'],
    );
  });

  it('keeps the longer of two added names that overlap, and leaves the engine\'s other mentions alone', () => {
    const corrections = correctionsOf({ organizations: { 'Science and Education': { add: true }, 'Education of the Workers’ Party': { add: true } } });
    assert.deepStrictEqual(keysAndSpans(corrections).map(({ key, mentions }) => `${key}: ${mentions.join(', ')}`), ["ORG:education of the workers' party: Education of the Workers’ Party", 'PER:kim jong-un: Kim']);
  });

  it('keeps the engine\'s mention of the added name\'s own entity that holds an occurrence, and its form', () => {
    const text = 'Vladimir Putin met Kim. Putin left.';
    const corrected = correctArticleEntities(correctionsOf({ people: { 'Vladimir Putin': { aliases: ['Putin'] }, Putin: { add: true } } }), fakeExtractor([PUTIN, KIM])(text), text, 'a.txt');
    assert.deepStrictEqual(
      corrected.map((entity) => ({ key: entity.key, mentions: entity.mentions.map(({ start, end }) => text.slice(start, end)), forms: entity.forms })),
      [
        { key: 'PER:vladimir putin', mentions: ['Vladimir Putin', 'Putin'], forms: [{ text: 'Vladimir Putin', count: 1 }, { text: 'Putin', count: 1 }] },
        { key: 'PER:kim jong-un', mentions: ['Kim'], forms: [{ text: 'Kim', count: 1 }] },
      ],
    );
  });

  it('counts a merged entity\'s forms as the engine writes them: typographic quotes and spacing folded, as in every other form count', () => {
    const text = 'The Workers’ Party met. The Workers’  Party left.';
    const spans = [text.indexOf('Workers’ Party'), text.lastIndexOf('Workers’')].map((start, i) => ({ start, end: start + (i === 0 ? 14 : 15) }));
    const engine: ArticleEntity = { key: "ORG:workers' party", name: "Workers' Party", type: 'ORG', aliases: [], mentions: spans, forms: [{ text: "Workers' Party", count: 2 }] };
    const corrected = correctArticleEntities(correctionsOf({ organizations: { "Workers' Party of Korea": { aliases: ["Workers' Party"] } } }), [engine], text, 'a.txt');
    assert.deepStrictEqual(
      corrected.map((entity) => ({ key: entity.key, forms: entity.forms, aliases: entity.aliases })),
      [{ key: "ORG:workers' party of korea", forms: [{ text: "Workers' Party", count: 2 }], aliases: ["Workers' Party"] }],
    );
  });

  it('adds an occurrence whose own entity\'s mention went to a longer added name', () => {
    const text = 'Vladimir Putin met Kim.';
    const corrections = correctionsOf({ people: { 'Vladimir Putin': { aliases: ['Putin'] }, Putin: { add: true } }, organizations: { 'Vladimir Putin met': { add: true } } });
    const corrected = correctArticleEntities(corrections, fakeExtractor([PUTIN, KIM])(text), text, 'a.txt');
    assert.deepStrictEqual(corrected.map((entity) => `${entity.key}: ${entity.mentions.map(({ start, end }) => text.slice(start, end)).join(', ')}`), ['ORG:vladimir putin met: Vladimir Putin met', 'PER:kim jong-un: Kim']);
  });

  it('leaves no two mentions overlapping, and makes every occurrence of an added name a mention unless a longer added name, its own entity or a longer engine name of another type holds it', () => {
    const WORDS = ['Kim', 'Party', 'of', 'the', 'Science', 'and', 'Education', 'said'];
    const OWN_ENTITY = 3;
    /** The engine's entities: non-overlapping runs of words, each of one of four entities, the last the person `own` (an added name's entity). */
    const engineOf = (words: readonly string[], runs: readonly { at: number; length: number; entity: number }[], own: string): ArticleEntity[] => {
      const starts = words.map((_, i) => words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0));
      const taken = new Set<number>();
      const byEntity = new Map<number, { start: number; end: number }[]>();
      for (const { at, length, entity } of runs) {
        const last = Math.min(words.length, at + length) - 1;
        const span = Array.from({ length: last - at + 1 }, (_, i) => at + i);
        if (span.length === 0 || span.some((word) => taken.has(word))) continue;
        span.forEach((word) => taken.add(word));
        const mentions = byEntity.get(entity) ?? [];
        mentions.push({ start: starts[at] ?? 0, end: (starts[last] ?? 0) + (words[last] ?? '').length });
        byEntity.set(entity, mentions);
      }
      const text = words.join(' ');
      return [...byEntity].map(([entity, mentions]) => {
        const name = entity === OWN_ENTITY ? own : `Engine ${entity}`;
        const forms = new Map<string, number>();
        for (const { start, end } of mentions) forms.set(text.slice(start, end), (forms.get(text.slice(start, end)) ?? 0) + 1);
        const type = entity === OWN_ENTITY ? 'PER' : 'ORG';
        return { key: entityKey(type, name), name, type, aliases: [], mentions, forms: [...forms].map(([form, count]) => ({ text: form, count })) };
      });
    };
    const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 24 }),
        fc.array(fc.record({ at: fc.nat(23), length: fc.integer({ min: 1, max: 4 }), entity: fc.nat(OWN_ENTITY) }), { maxLength: 6 }),
        // One entry a name: "the Party" and "Party" are one entity.
        fc.uniqueArray(phrase, { minLength: 1, maxLength: 3, selector: nameIdentity }),
        (words, runs, addedNames) => {
          const text = words.join(' ');
          const engine = engineOf(words, runs, addedNames[0] ?? '');
          const corrections = correctionsOf({ people: Object.fromEntries(addedNames.map((name) => [name, { add: true }])) });
          const corrected = correctArticleEntities(corrections, engine, text, 'article.txt');
          const mentions = corrected.flatMap((entity) => entity.mentions.map((mention) => ({ ...mention, key: entity.key, name: entity.name })));
          const overlapping = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
          mentions.forEach((mention, i) => assert.ok(!mentions.some((other, j) => j !== i && overlapping(mention, other)), `overlap in ${JSON.stringify(mentions)}`));
          for (const entity of corrected) assert.ok(entity.mentions.length > 0 && entity.forms.reduce((sum, form) => sum + form.count, 0) === entity.mentions.length, JSON.stringify(entity));
          const inside = (outer: { start: number; end: number }, inner: { start: number; end: number }) => outer.start <= inner.start && inner.end <= outer.end;
          /**
           * Whether an occurrence of `name` is a mention or something holds it: a longer added name's occurrence (itself
           * accounted for), an earlier occurrence of the same name that overlaps it ("of of" twice in "of of of": the
           * earlier stands), its own entity, or a longer engine organization.
           */
          const accounted = (name: string, occurrence: { start: number; end: number }, depth: number): boolean =>
            mentions.some((mention) => mention.name === name && mention.start === occurrence.start && mention.end === occurrence.end) ||
            mentions.some((mention) => addedNames.includes(mention.name) && mention.end - mention.start >= name.length && overlapping(mention, occurrence)) ||
            mentions.some((mention) => mention.key === entityKey('PER', name) && inside(mention, occurrence)) ||
            mentions.some((mention) => !addedNames.includes(mention.name) && mention.end - mention.start > name.length && inside(mention, occurrence)) ||
            (depth > 0 &&
              addedNames.some((other) => other.length >= name.length && exactNameMentions(text, other).some((longer) => (other !== name || longer.start < occurrence.start) && overlapping(longer, occurrence) && accounted(other, longer, depth - 1))));
          for (const name of addedNames) {
            for (const occurrence of exactNameMentions(text, name)) {
              assert.ok(accounted(name, occurrence, addedNames.length), `"${name}" at ${occurrence.start} in "${text}": ${JSON.stringify(mentions)}`);
            }
          }
          // The engine's mentions that no added name's occurrence overlaps stay as they were.
          const added = mentions.filter((mention) => addedNames.includes(mention.name));
          for (const entity of engine) {
            for (const mention of entity.mentions.filter((own) => !added.some((other) => overlapping(own, other)))) {
              assert.ok(mentions.some((kept) => kept.key === entity.key && kept.start === mention.start && kept.end === mention.end), `lost ${JSON.stringify(mention)} of ${entity.key}`);
            }
          }
          // A mention of the added name's own entity stays whole where its occurrences lie inside it and no other entity's mention took it.
          const own = addedNames[0] ?? '';
          const ownKey = entityKey('PER', own);
          for (const mention of engine.find((entity) => entity.key === ownKey)?.mentions ?? []) {
            const partly = exactNameMentions(text, own).some((occurrence) => overlapping(occurrence, mention) && !(mention.start <= occurrence.start && occurrence.end <= mention.end));
            const taken = mentions.some((kept) => kept.key !== ownKey && overlapping(kept, mention));
            if (!partly && !taken) assert.ok(mentions.some((kept) => kept.key === ownKey && kept.start === mention.start && kept.end === mention.end), `own ${JSON.stringify(mention)} lost in "${text}": ${JSON.stringify(mentions)}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

