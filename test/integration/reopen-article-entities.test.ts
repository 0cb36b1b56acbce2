import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EntityDirectory } from '../../src/core/entity-directory';
import { corpusNameOf } from '../../src/in-this-article/corpus-names';
import { ownFolders, saveIndexOf, serviceOver } from './own-service';

const ARTICLES = ['alpha', 'bravo', 'charlie'];

describe('The In This Article view in a reopened window', () => {
  const folders = ownFolders('reopen-article-entities', (dir) => ARTICLES.forEach((name, i) => writeFileSync(path.join(dir, `${name}.txt`), ` date 2022-05-0${i + 1} The ${name} article.`)));

  it('asks the corpus for no entity name while the saved listing arrives, and asks again once the load has ended', async () => {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    await saveIndexOf(folders.dir, cacheFile);
    const reopened = serviceOver(folders.dir, cacheFile, []);
    const asked: string[] = [];
    // The corpus's entities, noting each name asked for: a name asked decodes the saved entity section.
    const entities: EntityDirectory = Object.assign(Object.create(reopened.entities) as EntityDirectory, {
      summary: (key: string) => {
        asked.push(key);
        return reopened.entities.summary(key);
      },
    });
    const nameOf = corpusNameOf(entities, reopened);
    const seen: { readonly at: string; readonly listed: number; readonly due: boolean; readonly asked: number }[] = [];
    // What the view does when the listing reaches the corpus, and when the entities change: it names its rows.
    const note = (at: string) => {
      nameOf('PER:alpha');
      seen.push({ at, listed: reopened.corpus.size, due: reopened.savedListingDue, asked: asked.length });
    };
    const stopListing = reopened.corpus.subscribe(() => {
      if (seen.length === 0) note('listing');
    });
    const following = reopened.onDidChangeEntities(() => {
      if (seen.length === 1) note('entities');
    });
    try {
      await reopened.rescan();
      await reopened.whenIdle();
    } finally {
      stopListing();
      following.dispose();
      reopened.dispose();
    }
    assert.deepStrictEqual(seen, [
      { at: 'listing', listed: ARTICLES.length, due: true, asked: 0 },
      { at: 'entities', listed: ARTICLES.length, due: false, asked: 1 },
    ]);
  });
});
