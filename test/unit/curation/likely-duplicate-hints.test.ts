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
function hintsOver(entities: EntitySummary[], clock = new ManualClock()) {
  const listed = { times: 0 };
  const hints = new LikelyDuplicateHints(
    () => {
      listed.times++;
      return entities;
    },
    clock,
  );
  return { hints, listed, clock };
}

describe('LikelyDuplicateHints', () => {
  it('names the full name a name alone likely stands for, and nothing for the full name itself', () => {
    const { hints } = hintsOver([entity('PER', 'Trump', 9), entity('PER', 'Donald Trump', 51), entity('PER', 'Melania Trump', 2)]);
    assert.strictEqual(hints.of(entityKey('PER', 'Trump'))?.into.name, 'Donald Trump');
    assert.strictEqual(hints.of(entityKey('PER', 'Trump'))?.likely, true);
    assert.strictEqual(hints.of(entityKey('PER', 'Donald Trump')), undefined);
  });

  it('works the pairs out once, however many hovers ask', () => {
    const { hints, listed } = hintsOver([entity('PER', 'Trump', 9), entity('PER', 'Donald Trump', 51)]);
    for (let hover = 0; hover < 5; hover++) hints.of(entityKey('PER', 'Trump'));
    assert.strictEqual(listed.times, 1);
  });

  it('works them out again, ahead of the next hover, once the entities have stopped changing', () => {
    const entities = [entity('PER', 'Cummings', 1), entity('PER', 'Elijah Cummings', 12)];
    const { hints, listed, clock } = hintsOver(entities);
    assert.strictEqual(hints.of(entityKey('PER', 'Cummings'))?.into.name, 'Elijah Cummings');
    entities.push(entity('PER', 'Dominic Cummings', 10));
    hints.entitiesChanged();
    clock.advance(HINTS_DELAY_MS / 2);
    hints.entitiesChanged(); // a scan's next batch: the wait starts again
    clock.advance(HINTS_DELAY_MS - 1);
    assert.strictEqual(listed.times, 1);
    clock.advance(1);
    assert.strictEqual(listed.times, 2);
    // Elijah's 12 articles are not three times Dominic's 10: no longer offered.
    assert.strictEqual(hints.of(entityKey('PER', 'Cummings')), undefined);
    assert.strictEqual(listed.times, 2);
  });

  it('answers a hover between a change and the pause after it from the entities as they are', () => {
    const entities = [entity('PER', 'Cummings', 1)];
    const { hints, listed, clock } = hintsOver(entities);
    assert.strictEqual(hints.of(entityKey('PER', 'Cummings')), undefined);
    entities.push(entity('PER', 'Elijah Cummings', 12));
    hints.entitiesChanged();
    assert.strictEqual(hints.of(entityKey('PER', 'Cummings'))?.into.name, 'Elijah Cummings');
    clock.advance(HINTS_DELAY_MS);
    assert.strictEqual(listed.times, 2, 'the hover worked them out; the timer had nothing left to do');
  });

  it('keeps one pair of a name in two: the first listed, neither chosen in advance', () => {
    const { hints } = hintsOver([entity('PER', 'Washington', 2), entity('PER', 'George Washington', 30), entity('LOC', 'Washington', 40)]);
    const pair = hints.of(entityKey('PER', 'Washington'));
    assert.strictEqual(pair?.into.name, 'George Washington');
    assert.strictEqual(pair?.likely, false);
  });

  it('leaves no timer behind once disposed', () => {
    const { hints, clock } = hintsOver([]);
    hints.entitiesChanged();
    hints.dispose();
    assert.strictEqual(clock.waiting, 0);
  });
});
