import * as vscode from 'vscode';
import { Corpus } from '../core/corpus';
import { countOf } from '../core/display-text';
import { readDatesViewSettings, SETTINGS_SECTION } from '../corpus/settings';
import { DatesTreeProvider } from './dates-tree-provider';

export const DATES_VIEW_ID = 'newsCorpus.dates';

/** Shows the Dates view, kept in step with the corpus and its settings. */
export function registerDatesTree(context: vscode.ExtensionContext, deps: { corpus: Corpus }): DatesTreeProvider {
  const { corpus } = deps;
  const provider = new DatesTreeProvider(corpus, readDatesViewSettings);
  const view = vscode.window.createTreeView(DATES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const update = () => {
    provider.refresh();
    view.description = corpus.size > 0 ? countOf(corpus.size, 'article') : '';
    view.message = corpus.skippedCount > 0 && corpus.size > 0 ? `${countOf(corpus.skippedCount, 'file')} skipped — see News Corpus: Show Skipped Files` : '';
  };
  const unsubscribe = corpus.subscribe(update);
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
