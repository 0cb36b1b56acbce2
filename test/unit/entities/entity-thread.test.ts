import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { loadModel, shippedModelPath } from '../../../src/workers/entity-extractor';
import { EntityThread } from '../../../src/workers/entity-thread';

const SEED = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'seeds', '003_737a2ec1faf8bc49.txt');

/** The ids of this process's threads whose nice value is `nice` (Linux keeps one per thread). */
function threadsAtNice(nice: number): string[] {
  return readdirSync('/proc/self/task').filter((task) => {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      // After the command's parentheses come the fields from the third on; the nice value is the nineteenth.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) === nice;
    } catch {
      return false; // a thread that ended meanwhile
    }
  });
}

describe('EntityThread', function () {
  this.timeout(60_000);

  it('starts at the first text, finds the entities this thread finds, and stops when disposed', async () => {
    const seed = readFileSync(SEED, 'utf8');
    const text = `${seed}\n${seed.slice(seed.indexOf('\n') + 1).repeat(20)}`;
    const thread = new EntityThread({ extractor: () => ({ kind: 'model', modelPath: shippedModelPath() }) });
    assert.strictEqual(thread.started, false);
    const [first, again] = await Promise.all([thread.extract(text), thread.extract(seed)]);
    assert.strictEqual(thread.started, true);
    const model = loadModel(shippedModelPath());
    assert.ok(model.ok);
    assert.deepStrictEqual(first, model.extract(text));
    assert.deepStrictEqual(again, model.extract(seed));
    assert.ok(first.some((entity) => entity.key === 'PER:vladimir putin'), first.map((entity) => entity.key).join(', '));
    assert.strictEqual(await thread.dispose(), 0, 'it ended itself');
    assert.strictEqual(thread.started, false);
  });

  it('finds nothing, and says why once, when an unchecked model cannot be loaded', async () => {
    const problems: string[] = [];
    const thread = new EntityThread({ extractor: () => ({ kind: 'model', modelPath: '/nowhere/ner.bin', unchecked: true }), onModelProblem: (problem) => problems.push(problem) });
    assert.deepStrictEqual(await thread.extract('Vladimir Putin met Kim Jong-un in Vladivostok.'), []);
    assert.deepStrictEqual(problems.length, 1);
    assert.match(problems[0] ?? '', /^News Corpus: the entity model \/nowhere\/ner\.bin is missing/);
    await thread.dispose();
  });

  it('fails the texts under way when disposed, and starts afresh for the next', async () => {
    const thread = new EntityThread({ extractor: () => ({ kind: 'model', modelPath: shippedModelPath() }) });
    const pending = thread.extract('Angela Merkel met the press in Berlin.');
    const stopped = thread.dispose();
    await assert.rejects(pending, /^Error: News Corpus: the entity thread was stopped\.$/);
    await stopped;
    const entities = await thread.extract('Angela Merkel met the press in Berlin.');
    assert.ok(entities.some((entity) => entity.key === 'PER:angela merkel'));
    await thread.dispose();
  });

  it('stops when it has had no text for its idle time, and starts afresh for the next', async () => {
    const thread = new EntityThread({ extractor: () => ({ kind: 'model', modelPath: shippedModelPath() }), idleMs: 50 });
    await thread.extract('Angela Merkel met the press in Berlin.');
    assert.strictEqual(thread.started, true);
    while (thread.started) await new Promise((resolve) => setImmediate(resolve));
    const entities = await thread.extract('Angela Merkel met the press in Berlin.');
    assert.ok(entities.some((entity) => entity.key === 'PER:angela merkel'));
    await thread.dispose();
  });

  it('keeps the priority of the extension host, where indexing threads yield theirs, so that a hover does not wait behind them', async function () {
    if (process.platform !== 'linux') this.skip();
    const before = threadsAtNice(5);
    const thread = new EntityThread({ extractor: () => ({ kind: 'model', modelPath: shippedModelPath() }) });
    await thread.extract('Angela Merkel met the press in Berlin.');
    assert.deepStrictEqual(threadsAtNice(5).filter((task) => !before.includes(task)), []);
    await thread.dispose();
  });
});
