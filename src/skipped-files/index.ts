import * as vscode from 'vscode';
import { Corpus, SkippedFile } from '../core/corpus';
import { countOf, toDisplayText } from '../core/display-text';
import { reasonOf } from '../core/messages';
import { notify, refusedWithoutFolder } from '../notifications';
import { openSettingWhereSet } from '../open-setting';

interface SkippedPick extends vscode.QuickPickItem {
  readonly file: SkippedFile;
}

/** What the notification about a binary or over-size file offers, since it is not opened. */
const REVEAL = 'Reveal in Explorer View';
const CHANGE_LIMIT = 'Change the Size Limit';
const SIZE_LIMIT_SETTING = 'newsCorpus.maxFileSizeKB';

/**
 * Says why a picked binary or over-size file is not opened, and offers what can be done instead: its place in the
 * Explorer, and for an over-size one the setting of the limit (the message alone repeated the list and ended there).
 */
async function explainNotOpened(file: SkippedFile): Promise<void> {
  const actions = file.reason === 'too-large' ? [CHANGE_LIMIT, REVEAL] : [REVEAL];
  const chosen = await notify('info', `${file.path} was skipped: ${file.message}.`, ...actions);
  if (chosen === REVEAL) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(file.id));
  if (chosen === CHANGE_LIMIT) {
    // Where the limit in force for the file's folder is set: a folder's own limit is not changed in the User settings.
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(file.id));
    await (folder ? openSettingWhereSet(SIZE_LIMIT_SETTING, folder) : vscode.commands.executeCommand('workbench.action.openSettings', SIZE_LIMIT_SETTING));
  }
}

/** Lists the files that are not in the corpus, with the reason; picking one opens it (binary and over-size files excepted). */
async function showSkippedFiles(corpus: Corpus): Promise<void> {
  // With no folder, "no files were skipped" would say the folder was read and found clean.
  if (refusedWithoutFolder('see which of its files are not articles')) return;
  const files = [...corpus.skipped()].sort((a, b) => a.path.localeCompare(b.path));
  if (files.length === 0) {
    notify('info', 'no files were skipped.');
    return;
  }
  const picked = await vscode.window.showQuickPick<SkippedPick>(
    files.map((file) => ({ label: toDisplayText(file.path), detail: toDisplayText(file.message), file, iconPath: new vscode.ThemeIcon('warning') })),
    { title: `News Corpus: ${countOf(files.length, 'skipped file')}`, placeHolder: 'Files that matched the include setting but are not articles', matchOnDetail: true },
  );
  if (!picked) return;
  if (picked.file.reason === 'binary' || picked.file.reason === 'too-large') {
    // Not awaited: the command is done once the list is; the notification waits for the user on its own, and a
    // failure of the action picked there is told, not left unhandled.
    explainNotOpened(picked.file).catch((error: unknown) => notify('error', `could not do that for ${picked.file.path}: ${reasonOf(error)}`));
    return;
  }
  await vscode.commands.executeCommand('newsCorpus.openArticle', vscode.Uri.parse(picked.file.id));
}

export function registerSkippedFiles(context: vscode.ExtensionContext, deps: { corpus: Corpus }): void {
  context.subscriptions.push(vscode.commands.registerCommand('newsCorpus.showSkippedFiles', () => showSkippedFiles(deps.corpus)));
}
