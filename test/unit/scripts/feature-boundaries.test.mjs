// The lint rule that features never import each other (eslint.config.mjs), run on imports a feature could write:
// a rule that misses the usual form ("../facts", the feature's index) would let the boundary erode unseen.
import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { repoRoot } from '../../../scripts/harness.mjs';

const RULE = 'no-restricted-imports';

/** The rules that fire on `source` as if it were the file `file` of the repository. */
async function firedRules(file, source) {
  const [result] = await new ESLint({ cwd: repoRoot }).lintText(source, { filePath: `${repoRoot}/${file}` });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

describe('features never import each other (lint)', () => {
  for (const [file, other] of [['src/search/probe.ts', 'facts'], ['src/dates-tree/probe.ts', 'search']]) {
    for (const specifier of [`../${other}`, `../${other}/index`, `../${other}/module`]) {
      it(`rejects ${file} importing '${specifier}'`, async () => {
        assert.deepEqual(await firedRules(file, `export * from '${specifier}';\n`), [RULE]);
      });
    }
  }

  it('lets a feature import the core, the services, the shared helpers and its own modules', async () => {
    const source = ["export * from '../core/search/query';", "export * from '../corpus';", "export * from '../workers/pool';", "export * from '../notifications';", "export * from './search-quick-pick';", "export * from '../search-results/export';"].join('\n');
    assert.deepEqual(await firedRules('src/search/probe.ts', `${source}\n`), [RULE], 'only the other feature (search-results) is refused');
  });
});
