import * as assert from 'assert';
import { applyEdits } from 'jsonc-parser';
import { CorrectionContext, correctedFactsText, correctionChanges, undoneFactsText } from '../../../src/core/facts/correction-writer';
import { Correction, aliasOfRef, keyOfRef, refOfAlias } from '../../../src/core/facts/corrections';
import { parseFacts } from '../../../src/core/facts/entity-facts';
import { changeBetween } from '../../../src/core/facts/text-changes';

/** The engine's entities in these tests: everything but the names the user made up. */
const MADE_UP = new Set(['PER:vladimir putin', 'PER:v. v. putin', 'LOC:washington', 'ORG:washington']);
const context: CorrectionContext = { isEngineEntity: (key) => !MADE_UP.has(key) };

const correct = (text: string, ...corrections: Correction[]) => correctedFactsText(text, corrections, context);
const json = (text: string): unknown => JSON.parse(text);
const person = (name: string) => ({ type: 'PER' as const, name });

const FACTS = `{
  "$schema": "./schema.json",
  "people": {
    "Putin": {
      "description": "President of Russia",
      "party": "United Russia"
    },
    "Kim Jong-un": { "hidden": true }
  },
  "places": { "Khasan": { "description": "Border town" } }
}
`;

describe('correctedFactsText', () => {
  it('renames an entity: an entry with the new name whose alias is the old one', () => {
    assert.deepStrictEqual(json(correct('', { kind: 'rename', entity: person('Vladmir Putin'), to: 'Vladimir Putin' })), {
      people: { 'Vladimir Putin': { aliases: ['Vladmir Putin'] } },
    });
  });

  it('renaming back to the engine\'s own name removes the alias, and the entry and group it leaves empty', () => {
    const renamed = correct('{\n  "places": {}\n}\n', { kind: 'rename', entity: person('Vladmir Putin'), to: 'Vladimir Putin' });
    const back = correct(renamed, { kind: 'rename', entity: person('Vladimir Putin'), to: 'Vladmir Putin' });
    assert.deepStrictEqual(json(back), { places: {} });
  });

  it('renaming twice keeps one entry with the engine\'s name as its only alias', () => {
    const once = correct('', { kind: 'rename', entity: person('Vladmir Putin'), to: 'Vladimir Putin' });
    const twice = correct(once, { kind: 'rename', entity: person('Vladimir Putin'), to: 'V. V. Putin' });
    assert.deepStrictEqual(json(twice), { people: { 'V. V. Putin': { aliases: ['Vladmir Putin'] } } });
  });

  it('renaming an entity with facts moves its facts and unknown fields to the new name', () => {
    const after = correct(FACTS, { kind: 'rename', entity: person('Putin'), to: 'Vladimir Putin' });
    assert.deepStrictEqual(json(after), {
      $schema: './schema.json',
      people: {
        'Kim Jong-un': { hidden: true },
        'Vladimir Putin': { description: 'President of Russia', party: 'United Russia', aliases: ['Putin'] },
      },
      places: { Khasan: { description: 'Border town' } },
    });
    // The entries the rename did not touch keep their exact text.
    assert.ok(after.includes('"Kim Jong-un": { "hidden": true }') && after.includes('"places": { "Khasan": { "description": "Border town" } }'), after);
  });

  it('merges entities into the chosen one, moving their entries\' aliases and facts (the target\'s facts win)', () => {
    const text = JSON.stringify({
      people: {
        Putin: { description: 'Short form', role: 'President', aliases: ['Mr Putin'], links: ['https://a'] },
        'Vladimir V. Putin': { description: 'The president', links: ['https://b'] },
      },
    });
    const merged = correct(text, { kind: 'merge', entities: [person('Putin'), person('V. Putin'), person('Vladimir V. Putin')], into: person('Vladimir V. Putin') });
    assert.deepStrictEqual(json(merged), {
      people: { 'Vladimir V. Putin': { description: 'The president', links: ['https://b', 'https://a'], role: 'President', aliases: ['Mr Putin', 'Putin', 'V. Putin'] } },
    });
  });

  it('merging A into B, then B into A, leaves A with the alias B and no cycle', () => {
    const ab = correct('', { kind: 'merge', entities: [person('A'), person('B')], into: person('B') });
    assert.deepStrictEqual(json(ab), { people: { B: { aliases: ['A'] } } });
    const ba = correct(ab, { kind: 'merge', entities: [person('B'), person('A')], into: person('A') });
    assert.deepStrictEqual(json(ba), { people: { A: { aliases: ['B'] } } });
  });

  it('a new claim of an entity removes the older claim of another entry', () => {
    const text = JSON.stringify({ people: { X: { aliases: ['Kim', 'Other'] } } });
    assert.deepStrictEqual(json(correct(text, { kind: 'merge', entities: [person('Kim')], into: person('Kim Jong-un') })), {
      people: { X: { aliases: ['Other'] }, 'Kim Jong-un': { aliases: ['Kim'] } },
    });
  });

  it('merging into an entity that another entry claims makes it canonical on its own', () => {
    const text = JSON.stringify({ people: { X: { aliases: ['Kim Jong-un'] } } });
    assert.deepStrictEqual(json(correct(text, { kind: 'merge', entities: [person('Kim')], into: person('Kim Jong-un') })), {
      people: { 'Kim Jong-un': { aliases: ['Kim'] } },
    });
  });

  it('merging entities of other types writes their names typed, and chains of entries are flattened', () => {
    const text = JSON.stringify({ people: { B: { aliases: ['C'] } } });
    const merged = correct(text, { kind: 'merge', entities: [person('B'), { type: 'ORG', name: 'Acme' }], into: { type: 'LOC', name: 'Place' } });
    assert.deepStrictEqual(json(merged), { places: { Place: { aliases: ['person:C', 'person:B', 'organization:Acme'] } } });
  });

  it('merging an entity with itself, or with another writing of its name, changes nothing', () => {
    assert.strictEqual(correct(FACTS, { kind: 'merge', entities: [person('putin'), person('PUTIN')], into: person('Putin') }), FACTS);
  });

  it('renames to another writing of the same name: the entry takes it, the old writing an alias of its own key, and back', () => {
    const cased = correct('', { kind: 'rename', entity: person('Kim Jong-un'), to: 'Kim Jong-Un' });
    assert.deepStrictEqual(json(cased), { people: { 'Kim Jong-Un': { aliases: ['Kim Jong-un'] } } });
    assert.deepStrictEqual(json(correct(cased, { kind: 'rename', entity: person('Kim Jong-Un'), to: 'KIM JONG-UN' })), { people: { 'KIM JONG-UN': { aliases: ['Kim Jong-un'] } } });
    assert.deepStrictEqual(json(correct(cased, { kind: 'rename', entity: person('Kim Jong-Un'), to: 'Kim Jong-un' })), {});
    // A merge into it, and a split of what it took in, keep the writing (review34: the alias was dropped, and "Kim Jong-un" shown again).
    const merged = correct(cased, { kind: 'merge', entities: [person('Kim')], into: person('Kim Jong-Un') });
    assert.deepStrictEqual(json(merged), { people: { 'Kim Jong-Un': { aliases: ['Kim Jong-un', 'Kim'] } } });
    assert.deepStrictEqual(json(correct(merged, { kind: 'split', entity: person('Kim Jong-Un'), alias: 'Kim' })), { people: { 'Kim Jong-Un': { aliases: ['Kim Jong-un'] } } });
    const withFacts = correct(FACTS, { kind: 'rename', entity: person('Putin'), to: 'PUTIN' });
    assert.deepStrictEqual((json(withFacts) as { people: unknown }).people, {
      'Kim Jong-un': { hidden: true },
      PUTIN: { description: 'President of Russia', party: 'United Russia', aliases: ['Putin'] },
    });
  });

  it('retypes an entity into an entry of the new group whose alias is the typed old name, and back', () => {
    const retyped = correct(FACTS, { kind: 'retype', entity: person('Kim Jong-un'), to: 'LOC' });
    assert.deepStrictEqual((json(retyped) as { places: unknown }).places, { Khasan: { description: 'Border town' }, 'Kim Jong-un': { hidden: true, aliases: ['person:Kim Jong-un'] } });
    const washington = correct('', { kind: 'retype', entity: person('Washington'), to: 'LOC' });
    assert.deepStrictEqual(json(washington), { places: { Washington: { aliases: ['person:Washington'] } } });
    const back = correct(washington, { kind: 'retype', entity: { type: 'LOC', name: 'Washington' }, to: 'PER' });
    assert.deepStrictEqual(json(back), {});
  });

  it('retyping twice keeps the engine\'s entity as the alias', () => {
    const twice = correct(correct('', { kind: 'retype', entity: person('Washington'), to: 'LOC' }), { kind: 'retype', entity: { type: 'LOC', name: 'Washington' }, to: 'ORG' });
    assert.deepStrictEqual(json(twice), { organizations: { Washington: { aliases: ['person:Washington'] } } });
  });

  it('splits an alias of the file out of the entry that claims it', () => {
    const text = JSON.stringify({ people: { 'Vladimir Putin': { aliases: ['Putin', 'place:Putin'], role: 'President' } } });
    assert.deepStrictEqual(json(correct(text, { kind: 'split', entity: person('Vladimir Putin'), alias: 'Putin' })), {
      people: { 'Vladimir Putin': { aliases: ['place:Putin'], role: 'President' } },
    });
    assert.deepStrictEqual(json(correct(text, { kind: 'split', entity: person('Vladimir Putin'), alias: 'place:Putin' })), {
      people: { 'Vladimir Putin': { aliases: ['Putin'], role: 'President' } },
    });
  });

  it('splits a form the engine merged by listing it in "split"; merging it back removes it from there', () => {
    const split = correct('', { kind: 'split', entity: person('Kim Jong-un'), alias: 'Kim' });
    assert.deepStrictEqual(json(split), { people: { 'Kim Jong-un': { split: ['Kim'] } } });
    assert.strictEqual(correct(split, { kind: 'split', entity: person('Kim Jong-un'), alias: 'kim' }), split);
    assert.deepStrictEqual(json(correct(split, { kind: 'merge', entities: [person('Kim')], into: person('Kim Jong-un') })), { people: { 'Kim Jong-un': { aliases: ['Kim'] } } });
  });

  it('does not split a spelling of the entity\'s own name', () => {
    assert.strictEqual(correct(FACTS, { kind: 'split', entity: person('Kim Jong-un'), alias: 'Kim Jong-Un' }), FACTS);
  });

  it('ignores a name everywhere or in one article, and the two cancel each other\'s add', () => {
    const method = { type: 'MISC' as const, name: 'Method' };
    const inOne = correct('', { kind: 'ignore', entity: method, article: 'papers/a.txt' }, { kind: 'ignore', entity: method, article: 'papers/b.txt' }, { kind: 'ignore', entity: method, article: 'papers/a.txt' });
    assert.deepStrictEqual(json(inOne), { other: { Method: { ignoreIn: ['papers/a.txt', 'papers/b.txt'] } } });
    const everywhere = correct(inOne, { kind: 'ignore', entity: method });
    assert.deepStrictEqual(json(everywhere), { other: { Method: { ignore: true } } });
    assert.strictEqual(correct(everywhere, { kind: 'ignore', entity: method, article: 'papers/c.txt' }), everywhere);
    assert.deepStrictEqual(json(correct(everywhere, { kind: 'add', entity: method })), { other: { Method: { add: true } } });
  });

  it('adds a name everywhere or in one article; adding in an article cancels ignoring it there', () => {
    const jane = person('Jane Doe');
    const ignored = correct('', { kind: 'ignore', entity: jane, article: 'a.txt' });
    assert.deepStrictEqual(json(correct(ignored, { kind: 'add', entity: jane, article: 'a.txt' })), { people: { 'Jane Doe': { addIn: ['a.txt'] } } });
    assert.deepStrictEqual(json(correct(ignored, { kind: 'add', entity: jane })), { people: { 'Jane Doe': { add: true } } });
    const added = correct('', { kind: 'add', entity: jane });
    assert.strictEqual(correct(added, { kind: 'add', entity: jane, article: 'b.txt' }), added);
    assert.deepStrictEqual(json(correct(added, { kind: 'ignore', entity: jane, article: 'b.txt' })), { people: { 'Jane Doe': { add: true, ignoreIn: ['b.txt'] } } });
  });

  it('keeps the file\'s tabs and CRLF line ends, and its other groups and unknown top-level fields', () => {
    const text = '{\r\n\t"version": 2,\r\n\t"people": {\r\n\t\t"Putin": {\r\n\t\t\t"role": "President"\r\n\t\t}\r\n\t}\r\n}\r\n';
    const after = correct(text, { kind: 'rename', entity: person('Putin'), to: 'Vladimir Putin' });
    assert.strictEqual(after, '{\r\n\t"version": 2,\r\n\t"people": {\r\n\t\t"Vladimir Putin": {\r\n\t\t\t"role": "President",\r\n\t\t\t"aliases": ["Putin"]\r\n\t\t}\r\n\t}\r\n}\r\n');
  });

  it('adds new entries in alphabetical order among the names', () => {
    const after = correct(FACTS, { kind: 'add', entity: person('Jane Doe') });
    const names = Object.keys((json(after) as { people: object }).people);
    // Before the first name that sorts after it (the file's own order is not changed).
    assert.deepStrictEqual(names, ['Jane Doe', 'Putin', 'Kim Jong-un']);
  });

  it('leaves an empty text empty when nothing changes, and always writes what the facts reader accepts', () => {
    assert.strictEqual(correct('', { kind: 'split', entity: person('A'), alias: 'a' }), '');
    const after = correct(FACTS, { kind: 'ignore', entity: person('Putin') }, { kind: 'merge', entities: [person('Kim')], into: person('Kim Jong-un') });
    const parsed = parseFacts(after);
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.entries?.get('PER:kim jong-un')?.facts.hidden, true);
  });
});

describe('correctionChanges', () => {
  it('is one change that leaves the text around it as it was', () => {
    const changes = correctionChanges(FACTS, { kind: 'ignore', entity: person('Kim Jong-un') }, context);
    assert.strictEqual(changes.length, 1);
    const after = applyEdits(FACTS, changes);
    const entry = FACTS.indexOf('{ "hidden": true }');
    assert.ok(changes[0] && changes[0].offset >= entry && changes[0].offset + changes[0].length <= entry + '{ "hidden": true }'.length);
    assert.deepStrictEqual(parseFacts(after).entries?.get('PER:kim jong-un')?.facts.hidden, true);
    assert.ok(/"ignore": true/.test(after));
  });
});

describe('entity references in aliases', () => {
  it('reads a bare name as the entry\'s type and a kind before a colon as that type', () => {
    assert.deepStrictEqual(refOfAlias('place:Washington', 'PER'), { type: 'LOC', name: 'Washington' });
    assert.deepStrictEqual(refOfAlias('Organization: Acme', 'PER'), { type: 'ORG', name: 'Acme' });
    assert.deepStrictEqual(refOfAlias('Re: Politics', 'MISC'), { type: 'MISC', name: 'Re: Politics' });
    assert.strictEqual(aliasOfRef({ type: 'MISC', name: 'Olympics' }, 'ORG'), 'other:Olympics');
    assert.strictEqual(aliasOfRef({ type: 'ORG', name: 'Acme' }, 'ORG'), 'Acme');
    assert.strictEqual(keyOfRef({ type: 'ORG', name: 'The Acme' }), 'ORG:acme');
  });
});

describe('changeBetween', () => {
  it('finds the one changed part', () => {
    assert.deepStrictEqual(changeBetween('abc', 'abc'), []);
    assert.deepStrictEqual(changeBetween('abcd', 'abXYd'), [{ offset: 2, length: 1, content: 'XY' }]);
    assert.deepStrictEqual(changeBetween('aaa', 'aaaa'), [{ offset: 3, length: 0, content: 'a' }]);
  });
});

describe('undoneFactsText: one written correction taken back', () => {
  const ignore = (name: string): Correction => ({ kind: 'ignore', entity: person(name) });

  it('gives the text before when nothing changed since, and keeps a colleague\'s edits of other entries', () => {
    const first = correct(FACTS, ignore('Kim Min-Woo'));
    assert.strictEqual(undoneFactsText(FACTS, first, first), FACTS);
    const theirs = first.replace('"President of Russia"', '"President of the Russian Federation"');
    assert.strictEqual(undoneFactsText(FACTS, first, theirs), FACTS.replace('"President of Russia"', '"President of the Russian Federation"'));
  });

  it('takes back an older correction whose entry no later one touched, leaving the later one (qa23)', () => {
    const first = correct('', ignore('Kim Min-Woo'));
    const second = correct(first, ignore('Kim Shin-Wook'));
    assert.deepStrictEqual(json(undoneFactsText('', first, second) ?? ''), { people: { 'Kim Shin-Wook': { ignore: true } } });
    // Several entries at once (a merge removes one entry and changes another), with an unrelated entry written after.
    const merged = correct(FACTS, { kind: 'merge', entities: [person('Putin'), person('Vladimir Putin')], into: person('Vladimir Putin') });
    const later = correct(merged, ignore('Kim Min-Woo'));
    assert.deepStrictEqual(json(undoneFactsText(FACTS, merged, later) ?? ''), json(correct(FACTS, ignore('Kim Min-Woo'))));
  });

  it('refuses when an entry the correction wrote has changed since, or the file is not valid JSON', () => {
    const first = correct('', ignore('Kim Min-Woo'));
    const renamed = correct(first, { kind: 'rename', entity: person('Kim Min-Woo'), to: 'Kim Min-woo Jr' });
    assert.strictEqual(undoneFactsText('', first, renamed), undefined);
    assert.strictEqual(undoneFactsText('', first, first.replace('"ignore": true', '"ignore": true, "notes": "checked"')), undefined);
    assert.strictEqual(undoneFactsText('', first, `${first.trimEnd().slice(0, -1)},}`), undefined);
  });
});
