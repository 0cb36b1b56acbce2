import * as vscode from 'vscode';
import { isArticleDocument } from '../article-document';
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
  return editor !== undefined && isArticleDocument(editor.document, corpus);
}

/**
 * Selects and reveals the next mention of the entity after the cursor in the article's editor, from the first again after
 * the last. The view may list a long article's entities of its text before an edit still being analysed: the
 * mentions are those of the text as it is, once known.
 */
async function selectNextMention(element: unknown, analyzed: AwaitedAnalyzer, articleEditor: () => vscode.TextEditor | undefined): Promise<void> {
  const editor = articleEditor();
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
  if (editor !== articleEditor()) return;
  const mentions = entities.find((entity) => entity.key === key)?.mentions ?? [];
  // Past a selected mention, so that clicking again moves on to the next one.
  const from = editor.selection.isEmpty ? document.offsetAt(editor.selection.active) : document.offsetAt(editor.selection.start) + 1;
  const next = mentions.find((mention) => mention.start >= from) ?? mentions[0];
  if (!next) return;
  editor.selection = new vscode.Selection(document.positionAt(next.start), document.positionAt(next.end));
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Shows the In This Article view: the entities of the active editor's article (or of the last one, while it is in view
 * beside a panel that has the focus), following the editor and its edits.
 */
export function registerInThisArticle(
  context: vscode.ExtensionContext,
  deps: { corpus: Corpus; entities: EntityDirectory; analyze: ArticleAnalyzer; analyzed: AwaitedAnalyzer; onDidAnalyze: vscode.Event<void>; onDidChangeEntities: vscode.Event<unknown>; service: SavedListingState },
): ArticleEntitiesProvider {
  let lastArticle: vscode.TextDocument | undefined;
  /**
   * The editor of the article the view shows: the active editor's, or with the focus in a panel, the Output or another
   * file beside it, the last active article's while it is still in view (ux37: the view emptied whenever a panel
   * beside the article had the focus).
   */
  const articleEditor = (): vscode.TextEditor | undefined => {
    const active = vscode.window.activeTextEditor;
    if (isArticle(active, deps.corpus)) {
      lastArticle = active.document;
      return active;
    }
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === lastArticle);
    return isArticle(visible, deps.corpus) ? visible : undefined;
  };
  const shownArticle = (): ShownArticle | undefined => {
    const editor = articleEditor();
    if (!editor) return undefined;
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
    const editor = articleEditor();
    const article = editor !== undefined;
    const title = editor ? toTreeText(deps.corpus.article(editor.document.uri.toString())?.title ?? '') : '';
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
    // The last article closed or hidden while the focus was elsewhere leaves the view.
    vscode.window.onDidChangeVisibleTextEditors(() => {
      if (activeArticle().key !== shown) update();
    }),
    // Corrections of the facts file change the entities of the article as well as the corpus's.
    deps.onDidChangeEntities(() => provider.refresh()),
    deps.onDidAnalyze(() => provider.analysisArrived()),
    redrawWhenListed(deps.service, () => provider.refresh()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== articleEditor()?.document) return;
      clearTimeout(editTimer);
      editTimer = setTimeout(update, EDIT_DELAY_MS);
    }),
    vscode.commands.registerCommand('newsCorpus.selectNextMention', (element: unknown) => selectNextMention(element, deps.analyzed, articleEditor)),
  );
  update();
  return provider;
}
