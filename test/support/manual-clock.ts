import type { PaceClock } from '../../src/core/paced-updates';

/** A clock that moves only when told, running the timers that fall due on the way. */
export class ManualClock implements PaceClock {
  private time = 0;
  private readonly timers = new Map<number, { readonly at: number; readonly run: () => void }>();
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  }

  clearTimeout(timer: unknown): void {
    this.timers.delete(timer as number);
  }

  /** How many timers wait. */
  get waiting(): number {
    return this.timers.size;
  }

  /** Moves the clock `ms` on, running each timer due by then at its own time, soonest first. */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.runSoonest(end));
    this.time = end;
  }

  /** Moves the clock to the soonest timer and runs it; false, the clock unmoved, when none waits. */
  runNext(): boolean {
    return this.runSoonest(Number.POSITIVE_INFINITY);
  }

  private runSoonest(end: number): boolean {
    const due = [...this.timers].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
    if (!due) return false;
    this.timers.delete(due[0]);
    this.time = due[1].at;
    due[1].run();
    return true;
  }
}
