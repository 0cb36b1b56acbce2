import * as assert from 'assert';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ownFolders, saveIndexOf, scanToTheEnd, serviceOver } from './own-service';

const ARTICLES = ['alpha', 'bravo', 'charlie'];
/** A byte near the file's end: in its last section (the texts), read after the listing at its start. */
const DAMAGED_FROM_END = 16;

describe('Reopening from a cache found damaged after its listing was read', () => {
  const folders = ownFolders('damaged', (dir) => ARTICLES.forEach((name, i) => writeFileSync(path.join(dir, `${name}.txt`), ` date 2021-04-0${i + 1} The ${name} article, written before the window closed.`)));

  it('drops the articles listed from it before the rebuild lists the folder, and says the cache was rebuilt', async () => {
    const { dir, cacheDir } = folders;
    const cacheFile = path.join(cacheDir, 'index.ncidx');
    await saveIndexOf(dir, cacheFile);
    const bytes = readFileSync(cacheFile);
    const at = bytes.length - DAMAGED_FROM_END;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(cacheFile, bytes);
    // Deleted while the window was closed: the damaged cache still lists it.
    unlinkSync(path.join(dir, 'charlie.txt'));
    const deleted = vscode.Uri.file(path.join(dir, 'charlie.txt')).toString();

    const notes: string[] = [];
    const reopened = serviceOver(dir, cacheFile, notes);
    const seen: { phase: string | undefined; listsDeleted: boolean }[] = [];
    const stop = reopened.corpus.subscribe(() => seen.push({ phase: reopened.phase, listsDeleted: reopened.corpus.article(deleted) !== undefined }));
    await scanToTheEnd(reopened, stop);
    assert.ok(seen.some((state) => state.listsDeleted), `the listing was shown before the damage was found: ${JSON.stringify(seen)}`);
    const afterLoad = seen.slice(seen.findIndex((state) => state.phase !== 'loading'));
    assert.deepStrictEqual(afterLoad.filter((state) => state.listsDeleted), [], JSON.stringify(seen));
    assert.deepStrictEqual([...reopened.corpus.articles()].map((article) => path.basename(vscode.Uri.parse(article.id).fsPath)).sort(), ['alpha.txt', 'bravo.txt']);
    assert.ok(notes.some((note) => /could not be used/.test(note)), JSON.stringify(notes));
  });
});
