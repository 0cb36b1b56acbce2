/**
 * Stops a listener from being called again. A plain function rather than a VS Code `Disposable`,
 * which the pure core cannot import; adapters wrap it as `{ dispose: unsubscribe }`.
 *
 * @example
 * const stop: Unsubscribe = corpus.subscribe(refresh);
 * stop(); // refresh is no longer called on changes
 */
export type Unsubscribe = () => void;

/**
 * A minimal event source for the pure core, which cannot use VS Code's `EventEmitter`.
 *
 * @example
 * const changed = new Signal<number>();
 * const stop = changed.subscribe((count) => console.log(count));
 * changed.fire(3); // logs 3
 * stop();
 */
export class Signal<T> {
  private readonly listeners = new Set<(value: T) => void>();

  subscribe(listener: (value: T) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls every listener, then throws what the first that threw did: a listener's failure must not keep the change
   * from the others (a view that follows the corpus's changes one by one would miss the articles it added for good).
   */
  fire(value: T): void {
    const failures: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  }
}
