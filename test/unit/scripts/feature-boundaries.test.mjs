// The lint rule that features never import each other (eslint.config.mjs), run on imports a feature could write:
// a rule that misses the usual form ("../facts", the feature's index) would let the boundary erode unseen.
import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { repoRoot } from '../../../scripts/harness.mjs';

const RULE = 'no-restricted-imports';
/** What sees `import()` and `require()`, which no-restricted-imports does not. */
const DYNAMIC_RULE = 'no-restricted-syntax';
/**
 * Excuses the next line from the rule that refuses every `require()`: the boundary must hold without it, as it does
 * for a `require()` someone has a reason to write (a module loaded only when needed, in the CommonJS bundle).
 */
const REQUIRE_EXCUSED = '// eslint-disable-next-line @typescript-eslint/no-require-imports\n';

/** The rules that fire on `source` as if it were the file `file` of the repository. */
async function firedRules(file, source) {
  const [result] = await new ESLint({ cwd: repoRoot }).lintText(source, { filePath: `${repoRoot}/${file}` });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

describe('features never import each other (lint)', () => {
  const IMPORTERS = [
    ['src/search/probe.ts', 'facts', '../'],
    ['src/dates-tree/probe.ts', 'search', '../'],
    ['src/panels/webview/probe.ts', 'facts', '../../'],
    ['src/entities-tree/a/b/probe.ts', 'search-results', '../../../'],
  ];
  for (const [file, other, up] of IMPORTERS) {
    for (const specifier of [`${up}${other}`, `${up}${other}/index`, `${up}${other}/module`]) {
      it(`rejects ${file} importing '${specifier}'`, async () => {
        assert.deepEqual(await firedRules(file, `export * from '${specifier}';\n`), [RULE]);
      });
      it(`rejects ${file} importing '${specifier}' with import()`, async () => {
        assert.deepEqual(await firedRules(file, `export const later = () => import('${specifier}');\n`), [DYNAMIC_RULE]);
      });
      it(`rejects ${file} importing '${specifier}' with import() of a template literal`, async () => {
        assert.deepEqual(await firedRules(file, `export const later = () => import(\`${specifier}\`);\n`), [DYNAMIC_RULE]);
      });
      it(`rejects ${file} importing '${specifier}' with require()`, async () => {
        assert.deepEqual(await firedRules(file, `${REQUIRE_EXCUSED}export const now = require('${specifier}');\n`), [DYNAMIC_RULE]);
      });
      it(`rejects ${file} importing '${specifier}' with require() of a template literal`, async () => {
        assert.deepEqual(await firedRules(file, `${REQUIRE_EXCUSED}export const now = require(\`${specifier}\`);\n`), [DYNAMIC_RULE]);
      });
    }
  }

  it('rejects a template literal whose fixed start is already in another feature', async () => {
    const source = ['export const later = (name: string) => import(`../facts/${name}`);', `${REQUIRE_EXCUSED}export const now = (name: string) => require(\`../facts/\${name}.js\`);`].join('\n');
    assert.deepEqual(await firedRules('src/search/probe.ts', `${source}\n`), [DYNAMIC_RULE, DYNAMIC_RULE]);
  });

  it('rejects `import … = require()` of another feature', async () => {
    assert.deepEqual(await firedRules('src/search/probe.ts', `${REQUIRE_EXCUSED}import facts = require('../facts');\nexport const later = facts;\n`), [RULE]);
  });

  it('lets a feature import the core, the services, the shared helpers and its own modules', async () => {
    const source = ["export * from '../core/search/query';", "export * from '../corpus';", "export * from '../workers/pool';", "export * from '../notifications';", "export * from './search-quick-pick';", "export * from '../search-results/export';"].join('\n');
    assert.deepEqual(await firedRules('src/search/probe.ts', `${source}\n`), [RULE], 'only the other feature (search-results) is refused');
  });

  it('lets a feature\'s subfolder import the core, the services and its own modules, also with import() and require()', async () => {
    // From src/panels/webview/, "../facts" is the feature's own folder src/panels/facts, not the facts feature.
    const source = [
      "export * from '../../core/search/query';",
      "export * from '../../corpus';",
      "export * from '../facts';",
      "export * from './view';",
      "export const later = () => import('../../workers/pool');",
      "export const own = () => import('../facts/module');",
      `${REQUIRE_EXCUSED}export const ownNow = require('../facts/module');`,
      'export const ownLater = (name: string) => import(`../facts/${name}`);',
      `${REQUIRE_EXCUSED}export const coreNow = require(\`../../core/search/query\`);`,
    ].join('\n');
    assert.deepEqual(await firedRules('src/panels/webview/probe.ts', `${source}\n`), []);
  });

  it('still refuses a notification shown without notify() in a feature, whose blocks restate that rule', async () => {
    assert.deepEqual(await firedRules('src/panels/webview/probe.ts', "import * as vscode from 'vscode';\nvoid vscode.window.showWarningMessage('x');\n"), [DYNAMIC_RULE]);
  });
});
