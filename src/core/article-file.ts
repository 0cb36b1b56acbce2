import { Article, parseArticle } from './article';
import { groupDigits } from './display-text';

/**
 * Why a candidate file is not in the corpus: a closed set, so every reason has a message in `describeSkip`.
 *
 * @example
 * const reason: SkipReason = 'binary';
 * describeSkip(reason); // 'binary file (contains NUL bytes)'
 */
export type SkipReason = 'empty' | 'too-large' | 'binary' | 'not-utf8' | 'no-date-header' | 'unreadable';

/**
 * The default largest article file that is read, in bytes (2 MiB): the longest real article seen is 55 KB.
 *
 * @example
 * describeSkip('too-large', { size: 3_000_000 }); // 'larger than the 2,048 KB limit (2,930 KB)'
 */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The outcome of reading one candidate file. Not exported: only `readArticleFile` returns it. */
type ArticleFileResult =
  | { readonly kind: 'article'; readonly article: Article; readonly text: string }
  | { readonly kind: 'skipped'; readonly reason: SkipReason; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Explains a skip reason in words a user understands.
 *
 * @example
 * describeSkip('too-large', { size: 5_000_000, maxBytes: 2_097_152 }); // 'larger than the 2,048 KB limit (4,883 KB)'
 */
export function describeSkip(reason: SkipReason, detail: { size?: number; maxBytes?: number; error?: string } = {}): string {
  const kb = (bytes: number) => `${groupDigits(Math.ceil(bytes / 1024))} KB`;
  switch (reason) {
    case 'empty':
      return 'empty file';
    case 'too-large':
      return `larger than the ${kb(detail.maxBytes ?? DEFAULT_MAX_FILE_BYTES)} limit (${kb(detail.size ?? 0)})`;
    case 'binary':
      return 'binary file (contains NUL bytes)';
    case 'not-utf8':
      return 'not valid UTF-8 text';
    case 'no-date-header':
      return 'does not start with a date header ("date YYYY-MM-DD"): not an article';
    case 'unreadable':
      return `could not be read${detail.error ? `: ${plainFileError(detail.error)}` : ''}`;
  }
}

/** What the file system's error codes mean for a file the corpus tried to read, in words a user understands. */
const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ELOOP: 'a symbolic link that leads back to itself',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'a folder, not a file',
  EBUSY: 'in use by another program',
  EIO: 'the disk reported a read error',
  ENAMETOOLONG: 'its path is too long',
  EMFILE: 'too many files open at once; Rescan Workspace to try again',
  ENFILE: 'too many files open at once; Rescan Workspace to try again',
};

/**
 * A Node.js file error message ("ELOOP: too many symbolic links encountered, stat '/tmp/x'") in plain words: the
 * meaning of its code, else its description without the code, system call and path (the path is listed beside the
 * reason already); any other message as it is.
 *
 * @example
 * plainFileError("ELOOP: too many symbolic links encountered, stat '/tmp/loop.txt'"); // 'a symbolic link that leads back to itself'
 * plainFileError("EXDEV: cross-device link not permitted, stat '/a'");                 // 'cross-device link not permitted'
 * plainFileError('the indexing thread stopped');                                    // 'the indexing thread stopped'
 */
export function plainFileError(message: string): string {
  const parsed = /^(E[A-Z]+)(?::\s*([^,]*))?/.exec(message);
  if (!parsed) return message;
  const [, code = '', description] = parsed;
  return FILE_ERRORS[code] ?? (description?.trim() || code);
}

function skipped(reason: SkipReason, detail: { size?: number; maxBytes?: number } = {}): ArticleFileResult {
  return { kind: 'skipped', reason, message: describeSkip(reason, detail) };
}

/**
 * Decides whether the bytes of a file are an article, and parses it if so.
 * Empty, over-size, binary (a NUL byte anywhere) and non-UTF-8 files and text without a date header are skipped with
 * a reason.
 *
 * @example
 * const bytes = new TextEncoder().encode(' date 2023-09-13 Kim arrived.');
 * readArticleFile(bytes).kind;                  // 'article'
 * readArticleFile(new Uint8Array([0, 1])).kind; // 'skipped' (binary)
 */
export function readArticleFile(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_FILE_BYTES): ArticleFileResult {
  if (bytes.length === 0) return skipped('empty');
  if (bytes.length > maxBytes) return skipped('too-large', { size: bytes.length, maxBytes });
  // The whole file, not its first 8,000 bytes as git does: a NUL further on reached the index, where a title
  // holding one made the saved index unreadable (its strings are NUL-separated), and was not what the skip says.
  if (bytes.indexOf(0) !== -1) return skipped('binary');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return skipped('not-utf8');
  }
  if (text.trim().length === 0) return skipped('empty');
  const article = parseArticle(text);
  if (!article.hasDateHeader) return skipped('no-date-header');
  return { kind: 'article', article, text };
}
