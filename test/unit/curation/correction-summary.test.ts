import * as assert from 'assert';
import { correctionMessages, correctionSummary, duplicatesSummary, importSummary } from '../../../src/core/curation/correction-summary';
import { Correction } from '../../../src/core/facts/corrections';

const person = (name: string) => ({ type: 'PER' as const, name });

describe('the messages about a correction and its undo (qa23)', () => {
  it('read as English for every kind of correction: what was done, and what Undo undid', () => {
    const corrections: Correction[] = [
      { kind: 'rename', entity: person('Kimura'), to: 'Kimura Taro' },
      { kind: 'retype', entity: person('Apple'), to: 'ORG' },
      { kind: 'merge', entities: [person('Putin'), person('V. Putin'), person('Vladimir Putin')], into: person('Vladimir Putin') },
      { kind: 'merge', entities: [{ type: 'ORG', name: 'Germany' }, { type: 'LOC', name: 'Germany' }], into: { type: 'LOC', name: 'Germany' } },
      { kind: 'split', entity: person('Kim Jong-un'), alias: 'Kim' },
      { kind: 'ignore', entity: person('Kimura') },
      { kind: 'ignore', entity: person('Kimura'), article: 'news/a.txt' },
      { kind: 'add', entity: { type: 'ORG', name: 'agreement' }, article: 'news/a.txt' },
      { kind: 'add', entity: { type: 'MISC', name: 'Olympics' } },
    ];
    assert.deepStrictEqual(
      corrections.map((correction) => {
        const { done, undone } = correctionMessages(correctionSummary(correction));
        return [done, undone];
      }),
      [
        ['renamed "Kimura" to "Kimura Taro".', 'undid renaming "Kimura" to "Kimura Taro".'],
        ['"Apple" is now an organization.', 'undid making "Apple" an organization.'],
        ['merged "Putin", "V. Putin" into "Vladimir Putin".', 'undid merging "Putin", "V. Putin" into "Vladimir Putin".'],
        ['merged "Germany" (organization) into "Germany" (place).', 'undid merging "Germany" (organization) into "Germany" (place).'],
        ['split "Kim" off "Kim Jong-un".', 'undid splitting "Kim" off "Kim Jong-un".'],
        ['ignored "Kimura" everywhere.', 'undid ignoring "Kimura" everywhere.'],
        ['ignored "Kimura" in news/a.txt.', 'undid ignoring "Kimura" in news/a.txt.'],
        ['"agreement" is an organization in news/a.txt.', 'undid marking "agreement" as an organization in news/a.txt.'],
        ['"Olympics" is a name of another kind everywhere.', 'undid marking "Olympics" as a name of another kind everywhere.'],
      ],
    );
    const imported = correctionMessages(importSummary(3, 'entities.csv'));
    assert.deepStrictEqual([imported.done, imported.undone], ['imported 3 changes from entities.csv.', 'undid importing 3 changes from entities.csv.']);
    const trump = { type: 'PER' as const, name: 'Donald Trump' };
    const merged = correctionMessages(duplicatesSummary([{ kind: 'merge', entities: [trump, { type: 'PER', name: 'Trump' }, { type: 'PER', name: 'Donald J. Trump' }], into: trump }]));
    assert.deepStrictEqual([merged.done, merged.undone], ['merged 2 likely duplicates: "Trump" into "Donald Trump" and 1 more.', 'undid merging 2 likely duplicates.']);
    const one = correctionMessages(duplicatesSummary([{ kind: 'merge', entities: [trump, { type: 'PER', name: 'Trump' }], into: trump }]));
    assert.strictEqual(one.done, 'merged 1 likely duplicate: "Trump" into "Donald Trump".');
    const retyped = correctionMessages(duplicatesSummary([{ kind: 'merge', entities: [{ type: 'LOC', name: 'Twitter' }, { type: 'ORG', name: 'Twitter' }], into: { type: 'ORG', name: 'Twitter' } }]));
    assert.strictEqual(retyped.done, 'merged 1 likely duplicate: "Twitter" (place) into "Twitter" (organization).');
  });

  it('says plainly why an Undo does nothing: changed since, already undone, or too long ago', () => {
    const messages = correctionMessages(correctionSummary({ kind: 'ignore', entity: person('Kim Min-Woo') }));
    assert.strictEqual(messages.alreadyUndone, 'ignoring "Kim Min-Woo" everywhere was already undone.');
    assert.match(messages.changedSince, /^ignoring "Kim Min-Woo" everywhere cannot be undone alone: what it wrote in the facts file was changed since\. Use Undo in the facts file, or edit it\.$/);
    assert.match(messages.forgotten, /^ignoring "Kim Min-Woo" everywhere is too long ago to be undone from here\./);
  });
});
