import * as vscode from 'vscode';
import { SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { readSearchOptions } from '../corpus/settings';
import { notify } from '../notifications';

/** Work over more results than this shows a cancellable progress notification. */
const PROGRESS_THRESHOLD = 2_000;
/** Items done between two yields to the event loop, so that work over many results keeps the editor responsive. */
const ITEMS_PER_STEP = 1_000;

/**
 * `each` of `items`, in steps that give the event loop a turn, reporting to `progress`; undefined once `token` is
 * cancelled.
 */
export async function inSteps<T, R>(items: readonly T[], each: (item: T) => R, progress?: vscode.Progress<{ increment: number }>, token?: vscode.CancellationToken): Promise<R[] | undefined> {
  const done: R[] = [];
  for (const item of items) {
    if (done.length % ITEMS_PER_STEP === 0 && done.length > 0) {
      progress?.report({ increment: (100 * ITEMS_PER_STEP) / items.length });
      await new Promise((resolve) => setImmediate(resolve));
      if (token?.isCancellationRequested) return undefined;
    }
    done.push(each(item));
  }
  return done;
}

/** Runs `work` over `count` results, in a cancellable progress notification titled `title` when they are many. */
export function withProgressOver<R>(count: number, title: string, work: (progress?: vscode.Progress<{ increment: number }>, token?: vscode.CancellationToken) => Promise<R>): Promise<R> {
  if (count <= PROGRESS_THRESHOLD) return work();
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => work(progress, token)));
}

/**
 * How many results `query` has, or undefined once it is said why none can be read: the corpus is still being indexed
 * (then the user is asked to `purpose` once it is ready), or the query is rejected.
 */
export function resultTotal(search: (query: string, options: SearchOptions) => SearchResponse | undefined, query: string, purpose: string): number | undefined {
  const counted = search(query, { ...readSearchOptions(), limit: 0 });
  if (!counted) {
    void notify('warning', `News Corpus: the corpus is still being indexed; ${purpose} once it is ready.`);
    return undefined;
  }
  if (!counted.ok) {
    void notify('error', counted.error);
    return undefined;
  }
  return counted.total;
}
