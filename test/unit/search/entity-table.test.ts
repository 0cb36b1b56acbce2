import * as assert from 'assert';
import * as fc from 'fast-check';
import { EntityTable } from '../../../src/core/search/entity-table';

describe('EntityTable.register', () => {
  const KEY = 'PER:kim jong-un';

  it('counts case variants of the key as forms and roles once per lower-case form with their first spelling, over any batches', () => {
    // Forms: case variants of the key's identity, and other names that must never count as forms.
    const form = fc.constantFrom('Kim Jong-un', 'Kim Jong-Un', 'KIM JONG-UN', 'kim jong-un', 'Kim', 'Jong-un', 'The Kim Jong-un');
    const role = fc.constantFrom('leader', 'Leader', 'LEADER', 'dictator', 'North Korean leader', 'North Korean Leader');
    const batch = fc.record({
      forms: fc.uniqueArray(fc.record({ text: form, count: fc.integer({ min: 1, max: 5 }) }), { selector: (entry) => entry.text, maxLength: 4 }),
      roles: fc.uniqueArray(fc.record({ text: role, count: fc.integer({ min: 1, max: 3 }) }), { selector: (entry) => entry.text, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 8 }), (batches) => {
        const table = new EntityTable();
        const forms = new Map<string, number>();
        const roles = new Map<string, { text: string; count: number }>();
        for (const { forms: batchForms, roles: batchRoles } of batches) {
          table.register({ key: KEY, name: 'Kim Jong-un', type: 'PER', aliases: [], forms: batchForms, roles: batchRoles }, 7);
          for (const { text, count } of batchForms) {
            // 'The Kim Jong-un' is a case variant too: the identity drops a leading "the".
            if (/^(the )?kim jong-un$/i.test(text)) forms.set(text, (forms.get(text) ?? 0) + count);
          }
          for (const { text, count } of batchRoles) {
            const known = roles.get(text.toLowerCase());
            if (known) known.count += count;
            else roles.set(text.toLowerCase(), { text, count });
          }
        }
        assert.deepStrictEqual(new Map(table.formsOf(KEY).map(({ text, count }) => [text, count])), forms);
        const expectedRoles = [...roles.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
        assert.deepStrictEqual(table.rolesOf(KEY), expectedRoles);
      }),
      { numRuns: 500 },
    );
  });
});

describe('EntityTable.uncountForm', () => {
  const KEY = 'PER:kim jong-un';
  /** The score the table names an entity by: mentions, a form in capitals only below any other. */
  const score = (text: string, count: number) => count + (text === text.toUpperCase() ? 0 : 1e9);

  it('leaves the counts that the articles still in hold, and the entity named by the form written most', () => {
    const form = fc.constantFrom('Kim Jong-un', 'Kim Jong-Un', 'KIM JONG-UN', 'Kim');
    const article = fc.uniqueArray(fc.record({ text: form, count: fc.integer({ min: 1, max: 5 }) }), { selector: (entry) => entry.text, minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.record({ forms: article, leaves: fc.boolean() }), { minLength: 1, maxLength: 8 }), (articles) => {
        const table = new EntityTable();
        for (const { forms } of articles) table.register({ key: KEY, name: 'Kim Jong-un', type: 'PER', aliases: [], forms, roles: [] }, 7);
        const left = new Map<string, number>();
        for (const { forms, leaves } of articles) {
          for (const { text, count } of forms) {
            const number = table.formNumber(7, text);
            if (text === 'Kim') assert.strictEqual(number, undefined, 'a short form is no form of the name');
            else if (number === undefined) assert.fail(`${text} has no number`);
            else if (leaves) table.uncountForm(7, number, count);
            else left.set(text, (left.get(text) ?? 0) + count);
          }
        }
        const counted = table.formsOf(KEY).filter(({ count }) => count > 0);
        assert.deepStrictEqual(new Map(counted.map(({ text, count }) => [text, count])), left);
        const name = table.get(KEY)?.name ?? '';
        const nameCount = table.formsOf(KEY).find(({ text }) => text === name)?.count ?? 0;
        for (const { text, count } of counted) assert.ok(score(text, count) <= score(name, nameCount), `${name} (${nameCount}) over ${text} (${count})`);
      }),
      { numRuns: 500 },
    );
  });
});
