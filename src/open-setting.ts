import * as vscode from 'vscode';

/**
 * Opens the settings where the value of `setting` ("newsCorpus.maxFileSizeKB") that applies to `folder` is set, on that
 * setting: the folder's own .vscode/settings.json (the Settings editor has no public command that opens a given
 * folder's tab), the workspace's settings, or else the user's. Edited anywhere else, the value in force for the folder
 * would not change.
 */
export async function openSettingWhereSet(setting: string, folder: vscode.WorkspaceFolder): Promise<void> {
  const inspected = vscode.workspace.getConfiguration(undefined, folder.uri).inspect(setting);
  if (inspected?.workspaceFolderValue !== undefined) return showSettingIn(vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'), setting);
  const command = inspected?.workspaceValue !== undefined ? 'workbench.action.openWorkspaceSettings' : 'workbench.action.openSettings';
  await vscode.commands.executeCommand(command, { query: setting });
}

/** Opens the settings file `file` with the name of `setting` in it selected (the start of the file if it is not there). */
async function showSettingIn(file: vscode.Uri, setting: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(file);
  const quoted = `"${setting}"`;
  const at = document.getText().indexOf(quoted);
  const start = document.positionAt(Math.max(0, at));
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(start, at < 0 ? start : document.positionAt(at + quoted.length)) });
}
