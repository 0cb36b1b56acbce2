import * as vscode from 'vscode';
import { notifyOpenFailed } from '../notifications';

/** Opens an article given as a `Uri`, as tree items and search results pass it; anything else is ignored. */
async function openArticle(target: unknown): Promise<void> {
  if (!(target instanceof vscode.Uri)) return;
  try {
    await vscode.window.showTextDocument(target, { preview: true });
  } catch (error) {
    notifyOpenFailed(target, error);
  }
}

export function registerNavigation(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('newsCorpus.openArticle', openArticle));
}
