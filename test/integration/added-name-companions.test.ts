import * as assert from 'assert';
import * as vscode from 'vscode';
import { cardOver, removeFacts, writeFactsExternally } from './curation-surfaces';
import { api, corpusBecomes, removedAfterTests, workspaceUri } from './helpers';

const FOLDER = 'added-name-companions';
/**
 * Two articles naming Harald Quistorp beside "President Mohamed ould Abdel Aziz", which the shipped model cuts into two
 * people, "Mohamed" and "Abdel Aziz", in one of them at least ("Mohammed bin Salman" was such a name until the
 * patronymics' rule joined it: "ould" is not among its particles).
 */
const ARTICLES: Readonly<Record<string, string>> = {
  'talks.txt': ' date 2029-01-05 President Mohamed ould Abdel Aziz met Harald Quistorp in Nouakchott on Tuesday. Quistorp later said Mohamed ould Abdel Aziz had asked about grain.\n',
  'return.txt': ' date 2029-01-06 Harald Quistorp flew back from Nouakchott after talks with President Mohamed ould Abdel Aziz.\n',
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
    assert.ok(before.some((companion) => /^(Mohamed|Abdel Aziz) \(/.test(companion)), `the engine's fragments before: ${before.join(', ')}`);
    await writeFactsExternally({ people: { 'Mohamed ould Abdel Aziz': { add: true } } });
    const after = oftenWith(await card());
    assert.ok(after.includes('Mohamed ould Abdel Aziz (2)'), `the added name: ${after.join(', ')}`);
    assert.deepStrictEqual(after.filter((companion) => /^(Mohamed|Abdel Aziz) \(/.test(companion)), [], 'the fragments');
  });
});
