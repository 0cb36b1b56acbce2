import * as assert from 'assert';
import * as fc from 'fast-check';
import { DocStore } from '../../../src/core/search/doc-store';
import { ClauseMatcher, Scratch, evaluate, forEachMatch } from '../../../src/core/search/evaluate';
import { DateMatcher, DocList, Matcher, ScoreSums, TermsMatcher, addScore } from '../../../src/core/search/matchers';
import { PostingList, packCounts } from '../../../src/core/search/postings';
import { Scorer } from '../../../src/core/search/scoring';
import { TieBreak, TopK } from '../../../src/core/search/top-k';

const DOCS = 60;

/** A store of `DOCS` articles of different body lengths, for the scorer's length normalisation. */
function storeOf(): DocStore {
  const store = new DocStore();
  for (let doc = 0; doc < DOCS; doc++) {
    const body = Uint32Array.from({ length: 1 + (doc % 9) }, (_, at) => at);
    store.append({ path: `${doc}.txt`, title: 'T', size: 1, mtimeMs: 0, day: 20230913, bodyStart: 0, bodyTokens: body.length, titleTokens: 0, entityPairs: 0 }, body, 0, body.length, new Uint8Array(0), 0);
  }
  return store;
}

/** A posting list over the documents whose flag is set, with counts made from `seed`. */
function listOf(flags: readonly boolean[], seed: number): PostingList {
  const docs = flags.flatMap((set, doc) => (set ? [doc] : []));
  const counts = docs.map((doc) => packCounts((doc + seed) % 4, (doc * seed) % 3, (doc + 2 * seed) % 5));
  return { docs, counts, start: 0, end: docs.length };
}

function sums(): ScoreSums {
  return { stamp: 1, stamps: new Uint32Array(DOCS), sums: new Float64Array(DOCS) };
}

const flagsArbitrary = fc.array(fc.boolean(), { minLength: DOCS, maxLength: DOCS });
/** Flags for lists from nearly empty to nearly full (each set with a drawn percentage's chance). */
const sparseToDenseArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.array(fc.nat(99), { minLength: DOCS, maxLength: DOCS }))
  .map(([percent, draws]) => draws.map((draw) => draw < percent));

function listed(list: DocList): number[] {
  return Array.from({ length: list.length }, (_, at) => list.at(at));
}

describe('document list', () => {
  it('keeps what an array push and filter keep, in order, past its first room, by keep or by put and truncate (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { maxLength: 3000 }), fc.nat(7), (docs, modulus) => {
        const list = new DocList();
        list.push(99);
        list.clear();
        for (const doc of docs) list.push(doc);
        assert.deepStrictEqual(listed(list), docs);
        const keep = (doc: number): boolean => doc % (modulus + 2) !== 0;
        list.keep(keep);
        assert.deepStrictEqual(listed(list), docs.filter(keep));
        // The same kept by a loop of its own: put each kept document at the next place, then truncate.
        const again = new DocList();
        for (const doc of docs) again.push(doc);
        let kept = 0;
        for (let i = 0; i < again.length; i++) if (keep(again.at(i))) again.put(kept++, again.at(i));
        again.truncate(kept);
        assert.deepStrictEqual(listed(again), docs.filter(keep));
      }),
      { numRuns: 50 },
    );
  });
});

describe('terms matcher summing in its own loop', () => {
  const store = storeOf();
  const scorer = new Scorer(store);

  it('sums what collecting through a call per posting sums, in the same order, first clause or filtering (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(flagsArbitrary, fc.nat(20), fc.double({ min: 0.1, max: 5, noNaN: true })), { minLength: 1, maxLength: 4 }),
        flagsArbitrary,
        flagsArbitrary,
        fc.constantFrom<'words' | 'entity'>('words', 'entity'),
        (expansions, deletedFlags, withinFlags, kind) => {
          const matcher = new TermsMatcher(
            expansions.map(([flags, seed, factor]) => ({ lists: [listOf(flags, seed)], factor })),
            scorer,
            kind,
          );
          const deleted = Uint8Array.from(deletedFlags, (flag) => (flag ? 1 : 0));
          const within = sums();
          withinFlags.forEach((flag, doc) => flag && addScore(within, doc, 0, undefined));
          for (const only of [undefined, within]) {
            const expected = sums();
            const expectedFound = new DocList();
            matcher.collect((doc, score) => {
              if (!deleted[doc] && (only === undefined || only.stamps[doc] === only.stamp)) addScore(expected, doc, score, expectedFound);
            });
            const actual = sums();
            const found = new DocList();
            matcher.sumInto(actual, deleted, found, only);
            assert.deepStrictEqual(listed(found), listed(expectedFound));
            assert.deepStrictEqual(actual.stamps, expected.stamps);
            assert.deepStrictEqual(actual.sums, expected.sums);
          }
        },
      ),
    );
  });
});

describe('evaluation with its candidate list kept from query to query', () => {
  const store = storeOf();
  const scorer = new Scorer(store);

  it('matches and scores what each clause probed document by document says, query after query on one scratch (property)', () => {
    const clauseArbitrary = fc.tuple(fc.array(fc.tuple(flagsArbitrary, fc.nat(20)), { minLength: 1, maxLength: 3 }), fc.boolean());
    const scratch = new Scratch();
    fc.assert(
      fc.property(fc.array(fc.array(clauseArbitrary, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), (queries) => {
        for (const query of queries) {
          const clauses = query.map(([expansions, negated]) => ({
            matcher: new TermsMatcher(expansions.map(([flags, seed]) => ({ lists: [listOf(flags, seed)], factor: 1 + (seed % 3) })), scorer, 'words'),
            negated,
          }));
          const found = new Map<number, number>();
          const total = forEachMatch(clauses, store, scratch, (doc, score) => found.set(doc, score));
          const expected = new Map<number, number>();
          for (let doc = 0; doc < DOCS; doc++) {
            const scores = clauses.map(({ matcher }) => matcher.probe(doc));
            if (clauses.every(({ negated }, at) => (scores[at] ?? -1) >= 0 !== negated) && clauses.some(({ negated }) => !negated)) {
              expected.set(doc, clauses.reduce((sum, { negated }, at) => sum + (negated ? 0 : scores[at] ?? 0), 0));
            }
          }
          assert.strictEqual(total, expected.size);
          assert.deepStrictEqual([...found.keys()].sort((a, b) => a - b), [...expected.keys()].sort((a, b) => a - b));
          for (const [doc, score] of expected) assert.ok(Math.abs((found.get(doc) ?? NaN) - score) < 1e-9, `document ${doc}: ${found.get(doc)} against ${score}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** Articles on days 1 to 6 of September 2023, in turn, some removed. */
function datedStore(removed: readonly boolean[]): DocStore {
  const store = new DocStore();
  for (let doc = 0; doc < DOCS; doc++) {
    const body = Uint32Array.from({ length: 1 + (doc % 7) }, (_, at) => at);
    store.append({ path: `${doc}.txt`, title: 'T', size: 1, mtimeMs: 0, day: 20230901 + (doc % 6), bodyStart: 0, bodyTokens: body.length, titleTokens: 0, entityPairs: 0 }, body, 0, body.length, new Uint8Array(0), 0);
  }
  removed.forEach((remove, doc) => remove && store.remove(`${doc}.txt`));
  return store;
}

describe('evaluation merging one-list clauses document by document', () => {
  /**
   * Each live document every clause keeps (negated ones left out), with its score summed as the evaluation sums it:
   * the cheapest positive clause's probe, then each other positive clause's probe, cheapest first.
   */
  function probedMatches(clauses: readonly ClauseMatcher[], store: DocStore): Map<number, number> {
    const positives = clauses.filter(({ negated }) => !negated).sort((a, b) => a.matcher.cost - b.matcher.cost);
    const expected = new Map<number, number>();
    for (let doc = 0; doc < DOCS; doc++) {
      if (store.deleted.array[doc] || positives.length === 0) continue;
      if (!clauses.every(({ matcher, negated }) => matcher.probe(doc) >= 0 !== negated)) continue;
      let score = positives[0]?.matcher.probe(doc) ?? 0;
      for (const { matcher } of positives.slice(1)) score += matcher.probe(doc);
      expected.set(doc, score);
    }
    return expected;
  }

  it('finds the documents and scores, to the last bit, of probing each clause, with date filters and removed articles (property)', () => {
    // Lists from nearly empty to nearly full: a short driver with longer clauses is what gets merged, each further
    // clause walked by its cursor or (far longer) probed; lists of one density were summed in the scratch arrays.
    const termClause = fc.tuple(sparseToDenseArbitrary, fc.nat(20), fc.double({ min: 0.1, max: 5, noNaN: true }), fc.boolean(), fc.constantFrom<'words' | 'entity'>('words', 'entity'));
    const dateClause = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.boolean());
    const scratch = new Scratch();
    fc.assert(
      fc.property(fc.array(termClause, { minLength: 1, maxLength: 4 }), fc.array(dateClause, { maxLength: 2 }), flagsArbitrary, (terms, dates, removed) => {
        const store = datedStore(removed.map((flag, doc) => flag && doc % 3 === 0));
        const scorer = new Scorer(store);
        const clauses: ClauseMatcher[] = [
          ...terms.map(([flags, seed, factor, negated, kind]) => ({ matcher: new TermsMatcher([{ lists: [listOf(flags, seed)], factor }], scorer, kind), negated })),
          ...dates.map(([from, span, negated]) => ({ matcher: new DateMatcher(20230900 + from, 20230900 + from + span, store), negated })),
        ];
        const found = new Map<number, number>();
        const total = forEachMatch(clauses, store, scratch, (doc, score) => found.set(doc, score));
        const expected = probedMatches(clauses, store);
        assert.strictEqual(total, expected.size);
        assert.deepStrictEqual(new Map([...found].sort((a, b) => a[0] - b[0])), expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a lone word offered straight to the heap, its hopeless postings not scored', () => {
  const ARTICLES = 400;
  /** Articles of many field lengths (short ones scoring higher), on few days (ties), some removed. */
  function variedStore(lengths: readonly (readonly [body: number, title: number, entity: number, day: number])[], removed: readonly boolean[]): DocStore {
    const store = new DocStore();
    lengths.forEach(([bodyTokens, titleTokens, entityWords, day], doc) => {
      const ids = Uint32Array.from({ length: bodyTokens + titleTokens }, (_, at) => at);
      store.append({ path: `${doc}.txt`, title: 'T', size: 1, mtimeMs: 0, day: 20230901 + day, bodyStart: 0, bodyTokens, titleTokens, entityPairs: 0, entityWords }, ids, 0, ids.length, new Uint8Array(0), 0);
    });
    removed.forEach((remove, doc) => remove && store.remove(`${doc}.txt`));
    return store;
  }

  const lengthsArbitrary = fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 9 }), fc.nat(2)), { minLength: ARTICLES, maxLength: ARTICLES });
  /** Each article in the word's postings or not, in the first or the second of its lists, with its counts. */
  const postingArbitrary = fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 4 }), fc.nat(3), fc.constantFrom(0, 0, 0, 1, 3));
  const postingsArbitrary = fc.array(postingArbitrary, { minLength: ARTICLES, maxLength: ARTICLES });

  /** `bodyOnly`: the word in no title nor entity field, so that the body alone decides (the bound at its tightest). */
  function listsOf(postings: readonly (readonly [list: number, body: number, title: number, entity: number])[], bodyOnly: boolean): PostingList[] {
    return [0, 1].map((which) => {
      const docs: number[] = [];
      const counts: number[] = [];
      postings.forEach(([list, body, title, entity], doc) => {
        if (list !== which) return;
        docs.push(doc);
        counts.push(bodyOnly ? packCounts(body, 0, 0) : packCounts(body, title, entity));
      });
      return { docs, counts, start: 0, end: docs.length };
    });
  }

  it('keeps the same documents, scores to the last bit and ties, and counts the same total as offering every match (property)', () => {
    const scratch = new Scratch();
    fc.assert(
      fc.property(
        lengthsArbitrary,
        postingsArbitrary,
        fc.array(fc.boolean(), { minLength: ARTICLES, maxLength: ARTICLES }),
        fc.constantFrom(0, 0.7, 1.3, 2),
        fc.constantFrom(0, 1, 5, 50, 500),
        fc.constantFrom<TieBreak>('newest', 'oldest'),
        fc.constantFrom<'words' | 'entity'>('words', 'words', 'entity'),
        fc.boolean(),
        (lengths, postings, removed, factor, limit, tieBreak, kind, bodyOnly) => {
          const store = variedStore(lengths, removed.map((flag, doc) => flag && doc % 4 === 0));
          const matcher = new TermsMatcher([{ lists: listsOf(postings, bodyOnly), factor }], new Scorer(store), kind);
          const everyMatch = new TopK(limit, store.day.array, tieBreak);
          let expectedTotal = 0;
          matcher.collect((doc, score) => {
            if (store.deleted.array[doc]) return;
            expectedTotal++;
            everyMatch.offer(doc, score);
          });
          const { top, total } = evaluate([{ matcher, negated: false }], store, scratch, limit, tieBreak);
          assert.strictEqual(total, expectedTotal);
          assert.deepStrictEqual(top, everyMatch.sorted());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('bounds the field score of a posting from above by its counts alone, over the shortest fields of the store (property)', () => {
    fc.assert(
      fc.property(lengthsArbitrary, postingArbitrary, fc.array(fc.boolean(), { minLength: ARTICLES, maxLength: ARTICLES }), (lengths, [, body, title, entity], removed) => {
        const store = variedStore(lengths, removed);
        const scorer = new Scorer(store);
        const packed = packCounts(body, title, entity);
        const bound = scorer.fieldsBound(packed);
        for (let doc = 0; doc < store.count; doc++) assert.ok(scorer.fields(packed, doc) <= bound, `document ${doc}: ${scorer.fields(packed, doc)} above ${bound}`);
        const shortestBody = Math.min(...lengths.map(([bodyTokens]) => bodyTokens));
        assert.strictEqual(store.shortestLengths().body, shortestBody);
      }),
      { numRuns: 50 },
    );
  });
});

/**
 * A property over ranked queries on dated articles (six days: ties broken by date, then id), some removed: term
 * clauses of one to `maxLists` lists drawn by `listFlags` (several: summed in the scratch arrays), negated or not,
 * and a date clause or none; limits from none to more than match.
 */
function rankedQueries(listFlags: fc.Arbitrary<boolean[]>, maxLists: number, maxTerms: number, check: (clauses: ClauseMatcher[], store: DocStore, limit: number, tieBreak: TieBreak) => void) {
  const termClause = fc.tuple(fc.array(fc.tuple(listFlags, fc.nat(20)), { minLength: 1, maxLength: maxLists }), fc.double({ min: 0.1, max: 5, noNaN: true }), fc.boolean(), fc.constantFrom<'words' | 'entity'>('words', 'entity'));
  const dateClause = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.boolean());
  return fc.property(
    fc.array(termClause, { minLength: 1, maxLength: maxTerms }),
    fc.array(dateClause, { maxLength: 1 }),
    flagsArbitrary,
    fc.constantFrom(0, 1, 3, 10, 100),
    fc.constantFrom<TieBreak>('newest', 'oldest'),
    (terms, dates, removed, limit, tieBreak) => {
      const store = datedStore(removed.map((flag, doc) => flag && doc % 3 === 0));
      const scorer = new Scorer(store);
      const clauses: ClauseMatcher[] = [
        ...terms.map(([lists, factor, negated, kind]) => ({ matcher: new TermsMatcher(lists.map(([flags, seed]) => ({ lists: [listOf(flags, seed)], factor: factor + seed })), scorer, kind), negated })),
        ...dates.map(([from, span, negated]) => ({ matcher: new DateMatcher(20230900 + from, 20230900 + from + span, store), negated })),
      ];
      check(clauses, store, limit, tieBreak);
    },
  );
}

describe('evaluation handing the heap only the matches it can keep', () => {
  it('ranks and counts what offering every match to the heap does, scores to the last bit and ties included (property)', () => {
    const scratch = new Scratch();
    fc.assert(
      rankedQueries(flagsArbitrary, 3, 3, (clauses, store, limit, tieBreak) => {
        const everyMatch = new TopK(limit, store.day.array, tieBreak);
        const expectedTotal = forEachMatch(clauses, store, scratch, (doc, score) => everyMatch.offer(doc, score));
        const { top, total } = evaluate(clauses, store, scratch, limit, tieBreak);
        assert.strictEqual(total, expectedTotal);
        assert.deepStrictEqual(top, everyMatch.sorted());
      }),
      { numRuns: 300 },
    );
  });
});

describe('evaluation scoring a one-list driver only where its further clauses keep the document', () => {
  /** `matcher` without a cursor (so that the scratch arrays sum it), and without its unscored postings when `placed` is false. */
  function summedOnly(matcher: Matcher, placed: boolean): Matcher {
    const { cost, probeCost, distinct } = matcher;
    return {
      cost,
      probeCost,
      distinct,
      collect: (sink) => matcher.collect(sink),
      probe: (doc) => matcher.probe(doc),
      sumInto: (into, deleted, found, within) => matcher.sumInto?.(into, deleted, found, within),
      placed: () => (placed ? matcher.placed?.() : undefined),
    };
  }

  it('finds, ranks and counts what summing every driver posting first does, scores to the last bit and ties included (property)', () => {
    // Lists from nearly empty to nearly full, of one list (a driver with postings to place) or two (summed).
    const scratch = new Scratch();
    fc.assert(
      rankedQueries(sparseToDenseArbitrary, 2, 4, (clauses, store, limit, tieBreak) => {
        const as = (placed: boolean): ClauseMatcher[] => clauses.map(({ matcher, negated }) => ({ matcher: summedOnly(matcher, placed), negated }));
        const summedFirst = new Map<number, number>();
        const placedFirst = new Map<number, number>();
        const expectedTotal = forEachMatch(as(false), store, scratch, (doc, score) => summedFirst.set(doc, score));
        assert.strictEqual(forEachMatch(as(true), store, scratch, (doc, score) => placedFirst.set(doc, score)), expectedTotal);
        assert.deepStrictEqual(new Map([...placedFirst].sort((a, b) => a[0] - b[0])), new Map([...summedFirst].sort((a, b) => a[0] - b[0])));
        const expected = evaluate(as(false), store, scratch, limit, tieBreak);
        assert.deepStrictEqual(evaluate(as(true), store, scratch, limit, tieBreak), expected);
        assert.strictEqual(expected.total, expectedTotal);
      }),
      { numRuns: 300 },
    );
  });
});
