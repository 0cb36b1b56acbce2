import { SearchCorrections, correctedEntityMatches, engineEntityMatches } from '../curation/corrected-search';
import { ENTITY_TERM_PREFIX } from './analyzed-batch';
import { DocStore } from './doc-store';
import { EntityTable } from './entity-table';
import { AnyMatcher, DateMatcher, Expansion, Matcher, PhraseMatcher, TermsMatcher } from './matchers';
import { PostingList, postingCount } from './postings';
import { ParsedQuery, QueryAtom } from './query';
import { FUZZY_WEIGHT, PREFIX_WEIGHT, Scorer } from './scoring';
import { Highlight } from './snippet';
import { TermDictionary } from './term-dictionary';
import { tokenize } from './tokenize';
import { ClauseMatcher } from './evaluate';

/** A prefix or fuzzy word reaches at most this many dictionary words, the most frequent ones. */
const MAX_EXPANSIONS = 64;

/** Words of at most this length get one edit when fuzzy (`word~`); longer ones two. */
const ONE_EDIT_MAX_LENGTH = 5;

/**
 * Fuzzy edits allowed for a word when the query does not say (`word~`).
 *
 * @example
 * defaultEdits('oil'); // 1
 * defaultEdits('bundesbank'); // 2
 */
export function defaultEdits(term: string): number {
  return term.length <= ONE_EDIT_MAX_LENGTH ? 1 : 2;
}

/**
 * What the plan needs from the index.
 *
 * @example
 * const lists = (term: number): PostingList[] => [main.list(term), delta.list(term)].filter((list) => list !== undefined);
 * const context: PlanContext = { dictionary, entities, store, scorer: new Scorer(store), lists };
 */
export interface PlanContext {
  readonly dictionary: TermDictionary;
  readonly entities: EntityTable;
  readonly store: DocStore;
  readonly scorer: Scorer;
  /** The user's entity corrections, applied to entity filters (`person:Putin` finds the merged entity's articles). */
  readonly corrections?: SearchCorrections;
  lists(term: number): PostingList[];
}

/** A query turned into matchers, and the words to highlight in snippets. */
interface QueryPlan {
  readonly clauses: readonly ClauseMatcher[];
  readonly highlight: Highlight;
}

function mostFrequent(candidates: { term: number; weight: number; lists: PostingList[]; df: number }[]): typeof candidates {
  if (candidates.length <= MAX_EXPANSIONS) return candidates;
  return [...candidates].sort((a, b) => b.weight - a.weight || b.df - a.df).slice(0, MAX_EXPANSIONS);
}

class Planner {
  readonly terms = new Set<string>();
  readonly phrases: string[][] = [];

  constructor(private readonly context: PlanContext) {}

  matcher(atom: QueryAtom, highlight: boolean): Matcher {
    switch (atom.kind) {
      case 'term':
        return new TermsMatcher(this.wordExpansions(atom.term, atom.mode, atom.maxEdits, highlight), this.context.scorer, 'words');
      case 'phrase':
        return this.phrase(atom.terms, highlight);
      case 'entity':
        return this.entity(atom, highlight);
      case 'date':
        return new DateMatcher(atom.from, atom.to, this.context.store);
    }
  }

  private expansion(term: number, weight: number): { term: number; weight: number; lists: PostingList[]; df: number } {
    const lists = this.context.lists(term);
    return { term, weight, lists, df: postingCount(lists) };
  }

  private wordExpansions(word: string, mode: 'exact' | 'prefix' | 'fuzzy', maxEdits: number | undefined, highlight: boolean): Expansion[] {
    const { dictionary, scorer } = this.context;
    let found: ReturnType<Planner['expansion']>[] = [];
    if (mode === 'exact') {
      const id = dictionary.id(word);
      if (id !== undefined) found.push(this.expansion(id, 1));
    } else if (mode === 'prefix') {
      for (const [term, id] of dictionary.withPrefix(word)) found.push(this.expansion(id, term === word ? 1 : PREFIX_WEIGHT));
    } else {
      for (const [term, [id, distance]] of dictionary.near(word, maxEdits ?? defaultEdits(word))) {
        if (!term.startsWith(ENTITY_TERM_PREFIX)) found.push(this.expansion(id, distance === 0 ? 1 : FUZZY_WEIGHT / distance));
      }
    }
    found = mostFrequent(found.filter((expansion) => expansion.df > 0));
    if (highlight) for (const expansion of found) this.terms.add(dictionary.term(expansion.term));
    return found.map(({ lists, weight, df }) => ({ lists, factor: weight * scorer.idf(df) }));
  }

  private phrase(words: readonly string[], highlight: boolean): Matcher {
    const { dictionary, store, scorer } = this.context;
    const ids = words.map((word) => dictionary.id(word));
    if (ids.some((id) => id === undefined)) return new TermsMatcher([], scorer, 'words');
    const terms = ids.map((id) => id ?? 0);
    const expansions = terms.map((term) => {
      const lists = this.context.lists(term);
      return { lists, factor: scorer.idf(postingCount(lists)) };
    });
    if (highlight) this.phrases.push([...words]);
    return new PhraseMatcher(terms, expansions, store, scorer);
  }

  private entity(atom: Extract<QueryAtom, { kind: 'entity' }>, highlight: boolean): Matcher {
    const { scorer, corrections } = this.context;
    const found = corrections === undefined || corrections.corrections.isEmpty ? engineEntityMatches(atom, this.context) : correctedEntityMatches(atom, this.context, corrections);
    const expansions = found.flatMap(({ postings }) => postings.map((lists) => ({ lists, factor: scorer.idf(postingCount(lists)) })));
    if (highlight) {
      for (const { forms } of found) forms.forEach((form) => this.addFormHighlight(form));
    }
    return new TermsMatcher(expansions, scorer, 'entity');
  }

  private addFormHighlight(form: string): void {
    const words = tokenize(form).map((token) => token.term);
    if (words.length === 1 && words[0] !== undefined) this.terms.add(words[0]);
    else if (words.length > 1) this.phrases.push(words);
  }
}

/**
 * Resolves a parsed query against the dictionary, the entity table and the postings.
 *
 * @example
 * const plan = planQuery(parsed, context);
 * evaluate(plan.clauses, store, scratch, 20, 'newest');
 */
export function planQuery(query: ParsedQuery, context: PlanContext): QueryPlan {
  const planner = new Planner(context);
  const clauses = query.clauses.map((clause) => {
    const matchers = clause.atoms.map((atom) => planner.matcher(atom, !clause.negated));
    const matcher = matchers.length === 1 && matchers[0] ? matchers[0] : new AnyMatcher(matchers);
    return { matcher, negated: clause.negated };
  });
  // Phrases are matched longest first so that "Vladimir Putin" wins over a bare "Putin" at the same place.
  const phrases = planner.phrases.sort((a, b) => b.length - a.length);
  return { clauses, highlight: { terms: planner.terms, phrases } };
}
