import * as vscode from 'vscode';
import { CorpusState } from './corpus-service';

/** What {@link showScanProgress} follows: the corpus's state, and how far the indexing of a scan is (the corpus service). */
export interface ScanProgressSource {
  readonly state: CorpusState;
  readonly onDidChangeState: vscode.Event<CorpusState>;
  readonly indexing: { readonly done: number; readonly total: number } | undefined;
  readonly onDidProgress: vscode.Event<void>;
}

/**
 * The bars fill by this many percent at a time. The workbench draws each step as a tenth of a second's transition, 7–8
 * frames in a row: at one percent a step that was most of the frames the workbench drew during a first build, on the
 * cores the indexing threads need. The views' messages and the status bar count the files in between.
 */
const BAR_STEP_PERCENT = 5;

/** The progress bar of a view while it shows: `count` moves a bar that shows how much is done, else undefined. */
interface ShownProgress {
  readonly finish: () => void;
  readonly count: ((percent: number) => void) | undefined;
}

/**
 * Shows the progress bar of the view `viewId` while the corpus is being scanned: a bar that fills with the share
 * of files indexed while a build counts them, the moving bar of work of unknown length otherwise. The moving bar
 * is an animation that headless Chromium redraws all the time: with both views' bars and the status bar's
 * spinners, the workbench's renderer took 25 s of CPU during a 20,000-article first build (as much as half the
 * host's), on the cores the indexing threads need.
 */
export function showScanProgress(viewId: string, service: ScanProgressSource): vscode.Disposable {
  let shown: ShownProgress | undefined;
  let percentShown = 0;
  const show = (counting: boolean): ShownProgress => {
    let finish: () => void = () => undefined;
    let report: ((percent: number) => void) | undefined;
    void vscode.window.withProgress({ location: { viewId } }, (progress) => {
      report = (percent) => progress.report({ increment: percent });
      return new Promise<void>((resolve) => (finish = resolve));
    });
    percentShown = 0;
    return { finish: () => finish(), count: counting ? (percent) => report?.(percent) : undefined };
  };
  const follow = (): void => {
    const indexing = service.state === 'scanning' ? service.indexing : undefined;
    if (service.state !== 'scanning' || (shown && (shown.count === undefined) !== (indexing === undefined))) {
      shown?.finish();
      shown = undefined;
    }
    if (service.state !== 'scanning') return;
    shown ??= show(indexing !== undefined);
    // Whole steps only: twenty redraws of the bar in a build, not one for every report of the threads.
    const percent = indexing ? BAR_STEP_PERCENT * Math.floor((100 * indexing.done) / Math.max(1, indexing.total) / BAR_STEP_PERCENT) : 0;
    if (shown.count && percent > percentShown) {
      shown.count(percent - percentShown);
      percentShown = percent;
    }
  };
  follow();
  return vscode.Disposable.from(service.onDidChangeState(follow), service.onDidProgress(follow), { dispose: () => shown?.finish() });
}
