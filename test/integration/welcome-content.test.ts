import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { corpusContext } from '../../src/corpus';
import { ArticleEntity } from '../../src/core/entities/types';
import { EntitiesTreeProvider } from '../../src/entities-tree/entities-tree-provider';
import { typeItem } from '../../src/entities-tree/entity-tree-items';
import { ArticleEntitiesProvider, ArticleEntitiesState } from '../../src/in-this-article/article-entities-provider';
import { statusShownOf } from '../../src/status-bar';
import { welcomeShown, WhenContext } from './helpers';
import { depsOverFolders, ownFolders, serviceOver, serviceWith, shippedModel } from './own-service';

const NO_ENTITIES = 'No people, places or organizations were found in these articles.';
const NONE_IN_ARTICLE = 'No people, places or organizations were found in this article.';
const FINDING_IN_ARTICLE = 'Finding the people, places and organizations in this article…';

const SOME_ENTITY: ArticleEntity = { key: 'PER:angela merkel', name: 'Angela Merkel', type: 'PER', aliases: [], forms: [{ text: 'Angela Merkel', count: 1 }], mentions: [{ start: 0, end: 13 }] };

/** What the Entities view shows while it has no rows, in a folder whose corpus is ready, given `more` context keys. */
function entitiesWelcome(more: WhenContext): string[] {
  const ready: WhenContext = { workbenchState: 'folder', 'newsCorpus.state': 'ready', 'newsCorpus.scanFailed': false, 'newsCorpus.entityModelBroken': false, 'newsCorpus.entitiesFiltered': false };
  return welcomeShown('newsCorpus.entities', { ...ready, ...more });
}

/** What the In This Article view shows while it has no rows, an article being open, given the view's state. */
function articleWelcome(state: ArticleEntitiesState | undefined): string[] {
  const open: WhenContext = { workbenchState: 'folder', 'newsCorpus.activeArticle': true, 'newsCorpus.entityModelBroken': false };
  return welcomeShown('newsCorpus.articleEntities', state === undefined ? open : { ...open, 'newsCorpus.articleEntities': state });
}

describe('Welcome content that says nothing was found waits for the view to know it', () => {
  const folders = ownFolders('welcome', (dir) => writeFileSync(path.join(dir, 'a.txt'), ' date 2024-03-01 Angela Merkel spoke in Berlin.'));

  it('the Entities view: "none found" only once its rows, worked out, are none; never from the corpus being ready alone', async () => {
    // Indexed without an entity extractor: a ready corpus with no entity.
    const service = serviceOver(folders.dir, path.join(folders.cacheDir, 'index.ncidx'), []);
    try {
      await service.rescan();
      await service.whenIdle();
      assert.strictEqual(corpusContext(service)['newsCorpus.state'], 'ready');
      const heard: boolean[] = [];
      const view = new EntitiesTreeProvider(service.entities, () => [], () => ({ sort: 'articles', filter: '' }), (empty) => heard.push(empty));
      // Ready, its rows not worked out yet (on their way to the workbench after a build): no "none found".
      assert.deepStrictEqual(entitiesWelcome({}), []);
      assert.deepStrictEqual(view.getChildren(), []);
      assert.deepStrictEqual(heard, [true]);
      assert.deepStrictEqual(entitiesWelcome({ 'newsCorpus.noEntities': true }), [`${NO_ENTITIES}\n[Search Articles](command:newsCorpus.search)`]);
      // The entities change (a scan ends): not known to be empty until the rows are worked out again.
      view.refresh();
      assert.deepStrictEqual(heard, [true, false]);
      view.getChildren();
      assert.deepStrictEqual(heard, [true, false, true]);
      view.dispose();
    } finally {
      service.dispose();
    }
    // With the shipped model the same article names people: the rows say so.
    const named = serviceWith(depsOverFolders([{ uri: vscode.Uri.file(folders.dir), name: 'welcome', index: 0 }], () => path.join(folders.cacheDir, 'model.ncidx'), [], undefined, [], undefined, shippedModel()));
    try {
      await named.rescan();
      await named.whenIdle();
      const heard: boolean[] = [];
      const view = new EntitiesTreeProvider(named.entities, () => [], () => ({ sort: 'articles', filter: '' }), (empty) => heard.push(empty));
      assert.ok(view.getChildren().length > 0);
      assert.deepStrictEqual(heard, [false]);
      view.dispose();
    } finally {
      named.dispose();
    }
  });

  it('In This Article: "finding" while the article is read, "none found" only once it is known to name nobody', () => {
    const heard: ArticleEntitiesState[] = [];
    let found: readonly ArticleEntity[] = [];
    let article = 'file:///a.txt';
    const view = new ArticleEntitiesProvider(() => ({ id: article, text: () => ' date 2024-03-01 text' }), () => found, () => undefined, (state) => heard.push(state));
    view.refresh();
    assert.deepStrictEqual(articleWelcome(heard.at(-1)), [FINDING_IN_ARTICLE]);
    assert.deepStrictEqual(view.getChildren(), []);
    assert.deepStrictEqual(articleWelcome(heard.at(-1)), [NONE_IN_ARTICLE]);
    // The same article, edited: what it was found to name stands until its new text is read.
    found = [SOME_ENTITY];
    view.refresh();
    assert.strictEqual(view.getChildren().length, 1);
    assert.deepStrictEqual(heard, ['finding', 'none', 'listed']);
    // Another article, read at once.
    article = 'file:///b.txt';
    found = [];
    view.refresh();
    view.getChildren();
    assert.deepStrictEqual(heard, ['finding', 'none', 'listed', 'none']);
    // Before the view has said anything (a window just opened), nothing is claimed about the article.
    assert.deepStrictEqual(articleWelcome(undefined), []);
    view.dispose();
  });

  it('In This Article: "finding", with no rows, while a long article is analysed on another thread, then its rows when they arrive', () => {
    const heard: ArticleEntitiesState[] = [];
    let found: readonly ArticleEntity[] | undefined = [SOME_ENTITY];
    let article = 'file:///a.txt';
    const view = new ArticleEntitiesProvider(() => ({ id: article, text: () => ' date 2024-03-01 text' }), () => found, () => undefined, (state) => heard.push(state));
    let refreshes = 0;
    const counting = view.onDidChangeTreeData(() => refreshes++);
    assert.strictEqual(view.getChildren().length, 1);
    // Another article, long: the rows listed go, and the view says it is finding its entities.
    article = 'file:///long.txt';
    found = undefined;
    view.refresh();
    assert.deepStrictEqual(view.getChildren(), []);
    assert.deepStrictEqual(articleWelcome(heard.at(-1)), [FINDING_IN_ARTICLE]);
    view.analysisArrived();
    assert.strictEqual(refreshes, 2, 'asked again while it waited');
    found = [SOME_ENTITY];
    view.analysisArrived();
    assert.strictEqual(refreshes, 3);
    assert.strictEqual(view.getChildren().length, 1);
    assert.deepStrictEqual(heard, ['listed', 'finding', 'finding', 'finding', 'listed']);
    view.analysisArrived();
    assert.strictEqual(refreshes, 3, 'not refreshed once it lists the article');
    counting.dispose();
    view.dispose();
  });
  it('In This Article: a long article, edited, keeps its rows and says nothing of finding until its new text\'s entities arrive', () => {
    const heard: ArticleEntitiesState[] = [];
    const other: ArticleEntity = { ...SOME_ENTITY, key: 'PER:emmanuel macron', name: 'Emmanuel Macron' };
    let found: readonly ArticleEntity[] | undefined = [SOME_ENTITY];
    const view = new ArticleEntitiesProvider(() => ({ id: 'file:///long.txt', text: () => ' date 2024-03-01 text' }), () => found, () => undefined, (state) => heard.push(state));
    const names = () => view.getChildren().flatMap((group) => view.getChildren(group)).map((element) => (element.kind === 'entity' ? element.entity.name : ''));
    assert.deepStrictEqual(names(), ['Angela Merkel']);
    found = undefined;
    view.refresh();
    assert.deepStrictEqual(names(), ['Angela Merkel'], 'the rows of the text before the edit stay');
    assert.ok(!heard.includes('finding'), heard.join(', '));
    found = [SOME_ENTITY, other];
    view.analysisArrived();
    assert.deepStrictEqual(names(), ['Angela Merkel', 'Emmanuel Macron']);
    assert.ok(!heard.includes('finding'), heard.join(', '));
    view.dispose();
  });
});

describe('An entity group with nothing in it', () => {
  it('says "none found" and does not expand, rather than showing "Organizations 0" opening on nothing', () => {
    // People, Places and Organizations stay listed when the corpus names none, so that the Entities view keeps its shape.
    const empty = typeItem('ORG', 0);
    const label = typeof empty.label === 'string' ? empty.label : empty.label?.label;
    assert.deepStrictEqual([label, empty.description, empty.tooltip, empty.collapsibleState], ['Organizations', 'none found', 'No organizations named in the corpus', vscode.TreeItemCollapsibleState.None]);
    const some = typeItem('ORG', 3);
    assert.deepStrictEqual([some.description, some.collapsibleState], ['3', vscode.TreeItemCollapsibleState.Collapsed]);
  });

  it('under a filter, has nothing to open in a group none of whose entities passes it', () => {
    // ux33: "People 0 of 1,599" stayed open on nothing.
    const none = typeItem('PER', 1599, 0);
    assert.deepStrictEqual([none.description, none.tooltip, none.collapsibleState], ['0 of 1,599', '0 of the 1,599 people named in the corpus match the filter', vscode.TreeItemCollapsibleState.None]);
    assert.strictEqual(typeItem('LOC', 923, 1).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });
});

describe('The Dates view of a folder with no article', () => {
  const folders = ownFolders('no-article', (dir) => writeFileSync(path.join(dir, 'notes.txt'), 'Call the desk about the Merkel interview.'));

  it('says files were skipped and offers the list of why, where it said only "No articles found"', async () => {
    const service = serviceOver(folders.dir, path.join(folders.cacheDir, 'index.ncidx'), []);
    try {
      await service.rescan();
      await service.whenIdle();
      const shown = welcomeShown('newsCorpus.dates', { workbenchState: 'folder', ...corpusContext(service) });
      assert.strictEqual(shown.length, 1, shown.join('\n---\n'));
      assert.match(shown[0] ?? '', /^No articles found in this workspace, but some files matched the include setting and were skipped/);
      assert.match(shown[0] ?? '', /\[Show Skipped Files\]\(command:newsCorpus\.showSkippedFiles\)/);
      // The status bar shows nothing: a repository's LICENSE.txt is a skipped file too, and the welcome says why.
      assert.strictEqual(statusShownOf(service), undefined);
    } finally {
      service.dispose();
    }
  });
});
