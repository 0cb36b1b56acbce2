import * as assert from 'assert';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { CliIo } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/run';
import { NEWS } from './fixtures';

interface Captured {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function run(args: string[], stdin = ''): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIo = { stdin: Readable.from([stdin]), write: (text) => void (out += text), error: (text) => void (err += text) };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('news-corpus index and search', function () {
  this.timeout(60_000);
  let dir: string;
  let cache: string;
  const common = (): string[] => ['--cache', cache, '--no-entities', '--workers', '2'];

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-cli-'));
    cache = path.join(dir, '..', `${path.basename(dir)}.ncidx`);
    for (const item of NEWS) writeFileSync(path.join(dir, item.path), item.text);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { force: true });
  });

  it('index builds and saves, printing counts and timings; a second run uses the saved index', async () => {
    const first = await run(['index', dir, ...common()]);
    assert.strictEqual(first.code, 0, first.err);
    assert.match(first.out, new RegExp(`Indexed ${NEWS.length} articles`));
    assert.match(first.out, /built from scratch/);
    assert.match(first.out, /list files [\d.]+ s, read \+ analyse \+ index [\d.]+ s, save [\d.]+ s, total [\d.]+ s; CPU of all threads up to the complete index [\d.]+ s/);
    assert.match(first.out, /saved to .*\.ncidx \([\d.]+ MB\)/);
    const written = statSync(cache);
    const second = await run(['index', dir, ...common()]);
    assert.match(second.out, new RegExp(`from the saved index: 0 added, 0 changed, 0 removed, ${NEWS.length} unchanged`));
    assert.match(second.out, /nothing to save/);
    assert.match(second.out, /unchanged, not rewritten: .*\.ncidx/);
    const after = statSync(cache);
    assert.deepStrictEqual([after.mtimeMs, after.size, after.ino], [written.mtimeMs, written.size, written.ino]);
  });

  it('search prints ranked results with snippets', async () => {
    const result = await run(['search', dir, 'interest rates', ...common()]);
    assert.strictEqual(result.code, 0, result.err);
    assert.match(result.out, /^3 articles match — [\d.]+ ms/);
    assert.match(result.out, /2023-09-1\d {2}[\d.]+ {2}.*(rates|summit)\.txt/);
  });

  it('search counts one article in English: "1 article matches", not "1 articles match"', async () => {
    const result = await run(['search', dir, 'armoured', ...common()]);
    assert.strictEqual(result.code, 0, result.err);
    assert.match(result.out, /^1 article matches — [\d.]+ ms/);
  });

  it('search --json gives files, dates, scores, snippets and match offsets', async () => {
    const result = await run(['search', dir, '"interest rates"', '--json', '--limit', '1', ...common()]);
    assert.strictEqual(result.code, 0, result.err);
    const answer = JSON.parse(result.out) as { total: number; tookMs: number; results: { file: string; date: string; score: number; snippet: string; snippetStart: number; matches: { start: number; end: number }[] }[] };
    assert.strictEqual(answer.total, 2);
    assert.strictEqual(answer.results.length, 1);
    const [top] = answer.results;
    assert.ok(top && top.score > 0 && /^2023-09-1[34]$/.test(top.date));
    const text = NEWS.find((item) => item.path === path.basename(top.file))?.text ?? '';
    assert.strictEqual(text.slice(top.snippetStart, top.snippetStart + top.snippet.length), top.snippet);
    for (const match of top.matches) assert.strictEqual(text.slice(match.start, match.end).toLowerCase(), 'interest rates');
  });

  it('search --stdin --json answers one JSON line per query, errors included, and goes on', async () => {
    const result = await run(['search', dir, '--stdin', '--json', ...common()], 'wheat\n"unclosed\n\nperson:\ndate:2023-09\n');
    assert.strictEqual(result.code, 0, result.err);
    const lines = result.out.trim().split('\n').map((line) => JSON.parse(line) as { query: string; total?: number; error?: string; tookMs: number });
    assert.deepStrictEqual(
      lines.map((line) => line.query),
      ['wheat', '"unclosed', 'person:', 'date:2023-09'],
    );
    assert.strictEqual(lines[0]?.total, 1);
    assert.match(lines[1]?.error ?? '', /^News Corpus: the quote/);
    assert.match(lines[2]?.error ?? '', /needs a value/);
    assert.strictEqual(lines[3]?.total, 3);
    assert.ok(lines.every((line) => Number.isFinite(line.tookMs) && line.tookMs >= 0), lines.map((line) => line.tookMs).join());
  });

  it('reports a bad query with exit code 1 and no stack trace', async () => {
    const result = await run(['search', dir, 'oil OR', ...common()]);
    assert.strictEqual(result.code, 1);
    assert.match(result.err, /^News Corpus: OR at position 5/);
    assert.doesNotMatch(result.err, /\bat \S+ \(/);
  });

  it('explains usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [['index'], /name the folder/],
      [['index', path.join(dir, 'missing')], /is not a folder/],
      [['search', dir], /give a query/],
      [['search', dir, 'a', 'b'], /quote it/],
      [['search', dir, 'x', '--limit', '0'], /--limit needs a positive whole number/],
      [['search', dir, '--stdin'], /add --json/],
      [['index', dir, '--bogus'], /unknown option --bogus/],
      [['index', dir, '--cache'], /--cache needs a value/],
      [['index', dir, '--model', path.join(dir, 'none.bin')], /does not exist/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      assert.strictEqual(result.code, 2, args.join(' '));
      assert.match(result.err, message);
      assert.match(result.err, /^News Corpus: /);
    }
  });

  it('documents the query language in search help', async () => {
    const result = await run(['help', 'search']);
    assert.match(result.out, /person:Putin/);
    assert.match(result.out, /--stdin --json/);
  });
});
