import * as vscode from 'vscode';
import { CorpusService } from '../corpus/corpus-service';
import { countOf, groupDigits, partOf } from '../core/display-text';
import { scanSummaryText } from '../core/messages';

/** The item opens the Dates view; after a failed scan it scans again, or opens the settings that made it fail. */
const SHOW_DATES = 'newsCorpus.dates.focus';
const RESCAN = 'newsCorpus.refresh';
const OPEN_SETTINGS = 'newsCorpus.openSettings';
/** The one background an item may take for an error (the workbench picks the matching foreground). */
const ERROR_BACKGROUND = 'statusBarItem.errorBackground';

/** What the status bar item shows: its text, tooltip and command, or nothing. */
export interface StatusShown {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string;
  /** Shown on the status bar's error colours (the last scan failed). */
  readonly error?: boolean;
}

/** What the status bar item shows for the corpus service as it is now (exported for the integration tests). */
export function statusShownOf(service: Pick<CorpusService, 'corpus' | 'state' | 'indexing' | 'lastScan' | 'scanFailure' | 'settingsProblem' | 'unreadChanges'>): StatusShown | undefined {
  const { size, skippedCount } = service.corpus;
  if (service.state === 'scanning') {
    const indexing = service.indexing;
    // A still icon while the count moves: a spinning one is redrawn all the time, on the cores the build needs.
    return indexing
      ? {
          text: `$(sync) ${groupDigits(indexing.done)}/${groupDigits(indexing.total)}`,
          tooltip: `News Corpus: indexing articles, ${Math.floor((100 * indexing.done) / Math.max(1, indexing.total))} % (${partOf(indexing.done, indexing.total, 'file')} read). The views and search fill in as they are read; files that are not articles are skipped.`,
          command: SHOW_DATES,
        }
      : { text: '$(sync~spin) News Corpus', tooltip: 'News Corpus: looking for articles…', command: SHOW_DATES };
  }
  const failure = service.scanFailure;
  if (failure !== undefined) {
    // Never the count from before alone: it may be of articles the index no longer holds.
    const listed = size > 0 ? ` The views list the ${groupDigits(size)} articles the index still holds.` : '';
    const text = `$(error) ${size > 0 ? groupDigits(size) : 'News Corpus'}`;
    // A retry would stop on the same setting: the click opens the settings, as the views' welcome does.
    if (service.settingsProblem !== undefined) {
      return { text, tooltip: `News Corpus: the scan stopped on an invalid setting: ${failure}.${listed} Click to open the settings.`, command: OPEN_SETTINGS, error: true };
    }
    return { text, tooltip: `News Corpus: the index could not be loaded or brought up to date: ${failure}.${listed} Click to try again.`, command: RESCAN, error: true };
  }
  const unread = service.unreadChanges;
  if (unread !== undefined) {
    // The reason is in the notification and the log: a tooltip quoting it whole would be a page long.
    const files = countOf(unread.files, 'changed file');
    const articles = `News Corpus: ${countOf(size, 'article')}, but reading ${files} failed`;
    return unread.givenUp
      ? { text: `$(warning) ${groupDigits(size)}`, tooltip: `${articles} and was given up: the corpus may miss those changes. Click to rescan the workspace.`, command: RESCAN }
      : { text: `$(warning) ${groupDigits(size)}`, tooltip: `${articles} and is tried again shortly.`, command: SHOW_DATES };
  }
  // Nothing without an article, skipped files or not: a plain-text file opened in any repository activates the
  // extension, whose LICENSE.txt is a skipped file too; the Dates view's welcome says why a folder has no article.
  if (size === 0) return undefined;
  const skipped = skippedCount > 0 ? `, ${groupDigits(skippedCount)} files skipped` : '';
  const scan = service.lastScan;
  const last = scan ? ` Last scan: ${scanSummaryText(scan)}.` : '';
  return { text: `$(library) ${groupDigits(size)}`, tooltip: `News Corpus: ${groupDigits(size)} articles${skipped}.${last} Click to show them by date.`, command: SHOW_DATES };
}

/**
 * Shows `shown` in `item` (exported for the integration tests), on the status bar's error colours when it says so;
 * hides the item when there is nothing to show.
 */
export function showStatus(item: vscode.StatusBarItem, shown: StatusShown | undefined): void {
  if (!shown) {
    item.hide();
    return;
  }
  item.text = shown.text;
  item.tooltip = shown.tooltip;
  item.command = shown.command;
  item.backgroundColor = shown.error === true ? new vscode.ThemeColor(ERROR_BACKGROUND) : undefined;
  item.show();
}

/** A status-bar count of the corpus that opens the Dates view. */
export function registerStatusBar(context: vscode.ExtensionContext, deps: { service: CorpusService }): void {
  const item = vscode.window.createStatusBarItem('newsCorpus.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'News Corpus';
  // Each change of the item is a message to the workbench, sent even when nothing changed: during a build the item
  // was told its count at every listing as well as at every progress report.
  let current: StatusShown | undefined;
  const update = () => {
    const shown = statusShownOf(deps.service);
    if (shown?.text === current?.text && shown?.tooltip === current?.tooltip && shown?.command === current?.command) return;
    current = shown;
    showStatus(item, shown);
  };
  const unsubscribe = deps.service.corpus.subscribe(update);
  context.subscriptions.push(item, deps.service.onDidChangeState(update), deps.service.onDidProgress(update), { dispose: unsubscribe });
  update();
}
