import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../core/fixtures';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { viewsWelcome: readonly { view: string; contents: string }[] } };

describe('the welcome views as the workbench shows them (package.json viewsWelcome)', () => {
  it('writes no Markdown but links, which are all a welcome view renders: a code span or emphasis would show its backticks or stars', () => {
    // Links ([title](command:…)) are taken out first: their brackets are the one Markdown a welcome view reads.
    const marked = manifest.contributes.viewsWelcome.filter((welcome) => /[`*_]/.test(welcome.contents.replace(/\[[^\]]*\]\([^)]*\)/g, '')));
    assert.deepStrictEqual(marked.map((welcome) => `${welcome.view}: ${welcome.contents}`), []);
  });
});
