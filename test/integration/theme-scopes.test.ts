import * as assert from 'assert';
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { COLOURED_IN_EVERY_BUILT_IN_THEME, selects } from '../support/theme-scopes';

/** The built-in extension that contributes VS Code's own colour themes. */
const THEME_DEFAULTS = 'vscode.theme-defaults';

interface ThemeFile {
  readonly include?: string;
  readonly colors?: Record<string, string>;
  readonly tokenColors?: readonly { readonly scope?: string | readonly string[]; readonly settings?: { readonly foreground?: string } }[];
}

/** A theme's foreground rules with a single scope selector, its includes' first, and its editor foreground. */
interface ThemeColours {
  readonly rules: readonly { readonly selector: string; readonly foreground: string }[];
  readonly editorForeground: string | undefined;
}

async function themeColours(uri: vscode.Uri): Promise<ThemeColours> {
  const theme = parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as ThemeFile;
  const included = theme.include === undefined ? { rules: [], editorForeground: undefined } : await themeColours(vscode.Uri.joinPath(uri, '..', theme.include));
  const own = (theme.tokenColors ?? []).flatMap(({ scope, settings }) => {
    const foreground = settings?.foreground;
    const selectors = typeof scope === 'string' ? scope.split(',') : (scope ?? []);
    // A selector with a space applies only inside another scope, which the article grammar's scopes never are.
    return foreground === undefined ? [] : selectors.map((selector) => selector.trim()).filter((selector) => !selector.includes(' ')).map((selector) => ({ selector, foreground }));
  });
  return { rules: [...included.rules, ...own], editorForeground: theme.colors?.['editor.foreground'] ?? included.editorForeground };
}

/** The colour a theme gives `scope`: the rule with the longest selector that selects it, the later of equals. */
function foregroundOf({ rules }: ThemeColours, scope: string): string | undefined {
  let best: ThemeColours['rules'][number] | undefined;
  for (const rule of rules) if (selects(rule.selector, scope) && (best === undefined || rule.selector.length >= best.selector.length)) best = rule;
  return best?.foreground;
}

/** `#rrggbb` of a colour written `#rrggbb` or `#rrggbbaa`, any case. */
const rgb = (colour: string) => colour.toLowerCase().slice(0, '#rrggbb'.length);

describe('The scope roots the News Article grammar may use (test/support/theme-scopes.ts)', () => {
  it('are each coloured, unlike plain text, by every theme VS Code ships', async () => {
    const extension = vscode.extensions.getExtension(THEME_DEFAULTS);
    assert.ok(extension, `${THEME_DEFAULTS} is built into the VS Code under test`);
    const themes = (extension.packageJSON as { contributes: { themes: readonly { label: string; path: string }[] } }).contributes.themes;
    assert.ok(themes.length >= 10, `the built-in themes are listed (${themes.length})`);
    const plain: string[] = [];
    for (const theme of themes) {
      const colours = await themeColours(vscode.Uri.joinPath(extension.extensionUri, theme.path));
      for (const root of COLOURED_IN_EVERY_BUILT_IN_THEME) {
        const foreground = foregroundOf(colours, root);
        if (foreground === undefined || (colours.editorForeground !== undefined && rgb(foreground) === rgb(colours.editorForeground))) plain.push(`${theme.path}: ${root}`);
      }
    }
    assert.deepStrictEqual(plain, []);
  });
});
