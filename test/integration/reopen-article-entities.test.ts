import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EntityDirectory } from '../../src/core/entity-directory';
import type { CorpusService } from '../../src/corpus/corpus-service';
import { corpusNameOf, redrawWhenListed } from '../../src/in-this-article/corpus-names';
import { ownFolders, saveIndexOf, scanToTheEnd, serviceOver } from './own-service';

const ARTICLES = ['alpha', 'bravo', 'charlie'];

/** The view's corpus names over `service`, and how many it has asked of the corpus's entities (each may decode the saved entity section). */
function countedNames(service: CorpusService): { readonly nameOf: (key: string) => string | undefined; readonly asked: () => number } {
  let asked = 0;
  const entities: EntityDirectory = Object.assign(Object.create(service.entities) as EntityDirectory, {
    summary: (key: string) => {
      asked++;
      return service.entities.summary(key);
    },
  });
  return { nameOf: corpusNameOf(entities, service), asked: () => asked };
}

describe('The In This Article view in a reopened window', () => {
  const folders = ownFolders('reopen-article-entities', (dir) => ARTICLES.forEach((name, i) => writeFileSync(path.join(dir, `${name}.txt`), ` date 2022-05-0${i + 1} The ${name} article.`)));

  it('asks the corpus for no entity name while the saved listing arrives, and asks again once the load has ended', async () => {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    await saveIndexOf(folders.dir, cacheFile);
    const reopened = serviceOver(folders.dir, cacheFile, []);
    const { nameOf, asked } = countedNames(reopened);
    const seen: { readonly at: string; readonly listed: number; readonly due: boolean; readonly asked: number }[] = [];
    // What the view does when the listing reaches the corpus, and when the entities change: it names its rows.
    const note = (at: string) => {
      nameOf('PER:alpha');
      seen.push({ at, listed: reopened.corpus.size, due: reopened.savedListingDue, asked: asked() });
    };
    const stopListing = reopened.corpus.subscribe(() => {
      if (seen.length === 0) note('listing');
    });
    const following = reopened.onDidChangeEntities(() => {
      if (seen.length === 1) note('entities');
    });
    await scanToTheEnd(reopened, () => {
      stopListing();
      following.dispose();
    });
    assert.deepStrictEqual(seen, [
      { at: 'listing', listed: ARTICLES.length, due: true, asked: 0 },
      { at: 'entities', listed: ARTICLES.length, due: false, asked: 1 },
    ]);
  });

  it('asks the corpus for the names again once a load that listed the saved articles rejects', async () => {
    const cacheFile = path.join(folders.cacheDir, 'rejected.ncidx');
    await saveIndexOf(folders.dir, cacheFile);
    const notes: string[] = [];
    // Loaded and listed as ever, then the load rejects.
    const reopened = serviceOver(folders.dir, cacheFile, notes, (index) => {
      const load = index.load.bind(index);
      index.load = async (run) => {
        await load(run);
        throw new Error('the cache reader broke');
      };
    });
    const { nameOf, asked } = countedNames(reopened);
    const redraws: { readonly at: string; readonly asked: number }[] = [];
    // The view's redraws: its article listed, the entities changed, the saved listing no longer due.
    const redraw = (at: string) => {
      nameOf('PER:alpha');
      redraws.push({ at, asked: asked() });
    };
    const stopListing = reopened.corpus.subscribe(() => {
      if (redraws.length === 0) redraw('listing');
    });
    const following = [reopened.onDidChangeEntities(() => redraw('entities')), redrawWhenListed(reopened, () => redraw('listed'))];
    try {
      await reopened.rescan();
      await reopened.whenIdle();
    } finally {
      stopListing();
      following.forEach((listener) => listener.dispose());
      reopened.dispose();
    }
    assert.deepStrictEqual(notes, ['News Corpus: reading the articles failed: the cache reader broke']);
    // The failed scan lists the corpus and the entities again from the index as it is (here: loaded before the failure).
    assert.deepStrictEqual(redraws, [
      { at: 'listing', asked: 0 },
      { at: 'listed', asked: 1 },
      { at: 'entities', asked: 2 },
    ]);
  });
});
