import * as vscode from 'vscode';
import { CorpusService } from '../corpus/corpus-service';

function render(item: vscode.StatusBarItem, service: CorpusService): void {
  const { size, skippedCount } = service.corpus;
  if (service.state === 'scanning') {
    const indexing = service.indexing;
    // A still icon while the count moves: a spinning one is redrawn all the time, on the cores the build needs.
    item.text = indexing ? `$(sync) ${indexing.done.toLocaleString('en-US')}/${indexing.total.toLocaleString('en-US')}` : '$(sync~spin) News Corpus';
    item.tooltip = indexing
      ? `News Corpus: indexing articles, ${Math.floor((100 * indexing.done) / Math.max(1, indexing.total))} % (${indexing.done.toLocaleString('en-US')} of ${indexing.total.toLocaleString('en-US')} files read). Search and the views fill in when it is done.`
      : 'News Corpus: looking for articles…';
  } else {
    item.text = `$(library) ${size.toLocaleString('en-US')}`;
    const skipped = skippedCount > 0 ? `, ${skippedCount.toLocaleString('en-US')} files skipped` : '';
    const scan = service.lastScan;
    const last = scan ? ` Last scan: ${scan.unchanged.toLocaleString('en-US')} unchanged, ${scan.reread.toLocaleString('en-US')} read, in ${(scan.ms / 1000).toFixed(1)} s.` : '';
    item.tooltip = `News Corpus: ${size.toLocaleString('en-US')} articles${skipped}.${last} Click to show them by date.`;
  }
  if (size > 0 || service.state === 'scanning') item.show();
  else item.hide();
}

/** A status-bar count of the corpus that opens the Dates view. */
export function registerStatusBar(context: vscode.ExtensionContext, deps: { service: CorpusService }): void {
  const item = vscode.window.createStatusBarItem('newsCorpus.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'News Corpus';
  item.command = 'newsCorpus.dates.focus';
  const update = () => render(item, deps.service);
  const unsubscribe = deps.service.corpus.subscribe(update);
  context.subscriptions.push(item, deps.service.onDidChangeState(update), deps.service.onDidProgress(update), { dispose: unsubscribe });
  update();
}
