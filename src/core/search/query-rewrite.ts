import { ParsedQuery, QueryAtom } from './query';

/**
 * The query with its plain words made fuzzy, for the retry when nothing matched; `undefined` when
 * it has no plain word to loosen (phrases, prefixes and filters stay as they are).
 *
 * @example
 * const parsed = parseQuery('bundesbnak');
 * if (parsed.ok) rewriteFuzzy(parsed.query)?.clauses[0]?.atoms[0]; // { kind: 'term', term: 'bundesbnak', mode: 'fuzzy' }
 */
export function rewriteFuzzy(query: ParsedQuery): ParsedQuery | undefined {
  let changed = false;
  const loosen = (atom: QueryAtom): QueryAtom => {
    if (atom.kind !== 'term' || atom.mode !== 'exact') return atom;
    changed = true;
    return { kind: 'term', term: atom.term, mode: 'fuzzy' };
  };
  const clauses = query.clauses.map((clause) => (clause.negated ? clause : { negated: false, atoms: clause.atoms.map(loosen) }));
  return changed ? { source: query.source, clauses } : undefined;
}
