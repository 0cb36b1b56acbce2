import * as assert from 'assert';
import { applyEdits } from 'jsonc-parser';
import { parseFacts } from '../../../src/core/facts/entity-facts';
import { addFactsEntry, formattingOf, newFactsFileText } from '../../../src/core/facts/facts-edit';
import { FactsStore } from '../../../src/core/facts/facts-store';
import { lineAndCharacter } from '../../../src/core/text-position';

const FACTS = `{
  "people": {
    "Vladimir Putin": {
      "description": "President of Russia",
      "role": "President",
      "born": "1952-10-07",
      "links": ["https://en.wikipedia.org/wiki/Vladimir_Putin"],
      "notes": "",
      "party": "United Russia",
      "terms": [2000, 2004, 2012],
      "sources": { "checked": true }
    },
    "Kim Jong-Un": { "hidden": true }
  },
  "places": { "Khasan": { "description": "Border town" } }
}
`;
const SOURCE = 'file:///news/.newscorpus/entities.json';

describe('parseFacts', () => {
  it('reads entries by entity key, with the known fields, the free ones as text, and where the name is', () => {
    const { entries, problems } = parseFacts(FACTS);
    assert.deepStrictEqual(problems, []);
    const putin = entries?.get('PER:vladimir putin');
    assert.ok(putin);
    assert.deepStrictEqual(putin.facts, {
      description: 'President of Russia',
      role: 'President',
      born: '1952-10-07',
      links: ['https://en.wikipedia.org/wiki/Vladimir_Putin'],
      hidden: false,
      more: [
        { field: 'party', value: 'United Russia' },
        { field: 'terms', value: '2000, 2004, 2012' },
        { field: 'sources', value: '{"checked":true}' },
      ],
    });
    assert.strictEqual(FACTS.slice(putin.offset, putin.offset + putin.length), '"Vladimir Putin"');
    assert.strictEqual(FACTS.slice(putin.cursor - 'President of Russia'.length, putin.cursor + 1), 'President of Russia"');
    // Keyed like the corpus's entities: case variants are one entity.
    assert.strictEqual(entries?.get('PER:kim jong-un')?.facts.hidden, true);
    assert.strictEqual(entries?.get('LOC:khasan')?.facts.description, 'Border town');
  });

  it('takes empty text as an empty file', () => {
    assert.deepStrictEqual(parseFacts(' \n'), { entries: new Map(), problems: [] });
  });

  it('gives no entries and an error with its offset for text that is not JSON', () => {
    const broken = FACTS.replace('"role": "President",', '"role": "President"');
    const { entries, problems } = parseFacts(broken);
    assert.strictEqual(entries, undefined);
    assert.strictEqual(problems[0]?.severity, 'error');
    assert.match(problems[0]?.message ?? '', /comma is missing.*stay in use/);
    assert.strictEqual(broken.slice(problems[0]?.offset).trimStart().startsWith('"born"'), true);
    assert.strictEqual(parseFacts('{ "people": { // a note\n } }').entries, undefined);
  });

  it('gives one error at each trailing comma saying to remove it, and says once that the last valid facts stay in use (qa23)', () => {
    const text = '{\n  "people": {\n    "A B": { "links": ["x",], "notes": "n", },\n  },\n  "places": {}\n}';
    const { entries, problems } = parseFacts(text);
    assert.strictEqual(entries, undefined);
    assert.deepStrictEqual(
      problems.map(({ offset, length, severity, message }) => ({ at: text.slice(offset, offset + length), offset, severity, message })),
      [
        { at: ',', offset: text.indexOf(',]'), severity: 'error', message: 'A trailing comma is not allowed in JSON: remove it. The facts from the last valid version of the file stay in use until it is fixed.' },
        { at: ',', offset: text.indexOf(', }'), severity: 'error', message: 'A trailing comma is not allowed in JSON: remove it.' },
        { at: ',', offset: text.indexOf('},\n  },') + 1, severity: 'error', message: 'A trailing comma is not allowed in JSON: remove it.' },
      ],
    );
    // Other errors keep their own words, one per place: a missing value is not also a trailing comma.
    assert.deepStrictEqual(
      parseFacts('{ "people": { "A B": { "links": [,], "notes": } } }').problems.map(({ message }) => message),
      ['A value is expected here. The facts from the last valid version of the file stay in use until it is fixed.', 'A value is expected here.'],
    );
  });

  it('leaves out, with a warning where they are, the parts in an unexpected shape', () => {
    const text = '{ "persons": {}, "people": { "A B": "text", "C D": { "links": 5, "hidden": "yes", "role": ["x"], "notes": "kept" } } }';
    const { entries, problems } = parseFacts(text);
    assert.deepStrictEqual(
      problems.map((problem) => [problem.severity, text.slice(problem.offset, problem.offset + problem.length)]),
      [
        ['warning', '"persons"'],
        ['warning', '"text"'],
        ['warning', '5'],
        ['warning', '"yes"'],
        ['warning', '["x"]'],
      ],
    );
    assert.deepStrictEqual([...(entries?.keys() ?? [])], ['PER:c d']);
    assert.strictEqual(entries?.get('PER:c d')?.facts.notes, 'kept');
    assert.deepStrictEqual(parseFacts('[1]').entries, new Map());
  });

  it('keeps a field a typo or two from a known one as a field of its own, with a warning naming the known one (ux38)', () => {
    const text = '{ "people": { "A B": { "descripton": "Banker", "Role": "Chair", "alises": ["Volker"], "nots": "x", "age": 70, "home": "Ohio", "town": "Akron" } } }';
    const { entries, problems } = parseFacts(text);
    assert.deepStrictEqual(
      problems.map((problem) => [problem.severity, text.slice(problem.offset, problem.offset + problem.length), problem.message]),
      [
        ['warning', '"descripton"', '"descripton" is no field the extension knows: the card shows it as written. Did you mean "description"?'],
        ['warning', '"Role"', '"Role" is no field the extension knows: the card shows it as written. Did you mean "role"?'],
        ['warning', '"alises"', '"alises" is no field the extension knows: the card shows it as written. Did you mean "aliases"?'],
        ['warning', '"nots"', '"nots" is no field the extension knows: the card shows it as written. Did you mean "notes"?'],
      ],
    );
    assert.deepStrictEqual(problems.map((problem) => problem.meant), ['"description"', '"role"', '"aliases"', '"notes"'], 'each with the field meant, for a quick fix');
    // Shown as before: a warning is no reason to lose what the user wrote. Short fields of the user's two typos from
    // "add", "role" or "born" are their own.
    assert.deepStrictEqual(
      entries?.get('PER:a b')?.facts.more.map(({ field }) => field),
      ['descripton', 'Role', 'alises', 'nots', 'age', 'home', 'town'],
    );
  });

  it('isolates a right-to-left name in its warnings, as the other facts problems do', () => {
    const { problems } = parseFacts('{ "people": { "محمد": "text", "שרה": {}, "שרה": {} } }');
    assert.deepStrictEqual(
      problems.map((problem) => problem.message),
      ['The facts of "\u2067محمد\u2069" must be an object, such as { "description": "…" }.', '"\u2067שרה\u2069" is the same entity as an earlier entry: this entry replaces it.'],
    );
  });
});

describe('addFactsEntry', () => {
  it('makes a new file with one empty entry in its type\'s group', () => {
    assert.strictEqual(
      newFactsFileText('ORG', 'Kremlin'),
      '{\n  "organizations": {\n    "Kremlin": {\n      "description": "",\n      "role": "",\n      "born": "",\n      "links": [],\n      "notes": ""\n    }\n  }\n}\n',
    );
    assert.deepStrictEqual(addFactsEntry('', 'ORG', 'Kremlin'), [{ offset: 0, length: 0, content: newFactsFileText('ORG', 'Kremlin') }]);
  });

  it('adds the entry among the names in alphabetical order, leaving the rest of the file as written, and it is found where the edits put it', () => {
    const after = applyEdits(FACTS, addFactsEntry(FACTS, 'PER', 'Sergei Lavrov'));
    // Before the first name that sorts after it; everything else as it was.
    assert.strictEqual(after.replace(/\n    "Sergei Lavrov": \{[^}]*\},/, ''), FACTS);
    const { entries } = parseFacts(after);
    const lavrov = entries?.get('PER:sergei lavrov');
    assert.ok(lavrov);
    assert.strictEqual(after.slice(lavrov.offset, lavrov.offset + lavrov.length), '"Sergei Lavrov"');
    // The cursor lands inside the empty description.
    assert.strictEqual(after.slice(lavrov.cursor - 1, lavrov.cursor + 1), '""');
    assert.deepStrictEqual(entries?.get('PER:vladimir putin')?.facts.more[0], { field: 'party', value: 'United Russia' });
  });

  it('makes the missing group, and follows the file\'s tabs and CRLF line ends', () => {
    const text = '{\r\n\t"people": {\r\n\t\t"A B": {}\r\n\t}\r\n}\r\n';
    const after = applyEdits(text, addFactsEntry(text, 'MISC', 'Olympics'));
    assert.ok(after.startsWith('{\r\n\t"other": {\r\n\t\t"Olympics": {\r\n\t\t\t"description": "",'), after);
    assert.ok(after.endsWith(text.slice(1)), after);
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/);
    assert.ok(parseFacts(after).entries?.has('MISC:olympics'));
  });

  it('tells the formatting of a file', () => {
    assert.deepStrictEqual(formattingOf('{\n    "a": 1\n}'), { insertSpaces: true, tabSize: 4, eol: '\n' });
    assert.deepStrictEqual(formattingOf('{\r\n\t"a": 1\r\n}'), { insertSpaces: false, tabSize: 1, eol: '\r\n' });
    assert.deepStrictEqual(formattingOf('{}'), { insertSpaces: true, tabSize: 2, eol: '\n' });
  });
});

describe('FactsStore', () => {
  it('keeps the last valid facts of a file while its text is not JSON, and tells its listeners of real changes', () => {
    const store = new FactsStore();
    let changes = 0;
    store.subscribe(() => changes++);
    assert.deepStrictEqual(store.update(SOURCE, FACTS), []);
    assert.strictEqual(store.entry('PER:vladimir putin')?.entry.facts.role, 'President');
    assert.strictEqual(store.entry('PER:vladimir putin')?.source, SOURCE);
    assert.ok(store.isHidden('PER:kim jong-un'));
    assert.ok(!store.isHidden('PER:vladimir putin'));
    const problems = store.update(SOURCE, FACTS.slice(0, 100));
    assert.ok(problems.length > 0);
    assert.strictEqual(store.entry('PER:vladimir putin')?.entry.facts.role, 'President');
    assert.strictEqual(changes, 1);
    // Removed, then back but invalid (a save that deletes and rewrites the file): the last valid facts return.
    store.remove(SOURCE);
    assert.strictEqual(store.entry('PER:vladimir putin'), undefined);
    store.update(SOURCE, '{ "people": ');
    assert.strictEqual(store.entry('PER:vladimir putin')?.entry.facts.role, 'President');
    store.update(SOURCE, '{}');
    assert.strictEqual(store.entry('PER:vladimir putin'), undefined);
    assert.strictEqual(changes, 4);
  });

  it('brings the last valid facts back when invalid text follows a blank one (a writer that truncates first)', () => {
    const store = new FactsStore();
    store.update(SOURCE, FACTS);
    store.update(SOURCE, '');
    assert.strictEqual(store.entry('PER:vladimir putin'), undefined, 'a blank file has no facts');
    store.update(SOURCE, FACTS.slice(0, 100));
    assert.strictEqual(store.entry('PER:vladimir putin')?.entry.facts.role, 'President');
  });

  it('asks the files in the order they were added, and forgets a removed one', () => {
    const store = new FactsStore();
    const other = 'file:///other/.newscorpus/entities.json';
    store.update(SOURCE, '{ "places": { "Khasan": { "role": "first" } } }');
    store.update(other, '{ "places": { "Khasan": { "role": "second" } } }');
    assert.strictEqual(store.entry('LOC:khasan')?.entry.facts.role, 'first');
    store.remove(SOURCE);
    assert.strictEqual(store.entry('LOC:khasan')?.entry.facts.role, 'second');
  });
});

describe('lineAndCharacter', () => {
  it('counts lines at \\n, whatever the line ends', () => {
    assert.deepStrictEqual(lineAndCharacter('{\r\n  "people"', 5), { line: 1, character: 2 });
    assert.deepStrictEqual(lineAndCharacter('abc', 0), { line: 0, character: 0 });
    assert.deepStrictEqual(lineAndCharacter('a\nb\n', 4), { line: 2, character: 0 });
  });
});
