import * as vscode from 'vscode';
import { notifyOpenFailed } from './notifications';

/** A span of an article's text in UTF-16 offsets, as the index gives a match. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Opens an article with `match` selected and in view: in a preview editor, or beside the active one. A file
 * deleted or unreadable since it was indexed gives a message, not an exception; the editor is undefined then.
 */
export async function openAtMatch(uri: vscode.Uri, match: TextSpan, options: { readonly toSide?: boolean; readonly preserveFocus?: boolean } = {}): Promise<vscode.TextEditor | undefined> {
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const selection = new vscode.Range(document.positionAt(match.start), document.positionAt(match.end));
    const editor = await vscode.window.showTextDocument(document, {
      selection,
      preview: !options.toSide,
      preserveFocus: options.preserveFocus ?? false,
      viewColumn: options.toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  } catch (error) {
    notifyOpenFailed(uri, error);
    return undefined;
  }
}
