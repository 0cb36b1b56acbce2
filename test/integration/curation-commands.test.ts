import * as assert from 'assert';
import * as vscode from 'vscode';
import { readCsv } from '../support/csv-reader';
import { SEED_MEETING, articleBytes, factsBecome, factsJson, factsOnDisk, factsUri, label, removeFacts, run, shownRows, writeFactsExternally } from './curation-surfaces';
import { api, EXTENSION_ID, eventually, workspaceUri } from './helpers';

const PUTIN = { type: 'PER', name: 'Vladimir Putin' };
const LAVROV = { type: 'PER', name: 'Sergei Lavrov' };
const KREMLIN = { type: 'ORG', name: 'Kremlin' };
const RUSSIA = { type: 'LOC', name: 'Russia' };

const exportUri = (name: string) => workspaceUri('.newscorpus', name);

describe('Correcting entities (commands that write the facts file)', () => {
  let articlesBefore: Map<string, string>;

  before(async () => {
    await api();
    articlesBefore = await articleBytes();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeFacts();
  });

  after(async () => {
    assert.deepStrictEqual(await articleBytes(), articlesBefore, 'no article file was touched');
  });

  it('renames an entity into a new facts file, and renaming back leaves no alias', async () => {
    assert.strictEqual(await run('newsCorpus.renameEntity', PUTIN, 'V. V. Putin'), true);
    assert.deepStrictEqual(await factsJson(), { people: { 'V. V. Putin': { aliases: ['Vladimir Putin'] } } });
    const { facts } = await api();
    await eventually('the new entry is read', () => facts.entry('PER:v. v. putin') !== undefined, (listener) => facts.subscribe(listener));
    assert.strictEqual(await run('newsCorpus.renameEntity', { type: 'PER', name: 'V. V. Putin' }, 'Vladimir Putin'), true);
    assert.deepStrictEqual(await factsJson(), {});
  });

  it('refuses a name that starts with a kind and a colon, which the facts file would read as a type (ux34)', async () => {
    assert.strictEqual(await run('newsCorpus.renameEntity', PUTIN, 'person:V. V. Putin'), false);
    assert.strictEqual(await run('newsCorpus.mergeEntities', [PUTIN, LAVROV], 'place:Moscow'), false);
    assert.strictEqual(await factsOnDisk(), undefined);
  });

  it('renames onto the name of another entity only as a merge the user agreed to', async () => {
    // Declined (as the modal question's Cancel does): nothing is written.
    assert.strictEqual(await run('newsCorpus.renameEntity', LAVROV, 'vladimir PUTIN', 'cancel'), false);
    assert.strictEqual(await factsOnDisk(), undefined);
    // Agreed: a merge into the entity that has the name, as it writes it.
    assert.strictEqual(await run('newsCorpus.renameEntity', LAVROV, 'vladimir PUTIN', 'merge'), true);
    assert.deepStrictEqual(await factsJson(), { people: { 'Vladimir Putin': { aliases: ['Sergei Lavrov'] } } });
  });

  it('changes a type onto the name of an entity of that type only as a merge the user agreed to', async () => {
    // The Kremlin renamed "Russia": an organization with the name of the place.
    assert.strictEqual(await run('newsCorpus.renameEntity', KREMLIN, 'Russia'), true);
    const { facts } = await api();
    await eventually('the new entry is read', () => facts.entry('ORG:russia') !== undefined, (listener) => facts.subscribe(listener));
    const written = await factsJson();
    assert.strictEqual(await run('newsCorpus.changeEntityType', RUSSIA, 'ORG', 'cancel'), false);
    assert.deepStrictEqual(await factsJson(), written, 'declined: nothing written');
    assert.strictEqual(await run('newsCorpus.changeEntityType', RUSSIA, 'ORG', 'merge'), true);
    assert.deepStrictEqual(await factsJson(), { organizations: { Russia: { aliases: ['Kremlin', 'place:Russia'] } } });
  });

  it('merges entities (from the Entities view\'s multi-selection), and merging back the other way leaves no cycle', async () => {
    const element = (entity: typeof PUTIN) => ({ kind: 'entity', entity: { ...entity, key: `${entity.type}:${entity.name.toLowerCase()}` } });
    assert.strictEqual(await run('newsCorpus.mergeEntities', [LAVROV, PUTIN], PUTIN), true);
    assert.deepStrictEqual(await factsJson(), { people: { 'Vladimir Putin': { aliases: ['Sergei Lavrov'] } } });
    // The Entities view reflects it (the corrections feature applies the file): Lavrov is found under Putin's name.
    const corpus = await api();
    await vscode.commands.executeCommand('newsCorpus.entities.filter', 'Lavrov');
    try {
      const peopleShown = () => shownRows(corpus, 'People').map(({ item }) => label(item)).join();
      await eventually('the Entities view shows the merge', () => peopleShown() === 'Vladimir Putin', (listener) => corpus.facts.subscribe(listener));
    } finally {
      await vscode.commands.executeCommand('newsCorpus.entities.clearFilter');
    }
    assert.strictEqual(await run('newsCorpus.mergeEntities', [element(PUTIN), element(LAVROV)], 'Sergei Lavrov'), true);
    assert.deepStrictEqual(await factsJson(), { people: { 'Sergei Lavrov': { aliases: ['Vladimir Putin'] } } });
  });

  it('changes a type, splits an alias, ignores and marks names, each as one minimal entry', async () => {
    assert.strictEqual(await run('newsCorpus.changeEntityType', KREMLIN, 'LOC'), true);
    assert.strictEqual(await run('newsCorpus.splitAlias', PUTIN, 'Putin'), true);
    const article = workspaceUri(SEED_MEETING).toString();
    assert.strictEqual(await run('newsCorpus.ignoreEntity', LAVROV, 'article', article), true);
    assert.strictEqual(await run('newsCorpus.markAsPerson', 'Jane Doe', 'everywhere'), true);
    assert.strictEqual(await run('newsCorpus.markAsOrganization', 'Foreign Ministry', 'article', article), true);
    assert.deepStrictEqual(await factsJson(), {
      places: { Kremlin: { aliases: ['organization:Kremlin'] } },
      people: { 'Vladimir Putin': { split: ['Putin'] }, 'Sergei Lavrov': { ignoreIn: [SEED_MEETING] }, 'Jane Doe': { add: true } },
      organizations: { 'Foreign Ministry': { addIn: [SEED_MEETING] } },
    });
    assert.strictEqual(await run('newsCorpus.ignoreEntity', LAVROV, 'everywhere'), true);
    assert.deepStrictEqual((await factsJson() as { people: Record<string, unknown> }).people['Sergei Lavrov'], { ignore: true });
    // Saying it again changes nothing.
    assert.strictEqual(await run('newsCorpus.ignoreEntity', LAVROV, 'everywhere'), false);
  });

  it('undoes exactly the last correction, also after a colleague\'s change elsewhere in the file', async () => {
    const original = { people: { 'Vladimir Putin': { description: 'President of Russia' } } };
    await writeFactsExternally(original);
    const before = await factsOnDisk();
    assert.strictEqual(await run('newsCorpus.changeEntityType', KREMLIN, 'LOC'), true);
    assert.strictEqual(await run('newsCorpus.undoCorrection'), true);
    assert.strictEqual(await factsOnDisk(), before);
    // A correction, then a colleague's change pulled through git, then Undo: the colleague's change stays.
    assert.strictEqual(await run('newsCorpus.ignoreEntity', LAVROV, 'everywhere'), true);
    const corrected = (await factsJson()) as { people: Record<string, unknown> };
    await writeFactsExternally({ ...corrected, places: { Khasan: { description: 'Border town' } } });
    assert.strictEqual(await run('newsCorpus.undoCorrection'), true);
    assert.deepStrictEqual(await factsJson(), { ...original, places: { Khasan: { description: 'Border town' } } });
  });

  it('keeps a concurrent external edit made between two commands, and a new file is deleted again by Undo', async () => {
    assert.strictEqual(await run('newsCorpus.ignoreEntity', LAVROV, 'everywhere'), true);
    assert.strictEqual(await run('newsCorpus.undoCorrection'), true);
    assert.strictEqual(await factsOnDisk(), undefined);
    assert.strictEqual(await run('newsCorpus.ignoreEntity', LAVROV, 'everywhere'), true);
    // The facts document is open (as after a look at it), then a colleague's version arrives on disk.
    await vscode.window.showTextDocument(factsUri());
    await writeFactsExternally({ people: { 'Vladimir Putin': { role: 'President' }, 'Sergei Lavrov': { ignore: true } } });
    assert.strictEqual(await run('newsCorpus.renameEntity', KREMLIN, 'The Kremlin Administration'), true);
    assert.deepStrictEqual(await factsJson(), {
      people: { 'Vladimir Putin': { role: 'President' }, 'Sergei Lavrov': { ignore: true } },
      organizations: { 'The Kremlin Administration': { aliases: ['Kremlin'] } },
    });
  });

  it('is undone by VS Code\'s own Undo in the facts file', async () => {
    await writeFactsExternally({ people: { 'Vladimir Putin': { role: 'President' } } });
    const before = await factsOnDisk();
    const editor = await vscode.window.showTextDocument(factsUri());
    assert.strictEqual(await run('newsCorpus.splitAlias', PUTIN, 'Putin'), true);
    assert.notStrictEqual(editor.document.getText(), before);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), before);
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.strictEqual(await factsOnDisk(), before);
  });

  it('points out, in the Problems view, an alias that names no entity of the corpus', async () => {
    // Written directly (no facts document is open to follow it): the problem is the file's, not an editor.
    await vscode.workspace.fs.writeFile(factsUri(), new TextEncoder().encode(JSON.stringify({ people: { 'Vladimir Putin': { aliases: ['Nobody Ever Named Here'] } } })));
    await factsBecome('the facts are read', (corpus) => corpus.facts.entry('PER:vladimir putin') !== undefined);
    const listed = () => vscode.languages.getDiagnostics(factsUri()).some((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Information && /No person is named "Nobody Ever Named Here" in the corpus/.test(diagnostic.message));
    await eventually('the facts file lists the problem', listed, (listener) => {
      const subscription = vscode.languages.onDidChangeDiagnostics(listener);
      return () => subscription.dispose();
    });
  });

  it('hints at an entry of a place named by another name of a country, which the corpus calls by its common name', async () => {
    await vscode.workspace.fs.writeFile(factsUri(), new TextEncoder().encode(JSON.stringify({ places: { 'U.S.': { description: 'Our Washington desk covers it.' } } })));
    await factsBecome('the facts are read', (corpus) => corpus.facts.entry('LOC:u.s.') !== undefined);
    const hinted = () => vscode.languages.getDiagnostics(factsUri()).some((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Hint && /move this entry to "United States"/.test(diagnostic.message));
    await eventually('the facts file has the hint', hinted, (listener) => {
      const subscription = vscode.languages.onDidChangeDiagnostics(listener);
      return () => subscription.dispose();
    });
  });

  it('ignores an entity of the view at once, so its title promises no further step ("…")', async () => {
    // No scope and no article: nothing to ask (a quick pick left open would time the test out).
    assert.strictEqual(await run('newsCorpus.ignoreEntity', LAVROV), true);
    assert.deepStrictEqual(await factsJson(), { people: { 'Sergei Lavrov': { ignore: true } } });
    const commands = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string; title: string }[] } }).contributes.commands;
    assert.strictEqual(commands.find((command) => command.command === 'newsCorpus.ignoreEntity')?.title, 'Ignore Entity');
  });

  it('does not write an invalid facts file, and says why', async () => {
    const invalid = '{ "people": { "Vladimir Putin": { "role": "Pres';
    await vscode.workspace.fs.writeFile(factsUri(), new TextEncoder().encode(invalid));
    assert.strictEqual(await run('newsCorpus.renameEntity', PUTIN, 'V. Putin'), false);
    assert.strictEqual(await factsOnDisk(), invalid);
  });

  it('offers Fix… on the hover card through its allow-list', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(SEED_MEETING));
    const position = document.positionAt(document.getText().indexOf('Vladimir Putin') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const card = hovers.flatMap((hover) => hover.contents).find((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString && content.value.includes('Fix…'));
    assert.ok(card, 'the card has a Fix… link');
    assert.match(card.value, /\[Fix…\]\(command:newsCorpus\.fixEntity\?/);
    assert.ok((card.isTrusted as { enabledCommands: string[] }).enabledCommands.includes('newsCorpus.fixEntity'));
  });

  it('exports the entity table to CSV and JSON, and imports a corrected CSV: changes applied at once, bad rows skipped', async () => {
    const csvUri = exportUri('table.csv');
    const rowCount = await run<number>('newsCorpus.exportEntityTable', csvUri);
    assert.ok(rowCount > 0);
    const rows = readCsv(new TextDecoder().decode(await vscode.workspace.fs.readFile(csvUri)));
    assert.deepStrictEqual(rows[0], ['id', 'name', 'type', 'aliases', 'articles', 'mentions', 'first_date', 'last_date', 'roles', 'ignore']);
    assert.strictEqual(rows.length, rowCount + 1);
    const putin = rows.find((row) => row[0] === 'PER:vladimir putin');
    const kremlin = rows.find((row) => row[0] === 'ORG:kremlin');
    assert.ok(putin && kremlin, 'Putin and the Kremlin are rows');
    assert.strictEqual(putin[1], 'Vladimir Putin');

    assert.ok((await run<number>('newsCorpus.exportEntityTable', exportUri('table.json'))) === rowCount);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(exportUri('table.json')))) as { id: string; type: string }[];
    assert.strictEqual(json.find((row) => row.id === 'ORG:kremlin')?.type, 'organization');

    // As a spreadsheet saves it: semicolons, a byte-order mark, an extra column, a renamed and a retyped row, a broken row.
    const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const line = (row: readonly string[]) => [...row, 'note'].map(cell).join(';');
    const edited = [
      line(rows[0] ?? []),
      line(putin.map((value, index) => (index === 1 ? 'V. V. Putin' : value))),
      line(kremlin.map((value, index) => (index === 2 ? 'place' : value))),
      line(['PER:nobody', 'Nobody', 'person', '', '', '', '', '', '', '']),
    ].join('\r\n');
    const importUri = exportUri('corrected.csv');
    await vscode.workspace.fs.writeFile(importUri, new TextEncoder().encode(`\uFEFF${edited}\r\n`));
    const result = await run<{ changes: unknown[]; errors: { line: number }[] }>('newsCorpus.importEntityTable', importUri, 'apply');
    assert.strictEqual(result.changes.length, 2);
    assert.deepStrictEqual(result.errors.map((error) => error.line), [4]);
    assert.deepStrictEqual(await factsJson(), {
      people: { 'V. V. Putin': { aliases: ['Vladimir Putin'] } },
      places: { Kremlin: { aliases: ['organization:Kremlin'] } },
    });
    // One edit: one Undo takes the whole import back.
    assert.strictEqual(await run('newsCorpus.undoCorrection'), true);
    assert.strictEqual(await factsOnDisk(), undefined);
  });
});
