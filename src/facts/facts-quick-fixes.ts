import * as vscode from 'vscode';
import { FACTS_FILE_SEGMENTS } from '../core/facts/entity-facts';

/** Where a diagnostic's "did you mean" is found: the facts files' diagnostics. */
export interface MeantLookup {
  meantAt(uri: vscode.Uri, diagnostic: vscode.Diagnostic): string | undefined;
}

/**
 * The facts file's quick fixes: a name or field its diagnostic says was likely misspelt ("did you mean "James
 * Baker"?") is written as meant with one Ctrl+. (ux38b: Ctrl+. offered nothing of ours). An ordinary edit of the
 * document, which Undo takes back.
 */
export function registerFactsQuickFixes(context: vscode.ExtensionContext, meant: MeantLookup): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions: (document, _range, codeActions) =>
      codeActions.diagnostics.flatMap((diagnostic) => {
        const replacement = meant.meantAt(document.uri, diagnostic);
        if (replacement === undefined) return [];
        const action = new vscode.CodeAction(`Change to ${replacement}`, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, replacement);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return [action];
      }),
  };
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider({ pattern: `**/${FACTS_FILE_SEGMENTS.join('/')}` }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
}
