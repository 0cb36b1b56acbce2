import * as vscode from 'vscode';

/**
 * The longest a view's request is held while a saved index loads without its rows coming (only a cache without a
 * listing, written by an older version, or a damaged start; a load without a cache ends at once): at 100,000
 * articles the listing came up to 6.2 s after the load began at load 16, and a request answered with nothing
 * before it cost a second round trip. After this the view answers with what it has (its welcome message).
 */
const HELD_REQUEST_MAX_MS = 10_000;

/**
 * A tree's provider as the workbench sees it, which holds a request for an element's rows (the top rows: no
 * element) made while `holds(element)` says those rows are about to come (a reopen loading its saved index, its
 * articles not listed yet), and answers it when they do: when the provider reports a change, or `settle` finds
 * `holds(element)` false, or after {@link HELD_REQUEST_MAX_MS}. Answered at once with nothing, the request for the
 * top rows left the view empty until the change made the workbench ask again: a round trip of 0.7–1.3 s through
 * the workbench, busy with its own start on a reopen (20,000 articles, load 7–9). A change reported while a request
 * is held is not passed on: the workbench would cancel the held request with it and ask again; the held request's
 * answer carries the change.
 */
export class HeldRowsProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly held: { readonly element: T | undefined; readonly answer: () => void }[] = [];
  private readonly following: vscode.Disposable;

  constructor(
    private readonly provider: Omit<vscode.TreeDataProvider<T>, 'onDidChangeTreeData'> & { readonly onDidChangeTreeData: vscode.Event<T | undefined> },
    private readonly holds: (element: T | undefined) => boolean,
  ) {
    this.following = provider.onDidChangeTreeData((element) => {
      if (this.held.length > 0) this.answerHeld(() => true);
      else this.changed.fire(element);
    });
  }

  /** Answers the held requests whose rows are no longer about to come (call it as the scan moves on). */
  settle(): void {
    this.answerHeld((element) => !this.holds(element));
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    if (!this.holds(element)) return this.provider.getChildren(element);
    return new Promise<void>((resolve) => {
      const request = {
        element,
        answer: (): void => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        // No longer held: a change after this reaches the workbench again.
        this.held.splice(this.held.indexOf(request), 1);
        resolve();
      }, HELD_REQUEST_MAX_MS);
      this.held.push(request);
    }).then(() => this.provider.getChildren(element));
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider.getTreeItem(element);
  }

  resolveTreeItem(item: vscode.TreeItem, element: T, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return this.provider.resolveTreeItem ? this.provider.resolveTreeItem(item, element, token) : item;
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.provider.getParent?.(element);
  }

  dispose(): void {
    this.answerHeld(() => true);
    this.following.dispose();
    this.changed.dispose();
  }

  private answerHeld(answered: (element: T | undefined) => boolean): void {
    for (const request of this.held.filter(({ element }) => answered(element))) {
      this.held.splice(this.held.indexOf(request), 1);
      request.answer();
    }
  }
}
