import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ArticleSummary } from '../core/search/corpus-index';
import { FileListing, ListingRun } from './list-files';
import { FileJob } from './protocol';

/** The bundled listing thread (`dist/list-worker.js` next to the extension), or the compiled one next to this file (tests). */
export const DEFAULT_LIST_WORKER_PATH = path.join(__dirname, 'list-worker.js');

/**
 * What the listing thread is started with: the folder, the include and exclude globs over paths relative to it, and
 * the size over which a file is not an article (its first articles are read there, see `readFirstArticles`).
 *
 * @example
 * const setup: ListSetup = { root: '/data/news', include: ['**\/*.txt'], exclude: ['**\/{node_modules,.git}/**'], maxFileBytes: 2_097_152 };
 */
export interface ListSetup {
  readonly root: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
}

/**
 * How a caller follows a listing in its thread: `onFirstArticles` hears the titles and dates of the first articles
 * found, read by the thread (see `readFirstArticles`); aborting `signal` ends the listing, as in {@link ListingRun}.
 *
 * @example
 * const run: ThreadListingRun = { onFirstArticles: (articles) => list(articles), signal: controller.signal };
 */
export interface ThreadListingRun extends Pick<ListingRun, 'signal'> {
  readonly onFirstArticles?: (articles: readonly ArticleSummary[]) => void;
}

/** Files as the listing thread sends them: their paths joined by NUL (which no path holds), and size and mtime pairs. */
interface PackedFiles {
  readonly paths: string;
  readonly stamps: Float64Array;
}

/** Listing thread → host: the first files found with the first articles among them, then the rest with what could not be read. */
export type ListReply =
  | ({ readonly kind: 'found'; readonly articles: readonly ArticleSummary[] } & PackedFiles)
  | ({ readonly kind: 'done' } & PackedFiles & Pick<FileListing, 'unreadableFolders' | 'unreadableFiles'>);

/**
 * Lists and stats the files below `setup.root` that its globs take, as `listFileSteps` does, in a thread of its own.
 * On the extension host's thread, the listing's 10 ms slices waited behind the other extensions' start (module
 * loading, git's blocking spawn, code-server's compression): indexing began 4.2 s after the activation at 100,000
 * articles, for 0.5 s of listing. `run.onFirstArticles` hears the first articles among the first files found (what
 * it throws ends the listing and rejects with it, as a failed thread does); aborting `run.signal` stops the thread and
 * resolves with what had arrived.
 *
 * @example
 * const listing = await listInThread({ root: '/data/news', include: ['**\/*.txt'], exclude: [], maxFileBytes: 2_097_152 }, { signal });
 */
export function listInThread(setup: ListSetup, run: ThreadListingRun = {}, workerPath = DEFAULT_LIST_WORKER_PATH): Promise<FileListing> {
  const files: FileJob[] = [];
  if (run.signal?.aborted === true) return Promise.resolve({ files, unreadableFolders: [], unreadableFiles: [] });
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: setup });
    const finish = (outcome: () => void): void => {
      run.signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners();
      // Ending it: nothing it could still say matters.
      worker.on('error', () => undefined);
      void worker.terminate();
      outcome();
    };
    const onAbort = (): void => finish(() => resolve({ files, unreadableFolders: [], unreadableFiles: [] }));
    worker.on('message', (reply: ListReply) => {
      unpackFiles(reply, files);
      if (reply.kind !== 'found') {
        finish(() => resolve({ files, unreadableFolders: reply.unreadableFolders, unreadableFiles: reply.unreadableFiles }));
        return;
      }
      try {
        run.onFirstArticles?.(reply.articles);
      } catch (error) {
        // Thrown out of a thread's message event, it would be an uncaught exception of the whole process.
        finish(() => reject(error));
      }
    });
    worker.on('error', (error) => finish(() => reject(new Error(`News Corpus: listing the files failed: ${error.message}`))));
    worker.on('exit', (code) => finish(() => reject(new Error(`News Corpus: the listing thread stopped before it was done (exit code ${code}).`))));
    run.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Packs stat'ed files (see {@link PackedFiles}). */
export function packFiles(files: readonly FileJob[]): PackedFiles {
  const stamps = new Float64Array(files.length * 2);
  files.forEach((file, i) => {
    stamps[2 * i] = file.size ?? 0;
    stamps[2 * i + 1] = file.mtimeMs ?? 0;
  });
  return { paths: files.map((file) => file.path).join('\0'), stamps };
}

/** Appends the files of a {@link packFiles} package to `files`. */
function unpackFiles({ paths, stamps }: PackedFiles, files: FileJob[]): void {
  if (stamps.length === 0) return;
  paths.split('\0').forEach((path, i) => files.push({ path, size: stamps[2 * i] ?? 0, mtimeMs: stamps[2 * i + 1] ?? 0 }));
}
