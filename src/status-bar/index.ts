import * as vscode from 'vscode';
import { CorpusService } from '../corpus/corpus-service';
import { groupDigits } from '../core/display-text';

/** What the status bar item shows: its text and tooltip, or nothing. */
interface StatusShown {
  readonly text: string;
  readonly tooltip: string;
}

function shownOf(service: CorpusService): StatusShown | undefined {
  const { size, skippedCount } = service.corpus;
  if (service.state === 'scanning') {
    const indexing = service.indexing;
    // A still icon while the count moves: a spinning one is redrawn all the time, on the cores the build needs.
    return indexing
      ? {
          text: `$(sync) ${groupDigits(indexing.done)}/${groupDigits(indexing.total)}`,
          tooltip: `News Corpus: indexing articles, ${Math.floor((100 * indexing.done) / Math.max(1, indexing.total))} % (${groupDigits(indexing.done)} of ${groupDigits(indexing.total)} files read). Search and the views fill in when it is done.`,
        }
      : { text: '$(sync~spin) News Corpus', tooltip: 'News Corpus: looking for articles…' };
  }
  if (size === 0) return undefined;
  const skipped = skippedCount > 0 ? `, ${groupDigits(skippedCount)} files skipped` : '';
  const scan = service.lastScan;
  const last = scan ? ` Last scan: ${groupDigits(scan.unchanged)} unchanged, ${groupDigits(scan.reread)} read, in ${(scan.ms / 1000).toFixed(1)} s.` : '';
  return { text: `$(library) ${groupDigits(size)}`, tooltip: `News Corpus: ${groupDigits(size)} articles${skipped}.${last} Click to show them by date.` };
}

/** A status-bar count of the corpus that opens the Dates view. */
export function registerStatusBar(context: vscode.ExtensionContext, deps: { service: CorpusService }): void {
  const item = vscode.window.createStatusBarItem('newsCorpus.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'News Corpus';
  item.command = 'newsCorpus.dates.focus';
  // Each change of the item is a message to the workbench, sent even when nothing changed: during a build the item
  // was told its count at every listing as well as at every progress report.
  let current: StatusShown | undefined;
  const update = () => {
    const shown = shownOf(deps.service);
    if (shown?.text === current?.text && shown?.tooltip === current?.tooltip) return;
    current = shown;
    if (shown) {
      item.text = shown.text;
      item.tooltip = shown.tooltip;
      item.show();
    } else item.hide();
  };
  const unsubscribe = deps.service.corpus.subscribe(update);
  context.subscriptions.push(item, deps.service.onDidChangeState(update), deps.service.onDidProgress(update), { dispose: unsubscribe });
  update();
}
