import * as assert from 'assert';
import { HINTS_DELAY_MS, LikelyDuplicateHints } from '../../../src/core/curation/likely-duplicate-hints';
import { entityKey } from '../../../src/core/entities/article-entities';
import { EntityType } from '../../../src/core/entities/types';
import { EntitySummary } from '../../../src/core/search/entity-listing';
import { ManualClock } from '../../support/manual-clock';

function entity(type: EntityType, name: string, articleCount: number): EntitySummary {
  return { key: entityKey(type, name), name, type, aliases: [], articleCount, mentionCount: articleCount * 2 };
}

/** Hints over a list the test changes, counting how often the whole list is read. */
function hintsOver(entities: EntitySummary[]) {
  const clock = new ManualClock();
  const listed = { times: 0 };
  const hints = new LikelyDuplicateHints(
    () => {
      listed.times++;
      return entities;
    },
    (key) => entities.some((known) => known.key === key),
    clock,
  );
  /** An ask (a hover, say), then the wait after which out-of-date pairs are worked out. */
  const askAndWait = () => {
    hints.of('');
    clock.advance(HINTS_DELAY_MS);
  };
  return { hints, listed, clock, askAndWait };
}

const TRUMP = entityKey('PER', 'Trump');
const CUMMINGS = entityKey('PER', 'Cummings');

describe('LikelyDuplicateHints', () => {
  it('names the full name a name alone likely stands for once worked out, and nothing for the full name itself', () => {
    const { hints, askAndWait } = hintsOver([entity('PER', 'Trump', 9), entity('PER', 'Donald Trump', 51), entity('PER', 'Melania Trump', 2)]);
    askAndWait();
    assert.strictEqual(hints.of(TRUMP)?.into.name, 'Donald Trump');
    assert.strictEqual(hints.of(TRUMP)?.likely, true);
    assert.strictEqual(hints.of(entityKey('PER', 'Donald Trump')), undefined);
  });

  it('names the names alone a full name would take in, and none once one of them is gone', () => {
    const entities = [entity('PER', 'Trump', 9), entity('PER', 'Donald Trump', 51), entity('PER', 'Cummings', 1), entity('PER', 'Elijah Cummings', 3)];
    const { hints, askAndWait } = hintsOver(entities);
    askAndWait();
    const donald = entityKey('PER', 'Donald Trump');
    assert.deepStrictEqual(hints.duplicatesOf(donald).map(({ entity: alone }) => alone.name), ['Trump']);
    assert.deepStrictEqual(hints.duplicatesOf(TRUMP), []);
    entities.splice(0, 1);
    assert.deepStrictEqual(hints.duplicatesOf(donald), [], 'merged away meanwhile');
  });

  it('tells its listeners when the pairs worked out differ from before, until they stop listening', () => {
    const entities = [entity('PER', 'Trump', 9), entity('PER', 'Donald Trump', 51)];
    const { hints, askAndWait } = hintsOver(entities);
    const heard: string[] = [];
    const stop = hints.onWorkedOut(() => heard.push(hints.of(TRUMP)?.reason === 'familyName' ? `Trump ${hints.of(TRUMP)?.entity.articleCount ?? 0}` : 'none'));
    const changeAndAsk = () => {
      hints.entitiesChanged();
      askAndWait();
    };
    askAndWait();
    changeAndAsk();
    entities[0] = entity('PER', 'Trump', 10);
    changeAndAsk();
    stop();
    entities[0] = entity('PER', 'Trump', 11);
    changeAndAsk();
    assert.deepStrictEqual(heard, ['Trump 9', 'Trump 10'], 'not of the same pairs again');
  });

  it('never works the pairs out at a hover: the first hover has them worked out a while later', () => {
    const { hints, listed, clock } = hintsOver([entity('PER', 'Trump', 9), entity('PER', 'Donald Trump', 51)]);
    assert.strictEqual(hints.of(TRUMP), undefined);
    assert.strictEqual(listed.times, 0);
    for (let hover = 0; hover < 5; hover++) hints.of(TRUMP);
    clock.advance(HINTS_DELAY_MS);
    assert.strictEqual(listed.times, 1);
    assert.strictEqual(hints.of(TRUMP)?.into.name, 'Donald Trump');
    assert.strictEqual(listed.times, 1);
  });

  it('works them out again after an ask once the entities have stopped changing, answering from the pairs of before meanwhile', () => {
    const entities = [entity('PER', 'Cummings', 1), entity('PER', 'Elijah Cummings', 12)];
    const { hints, listed, clock, askAndWait } = hintsOver(entities);
    askAndWait();
    entities.push(entity('PER', 'Dominic Cummings', 10));
    hints.entitiesChanged();
    assert.strictEqual(hints.of(CUMMINGS)?.into.name, 'Elijah Cummings', 'the pairs of before');
    clock.advance(HINTS_DELAY_MS / 2);
    hints.entitiesChanged(); // a scan's next batch: the wait starts again
    clock.advance(HINTS_DELAY_MS - 1);
    assert.strictEqual(listed.times, 1);
    clock.advance(1);
    assert.strictEqual(listed.times, 2);
    // Elijah's 12 articles are not three times Dominic's 10: no longer offered.
    assert.strictEqual(hints.of(CUMMINGS), undefined);
  });

  it('works nothing out while nobody asks, however often the entities change', () => {
    const { hints, listed, clock, askAndWait } = hintsOver([entity('PER', 'Trump', 9), entity('PER', 'Donald Trump', 51)]);
    askAndWait();
    for (let batch = 0; batch < 10; batch++) {
      hints.entitiesChanged();
      clock.advance(HINTS_DELAY_MS);
    }
    assert.deepStrictEqual([listed.times, clock.waiting], [1, 0]);
    askAndWait();
    assert.strictEqual(listed.times, 2, 'the next ask has them worked out');
  });

  it('leaves out a pair whose entity is gone, merged away say, before the pairs are worked out again', () => {
    const entities = [entity('PER', 'Cummings', 1), entity('PER', 'Elijah Cummings', 12)];
    const { hints, askAndWait } = hintsOver(entities);
    askAndWait();
    entities.shift();
    hints.entitiesChanged();
    assert.strictEqual(hints.of(CUMMINGS), undefined);
  });

  it('keeps one pair of a name in two: the first listed, neither chosen in advance', () => {
    const { hints, askAndWait } = hintsOver([entity('PER', 'Washington', 2), entity('PER', 'George Washington', 30), entity('LOC', 'Washington', 40)]);
    askAndWait();
    const pair = hints.of(entityKey('PER', 'Washington'));
    assert.strictEqual(pair?.into.name, 'George Washington');
    assert.strictEqual(pair?.likely, false);
  });

  it('leaves no timer behind once disposed, and sets none after', () => {
    const { hints, clock } = hintsOver([]);
    hints.of(TRUMP);
    hints.dispose();
    hints.entitiesChanged();
    hints.of(TRUMP);
    assert.strictEqual(clock.waiting, 0);
  });
});
