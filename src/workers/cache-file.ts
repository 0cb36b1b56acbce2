import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Folder, under the system's temporary folder, of the command line's index caches. */
export const CACHE_FOLDER_NAME = 'news-corpus-index';
const KEY_DIGITS = 16;

/**
 * Where the command line keeps the index of a corpus folder when not told: outside the folder
 * (never written into the corpus), one file per absolute folder path.
 *
 * @example
 * defaultCacheFile('/data/news'); // '/tmp/news-corpus-index/3f2a…c1.ncidx'
 */
export function defaultCacheFile(dir: string): string {
  const key = createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, KEY_DIGITS);
  return path.join(tmpdir(), CACHE_FOLDER_NAME, `${key}.ncidx`);
}
