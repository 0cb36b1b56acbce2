import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE_ID } from '../core/article';
import { Corpus } from '../core/corpus';
import { toTreeText } from '../core/display-text';
import { ArticleAnalyzer } from '../core/curation/article-corrections';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { ArticleEntity } from '../core/entities/types';
import { EntityDirectory } from '../core/entity-directory';
import { contextKey } from '../context-key';
import { ArticleEntitiesProvider, ArticleEntitiesState, ArticleEntityElement, ShownArticle } from './article-entities-provider';
import { corpusNameOf, redrawWhenListed, SavedListingState } from './corpus-names';

export const ARTICLE_ENTITIES_VIEW_ID = 'newsCorpus.articleEntities';
/** What the view knows of the active article's entities (see {@link ArticleEntitiesState}), for its welcome content. */
const ARTICLE_ENTITIES_CONTEXT = 'newsCorpus.articleEntities';
/** Typing pauses this long before the view reads the article again. */
const EDIT_DELAY_MS = 300;

/** Whether the editor shows an article: one of the corpus, or a document in the News Article language (new, unsaved). */
function isArticle(editor: vscode.TextEditor | undefined, corpus: Corpus): editor is vscode.TextEditor {
  return editor !== undefined && (corpus.article(editor.document.uri.toString()) !== undefined || editor.document.languageId === ARTICLE_LANGUAGE_ID);
}

/**
 * Selects and reveals the next mention of the entity after the cursor in the active editor, from the first again after
 * the last. The view may list a long article's entities of its text before an edit still being analysed: the
 * mentions are those of the text as it is, once known.
 */
async function selectNextMention(element: unknown, analyzed: AwaitedAnalyzer): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const key = (element as Partial<Extract<ArticleEntityElement, { kind: 'entity' }>> | undefined)?.entity?.key;
  if (!editor || typeof key !== 'string') return;
  const { document } = editor;
  let entities: readonly ArticleEntity[];
  let version: number;
  do {
    version = document.version;
    entities = await analyzed(document.getText(), document.uri.toString());
    // Typed on meanwhile: those mentions' offsets are of the text before, so the text as it is now is asked for.
  } while (document.version !== version);
  if (editor !== vscode.window.activeTextEditor) return;
  const mentions = entities.find((entity) => entity.key === key)?.mentions ?? [];
  // Past a selected mention, so that clicking again moves on to the next one.
  const from = editor.selection.isEmpty ? document.offsetAt(editor.selection.active) : document.offsetAt(editor.selection.start) + 1;
  const next = mentions.find((mention) => mention.start >= from) ?? mentions[0];
  if (!next) return;
  editor.selection = new vscode.Selection(document.positionAt(next.start), document.positionAt(next.end));
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Shows the In This Article view: the entities of the active editor's article, following the editor and its edits. */
export function registerInThisArticle(
  context: vscode.ExtensionContext,
  deps: { corpus: Corpus; entities: EntityDirectory; analyze: ArticleAnalyzer; analyzed: AwaitedAnalyzer; onDidAnalyze: vscode.Event<void>; onDidChangeEntities: vscode.Event<unknown>; service: SavedListingState },
): ArticleEntitiesProvider {
  const shownArticle = (): ShownArticle | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!isArticle(editor, deps.corpus)) return undefined;
    const { document } = editor;
    return { id: document.uri.toString(), text: () => document.getText() };
  };
  const provider = new ArticleEntitiesProvider(
    shownArticle,
    (text, id) => deps.analyze(text, id),
    corpusNameOf(deps.entities, deps.service),
    contextKey<ArticleEntitiesState>(ARTICLE_ENTITIES_CONTEXT),
  );
  const view = vscode.window.createTreeView(ARTICLE_ENTITIES_VIEW_ID, { treeDataProvider: provider });
  let editTimer: ReturnType<typeof setTimeout> | undefined;
  /** The active editor's article as the view shows it, and a key that changes when any of it does. */
  const activeArticle = () => {
    const editor = vscode.window.activeTextEditor;
    const article = isArticle(editor, deps.corpus);
    const title = article ? toTreeText(deps.corpus.article(editor.document.uri.toString())?.title ?? '') : '';
    return { article, title, key: JSON.stringify([editor?.document.uri.toString(), article, title]) };
  };
  let shown: string | undefined;
  const update = () => {
    const { article, title, key } = activeArticle();
    shown = key;
    void vscode.commands.executeCommand('setContext', 'newsCorpus.activeArticle', article);
    view.description = title;
    provider.refresh();
  };
  // A change of the corpus that leaves the active editor's article as it was changes nothing here: during a build it
  // came with every listing, each a context key, a description and the view's rows sent to the workbench.
  const unsubscribe = deps.corpus.subscribe(() => {
    if (activeArticle().key !== shown) update();
  });
  context.subscriptions.push(
    provider,
    view,
    { dispose: unsubscribe },
    { dispose: () => clearTimeout(editTimer) },
    vscode.window.onDidChangeActiveTextEditor(update),
    // Corrections of the facts file change the entities of the article as well as the corpus's.
    deps.onDidChangeEntities(() => provider.refresh()),
    deps.onDidAnalyze(() => provider.analysisArrived()),
    redrawWhenListed(deps.service, () => provider.refresh()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== vscode.window.activeTextEditor?.document) return;
      clearTimeout(editTimer);
      editTimer = setTimeout(update, EDIT_DELAY_MS);
    }),
    vscode.commands.registerCommand('newsCorpus.selectNextMention', (element: unknown) => selectNextMention(element, deps.analyzed)),
  );
  update();
  return provider;
}
