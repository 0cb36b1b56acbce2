import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../core/fixtures';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { viewsWelcome: readonly { view: string; contents: string; when?: string }[] } };

type Context = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Whether a when clause holds, for the forms the welcome views use (terms joined by &&: key == value, key != value,
 * !key, key), as VS Code reads them: an unset key differs from every value and is false.
 */
function holds(when: string | undefined, context: Context): boolean {
  return (when ?? '').split('&&').every((term) => {
    const [key = '', operator, value] = term.trim().split(/\s*(==|!=)\s*/);
    if (operator === '==') return context[key] === value;
    if (operator === '!=') return context[key] !== value;
    return key.startsWith('!') ? !context[key.slice(1)] : Boolean(context[key]);
  });
}

/** The first words of the welcome contents of `view` that hold in `context`. */
function shown(view: string, context: Context): string[] {
  return manifest.contributes.viewsWelcome.filter((welcome) => welcome.view === view && holds(welcome.when, context)).map((welcome) => welcome.contents.split(' ').slice(0, 3).join(' '));
}

describe('the welcome views as the workbench shows them (package.json viewsWelcome)', () => {
  it('says the corpus is being looked for from before the extension has set any context key (VS Code would say no data provider is registered)', () => {
    for (const state of [undefined, 'scanning']) {
      const context = { workbenchState: 'folder', 'newsCorpus.state': state };
      assert.deepStrictEqual(shown('newsCorpus.dates', context), ['Looking for articles…'], String(state));
      assert.deepStrictEqual(shown('newsCorpus.entities', context), ['Finding the people,'], String(state));
    }
    assert.deepStrictEqual(shown('newsCorpus.dates', { workbenchState: 'folder', 'newsCorpus.state': 'ready' }), []);
    assert.deepStrictEqual(shown('newsCorpus.dates', { workbenchState: 'empty' }), ['Open a folder']);
  });

  it('writes no Markdown but links, which are all a welcome view renders: a code span or emphasis would show its backticks or stars', () => {
    // Links ([title](command:…)) are taken out first: their brackets are the one Markdown a welcome view reads.
    const marked = manifest.contributes.viewsWelcome.filter((welcome) => /[`*_]/.test(welcome.contents.replace(/\[[^\]]*\]\([^)]*\)/g, '')));
    assert.deepStrictEqual(marked.map((welcome) => `${welcome.view}: ${welcome.contents}`), []);
  });
});
