import * as assert from 'assert';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { indexFileSections } from '../../src/core/search/index-file';
import { ownFolders, saveIndexOf, scanToTheEnd, serviceOver } from './own-service';

const ARTICLES = ['alpha', 'bravo', 'charlie'];

describe('Reopening from a cache found damaged after its listing was read', () => {
  const folders = ownFolders('damaged', (dir) => ARTICLES.forEach((name, i) => writeFileSync(path.join(dir, `${name}.txt`), ` date 2021-04-0${i + 1} The ${name} article, written before the window closed.`)));

  it('drops the articles listed from it once its text is found damaged, and says the cache was rebuilt', async () => {
    const { dir, cacheDir } = folders;
    const cacheFile = path.join(cacheDir, 'index.ncidx');
    await saveIndexOf(dir, cacheFile);
    const bytes = readFileSync(cacheFile);
    // In the text section, whose checksum is finished only once the index answers searches.
    const text = indexFileSections(bytes).find(({ info }) => info.name === 'text')?.bytes;
    assert.ok(text && text.length > 0);
    const at = text.byteOffset - bytes.byteOffset + Math.floor(text.length / 2);
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
    const dropped = seen.findIndex((state) => !state.listsDeleted);
    assert.ok(dropped > 0, JSON.stringify(seen));
    assert.deepStrictEqual(seen.slice(dropped).filter((state) => state.listsDeleted), [], `never listed again once dropped: ${JSON.stringify(seen)}`);
    assert.deepStrictEqual([...reopened.corpus.articles()].map((article) => path.basename(vscode.Uri.parse(article.id).fsPath)).sort(), ['alpha.txt', 'bravo.txt']);
    // Found by the checksum, which the text section's part finishes after the load answered searches.
    assert.ok(notes.some((note) => /could not be used \(News Corpus: the saved index is damaged \(checksum mismatch\)/.test(note)), JSON.stringify(notes));
  });
});
