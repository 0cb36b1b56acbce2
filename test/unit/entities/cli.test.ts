import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { CliIo } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/run';
import { MODEL_FILE, SEED_ARRIVAL, SEED_MEETING, readSeed } from './fixtures';

interface Captured {
  readonly io: CliIo;
  readonly out: string[];
  readonly err: string[];
}

function fakeIo(input: string): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdin: Readable.from([input]), write: (text) => out.push(text), error: (text) => err.push(text) }, out, err };
}

describe('news-corpus entities', () => {
  it('answers each JSON line with the entities of its text, offsets into that text', async () => {
    const text = 'Kim Jong-un met Vladimir Putin in Moscow.';
    const { io, out, err } = fakeIo(`${JSON.stringify({ id: 'a', text })}\n${JSON.stringify({ id: 7, text: '' })}\n`);
    assert.strictEqual(await runCli(['entities', '--model', MODEL_FILE], io), 0);
    assert.deepStrictEqual(err, []);
    const lines = out.join('').trim().split('\n').map((line) => JSON.parse(line) as { id: unknown; entities: { start: number; end: number; type: string; text: string }[] });
    assert.strictEqual(lines.length, 2);
    assert.strictEqual(lines[0]?.id, 'a');
    assert.deepStrictEqual(
      lines[0]?.entities.map((entity) => [entity.text, entity.type]),
      [['Kim Jong-un', 'PER'], ['Vladimir Putin', 'PER'], ['Moscow', 'LOC']],
    );
    for (const entity of lines[0]?.entities ?? []) assert.strictEqual(text.slice(entity.start, entity.end), entity.text);
    assert.deepStrictEqual(lines[1], { id: 7, entities: [] });
  });

  it('finds the model next to the code when --model is not given', async () => {
    const { io, out } = fakeIo(`${JSON.stringify({ id: 'a', text: 'Putin spoke in Moscow.' })}\n`);
    assert.strictEqual(await runCli(['entities'], io), 0);
    assert.ok(out.join('').includes('"Moscow"'));
  });

  it('reports bad lines by number and reason, goes on with the others, and exits with 1', async () => {
    const input = ['{"id":"ok","text":"Russia"}', '{not json', '[1,2]', '{"id":"x"}', '{"text":"no id"}', '', '{"id":"last","text":"Moscow"}'].join('\n');
    const { io, out, err } = fakeIo(input);
    assert.strictEqual(await runCli(['entities', '--model', MODEL_FILE], io), 1);
    const ids = out.join('').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    assert.deepStrictEqual(ids, ['ok', 'last']);
    const errors = err.join('');
    assert.match(errors, /^News Corpus: line 2: not valid JSON/m);
    assert.match(errors, /^News Corpus: line 3: expected a JSON object/m);
    assert.match(errors, /^News Corpus: line 4: "text" is missing/m);
    assert.match(errors, /^News Corpus: line 5: "id" is missing/m);
    assert.match(errors, /4 of 7 lines could not be processed/);
    assert.ok(!errors.includes('    at '), 'no stack trace');
  });

  it('rejects unknown options and a missing model with a usage error', async () => {
    const unknown = fakeIo('');
    assert.strictEqual(await runCli(['entities', '--frobnicate'], unknown.io), 2);
    assert.match(unknown.err.join(''), /News Corpus: unexpected argument "--frobnicate"/);
    const missing = fakeIo('');
    assert.strictEqual(await runCli(['entities', '--model', '/nonexistent/ner.bin'], missing.io), 2);
    assert.match(missing.err.join(''), /does not exist/);
  });

  it('prints the merged entities of a corpus folder, skipping files without a date header', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-corpus-entities-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, SEED_MEETING), readSeed(SEED_MEETING));
      fs.writeFileSync(path.join(dir, 'sub', SEED_ARRIVAL), readSeed(SEED_ARRIVAL));
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'Not an article about Vladimir Putin.');
      const { io, out } = fakeIo('');
      assert.strictEqual(await runCli(['entities', '--corpus', dir, '--model', MODEL_FILE], io), 0);
      const result = JSON.parse(out.join('')) as {
        articles: number;
        skipped: number;
        entities: { key: string; name: string; articleCount: number; mentions: { articleId: string; start: number; end: number }[] }[];
      };
      assert.strictEqual(result.articles, 2);
      assert.strictEqual(result.skipped, 1);
      const kim = result.entities.find((entity) => entity.key === 'PER:kim jong-un');
      assert.ok(kim);
      assert.strictEqual(kim.name, 'Kim Jong-un');
      assert.strictEqual(kim.articleCount, 2);
      const mention = kim.mentions.find((found) => found.articleId === `sub/${SEED_ARRIVAL}`);
      assert.ok(mention);
      assert.match(readSeed(SEED_ARRIVAL).slice(mention.start, mention.end), /^Kim/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
