import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scanSummaryText } from '../core/messages';
import { notify, refusedWithoutFolder } from '../notifications';
import { openSettingWhereSet } from '../open-setting';
import { CacheLoadPhases, DEFAULT_CACHE_READER_PATH } from '../workers/cache-file';
import { ExtractorSpec } from '../workers/entity-extractor';
import { IndexService } from '../workers/index-service';
import { CorpusService } from './corpus-service';
import { affectsCorpus, CorpusSettings, readCorpusSettings, SETTINGS_SECTION } from './settings';

/** Where the workspace's state keeps the folders owed a rebuild (see `CorpusServiceDeps.owedRebuilds`). */
const OWED_REBUILDS_KEY = 'newsCorpus.rebuildsOwed';

/** The strings of a value read back from the workspace's state, which an older or damaged state may hold otherwise. */
function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Hex digits of the folder's hash in its cache file's name. */
const CACHE_KEY_DIGITS = 16;
/** How long the status bar says what a rescan asked for found. */
const RESCAN_MESSAGE_MS = 6_000;

/**
 * The context keys the corpus sets, which the views' welcome content and the menus read (exported for the
 * integration tests, which judge the manifest's `when` clauses by them).
 */
export function corpusContext(service: Pick<CorpusService, 'corpus' | 'state' | 'scanFailure' | 'settingsProblem'>): Readonly<Record<string, string | boolean>> {
  return {
    'newsCorpus.state': service.state,
    'newsCorpus.hasSkipped': service.corpus.skippedCount > 0,
    // The views' welcome content says the scan failed, with a retry, in place of "no articles found".
    'newsCorpus.scanFailed': service.scanFailure !== undefined,
    // It failed on the include or exclude setting: the welcome content offers the settings instead, as a retry would fail again.
    'newsCorpus.settingsInvalid': service.settingsProblem !== undefined,
  };
}

function publishState(service: CorpusService): void {
  for (const [key, value] of Object.entries(corpusContext(service))) void vscode.commands.executeCommand('setContext', key, value);
}

function isRebuild(request: unknown): boolean {
  return typeof request === 'object' && request !== null && (request as { rebuild?: unknown }).rebuild === true;
}

function watchFiles(service: CorpusService): vscode.Disposable {
  // One recursive watcher: deleting or moving a folder reports only the folder, which an include glob would miss.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate((uri) => service.fileChanged(uri)),
    watcher.onDidChange((uri) => service.fileChanged(uri)),
    watcher.onDidDelete((uri) => service.fileDeleted(uri)),
  );
}

/**
 * Where a folder's index is cached: the extension's storage for this workspace (never the corpus folder).
 * Only storage on this machine's disk can hold it, since the index is written with Node's fs.
 */
function cacheFileFor(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder): string | undefined {
  const storage = context.storageUri ?? context.globalStorageUri;
  if (storage.scheme !== 'file') return undefined;
  const key = createHash('sha1').update(folder.uri.toString()).digest('hex').slice(0, CACHE_KEY_DIGITS);
  return path.join(storage.fsPath, `index-${key}.ncidx`);
}

/** The entity extractor the indexes use, and who is told when the indexing threads cannot load its model. */
interface IndexExtractor {
  readonly extractor: () => ExtractorSpec;
  readonly onModelProblem: (problem: string) => void;
  /** Hears the phases of each saved index's load (the stall probe's, when it is on). */
  readonly onLoadPhases?: (phases: CacheLoadPhases) => void;
}

function createIndex(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, settings: CorpusSettings, { extractor, onModelProblem, onLoadPhases }: IndexExtractor): IndexService {
  const cacheFile = cacheFileFor(context, folder);
  // The host's thread is shared with every other extension: the cache is read in a thread of its own.
  // The host searches the index many times: its first searches should not run on cold code (see IndexServiceOptions.warmUp).
  const options = { root: folder.uri.toString(), extractor, onModelProblem, maxFileBytes: settings.maxFileBytes, cacheReaderPath: DEFAULT_CACHE_READER_PATH, warmUp: true, ...(onLoadPhases && { onLoadPhases }) };
  return new IndexService(cacheFile === undefined ? options : { ...options, cacheFile });
}

/**
 * Starts the corpus of the workspace: the first scan runs in the background so activation returns at once,
 * then files, settings and workspace folders are followed. Indexes find entities with the extractor `deps` names;
 * failures go to `deps.log`, each kind also to a notification once (see `CorpusServiceDeps`).
 */
export function registerCorpus(context: vscode.ExtensionContext, deps: IndexExtractor & { readonly log: vscode.LogOutputChannel }): CorpusService {
  const service = new CorpusService({
    settings: (folder) => readCorpusSettings(folder),
    folders: () => vscode.workspace.workspaceFolders ?? [],
    createIndex: (folder, settings) => createIndex(context, folder, settings, deps),
    notify: (message) => notify('warning', message),
    log: (message) => deps.log.warn(message),
    owedRebuilds: {
      read: () => stringsIn(context.workspaceState.get<unknown>(OWED_REBUILDS_KEY)),
      write: (folders) => void context.workspaceState.update(OWED_REBUILDS_KEY, folders),
    },
  });
  context.subscriptions.push(
    service,
    service.onDidChangeState(() => publishState(service)),
    watchFiles(service),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsCorpus(event)) void service.rescan();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void service.rescan()),
    // `{ rebuild: true }` ignores the saved index and reads every file again, as a first opening does.
    vscode.commands.registerCommand('newsCorpus.refresh', (request?: unknown) => {
      if (refusedWithoutFolder('look for articles in it')) return undefined;
      // Said briefly, where the corpus's count is: a rescan that finds nothing changed shows no progress to speak of.
      return service.rescan({ rebuild: isRebuild(request), asked: true }).then(() => {
        const scan = service.lastScan;
        if (scan && service.scanFailure === undefined) vscode.window.setStatusBarMessage(`$(check) News Corpus: rescanned, ${scanSummaryText(scan)}`, RESCAN_MESSAGE_MS);
      });
    }),
    // After a scan stopped on a malformed setting, where its value is set (the first folder's, when several are):
    // the User settings the @ext: filter opens may not be where the value in force is.
    vscode.commands.registerCommand('newsCorpus.openSettings', () => {
      const stop = service.settingsStops[0];
      return stop ? openSettingWhereSet(`${SETTINGS_SECTION}.${stop.setting.key}`, stop.folder) : vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`);
    }),
  );
  publishState(service);
  void service.rescan();
  return service;
}
