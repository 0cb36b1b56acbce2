// A corpus service of a test's own, over a folder outside the workspace: what the reopen tests open twice.
import * as vscode from 'vscode';
import { CorpusService, type CorpusServiceDeps } from '../../src/corpus/corpus-service';
import { DEFAULT_CACHE_READER_PATH } from '../../src/workers/cache-file';
import { IndexService } from '../../src/workers/index-service';

/** A corpus service of its own over `dir`, its cache in `cacheFile`, read through the host's cache-reading thread. */
export function serviceOver(dir: string, cacheFile: string, notes: string[]): CorpusService {
  const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(dir), name: 'own-service', index: 0 };
  const deps: CorpusServiceDeps = {
    settings: () => ({ include: '**/*.txt', exclude: '', filesExclude: [], maxFileBytes: 1 << 20 }),
    folders: () => [folder],
    createIndex: (indexed, settings) => new IndexService({ root: indexed.uri.toString(), cacheFile, extractor: { kind: 'none' }, maxFileBytes: settings.maxFileBytes, cacheReaderPath: DEFAULT_CACHE_READER_PATH }),
    notify: (message) => notes.push(message),
  };
  return new CorpusService(deps);
}
