import * as vscode from 'vscode';
import { CorpusState } from './corpus-service';

/**
 * Shows the progress bar of the view `viewId` while the corpus is being scanned and indexed, from the
 * state changes of `service`.
 */
export function showScanProgress(viewId: string, service: { readonly state: CorpusState; readonly onDidChangeState: vscode.Event<CorpusState> }): vscode.Disposable {
  let finish: (() => void) | undefined;
  const follow = (state: CorpusState): void => {
    if (state !== 'scanning') {
      finish?.();
      finish = undefined;
    } else if (finish === undefined) {
      void vscode.window.withProgress({ location: { viewId } }, () => new Promise<void>((resolve) => (finish = resolve)));
    }
  };
  follow(service.state);
  return vscode.Disposable.from(service.onDidChangeState(follow), { dispose: () => finish?.() });
}
