import * as assert from 'assert';
import { CorpusIndex, IndexParts, SearchHit } from '../../../src/core/search/corpus-index';
import { EntityTable } from '../../../src/core/search/entity-table';
import { decodeIndex, decodeIndexSteps, encodeIndex, indexFileSections } from '../../../src/core/search/index-file';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { KIM, KREMLIN, MOSCOW, NEWS, NEWS_ENTITIES, PUTIN, analyzeText, article, buildIndex, fakeExtractor, hitPaths } from './fixtures';

function firstHit(index: CorpusIndex, query: string): SearchHit {
  const response = index.search(query);
  assert.ok(response.ok && response.hits[0], `no hit for ${query}`);
  return response.hits[0];
}

describe('CorpusIndex search', () => {
  const index = buildIndex(NEWS, NEWS_ENTITIES);

  it('indexes articles and skips files without a date header', () => {
    const withStray = buildIndex([...NEWS, { path: 'readme.txt', text: 'Just a note about rates.' }]);
    assert.strictEqual(withStray.articleCount, NEWS.length);
    assert.deepStrictEqual(hitPaths(withStray, '"just a note"'), []);
  });

  it('ANDs words', () => {
    assert.deepStrictEqual(hitPaths(index, 'interest rates').sort(), ['rates.txt', 'summit.txt', 'undated.txt']);
    assert.deepStrictEqual(hitPaths(index, 'interest rates wheat'), []);
  });

  it('checks phrases against the text, not only the words', () => {
    assert.deepStrictEqual(hitPaths(index, '"interest rates"').sort(), ['rates.txt', 'summit.txt']);
    assert.deepStrictEqual(hitPaths(index, '"rates interest"'), []);
    assert.deepStrictEqual(hitPaths(index, '"kim jong-un"'), ['arrival.txt']);
  });

  it('ORs alternatives and excludes -words', () => {
    assert.deepStrictEqual(hitPaths(index, 'wheat OR weapons').sort(), ['summit.txt', 'wheat.txt']);
    assert.deepStrictEqual(hitPaths(index, 'rates -bank').sort(), ['summit.txt', 'undated.txt', 'wheat.txt']);
    assert.deepStrictEqual(hitPaths(index, 'rates -"interest rates"').sort(), ['undated.txt', 'wheat.txt']);
  });

  it('expands prefixes and ranks the exact word above its longer forms', () => {
    assert.deepStrictEqual(hitPaths(index, 'export*'), ['wheat.txt']);
    const ranked = hitPaths(index, 'bank*');
    assert.deepStrictEqual(ranked.slice().sort(), ['rates.txt', 'undated.txt']);
    assert.strictEqual(ranked[0], 'rates.txt', '"bank" exactly, in the title, beats "banks"');
  });

  it('matches fuzzy words on request, below exact matches', () => {
    assert.deepStrictEqual(hitPaths(index, 'wheet~'), ['wheat.txt']);
    const ranked = hitPaths(index, 'rate~');
    assert.strictEqual(ranked[0], 'georgia.txt', 'the exact "rate" ranks first');
    assert.ok(ranked.includes('rates.txt'));
  });

  it('falls back to fuzzy when nothing matches, and says so', () => {
    const response = index.search('armoured trainn');
    assert.ok(response.ok);
    assert.strictEqual(response.fuzzy, true);
    assert.deepStrictEqual(
      response.hits.map((hit) => hit.path),
      ['arrival.txt'],
    );
    const exact = index.search('armoured train');
    assert.ok(exact.ok && !exact.fuzzy);
    const off = index.search('trainn', { fuzzyFallback: false });
    assert.ok(off.ok && off.total === 0);
  });

  it('takes two swapped letters for one typo, asked for or in the retry: "wheta" finds wheat', () => {
    assert.deepStrictEqual(hitPaths(index, 'wheta~'), ['wheat.txt']);
    const retried = index.search('wheta');
    assert.ok(retried.ok && retried.fuzzy);
    assert.deepStrictEqual(retried.hits.map((hit) => hit.path), ['wheat.txt']);
  });

  it('keeps a number exact in the retry: "oil 1996" is no near spelling of 1998 (ux38b)', () => {
    const years = buildIndex([{ path: 'oil.txt', text: article('2023-01-01', 'Oil prices in 1998 rose.') }]);
    const none = years.search('oil 1996');
    assert.ok(none.ok && none.total === 0 && !none.fuzzy);
    const word = years.search('oill 1998');
    assert.ok(word.ok && word.fuzzy && word.total === 1, 'the word is still loosened');
  });

  it('does not say it shows near spellings when the fuzzy retry finds nothing either', () => {
    const response = index.search('zzzzqqq');
    assert.ok(response.ok);
    assert.strictEqual(response.total, 0);
    assert.strictEqual(response.fuzzy, false);
  });

  it('filters by merged entity: "Putin" finds articles that only say "Vladimir Putin"', () => {
    assert.deepStrictEqual(hitPaths(index, 'person:Putin').sort(), ['arrival.txt', 'summit.txt']);
    assert.deepStrictEqual(hitPaths(index, 'person:"Vladimir Putin"').sort(), ['arrival.txt', 'summit.txt']);
    assert.deepStrictEqual(hitPaths(index, 'place:Moscow'), ['summit.txt']);
    assert.deepStrictEqual(hitPaths(index, 'org:Kremlin'), ['arrival.txt']);
    assert.deepStrictEqual(hitPaths(index, 'entity:Georgia'), ['georgia.txt']);
    assert.deepStrictEqual(hitPaths(index, 'person:Georgia'), [], 'Georgia is a place, not a person');
    assert.deepStrictEqual(hitPaths(index, 'person:Nobody'), []);
  });

  it('finds a country asked for exactly by another of its names, as merging names it ("U.S." is the United States)', () => {
    const usa = { key: 'LOC:united states', name: 'United States', type: 'LOC' as const, aliases: ['U.S.', 'US'] };
    // The fake extractor finds whole words: "US" in the text, the merged entity's alias.
    const talks = buildIndex([{ path: 'talks.txt', text: article('2023-09-13', 'Talks in the US ended.') }], [usa]);
    for (const query of ['place:="U.S."', 'place:=USA', 'entity:="United States of America"', 'place:="United States"']) assert.deepStrictEqual(hitPaths(talks, query), ['talks.txt'], query);
    assert.deepStrictEqual(hitPaths(talks, 'person:="U.S."'), [], 'a person is never a country');
    // An article that tagged "Turkey" an organization left its "Türkiye" a place of its own, still found by its name.
    const turkiye = { key: 'LOC:türkiye', name: 'Türkiye', type: 'LOC' as const };
    const ankara = buildIndex([{ path: 'ankara.txt', text: article('2023-09-13', 'Ankara speaks for Türkiye now.') }], [turkiye]);
    assert.deepStrictEqual(hitPaths(ankara, 'place:="Türkiye"'), ['ankara.txt']);
  });

  it('filters by date, and leaves undated articles out of every date filter', () => {
    assert.deepStrictEqual(hitPaths(index, 'date:2023-09').sort(), ['arrival.txt', 'rates.txt', 'summit.txt']);
    assert.deepStrictEqual(hitPaths(index, 'on:2023-09-13'), ['summit.txt']);
    assert.deepStrictEqual(hitPaths(index, 'after:2023-09-12'), ['rates.txt', 'summit.txt']);
    assert.deepStrictEqual(hitPaths(index, 'before:2022 rate*'), ['georgia.txt']);
    assert.deepStrictEqual(hitPaths(index, 'rate* date:2022 OR date:2021').sort(), ['georgia.txt', 'wheat.txt']);
    assert.ok(!hitPaths(index, 'after:1900').includes('undated.txt'));
  });

  it('ranks title matches above body matches', () => {
    const ranked = hitPaths(index, 'wheat OR rockets');
    assert.strictEqual(ranked[0], 'wheat.txt');
  });

  it('breaks ties by date, newest first unless told otherwise', () => {
    assert.deepStrictEqual(hitPaths(index, 'date:2023-09'), ['rates.txt', 'summit.txt', 'arrival.txt']);
    assert.deepStrictEqual(hitPaths(index, 'date:2023-09', { tieBreak: 'oldest' }), ['arrival.txt', 'summit.txt', 'rates.txt']);
  });

  it('orders by date alone when asked, in the tie break\'s direction, the undated last either way, the limit kept', () => {
    // By relevance, rates.txt (the words twice) leads; by date, the newest and the oldest article of "rates" lead.
    assert.deepStrictEqual(hitPaths(index, 'rates', { order: 'date' }), ['rates.txt', 'summit.txt', 'wheat.txt', 'undated.txt']);
    assert.deepStrictEqual(hitPaths(index, 'rates', { order: 'date', tieBreak: 'oldest' }), ['wheat.txt', 'summit.txt', 'rates.txt', 'undated.txt']);
    assert.deepStrictEqual(hitPaths(index, 'rates', { order: 'date', tieBreak: 'oldest', limit: 2 }), ['wheat.txt', 'summit.txt']);
  });

  it('counts all matches but returns only the limit', () => {
    const response = index.search('rates', { limit: 2 });
    assert.ok(response.ok);
    assert.strictEqual(response.hits.length, 2);
    assert.strictEqual(response.total, 4);
    assert.ok(Number.isFinite(response.tookMs) && response.tookMs >= 0, `tookMs ${response.tookMs}`);
  });

  it('returns a clear error for malformed queries instead of throwing', () => {
    const response = index.search('"unclosed');
    assert.ok(!response.ok);
    assert.match(response.error, /^News Corpus: the quote/);
    assert.strictEqual(response.offset, 0);
  });

  it('returns dates, titles and scores with each hit', () => {
    const hit = firstHit(index, 'armoured');
    assert.strictEqual(hit.path, 'arrival.txt');
    assert.strictEqual(hit.date, '2023-09-12');
    assert.strictEqual(hit.title, 'Kim Jong-un arrives in Russia by armoured train.');
    assert.ok(hit.score > 0);
    assert.strictEqual(firstHit(index, 'savers').date, undefined);
  });
});

describe('CorpusIndex snippets', () => {
  const index = buildIndex(NEWS, NEWS_ENTITIES);
  const textOf = (path: string): string => NEWS.find((item) => item.path === path)?.text ?? '';

  it('gives match offsets into the original text', () => {
    const hit = firstHit(index, 'weapons');
    const text = textOf(hit.path);
    assert.strictEqual(hit.snippet.text, text.slice(hit.snippet.start, hit.snippet.end));
    assert.deepStrictEqual(
      hit.snippet.matches.map((match) => text.slice(match.start, match.end)),
      ['weapons'],
    );
  });

  it('highlights a phrase as one match, and every form a prefix reached', () => {
    const phrase = firstHit(index, '"interest rates"');
    const text = textOf(phrase.path);
    assert.ok(phrase.snippet.matches.length > 0);
    for (const match of phrase.snippet.matches) assert.strictEqual(text.slice(match.start, match.end).toLowerCase(), 'interest rates');
    const prefix = firstHit(index, 'bank*');
    const words = prefix.snippet.matches.map((match) => textOf(prefix.path).slice(match.start, match.end).toLowerCase());
    assert.deepStrictEqual([...new Set(words)].sort(), ['bank', 'banking']);
  });

  it('highlights the names of a matched entity', () => {
    const hit = firstHit(index, 'person:Putin armoured');
    const words = hit.snippet.matches.map((match) => textOf(hit.path).slice(match.start, match.end));
    assert.ok(words.includes('Vladimir Putin'), words.join());
  });

  it('cuts a long article around the densest matches, at word boundaries, never in the header', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `Filler sentence number ${i} says nothing at all.`).join(' ');
    const long = buildIndex([{ path: 'long.txt', text: article('2023-01-01', filler, 'Here the zebra met the giraffe.', filler) }]);
    const hit = firstHit(long, 'zebra giraffe');
    assert.ok(hit.snippet.text.includes('zebra met the giraffe'));
    assert.ok(hit.snippet.text.length <= 200);
    assert.strictEqual(hit.snippet.matches.length, 2);
    const opening = firstHit(long, 'date:2023');
    assert.ok(opening.snippet.text.startsWith('Filler sentence number 0'));
    assert.deepStrictEqual(opening.snippet.matches, []);
  });

  it('builds no snippet when asked for none, with the same hits', () => {
    const without = index.search('interest rates', { snippetLength: 0 });
    const withSnippets = index.search('interest rates');
    assert.ok(without.ok && withSnippets.ok);
    assert.deepStrictEqual(without.hits.map(({ path, score }) => [path, score]), withSnippets.hits.map(({ path, score }) => [path, score]));
    for (const hit of without.hits) assert.deepStrictEqual(hit.snippet, { text: '', start: 0, end: 0, matches: [] });
  });
});

describe('CorpusIndex incremental updates', () => {
  const add = (index: CorpusIndex, path: string, text: string, mtimeMs = 1): void => {
    index.addBatch(analyzeText({ path, size: text.length, mtimeMs }, text, fakeExtractor([PUTIN])));
  };

  it('adds, replaces and removes single articles without a rebuild', () => {
    const index = buildIndex(NEWS, NEWS_ENTITIES);
    add(index, 'new.txt', article('2024-01-01', 'Putin visits a zebra farm.'));
    assert.deepStrictEqual(hitPaths(index, 'zebra'), ['new.txt']);
    assert.ok(hitPaths(index, 'person:putin').includes('new.txt'));
    add(index, 'new.txt', article('2024-01-02', 'Giraffes instead.'), 2);
    assert.deepStrictEqual(hitPaths(index, 'zebra'), []);
    assert.deepStrictEqual(hitPaths(index, 'giraffes'), ['new.txt']);
    assert.deepStrictEqual(index.stamp('new.txt'), { size: article('2024-01-02', 'Giraffes instead.').length, mtimeMs: 2 });
    assert.strictEqual(index.remove('wheat.txt'), true);
    assert.strictEqual(index.remove('wheat.txt'), false);
    assert.deepStrictEqual(hitPaths(index, 'wheat'), []);
    assert.strictEqual(index.articleCount, NEWS.length);
  });

  it('never scores a match below zero while removed articles still count in the postings of a common word', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ path: `${i}.txt`, text: article('2023-01-01', `The story ${i} of the day.`) }));
    const index = buildIndex(many);
    // Removed but not yet compacted: "the" is still posted for 20 articles among the 2 left.
    for (let i = 0; i < 18; i++) index.remove(`${i}.txt`);
    assert.strictEqual(index.needsCompaction, true);
    const response = index.search('the', { limit: 10 });
    assert.ok(response.ok);
    assert.deepStrictEqual(response.hits.map((hit) => hit.path).sort(), ['18.txt', '19.txt']);
    for (const hit of response.hits) assert.ok(hit.score > 0, `score ${hit.score} of ${hit.path}`);
  });

  it('gives the same answers after compaction, which drops removed articles', async () => {
    const index = buildIndex(NEWS, NEWS_ENTITIES);
    add(index, 'new.txt', article('2024-01-01', 'Interest rates on zebra loans.'));
    index.remove('rates.txt');
    const before = hitPaths(index, 'interest rates').sort();
    await index.compact();
    assert.deepStrictEqual(hitPaths(index, 'interest rates').sort(), before);
    assert.deepStrictEqual(before, ['new.txt', 'summit.txt', 'undated.txt']);
    assert.strictEqual(index.needsCompaction, false);
  });

  it('gives the same answers after a compaction that drops the previous postings before making the new ones', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ path: `${i}.txt`, text: article('2023-01-01', `Article ${i} about rates and wheat.`) }));
    const [released, kept] = [buildIndex([...NEWS, ...many], NEWS_ENTITIES), buildIndex([...NEWS, ...many], NEWS_ENTITIES)];
    for (const index of [released, kept]) add(index, 'new.txt', article('2024-01-01', 'Interest rates on zebra loans.'));
    const running = released.compact(0, { releasePostings: true });
    const during: number[] = [];
    // Searches meanwhile answer (from whatever postings are held at the time) and never throw.
    for (let turn = 0; turn < 20; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      const response = released.search('rates');
      assert.ok(response.ok);
      during.push(response.total);
    }
    await running;
    await kept.compact(0);
    assert.ok(during.includes(0), 'the previous postings were dropped during the compaction');
    const answer = (index: CorpusIndex, query: string): unknown => {
      const response = index.search(query, { limit: 50 });
      return response.ok ? { total: response.total, hits: response.hits } : response.error;
    };
    for (const query of ['rates', '"interest rates"', 'person:Putin', 'zebra', 'wheat -rates']) assert.deepStrictEqual(answer(released, query), answer(kept, query), query);
  });

  it('refuses changes while a compaction runs', async () => {
    // Enough articles that compaction has to pause at least once.
    const many = Array.from({ length: 2500 }, (_, i) => ({ path: `${i}.txt`, text: article('2023-01-01', `Article ${i} about rates.`) }));
    const index = buildIndex([...NEWS, ...many]);
    index.remove('rates.txt');
    const running = index.compact(0);
    assert.throws(() => index.remove('wheat.txt'), /being compacted/);
    await running;
    assert.strictEqual(index.remove('wheat.txt'), true);
  });

  it('does not search deferred articles before compaction', () => {
    const index = buildIndex(NEWS, [], false);
    assert.deepStrictEqual(hitPaths(index, 'wheat'), ['wheat.txt']);
    const deferred = new CorpusIndex();
    deferred.addBatch(analyzeText({ path: 'a.txt', size: 1, mtimeMs: 1 }, article('2024-01-01', 'zebra'), () => []), { defer: true });
    assert.strictEqual(deferred.needsCompaction, true);
    assert.deepStrictEqual(hitPaths(deferred, 'zebra'), []);
    deferred.compactNow();
    assert.deepStrictEqual(hitPaths(deferred, 'zebra'), ['a.txt']);
  });

  it('says whether it is compact, so saving skips a compaction that would change nothing', () => {
    const index = buildIndex(NEWS);
    assert.strictEqual(index.isCompact, true);
    index.remove('wheat.txt');
    assert.strictEqual(index.isCompact, false);
    index.compactNow();
    assert.strictEqual(index.isCompact, true);
    index.addBatch(analyzeText({ path: 'b.txt', size: 1, mtimeMs: 1 }, article('2024-01-01', 'okapi'), () => []));
    assert.strictEqual(index.isCompact, false, 'delta postings are pending');
  });
});

describe('CorpusIndex entity tables', () => {
  const index = buildIndex(NEWS, NEWS_ENTITIES);

  it('counts mentions per month across a year boundary, and each timeline starts from zero', () => {
    const months = buildIndex(
      [
        { path: 'a.txt', text: article('2022-12-31', 'Putin spoke. Putin left.') },
        { path: 'b.txt', text: article('2023-01-01', 'Putin came back.') },
        { path: 'c.txt', text: article('2023-01-20', 'Putin again.') },
        { path: 'd.txt', text: article('2023-03-05', 'Kim and Putin.') },
        { path: 'e.txt', text: article(undefined, 'Putin, undated.') },
      ],
      [PUTIN, KIM],
    );
    const expected = [['2022-12', 2], ['2023-01', 2], ['2023-03', 1]];
    assert.deepStrictEqual([...months.entityTimeline(PUTIN.key)], expected);
    assert.deepStrictEqual([...months.entityTimeline(KIM.key)], [['2023-03', 1]]);
    assert.deepStrictEqual([...months.entityTimeline(PUTIN.key)], expected, 'a second call counts afresh');
    assert.deepStrictEqual([...months.entityTimeline('PER:nobody')], []);
  });

  it('keeps a large entity\'s months in step with added, replaced and removed articles, as counted afresh', async () => {
    // 1,000 articles make Putin large enough for his months to be kept (KEPT_MONTHS_ARTICLES).
    const articles = Array.from({ length: 1000 }, (_, i) => ({
      path: `${i}.txt`,
      text: article(`2023-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`, i % 3 === 0 ? 'Putin met Kim. Putin left.' : 'Putin spoke.'),
    }));
    const kept = buildIndex(articles, [PUTIN, KIM]);
    await kept.prepare(0);
    const edits: [string, string | undefined][] = [
      ['new.txt', article('2024-02-01', 'Putin, Putin and Putin in a new month.')],
      ['3.txt', article('2023-04-04', 'Kim alone now.')],
      ['5.txt', undefined],
      ['7.txt', article('2023-02-30', 'Putin, on a day that does not exist: undated now.')],
    ];
    for (const [path, text] of edits) {
      if (text === undefined) kept.remove(path);
      else kept.addBatch(analyzeText({ path, size: 1, mtimeMs: 2 }, text, fakeExtractor([PUTIN, KIM])));
    }
    const final = new Map(articles.map(({ path, text }) => [path, text]));
    for (const [path, text] of edits) {
      if (text === undefined) final.delete(path);
      else final.set(path, text);
    }
    const counted = buildIndex([...final].map(([path, text]) => ({ path, text })), [PUTIN, KIM]);
    const expected = [...counted.entityTimeline(PUTIN.key)];
    assert.strictEqual(expected.length, 13);
    assert.deepStrictEqual([...kept.entityTimeline(PUTIN.key)], expected);
    assert.deepStrictEqual([...kept.entityTimeline(KIM.key)], [...counted.entityTimeline(KIM.key)], 'a small entity is counted from its postings');
    kept.compactNow();
    assert.deepStrictEqual([...kept.entityTimeline(PUTIN.key)], expected, 'after a compaction');
  });

  it('lists the articles of an entity, the entities of an article and per-day counts', () => {
    assert.deepStrictEqual(index.entityArticles(PUTIN.key), [
      { path: 'summit.txt', title: 'Putin and Kim hold talks at a space centre.', date: '2023-09-13', mentions: 1 },
      { path: 'arrival.txt', title: 'Kim Jong-un arrives in Russia by armoured train.', date: '2023-09-12', mentions: 1 },
    ]);
    assert.deepStrictEqual(
      index.entitiesOf('arrival.txt').map((entity) => entity.key).sort(),
      ['ORG:kremlin', 'PER:kim jong-un', 'PER:vladimir putin'],
    );
    assert.deepStrictEqual([...index.entityTimeline(PUTIN.key)], [['2023-09', 2]]);
    assert.deepStrictEqual(
      index.companions(PUTIN.key, 5).map(({ name, articles }) => [name, articles]),
      [
        ['Kim Jong-un', 2],
        ['Kremlin', 1],
        ['Moscow', 1],
      ],
    );
    // The counts are kept in one array between calls: asking again, after another entity, counts afresh.
    const first = index.companions(PUTIN.key, 5);
    index.companions(index.findEntities('kim jong-un')[0]?.key ?? '', 5);
    assert.deepStrictEqual(index.companions(PUTIN.key, 5), first);
    assert.deepStrictEqual(index.findEntities('putin').map((entity) => entity.name), ['Vladimir Putin']);
    assert.strictEqual(index.entity(PUTIN.key)?.type, 'PER');
    assert.strictEqual(index.entityCount, NEWS_ENTITIES.length);
  });

  it('finds companions in the most recently indexed live articles only, added ones included', () => {
    const known = [PUTIN, KIM, MOSCOW, KREMLIN];
    const latest = buildIndex(
      [
        { path: 'a.txt', text: article('2023-01-01', 'Putin met Kim.') },
        { path: 'b.txt', text: article('2023-01-02', 'Putin in the Kremlin.') },
        { path: 'c.txt', text: article('2023-01-03', 'Putin in Moscow.') },
        { path: 'd.txt', text: article('2023-01-04', 'Putin left Moscow for the Kremlin.') },
      ],
      known,
    );
    latest.addBatch(analyzeText({ path: 'e.txt', size: 1, mtimeMs: 1 }, article('2023-01-05', 'Putin and Kim again.'), fakeExtractor(known)));
    latest.remove('d.txt');
    const names = (maxArticles: number) => latest.companions(PUTIN.key, 5, maxArticles).map(({ name, articles }) => [name, articles]);
    // e.txt (not compacted yet) and c.txt: the removed d.txt is skipped.
    assert.deepStrictEqual(names(2), [['Kim Jong-un', 1], ['Moscow', 1]]);
    assert.deepStrictEqual(names(10), [['Kim Jong-un', 2], ['Kremlin', 1], ['Moscow', 1]]);
    assert.deepStrictEqual(latest.companions(PUTIN.key, 1, 10).map(({ name }) => name), ['Kim Jong-un'], 'only the best, by shared articles');
  });

  it('orders companions sharing as many articles: people, places and organizations first, then the better known', () => {
    const peskov = { key: 'PER:dmitry peskov', name: 'Dmitry Peskov', type: 'PER' as const };
    const american = { key: 'MISC:american', name: 'American', type: 'MISC' as const };
    const efe = { key: 'ORG:efe', name: 'EFE', type: 'ORG' as const };
    const known = [peskov, american, efe, KIM];
    const index = buildIndex(
      [
        { path: 'a.txt', text: article('2023-09-13', 'Dmitry Peskov said Kim would come, an American paper and EFE reported.') },
        { path: 'b.txt', text: article('2023-09-14', 'Kim arrived.') },
        { path: 'c.txt', text: article('2023-09-15', 'Kim left, an American paper said.') },
      ],
      known,
    );
    // Each shares one article with Peskov; by name alone it was "American, EFE, Kim Jong-un".
    assert.deepStrictEqual(
      index.companions(peskov.key, 5).map(({ name, articles }) => [name, articles]),
      [
        ['Kim Jong-un', 1],
        ['EFE', 1],
        ['American', 1],
      ],
    );
  });

  it('keeps a person among the companions of an article that names more other names than are listed', () => {
    const peskov = { key: 'PER:dmitry peskov', name: 'Dmitry Peskov', type: 'PER' as const };
    // Twelve adjectives, each its own "other name", then Kim: the cut of twice the listed ties left him out.
    const adjectives = Array.from({ length: 12 }, (_, i) => ({ key: `MISC:adj${String.fromCharCode(97 + i)}`, name: `Adj${String.fromCharCode(97 + i)}`, type: 'MISC' as const }));
    const index = buildIndex([{ path: 'a.txt', text: article('2023-09-13', `Dmitry Peskov: ${adjectives.map(({ name }) => name).join(', ')} and Kim.`) }], [peskov, ...adjectives, KIM]);
    assert.deepStrictEqual(index.companions(peskov.key, 5)[0]?.name, 'Kim Jong-un');
  });

  it('forgets removed articles in the entity tables', () => {
    const changed = buildIndex(NEWS, NEWS_ENTITIES);
    changed.remove('summit.txt');
    assert.deepStrictEqual(
      changed.entityArticles(PUTIN.key).map((entry) => entry.path),
      ['arrival.txt'],
    );
    assert.deepStrictEqual(changed.entitiesOf('summit.txt'), []);
  });
});

describe('CorpusIndex roles', () => {
  const KNOWN = [PUTIN, KIM, MOSCOW];
  const SAYS = article('2023-09-12', 'Russian President Vladimir Putin met Kim Jong-un in Moscow.');
  const ALSO = article('2023-09-13', 'Russian President Vladimir Putin spoke in Moscow.');
  const NONE = article('2023-09-12', 'Vladimir Putin met Kim Jong-un in Moscow.');
  const roles = (index: CorpusIndex) => index.entityRoles(PUTIN.key).map(({ role, articles }) => `${role} (${articles})`);
  const save = (index: CorpusIndex, path: string, text: string, mtimeMs: number) =>
    index.addBatch(analyzeText({ path, size: text.length, mtimeMs }, text, fakeExtractor(KNOWN)));
  const built = () => buildIndex([{ path: 'a.txt', text: SAYS }, { path: 'b.txt', text: ALSO }], KNOWN);

  it('counts the articles that say a role now: one re-indexed again and again once, one replaced or removed no more', () => {
    const index = built();
    assert.deepStrictEqual(roles(index), ['Russian President (2)']);
    // The QA repro: a space appended and taken away, over and over.
    for (let time = 2; time < 8; time++) save(index, 'a.txt', time % 2 === 0 ? `${SAYS} ` : SAYS, time);
    assert.deepStrictEqual(roles(index), ['Russian President (2)']);
    index.compactNow();
    save(index, 'a.txt', NONE, 8);
    assert.deepStrictEqual(roles(index), ['Russian President (1)'], 'the new version says no role');
    assert.strictEqual(index.entitySummary(PUTIN.key)?.articleCount, 2);
    save(index, 'a.txt', SAYS, 9);
    index.compactNow();
    assert.ok(index.remove('b.txt'));
    assert.deepStrictEqual(roles(index), ['Russian President (1)']);
    assert.ok(index.remove('a.txt'));
    assert.deepStrictEqual(roles(index), [], 'no article says it any more');
  });

  it('keeps the counts of a saved index as its articles are saved again, and takes a removed one\'s back once saved again since', () => {
    const identity = { root: '/corpus', extractor: 'fake' };
    const decoded = decodeIndex(Buffer.concat(encodeIndex(built().parts(), identity)), identity);
    assert.ok(decoded.ok);
    const index = new CorpusIndex(decoded.parts);
    assert.deepStrictEqual(roles(index), ['Russian President (2)']);
    for (let time = 2; time < 6; time++) save(index, 'a.txt', time % 2 === 0 ? `${SAYS} ` : SAYS, time);
    assert.deepStrictEqual(roles(index), ['Russian President (2)']);
    assert.ok(index.remove('a.txt'));
    assert.deepStrictEqual(roles(index), ['Russian President (1)']);
  });

  const KGB = article('2023-09-14', 'Former KGB officer Vladimir Putin spoke in Moscow.');
  const OFFICER = article('2023-09-15', 'Intelligence officer Vladimir Putin met Kim Jong-un.');
  const identity = { root: '/corpus', extractor: 'fake' };
  const reopened = (parts: IndexParts): CorpusIndex => {
    const decoded = decodeIndex(Buffer.concat(encodeIndex(parts, identity)), identity);
    assert.ok(decoded.ok);
    return new CorpusIndex(decoded.parts);
  };
  /** The parts as a cache saved before the articles' roles were (the same format version, without the 'roles' section). */
  const withoutRoles = ({ dictionary, store, postings, pairs, entities, entityStats }: IndexParts): IndexParts => ({
    dictionary,
    store,
    postings,
    entities,
    ...(pairs && { pairs }),
    ...(entityStats && { entityStats }),
  });

  it('saves the roles each article says, so that a reopened article replaced by one saying another role takes its own back', () => {
    const index = reopened(built().parts());
    save(index, 'a.txt', KGB, 2);
    // The reviewer's repro gave "Russian President (2)", "Former KGB officer" gone.
    assert.deepStrictEqual(roles(index), ['Former KGB officer (1)', 'Russian President (1)']);
    const again = reopened(index.parts());
    save(again, 'a.txt', SAYS, 3);
    assert.deepStrictEqual(roles(again), ['Russian President (2)'], 'restored: 2 articles, not 3');
  });

  it("takes back the roles of an article of a saved index when it is removed, the section's records decoded with the entity table", () => {
    const parts = reopened(built().parts()).parts();
    assert.ok(indexFileSections(Buffer.concat(encodeIndex(parts, identity))).some(({ info }) => info.name === 'roles' && info.count === 2));
    const index = reopened(parts);
    assert.ok(index.remove('a.txt'));
    assert.deepStrictEqual(roles(index), ['Russian President (1)']);
    assert.ok(index.remove('b.txt'));
    assert.deepStrictEqual(roles(index), []);
  });

  it('keeps the records with their articles through a compaction, a save and a load', () => {
    const index = buildIndex([{ path: 'a.txt', text: SAYS }, { path: 'b.txt', text: KGB }, { path: 'c.txt', text: OFFICER }], KNOWN);
    assert.ok(index.remove('b.txt'));
    index.compactNow();
    const loaded = reopened(index.parts());
    assert.deepStrictEqual(roles(loaded), ['Intelligence officer (1)', 'Russian President (1)']);
    // c.txt is document 1 now: b.txt's record in its place would take back "Former KGB officer" instead.
    assert.ok(loaded.remove('c.txt'));
    assert.deepStrictEqual(roles(loaded), ['Russian President (1)']);
  });

  it('loads a cache saved without the roles, shows no role of more articles than its entity, and takes nothing back for its articles', () => {
    const parts = built().parts();
    // Saved before roles were taken back: every save of a.txt counted "Russian President" again (9 for 2 articles).
    assert.ok(parts.entities instanceof EntityTable);
    const term = parts.entities.get(PUTIN.key)?.term ?? -1;
    parts.entities.register({ key: PUTIN.key, name: PUTIN.name, type: PUTIN.type, aliases: [], forms: [], roles: [{ text: 'Russian President', count: 7 }] }, term);
    const index = reopened(withoutRoles(parts));
    assert.deepStrictEqual(roles(index), ['Russian President (2)']);
    // Its old roles are not known: none is taken back (the new version's standing for them, "Former KGB officer" went).
    save(index, 'a.txt', KGB, 2);
    assert.deepStrictEqual(roles(index), ['Russian President (2)', 'Former KGB officer (1)']);
    // Saved since, its roles are known: the next save takes them back.
    save(index, 'a.txt', SAYS, 3);
    assert.deepStrictEqual(roles(index), ['Russian President (2)']);
    assert.ok(index.remove('b.txt'));
    assert.deepStrictEqual(roles(index), ['Russian President (1)']);
    assert.ok(index.remove('a.txt'));
    assert.deepStrictEqual(roles(index), [], 'no article names the entity');
  });
});

describe('CorpusIndex name forms', () => {
  // One article writes "Kim Jong-Un", two "Kim Jong-un": the name is the form the corpus writes most.
  const KIM_CASES = { ...KIM, aliases: ['Kim Jong-Un', 'Kim'] };
  const UPPER = article('2023-09-12', 'Kim Jong-Un arrived in Moscow.');
  const LOWER = article('2023-09-13', 'Kim Jong-un left Moscow.');
  const save = (index: CorpusIndex, path: string, text: string, mtimeMs: number) =>
    index.addBatch(analyzeText({ path, size: text.length, mtimeMs }, text, fakeExtractor([KIM_CASES, MOSCOW])));
  const forms = (index: CorpusIndex) => {
    const table = index.parts().entities;
    assert.ok(table instanceof EntityTable);
    return table.formsOf(KIM.key).map(({ text, count }) => `${text} ×${count}`);
  };

  it('counts an article\'s forms once however often it is saved again, and no more once replaced or removed', () => {
    const index = buildIndex([{ path: 'a.txt', text: UPPER }, { path: 'b.txt', text: LOWER }, { path: 'c.txt', text: LOWER }], [KIM_CASES, MOSCOW]);
    assert.deepStrictEqual(forms(index), ['Kim Jong-Un ×1', 'Kim Jong-un ×2']);
    for (let time = 2; time < 6; time++) save(index, 'a.txt', time % 2 === 0 ? `${UPPER} ` : UPPER, time);
    assert.deepStrictEqual(forms(index), ['Kim Jong-Un ×1', 'Kim Jong-un ×2']);
    assert.strictEqual(index.entitySummary(KIM.key)?.name, 'Kim Jong-un');
    save(index, 'b.txt', UPPER, 6);
    assert.deepStrictEqual(forms(index), ['Kim Jong-Un ×2', 'Kim Jong-un ×1']);
    assert.strictEqual(index.entitySummary(KIM.key)?.name, 'Kim Jong-Un');
    assert.ok(index.remove('a.txt'));
    assert.ok(index.remove('b.txt'));
    assert.deepStrictEqual(forms(index), ['Kim Jong-Un ×0', 'Kim Jong-un ×1']);
    assert.strictEqual(index.entitySummary(KIM.key)?.name, 'Kim Jong-un');
  });

  const identity = { root: '/corpus', extractor: 'fake' };
  const reopened = (parts: IndexParts, staged = false): CorpusIndex => {
    const decoded = runAtOnce(decodeIndexSteps(Buffer.concat(encodeIndex(parts, identity)), identity, { staged }));
    assert.ok(decoded.ok);
    return new CorpusIndex(decoded.parts);
  };
  const built = () => buildIndex([{ path: 'a.txt', text: UPPER }, { path: 'b.txt', text: LOWER }, { path: 'c.txt', text: LOWER }], [KIM_CASES, MOSCOW]);

  for (const staged of [false, true]) {
    it(`saves the forms each article writes, so that a reopened article${staged ? ' (its entity table decoded later)' : ''} saved again takes its own back`, () => {
      const index = reopened(built().parts(), staged);
      for (let time = 2; time < 6; time++) save(index, 'a.txt', time % 2 === 0 ? `${UPPER} ` : UPPER, time);
      assert.deepStrictEqual(forms(index), ['Kim Jong-Un ×1', 'Kim Jong-un ×2']);
      assert.ok(index.remove('b.txt'));
      assert.deepStrictEqual(forms(index), ['Kim Jong-Un ×1', 'Kim Jong-un ×1']);
    });
  }

  it('keeps the records with their articles through a compaction, a save and a load', () => {
    const twice = article('2023-09-14', 'Kim Jong-un left Moscow. Kim Jong-un waved.');
    const index = buildIndex([{ path: 'a.txt', text: UPPER }, { path: 'b.txt', text: LOWER }, { path: 'c.txt', text: twice }], [KIM_CASES, MOSCOW]);
    assert.ok(index.remove('b.txt'));
    index.compactNow();
    const loaded = reopened(index.parts());
    assert.deepStrictEqual(forms(loaded), ['Kim Jong-Un ×1', 'Kim Jong-un ×2']);
    // c.txt is document 1 now: b.txt's record in its place would take back one mention, not two.
    assert.ok(loaded.remove('c.txt'));
    assert.deepStrictEqual(forms(loaded), ['Kim Jong-Un ×1', 'Kim Jong-un ×0']);
    assert.strictEqual(loaded.entitySummary(KIM.key)?.name, 'Kim Jong-Un');
  });

  it('loads a cache saved without the forms and takes nothing back for its articles, but for those saved since', () => {
    /** The parts as a cache saved before the articles' forms were (the same format version, without the 'forms' section). */
    const withoutForms = ({ forms: _forms, ...parts }: IndexParts): IndexParts => parts;
    const index = reopened(withoutForms(built().parts()));
    save(index, 'a.txt', UPPER, 2);
    assert.deepStrictEqual(forms(index), ['Kim Jong-Un ×2', 'Kim Jong-un ×2'], 'its old forms are not known');
    save(index, 'a.txt', UPPER, 3);
    assert.deepStrictEqual(forms(index), ['Kim Jong-Un ×2', 'Kim Jong-un ×2'], 'saved since: known');
    assert.ok(index.remove('a.txt'));
    assert.deepStrictEqual(forms(index), ['Kim Jong-Un ×1', 'Kim Jong-un ×2']);
  });
});
