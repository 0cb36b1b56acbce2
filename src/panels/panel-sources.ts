import { Corpus } from '../core/corpus';
import { EntityDirectory } from '../core/entity-directory';
import { EntityCandidate } from '../core/panels/overview';
import { SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { MatchesPerDay } from '../core/search/matches-per-day';

/** Entities of each type whose months the overview reads to rank a brushed period (the most mentioned overall). */
const OVERVIEW_CANDIDATES = 100;

/** What the panels read: the corpus's articles, its entities and its search, and when they change. */
export interface PanelDeps {
  readonly corpus: Corpus;
  readonly entities: EntityDirectory;
  readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined;
  readonly matchesPerDay: (query: string) => MatchesPerDay | undefined;
}

/**
 * The corpus figures several panels share, computed once and kept until the index changes: the dated
 * span, and the candidates of the overview's top lists.
 */
export class PanelSources {
  private span: { first: string; last: string } | undefined | null = null;
  private candidates: EntityCandidate[] | undefined;
  private resets = 0;

  constructor(readonly deps: PanelDeps) {}

  /** Forgets what was computed, after the corpus or its index changed. */
  reset(): void {
    this.resets++;
    this.span = null;
    this.candidates = undefined;
  }

  /** Changes with every {@link reset}: what a panel caches is valid while it stays the same. */
  get generation(): number {
    return this.resets;
  }

  /** The first and last date of the corpus's articles, or undefined when none is dated. */
  datedSpan(): { first: string; last: string } | undefined {
    if (this.span !== null) return this.span;
    let first: string | undefined;
    let last: string | undefined;
    for (const { date } of this.deps.corpus.articles()) {
      if (date === undefined) continue;
      if (first === undefined || date < first) first = date;
      if (last === undefined || date > last) last = date;
    }
    this.span = first === undefined || last === undefined ? undefined : { first, last };
    return this.span;
  }

  /** The most mentioned people, places and organizations, with their mentions per month. */
  overviewCandidates(): EntityCandidate[] {
    this.candidates ??= (['PER', 'LOC', 'ORG'] as const).flatMap((type) =>
      this.deps.entities
        .list({ type, sort: 'mentions', offset: 0, limit: OVERVIEW_CANDIDATES })
        .entities.map(({ key, name }) => ({ key, name, type, months: this.deps.entities.timeline(key) })),
    );
    return this.candidates;
  }

  /** How many articles a query matches, in all and per day, or why the query is refused; none before the first scan. */
  matching(query: string): MatchesPerDay {
    return this.deps.matchesPerDay(query) ?? { ok: true, total: 0, days: new Map() };
  }
}
