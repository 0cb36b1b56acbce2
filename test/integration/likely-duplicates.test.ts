import * as assert from 'assert';
import * as vscode from 'vscode';
import { cardOver, factsBecome, factsJson, factsOnDisk, label, removeFacts, run, shownRows } from './curation-surfaces';
import { answerBecomes, api, corpusBecomes, removedAfterTests, workspaceUri } from './helpers';

const FOLDER = workspaceUri('likely-duplicates');
/**
 * People no other article of the workspace (the seeds and the sample corpus) names: Margarethe Vollstedt in full in
 * three articles and alone in a fourth; Anselm Krieger with and without his middle initial (three articles between
 * them); Klaus Ostermann in full in one article and alone in another, too few to be ticked.
 */
const ARTICLES: Readonly<Record<string, string>> = {
  'rally.txt': ' date 2024-03-01 Margarethe Vollstedt held a rally in Ohio on Saturday.\n\nAnselm Krieger, a former national security adviser, was not there.\n',
  'reporters.txt': ' date 2024-03-02 Margarethe Vollstedt spoke to reporters in Florida on Monday.\n\nAnselm T. Krieger criticised the speech.\n',
  'supporters.txt': ' date 2024-03-03 Margarethe Vollstedt met supporters in Texas.\n\nAnselm Krieger spoke after her.\n',
  'economy.txt': ' date 2024-03-04 Vollstedt said on Thursday that the economy was strong.\n',
  'harbour.txt': ' date 2024-03-05 Klaus Ostermann opened the new harbour on Friday.\n',
  'museum.txt': ' date 2024-03-06 Ostermann said the museum would reopen in May.\n',
};

/** The people the Entities view shows under a filter. */
async function peopleShown(filter: string): Promise<string[]> {
  const corpus = await api();
  await vscode.commands.executeCommand('newsCorpus.entities.filter', filter);
  try {
    return shownRows(corpus, 'People').map(({ item }) => `${label(item)} (${String(item.description ?? '')})`);
  } finally {
    await vscode.commands.executeCommand('newsCorpus.entities.clearFilter');
  }
}

describe('Merge Likely Duplicates', () => {
  before(async () => {
    const corpus = await api();
    for (const [name, text] of Object.entries(ARTICLES)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(FOLDER, name), new TextEncoder().encode(text));
    const prefix = `${FOLDER.toString()}/`;
    await corpusBecomes('the articles are in the corpus', () => [...corpus.corpus.articles()].filter((entry) => entry.id.startsWith(prefix)).length === Object.keys(ARTICLES).length, corpus);
  });

  removedAfterTests(FOLDER);

  afterEach(async () => {
    await removeFacts();
  });

  it('merges the likely pairs in one edit of the facts file, which the views then follow', async () => {
    assert.deepStrictEqual(await peopleShown('Vollstedt'), ['Margarethe Vollstedt (3 articles · 3 mentions)', 'Vollstedt (1 article · 1 mention)']);
    // The sample corpus has likely pairs of its own (Trump, Donald Trump): the two of these articles are among them.
    const merged = await run<number>('newsCorpus.mergeLikelyDuplicates', 'likely');
    assert.ok(merged >= 2, `${merged} pairs merged`);
    const { people } = (await factsJson()) as { people: Record<string, unknown> };
    assert.deepStrictEqual(people['Margarethe Vollstedt'], { aliases: ['Vollstedt'] });
    assert.deepStrictEqual(people['Anselm Krieger'], { aliases: ['Anselm T. Krieger'] });
    assert.strictEqual(people['Klaus Ostermann'], undefined, 'a pair not ticked is not merged');
    await factsBecome('the merges apply', (corpus) => corpus.facts.corrections().fateOf('PER:vollstedt') !== undefined);
    const shown = await answerBecomes('the Entities view shows the merge', () => peopleShown('Vollstedt'), (rows) => rows.length === 1);
    assert.deepStrictEqual(shown, ['Margarethe Vollstedt (4 articles · 4 mentions)']);
  });

  it('names in the Entities view\'s tooltips the entry likely the same: of a name alone, its full name; of a full name, the name alone', async () => {
    const corpus = await api();
    const tooltips = async () => {
      await vscode.commands.executeCommand('newsCorpus.entities.filter', 'Vollstedt');
      try {
        const rows = shownRows(corpus, 'People');
        const resolved = await Promise.all(rows.map(({ element, item }) => corpus.entitiesTree.resolveTreeItem(item, element)));
        return resolved.map((item) => String(item?.tooltip ?? ''));
      } finally {
        await vscode.commands.executeCommand('newsCorpus.entities.clearFilter');
      }
    };
    // The pairs are worked out a while after the entities last changed (the articles were just added).
    const [full, alone] = await answerBecomes('the tooltips name the pair', tooltips, (found) => found.every((tooltip) => tooltip.includes('the same')));
    assert.match(full ?? '', /^Margarethe Vollstedt \(person\)\n[^]*\nAlso listed apart: Vollstedt \(1 article\), likely the same\nMerge Likely Duplicates… or Merge Entities… joins them\.$/);
    assert.match(alone ?? '', /\nLikely the same as Margarethe Vollstedt \(person\): 1 vs 3 articles; no other full name\nMerge Likely Duplicates… or Merge Entities… joins them\.$/);
  });

  it('says on the card of a name alone which full name it likely is, and its Merge… link merges the two with Enter', async () => {
    // The pairs are worked out a while after the entities last changed (the articles were just added), never at a hover.
    const card = await answerBecomes('the card names the full name', () => cardOver('likely-duplicates/economy.txt', 'Vollstedt'), (value) => value?.includes('the same as') === true);
    const hint = /^Likely the same as \*\*Margarethe Vollstedt\*\*: 1 vs 3 articles; no other full name · \[Merge…\]\(command:newsCorpus\.mergeEntities\?([^ )]+)/m.exec(card ?? '');
    assert.ok(hint, card);
    assert.doesNotMatch((await cardOver('likely-duplicates/rally.txt', 'Margarethe Vollstedt')) ?? '', /the same as/, 'the full name has no such line');
    assert.match((await cardOver('likely-duplicates/museum.txt', 'Ostermann')) ?? '', /^Possibly the same as \*\*Klaus Ostermann\*\*: 1 vs 1 article; /m);
    // The link asks which name to keep, the one with more articles first: Enter keeps it.
    const merging = vscode.commands.executeCommand<boolean>('newsCorpus.mergeEntities', ...(JSON.parse(decodeURIComponent(hint[1] ?? '')) as unknown[]));
    const accepting = setInterval(() => void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'), 200);
    try {
      assert.strictEqual(await merging, true);
    } finally {
      clearInterval(accepting);
    }
    const { people } = (await factsJson()) as { people: Record<string, unknown> };
    assert.deepStrictEqual(people['Margarethe Vollstedt'], { aliases: ['Vollstedt'] });
    const merged = await answerBecomes('the card follows the merge', () => cardOver('likely-duplicates/economy.txt', 'Vollstedt'), (value) => value?.includes('**Margarethe Vollstedt**') === true);
    assert.doesNotMatch(merged ?? '', /the same as/);
  });

  it('merges every pair with "all", and is undone by Undo Last Entity Correction, all pairs at once', async () => {
    assert.ok((await run<number>('newsCorpus.mergeLikelyDuplicates', 'all')) > 3);
    const { people } = (await factsJson()) as { people: Record<string, unknown> };
    assert.deepStrictEqual(people['Klaus Ostermann'], { aliases: ['Ostermann'] });
    assert.strictEqual(await run('newsCorpus.undoCorrection'), true);
    assert.strictEqual(await factsOnDisk(), undefined, 'the facts file it created is gone again');
  });
});
