import { LikelyDuplicateHints } from '../core/curation/likely-duplicate-hints';
import { Corpus, DatedSpan } from '../core/corpus';
import { EntityDirectory } from '../core/entity-directory';
import { EntityType } from '../core/entities/types';
import { RankedEntity, RankedEntitySource } from '../core/panels/overview';
import { SearchOptions, SearchResponse } from '../core/search/corpus-index';
import { MatchesPerDay } from '../core/search/matches-per-day';
import { CorpusDates } from '../core/search/query-help';

/** Entities of a type listed by mentions at first; each further listing doubles it. */
const RANKED_LIST_START = 100;

/** What the panels read: the corpus's articles, its entities and its search, and when they change. */
export interface PanelDeps {
  readonly corpus: Corpus;
  readonly entities: EntityDirectory;
  readonly search: (query: string, options: SearchOptions) => SearchResponse | undefined;
  readonly matchesPerDay: (query: string) => MatchesPerDay | undefined;
  /** The key an entity has now, after a rename or a merge made it part of another; absent: keys never change. */
  readonly entityKeyNow?: (key: string) => string | undefined;
  /** A key of the recogniser's own that the entity `key` takes in, which no rename changes; absent: `key` itself. */
  readonly entityAnchor?: (key: string) => string;
  /** The corpus's dates, for the date filter a year written as a word in a Timeline query likely meant; absent: none offered. */
  readonly dates?: CorpusDates;
  /** The entries likely the same as another ("Trump" alone, of Donald Trump's), which the Overview's lists say; absent: none. */
  readonly likelyDuplicates?: Pick<LikelyDuplicateHints, 'of' | 'onWorkedOut'>;
}

/**
 * The corpus figures several panels share, computed once and kept until the index changes: the articles per day,
 * and the entities by mentions and their months that the overview's top lists were ranked from (the dated span the
 * corpus keeps).
 */
export class PanelSources {
  private days: ReadonlyMap<string, number> | null = null;
  /** Pages of entities by mentions (by type and offset) and months of entities, as the overview read them. */
  /** Each type's entities by mentions, from the first, as far as they were listed (`complete` once all were). */
  private readonly rankedLists = new Map<EntityType, RankedEntity[] & { complete: boolean }>();
  private readonly entityMonths = new Map<string, ReadonlyMap<string, number>>();
  private resets = 0;

  constructor(readonly deps: PanelDeps) {}

  /**
   * The key the entity `key` has now, or `key` when nothing took it in (or it is gone). A panel keeps the key it was
   * opened on and asks this at each draw, so that it follows a rename and an Undo of it alike.
   */
  keyNow(key: string): string {
    return this.deps.entityKeyNow?.(key) ?? key;
  }

  /**
   * The key a panel keeps for the entity `key`: one of the recogniser's own that it takes in, when it has one (a
   * corrected key is gone after a second rename, which leaves no trace of it; the engine's is followed by
   * {@link keyNow} through any number of them), else `key`.
   */
  anchorOf(key: string): string {
    return this.deps.entityAnchor?.(key) ?? key;
  }

  /** Forgets what was computed, after the corpus or its index changed. */
  reset(): void {
    this.resets++;
    this.days = null;
    this.rankedLists.clear();
    this.entityMonths.clear();
  }

  /** Changes with every {@link reset}: what a panel caches is valid while it stays the same. */
  get generation(): number {
    return this.resets;
  }

  /** The first and last date of the corpus's articles, or undefined when none is dated. */
  datedSpan(): DatedSpan | undefined {
    return this.deps.corpus.datedSpan();
  }

  /** How many of the corpus's articles are dated each day (`YYYY-MM-DD`). */
  articlesPerDay(): ReadonlyMap<string, number> {
    if (this.days !== null) return this.days;
    const days = new Map<string, number>();
    for (const { date } of this.deps.corpus.articles()) if (date !== undefined) days.set(date, (days.get(date) ?? 0) + 1);
    this.days = days;
    return days;
  }

  /**
   * The entities by mentions and their mentions per month, each entity's months read once: brushing period after
   * period reads the same leading entities again. The ranking of a type is listed from its start, twice as long
   * each time more is asked, and pages are cut from it: a page asked at its own offset cost a listing of all
   * entities up to it (paging through a type cost the square of its pages), and in a multi-root workspace pages
   * merged from each folder's own top entities were not slices of one order.
   */
  rankedEntities(): RankedEntitySource {
    const { entities } = this.deps;
    return {
      byMentions: (type: EntityType, offset: number, limit: number) => {
        let ranked = this.rankedLists.get(type);
        if (ranked === undefined || (ranked.length < offset + limit && !ranked.complete)) {
          const wanted = Math.max(offset + limit, 2 * (ranked?.length ?? 0), RANKED_LIST_START);
          const listed = entities.list({ type, sort: 'mentions', offset: 0, limit: wanted }).entities;
          ranked = Object.assign([...listed], { complete: listed.length < wanted });
          this.rankedLists.set(type, ranked);
        }
        return ranked.slice(offset, offset + limit);
      },
      months: (key: string) => {
        let months = this.entityMonths.get(key);
        if (months === undefined) {
          months = entities.timeline(key);
          this.entityMonths.set(key, months);
        }
        return months;
      },
    };
  }

  /** How many articles a query matches, in all and per day, or why the query is refused; none before the first scan. */
  matching(query: string): MatchesPerDay {
    return this.deps.matchesPerDay(query) ?? { ok: true, total: 0, days: new Map() };
  }
}
