/**
 * Queries the Search Results view remembers (most recent first).
 *
 * @example
 * addRecent(EMPTY_HISTORY, 'oil').recent; // ['oil']
 */
export const RECENT_LIMIT = 20;

/**
 * A query kept under a name of the user's choosing.
 *
 * @example
 * const saved: SavedSearch = { name: 'Putin visits', query: 'person:="Vladimir Putin" visit*' };
 */
export interface SavedSearch {
  readonly name: string;
  readonly query: string;
}

/**
 * What the view keeps in workspace state: the recent queries (newest first, no duplicates) and the saved ones
 * (in the order they were saved).
 *
 * @example
 * const history: SearchHistory = { recent: ['oil', 'wheat'], saved: [{ name: 'Grain', query: 'wheat OR corn' }] };
 */
export interface SearchHistory {
  readonly recent: readonly string[];
  readonly saved: readonly SavedSearch[];
}

/**
 * No queries yet.
 *
 * @example
 * parseHistory(undefined); // EMPTY_HISTORY
 */
export const EMPTY_HISTORY: SearchHistory = { recent: [], saved: [] };

function isSavedSearch(value: unknown): value is SavedSearch {
  if (typeof value !== 'object' || value === null) return false;
  const { name, query } = value as Partial<Record<keyof SavedSearch, unknown>>;
  return typeof name === 'string' && name.trim() !== '' && typeof query === 'string' && query.trim() !== '';
}

/**
 * Reads a history back from workspace state, which may hold anything (an older version's data, a hand edit):
 * what is not a query is dropped, and the recent list is cut to {@link RECENT_LIMIT}.
 *
 * @example
 * parseHistory({ recent: ['oil', 42], saved: [{ name: 'Grain', query: 'wheat' }, 'junk'] });
 * // { recent: ['oil'], saved: [{ name: 'Grain', query: 'wheat' }] }
 */
export function parseHistory(value: unknown): SearchHistory {
  if (typeof value !== 'object' || value === null) return EMPTY_HISTORY;
  const { recent, saved } = value as { recent?: unknown; saved?: unknown };
  const queries = Array.isArray(recent) ? recent.filter((query): query is string => typeof query === 'string' && query.trim() !== '') : [];
  const searches = Array.isArray(saved) ? saved.filter(isSavedSearch).map(({ name, query }) => ({ name, query })) : [];
  return { recent: [...new Set(queries)].slice(0, RECENT_LIMIT), saved: searches };
}

/**
 * The history with `query` as the most recent one: moved to the front if it was there, the oldest dropped
 * beyond {@link RECENT_LIMIT}. Blank queries are not remembered.
 *
 * @example
 * addRecent({ recent: ['a', 'b'], saved: [] }, 'b').recent; // ['b', 'a']
 */
export function addRecent(history: SearchHistory, query: string, limit = RECENT_LIMIT): SearchHistory {
  const trimmed = query.trim();
  if (trimmed === '') return history;
  return { ...history, recent: [trimmed, ...history.recent.filter((known) => known !== trimmed)].slice(0, limit) };
}

/**
 * The history with `query` saved as `name`, replacing a saved search of the same name.
 *
 * @example
 * saveSearch(EMPTY_HISTORY, 'Grain', 'wheat OR corn').saved; // [{ name: 'Grain', query: 'wheat OR corn' }]
 */
export function saveSearch(history: SearchHistory, name: string, query: string): SearchHistory {
  const search = { name: name.trim(), query: query.trim() };
  const index = history.saved.findIndex((saved) => saved.name === search.name);
  const saved = index < 0 ? [...history.saved, search] : history.saved.map((known, at) => (at === index ? search : known));
  return { ...history, saved };
}

/**
 * The history with the saved search `from` named `to`; a saved search already named `to` gives way to it.
 *
 * @example
 * renameSaved({ recent: [], saved: [{ name: 'a', query: 'oil' }] }, 'a', 'Oil').saved; // [{ name: 'Oil', query: 'oil' }]
 */
export function renameSaved(history: SearchHistory, from: string, to: string): SearchHistory {
  const name = to.trim();
  if (name === '' || name === from) return history;
  const saved = history.saved.filter((known) => known.name !== name).map((known) => (known.name === from ? { ...known, name } : known));
  return { ...history, saved };
}

/**
 * The history without the saved search `name`.
 *
 * @example
 * deleteSaved({ recent: [], saved: [{ name: 'a', query: 'oil' }] }, 'a').saved; // []
 */
export function deleteSaved(history: SearchHistory, name: string): SearchHistory {
  return { ...history, saved: history.saved.filter((known) => known.name !== name) };
}

/**
 * The history with a deleted saved search put back where it was: before `next`, the search that followed it, if it is
 * still saved, else at `index` (or last when fewer are kept now), so a deletion can be undone. Unchanged (the same
 * object) when a search of that name was saved since.
 *
 * @example
 * restoreSaved({ recent: [], saved: [{ name: 'b', query: 'gas' }] }, { name: 'a', query: 'oil' }, 0, 'b').saved;
 * // [{ name: 'a', query: 'oil' }, { name: 'b', query: 'gas' }]
 */
export function restoreSaved(history: SearchHistory, search: SavedSearch, index: number, next?: string): SearchHistory {
  if (history.saved.some((known) => known.name === search.name)) return history;
  const before = next === undefined ? -1 : history.saved.findIndex((known) => known.name === next);
  const at = before >= 0 ? before : Math.max(0, Math.min(index, history.saved.length));
  return { ...history, saved: [...history.saved.slice(0, at), search, ...history.saved.slice(at)] };
}

/**
 * The history without the recent query `query`, or without any recent query when `query` is undefined (Clear Recent
 * Searches); the saved ones stay.
 *
 * @example
 * forgetRecent({ recent: ['oil', 'wheat'], saved: [] }, 'oil').recent; // ['wheat']
 * forgetRecent({ recent: ['oil', 'wheat'], saved: [] }).recent;        // []
 */
export function forgetRecent(history: SearchHistory, query?: string): SearchHistory {
  return { ...history, recent: query === undefined ? [] : history.recent.filter((known) => known !== query) };
}
