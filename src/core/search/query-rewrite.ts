import { ParsedQuery, QueryAtom } from './query';

/** A word of digits alone: a year, a figure. */
const NUMBER = /^\p{Nd}+$/u;

/**
 * The query with its plain words made fuzzy, for the retry when nothing matched; `undefined` when
 * it has no plain word to loosen (phrases, prefixes, filters and numbers stay as they are: "oil 1996" listed the
 * articles of 1998 and 1990 as near spellings, and to a reporter a number is a fact, ux38b).
 *
 * @example
 * const parsed = parseQuery('bundesbnak');
 * if (parsed.ok) rewriteFuzzy(parsed.query)?.clauses[0]?.atoms[0]; // { kind: 'term', term: 'bundesbnak', mode: 'fuzzy' }
 */
export function rewriteFuzzy(query: ParsedQuery): ParsedQuery | undefined {
  let changed = false;
  const loosen = (atom: QueryAtom): QueryAtom => {
    if (atom.kind !== 'term' || atom.mode !== 'exact' || NUMBER.test(atom.term)) return atom;
    changed = true;
    return { kind: 'term', term: atom.term, mode: 'fuzzy' };
  };
  const clauses = query.clauses.map((clause) => (clause.negated ? clause : { negated: false, atoms: clause.atoms.map(loosen) }));
  return changed ? { source: query.source, clauses } : undefined;
}
