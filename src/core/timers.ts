/**
 * Timers as the system's `setTimeout` and `clearTimeout` give them, passed in so that a test can run them when it
 * chooses rather than wait for them. `clearTimeout` takes what `setTimeout` returned, or undefined (nothing to clear).
 *
 * @example
 * const timers: Timers = SYSTEM_TIMERS;
 * const retry = timers.setTimeout(() => console.log('tried again'), 2_000);
 * timers.clearTimeout(retry); // nothing is logged
 */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

/**
 * The system's timers.
 *
 * @example
 * SYSTEM_TIMERS.setTimeout(() => console.log('a second later'), 1_000);
 */
export const SYSTEM_TIMERS: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout> | undefined),
};
