import { SkipReason } from '../article-file';
import { ArticleEntity, EntityType } from '../entities/types';

/**
 * Finds the entities of an article's text. Injected so that tests use hand-made entities
 * and the real recogniser plugs in without the index knowing about it.
 *
 * @example
 * const none: EntityExtractor = () => [];
 */
export type EntityExtractor = (text: string) => readonly ArticleEntity[];

/**
 * Starts the index's name of an entity term: a control character keeps it apart from every word.
 *
 * @example
 * entityTerm('LOC:moscow').startsWith(ENTITY_TERM_PREFIX); // true
 */
export const ENTITY_TERM_PREFIX = '\u0001';

/**
 * The dictionary term under which the articles of an entity are listed.
 *
 * @example
 * entityTerm('PER:vladimir putin'); // '\u0001PER:vladimir putin'
 */
export function entityTerm(key: string): string {
  return ENTITY_TERM_PREFIX + key;
}

/**
 * A written form of an entity's name and how many mentions used it.
 *
 * @example
 * const form: EntityForm = { text: 'Kim Jong-Un', count: 2 };
 */
export interface EntityForm {
  readonly text: string;
  readonly count: number;
}

/**
 * An entity named in a batch, once per batch whatever the number of its articles: `term` is the id of its
 * entity term in the batch vocabulary (the entity fields of its articles list that term), `aliases` are
 * the other names it had in the batch's articles, `forms` every written form with its mentions in the batch
 * (the index picks the corpus-wide name from them), `roles` the titles and descriptions its articles attach to it.
 *
 * @example
 * const putin: BatchEntity = { term: 7, key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'],
 *   forms: [{ text: 'Vladimir Putin', count: 1 }, { text: 'Putin', count: 3 }], roles: [{ text: 'Russian President', count: 1 }] };
 */
export interface BatchEntity {
  readonly term: number;
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly forms: readonly EntityForm[];
  /** Roles writers attach to the name, each with the number of the batch's articles that say it. */
  readonly roles: readonly EntityForm[];
}

/**
 * What the index keeps of one article besides its tokens.
 *
 * @example
 * // ' date 2023-09-13 Kim met Putin.' as `a.txt`, without entities:
 * const meta: AnalyzedArticleMeta = { path: 'a.txt', size: 31, mtimeMs: 0, day: 20230913, title: 'Kim met Putin.', bodyStart: 17,
 *   bodyTokens: 3, titleTokens: 3, entityPairs: 0, rolePairs: 0, formTriples: 0, textBytes: 31 };
 */
export interface AnalyzedArticleMeta {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** `YYYYMMDD`, or 0 when undated. */
  readonly day: number;
  readonly title: string;
  /** Where the first paragraph starts in the text (after the date header). */
  readonly bodyStart: number;
  readonly bodyTokens: number;
  readonly titleTokens: number;
  /** Number of (term, count) pairs of the entity field, entity terms included. */
  readonly entityPairs: number;
  /** Number of (entity term, role) pairs of the article in `AnalyzedBatch.roles`: the roles it says of its entities. */
  readonly rolePairs: number;
  /** Number of (entity term, form, mentions) triples of the article in `AnalyzedBatch.forms`: the full forms it writes its entities' names in. */
  readonly formTriples: number;
  /** Length of the article's text in `AnalyzedBatch.text`, as held there (UTF-8, or deflated: see `textDeflated`). */
  readonly textBytes: number;
}

/**
 * A file that was looked at but is not in the index, and why (in words).
 *
 * @example
 * const skipped: SkippedArticle = { path: 'notes.txt', code: 'no-date-header', reason: 'does not start with a date header ("date YYYY-MM-DD"): not an article' };
 */
export interface SkippedArticle {
  readonly path: string;
  readonly code: SkipReason;
  readonly reason: string;
}

/**
 * Articles analysed together by an indexing thread, in the form cheapest to send between threads: a vocabulary and flat typed arrays.
 * The vocabulary may hold more terms than the tokens use, and may be shared by several batches of one
 * source and grow between them (only ever appended to), which lets the index intern each term once.
 * For each article, in order, `tokens` holds its body term ids, its title term ids, then
 * (term id, count) pairs of its entity field; `text` holds its UTF-8 text, raw-deflated article by article when
 * `textDeflated` (as indexing threads send it: the index then holds it that way until it is saved).
 *
 * @example
 * const empty: AnalyzedBatch = { vocabulary: [], articles: [], entities: [], tokens: new Uint32Array(0), roles: new Uint32Array(0), roleTexts: [], forms: new Uint32Array(0), formTexts: [], text: new Uint8Array(0), skipped: [] };
 */
export interface AnalyzedBatch {
  readonly vocabulary: readonly string[];
  readonly articles: readonly AnalyzedArticleMeta[];
  /** The entities the articles name, each once (objects per article per entity were most of what crossed threads). */
  readonly entities: readonly BatchEntity[];
  readonly tokens: Uint32Array;
  /**
   * For each article, in order, its `rolePairs` (entity term id, number in `roleTexts`) pairs: which article says
   * which of the `entities`' roles, so that the index can take an article's roles back when it leaves.
   */
  readonly roles: Uint32Array;
  readonly roleTexts: readonly string[];
  /**
   * For each article, in order, its `formTriples` (entity term id, number in `formTexts`, mentions) triples: the
   * full forms (case variants of the name) it writes each entity in, which the `entities`' `forms` count for the
   * whole batch, so that the index can take an article's back when it leaves.
   */
  readonly forms: Uint32Array;
  readonly formTexts: readonly string[];
  readonly text: Uint8Array;
  /** Whether each article's UTF-8 text is raw-deflated (`deflateRawSync`) on its own in `text`. */
  readonly textDeflated?: boolean;
  readonly skipped: readonly SkippedArticle[];
}
