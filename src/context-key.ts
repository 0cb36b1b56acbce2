import * as vscode from 'vscode';

/**
 * A setter of the context key `key` that tells the workbench only when the value changes: a tree view asks for its
 * rows at every change of the corpus, and each `setContext` is a message to the workbench.
 */
export function contextKey<T extends string | boolean>(key: string): (value: T) => void {
  let shown: T | undefined;
  return (value) => {
    if (value === shown) return;
    shown = value;
    void vscode.commands.executeCommand('setContext', key, value);
  };
}
