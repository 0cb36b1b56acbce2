import * as vscode from 'vscode';
import { folderNeeded, reasonOf, toNotificationText } from './core/messages';

/** The action of a notification that says what was just changed and can be taken back. */
export const UNDO = 'Undo';
/** The action of a notification that says a file was written. */
const OPEN_FILE = 'Open File';

/** How loudly a notification speaks. */
export type NoticeSeverity = 'info' | 'warning' | 'error';

/**
 * Shows a notification. Every notification of the extension goes through here (lint enforces it), so that no
 * path or title from the corpus can become a clickable command link: see {@link toNotificationText}.
 * Resolves with the action the user picked, if any.
 */
export function notify(severity: NoticeSeverity, message: string, ...actions: string[]): Thenable<string | undefined> {
  const text = toNotificationText(message);
  if (severity === 'error') return vscode.window.showErrorMessage(text, ...actions);
  if (severity === 'warning') return vscode.window.showWarningMessage(text, ...actions);
  return vscode.window.showInformationMessage(text, ...actions);
}

/**
 * Asks a question in a modal dialog (VS Code adds Cancel), for a change the user must agree to before it is made;
 * its text is made safe as a notification's is. Resolves with the action picked, undefined for Cancel.
 */
export function ask(message: string, ...actions: string[]): Thenable<string | undefined> {
  return vscode.window.showWarningMessage(toNotificationText(message), { modal: true }, ...actions);
}

/**
 * Says "open a folder to <purpose>" and returns true when no folder is open: a command that works on the corpus then
 * refuses at once, rather than show an empty corpus as if a folder had been read and found so.
 *
 * @example
 * if (refusedWithoutFolder('search its articles')) return;
 */
export function refusedWithoutFolder(purpose: string): boolean {
  const noFolder = folderNeeded(vscode.workspace.workspaceFolders?.length ?? 0, purpose);
  // Not awaited: a command's caller would wait until the notification is closed.
  if (noFolder !== undefined) void notify('info', noFolder);
  return noFolder !== undefined;
}

/** Tells the user that a file could not be opened in an editor, and why. */
export function notifyOpenFailed(uri: vscode.Uri, error: unknown): void {
  notify('error', `could not open ${uri.fsPath || uri.toString()}: ${reasonOf(error)}`);
}

/** Says that the file `uri` was written (an export), offering to open it. Not awaited by callers' commands. */
export function notifyWritten(message: string, uri: vscode.Uri): void {
  void notify('info', message, OPEN_FILE).then((action) => {
    if (action === OPEN_FILE) vscode.window.showTextDocument(uri, { preview: false }).then(undefined, (error: unknown) => notifyOpenFailed(uri, error));
  });
}
