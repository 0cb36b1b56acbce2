import * as vscode from 'vscode';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { datePeriodOf, periodQuery, selectionQuery } from '../core/search-workflow/entry-queries';
import { notify } from '../notifications';

/** What the entry points need: the entities of a text (once a long one's have arrived), and how to show a query's results. */
export interface EntryPointDeps {
  readonly analyzed: AwaitedAnalyzer;
  readonly show: (query: string) => Thenable<unknown>;
}

/**
 * "Search for Selection" in the editor (the entity or word at the cursor when nothing is selected) shows its
 * results at once; "Search in This Period" on a year, month or day of the Dates view opens the search box with
 * the period's date filter filled in, for the words to look for in it.
 */
export function registerEntryPoints(context: vscode.ExtensionContext, deps: EntryPointDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsCorpus.searchForSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void notify('info', 'News Corpus: open an article and put the cursor on a word, or select the text to search for.');
        return undefined;
      }
      const { document, selection } = editor;
      const text = document.getText();
      const query = selectionQuery(text, document.offsetAt(selection.start), document.offsetAt(selection.end), await deps.analyzed(text, document.uri.toString()));
      if (query === '') {
        void notify('info', 'News Corpus: put the cursor on a word, or select the text to search for.');
        return undefined;
      }
      return deps.show(query);
    }),
    vscode.commands.registerCommand('newsCorpus.searchInPeriod', (node: unknown) => {
      const period = datePeriodOf(node);
      // Not awaited: the search box's command resolves only when the box closes.
      if (period) void vscode.commands.executeCommand('newsCorpus.search', periodQuery(period));
    }),
  );
}
