import { Dirent, lstatSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runAtOnce } from '../core/search/time-slices';
import { FileJob } from './protocol';

/** Folders never searched for articles. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** The extension of article files when the caller does not say. */
export const DEFAULT_ARTICLE_EXTENSION = '.txt';

/**
 * Lists the article candidates under `dir` (recursively, `.txt` by default) with their size and
 * modification time, sorted by path so that runs are reproducible.
 *
 * @example
 * const files = listArticleFiles('/data/news'); // [{ path: '/data/news/a.txt', size: 812, mtimeMs: 1694563200000 }, …]
 */
export function listArticleFiles(dir: string, extension = DEFAULT_ARTICLE_EXTENSION): FileJob[] {
  const filter: ListingFilter = {
    filesIn: () => (name) => name.endsWith(extension),
    entersFolder: (relativePath) => !SKIPPED_FOLDERS.has(relativePath.slice(relativePath.lastIndexOf('/') + 1)),
  };
  const listing = runAtOnce(listFileSteps(path.resolve(dir), filter));
  // A file that could not be stat'ed is still read by the indexing threads, which then say why it is skipped.
  const files = [...listing.files, ...listing.unreadableFiles.map((file) => ({ path: file.path }))];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Which files and folders a listing takes: a folder by its path relative to the listing's root (`/` between names,
 * empty for the root), and the files of a folder by their names (asked once a folder, so that what depends on the
 * folder alone is worked out once, see `PathFilter` in `src/core/glob.ts`).
 *
 * @example
 * const filter: ListingFilter = { filesIn: () => (name) => name.endsWith('.txt'), entersFolder: (path) => path !== '.git' };
 */
export interface ListingFilter {
  filesIn(relativeFolder: string): (name: string) => boolean;
  entersFolder(relativePath: string): boolean;
}

/**
 * What {@link listFileSteps} found: the files with their size and modification time, and what it could not
 * read (a folder, or a file it could not stat), with the reason.
 *
 * @example
 * const listing: FileListing = { files: [{ path: '/news/a.txt', size: 812, mtimeMs: 1694563200000 }], unreadableFolders: [], unreadableFiles: [] };
 */
export interface FileListing {
  readonly files: FileJob[];
  readonly unreadableFolders: { readonly path: string; readonly error: string }[];
  readonly unreadableFiles: { readonly path: string; readonly error: string }[];
}

/**
 * How a caller follows a {@link listFileSteps} listing: `onFound` hears the files listed so far after each
 * folder that added some; aborting `signal` ends the listing with what it has.
 *
 * @example
 * const run: ListingRun = { onFound: (files) => console.log(files.length), signal: controller.signal };
 */
export interface ListingRun {
  readonly onFound?: (files: readonly FileJob[]) => void;
  readonly signal?: AbortSignal;
}

/** Files stat'ed between two pauses of a listing. */
const STAT_STEP_FILES = 500;

/** Why a symbolic link whose target does not exist is not in the corpus. */
const DANGLING_LINK = 'a symbolic link to a file that does not exist';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Lists and stats the files below `root` that `filter` takes, as steps for `runInSlices` (a pause after each
 * folder read and every {@link STAT_STEP_FILES} stats). Synchronous calls in slices: 100,000 stats through
 * promises, 256 at a time, took 3.4 times as long as one after another, and the listing is what an unchanged
 * rescan costs. Folder symlinks are not followed (they can loop); a file symlink counts as the file it names.
 * Never opens a file.
 *
 * @example
 * const listing = await runInSlices(listFileSteps('/data/news', { filesIn: () => (name) => name.endsWith('.txt'), entersFolder: () => true }));
 */
export function* listFileSteps(root: string, filter: ListingFilter, run: ListingRun = {}): Generator<void, FileListing> {
  const listing: FileListing = { files: [], unreadableFolders: [], unreadableFiles: [] };
  // Each folder with its absolute path, joined by hand: `path.join` normalises the whole path, twice a file.
  const pending = [{ relative: '', absolute: root }];
  for (let folder = pending.pop(); folder !== undefined && run.signal?.aborted !== true; folder = pending.pop()) {
    const { relative, absolute } = folder;
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      listing.unreadableFolders.push({ path: absolute, error: errorText(error) });
      continue;
    }
    yield;
    const before = listing.files.length;
    const prefix = absolute.endsWith(path.sep) ? absolute : `${absolute}${path.sep}`;
    const takes = filter.filesIn(relative);
    let sinceStep = 0;
    for (const entry of entries) {
      if (entry.isDirectory()) {
        const relativePath = relative ? `${relative}/${entry.name}` : entry.name;
        if (filter.entersFolder(relativePath)) pending.push({ relative: relativePath, absolute: `${prefix}${entry.name}` });
        continue;
      }
      if (!(entry.isFile() || entry.isSymbolicLink()) || !takes(entry.name)) continue;
      const full = `${prefix}${entry.name}`;
      try {
        const stat = statSync(full, { throwIfNoEntry: false });
        // Gone since the folder was read; a symlink to a folder is not followed.
        if (stat?.isFile()) listing.files.push({ path: full, size: stat.size, mtimeMs: stat.mtimeMs });
        // A symlink still there whose file is not: the user named it as an article, and should learn why it is not one.
        else if (!stat && entry.isSymbolicLink() && lstatSync(full, { throwIfNoEntry: false })) listing.unreadableFiles.push({ path: full, error: DANGLING_LINK });
      } catch (error) {
        listing.unreadableFiles.push({ path: full, error: errorText(error) });
      }
      if (++sinceStep === STAT_STEP_FILES) {
        sinceStep = 0;
        yield;
      }
    }
    if (listing.files.length > before) run.onFound?.(listing.files);
  }
  return listing;
}
