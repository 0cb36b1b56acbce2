import * as assert from 'assert';
import * as fc from 'fast-check';
import { DEFAULT_MAX_FILE_BYTES, describeSkip, plainFileError, readArticleFile } from '../../../src/core/article-file';
import { readSeed, SEED_ARRIVAL } from './fixtures';

const encode = (text: string) => new TextEncoder().encode(text);

function skipReason(bytes: Uint8Array, maxBytes?: number): string | undefined {
  const result = readArticleFile(bytes, maxBytes);
  return result.kind === 'skipped' ? result.reason : undefined;
}

describe('readArticleFile', () => {
  it('reads a seed article', () => {
    const result = readArticleFile(encode(readSeed(SEED_ARRIVAL)));
    assert.strictEqual(result.kind, 'article');
    assert.strictEqual(result.kind === 'article' && result.article.date, '2023-09-13');
  });

  it('skips an empty file and a file of white space', () => {
    assert.strictEqual(skipReason(new Uint8Array()), 'empty');
    assert.strictEqual(skipReason(encode('  \n\n \r\n')), 'empty');
  });

  it('skips a file over the size limit without decoding it', () => {
    const bytes = encode(` date 2023-09-13 ${'x'.repeat(2000)}`);
    assert.strictEqual(skipReason(bytes, 1024), 'too-large');
    assert.strictEqual(readArticleFile(bytes).kind, 'article');
  });

  it('skips binary files (a NUL byte, as in a PNG)', () => {
    assert.strictEqual(skipReason(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])), 'binary');
  });

  it('skips as binary a text whose first NUL byte comes after its first 8,000 bytes', () => {
    const head = encode(` date 2023-09-13 Story.\n${'Words of the story. '.repeat(500)}`);
    assert.ok(head.length > 8000);
    assert.strictEqual(readArticleFile(head).kind, 'article');
    assert.strictEqual(skipReason(new Uint8Array([...head, 0x00, ...encode(' More.')])), 'binary');
  });

  it('skips text that is not UTF-8 (Latin-1, UTF-16)', () => {
    assert.strictEqual(skipReason(new Uint8Array([0x20, 0x64, 0x61, 0x74, 0x65, 0x20, 0xe9, 0x74, 0xe9])), 'not-utf8');
    assert.strictEqual(skipReason(new Uint8Array([0xff, 0xfe, 0x20, 0x64])), 'not-utf8');
  });

  it('skips text without a date header: it is not an article', () => {
    assert.strictEqual(skipReason(encode('Meeting notes.\n\nMore.')), 'no-date-header');
  });

  it('keeps an article with an impossible date, undated', () => {
    const result = readArticleFile(encode(' date 2023-02-30 Story.'));
    assert.ok(result.kind === 'article');
    assert.strictEqual(result.article.date, undefined);
    assert.strictEqual(result.article.diagnostics[0]?.code, 'invalid-date');
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const result = readArticleFile(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(' date 2023-09-13 Story.')]));
    assert.ok(result.kind === 'article');
    assert.strictEqual(result.article.date, '2023-09-13');
  });

  it('never throws and never changes the bytes it is given', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const copy = bytes.slice();
      readArticleFile(bytes, 200);
      assert.deepStrictEqual(bytes, copy);
    }), { numRuns: 2000 });
  });

  it('says why a file could not be read in plain words, not as a raw errno message with its path', () => {
    assert.strictEqual(describeSkip('unreadable', { error: "ELOOP: too many symbolic links encountered, stat '/tmp/news/loop.txt'" }), 'could not be read: a symbolic link that leads back to itself');
    assert.strictEqual(plainFileError("ENOENT: no such file or directory, scandir '/tmp/news/gone'"), 'no such file or folder');
    assert.strictEqual(plainFileError("EACCES: permission denied, open '/tmp/news/locked.txt'"), 'permission denied');
    // A code with no plain meaning here keeps Node's description, without the system call and path.
    assert.strictEqual(plainFileError("EXDEV: cross-device link not permitted, stat '/tmp/a'"), 'cross-device link not permitted');
    assert.strictEqual(plainFileError('EXYZ'), 'EXYZ');
    assert.strictEqual(plainFileError('the indexing thread stopped'), 'the indexing thread stopped');
  });

  it('explains every skip reason in words', () => {
    assert.strictEqual(describeSkip('too-large', { size: 5_000_000, maxBytes: DEFAULT_MAX_FILE_BYTES }), 'larger than the 2,048 KB limit (4,883 KB)');
    assert.strictEqual(describeSkip('unreadable', { error: 'EACCES' }), 'could not be read: permission denied');
    for (const reason of ['empty', 'binary', 'not-utf8', 'no-date-header'] as const) assert.ok(describeSkip(reason).length > 5);
    // Shown in the Skipped Files list: a quote that opened on a space ('no " date YYYY-MM-DD" header') read as a typo.
    assert.strictEqual(describeSkip('no-date-header'), 'does not start with a date header ("date YYYY-MM-DD"): not an article');
  });
});
