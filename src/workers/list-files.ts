import { Dirent, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
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
  const files: FileJob[] = [];
  const pending = [path.resolve(dir)];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && entry.name.endsWith(extension)) {
        try {
          const stat = statSync(full);
          files.push({ path: full, size: stat.size, mtimeMs: stat.mtimeMs });
        } catch {
          files.push({ path: full });
        }
      }
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
