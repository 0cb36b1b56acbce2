import * as vscode from 'vscode';
import { entityKey } from '../core/entities/article-entities';
import { CorrectionSummary, correctionMessages } from '../core/curation/correction-summary';
import { CorrectionContext, correctedFactsText, undoneFactsText } from '../core/facts/correction-writer';
import { Correction, EntityRef } from '../core/facts/corrections';
import { parseFacts } from '../core/facts/entity-facts';
import { FactsLookup } from '../core/facts/facts-store';
import { changeBetween } from '../core/facts/text-changes';
import { reasonOf } from '../core/messages';
import { UNDO, notify } from '../notifications';

/** How the writer finds and reads facts files (the facts feature's own functions, passed in). */
export interface FactsFileAccess {
  readonly facts: FactsLookup;
  readonly factsFileOf: (folder: vscode.WorkspaceFolder) => vscode.Uri;
  /** The file's text as the user sees it (its unsaved edits included), `undefined` when there is no file. */
  readonly currentFactsText: (uri: vscode.Uri) => Promise<string | undefined>;
  /**
   * Reads the facts file `uri` again, just written or deleted here: the corrections take effect at once, not only
   * when the file watcher reports the change (under load it reported a new `.newscorpus` folder late or never).
   */
  readonly factsWritten: (uri: vscode.Uri) => Promise<void>;
}

/** A change written to a facts file, kept so that Undo can take back exactly that change. */
interface WrittenChange {
  readonly uri: vscode.Uri;
  readonly before: string;
  readonly after: string;
  /** The file did not exist before: undoing deletes it again. */
  readonly created: boolean;
  readonly messages: ReturnType<typeof correctionMessages>;
}

/** Changes that Undo Last Entity Correction can still take back, most recent last. */
const UNDO_DEPTH = 20;
const CAN_UNDO_CONTEXT = 'newsCorpus.canUndoCorrection';

/** The document of `uri` VS Code has open, if any. */
function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
}

/**
 * What a confirmation adds when writing the facts file `uri` saves the user's unsaved edits of it as well (they are
 * in the document written): worked out before it is written.
 */
function draftSavedNote(uri: vscode.Uri): string {
  return openDocument(uri)?.isDirty === true ? ` Your unsaved edits of ${vscode.workspace.asRelativePath(uri)} were saved with it.` : '';
}

/**
 * Writes corrections into the facts file (as an edit of its document when the user has it open), saved so that
 * every surface applies them. The edit is computed against the file's text at the moment of writing (a colleague's change
 * pulled meanwhile is kept), an invalid file is not touched, and each write can be undone: from its
 * notification, with Undo Last Entity Correction, or with VS Code's undo in the facts file. An undo takes back the
 * entries its write changed, so an older notification's Undo works after later corrections of other entities.
 */
export class CorrectionFile {
  private readonly written: WrittenChange[] = [];
  /** Changes already taken back, whose notifications' Undo buttons may still be clicked in the notification centre. */
  private readonly undone = new WeakSet<WrittenChange>();

  constructor(
    private readonly access: FactsFileAccess,
    private readonly context: CorrectionContext,
  ) {}

  /**
   * The facts file for corrections of `entities`: the one with an entry for the first of them that has one,
   * else the one of the workspace folder of `near` (an article), else of the first folder.
   */
  fileFor(entities: readonly EntityRef[], near?: vscode.Uri): vscode.Uri | undefined {
    for (const entity of entities) {
      const existing = this.access.facts.entry(entityKey(entity.type, entity.name));
      if (existing) return vscode.Uri.parse(existing.source);
    }
    const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder && this.access.factsFileOf(folder);
  }

  /** Writes `corrections` into the facts file `uri` and confirms with `summary`; false when nothing was written. */
  async write(uri: vscode.Uri, corrections: readonly Correction[], summary: CorrectionSummary): Promise<boolean> {
    const current = await this.access.currentFactsText(uri);
    const before = current ?? '';
    if (!parseFacts(before).entries) {
      void notify('warning', 'News Corpus: the facts file is not valid JSON, so the correction was not written. Fix the marked problem, then try again.');
      await vscode.window.showTextDocument(uri);
      return false;
    }
    const after = correctedFactsText(before, corrections, this.context);
    if (after === before) {
      void notify('info', 'News Corpus: the facts file already says so; nothing to change.');
      return false;
    }
    // The document is saved with the correction: the user's unsaved edits in it too, which the confirmation says.
    const saved = draftSavedNote(uri);
    if (!(await this.replace(uri, after))) return false;
    const change: WrittenChange = { uri, before, after, created: current === undefined, messages: correctionMessages(summary) };
    this.remember(change);
    void notify('info', `News Corpus: ${change.messages.done}${saved}`, UNDO).then((choice) => {
      if (choice === UNDO) void this.undo(change);
    });
    return true;
  }

  /** Takes back the most recent correction still remembered; false when there is none or it cannot be. */
  undoLast(): Promise<boolean> {
    const last = this.written[this.written.length - 1];
    if (last) return this.undo(last);
    void notify('info', 'News Corpus: there is no entity correction to undo.');
    return Promise.resolve(false);
  }

  private async undo(change: WrittenChange): Promise<boolean> {
    const index = this.written.indexOf(change);
    if (index === -1) {
      // A notification's Undo stays live in the notification centre after its change was taken back (by another
      // notification or the command), or fell out of what is remembered: say which, rather than a bare "nothing to
      // undo" that reads as if the button were broken.
      void notify('info', `News Corpus: ${this.undone.has(change) ? change.messages.alreadyUndone : change.messages.forgotten}`);
      return false;
    }
    const current = (await this.access.currentFactsText(change.uri)) ?? '';
    const reverted = undoneFactsText(change.before, change.after, current);
    if (reverted === undefined) {
      void notify('warning', `News Corpus: ${change.messages.changedSince}`);
      return false;
    }
    const deleted = change.created && reverted.trim() === '';
    // Saved with the undo, as with a correction: said the same way.
    const saved = deleted ? '' : draftSavedNote(change.uri);
    if (!(await (deleted ? this.delete(change.uri) : this.replace(change.uri, reverted)))) return false;
    // Asked again: another write or undo may have changed the list while the file was written.
    const at = this.written.indexOf(change);
    if (at !== -1) this.written.splice(at, 1);
    this.undone.add(change);
    void this.updateContext();
    void notify('info', `News Corpus: ${change.messages.undone}${saved}`);
    return true;
  }

  private remember(change: WrittenChange): void {
    this.written.push(change);
    if (this.written.length > UNDO_DEPTH) this.written.shift();
    void this.updateContext();
  }

  private updateContext(): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', CAN_UNDO_CONTEXT, this.written.length > 0);
  }

  /**
   * Makes the facts file `uri` read `text`. When the user has its document open in an editor (and in step with
   * the disk), or with unsaved edits, it is one edit of the document (of the part that differs), saved: VS
   * Code's own Undo in the file takes it back. Otherwise the file is written directly, so that a document VS Code
   * keeps in the background, which may not have caught up with a change on disk yet, cannot make the save conflict.
   */
  private async replace(uri: vscode.Uri, text: string): Promise<boolean> {
    try {
      const document = await this.editedDocument(uri);
      if (!document) {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        await this.access.factsWritten(uri);
        return true;
      }
      const edit = new vscode.WorkspaceEdit();
      for (const change of changeBetween(document.getText(), text)) {
        edit.replace(uri, new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length)), change.content);
      }
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was refused');
      if (!(await document.save())) throw new Error('it could not be saved');
      await this.access.factsWritten(uri);
      return true;
    } catch (error) {
      void notify('error', `News Corpus: could not write the facts file ${vscode.workspace.asRelativePath(uri)}: ${reasonOf(error)}.`);
      return false;
    }
  }

  /** The document of `uri` when it has unsaved edits, or is shown in an editor and holds what the disk holds. */
  private async editedDocument(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const document = openDocument(uri);
    if (!document) return undefined;
    if (document.isDirty) return document;
    if (!vscode.window.visibleTextEditors.some((editor) => editor.document === document)) return undefined;
    const onDisk = await vscode.workspace.fs.readFile(uri).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
    return onDisk === document.getText() ? document : undefined;
  }

  private async delete(uri: vscode.Uri): Promise<boolean> {
    try {
      await vscode.workspace.fs.delete(uri);
      await this.access.factsWritten(uri);
      return true;
    } catch (error) {
      void notify('error', `News Corpus: could not delete the facts file ${vscode.workspace.asRelativePath(uri)}: ${reasonOf(error)}.`);
      return false;
    }
  }
}
