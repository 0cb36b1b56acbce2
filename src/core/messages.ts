import { countOf, groupDigits } from './display-text';

/** Every message the product shows starts with its name, so users know where it came from. */
export const PRODUCT_PREFIX = 'News Corpus: ';

/**
 * Prefixes a message with the product's name, once: messages from the core often carry it already.
 *
 * @example
 * withProductPrefix('the index was rebuilt');              // 'News Corpus: the index was rebuilt'
 * withProductPrefix('News Corpus: the index was rebuilt'); // unchanged
 */
export function withProductPrefix(message: string): string {
  return message.startsWith(PRODUCT_PREFIX) ? message : `${PRODUCT_PREFIX}${message}`;
}

/**
 * The message of anything thrown, without the product's prefix, to be embedded in a longer message.
 *
 * @example
 * reasonOf(new Error('News Corpus: an indexing thread failed')); // 'an indexing thread failed'
 */
export function reasonOf(error: unknown): string {
  return withoutProductPrefix(error instanceof Error ? error.message : String(error));
}

/**
 * A message without the product's prefix, for a place that names the product already (a box titled "News Corpus: …").
 *
 * @example
 * withoutProductPrefix('News Corpus: the query is empty'); // 'the query is empty'
 */
export function withoutProductPrefix(message: string): string {
  return message.startsWith(PRODUCT_PREFIX) ? message.slice(PRODUCT_PREFIX.length) : message;
}

/** Shows nothing, yet between `]` and `(` it keeps VS Code from reading a link there. */
const LINK_BREAK = '\u200b';

/**
 * A message as a notification may show it: with the product's prefix, and with every `[label](target)` made
 * inert. VS Code renders `[label](command:…)`, `(https:…)` and `(file:…)` in a notification as a link that runs
 * or opens its target when clicked, and messages carry paths and titles from the corpus, where anyone can name a
 * file like that. A zero-width space between `]` and `(` leaves the text reading exactly as before.
 *
 * @example
 * toNotificationText('could not open [x](command:evil).txt'); // 'News Corpus: could not open [x]\u200b(command:evil).txt'
 */
export function toNotificationText(message: string): string {
  return withProductPrefix(message).replaceAll('](', `]${LINK_BREAK}(`);
}

/**
 * A view's message while it lists what the indexes still hold after a scan failed (`failure`, as {@link reasonOf}
 * gives it); `listed` names what the view lists.
 *
 * @example
 * scanFailureMessage('an indexing thread failed', 'articles');
 * // 'The index could not be brought up to date (an indexing thread failed): these are the articles it still holds. Run News Corpus: Rescan Workspace to try again.'
 */
export function scanFailureMessage(failure: string, listed: string): string {
  return `The index could not be brought up to date (${failure}): these are the ${listed} it still holds. Run News Corpus: Rescan Workspace to try again.`;
}

/**
 * A view's message made of all it has to say, most important first (a failed scan before a filter's hint): a view
 * shows one message, and each part left out would be something the user no longer learns. Parts undefined or empty
 * are left out; nothing to say is the empty message, which shows none.
 *
 * @example
 * joinMessageParts('The index could not be brought up to date (…).', 'Showing names containing "kim".');
 * // 'The index could not be brought up to date (…). Showing names containing "kim".'
 * joinMessageParts(undefined, ''); // ''
 */
export function joinMessageParts(...parts: readonly (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== '').join(' ');
}

/**
 * A tree view as its feature hands it to the wiring: its provider, and the message it shows above its tree now (what
 * the workbench was last told, '' for none), which the wiring passes on to the API for the integration tests.
 *
 * @example
 * const dates: ShownView<DatesTreeProvider> = { provider, message: () => view.message ?? '' };
 */
export interface ShownView<Provider> {
  readonly provider: Provider;
  message(): string;
}

/**
 * What a scan of the folders did, in words: how many files it found unchanged and how many it read, and how long it
 * took. The status bar's tooltip and a rescan asked for say it.
 *
 * @example
 * scanSummaryText({ unchanged: 315, reread: 0, ms: 1_130 }); // '315 files unchanged, none read, in 1.1 s'
 * scanSummaryText({ unchanged: 1_200, reread: 2, ms: 90 }); // '1,200 files unchanged, 2 read, in 0.1 s'
 */
export function scanSummaryText(scan: { readonly unchanged: number; readonly reread: number; readonly ms: number }): string {
  return `${countOf(scan.unchanged, 'file')} unchanged, ${scan.reread === 0 ? 'none' : groupDigits(scan.reread)} read, in ${(scan.ms / 1000).toFixed(1)} s`;
}

/**
 * What a command that works on the workspace's folders says when none is open, instead of doing nothing or
 * answering as if the folder had nothing (no skipped file, an empty overview); undefined when a folder is open.
 * `purpose` says what the folder is needed for.
 *
 * @example
 * folderNeeded(0, 'look for articles in it'); // 'News Corpus: open a folder to look for articles in it.'
 * folderNeeded(1, 'look for articles in it'); // undefined
 */
export function folderNeeded(folderCount: number, purpose: string): string | undefined {
  return folderCount === 0 ? `${PRODUCT_PREFIX}open a folder to ${purpose}.` : undefined;
}
