import * as fs from 'fs';
import * as path from 'path';

/** The repository's root, found from the compiled test's location (out/test/unit/...). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Reads a seed article shipped in test/fixtures/seeds. */
export function readSeed(name: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'seeds', name), 'utf8');
}

export const SEED_MEETING = '000_11aec1007b5c4c05.txt';
export const SEED_ARRIVAL = '003_737a2ec1faf8bc49.txt';
