import { EntitySummary } from '../search/entity-listing';
import { SYSTEM_TIMERS, Timers } from '../timers';
import { LikelyDuplicate, likelyDuplicates } from './likely-duplicates';

/**
 * How long after an ask the hints are worked out, the corpus's entities unchanged meanwhile: a scan changes them
 * batch after batch, and working them out costs 60–110 ms at 100,000 articles.
 *
 * @example
 * hints.of(key); // the pairs of before, if any
 * clock.advance(HINTS_DELAY_MS); // the pairs are worked out, and the next hover looks its entity up
 */
export const HINTS_DELAY_MS = 2_000;

/**
 * The likely duplicate of each entity, for the hover card of a name alone ("Cummings: possibly Elijah Cummings"):
 * worked out from every entity of the corpus a while after an ask finds them out of date (the entities changed since),
 * never at the ask itself, which only looks its entity up (the hover answers in milliseconds; the work takes 60–110 ms
 * at 100,000 articles), and never while nobody asks (a scan changes the entities every few seconds for minutes). Until
 * the pairs are worked out again, an ask gets those of before, less any pair one of whose entities is gone (merged
 * away, say). Of an entity in two pairs ("Washington": George Washington's family name, and a place), the first
 * listed is kept: neither is chosen in advance.
 *
 * @example
 * const hints = new LikelyDuplicateHints(() => everyEntity(directory, 'articles'), (key) => directory.summary(key) !== undefined);
 * onDidChangeEntities(() => hints.entitiesChanged());
 * hints.of(trump.key)?.into.name; // undefined at first; 'Donald Trump' once the pairs are worked out
 */
export class LikelyDuplicateHints {
  private byEntity: ReadonlyMap<string, LikelyDuplicate> = new Map();
  private byInto: ReadonlyMap<string, readonly LikelyDuplicate[]> = new Map();
  /** Whether the entities changed since the pairs were worked out (they never were, at first). */
  private stale = true;
  private timer: unknown;
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  /** The pairs last worked out, as text: the listeners hear of a work-out only when they differ. */
  private signature = '';

  constructor(
    private readonly entities: () => readonly EntitySummary[],
    private readonly exists: (key: string) => boolean,
    private readonly timers: Timers = SYSTEM_TIMERS,
    private readonly delayMs = HINTS_DELAY_MS,
  ) {}

  /** The entity's likely duplicate, if it has one, as last worked out; an ask of out-of-date pairs has them worked out soon. */
  of(key: string): LikelyDuplicate | undefined {
    this.workOutIfStale();
    const pair = this.byEntity.get(key);
    return pair && this.stillThere(pair) ? pair : undefined;
  }

  /**
   * The pairs that would merge another entity into this one ("Trump" alone, of Donald Trump's), as last worked out.
   *
   * @example
   * hints.duplicatesOf(donaldTrump.key).map(({ entity }) => entity.name); // ['Trump']
   */
  duplicatesOf(key: string): readonly LikelyDuplicate[] {
    this.workOutIfStale();
    return (this.byInto.get(key) ?? []).filter((pair) => this.stillThere(pair));
  }

  /**
   * Hears each time the pairs have been worked out and differ from before (what was shown of them may be out of date,
   * or missing: a tooltip made before the first time); returns how to stop hearing.
   *
   * @example
   * const stop = hints.onWorkedOut(() => view.refreshTooltips());
   */
  onWorkedOut(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The corpus's entities changed: the pairs are out of date, and a work-out already asked for waits again for them to stop changing. */
  entitiesChanged(): void {
    this.stale = true;
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private workOutIfStale(): void {
    if (this.stale && this.timer === undefined) this.schedule();
  }

  private stillThere(pair: LikelyDuplicate): boolean {
    return this.exists(pair.entity.key) && this.exists(pair.into.key);
  }

  private schedule(): void {
    if (this.disposed) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.stale = false;
      const changed = this.workOut();
      if (changed) for (const listener of this.listeners) listener();
    }, this.delayMs);
  }

  /** Works the pairs out; whether any differs from before, in its entities, their article counts or likeliness. */
  private workOut(): boolean {
    const byEntity = new Map<string, LikelyDuplicate>();
    const byInto = new Map<string, LikelyDuplicate[]>();
    for (const pair of likelyDuplicates(this.entities())) {
      if (byEntity.has(pair.entity.key)) continue;
      byEntity.set(pair.entity.key, pair);
      const into = byInto.get(pair.into.key);
      if (into) into.push(pair);
      else byInto.set(pair.into.key, [pair]);
    }
    const signature = [...byEntity.values()].map(({ entity, into, likely, intoArticles }) => `${entity.key}\t${into.key}\t${likely}\t${entity.articleCount}\t${intoArticles}`).join('\n');
    const changed = signature !== this.signature;
    this.byEntity = byEntity;
    this.byInto = byInto;
    this.signature = signature;
    return changed;
  }
}
