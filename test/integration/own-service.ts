// A corpus service of a test's own, over a folder outside the workspace: what the reopen tests open twice.
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArticlesChange } from '../../src/core/corpus';
import { CorpusService, type CorpusServiceDeps } from '../../src/corpus/corpus-service';
import { DEFAULT_CACHE_READER_PATH } from '../../src/workers/cache-file';
import type { ExtractorSpec } from '../../src/workers/entity-extractor';
import { IndexService, WarmUpOutcome } from '../../src/workers/index-service';
import { EXTENSION_ID } from './helpers';

/** Where the shipped entity model is, in the installed extension. */
export function shippedModelPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return path.join(extension.extensionPath, 'models', 'ner.bin');
}

/** The shipped entity model, for a service of a test's own that must find entities. */
export function shippedModel(): ExtractorSpec {
  return { kind: 'model', modelPath: shippedModelPath() };
}

/**
 * A corpus service of its own over `dir`, its cache in `cacheFile`, read through the host's cache-reading thread;
 * `made` sees each index it makes (a test may break one). What it tells the user goes to `notes`, what it logs to `logged`;
 * with `onWarmUp`, its indexes warm up as the extension's do, and it hears how each warm-up ended; it finds no entity
 * unless given an `extractor`.
 */
export function serviceOver(
  dir: string,
  cacheFile: string,
  notes: string[],
  made?: (index: IndexService) => void,
  logged: string[] = [],
  onWarmUp?: (outcome: WarmUpOutcome) => void,
  extractor?: ExtractorSpec,
): CorpusService {
  return serviceOverFolders([{ uri: vscode.Uri.file(dir), name: 'own-service', index: 0 }], () => cacheFile, notes, made, logged, onWarmUp, extractor);
}

/**
 * A corpus service of its own over `folders` (a multi-root workspace), each folder's cache in `cacheFileOf(folder)`;
 * its indexes find no entity unless given an `extractor`.
 */
export function serviceOverFolders(...args: Parameters<typeof depsOverFolders>): CorpusService {
  return serviceWith(depsOverFolders(...args));
}

/** A corpus service of its own made with `deps`: those of {@link depsOverFolders}, with what a test changes in them. */
export function serviceWith(deps: CorpusServiceDeps): CorpusService {
  return new CorpusService(deps);
}

/** What {@link serviceOverFolders} makes its service with, for a test that changes some of it. */
export function depsOverFolders(
  folders: readonly vscode.WorkspaceFolder[],
  cacheFileOf: (folder: vscode.WorkspaceFolder) => string,
  notes: string[],
  made?: (index: IndexService) => void,
  logged: string[] = [],
  onWarmUp?: (outcome: WarmUpOutcome) => void,
  extractor: ExtractorSpec = { kind: 'none' },
): CorpusServiceDeps {
  return {
    settings: () => ({ include: '**/*.txt', exclude: '', filesExclude: [], maxFileBytes: 1 << 20 }),
    folders: () => [...folders],
    createIndex: (indexed, settings) => {
      const options = { root: indexed.uri.toString(), cacheFile: cacheFileOf(indexed), extractor, maxFileBytes: settings.maxFileBytes, cacheReaderPath: DEFAULT_CACHE_READER_PATH } as const;
      const index = new IndexService(onWarmUp === undefined ? options : { ...options, warmUp: true, onWarmUp });
      made?.(index);
      return index;
    },
    notify: (message) => notes.push(message),
    log: (message) => logged.push(message),
  };
}

/**
 * A folder of articles (`write` fills it) and a folder for its cache, made before the tests of the suite that calls
 * this and removed after them; read `dir` and `cacheDir` in the tests.
 */
export function ownFolders(name: string, write: (dir: string) => void): { readonly dir: string; readonly cacheDir: string } {
  const folders = { dir: '', cacheDir: '' };
  before(() => {
    folders.dir = mkdtempSync(path.join(tmpdir(), `news-corpus-${name}-`));
    folders.cacheDir = mkdtempSync(path.join(tmpdir(), `news-corpus-${name}-cache-`));
    write(folders.dir);
  });
  after(() => {
    rmSync(folders.dir, { recursive: true, force: true });
    rmSync(folders.cacheDir, { recursive: true, force: true });
  });
  return folders;
}

/**
 * Indexes `dir` with a service of its own and saves the index in `cacheFile`, as a window closed after its scan;
 * `onChange` hears the corpus's changes meanwhile, `extractor` finds its entities (none without). Returns the service,
 * disposed: its corpus is what it listed.
 */
export async function saveIndexOf(dir: string, cacheFile: string, onChange: (change: ArticlesChange) => void = () => undefined, extractor?: ExtractorSpec): Promise<CorpusService> {
  const first = serviceOver(dir, cacheFile, [], undefined, [], undefined, extractor);
  const stop = first.corpus.subscribe(onChange);
  try {
    await first.rescan();
    await first.whenIdle();
    await first.saveNow();
  } finally {
    stop();
    first.dispose();
  }
  return first;
}

/** Runs a scan of `service` to its end, then stops following it (`stop`) and disposes of it, whatever happened. */
export async function scanToTheEnd(service: CorpusService, stop: () => void): Promise<void> {
  try {
    await service.rescan();
    await service.whenIdle();
  } finally {
    stop();
    service.dispose();
  }
}

/**
 * {@link ownFolders} as a multi-root workspace: a subfolder per name in `names`, each with one article; `workspaceFolders()`
 * makes them workspace folders (a new array each time, which a test may shorten to remove a folder), `cacheFileOf` a
 * cache file each.
 */
export function ownMultiRootFolders(
  name: string,
  names: readonly string[],
): { readonly folders: { readonly dir: string; readonly cacheDir: string }; workspaceFolders(): vscode.WorkspaceFolder[]; cacheFileOf(folder: vscode.WorkspaceFolder): string } {
  const folders = ownFolders(name, (dir) => {
    for (const folder of names) {
      mkdirSync(path.join(dir, folder));
      writeFileSync(path.join(dir, folder, `${folder}.txt`), ` date 2022-05-01 The ${folder} folder's article.`);
    }
  });
  return {
    folders,
    workspaceFolders: () => names.map((folder, index): vscode.WorkspaceFolder => ({ uri: vscode.Uri.file(path.join(folders.dir, folder)), name: folder, index })),
    cacheFileOf: (folder) => path.join(folders.cacheDir, `${folder.name}.ncidx`),
  };
}
