import * as vscode from 'vscode';
import { articleTargetOf } from '../core/article-target';
import { ArticlesChange, Corpus } from '../core/corpus';
import { countOf, partOf } from '../core/display-text';
import { joinMessageParts, scanFailureMessage, ShownView } from '../core/messages';
import { CorpusState, ScanPhase } from '../corpus/corpus-service';
import { readDatesViewSettings, readRevealActiveArticle, SETTINGS_SECTION } from '../corpus/settings';
import { showScanProgress } from '../corpus/view-progress';
import { DatesTreeProvider } from './dates-tree-provider';
import { HeldRowsProvider } from './held-rows';

export const DATES_VIEW_ID = 'newsCorpus.dates';

/** What the Dates view reads: the corpus, and the scan state for its progress bar and message. */
export interface DatesTreeDeps {
  readonly corpus: Corpus;
  readonly service: {
    readonly state: CorpusState;
    readonly onDidChangeState: vscode.Event<CorpusState>;
    readonly phase: ScanPhase | undefined;
    readonly indexing: { readonly done: number; readonly total: number } | undefined;
    readonly savedDates: ReadonlyMap<string | undefined, number> | undefined;
    readonly savedListingDue: boolean;
    readonly onDidProgress: vscode.Event<void>;
    /** Why the last scan failed, until the next starts. */
    readonly scanFailure: string | undefined;
  };
  /** An article's text, for its row's tooltip. */
  readonly articleText: (id: string) => string | undefined;
}

/** What the view says of the scan under way; undefined when none runs. */
function scanMessage(service: DatesTreeDeps['service']): string | undefined {
  const indexing = service.indexing;
  if (service.phase === 'indexing' && indexing) return `Indexing: ${partOf(indexing.done, indexing.total, 'file')} read…`;
  if (service.phase === 'checking') return 'Checking the files for changes…';
  if (service.phase === 'listing') return 'Looking for articles…';
  return undefined;
}

/**
 * The Dates view's message (exported for the integration tests) while it lists articles: the failure of the last
 * scan, then the skipped files; else the progress of the scan under way, or the skipped files. An empty view says
 * nothing: its welcome content (the failure's retry among them) shows then, which a message would hide.
 */
export function datesViewMessage(corpus: Corpus, service: DatesTreeDeps['service']): string {
  if (corpus.size === 0) return '';
  const skipped = corpus.skippedCount > 0 ? `${countOf(corpus.skippedCount, 'file')} skipped — see News Corpus: Show Skipped Files` : undefined;
  if (service.scanFailure !== undefined) return joinMessageParts(scanFailureMessage(service.scanFailure, 'articles'), skipped);
  return scanMessage(service) ?? skipped ?? '';
}

/** Shows the Dates view, kept in step with the corpus and its settings, revealing the active editor's article. */
export function registerDatesTree(context: vscode.ExtensionContext, deps: DatesTreeDeps): ShownView<DatesTreeProvider> {
  const { corpus } = deps;
  const provider = new DatesTreeProvider(corpus, readDatesViewSettings, () => deps.service.savedDates, deps.articleText);
  // A reopen lists its saved index within a second or two: the view's requests wait for it (see HeldRowsProvider),
  // but for the years and months, counted from the saved index's days as soon as they are read.
  const held = new HeldRowsProvider(provider, (element) => provider.waitsForArticles(element, deps.service.savedListingDue));
  const view = vscode.window.createTreeView(DATES_VIEW_ID, { treeDataProvider: held, showCollapseAll: true });
  // The workbench is sent a view's message and description each time they are set, even unchanged: during a build that
  // was a message to it for every progress report and listing, on the cores the indexing threads need.
  const showMessage = () => {
    provider.followSavedDates();
    held.settle();
    const description = provider.description();
    if (view.description !== description) view.description = description;
    const message = datesViewMessage(corpus, deps.service);
    if (view.message !== message) view.message = message;
  };
  const update = (change: ArticlesChange) => {
    provider.refresh(change?.added);
    showMessage();
  };
  const reveal = async (id: string, focus: boolean): Promise<void> => {
    if (!corpus.article(id)) return;
    await view.reveal({ kind: 'article', id }, { select: true, focus, expand: true });
  };
  const revealActive = (editor: vscode.TextEditor | undefined) => {
    if (editor && view.visible && readRevealActiveArticle()) void reveal(editor.document.uri.toString(), false).catch(() => undefined);
  };
  const unsubscribe = corpus.subscribe(update);
  context.subscriptions.push(
    provider,
    held,
    view,
    { dispose: unsubscribe },
    showScanProgress(DATES_VIEW_ID, deps.service),
    deps.service.onDidProgress(showMessage),
    deps.service.onDidChangeState(showMessage),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.dateOrder`) || event.affectsConfiguration(`${SETTINGS_SECTION}.undatedLabel`)) provider.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(revealActive),
    view.onDidChangeVisibility(() => revealActive(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('newsCorpus.revealInDates', async (value: unknown) => {
      const id = value instanceof vscode.Uri ? value.toString() : articleTargetOf(value)?.id;
      if (id !== undefined) await reveal(id, true);
    }),
  );
  return { provider, message: () => view.message ?? '' };
}
