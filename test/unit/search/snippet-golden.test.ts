import * as assert from 'assert';
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { decodeIndex, encodeIndex } from '../../../src/core/search/index-file';
import { Snippet } from '../../../src/core/search/snippet';
import { buildIndex, KnownEntity } from './fixtures';

/** The repository root, from the compiled test in out/test/unit/search. */
const REPO_ROOT = path.join(__dirname, '..', '..', '..', '..');
const WIKINEWS = path.join(REPO_ROOT, 'samples', 'wikinews');
/** Snippets of the sample corpus as the search built them before snippets were cut from the index's positions (issue 13). */
const GOLDEN = path.join(REPO_ROOT, 'test', 'unit', 'search', 'fixtures', 'wikinews-snippets.json');
/** Set to write the golden file again from the current code (only when a snippet change is intended). */
const UPDATE = process.env['NEWS_CORPUS_UPDATE_GOLDEN'] === '1';
/** The search box's result count. */
const LIMIT = 50;

const TRUMP: KnownEntity = { key: 'PER:donald trump', name: 'Donald Trump', type: 'PER', aliases: ['Trump'] };
const BUSH: KnownEntity = { key: 'PER:george w. bush', name: 'George W. Bush', type: 'PER', aliases: ['Bush'] };

/** Words, prefixes, typos, phrases (also overlapping ones), entities, OR and NOT: every way a query highlights. */
const QUERIES = [
  'said',
  'election',
  'elecion~',
  'presid*',
  'the',
  '"white house"',
  '"united states" president',
  '"of the" "the united"',
  'person:Trump',
  'person:Bush iraq',
  'police OR army',
  'government -minister',
  'wikinews',
];

interface GoldenHit {
  readonly file: string;
  readonly snippet: Snippet;
}

function snippetsOf(index: CorpusIndex): Record<string, GoldenHit[]> {
  const answers: Record<string, GoldenHit[]> = {};
  for (const query of QUERIES) {
    const response = index.search(query, { limit: LIMIT });
    assert.ok(response.ok, query);
    answers[query] = response.hits.map((hit) => ({ file: path.basename(hit.path), snippet: hit.snippet }));
  }
  return answers;
}

describe('snippets of the sample corpus (golden)', () => {
  const articles = readdirSync(WIKINEWS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ path: path.join(WIKINEWS, name), text: readFileSync(path.join(WIKINEWS, name), 'utf8') }));
  const index = buildIndex(articles, [TRUMP, BUSH]);

  it('are the snippets the search built before issue 13, for every hit of every query', () => {
    const answers = snippetsOf(index);
    if (UPDATE) writeFileSync(GOLDEN, `${JSON.stringify(answers)}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, GoldenHit[]>;
    for (const query of QUERIES) assert.deepStrictEqual(answers[query], golden[query], query);
  });

  it('are the same from the index saved and reopened, whose texts are coded and decoded only around their matches', () => {
    const identity = { root: WIKINEWS, extractor: 'known' };
    const decoded = decodeIndex(Buffer.concat(encodeIndex(index.parts(), identity)), identity);
    assert.ok(decoded.ok);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, GoldenHit[]>;
    const answers = snippetsOf(new CorpusIndex(decoded.parts));
    for (const query of QUERIES) assert.deepStrictEqual(answers[query], golden[query], query);
  });
});
