import { EntityType } from '../entities/types';

/**
 * How a query word is matched against the dictionary.
 *
 * @example
 * const mode: TermMode = 'prefix'; // `export*`: every word that starts with "export"
 */
export type TermMode = 'exact' | 'prefix' | 'fuzzy';

/**
 * One thing a document can match. Dates are inclusive `YYYYMMDD` numbers, so `date:2023-09`
 * is `{ from: 20230901, to: 20230930 }` and undated articles (0) never match a date atom. An `exact`
 * entity atom (`person:="Kim Jong-un"`) matches the one entity of that name, not every name containing its words.
 *
 * @example
 * const atom: QueryAtom = { kind: 'term', term: 'putin', mode: 'exact' };
 */
export type QueryAtom =
  | { readonly kind: 'term'; readonly term: string; readonly mode: TermMode; readonly maxEdits?: number }
  | { readonly kind: 'phrase'; readonly terms: readonly string[]; readonly text: string }
  | { readonly kind: 'entity'; readonly entityType?: EntityType; readonly name: string; readonly exact?: boolean }
  | { readonly kind: 'date'; readonly from: number; readonly to: number };

/**
 * Atoms joined by OR; a negated clause excludes the documents it matches.
 *
 * @example
 * const clause: QueryClause = { negated: false, atoms: [{ kind: 'term', term: 'oil', mode: 'exact' }] };
 */
export interface QueryClause {
  readonly atoms: readonly QueryAtom[];
  readonly negated: boolean;
}

/**
 * A parsed query: every positive clause must match (AND), no negated clause may.
 *
 * @example
 * const query: ParsedQuery = { source: 'oil', clauses: [{ negated: false, atoms: [{ kind: 'term', term: 'oil', mode: 'exact' }] }] };
 */
export interface ParsedQuery {
  readonly source: string;
  readonly clauses: readonly QueryClause[];
}

/**
 * The parser's answer: a query, or a message and the offset in the query text where the problem is.
 *
 * @example
 * const bad: QueryParseResult = { ok: false, error: 'News Corpus: the quote at position 1 is never closed; add a closing ".', offset: 0 };
 */
export type QueryParseResult = { readonly ok: true; readonly query: ParsedQuery } | { readonly ok: false; readonly error: string; readonly offset: number };
