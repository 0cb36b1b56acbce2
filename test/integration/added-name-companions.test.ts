import * as assert from 'assert';
import * as vscode from 'vscode';
import { cardOver, removeFacts, writeFactsExternally } from './curation-surfaces';
import { api, corpusBecomes, removedAfterTests, workspaceUri } from './helpers';

const FOLDER = 'added-name-companions';
/**
 * Two articles naming Harald Quistorp beside "Crown Prince Mohammed bin Salman", which the shipped model cuts into two
 * people, "Prince Mohammed" and "Salman", in one of them at least (the perceptrons' model did in both).
 */
const ARTICLES: Readonly<Record<string, string>> = {
  'talks.txt': ' date 2029-01-05 Crown Prince Mohammed bin Salman met Harald Quistorp in Riyadh on Tuesday. Quistorp later said Mohammed bin Salman had asked about grain.\n',
  'return.txt': ' date 2029-01-06 Harald Quistorp flew back from Riyadh after talks with Crown Prince Mohammed bin Salman.\n',
};

/** The card's "Often with" list, as it reads. */
function oftenWith(card: string | undefined): string[] {
  const line = /^Often with: (.*)$/m.exec(card ?? '')?.[1];
  assert.ok(line !== undefined, `the card has an "Often with" line: ${card}`);
  return line.split(', ');
}

describe('"Often with" after a name added over the engine\'s fragments of it', () => {
  const folder = workspaceUri(FOLDER);
  removedAfterTests(folder);

  before(async () => {
    const corpus = await api();
    for (const [name, text] of Object.entries(ARTICLES)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    const ids = Object.keys(ARTICLES).map((name) => vscode.Uri.joinPath(folder, name).toString());
    await corpusBecomes('the articles are in the corpus', () => ids.every((id) => corpus.corpus.article(id) !== undefined), corpus);
  });

  after(() => removeFacts());

  it('lists the added name and not the fragments it took the place of', async () => {
    const card = () => cardOver(`${FOLDER}/talks.txt`, 'Harald Quistorp');
    const before = oftenWith(await card());
    assert.ok(before.some((companion) => /^(Prince Mohammed|Salman) \(/.test(companion)), `the engine's fragments before: ${before.join(', ')}`);
    await writeFactsExternally({ people: { 'Mohammed bin Salman': { add: true } } });
    const after = oftenWith(await card());
    assert.ok(after.includes('Mohammed bin Salman (2)'), `the added name: ${after.join(', ')}`);
    assert.deepStrictEqual(after.filter((companion) => /^(Prince Mohammed|Salman) /.test(companion)), [], 'the fragments');
  });
});
