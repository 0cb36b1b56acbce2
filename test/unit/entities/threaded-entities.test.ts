import * as assert from 'assert';
import { awaitingAnalyzer, ThreadedEntities } from '../../../src/core/entities/threaded-entities';
import { ArticleEntity } from '../../../src/core/entities/types';

const entityOf = (text: string): ArticleEntity => ({ key: `PER:${text.slice(0, 12)}`, name: text.slice(0, 12), type: 'PER', aliases: [], mentions: [], forms: [] });

/** A thread whose answers the test gives, in the order it chooses. */
function fakeThread() {
  const asked: { text: string; answer: () => void; fail: (error: Error) => void }[] = [];
  const elsewhere = (text: string) =>
    new Promise<readonly ArticleEntity[]>((resolve, reject) => asked.push({ text, answer: () => resolve([entityOf(text)]), fail: reject }));
  return { asked, elsewhere };
}

/** Lets the promise callbacks of an answered analysis run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

function threaded(options: { onFailure?: (error: unknown) => void } = {}) {
  const thread = fakeThread();
  const here: string[] = [];
  let arrivals = 0;
  const entities = new ThreadedEntities({
    here: (text) => {
      here.push(text);
      return [entityOf(text)];
    },
    elsewhere: thread.elsewhere,
    longText: 10,
    capacity: 8,
    onAnalyzed: () => arrivals++,
    onFailure: options.onFailure ?? (() => undefined),
  });
  return { entities, thread, here, arrivals: () => arrivals };
}

describe('ThreadedEntities', () => {
  it('analyses a short text at once on the calling thread, as before', () => {
    const { entities, thread, here } = threaded();
    assert.deepStrictEqual(entities.of('Kim met.'), [entityOf('Kim met.')]);
    assert.deepStrictEqual(here, ['Kim met.']);
    assert.strictEqual(thread.asked.length, 0);
  });

  it('reads short texts in passing without pushing the remembered ones out, and uses a remembered one', () => {
    const { entities, here } = threaded();
    entities.of('Kim met.');
    for (let text = 0; text < 20; text++) entities.of(`Text ${text}.`, `index:${text}`, undefined, false);
    here.length = 0;
    assert.deepStrictEqual(entities.of('Kim met.'), [entityOf('Kim met.')]);
    assert.deepStrictEqual(here, [], 'the open editor\'s text is still remembered, twenty texts later');
    entities.of('Kim met.', 'index:a', undefined, false);
    entities.of('Text 3.', 'index:3', undefined, false);
    assert.deepStrictEqual(here, ['Text 3.'], 'a remembered text is not analysed again; one read in passing is');
  });

  it('answers a long text "not yet", has it analysed elsewhere once, then answers it from memory', async () => {
    const { entities, thread, here, arrivals } = threaded();
    const long = 'Vladimir Putin met Kim Jong-un.';
    assert.strictEqual(entities.of(long, 'a'), undefined);
    assert.strictEqual(entities.of([long].join(''), 'a'), undefined, 'asked again while it runs');
    assert.deepStrictEqual(thread.asked.map(({ text }) => text), [long]);
    thread.asked[0]?.answer();
    await settled();
    assert.strictEqual(arrivals(), 1);
    assert.deepStrictEqual(entities.of(long, 'a'), [entityOf(long)]);
    assert.deepStrictEqual(here, [], 'never analysed on the calling thread');
    assert.strictEqual(thread.asked.length, 1);
  });

  it('keeps one waiting text per document: an edit replaces the text that waited, and the one under way runs to its end', async () => {
    const { entities, thread } = threaded();
    entities.of('first document, version 1', 'one');
    entities.of('second document, version 1', 'two');
    entities.of('second document, version 2', 'two');
    entities.of('second document, version 3', 'two');
    entities.of('first document, version 2', 'one');
    assert.deepStrictEqual(thread.asked.map(({ text }) => text), ['first document, version 1']);
    thread.asked[0]?.answer();
    await settled();
    // The first document's newer text waited behind the second's, which came first: their order is kept.
    assert.deepStrictEqual(thread.asked.map(({ text }) => text), ['first document, version 1', 'second document, version 3']);
    thread.asked[1]?.answer();
    await settled();
    assert.deepStrictEqual(thread.asked.map(({ text }) => text), ['first document, version 1', 'second document, version 3', 'first document, version 2']);
    thread.asked[2]?.answer();
    await settled();
    assert.strictEqual(thread.asked.length, 3, 'the replaced versions were never analysed');
    assert.deepStrictEqual(entities.of('first document, version 1', 'one'), [entityOf('first document, version 1')], 'the text under way when its edit came is remembered');
    assert.strictEqual(entities.of('second document, version 2', 'two'), undefined, 'a replaced text is analysed only when asked for again');
  });

  it('never answers an edited text with the entities of the text before the edit', async () => {
    const { entities, thread } = threaded();
    const before = 'Angela Merkel met the press.';
    const after = 'Angela Merkel met the press in Berlin.';
    entities.of(before, 'a');
    entities.of(after, 'a');
    thread.asked[0]?.answer();
    await settled();
    assert.strictEqual(entities.of(after, 'a'), undefined);
    thread.asked[1]?.answer();
    await settled();
    assert.deepStrictEqual(entities.of(after, 'a'), [entityOf(after)]);
  });

  it('answers no entities, never analysing on the calling thread, when the other thread fails a text, says why, and analyses the next', async () => {
    const failures: unknown[] = [];
    const { entities, thread, here, arrivals } = threaded({ onFailure: (error) => failures.push(error) });
    const long = 'Vladimir Putin met Kim Jong-un.';
    entities.of(long, 'a');
    entities.of('another long document', 'b');
    thread.asked[0]?.fail(new Error('News Corpus: the entity thread stopped unexpectedly (exit code 1).'));
    await settled();
    assert.deepStrictEqual(failures.map((error) => (error as Error).message), ['News Corpus: the entity thread stopped unexpectedly (exit code 1).']);
    assert.deepStrictEqual(here, [], 'a long text would hold up the calling thread');
    assert.strictEqual(arrivals(), 1, 'whoever waits for it is answered');
    assert.deepStrictEqual(entities.of(long, 'a'), []);
    assert.deepStrictEqual(thread.asked.map(({ text }) => text), [long, 'another long document'], 'the next text is analysed');
    thread.asked[1]?.answer();
    await settled();
    assert.deepStrictEqual(entities.of('another long document', 'b'), [entityOf('another long document')]);
  });

  it('neither throws at the caller nor stops analysing when the other thread cannot even be asked', async () => {
    const failures: unknown[] = [];
    const here: string[] = [];
    let throwing = true;
    const thread = fakeThread();
    let arrivals = 0;
    const entities = new ThreadedEntities({
      here: (text) => {
        here.push(text);
        return [entityOf(text)];
      },
      elsewhere: (text) => {
        if (throwing) throw new Error('News Corpus: the entity thread could not be started.');
        return thread.elsewhere(text);
      },
      longText: 10,
      capacity: 8,
      onAnalyzed: () => arrivals++,
      onFailure: (error) => failures.push(error),
    });
    assert.strictEqual(entities.of('Vladimir Putin met Kim Jong-un.', 'a'), undefined);
    throwing = false;
    await settled();
    assert.deepStrictEqual(failures.map((error) => (error as Error).message), ['News Corpus: the entity thread could not be started.']);
    assert.strictEqual(arrivals, 1);
    assert.deepStrictEqual(entities.of('Vladimir Putin met Kim Jong-un.', 'a'), []);
    assert.strictEqual(entities.of('Angela Merkel met the press.', 'b'), undefined);
    assert.deepStrictEqual(thread.asked.map(({ text }) => text), ['Angela Merkel met the press.'], 'the next text is analysed');
    thread.asked[0]?.answer();
    await settled();
    assert.deepStrictEqual(entities.of('Angela Merkel met the press.', 'b'), [entityOf('Angela Merkel met the press.')]);
    assert.deepStrictEqual(here, []);
  });

  it('drops a waiting text that everyone who waited for it has stopped waiting for, and keeps one still wanted', async () => {
    const { entities, thread } = threaded();
    const [first, second, third] = [{ isCancellationRequested: false }, { isCancellationRequested: false }, { isCancellationRequested: false }];
    entities.of('the text under way', 'running');
    entities.of('a text two callers wait for', 'two', first);
    entities.of('a text two callers wait for', 'two', second);
    entities.of('a text one caller waits for', 'one', third);
    entities.of('a text one caller waits for', 'view'); // a caller that cannot stop waiting
    entities.of('a text nobody stops waiting for', 'later', { isCancellationRequested: false });
    first.isCancellationRequested = true;
    second.isCancellationRequested = true;
    third.isCancellationRequested = true;
    for (let turn = 0; turn < 3; turn++) {
      thread.asked[turn]?.answer();
      await settled();
    }
    assert.deepStrictEqual(
      thread.asked.map(({ text }) => text),
      ['the text under way', 'a text one caller waits for', 'a text nobody stops waiting for'],
    );
    assert.strictEqual(entities.of('a text two callers wait for', 'two'), undefined, 'asked for again, it waits again');
    assert.strictEqual(thread.asked.at(-1)?.text, 'a text two callers wait for');
  });

  it('once disposed, drops the texts waiting and hears nothing more of the one under way', async () => {
    const { entities, thread, arrivals } = threaded();
    entities.of('first long document', 'one');
    entities.of('second long document', 'two');
    entities.dispose();
    thread.asked[0]?.answer();
    await settled();
    assert.strictEqual(arrivals(), 0);
    assert.strictEqual(thread.asked.length, 1);
    assert.strictEqual(entities.of('third long document', 'three'), undefined);
    assert.strictEqual(thread.asked.length, 1);
  });
});

describe('awaitingAnalyzer', () => {
  function arrivals() {
    const listeners = new Set<() => void>();
    return {
      event: (listener: () => void) => {
        listeners.add(listener);
        return { dispose: () => listeners.delete(listener) };
      },
      fire: () => [...listeners].forEach((listener) => listener()),
      get count() {
        return listeners.size;
      },
    };
  }

  it('answers at once what is known, and a long text when its entities arrive', async () => {
    const known = new Map<string, readonly ArticleEntity[]>([['short', [entityOf('short')]]]);
    const events = arrivals();
    const analyzed = awaitingAnalyzer((text) => known.get(text), events.event);
    assert.deepStrictEqual(await analyzed('short'), [entityOf('short')]);
    const waiting = analyzed('long');
    events.fire();
    assert.strictEqual(events.count, 1, 'another text arrived: still waiting');
    known.set('long', [entityOf('long')]);
    events.fire();
    assert.deepStrictEqual(await waiting, [entityOf('long')]);
    assert.strictEqual(events.count, 0);
  });

  it('stops waiting, with no entities, once cancelled', async () => {
    const events = arrivals();
    const asked: string[] = [];
    const token = { isCancellationRequested: false };
    const waiting = awaitingAnalyzer((text) => void asked.push(text), events.event)('long', 'file:///a.txt', token);
    token.isCancellationRequested = true;
    events.fire();
    assert.deepStrictEqual(await waiting, []);
    assert.deepStrictEqual(asked, ['long'], 'not asked again once cancelled');
    assert.strictEqual(events.count, 0);
  });

  it('stops waiting, with no entities, as soon as it is cancelled, without waiting for an arrival', async () => {
    const events = arrivals();
    const cancellations = arrivals();
    const token = { isCancellationRequested: false, onCancellationRequested: cancellations.event };
    const waiting = awaitingAnalyzer(() => undefined, events.event)('long', 'file:///a.txt', token);
    token.isCancellationRequested = true;
    cancellations.fire();
    assert.deepStrictEqual(await waiting, []);
    assert.strictEqual(events.count, 0, 'no longer listens for arrivals');
    assert.strictEqual(cancellations.count, 0, 'no longer listens for the cancellation');
  });

  it('stops listening for the cancellation once its entities arrive', async () => {
    const events = arrivals();
    const cancellations = arrivals();
    const known = new Map<string, readonly ArticleEntity[]>();
    const waiting = awaitingAnalyzer((text) => known.get(text), events.event)('long', 'file:///a.txt', { isCancellationRequested: false, onCancellationRequested: cancellations.event });
    known.set('long', [entityOf('long')]);
    events.fire();
    assert.deepStrictEqual(await waiting, [entityOf('long')]);
    assert.strictEqual(cancellations.count, 0);
  });

  it('with ThreadedEntities, has a waiting text dropped once its caller cancels', async () => {
    const events = arrivals();
    const thread = fakeThread();
    const entities = new ThreadedEntities({
      here: () => [],
      elsewhere: thread.elsewhere,
      longText: 10,
      capacity: 8,
      onAnalyzed: events.fire,
      onFailure: () => undefined,
    });
    const analyzed = awaitingAnalyzer((text, id, token) => entities.of(text, id, token), events.event);
    entities.of('another document', 'b');
    const cancellations = arrivals();
    const token = { isCancellationRequested: false, onCancellationRequested: cancellations.event };
    const waiting = analyzed('a document whose hover moved on', 'a', token);
    token.isCancellationRequested = true;
    cancellations.fire();
    assert.deepStrictEqual(await waiting, []);
    thread.asked[0]?.answer();
    await settled();
    assert.deepStrictEqual(thread.asked.map(({ text }) => text), ['another document']);
  });

  it('with ThreadedEntities, gets an edited document\'s older text analysed in its turn', async () => {
    const events = arrivals();
    const answers: (() => void)[] = [];
    const entities = new ThreadedEntities({
      here: () => [],
      elsewhere: (text) => new Promise((resolve) => answers.push(() => resolve([entityOf(text)]))),
      longText: 10,
      capacity: 8,
      onAnalyzed: events.fire,
      onFailure: () => undefined,
    });
    const analyzed = awaitingAnalyzer((text, id) => entities.of(text, id), events.event);
    entities.of('another document', 'b');
    const older = analyzed('the text before the edit', 'a');
    assert.strictEqual(entities.of('the text after the edit', 'a'), undefined, 'replaces the older text in the queue');
    for (let turn = 0; answers.length > 0 && turn < 5; turn++) {
      answers.shift()?.();
      await settled();
    }
    assert.deepStrictEqual(await older, [entityOf('the text before the edit')]);
  });
});
