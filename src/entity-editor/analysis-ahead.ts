import * as vscode from 'vscode';

/** Typing pauses this long before an edited article is analysed again (as the In This Article view waits). */
const EDIT_PAUSE_MS = 300;

/**
 * Analyses the articles shown in editors as soon as they are shown, and again when typing pauses, so that the
 * first hover over a name finds the document's entities ready instead of running the recogniser (a few ms on an
 * article of normal length, more on the first article of a session while the recogniser is compiled). VS Code asks
 * for a hover only after the mouse has rested `editor.hover.delay` (300 ms by default) over the text, later than this
 * work ends; the analysis runs after the event that showed the editor, not inside it. A long article's analysis is
 * only started here: it runs on the entity engine's thread.
 */
export function registerAnalysisAhead(context: vscode.ExtensionContext, analyze: (document: vscode.TextDocument) => unknown): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const analyzeVisibleSoon = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const editor of vscode.window.visibleTextEditors) analyze(editor.document);
    }, delayMs);
  };
  context.subscriptions.push(
    { dispose: () => clearTimeout(timer) },
    vscode.window.onDidChangeVisibleTextEditors(() => analyzeVisibleSoon(0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (vscode.window.visibleTextEditors.some((editor) => editor.document === event.document)) analyzeVisibleSoon(EDIT_PAUSE_MS);
    }),
  );
  analyzeVisibleSoon(0);
}
