import { EntitySummary } from '../search/entity-listing';
import { SYSTEM_TIMERS, Timers } from '../timers';
import { LikelyDuplicate, likelyDuplicates } from './likely-duplicates';

/**
 * How long the corpus's entities stay unchanged before the hints are worked out ahead of a hover: a scan changes them
 * batch after batch, and working them out costs about 80 ms at 100,000 articles.
 */
export const HINTS_DELAY_MS = 2_000;

/**
 * The likely duplicate of each entity, for the hover card of a name alone ("Cummings: possibly Elijah Cummings"):
 * worked out from every entity of the corpus a while after they last changed, so that a hover only looks it up; a hover
 * that comes before works them out itself. Of an entity in two pairs ("Washington": George Washington's family name,
 * and a place), the first listed is kept: neither is chosen in advance.
 *
 * @example
 * const hints = new LikelyDuplicateHints(() => everyEntity(directory, 'articles'));
 * onDidChangeEntities(() => hints.entitiesChanged());
 * hints.of(trump.key)?.into.name; // 'Donald Trump'
 */
export class LikelyDuplicateHints {
  private byEntity: ReadonlyMap<string, LikelyDuplicate> | undefined;
  private timer: unknown;

  constructor(
    private readonly entities: () => readonly EntitySummary[],
    private readonly timers: Timers = SYSTEM_TIMERS,
    private readonly delayMs = HINTS_DELAY_MS,
  ) {}

  /** The entity's likely duplicate, if it has one. */
  of(key: string): LikelyDuplicate | undefined {
    this.byEntity ??= this.workOut();
    return this.byEntity.get(key);
  }

  /** The corpus's entities changed: the hints are forgotten, and worked out again once they stop changing. */
  entitiesChanged(): void {
    this.byEntity = undefined;
    this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.byEntity ??= this.workOut();
    }, this.delayMs);
  }

  dispose(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private workOut(): ReadonlyMap<string, LikelyDuplicate> {
    const byEntity = new Map<string, LikelyDuplicate>();
    for (const pair of likelyDuplicates(this.entities())) if (!byEntity.has(pair.entity.key)) byEntity.set(pair.entity.key, pair);
    return byEntity;
  }
}
