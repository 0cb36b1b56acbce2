import * as assert from 'assert';
import * as fc from 'fast-check';
import { QueryAtom, QueryClause } from '../../../src/core/search/query';
import { CorpusDates, CorpusNames, datedQuery, rangeQuery, eitherWordQuery, meantFilterQuery, nameSuggestions, noMatchMessage, QUERY_HELP, QUERY_PLACEHOLDER, queryErrorMessage, querySuggestions } from '../../../src/core/search/query-help';
import { dateBounds, entityFilterWords, exactEntityQuery, parseQuery, unknownFilters } from '../../../src/core/search/query-parser';
import { dayNumber } from '../../../src/core/search/date-values';

function clauses(source: string): readonly QueryClause[] {
  const result = parseQuery(source);
  if (!result.ok) throw new Error(result.error);
  return result.query.clauses;
}

function atoms(source: string): QueryAtom[] {
  return clauses(source).flatMap((clause) => clause.atoms);
}

function error(source: string): string {
  const result = parseQuery(source);
  assert.ok(!result.ok, `"${source}" should not parse`);
  return result.ok ? '' : result.error;
}

describe('parseQuery', () => {
  it('ANDs plain words, lower-cased and accent-folded', () => {
    assert.deepStrictEqual(clauses('Oil  Gdańsk'), [
      { negated: false, atoms: [{ kind: 'term', term: 'oil', mode: 'exact' }] },
      { negated: false, atoms: [{ kind: 'term', term: 'gdansk', mode: 'exact' }] },
    ]);
  });

  it('reads "exact phrases", and a hyphenated word as a phrase', () => {
    assert.deepStrictEqual(atoms('"Interest Rates"'), [{ kind: 'phrase', terms: ['interest', 'rates'], text: 'Interest Rates' }]);
    assert.deepStrictEqual(atoms('Jong-un'), [{ kind: 'phrase', terms: ['jong', 'un'], text: 'Jong-un' }]);
    assert.deepStrictEqual(atoms('"rates"'), [{ kind: 'term', term: 'rates', mode: 'exact' }]);
  });

  it('joins alternatives with OR (which binds tighter than AND)', () => {
    assert.deepStrictEqual(clauses('bank wheat OR corn'), [
      { negated: false, atoms: [{ kind: 'term', term: 'bank', mode: 'exact' }] },
      {
        negated: false,
        atoms: [
          { kind: 'term', term: 'wheat', mode: 'exact' },
          { kind: 'term', term: 'corn', mode: 'exact' },
        ],
      },
    ]);
    assert.strictEqual(clauses('a OR b OR "c d"')[0]?.atoms.length, 3);
    assert.strictEqual(clauses('wheat or corn').length, 3, 'lower-case "or" is a word');
  });

  it('excludes -words and -"phrases"', () => {
    assert.deepStrictEqual(clauses('bank -england -"interest rates"').map((clause) => clause.negated), [false, true, true]);
  });

  it('reads an upper-case NOT as -, before a word, phrase, filter or group; lower-case not is a word', () => {
    for (const [source, same] of [
      ['bank NOT england', 'bank -england'],
      ['bank NOT "interest rates"', 'bank -"interest rates"'],
      ['bank NOT person:Trump', 'bank -person:Trump'],
      ['bank NOT  date:2020', 'bank -date:2020'],
      ['bank NOT(england)', 'bank -england'],
      ['bank NOT (england OR wales)', 'bank -england -wales'],
      ['bank -(england OR wales)', 'bank -england -wales'],
    ]) {
      assert.deepStrictEqual(clauses(source ?? ''), clauses(same ?? ''), source);
    }
    assert.deepStrictEqual(clauses('bank not england').map((clause) => clause.negated), [false, false, false]);
    assert.deepStrictEqual(atoms('bank -NOT'), [
      { kind: 'term', term: 'bank', mode: 'exact' },
      { kind: 'term', term: 'not', mode: 'exact' },
    ]);
    assert.match(error('NOT Trump'), /only excludes/);
    assert.match(error('bank NOT'), /NOT at position 6 must be followed by a word/);
    assert.match(error('bank NOT OR wales'), /NOT at position 6/);
    assert.match(error('bank NOT -wales'), /NOT at position 6/);
    assert.match(error('bank NOT ...'), /NOT at position 6 must be followed by a word/);
    assert.match(error('bank OR NOT wales'), /cannot be part of an OR/);
    assert.match(error('NOT wales OR bank'), /cannot be part of an OR/);
  });

  it('groups alternatives in parentheses, and refuses any other grouping with what to write instead', () => {
    assert.deepStrictEqual(clauses('(Trump OR Biden) pandemic'), clauses('Trump OR Biden pandemic'));
    assert.deepStrictEqual(clauses('pandemic (Trump OR Biden)'), clauses('pandemic Trump OR Biden'));
    assert.deepStrictEqual(clauses('(a OR (b OR "c d")) OR e'), clauses('a OR b OR "c d" OR e'));
    // Parentheses inside a word are its punctuation, as before groups: a phrase of its letters, or nothing.
    for (const [source, same] of [
      ['(Trump)pandemic', '"(Trump)pandemic"'],
      ['(AP)-Reuters', '"(AP)-Reuters"'],
      ['co-op(s)', '"co-op(s)"'],
      ['(AP), wheat', 'ap wheat'],
      ['hello :)', 'hello'],
      ['great :( bad', 'great bad'],
      ['Trump) pandemic', 'Trump pandemic'],
      ['(a OR b)-c', 'a OR b c'],
    ]) {
      assert.deepStrictEqual(clauses(source ?? ''), clauses(same ?? ''), source);
    }
    assert.deepStrictEqual(clauses('(person:Trump OR place:"New York")'), clauses('person:Trump OR place:"New York"'));
    assert.deepStrictEqual(atoms('"(Trump OR Biden)"'), [{ kind: 'phrase', terms: ['trump', 'or', 'biden'], text: '(Trump OR Biden)' }], 'a quote holds no syntax');
    assert.match(error('((('), /the "\(" at position 3 is never closed; add a closing "\)"/);
    assert.match(error('pandemic (Trump OR Biden'), /the "\(" at position 10 is never closed/);
    assert.match(error('(Trump OR Biden pandemic'), /add OR before position 17, or close them/);
    assert.match(error('() pandemic'), /parentheses at position 1 are empty; put words joined by OR in them/);
    assert.match(error('(Trump OR) pandemic'), /OR at position 8 needs a word/);
    assert.match(error('(OR Trump)'), /OR at position 2 needs a word/);
    assert.match(error('(Trump Biden) OR pandemic'), /in parentheses, join the words with OR: add OR before position 8, or close them\./);
    assert.match(error('(Trump AND Biden)'), /in parentheses, join the words with OR: write OR for the AND at position 8\./);
    assert.match(error('person:(Trump OR Biden)'), /person: takes one value; for several, write \(person:A OR person:B\)\./);
    assert.match(error('(Trump OR -Biden)'), /parentheses cannot hold an excluded word \(position 11\); exclude it after them/);
    assert.match(error('(Trump OR NOT Biden)'), /parentheses cannot hold an excluded word/);
  });

  it('reads prefix* and fuzzy~ words', () => {
    assert.deepStrictEqual(atoms('export*'), [{ kind: 'term', term: 'export', mode: 'prefix' }]);
    assert.deepStrictEqual(atoms('bundesbnak~'), [{ kind: 'term', term: 'bundesbnak', mode: 'fuzzy' }]);
    assert.deepStrictEqual(atoms('rates~1'), [{ kind: 'term', term: 'rates', mode: 'fuzzy', maxEdits: 1 }]);
  });

  it('reads entity filters, quoted or not', () => {
    assert.deepStrictEqual(atoms('person:"Vladimir  Putin" place:Moscow org:Kremlin entity:NATO'), [
      { kind: 'entity', entityType: 'PER', name: 'Vladimir Putin' },
      { kind: 'entity', entityType: 'LOC', name: 'Moscow' },
      { kind: 'entity', entityType: 'ORG', name: 'Kremlin' },
      { kind: 'entity', name: 'NATO' },
    ]);
    assert.deepStrictEqual(atoms('Person:putin'), [{ kind: 'entity', entityType: 'PER', name: 'putin' }]);
  });

  it('reads an exact entity filter, quoted or not, and writes one for any entity', () => {
    assert.deepStrictEqual(atoms('person:="Kim  Jong-un" entity:=NATO'), [
      { kind: 'entity', entityType: 'PER', name: 'Kim Jong-un', exact: true },
      { kind: 'entity', name: 'NATO', exact: true },
    ]);
    assert.match(error('person:= rates'), /person:= needs a name/);
    assert.strictEqual(exactEntityQuery('PER', 'Kim Jong-un'), 'person:="Kim Jong-un"');
    assert.strictEqual(exactEntityQuery('LOC', 'Moscow'), 'place:="Moscow"');
    assert.strictEqual(exactEntityQuery('ORG', 'Kremlin'), 'org:="Kremlin"');
    assert.strictEqual(exactEntityQuery('MISC', 'Russian'), 'entity:="Russian"');
    assert.deepStrictEqual(atoms(exactEntityQuery('PER', 'The "Boss" Smith')), [{ kind: 'entity', entityType: 'PER', name: 'The Boss Smith', exact: true }]);
  });

  it('reads date filters as inclusive day ranges', () => {
    assert.deepStrictEqual(atoms('date:2023'), [{ kind: 'date', from: 20230101, to: 20231231 }]);
    assert.deepStrictEqual(atoms('date:2024-02'), [{ kind: 'date', from: 20240201, to: 20240229 }]);
    assert.deepStrictEqual(atoms('after:2023-12-31 before:2024-03-01'), [
      { kind: 'date', from: 20240101, to: 99991231 },
      { kind: 'date', from: 1, to: 20240229 },
    ]);
    assert.deepStrictEqual(atoms('on:2023-09-13'), [{ kind: 'date', from: 20230913, to: 20230913 }]);
    assert.deepStrictEqual(atoms('after:2023-09'), [{ kind: 'date', from: 20231001, to: 99991231 }]);
    assert.deepStrictEqual(atoms('before:2023-09-13'), [{ kind: 'date', from: 1, to: 20230912 }]);
  });

  it('treats an unknown field and punctuation as text', () => {
    assert.deepStrictEqual(atoms('http://x.org'), [{ kind: 'phrase', terms: ['http', 'x', 'org'], text: 'http://x.org' }]);
    assert.deepStrictEqual(atoms('oil — AND gas'), [
      { kind: 'term', term: 'oil', mode: 'exact' },
      { kind: 'term', term: 'gas', mode: 'exact' },
    ]);
  });

  it('explains malformed queries with their position', () => {
    assert.match(error(''), /empty/);
    assert.match(error('   '), /empty/);
    assert.match(error('"interest rates'), /quote at position 1 is never closed/);
    assert.match(error('oil OR'), /OR at position 5 needs a word/);
    assert.match(error('OR oil'), /OR at position 1/);
    assert.match(error('oil OR OR gas'), /OR at position 8/);
    assert.match(error('oil - gas'), /"-" at position 5/);
    assert.match(error('-oil'), /only excludes/);
    assert.match(error('oil OR -gas'), /cannot be part of an OR/);
    assert.match(error('a*'), /at least 2 letters/);
    assert.match(error('*'), /no letters or digits/);
    assert.match(error('oil~3'), /1 to 2 edits/);
    assert.match(error('jong-u*'), /single word/);
    assert.match(error('""'), /has no words/);
    assert.match(error('person:'), /person: needs a value/);
    assert.match(error('date:2023-13'), /month 13/);
    assert.match(error('on:2023-02-30'), /has 28 days/);
    assert.match(error('after:yesterday'), /not a date/);
    for (const source of ['', '"x', 'OR', 'date:x']) assert.match(error(source), /^News Corpus: /);
  });

  it('points a range written as other tools take one to after: and before:, which are strict (ux38)', () => {
    // Before: "date:1987-03-01… — not a date; write YYYY, YYYY-MM or YYYY-MM-DD."
    assert.strictEqual(error('interest date:1987-03-01..1987-03-31'), 'News Corpus: date: takes no range: write after:1987-02-28 before:1987-04-01, both strict.');
    assert.strictEqual(error('on:1987-03..1987-05'), 'News Corpus: on: takes no range: write after:1987-02-28 before:1987-06-01, both strict.');
    const advised = parseQuery('interest date:1987..1988');
    assert.ok(!advised.ok && advised.offset === 'interest '.length, 'the error points at the filter');
    // What is not two dates is still not a date.
    for (const source of ['date:1987-03-01..', 'date:1987-13..1988', 'date:1987..1988..1989']) assert.match(error(source), /not a date; write YYYY, YYYY-MM or YYYY-MM-DD\.$/, source);
  });

  it('says why a date range is empty, rather than match nothing', () => {
    assert.strictEqual(
      error('oil after:2023-05-01 before:2023-01-01'),
      'News Corpus: the date range is empty: after:2023-05-01 is later than before:2023-01-01.',
    );
    assert.strictEqual(error('before:2023-01-01 AFTER:"2023-05"'), 'News Corpus: the date range is empty: after:2023-05 is later than before:2023-01-01.');
    assert.strictEqual(error('after:2023-05-01 before:2023-05-02'), 'News Corpus: the date range is empty: no day is both after 2023-05-01 and before 2023-05-02.');
    assert.strictEqual(error('date:2023 on:2024-02-29'), 'News Corpus: the date range is empty: no day is both in 2023 and on 2024-02-29.');
    assert.strictEqual(error('after:9999'), 'News Corpus: the date range is empty: no day is after 9999.');
    // The same date, or a day within the month, is not an after: date later than the before: date.
    assert.strictEqual(error('after:2023-05 before:2023-05'), 'News Corpus: the date range is empty: no day is both after 2023-05 and before 2023-05.');
    assert.strictEqual(error('after:2023-12 before:2023-12-15'), 'News Corpus: the date range is empty: no day is both after 2023-12 and before 2023-12-15.');
    assert.strictEqual(error('after:2023-05-02 before:2023-05-01'), 'News Corpus: the date range is empty: after:2023-05-02 is later than before:2023-05-01.');
    const offset = parseQuery('oil after:2023-05-01 before:2023-01-01');
    assert.ok(!offset.ok && offset.offset === 'oil after:2023-05-01 '.length, 'the error points at the filter that emptied the range');
    // An OR or an exclusion does not bound the range; adjacent ranges leave a day.
    for (const source of ['after:2023-05-01 OR before:2023-01-01', 'after:2023-05-01 -before:2023-01-01', 'after:2023-05-01 before:2023-05-03', 'date:2023 after:2023-12-30']) assert.ok(parseQuery(source).ok, source);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', '-', '*', '~', ':', 'O', 'R', 'NOT', 'AND', '(', ')', 'person', 'date', '2023-09', '1') }), (source) => {
        const result = parseQuery(source);
        assert.ok(result.ok || result.error.startsWith('News Corpus: '));
      }),
    );
    fc.assert(fc.property(fc.string(), (source) => void parseQuery(source)));
  });

  it('suggests a typo-tolerant word for no match only to a query that tried none', () => {
    const suggested = 'Try fewer words, a prefix such as elect*, or a typo-tolerant word such as goverment~.';
    const tried = 'Near spellings of its words matched nothing either. Try fewer words, or a prefix such as elect*.';
    // A plain word was retried typo-tolerant before nothing was said to match; `~` asked for it.
    for (const query of ['bundesbnak', 'person:Putin bundesbnak', 'bundesbnak~', 'bundesbnak~2 "interest rates"']) assert.deepStrictEqual(noMatchMessage(query), { text: 'No articles match.', detail: tried }, query);
    for (const query of ['"interest ratez"', 'export*', 'person:Zelensky', 'person:Putin -oil']) assert.deepStrictEqual(noMatchMessage(query), { text: 'No articles match.', detail: suggested }, query);
  });

  it('says of a query that matched nothing that a word written as a filter names none, listing the filters', () => {
    assert.deepStrictEqual(noMatchMessage('foo:bar'), {
      text: 'There is no filter "foo:"; filters are person:, place:, org:, entity:, date:, on:, after:, before:.',
      detail: '"foo:bar" was searched for as words, and nothing matched.',
    });
    // Before, the generic advice: QA's `foo:bar` was "0 articles" without a word on the filter.
    assert.notStrictEqual(noMatchMessage('oil foo:bar').text, 'No articles match.');
  });

  it('offers the filter a misspelt one was likely meant to be, its value kept as typed', () => {
    const filters = 'Filters are person:, place:, org:, entity:, date:, on:, after:, before:.';
    assert.deepStrictEqual(noMatchMessage('peson:Trump'), { text: 'There is no filter "peson:": did you mean person:Trump?', detail: `"peson:Trump" was searched for as words, and nothing matched. ${filters}` });
    assert.strictEqual(noMatchMessage('oil Plase:"New York"').text, 'There is no filter "Plase:": did you mean place:"New York"?');
    assert.strictEqual(noMatchMessage('ogr:NATO').text, 'There is no filter "ogr:": did you mean org:NATO?');
    assert.strictEqual(noMatchMessage('befor:2023').text, 'There is no filter "befor:": did you mean before:2023?');
    assert.strictEqual(noMatchMessage('in:2023-09').text, 'There is no filter "in:": did you mean on:2023-09?');
    // Names the views use for a filter's entities ("People", "Organizations"), and other tools' short ones.
    assert.strictEqual(noMatchMessage('people:Putin').text, 'There is no filter "people:": did you mean person:Putin?');
    assert.strictEqual(noMatchMessage('Organization:NATO').text, 'There is no filter "Organization:": did you mean org:NATO?');
    assert.strictEqual(noMatchMessage('location:Moscow').text, 'There is no filter "location:": did you mean place:Moscow?');
    assert.strictEqual(meantFilterQuery('per:Putin loc:Moscow')?.query, 'person:Putin place:Moscow');
  });

  it('writes the query meant with each misspelt filter that has one likely filter, the rest as typed', () => {
    const meant = (query: string) => meantFilterQuery(query)?.query;
    assert.strictEqual(meant('peson:Putin'), 'person:Putin');
    assert.strictEqual(meant('oil Plase:"New York" ogr:NATO'), 'oil place:"New York" org:NATO');
    // "foo:" is near no filter: kept as typed.
    assert.strictEqual(meant('foo:bar'), undefined);
    assert.deepStrictEqual(meantFilterQuery('foo:bar peson:Putin'), { query: 'foo:bar person:Putin', replaced: ['peson'] });
    assert.strictEqual(meant('person:Putin'), undefined);
    assert.strictEqual(meant('10:30 talks'), undefined);
    // The filter word itself is replaced, not the same text elsewhere (in quotes, or inside another word).
    assert.strictEqual(meant('"per:Putin" per:Putin'), '"per:Putin" person:Putin');
    assert.strictEqual(meant('xper:Putin per:Putin'), 'xper:Putin person:Putin');
    assert.deepStrictEqual(querySuggestions('peson:Putin'), [{ label: 'Did you mean', query: 'person:Putin', reason: 'There is no filter "peson:", so "peson:Putin" was searched for as words.' }]);
    assert.strictEqual(querySuggestions('foo:bar peson:Putin')[0]?.reason, 'There is no filter "peson:", so "foo:bar peson:Putin" was searched for as words.', 'the one corrected');
    assert.strictEqual(querySuggestions('ogr:NATO peson:Putin')[0]?.reason, 'There are no filters "ogr:", "peson:", so "ogr:NATO peson:Putin" was searched for as words.');
    assert.deepStrictEqual(querySuggestions('trump or peson:biden').map(({ label, query }) => [label, query]), [['Either word', 'trump OR peson:biden'], ['Did you mean', 'trump or person:biden']]);
    assert.deepStrictEqual(querySuggestions('trump biden'), []);
  });

  it('takes no time, URL, drive, label or emoticon for a filter, nor a filter the language has', () => {
    for (const query of ['10:30', 'meeting 10:30 talks', 'https://example.org/news', 'C:\\news', 'Note: rates', 'rates:', ':-) rates', 'person:Zelensky', 'PERSON:Zelensky', '"foo:bar"']) {
      assert.deepStrictEqual(unknownFilters(query), [], query);
      assert.strictEqual(noMatchMessage(query).text, 'No articles match.', query);
    }
    // Each such word as typed, its quoted value with it; none in a query that does not parse.
    assert.deepStrictEqual(unknownFilters('oil peson:"Donald Trump" foo:bar'), [
      { text: 'peson:"Donald Trump"', name: 'peson', offset: 4 },
      { text: 'foo:bar', name: 'foo', offset: 25 },
    ]);
    assert.deepStrictEqual(unknownFilters('foo:bar "unclosed'), []);
  });

  it('says a syntax error without the product name, marking its place in the query', () => {
    const failed = (query: string) => {
      const result = parseQuery(query);
      assert.ok(!result.ok, query);
      return queryErrorMessage(query, result);
    };
    assert.deepStrictEqual(failed('elec "tion'), { text: 'The quote at position 6 is never closed; add a closing ".', place: 'elec ▸"tion' });
    // A message that starts with the query's own words keeps them as typed.
    assert.strictEqual(failed('after:2023-13-45').text, 'after:2023-13-45 — month 13 is not between 01 and 12.');
    // A long query is shown around the place only.
    const long = `${'word '.repeat(20)}(open`;
    assert.strictEqual(failed(long).place, `…${'word '.repeat(6)}▸(open`);
  });

  it('says every syntax error within the one line the search box gives it, so that its advice is not cut off', () => {
    // The search box shows the message as an item's label: about 80 characters fit (1400-pixel window), the rest
    // became "…". "(a b) OR c" showed "Parentheses can only group words joined by OR, as in (Trump OR Biden) pandemic:…".
    const queries = ['(a b) OR c', '(Trump Biden) OR pandemic', '(Trump AND Biden)', '(Trump OR -Biden)', '() pandemic', 'person:(Trump OR Biden)', 'before:(2023 OR 2024)',
      'after:2023-05-01 before:2023-01-01', 'date:2023 on:2024-02-29', 'x~3', 'NOT', 'trump OR -biden', '"elec', '(a OR b', 'person:="',
      // Messages that quote the query's words quote a long one cut short.
      `${'electoral'.repeat(5)}~3`, `${'-'.repeat(40)}*`, `${'a'.repeat(40)}-b~`, 'a*', `date:${'2023-13-45'.repeat(5)}`, 'before:1987-03-01..1987-03-31'];
    for (const query of queries) {
      const result = parseQuery(query);
      assert.ok(!result.ok, query);
      const { text } = queryErrorMessage(query, result);
      assert.ok(text.length <= 80, `${query}: ${text.length} characters: ${text}`);
    }
  });

  it('exports a one-line placeholder and a help text naming every operator', () => {
    assert.ok(!QUERY_PLACEHOLDER.includes('\n'));
    for (const operator of ['"', 'OR', '(', '-', 'NOT', '*', '~', 'person:', 'place:', 'org:', 'entity:', 'date:', 'after:', 'before:', 'on:']) {
      assert.ok(QUERY_HELP.includes(operator), operator);
    }
    // One column for the explanations (the command line prints the help as it is).
    const explanationColumn = (line: string) => {
      const gap = /\s{2,}/.exec(line);
      return gap ? gap.index + gap[0].length : -1;
    };
    assert.deepStrictEqual(new Set(QUERY_HELP.split('\n').map(explanationColumn)), new Set([22]));
  });
});

describe('eitherWordQuery', () => {
  it('writes an "or" between two words in capitals, as the search reads "either"', () => {
    assert.strictEqual(eitherWordQuery('trump or biden'), 'trump OR biden');
    assert.strictEqual(eitherWordQuery('wheat or corn or oats'), 'wheat OR corn OR oats');
    assert.strictEqual(eitherWordQuery('(wheat or corn) oil'), '(wheat OR corn) oil');
  });

  it('leaves an "or" in quotes, at either end, inside a word or in capitals alone', () => {
    for (const query of ['"war or peace" treaty', 'or biden', 'trump or', 'orbit or', 'trump OR biden', 'color orange']) assert.strictEqual(eitherWordQuery(query), undefined, query);
  });

  it('finds the "or" after a quoted phrase, and offers nothing the parser would refuse', () => {
    assert.strictEqual(eitherWordQuery('"interest rates" or inflation'), '"interest rates" OR inflation');
    assert.ok(parseQuery(eitherWordQuery('bank or england') ?? '').ok);
    for (const query of ['trump or (biden', 'trump or -biden', 'a or OR b']) assert.strictEqual(eitherWordQuery(query), undefined, query);
  });

  it('parts words as the parser does: an "or" between no-break spaces is inside one word', () => {
    assert.strictEqual(eitherWordQuery('trump\u00a0or\u00a0biden'), undefined);
    assert.strictEqual(eitherWordQuery('trump\tor\nbiden'), 'trump\tOR\nbiden');
  });
});

describe('nameSuggestions: a misspelt name in a filter that finds nothing (ux34)', () => {
  /** The corpus's names: a filter finds something when it names one of these (by a word, as the search does, or whole with =). */
  const NAMES: readonly { readonly type: 'PER' | 'LOC' | 'ORG'; readonly name: string }[] = [
    { type: 'PER', name: 'Donald Trump' },
    { type: 'PER', name: 'Kim Jong-un' },
    { type: 'LOC', name: 'Moscow' },
    { type: 'ORG', name: 'New York Times' },
  ];
  const names: CorpusNames = {
    finds: (filter) => {
      const [atom] = entityFilterWords(filter).map((word) => word.atom);
      const wanted = atom?.name.toLowerCase() ?? '';
      return NAMES.some(({ type, name }) => (atom?.entityType === undefined || atom.entityType === type) && (atom?.exact ? name.toLowerCase() === wanted : name.toLowerCase().split(' ').includes(wanted)));
    },
    // Near enough for these tests: a word of the name starts with the first three letters of a word typed.
    nearest: (type, name) => {
      const starts = name.toLowerCase().split(' ').map((word) => word.slice(0, 3));
      return NAMES.find((known) => (type === undefined || known.type === type) && known.name.toLowerCase().split(' ').some((word) => starts.includes(word.slice(0, 3))))?.name;
    },
  };

  it('finds where each entity filter is written, its quoted value included', () => {
    const query = 'oil person:Trunp Org:="New Yrok Times" -place:Moskow';
    assert.deepStrictEqual(entityFilterWords(query).map(({ atom, operator, offset, end }) => [atom.name, operator, query.slice(offset, end)]), [
      ['Trunp', 'person', 'person:Trunp'],
      ['New Yrok Times', 'Org', 'Org:="New Yrok Times"'],
      ['Moskow', 'place', 'place:Moskow'],
    ]);
    assert.deepStrictEqual(entityFilterWords('person:"open'), [], 'none when the query does not parse');
  });

  it('offers the query with the nearest name of each filter that finds nothing, the word of it typed, or the whole for an exact filter', () => {
    assert.deepStrictEqual(nameSuggestions('oil person:Trunp', names), [
      { label: 'Did you mean', query: 'oil person:Trump', reason: 'No person in the corpus is named "Trunp"; the nearest name is "Donald Trump".' },
    ]);
    assert.deepStrictEqual(nameSuggestions('Org:="New Yrok Times" place:Moskow', names).map(({ query }) => query), ['Org:="New York Times" place:Moscow']);
    assert.deepStrictEqual(nameSuggestions('person:Trump place:Moskow', names).map(({ query }) => query), ['person:Trump place:Moscow'], 'a filter that finds something stays');
  });

  it('leaves an excluded filter alone, and names the whole name exactly when its nearest word would not find it', () => {
    assert.deepStrictEqual(nameSuggestions('oil -place:Moskow', names), []);
    assert.deepStrictEqual(nameSuggestions('oil NOT place:Moskow', names), []);
    // "NATOO" near the alias "NATO" of a longer name, whose nearest word ("North") names no organization.
    const nato: CorpusNames = { finds: (filter) => filter === 'org:="North Atlantic Treaty Organization"', nearest: () => 'North Atlantic Treaty Organization' };
    assert.deepStrictEqual(nameSuggestions('org:NATOO', nato).map(({ query }) => query), ['org:="North Atlantic Treaty Organization"']);
  });

  it('offers nothing when every filter finds something, or no name is near', () => {
    assert.deepStrictEqual(nameSuggestions('person:Trump oil', names), []);
    assert.deepStrictEqual(nameSuggestions('person:Zzyzx', names), []);
    assert.deepStrictEqual(nameSuggestions('oil', names), []);
  });
});


describe('dates written as words, and date filters no article passes (ux38)', () => {
  /** The days of a corpus's articles: none of January 1987, nor of any month of 1988 but January. */
  const corpusOf = (days: readonly string[]): CorpusDates => ({
    span: () => ({ first: days[0] ?? '', last: days[days.length - 1] ?? '' }),
    finds: (filters) => days.some((day) => dateBounds(filters).every(({ from, to }) => from <= dayNumber(day) && dayNumber(day) <= to)),
  });
  const REUTERS_1987 = corpusOf(['1987-02-26', '1987-03-10', '1987-05-04', '1987-06-15', '1987-09-01', '1987-10-20', '1988-01-05']);
  const dated = (query: string) => datedQuery(query, REUTERS_1987)?.query;

  it('offers the date filter for a year, or a month and year, written as words, which the search looks for in the text', () => {
    // "interest rates in 1987" found 21 of the 81 articles of 1987 with both words; "interest rates March 1987" 3 of 31.
    assert.deepStrictEqual(querySuggestions('interest rates in 1987', REUTERS_1987), [
      { label: 'Did you mean', query: 'interest rates date:1987', reason: `"in 1987" is searched for in the articles' text; date:1987 finds the articles by their date.` },
    ]);
    assert.strictEqual(dated('interest rates March 1987'), 'interest rates date:1987-03');
    assert.strictEqual(dated('1987 rates'), 'date:1987 rates');
    // Abbreviations, with a full stop or not, in any case; "during" goes with the date as "in" does.
    assert.strictEqual(dated('rates Mar. 1987'), 'rates date:1987-03');
    assert.strictEqual(dated('rates during SEPT 1987'), 'rates date:1987-09');
    assert.strictEqual(dated('rates In oct 1987'), 'rates date:1987-10');
    // "before" and "after" are the filters of their name; any other word stays a word.
    assert.strictEqual(dated('rates after March 1987'), 'rates after:1987-03');
    assert.strictEqual(dated('rates before June 1987'), 'rates before:1987-06');
    assert.strictEqual(dated('crash of 1987'), 'crash of date:1987');
    assert.deepStrictEqual(datedQuery('(oil OR wheat) in May 1987 -1987', REUTERS_1987), { query: '(oil OR wheat) date:1987-05 -1987', typed: ['in May 1987'], filters: ['date:1987-05'] });
  });

  it('offers no date the corpus has no article of, nor a year in quotes, a filter, an excluded word or a longer number', () => {
    for (const query of ['rates in 1996', 'rates January 1987', 'rates before 1987', 'rates after 1988', '"rates in 1987"', 'rates date:1987', 'rates -1987', 'rates 19870', 'rates 1987-03', 'rates 0000', 'rates March']) {
      assert.strictEqual(datedQuery(query, REUTERS_1987), undefined, query);
    }
    // ux38b: a year inside the span that no article has took "election in 2012" from 7 results to none.
    const wikinews = corpusOf(['2006-01-12', '2011-05-02', '2013-07-08', '2023-02-23']);
    assert.strictEqual(datedQuery('election in 2012', wikinews), undefined);
    assert.strictEqual(datedQuery('election in 2011', wikinews)?.query, 'election date:2011');
    // A date every article has narrows nothing: a corpus all of 1987 is not offered date:1987.
    assert.strictEqual(datedQuery('rates in 1987', corpusOf(['1987-02-26', '1987-10-20'])), undefined);
    // A month of which only some days have articles is offered: February's last three are the corpus's first.
    assert.strictEqual(dated('rates February 1987'), 'rates date:1987-02');
    // Without a dated span (none dated, or not known), nothing is offered.
    assert.deepStrictEqual(querySuggestions('interest rates in 1987'), []);
  });

  it('offers the date first, then the other queries likely meant, each with what it changed', () => {
    assert.deepStrictEqual(
      querySuggestions('rates or inflation in 1987', REUTERS_1987).map(({ label, query }) => [label, query]),
      [
        ['Did you mean', 'rates or inflation date:1987'],
        ['Either word', 'rates OR inflation in 1987'],
      ],
    );
  });

  /** The corpus's dates: the Reuters span, with no article on 1987-03-01 (a Sunday). */
  const dates: CorpusDates = { span: () => ({ first: '1987-02-26', last: '1987-10-20' }), finds: (filters) => !filters.includes('1987-03-01') };

  it('says when the date filters alone match no article, and the dates the articles have, instead of advice on the words', () => {
    // Before: "No articles match. Near spellings of its words matched nothing either. Try fewer words, or a prefix such as export*."
    const detail = "The corpus's articles run from 1987-02-26 to 1987-10-20; the Dates view lists the days that have articles; without the date, the query searches them all.";
    assert.deepStrictEqual(noMatchMessage('date:1996 interest rates', dates), { text: 'No article is dated in 1996.', detail });
    assert.strictEqual(noMatchMessage('rates after:1987-10-20', dates).text, 'No article is dated after 1987-10-20.');
    assert.strictEqual(noMatchMessage('rates after:1986 before:1987-02-26', dates).text, 'No article is dated after 1986 and before 1987-02-26.');
    // A day within the span that no article has: the filters were searched alone.
    assert.deepStrictEqual(noMatchMessage('rates on:1987-03-01', dates), { text: 'No article is dated on 1987-03-01.', detail });
    const undated: CorpusDates = { span: () => undefined, finds: () => false };
    assert.deepStrictEqual(noMatchMessage('date:1996 rates', undated), {
      text: "No article is dated in 1996: none of the corpus's articles has a date.",
      detail: "In the Dates view, an undated article's tooltip says why it has no date.",
    });
  });

  it('keeps the advice on the words when the dates find articles, do not bound the query, or are not known', () => {
    for (const query of ['date:1987 bundesbnak', 'date:1996 OR bundesbnak', 'bundesbnak -date:1996', 'bundesbnak']) assert.strictEqual(noMatchMessage(query, dates).text, 'No articles match.', query);
    // While the corpus is being indexed, no dates are given: articles still to read may have them.
    assert.strictEqual(noMatchMessage('date:1996 rates').text, 'No articles match.');
    // A filter's name misspelt comes first: it was searched for as words.
    assert.strictEqual(noMatchMessage('peson:Putin date:1996', dates).text, 'There is no filter "peson:": did you mean person:Putin?');
  });

  it('offers a date range written as other tools take one as the after: and before: filters it means (ux38b)', () => {
    assert.strictEqual(rangeQuery('rates date:1987-03-01..1987-03-31'), 'rates after:1987-02-28 before:1987-04-01');
    assert.strictEqual(rangeQuery('on:"1987-03..1987-04" rates'), 'after:1987-02-28 before:1987-05-01 rates');
    assert.strictEqual(rangeQuery('rates date:1987-03'), undefined);
    assert.strictEqual(rangeQuery('rates date:1987-03-01..tomorrow'), undefined);
    assert.deepStrictEqual(querySuggestions('rates date:1987..1988').map(({ label, query }) => [label, query]), [['Did you mean', 'rates after:1986-12-31 before:1989-01-01']]);
  });

  it('lists the date filters that bound every article matched, as written', () => {
    assert.deepStrictEqual(
      dateBounds('rates AFTER:"1987-03" before:1987-05-01 -date:1987-03-10 (on:1987-05 OR oil)').map(({ operator, value, offset, from, to }) => [operator, value, offset, from, to]),
      [
        ['after', '1987-03', 6, 19870401, 99991231],
        ['before', '1987-05-01', 22, 1, 19870430],
      ],
    );
    assert.deepStrictEqual(dateBounds('rates "open'), []);
  });
});
