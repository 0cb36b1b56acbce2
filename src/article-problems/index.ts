import * as vscode from 'vscode';
import { parseArticle } from '../core/article';
import { Corpus } from '../core/corpus';

/**
 * Says in the Problems view, at the date, why an open article is listed as undated: its header's date does not
 * exist ("2023-02-30"). Only the header, the first line, is read, so a large article costs nothing per keystroke.
 */
export function registerArticleProblems(context: vscode.ExtensionContext, deps: { corpus: Corpus }): void {
  const problems = vscode.languages.createDiagnosticCollection('newsCorpus.articles');
  const check = (document: vscode.TextDocument) => {
    if (deps.corpus.article(document.uri.toString()) === undefined) {
      problems.delete(document.uri);
      return;
    }
    const header = document.lineAt(0).text;
    const found = parseArticle(header).diagnostics.filter((problem) => problem.code === 'invalid-date');
    problems.set(
      document.uri,
      found.map((problem) => {
        const range = new vscode.Range(0, problem.start, 0, problem.end);
        const diagnostic = new vscode.Diagnostic(range, `${problem.message} The article is listed as undated.`, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'News Corpus';
        diagnostic.code = problem.code;
        return diagnostic;
      }),
    );
  };
  const checkOpen = () => vscode.workspace.textDocuments.forEach(check);
  const unsubscribe = deps.corpus.subscribe(checkOpen);
  context.subscriptions.push(
    problems,
    { dispose: unsubscribe },
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((event) => check(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => problems.delete(document.uri)),
  );
  checkOpen();
}
