import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/** Every folder of src/ but the core and the two services the features are given (the corpus, the workers). */
const FEATURE_FOLDERS = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['core', 'corpus', 'workers'].includes(entry.name))
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'samples/**', 'media/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
    },
  },
  // Notifications render `[label](command:…)` as a clickable link, and messages carry names from the corpus:
  // every notification goes through src/notifications.ts, which makes such text inert.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/notifications.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^show(Information|Warning|Error)Message$/]',
          message: 'Show notifications with notify() from src/notifications.ts, which keeps untrusted names from becoming links.',
        },
      ],
    },
  },
  // Integration tests reach the extension through the API it returns: a value imported from the sources would be
  // a second, separate copy of the extension (with its own threads), not the bundle that ships.
  {
    files: ['test/integration/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], allowTypeImports: true, message: 'Use the API the extension returns (src/api.ts) or vscode.commands.executeCommand.' }] },
      ],
    },
  },
  // The one exception: a reopen lists a cache's articles early only in a window that lists nothing yet, which the
  // window's own corpus never is during the tests (other folders' articles stay listed), so the reopen tests build a
  // corpus service of their own over a folder of their own, in the real host with its real cache-reading thread (and
  // the Dates view's provider, or the In This Article view's entity names, over it, as the workbench sees them while
  // the saved index loads). A load that fails is one only such a service can be made to have: the failed-load test's
  // Entities view provider and status bar text read one.
  {
    files: ['test/integration/damaged-cache.test.ts', 'test/integration/reopen-dates.test.ts', 'test/integration/reopen-article-entities.test.ts', 'test/integration/failed-load.test.ts', 'test/integration/own-service.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  // Features never import each other: they meet in the core and in the services the wiring passes them (src/corpus,
  // src/workers) and share the top-level helpers (notifications, opening at a match). A feature folder reaching into
  // another's is an error, whichever feature it is, and whether it names a module or the folder (its index.ts).
  ...FEATURE_FOLDERS.map((feature) => ({
    files: [`src/${feature}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{
            group: FEATURE_FOLDERS.filter((other) => other !== feature).flatMap((other) => [`../${other}`, `../${other}/*`]),
            message: 'Features never import each other: share through src/core or a service passed in as a dependency.',
          }],
        },
      ],
    },
  })),
  // The core is pure: it runs in plain Node (unit tests, CLI, workers) and must never reach for the editor API
  // nor for the adapters around it. One block per folder depth, because "leaving src/core" is "../" repeated.
  ...['src/core/*.ts', 'src/core/*/*.ts', 'src/core/*/*/*.ts'].map((files, depth) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core is pure TypeScript: pass plain data in from the VS Code adapters instead.' }],
          patterns: [{ group: [`${'../'.repeat(depth + 1)}*`], message: 'src/core must not import code outside src/core.' }],
        },
      ],
    },
  })),
);
