import * as assert from 'assert';
import * as vscode from 'vscode';
import { CorpusService } from '../../src/corpus/corpus-service';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/core/article-file';
import { IndexService } from '../../src/workers/index-service';

const SCHEME = 'newscorpus-test';
const encode = (text: string) => new TextEncoder().encode(text);

/**
 * A read-only in-memory file system with the failures real disks and remotes produce: a folder that
 * refuses listing, a file that vanishes between listing and reading, a file that refuses reading, a huge file.
 * It records every call, so the test can check that nothing is written and the huge file is never read.
 */
class TroublesomeFileSystem implements vscode.FileSystemProvider {
  readonly calls: string[] = [];
  private readonly files = new Map<string, Uint8Array>([
    ['/corpus/good.txt', encode(' date 2022-03-04 A good article from a virtual folder.')],
    ['/corpus/sub/second.txt', encode(' date 2022-03-05 Another article, one folder down.')],
    ['/corpus/vanishing.txt', encode(' date 2022-03-06 Deleted while the corpus was being read.')],
    ['/corpus/forbidden.txt', encode(' date 2022-03-07 Not readable.')],
  ]);
  private readonly hugeSize = 50 * 1024 * 1024;
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    this.calls.push(`stat ${uri.path}`);
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.length };
    if (uri.path === '/corpus/huge.txt') return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.hugeSize };
    if (['/corpus', '/corpus/sub', '/corpus/locked'].includes(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    this.calls.push(`readDirectory ${uri.path}`);
    if (uri.path === '/corpus/locked') throw vscode.FileSystemError.NoPermissions(uri);
    if (uri.path === '/corpus/sub') return [['second.txt', vscode.FileType.File]];
    return [
      ['good.txt', vscode.FileType.File],
      ['vanishing.txt', vscode.FileType.File],
      ['forbidden.txt', vscode.FileType.File],
      ['huge.txt', vscode.FileType.File],
      ['sub', vscode.FileType.Directory],
      ['locked', vscode.FileType.Directory],
    ];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    this.calls.push(`readFile ${uri.path}`);
    if (uri.path === '/corpus/vanishing.txt') {
      this.files.delete(uri.path);
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    if (uri.path === '/corpus/forbidden.txt') throw vscode.FileSystemError.NoPermissions(uri);
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  createDirectory(uri: vscode.Uri): void {
    this.refuse('createDirectory', uri);
  }

  writeFile(uri: vscode.Uri): void {
    this.refuse('writeFile', uri);
  }

  delete(uri: vscode.Uri): void {
    this.refuse('delete', uri);
  }

  rename(uri: vscode.Uri): void {
    this.refuse('rename', uri);
  }

  private refuse(operation: string, uri: vscode.Uri): never {
    this.calls.push(`${operation} ${uri.path}`);
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

describe('Reading a corpus through workspace.fs (virtual and remote folders)', () => {
  const fileSystem = new TroublesomeFileSystem();
  let registration: vscode.Disposable;
  let service: CorpusService;

  before(async () => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, fileSystem, { isReadonly: true, isCaseSensitive: true });
    const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.from({ scheme: SCHEME, path: '/corpus' }), name: 'virtual', index: 0 };
    const notices: string[] = [];
    service = new CorpusService({
      folders: () => [folder],
      settings: () => ({ include: '**/*.txt', exclude: '', filesExclude: [], maxFileBytes: DEFAULT_MAX_FILE_BYTES }),
      createIndex: () => new IndexService({ root: folder.uri.toString(), extractor: { kind: 'none' }, workers: 1 }),
      notify: (message) => notices.push(message),
    });
    await service.rescan();
  });

  after(() => {
    service.dispose();
    registration.dispose();
  });

  it('finds the articles, in subfolders too', () => {
    const titles = [...service.corpus.articles()].map((article) => article.title).sort();
    assert.deepStrictEqual(titles, ['A good article from a virtual folder.', 'Another article, one folder down.']);
    assert.strictEqual(service.state, 'ready');
  });

  it('indexes the articles it reads through workspace.fs', () => {
    const response = service.search('virtual folder', {});
    assert.ok(response?.ok);
    assert.deepStrictEqual(response.hits.map((hit) => hit.title), ['A good article from a virtual folder.']);
  });

  it('reports an unreadable folder and an unreadable file instead of failing', () => {
    const skipped = new Map([...service.corpus.skipped()].map((file) => [vscode.Uri.parse(file.id).path, file]));
    assert.strictEqual(skipped.get('/corpus/locked')?.reason, 'unreadable');
    assert.match(skipped.get('/corpus/locked')?.message ?? '', /^folder could not be read/);
    assert.strictEqual(skipped.get('/corpus/forbidden.txt')?.reason, 'unreadable');
  });

  it('skips a huge file by its size, without reading it', () => {
    const huge = [...service.corpus.skipped()].find((file) => file.id.endsWith('/huge.txt'));
    assert.strictEqual(huge?.reason, 'too-large');
    assert.match(huge?.message ?? '', /51,200 KB/);
    assert.ok(!fileSystem.calls.includes('readFile /corpus/huge.txt'));
  });

  it('forgets a file deleted while the corpus was being read, without calling it an error', () => {
    const ids = [...service.corpus.articles(), ...service.corpus.skipped()].map((entry) => entry.id);
    assert.ok(!ids.some((id) => id.endsWith('/vanishing.txt')));
  });

  it('does not fetch remote files again on a rescan when the index has them unchanged', async () => {
    const reads = () => fileSystem.calls.filter((call) => call === 'readFile /corpus/good.txt').length;
    const before = reads();
    await service.rescan();
    assert.strictEqual(reads(), before);
    assert.deepStrictEqual(service.lastScan && { reread: service.lastScan.reread, unchanged: service.lastScan.unchanged }, { reread: 0, unchanged: 2 });
    const response = service.search('virtual folder', {});
    assert.ok(response?.ok);
    assert.strictEqual(response.total, 1, 'the unchanged article is still searchable');
  });

  it('never writes, deletes or renames anything', () => {
    assert.deepStrictEqual(fileSystem.calls.filter((call) => /^(writeFile|delete|rename|createDirectory) /.test(call)), []);
  });
});

describe('When indexing fails', () => {
  it('tells the user, and the next scan runs instead of waiting on the failed one', async () => {
    const registration = vscode.workspace.registerFileSystemProvider(`${SCHEME}-failing`, new TroublesomeFileSystem(), { isReadonly: true });
    const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.from({ scheme: `${SCHEME}-failing`, path: '/corpus' }), name: 'failing', index: 0 };
    const notices: string[] = [];
    const service = new CorpusService({
      folders: () => [folder],
      settings: () => ({ include: '**/*.txt', exclude: '', filesExclude: [], maxFileBytes: DEFAULT_MAX_FILE_BYTES }),
      createIndex: () => new IndexService({ root: folder.uri.toString(), extractor: { kind: 'model', modelPath: '/nonexistent/ner.bin' }, workers: 1 }),
      notify: (message) => notices.push(message),
    });
    try {
      await service.rescan();
      await service.rescan();
      assert.strictEqual(notices.length, 2);
      for (const notice of notices) assert.match(notice, /^News Corpus: reading the articles failed: an indexing thread failed/);
      assert.strictEqual(service.state, 'empty');
    } finally {
      service.dispose();
      registration.dispose();
    }
  });
});
