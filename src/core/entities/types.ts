/**
 * The kinds of named entity the recogniser labels.
 * MISC (nationalities, events, products) helps accuracy; the UI may hide it.
 *
 * @example
 * const kind: EntityType = 'PER';
 */
export type EntityType = 'PER' | 'LOC' | 'ORG' | 'MISC';

/**
 * One mention found by the recogniser: `text === source.slice(start, end)`.
 *
 * @example
 * const span: EntitySpan = { start: 0, end: 14, type: 'PER', text: 'Vladimir Putin' };
 */
export interface EntitySpan {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly text: string;
}

/**
 * The mentions of one real-world thing inside one article, after merging
 * ("Putin" into "Vladimir Putin", "Kim Jong-Un" with "Kim Jong-un").
 * `key` is the corpus-wide identity of the entity (same name and type, same key).
 *
 * @example
 * const putin: ArticleEntity = {
 *   key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER',
 *   aliases: ['Putin'], mentions: [{ start: 120, end: 134 }, { start: 400, end: 405 }],
 *   forms: [{ text: 'Vladimir Putin', count: 1 }, { text: 'Putin', count: 1 }],
 * };
 */
export interface ArticleEntity {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly mentions: readonly { readonly start: number; readonly end: number }[];
  /** How often each written form occurs in the article, so a corpus can pick its most frequent full form. */
  readonly forms: readonly { readonly text: string; readonly count: number }[];
}
