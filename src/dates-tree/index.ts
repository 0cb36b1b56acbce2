import * as vscode from 'vscode';
import { CorpusService } from '../corpus/corpus-service';
import { readDatesViewSettings, SETTINGS_SECTION } from '../corpus/settings';
import { DatesTreeProvider } from './dates-tree-provider';

export const DATES_VIEW_ID = 'newsCorpus.dates';

/** Shows the Dates view and the commands that act on it. */
export function registerDatesTree(context: vscode.ExtensionContext, deps: { service: CorpusService }): DatesTreeProvider {
  const provider = new DatesTreeProvider(deps.service.corpus, readDatesViewSettings);
  const view = vscode.window.createTreeView(DATES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => {
    const { size, skippedCount } = deps.service.corpus;
    view.description = size > 0 ? `${size.toLocaleString('en-US')} articles` : '';
    view.message = skippedCount > 0 && size > 0 ? `${skippedCount.toLocaleString('en-US')} files skipped — see News Corpus: Show Skipped Files` : '';
  };
  const unsubscribe = deps.service.corpus.subscribe(describe);
  context.subscriptions.push(
    provider,
    view,
    { dispose: unsubscribe },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.dateOrder`) || event.affectsConfiguration(`${SETTINGS_SECTION}.undatedLabel`)) provider.refresh();
    }),
  );
  return provider;
}
