import * as vscode from 'vscode';
import { reasonOf, toNotificationText } from './core/messages';

/** How loudly a notification speaks. */
export type NoticeSeverity = 'info' | 'warning' | 'error';

/**
 * Shows a notification. Every notification of the extension goes through here (lint enforces it), so that no
 * path or title from the corpus can become a clickable command link: see {@link toNotificationText}.
 */
export function notify(severity: NoticeSeverity, message: string): void {
  const text = toNotificationText(message);
  if (severity === 'error') void vscode.window.showErrorMessage(text);
  else if (severity === 'warning') void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
}

/** Tells the user that a file could not be opened in an editor, and why. */
export function notifyOpenFailed(uri: vscode.Uri, error: unknown): void {
  notify('error', `could not open ${uri.fsPath || uri.toString()}: ${reasonOf(error)}`);
}
