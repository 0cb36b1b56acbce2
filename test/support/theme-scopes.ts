/**
 * Scope roots that every colour theme VS Code ships colours in a foreground of its own, not the editor's: a scope equal
 * to one of them or below it (`constant.numeric.date.news-article`) shows in colour whichever built-in theme is on.
 * The ten themes are those of the built-in extension theme-defaults (Light and Dark 2026, Modern, +, Visual Studio,
 * High Contrast and High Contrast Light), each with the rules of the themes it includes. Read from code-server
 * 4.139.1's lib/vscode/extensions/theme-defaults/themes/*.json: the unit tests run before CI installs code-server, so
 * they check the grammar against this list, and test/integration/theme-scopes.test.ts checks the list against the
 * themes of the VS Code it runs in. `constant.other`, the grammar's dates' scope until QA found them plain text in
 * Light Modern, Dark Modern and both High Contrast themes, is coloured by the 2026 themes alone.
 *
 * @example
 * COLOURED_IN_EVERY_BUILT_IN_THEME.includes('constant.numeric'); // true
 */
export const COLOURED_IN_EVERY_BUILT_IN_THEME: readonly string[] = [
  'comment',
  'constant.language',
  'constant.numeric',
  'constant.regexp',
  'entity.name.tag',
  'entity.other.attribute-name',
  'invalid',
  'keyword',
  'markup.changed',
  'markup.deleted',
  'markup.heading',
  'markup.inserted',
  'storage',
  'string',
  'variable.language',
];

/**
 * Whether a TextMate scope selector without spaces (`constant.numeric`) selects `scope`: it is the scope or a
 * dot-separated prefix of it.
 *
 * @example
 * selects('constant.numeric', 'constant.numeric.date.news-article'); // true
 * selects('constant.num', 'constant.numeric');                       // false
 */
export function selects(selector: string, scope: string): boolean {
  return scope === selector || scope.startsWith(`${selector}.`);
}
