import * as vscode from 'vscode';
import { EntityDirectory } from '../core/entity-directory';

/** What the In This Article view reads of the corpus service: whether a saved listing is due, and when that may change. */
export interface SavedListingState {
  readonly savedListingDue: boolean;
  readonly onDidProgress: vscode.Event<void>;
}

/**
 * The corpus-wide name of an entity ("Kim Jong-un" where the article writes "Kim Jong-Un") for the In This Article
 * view, or undefined while a saved index is being loaded and listed (`savedListingDue`). Asked then (the view redraws
 * when the reopen's listing reaches the corpus, and the index may already be searchable), it decoded the saved entity
 * section on the host's thread in one go during the listing (128 ms CPU at 100,000 articles, plain Node). The view
 * redraws when the load ends (see {@link redrawWhenListed}) and takes the corpus's names then.
 */
export function corpusNameOf(entities: EntityDirectory, service: Pick<SavedListingState, 'savedListingDue'>): (key: string) => string | undefined {
  return (key) => (service.savedListingDue ? undefined : entities.summary(key)?.name);
}

/**
 * Calls `redraw` when a saved listing stops being due, however its load ended, so that the rows drawn meanwhile with
 * the article's own names take the corpus's. The service's entities change after a load that succeeds (a second
 * redraw, which then finds the names decoded), but not after one that rejects: the rows kept the article's names.
 */
export function redrawWhenListed(service: SavedListingState, redraw: () => void): vscode.Disposable {
  let due = service.savedListingDue;
  return service.onDidProgress(() => {
    const ended = due && !service.savedListingDue;
    due = service.savedListingDue;
    if (ended) redraw();
  });
}
