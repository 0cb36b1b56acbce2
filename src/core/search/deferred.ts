import { runAtOnce } from './time-slices';

/**
 * Work left for later: a generator that runs in the background a step at a time ({@link steps}, with
 * `runInSlices`), or at once the first time its result is needed before that ({@link value}), whichever comes
 * first; it runs once, and a failure is kept and thrown again to every caller. A reopened index decodes this way
 * what the Dates view and the first search do not need (the entity table, say).
 *
 * @example
 * const table = new Deferred(decodeEntitySection(bytes, count, termCount));
 * void runInSlices(table.steps()); // in the background…
 * table.value().table; // …or now, if asked first
 */
export class Deferred<T> {
  private result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;

  constructor(private readonly work: Generator<void, T>) {}

  /** Whether the work has run to its end (or failed). */
  get done(): boolean {
    return this.result !== undefined;
  }

  /** The result, running what is left of the work at once. */
  value(): T {
    if (this.result === undefined) {
      try {
        this.result = { ok: true, value: runAtOnce(this.work) };
      } catch (error) {
        this.result = { ok: false, error };
      }
    }
    return this.unwrap();
  }

  /** Runs what is left of the work, pausing where it pauses; gives the result (at once when done already). */
  *steps(): Generator<void, T> {
    while (this.result === undefined) {
      try {
        const step = this.work.next();
        if (step.done) this.result = { ok: true, value: step.value };
      } catch (error) {
        this.result = { ok: false, error };
      }
      if (this.result === undefined) yield;
    }
    return this.unwrap();
  }

  private unwrap(): T {
    const result = this.result as { ok: true; value: T } | { ok: false; error: unknown };
    if (!result.ok) throw result.error;
    return result.value;
  }
}
