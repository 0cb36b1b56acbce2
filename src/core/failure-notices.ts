/**
 * Tells the user of a kind of failure once, and logs every failure: a surface that fails at every update (a view
 * whose listener throws at each listing of a build, once a second; a save that fails after each burst of edits)
 * raised a notification at every one. A kind is told again at its first failure after it has succeeded.
 *
 * @example
 * const failures = new FailureNotices((message) => showWarning(message), (message) => log.warn(message));
 * failures.failed('listing the articles', 'News Corpus: listing the articles failed: the view broke'); // shown and logged
 * failures.failed('listing the articles', 'News Corpus: listing the articles failed: the view broke'); // logged only
 * failures.succeeded('listing the articles');
 * failures.failed('listing the articles', 'News Corpus: listing the articles failed: the view broke'); // shown and logged
 * failures.askedAgain('listing the articles'); // the user asked for it: its next failure is shown, success or not
 */
export class FailureNotices {
  /** The kinds told to the user and not succeeded since. */
  private readonly told = new Set<string>();

  constructor(
    private readonly show: (message: string) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Logs `message`, and shows it unless a failure of `kind` was shown and the kind has not succeeded since. */
  failed(kind: string, message: string): void {
    this.log(message);
    if (this.told.has(kind)) return;
    this.told.add(kind);
    this.show(message);
  }

  /** Notes that `kind` worked: its next failure is shown again. */
  succeeded(kind: string): void {
    this.told.delete(kind);
  }

  /** Notes that the user asked for `kind` (a command): its next failure answers them, so it is shown. */
  askedAgain(kind: string): void {
    this.told.delete(kind);
  }
}
