import { SYSTEM_TIMERS, Timers } from './timers';

/**
 * The clock and timers {@link PacedUpdates} runs on: the system's, or a test's own.
 *
 * @example
 * const clock: PaceClock = { ...SYSTEM_TIMERS, now: () => Date.now() };
 */
export interface PaceClock extends Timers {
  now(): number;
}

const SYSTEM_CLOCK: PaceClock = { ...SYSTEM_TIMERS, now: () => performance.now() };

/**
 * Runs `update` at most once an interval, however often it is asked for: a request when the last run is an interval
 * old or more runs it at once (the first request too), and the requests within the interval become one run at its
 * end, so that the last request is never lost. `intervalMs` is read at each request, so the interval may grow with
 * the work each run costs. `update` must not throw: run from the timer, what it threw would be uncaught (the corpus
 * service's updates report their own failures).
 *
 * @example
 * const listing = new PacedUpdates(() => view.refresh(), () => 1_000);
 * listing.request(); // runs now
 * listing.request(); // runs once, a second after the first
 * listing.request(); // (the same run)
 * listing.reset(); // nothing runs; the next request runs at once
 */
export class PacedUpdates {
  private lastRun = Number.NEGATIVE_INFINITY;
  private timer: unknown;

  constructor(
    private readonly update: () => void,
    private readonly intervalMs: () => number,
    private readonly clock: PaceClock = SYSTEM_CLOCK,
  ) {}

  /** Whether a run is waiting for the end of the interval. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Runs the update now if the last run is an interval old, else once at the end of the interval. */
  request(): void {
    if (this.timer !== undefined) return;
    const wait = this.lastRun + this.intervalMs() - this.clock.now();
    if (wait <= 0) this.runNow();
    else this.timer = this.clock.setTimeout(() => this.runNow(), wait);
  }

  /** Runs the update now, in place of a run waiting for the end of the interval; the next interval starts now. */
  runNow(): void {
    this.cancelPending();
    this.lastRun = this.clock.now();
    this.update();
  }

  /** Drops a run waiting for the end of the interval and forgets the last run: the next request runs at once. */
  reset(): void {
    this.cancelPending();
    this.lastRun = Number.NEGATIVE_INFINITY;
  }

  private cancelPending(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
