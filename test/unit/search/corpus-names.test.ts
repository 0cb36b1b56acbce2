import * as assert from 'assert';
import { EntityDirectory } from '../../../src/core/entity-directory';
import { CorpusNameLookup } from '../../../src/core/search/corpus-names';
import { SearchResponse } from '../../../src/core/search/corpus-index';
import { EntitySummary } from '../../../src/core/search/entity-listing';

const summary = (type: EntitySummary['type'], name: string, articleCount: number): EntitySummary => ({ key: `${type}:${name.toLowerCase()}`, name, type, aliases: [], articleCount, mentionCount: articleCount });
const ENTITIES = [summary('PER', 'Donald Trump', 50), summary('PER', 'Sergei Lavrov', 3), summary('LOC', 'Moscow', 9), summary('ORG', 'Trump Organization', 2)];

/** A directory over `entities` that counts how often it is listed. */
function directoryOver(entities: EntitySummary[]) {
  const listed = { times: 0 };
  const directory = {
    typeCounts: () => new Map((['PER', 'LOC', 'ORG', 'MISC'] as const).map((type) => [type, entities.filter((entity) => entity.type === type).length])),
    list: ({ type }: { type: EntitySummary['type'] }) => {
      if (type === 'PER') listed.times++;
      const found = entities.filter((entity) => entity.type === type);
      return { total: found.length, entities: found };
    },
  } as Partial<EntityDirectory> as EntityDirectory;
  return { directory, listed };
}

const answer = (total: number): SearchResponse => ({ ok: true, total, hits: [], tookMs: 0, fuzzy: false }) as unknown as SearchResponse;

describe('CorpusNameLookup', () => {
  it('says a filter finds something when its search alone does, or cannot be asked yet', () => {
    const { directory } = directoryOver(ENTITIES);
    assert.strictEqual(new CorpusNameLookup(() => answer(0), directory).finds('person:Trunp'), false);
    assert.strictEqual(new CorpusNameLookup(() => answer(2), directory).finds('person:Trump'), true);
    assert.strictEqual(new CorpusNameLookup(() => undefined, directory).finds('person:Trunp'), true, 'still indexing: nothing is offered');
  });

  it('names the nearest entity of the type, of any type for none, listing the entities once until they change', () => {
    const entities = [...ENTITIES];
    const { directory, listed } = directoryOver(entities);
    const names = new CorpusNameLookup(() => answer(0), directory);
    assert.strictEqual(names.nearest('PER', 'Trunp'), 'Donald Trump');
    assert.strictEqual(names.nearest('ORG', 'Trunp'), 'Trump Organization');
    assert.strictEqual(names.nearest(undefined, 'Moskow'), 'Moscow');
    assert.strictEqual(names.nearest('PER', 'Zzyzx'), undefined);
    assert.strictEqual(listed.times, 1);
    entities.push(summary('PER', 'Dmitry Peskov', 4));
    assert.strictEqual(names.nearest('PER', 'Peskpv'), undefined, 'the list of before');
    names.entitiesChanged();
    assert.strictEqual(names.nearest('PER', 'Peskpv'), 'Dmitry Peskov');
    assert.strictEqual(listed.times, 2);
    assert.strictEqual(names.nearest('PER', 'Tru'), undefined, 'too short to have near spellings');
    names.entitiesChanged();
    assert.strictEqual(names.nearest('PER', 'Tru'), undefined);
    assert.strictEqual(listed.times, 2, 'nor listed for it');
    // For any type, the better known first at equal typos: the place, though people are listed first.
    const tie = new CorpusNameLookup(() => answer(0), directoryOver([summary('PER', 'Ivan Moscov', 1), ...ENTITIES]).directory);
    assert.strictEqual(tie.nearest('PER', 'Moscou'), 'Ivan Moscov');
    assert.strictEqual(tie.nearest(undefined, 'Moscou'), 'Moscow');
  });

  it('passes over the entity it is told to, for another near one', () => {
    const names = new CorpusNameLookup(() => answer(0), directoryOver([summary('PER', 'Paul Volcker', 9), summary('PER', 'Volcker', 2), ...ENTITIES]).directory);
    assert.strictEqual(names.nearest('PER', 'Volker'), 'Paul Volcker');
    assert.strictEqual(names.nearest('PER', 'Volker', 'PER:paul volcker'), 'Volcker');
  });

  it('reads the names once for a name asked again, until the entities change', () => {
    const reads = { names: 0 };
    const counted = { ...summary('PER', 'Donald Trump', 50), get name() { reads.names++; return 'Donald Trump'; } };
    const names = new CorpusNameLookup(() => answer(0), directoryOver([counted]).directory);
    assert.strictEqual(names.nearest('PER', 'Trunp'), 'Donald Trump');
    const once = reads.names;
    assert.strictEqual(names.nearest('PER', 'Trunp'), 'Donald Trump');
    assert.strictEqual(reads.names, once);
    names.entitiesChanged();
    names.nearest('PER', 'Trunp');
    assert.ok(reads.names > once);
  });
});
