import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ownFolders, saveIndexOf, scanToTheEnd, serviceOver, shippedModel } from './own-service';

const PUTIN = 'PER:vladimir putin';
const SAYS = ' date 2022-05-01 Russian President Vladimir Putin met reporters in Moscow.';
const SAYS_ANOTHER = ' date 2022-05-01 Former KGB officer Vladimir Putin met reporters in Moscow.';

describe('The hover card\'s roles in a reopened window', () => {
  const folders = ownFolders('reopen-roles', (dir) => {
    writeFileSync(path.join(dir, 'says.txt'), SAYS);
    writeFileSync(path.join(dir, 'other.txt'), ' date 2022-05-02 Vladimir Putin spoke to the press in Sochi.');
  });

  /**
   * Opens the folder again from its saved index and scans it; returns the scan's summary, and Vladimir Putin's roles
   * (what his hover card lists, as "role (articles)") and articles then.
   */
  async function reopened(cacheFile: string) {
    const service = serviceOver(folders.dir, cacheFile, [], undefined, [], undefined, shippedModel());
    let roles: readonly { readonly role: string; readonly articles: number }[] = [];
    let articles = 0;
    await scanToTheEnd(service, () => {
      roles = service.entities.roles(PUTIN);
      articles = service.entities.summary(PUTIN)?.articleCount ?? 0;
    });
    return { scan: service.lastScan, articles, roles, said: roles.map(({ role, articles }) => `${role} (${articles})`) };
  }

  it('shows the role an article says since it changed while the window was closed, not the role it said before', async () => {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    await saveIndexOf(folders.dir, cacheFile, undefined, shippedModel());
    const unchanged = await reopened(cacheFile);
    assert.deepStrictEqual([unchanged.scan?.unchanged, unchanged.scan?.reread, unchanged.said], [2, 0, ['Russian President (1)']], 'as saved');
    writeFileSync(path.join(folders.dir, 'says.txt'), SAYS_ANOTHER);
    const changed = await reopened(cacheFile);
    assert.deepStrictEqual([changed.scan?.unchanged, changed.scan?.reread], [1, 1], 'the changed article alone read again');
    assert.deepStrictEqual(changed.said, ['Former KGB officer (1)']);
    for (const { role, articles } of changed.roles) assert.ok(articles <= changed.articles, `${role}: ${articles} of ${changed.articles} articles`);
  });
});
