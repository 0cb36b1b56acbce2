import * as assert from 'assert';
import { renameCollision, renameMergeQuestion, retypeCollision } from '../../../src/core/curation/rename-collision';
import { entityKey } from '../../../src/core/entities/article-entities';
import { EntityRef } from '../../../src/core/facts/corrections';

const TRUMP: EntityRef = { type: 'PER', name: 'Donald Trump' };
const BIDEN: EntityRef = { type: 'PER', name: 'Joe Biden' };
const GEORGIA: EntityRef = { type: 'LOC', name: 'Georgia' };

/** The corpus's entities by key, as the corrected directory answers: a name merged into another has no summary. */
function directory(...entities: EntityRef[]): (key: string) => { key: string; name: string } | undefined {
  const byKey = new Map(entities.map((entity) => [entityKey(entity.type, entity.name), { key: entityKey(entity.type, entity.name), name: entity.name }]));
  return (key) => byKey.get(key);
}

describe('renameCollision and retypeCollision', () => {
  const corpus = directory(TRUMP, BIDEN, GEORGIA);

  it('finds the entity of that type that already has the new name, in any case', () => {
    assert.deepStrictEqual(renameCollision(TRUMP, 'Joe Biden', corpus), BIDEN);
    assert.deepStrictEqual(renameCollision(TRUMP, 'joe  BIDEN', corpus), BIDEN, 'as the corpus matches names');
  });

  it('lets a new name, the entity\'s own, or another type\'s name through', () => {
    assert.strictEqual(renameCollision(TRUMP, 'Donald J. Trump', corpus), undefined);
    assert.strictEqual(renameCollision(TRUMP, 'DONALD TRUMP', corpus), undefined);
    assert.strictEqual(renameCollision({ type: 'PER', name: 'Georgia Smith' }, 'Georgia', corpus), undefined, 'Georgia is a place, not a person');
  });

  it('finds, for a change of type, the entity of the new type with the same name', () => {
    const georgiaTheState: EntityRef = { type: 'ORG', name: 'GEORGIA' };
    assert.deepStrictEqual(retypeCollision(georgiaTheState, 'LOC', corpus), GEORGIA, 'as the corpus writes it');
    assert.strictEqual(retypeCollision(GEORGIA, 'ORG', corpus), undefined, 'no organization is called Georgia');
    assert.strictEqual(retypeCollision(TRUMP, 'LOC', corpus), undefined);
  });

  it('asks before the merge, naming both and the type', () => {
    assert.strictEqual(renameMergeQuestion(TRUMP, BIDEN), 'News Corpus: "Joe Biden" is already a person in the corpus: merge "Donald Trump" into it?');
    assert.strictEqual(renameMergeQuestion({ type: 'ORG', name: 'UN' }, { type: 'ORG', name: 'United Nations' }), 'News Corpus: "United Nations" is already an organization in the corpus: merge "UN" into it?');
  });
});
