import * as vscode from 'vscode';
import { ArticleTarget, KEEP_FOCUS, articleTargetOf } from '../core/article-target';
import { notifyOpenFailed } from '../notifications';

/** The article a command was given: a `Uri` (search results, older links) or any tree element with an article `id`. */
function targetOf(value: unknown): ArticleTarget | undefined {
  return value instanceof vscode.Uri ? { id: value.toString() } : articleTargetOf(value);
}

/**
 * Opens an article, with a mention selected and revealed when the target names one; anything else is ignored. The
 * focus goes to the article unless `how` is {@link KEEP_FOCUS} (a view's row).
 */
async function openArticle(value: unknown, viewColumn?: vscode.ViewColumn, how?: unknown): Promise<void> {
  const target = targetOf(value);
  if (!target) return;
  const uri = vscode.Uri.parse(target.id);
  const preserveFocus = (how as Partial<typeof KEEP_FOCUS> | undefined)?.preserveFocus === true;
  const options: vscode.TextDocumentShowOptions = { preview: viewColumn === undefined, preserveFocus, ...(viewColumn === undefined ? {} : { viewColumn }) };
  const { selection } = target;
  if (selection) options.selection = new vscode.Range(selection.line, selection.character, selection.line, selection.character + selection.length);
  try {
    const editor = await vscode.window.showTextDocument(uri, options);
    if (options.selection) editor.revealRange(options.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } catch (error) {
    notifyOpenFailed(uri, error);
  }
}

/** Opens, opens beside, copies the path of and reveals in the Explorer the article of any view's item. */
export function registerNavigation(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsCorpus.openArticle', (value: unknown, how: unknown) => openArticle(value, undefined, how)),
    vscode.commands.registerCommand('newsCorpus.openToSide', (value: unknown) => openArticle(value, vscode.ViewColumn.Beside)),
    vscode.commands.registerCommand('newsCorpus.copyPath', async (value: unknown) => {
      const target = targetOf(value);
      if (!target) return;
      const uri = vscode.Uri.parse(target.id);
      await vscode.env.clipboard.writeText(uri.scheme === 'file' ? uri.fsPath : uri.toString());
    }),
    vscode.commands.registerCommand('newsCorpus.revealInExplorer', (value: unknown) => {
      const target = targetOf(value);
      return target ? vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(target.id)) : undefined;
    }),
  );
}
