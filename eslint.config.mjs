import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/** Every folder of src/ but the core and the two services the features are given (the corpus, the workers). */
const FEATURE_FOLDERS = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['core', 'corpus', 'workers'].includes(entry.name))
  .map((entry) => entry.name);
/** Folders below a feature's own that the boundary rule covers (as for the core: "leaving" is "../" repeated). */
const FEATURE_SUBFOLDER_DEPTHS = [0, 1, 2, 3];
const FEATURE_BOUNDARY_MESSAGE = 'Features never import each other: share through src/core or a service passed in as a dependency.';

/**
 * What a file `depth` folders below the folder of `feature` may not import: another feature's folder or any module
 * in it, reached through `src/` ("../" once per folder up to it). Written as a regular expression, for the static
 * imports and the dynamic ones alike.
 */
function otherFeaturePattern(feature, depth) {
  const others = FEATURE_FOLDERS.filter((other) => other !== feature).join('|');
  return `^(\\.\\./){${depth + 1}}(${others})(/.*)?$`;
}

/**
 * The selectors of what reaches another feature where no-restricted-imports does not look, for a file `depth` folders
 * below `feature`'s folder: `import()` and `require()` of a string, or of a template literal whose fixed start is
 * already in the other feature (`\`../facts/${name}\``; a start that is not, as `\`../${name}\``, cannot be judged).
 */
function otherFeatureCallSelectors(feature, depth) {
  const pattern = `/${otherFeaturePattern(feature, depth).replaceAll('/', '\\/')}/`;
  const specifiers = [`value=${pattern}`, `quasis.0.value.cooked=${pattern}`];
  return specifiers.flatMap((specifier) => [`ImportExpression[source.${specifier}]`, `CallExpression[callee.name="require"][arguments.0.${specifier}]`]);
}

/** Notifications render `[label](command:…)` as a clickable link: see the block of every source file below. */
const NOTIFICATION_CALLS = {
  selector: 'MemberExpression[property.name=/^show(Information|Warning|Error)Message$/]',
  message: 'Show notifications with notify() from src/notifications.ts, which keeps untrusted names from becoming links.',
};

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
      'no-restricted-syntax': ['error', NOTIFICATION_CALLS],
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
  // the saved index loads). A load that fails, a folder removed while another is scanned, or a batch of file events
  // that fails part-way (its model removed under it) is one only such a service can be made to have: the stale-listing
  // test's Entities view provider and status bar text read one. The welcome-content test's views tell a state the
  // workbench keeps (a context key, which no API reads back) and need a corpus without entities, which the window's never is.
  // A malformed include or exclude setting stops its scan: the malformed-settings test gives one to a service of its own,
  // as it would break the window's corpus that the other tests read, and reads the same state as the stale-listing test.
  {
    files: [
      'test/integration/welcome-content.test.ts',
      'test/integration/damaged-cache.test.ts',
      'test/integration/reopen-dates.test.ts',
      'test/integration/reopen-article-entities.test.ts',
      'test/integration/stale-listing.test.ts',
      'test/integration/malformed-settings.test.ts',
      'test/integration/own-service.ts',
    ],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  // Features never import each other: they meet in the core and in the services the wiring passes them (src/corpus,
  // src/workers) and share the top-level helpers (notifications, opening at a match). A feature folder reaching into
  // another's is an error, whichever feature it is, whether it names a module or the folder (its index.ts), from the
  // feature's folder or a subfolder of it ("../../facts"), in an import, an `import()` or a `require()` (which the
  // rule against every `require()` does not make redundant: a line excused from that one must still keep this).
  // One block per folder depth: from a subfolder, "../facts" is the feature's own. no-restricted-imports does not
  // look at `import()` nor `require()`: no-restricted-syntax does, and its blocks replace the one above for these
  // files, so they repeat its selector.
  ...FEATURE_FOLDERS.flatMap((feature) =>
    FEATURE_SUBFOLDER_DEPTHS.map((depth) => ({
      files: [`src/${feature}/${'*/'.repeat(depth)}*.ts`],
      rules: {
        'no-restricted-imports': ['error', { patterns: [{ regex: otherFeaturePattern(feature, depth), message: FEATURE_BOUNDARY_MESSAGE }] }],
        'no-restricted-syntax': [
          'error',
          NOTIFICATION_CALLS,
          ...otherFeatureCallSelectors(feature, depth).map((selector) => ({ selector, message: FEATURE_BOUNDARY_MESSAGE })),
        ],
      },
    })),
  ),
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
