import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, eventually, workspaceUri } from './helpers';

const SEED_MEETING = '000_11aec1007b5c4c05.txt';
const SEED_ARRIVAL = '003_737a2ec1faf8bc49.txt';
const PUTIN = 'PER:vladimir putin';
const FACTS = {
  people: {
    'Vladimir Putin': {
      // Two paragraphs, the second of two lines: the card keeps them.
      description: 'President of Russia [since 2012](command:workbench.action.quit) $(bug) <b>bold</b>\n\nIn office since 2000.\n# KGB officer before',
      born: '1952-10-07',
      links: ['https://en.wikipedia.org/wiki/Vladimir_Putin'],
      desk: 'Moscow',
    },
  },
};

const factsUri = () => workspaceUri('.newscorpus', 'entities.json');

/** Writes the facts file on disk, as a colleague's save or a `git pull` would. */
async function writeFacts(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(factsUri(), new TextEncoder().encode(text));
}

/** Resolves once the extension's facts satisfy `condition`. */
async function factsBecome(what: string, condition: (facts: Awaited<ReturnType<typeof api>>['facts']) => boolean): Promise<void> {
  const { facts } = await api();
  await eventually(what, () => condition(facts), (listener) => facts.subscribe(listener));
}

async function positionOf(file: string, text: string): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(file));
  const at = document.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" is in ${file}`);
  return { document, position: document.positionAt(at + 1) };
}

async function cardOver(file: string, text: string): Promise<string | undefined> {
  const { document, position } = await positionOf(file, text);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const markdown = hovers.flatMap((hover) => hover.contents).find((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString && content.value.includes('$('));
  return markdown?.value;
}

/** Closes the editors (none has unsaved changes by then) and deletes the facts folder. */
async function removeFacts(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(workspaceUri('.newscorpus'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  await factsBecome('the facts are gone', (facts) => facts.entry(PUTIN) === undefined && facts.entry('PER:sergei lavrov') === undefined);
}

describe('The facts file (.newscorpus/entities.json)', () => {
  before(() => api());
  afterEach(removeFacts);

  it('shows the facts, escaped, their paragraphs and lines kept, at the top of the card, with an Edit Facts link; a write on disk applies at once', async () => {
    await writeFacts(JSON.stringify(FACTS, null, 2));
    await factsBecome('the facts of Vladimir Putin are read', (facts) => facts.entry(PUTIN)?.entry.facts.born === '1952-10-07');
    const card = await cardOver(SEED_MEETING, 'Putin');
    assert.ok(card);
    const lines = card.split('\n\n');
    assert.match(lines[1] ?? '', /^_President of Russia \\\[since 2012\\\]\\\(command\\:workbench\\\.action\\\.quit\\\) \\\$\(bug\) \\<b\\>bold\\<\/b\\>_$/);
    assert.match(lines[2] ?? '', /^_In office since 2000\\\._ {2}\n_\\# KGB officer before_ {2}\nBorn: /);
    assert.match(card, /Born: 1952\\-10\\-07 · desk: Moscow/);
    assert.match(card, /\[en\\\.wikipedia\\\.org\/wiki\/Vladimir\\_Putin\]\(https:\/\/en\.wikipedia\.org\/wiki\/Vladimir_Putin\)/);
    assert.match(card, /\[Edit Facts\]\(command:newsCorpus\.editFacts\?/);
    // A colleague's change reaches the card without a reload.
    await writeFacts(JSON.stringify({ people: { 'Vladimir Putin': { description: 'Changed by a colleague' } } }));
    await factsBecome('the colleague\'s change is read', (facts) => facts.entry(PUTIN)?.entry.facts.description === 'Changed by a colleague');
    assert.match((await cardOver(SEED_MEETING, 'Putin')) ?? '', /_Changed by a colleague_/);
  });

  it('marks an invalid file with a diagnostic and keeps the facts it had', async () => {
    await writeFacts(JSON.stringify(FACTS, null, 2));
    // Its own facts, not the previous test's entry for the same person, must be in use before the file breaks.
    await factsBecome('the facts are read', (facts) => facts.entry(PUTIN)?.entry.facts.born === '1952-10-07');
    await writeFacts('{\n  "people": {\n    "Vladimir Putin": { "description": "half typed"\n');
    const errors = () => vscode.languages.getDiagnostics(factsUri()).filter((diagnostic) => diagnostic.source === 'News Corpus' && diagnostic.severity === vscode.DiagnosticSeverity.Error);
    await eventually('the invalid facts file has a diagnostic', () => errors().length > 0, (listener) => {
      const subscription = vscode.languages.onDidChangeDiagnostics(listener);
      return () => subscription.dispose();
    });
    assert.match(errors()[0]?.message ?? '', /stay in use/);
    assert.ok((errors()[0]?.range.start.line ?? 0) >= 2, "the error is where the text breaks off");
    assert.match((await cardOver(SEED_MEETING, 'Putin')) ?? '', /_President of Russia/);
  });

  it('offers to write a misspelt field as meant, from its diagnostic\'s quick fix (ux38b)', async () => {
    await writeFacts('{\n  "people": {\n    "Vladimir Putin": { "descripton": "President" }\n  }\n}\n');
    const misspelt = () => vscode.languages.getDiagnostics(factsUri()).find((diagnostic) => diagnostic.source === 'News Corpus' && /Did you mean "description"/.test(diagnostic.message));
    await eventually('the misspelt field has a diagnostic', () => misspelt() !== undefined, (listener) => {
      const subscription = vscode.languages.onDidChangeDiagnostics(listener);
      return () => subscription.dispose();
    });
    const diagnostic = misspelt();
    assert.ok(diagnostic);
    // The document open, as it is when the user presses Ctrl+. in it.
    const facts = await vscode.workspace.openTextDocument(factsUri());
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', factsUri(), diagnostic.range);
    const fix = actions.find((action) => action.title === 'Change to "description"');
    assert.ok(fix?.edit, actions.map((action) => action.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(facts.getText(), /"Vladimir Putin": \{ "description": "President" \}/);
    await facts.save();
  });

  it('goes to the facts entry on Go to Definition, when there is one', async () => {
    const { document, position } = await positionOf(SEED_ARRIVAL, 'Putin');
    const before = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, position);
    assert.ok(before[0]?.uri.path.endsWith('.txt'), 'the first mention, without facts');
    await writeFacts(JSON.stringify(FACTS, null, 2));
    await factsBecome('the facts are read', (facts) => facts.entry(PUTIN) !== undefined);
    const [definition] = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, position);
    assert.strictEqual(definition?.uri.toString(), factsUri().toString());
    const facts = await vscode.workspace.openTextDocument(factsUri());
    assert.strictEqual(facts.getText(definition.range), '"Vladimir Putin"');
  });

  it('gives a hidden entity no card and no highlights', async () => {
    assert.ok(await cardOver(SEED_MEETING, 'Sergei Lavrov'), 'a card before it is hidden');
    await writeFacts('{ "people": { "Sergei Lavrov": { "hidden": true } } }');
    await factsBecome('Sergei Lavrov is hidden', (facts) => facts.isHidden('PER:sergei lavrov'));
    assert.strictEqual(await cardOver(SEED_MEETING, 'Sergei Lavrov'), undefined);
    const { document, position } = await positionOf(SEED_MEETING, 'Sergei Lavrov');
    assert.deepStrictEqual(await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, position), []);
    assert.ok(await cardOver(SEED_MEETING, 'Putin'), 'other entities keep their card');
  });

  it('Edit Facts creates the file and the entry; a further entry, from the cursor, is an edit that undo takes back', async () => {
    const { document: article } = await positionOf(SEED_ARRIVAL, 'Putin');
    await vscode.commands.executeCommand('newsCorpus.editFacts', 'PER', 'Sergei Lavrov', article.uri.toString());
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), factsUri().toString());
    const created = JSON.parse(editor.document.getText());
    assert.deepStrictEqual(created, { people: { 'Sergei Lavrov': { description: '', role: '', born: '', links: [], notes: '' } } });
    assert.strictEqual(editor.document.getText(new vscode.Range(editor.selection.active.translate(0, -1), editor.selection.active.translate(0, 1))), '""', 'the cursor is in the description');
    await editor.document.save();
    const saved = editor.document.getText();
    await factsBecome('the new entry is read', (facts) => facts.entry('PER:sergei lavrov') !== undefined);

    const articleEditor = await vscode.window.showTextDocument(article);
    const putin = article.positionAt(article.getText().indexOf('Vladimir Putin') + 3);
    articleEditor.selection = new vscode.Selection(putin, putin);
    await vscode.commands.executeCommand('newsCorpus.editFacts');
    const facts = vscode.window.activeTextEditor?.document;
    assert.strictEqual(facts?.uri.toString(), factsUri().toString());
    assert.deepStrictEqual(Object.keys(JSON.parse(facts.getText()).people), ['Sergei Lavrov', 'Vladimir Putin']);
    assert.ok(facts.getText().startsWith(saved.slice(0, saved.indexOf('"Sergei Lavrov"'))), 'the rest of the file is as it was');
    assert.ok(facts.isDirty);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(facts.getText(), saved);
    assert.strictEqual(article.isDirty, false, 'the article is never written');
  });
});
