import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../core/fixtures';

interface PaletteEntry {
  readonly command: string;
  readonly when?: string;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { menus: { commandPalette: readonly PaletteEntry[] } } };

describe('the command palette (package.json menus.commandPalette)', () => {
  it('offers Clear Entity Filter only while the Entities view is filtered: without a filter it would do nothing', () => {
    const entries = manifest.contributes.menus.commandPalette.filter((entry) => entry.command === 'newsCorpus.entities.clearFilter');
    assert.deepStrictEqual(entries, [{ command: 'newsCorpus.entities.clearFilter', when: 'newsCorpus.entitiesFiltered' }]);
  });
});
