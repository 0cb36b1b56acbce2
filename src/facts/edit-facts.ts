import * as vscode from 'vscode';
import { isArticleDocument } from '../article-document';
import { entityKey } from '../core/entities/article-entities';
import { entityAtOffset } from '../core/entities/entity-at-offset';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { EntityType } from '../core/entities/types';
import { Corpus } from '../core/corpus';
import { EntityDirectory } from '../core/entity-directory';
import { isEntityType } from '../core/facts/corrections';
import { parseFacts } from '../core/facts/entity-facts';
import { addFactsEntry } from '../core/facts/facts-edit';
import { FactsLookup } from '../core/facts/facts-store';
import { pickEntity } from '../entity-picker';
import { notify } from '../notifications';
import { currentFactsText, factsFileOf } from './facts-files';

/** What Edit Facts needs: the recogniser (for the name under the cursor), the corpus's names, and the facts. */
export interface EditFactsDeps {
  readonly analyzed: AwaitedAnalyzer;
  readonly entities: Pick<EntityDirectory, 'summary' | 'list' | 'typeCounts'>;
  readonly facts: FactsLookup;
  /** The corpus, which says which documents are articles. */
  readonly corpus: Pick<Corpus, 'article'>;
}

/** The entity whose facts are edited, and the article it was picked in (whose folder gets a new facts file). */
interface FactsTarget {
  readonly type: EntityType;
  readonly name: string;
  readonly near?: vscode.Uri;
}

/**
 * The entity named by the arguments (a hover card's link), else the one under the cursor of an article (once a long
 * article's entities have arrived), else one the user picks: from the palette with no article open, Edit Facts was
 * not listed at all (ux38).
 */
async function targetOf(deps: EditFactsDeps, args: readonly unknown[]): Promise<FactsTarget | undefined> {
  const [type, name, near] = args;
  if (isEntityType(type) && typeof name === 'string') return { type, name, ...(typeof near === 'string' ? { near: vscode.Uri.parse(near) } : {}) };
  const editor = vscode.window.activeTextEditor;
  if (editor && isArticleDocument(editor.document, deps.corpus)) {
    const { document, selection } = editor;
    // Taken with the text analysed: the entities' offsets are of that text, whatever edit comes while they are found.
    const offset = document.offsetAt(selection.active);
    const found = entityAtOffset(await deps.analyzed(document.getText(), document.uri.toString()), offset);
    // The name the corpus writes most often, so that the entry reads like the card.
    if (found) return { type: found.entity.type, name: deps.entities.summary(found.entity.key)?.name ?? found.entity.name, near: document.uri };
  }
  const key = await pickEntity(deps.entities, 'News Corpus: Edit Facts', 'The entity whose facts to edit: part of its name (or put the cursor on a name in an article first)');
  const picked = key === undefined ? undefined : deps.entities.summary(key);
  return picked && { type: picked.type, name: picked.name };
}

/** The facts file that has the entity's entry, else the one of the article's folder, else of the first folder. */
function factsFileFor(deps: EditFactsDeps, target: FactsTarget): vscode.Uri | undefined {
  const existing = deps.facts.entry(entityKey(target.type, target.name));
  if (existing) return vscode.Uri.parse(existing.source);
  const folder = (target.near && vscode.workspace.getWorkspaceFolder(target.near)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder && factsFileOf(folder);
}

async function showAt(uri: vscode.Uri, offset: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const position = document.positionAt(offset);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

/**
 * Edit Facts: opens the facts file at the entity's entry, first adding the entry (and the file) with a
 * `WorkspaceEdit` when there is none, so that the change is an ordinary, undoable edit of the document that
 * keeps the rest of the file as the user wrote it. Never touches an article.
 */
export async function editFacts(deps: EditFactsDeps, ...args: unknown[]): Promise<void> {
  const target = await targetOf(deps, args);
  if (!target) return;
  const uri = factsFileFor(deps, target);
  if (!uri) {
    notify('error', 'News Corpus: open a folder to keep facts about its entities.');
    return;
  }
  const key = entityKey(target.type, target.name);
  const text = await currentFactsText(uri);
  const parsed = parseFacts(text ?? '');
  if (!parsed.entries) {
    notify('warning', 'News Corpus: the facts file is not valid JSON; fix the marked problem, then edit the facts again.');
    await showAt(uri, parsed.problems[0]?.offset ?? 0);
    return;
  }
  const existing = parsed.entries.get(key);
  if (existing) {
    await showAt(uri, existing.cursor);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  if (text === undefined) {
    edit.createFile(uri, { ignoreIfExists: true });
    for (const change of addFactsEntry('', target.type, target.name)) edit.insert(uri, new vscode.Position(0, 0), change.content);
  } else {
    const document = await vscode.workspace.openTextDocument(uri);
    for (const change of addFactsEntry(document.getText(), target.type, target.name)) {
      edit.replace(uri, new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length)), change.content);
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    notify('error', 'News Corpus: could not add the entry to the facts file.');
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await showAt(uri, parseFacts(document.getText()).entries?.get(key)?.cursor ?? 0);
}
