import * as assert from 'assert';
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { corpusContext } from '../../src/corpus';
import { CorpusService } from '../../src/corpus/corpus-service';
import { CorpusSettings } from '../../src/corpus/settings';
import { datesViewMessage } from '../../src/dates-tree';
import { statusShownOf } from '../../src/status-bar';
import { api, welcomeShown } from './helpers';
import { depsOverFolders, ownFolders, saveIndexOf, serviceOverFolders, serviceWith } from './own-service';

const ARTICLES = ['Vladimir Putin met Angela Merkel in Berlin.', 'Angela Merkel spoke in New York.', 'Vladimir Putin returned to Moscow.'];
/** What QA typed as the include setting: its brace is never closed. */
const UNCLOSED_INCLUDE = '**/{live';
const INCLUDE_PROBLEM = 'the folder "malformed-settings" was not read, because the setting newsCorpus.include is not a valid glob pattern: the "{" at character 4 of "**/{live" is never closed';
/** Writes {@link ARTICLES} into `dir`, one file each. */
const writeArticles = (dir: string) => ARTICLES.forEach((text, i) => writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-05-0${i + 1} ${text}`));
const EDIT_SETTINGS = '[Edit Article Settings](command:newsCorpus.openSettings)';

describe('A malformed include or exclude setting', () => {
  const folders = ownFolders('malformed-settings', writeArticles);
  const other = ownFolders('malformed-settings-other', (dir) => writeFileSync(path.join(dir, 'wire.txt'), ' date 2022-05-09 Olaf Scholz met Emmanuel Macron.'));
  const kept = ownFolders('malformed-settings-kept', writeArticles);

  /** A service over the folder whose include and exclude settings are `globs` as they are when it asks. */
  function serviceOf(cacheFile: string, globs: { include: string; exclude: string }, notes: string[], logged: string[]): CorpusService {
    const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(folders.dir), name: 'malformed-settings', index: 0 };
    const deps = depsOverFolders([folder], () => cacheFile, notes, undefined, logged);
    return serviceWith({ ...deps, settings: (asked): CorpusSettings => ({ ...deps.settings(asked), ...globs }) });
  }

  /** The welcome content of `view` for `service` in a folder workspace, the entity model loaded and no filter set. */
  const welcomeOf = (view: string, service: CorpusService) =>
    welcomeShown(view, { workbenchState: 'folder', 'newsCorpus.entityModelBroken': false, 'newsCorpus.entitiesFiltered': false, ...corpusContext(service) });

  it('stops the scan with a message naming the setting, keeps the saved index listed and searchable, follows no file meanwhile, and loses nothing once corrected', async () => {
    // The extension active, as in a window: the test looks for its command, which a run of this file alone would not have.
    await api();
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    await saveIndexOf(folders.dir, cacheFile);
    const globs = { include: UNCLOSED_INCLUDE, exclude: '' };
    const notes: string[] = [];
    const logged: string[] = [];
    const service = serviceOf(cacheFile, globs, notes, logged);
    try {
      await service.rescan();
      await service.whenIdle();
      const told = `News Corpus: ${INCLUDE_PROBLEM}.`;
      assert.deepStrictEqual(
        { listed: service.corpus.size, failure: service.scanFailure, settings: service.settingsProblem !== undefined, notes, logged },
        { listed: ARTICLES.length, failure: INCLUDE_PROBLEM, settings: true, notes: [told], logged: [told] },
      );
      const found = service.search('merkel', { limit: 10, tieBreak: 'newest' });
      assert.ok(found?.ok && found.total === 2, `the saved index still answers: ${JSON.stringify(found)}`);
      // The status bar says the setting is invalid and its click opens the settings (a rescan would stop again).
      const shown = statusShownOf(service);
      assert.deepStrictEqual([shown?.text, shown?.error, shown?.command], [`$(error) ${ARTICLES.length}`, true, 'newsCorpus.openSettings']);
      assert.ok(shown?.tooltip.includes(`invalid setting: ${INCLUDE_PROBLEM}`) && shown.tooltip.endsWith('Click to open the settings.'), shown?.tooltip);
      assert.ok((await vscode.commands.getCommands(true)).includes('newsCorpus.openSettings'));
      assert.ok(datesViewMessage(service.corpus, service).includes(INCLUDE_PROBLEM), datesViewMessage(service.corpus, service));
      // A rebuild asked meanwhile is not begun: it would start by dropping the index. Asked for, its failure is told again.
      await service.rescan({ rebuild: true, asked: true });
      await service.whenIdle();
      assert.deepStrictEqual([service.corpus.size, service.search('merkel', { limit: 10, tieBreak: 'newest' })?.ok, service.scanFailure, notes], [ARTICLES.length, true, INCLUDE_PROBLEM, [told, told]]);

      // A new article meanwhile: which files the settings take is not known, so it waits for the corrected settings' scan.
      const added = path.join(folders.dir, 'article-new.txt');
      writeFileSync(added, ' date 2022-06-01 Olaf Scholz visited Paris.');
      service.fileChanged(vscode.Uri.file(added));
      await service.whenIdle();
      assert.deepStrictEqual([service.corpus.size, notes.length, logged.length], [ARTICLES.length, 2, 2]);

      // Corrected: the rescan the change of setting runs is the rebuild asked meanwhile, every article read again.
      globs.include = '**/*.txt';
      await service.rescan();
      await service.whenIdle();
      assert.deepStrictEqual(
        { listed: service.corpus.size, failure: service.scanFailure, settings: service.settingsProblem, reread: service.lastScan?.reread, unchanged: service.lastScan?.unchanged },
        { listed: ARTICLES.length + 1, failure: undefined, settings: undefined, reread: ARTICLES.length + 1, unchanged: 0 },
      );
      // Done once: the next rescan reads nothing again.
      await service.rescan();
      await service.whenIdle();
      assert.deepStrictEqual([service.lastScan?.reread, service.lastScan?.unchanged], [0, ARTICLES.length + 1]);
      assert.strictEqual(corpusContext(service)['newsCorpus.settingsInvalid'], false);
      assert.strictEqual(statusShownOf(service)?.command, 'newsCorpus.dates.focus');
    } finally {
      service.dispose();
    }
  });

  const named = (dir: string, name: string, index: number): vscode.WorkspaceFolder => ({ uri: vscode.Uri.file(dir), name, index });

  it('in a multi-root workspace, scans the other folders and keeps the saved index of the folder whose setting is malformed, which the message names', async () => {
    const workspace = [named(other.dir, 'wire', 0), named(kept.dir, 'wire-copy', 1)];
    const cacheOf = (folder: vscode.WorkspaceFolder) => path.join(other.cacheDir, `multi-${folder.index}.ncidx`);
    // Both indexes saved, as by a window closed while both folders' settings were right.
    const first = serviceOverFolders(workspace, cacheOf, []);
    try {
      await first.rescan();
      await first.whenIdle();
      await first.saveNow();
    } finally {
      first.dispose();
    }
    // An article added to each folder while the window was closed.
    writeFileSync(path.join(other.dir, 'later.txt'), ' date 2022-05-10 Olaf Scholz flew to Warsaw.');
    writeFileSync(path.join(kept.dir, 'later.txt'), ' date 2022-05-11 Angela Merkel flew to Rome.');
    const notes: string[] = [];
    const deps = depsOverFolders(workspace, cacheOf, notes);
    // Only the second folder's own exclude setting is malformed.
    const secondExclude = { exclude: '[' };
    const service = serviceWith({ ...deps, settings: (asked): CorpusSettings => ({ ...deps.settings(asked), ...(asked.index === 1 ? secondExclude : {}) }) });
    const total = (query: string) => {
      const found = service.search(query, { limit: 10, tieBreak: 'newest' });
      return found?.ok ? found.total : found;
    };
    // Every change of the corpus that is not articles added alone: a relisting, which regroups every view.
    let relistings = 0;
    const stop = service.corpus.subscribe((change) => (relistings += change === undefined ? 1 : 0));
    try {
      await service.rescan();
      await service.whenIdle();
      // The scan lists what it read once: the folder left out adds no relisting of its own (it was a second publish).
      assert.strictEqual(relistings, 1);
      const problem = 'the folder "wire-copy" was not read, because the setting newsCorpus.exclude is not a valid glob pattern: the "[" at character 1 of "[" is never closed';
      const told = `News Corpus: ${problem}.`;
      // The first folder's new article is read; the second folder's saved articles stay listed and searchable, its new one waits.
      assert.deepStrictEqual(
        { failure: service.scanFailure, settings: service.settingsProblem !== undefined, notes, listed: service.corpus.size, warsaw: total('warsaw'), merkel: total('merkel'), rome: total('rome') },
        { failure: problem, settings: true, notes: [told], listed: 2 + ARTICLES.length, warsaw: 1, merkel: 2, rome: 0 },
      );
      assert.deepStrictEqual([service.lastScan?.reread, service.lastScan?.unchanged], [1, 1]);
      // A rebuild reads the first folder's articles again and does not drop the second folder's saved index.
      await service.rescan({ rebuild: true, asked: true });
      await service.whenIdle();
      assert.deepStrictEqual(
        { failure: service.scanFailure, notes: notes.length, listed: service.corpus.size, reread: service.lastScan?.reread, unchanged: service.lastScan?.unchanged, warsaw: total('warsaw'), merkel: total('merkel') },
        { failure: problem, notes: 2, listed: 2 + ARTICLES.length, reread: 2, unchanged: 0, warsaw: 1, merkel: 2 },
      );
      // Corrected: the second folder gets the rebuild it was left out of (an ordinary rescan read its new article alone).
      secondExclude.exclude = '';
      await service.rescan();
      await service.whenIdle();
      assert.deepStrictEqual(
        { failure: service.scanFailure, listed: service.corpus.size, reread: service.lastScan?.reread, unchanged: service.lastScan?.unchanged, rome: total('rome'), merkel: total('merkel') },
        { failure: undefined, listed: 3 + ARTICLES.length, reread: 1 + ARTICLES.length, unchanged: 2, rome: 1, merkel: 3 },
      );
    } finally {
      stop();
      service.dispose();
    }
  });

  it('remembers a rebuild owed to a folder left out across a reload, and gives it once the setting is fixed', async () => {
    const workspace = [named(other.dir, 'wire', 0), named(kept.dir, 'wire-copy', 1)];
    const cacheOf = (folder: vscode.WorkspaceFolder) => path.join(other.cacheDir, `owed-${folder.index}.ncidx`);
    // What the workspace's state keeps between windows.
    let stored: readonly string[] = [];
    const owedRebuilds = { read: () => stored, write: (folders: readonly string[]) => (stored = folders) };
    const deps = depsOverFolders(workspace, cacheOf, []);
    const secondExclude = { exclude: '' };
    const settings = (asked: vscode.WorkspaceFolder): CorpusSettings => ({ ...deps.settings(asked), ...(asked.index === 1 ? secondExclude : {}) });
    const saved = serviceWith({ ...deps, settings, owedRebuilds });
    try {
      await saved.rescan();
      await saved.whenIdle();
      // A rebuild asked while the second folder's setting is malformed leaves it out, and owes it one.
      secondExclude.exclude = '[';
      await saved.rescan({ rebuild: true, asked: true });
      await saved.whenIdle();
      await saved.saveNow();
    } finally {
      saved.dispose();
    }
    assert.deepStrictEqual(stored, [workspace[1]?.uri.toString()]);
    // The window reloaded with the setting fixed: the new service's first scan rebuilds that folder, not the other.
    secondExclude.exclude = '';
    const reloaded = serviceWith({ ...deps, settings, owedRebuilds });
    try {
      await reloaded.rescan();
      await reloaded.whenIdle();
      const secondFolderArticles = readdirSync(kept.dir).filter((name) => name.endsWith('.txt')).length;
      assert.deepStrictEqual({ reread: reloaded.lastScan?.reread, owed: stored }, { reread: secondFolderArticles, owed: [] });
    } finally {
      reloaded.dispose();
    }
  });

  it('in a multi-root workspace, names every folder whose setting is malformed, and which setting, and reads the others', async () => {
    const workspace = [named(other.dir, 'wire', 0), named(kept.dir, 'wire-copy', 1), named(folders.dir, 'malformed-settings', 2)];
    const notes: string[] = [];
    const deps = depsOverFolders(workspace, (folder) => path.join(other.cacheDir, `every-${folder.index}.ncidx`), notes);
    const malformed: Record<number, Partial<CorpusSettings>> = { 1: { exclude: '[' }, 2: { include: UNCLOSED_INCLUDE } };
    const service = serviceWith({ ...deps, settings: (asked): CorpusSettings => ({ ...deps.settings(asked), ...malformed[asked.index] }) });
    try {
      await service.rescan();
      await service.whenIdle();
      const problem = `the folder "wire-copy" was not read, because the setting newsCorpus.exclude is not a valid glob pattern: the "[" at character 1 of "[" is never closed; ${INCLUDE_PROBLEM}`;
      const read = [...service.corpus.articles()].map(({ id }) => id.startsWith(`${vscode.Uri.file(other.dir).toString()}/`));
      assert.deepStrictEqual({ failure: service.scanFailure, notes, read: read.length > 0 && read.every(Boolean) }, { failure: problem, notes: [`News Corpus: ${problem}.`], read: true });
    } finally {
      service.dispose();
    }
  });

  it('an unclosed "[" in the exclude setting, on a first opening: no article listed, the views offer the settings, not a retry', async () => {
    const notes: string[] = [];
    const service = serviceOf(path.join(folders.cacheDir, 'first.ncidx'), { include: '**/*.txt', exclude: '[' }, notes, []);
    try {
      await service.rescan();
      await service.whenIdle();
      const problem = 'the folder "malformed-settings" was not read, because the setting newsCorpus.exclude is not a valid glob pattern: the "[" at character 1 of "[" is never closed';
      assert.deepStrictEqual([service.corpus.size, service.state, service.scanFailure, notes], [0, 'empty', problem, [`News Corpus: ${problem}.`]]);
      assert.deepStrictEqual(corpusContext(service), { 'newsCorpus.state': 'empty', 'newsCorpus.hasSkipped': false, 'newsCorpus.scanFailed': true, 'newsCorpus.settingsInvalid': true });
      for (const view of ['newsCorpus.dates', 'newsCorpus.entities']) {
        const welcome = welcomeOf(view, service);
        assert.strictEqual(welcome.length, 1, `${view}: ${JSON.stringify(welcome)}`);
        assert.ok(welcome[0]?.startsWith('The include or exclude setting is not a glob pattern') && welcome[0].endsWith(EDIT_SETTINGS), welcome[0]);
      }
    } finally {
      service.dispose();
    }
  });
});
