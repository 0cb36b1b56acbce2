/**
 * The thread gives the event loop a turn after this long of background work.
 *
 * @example
 * await index.compact(); // the same as await index.compact(DEFAULT_SLICE_MS)
 */
export const DEFAULT_SLICE_MS = 10;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * When sliced work last gave the event loop a turn. Shared by every run: one run often starts right after
 * another ends (decoding a saved index, then building its term tree), and timing each from its own start
 * let the end of one and the start of the next run back to back, twice a slice.
 */
let lastYield = 0;

/**
 * Runs a generator to completion in slices of about `sliceMs`, yielding to the event loop between
 * slices, so long index work never blocks the extension host for long. The generator's `yield`s mark
 * where it may pause. A slice is timed from the last yield of any run, so a run may start with a yield.
 *
 * @example
 * const result = await runInSlices(compactSteps(store, termCount));
 */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = DEFAULT_SLICE_MS): Promise<T> {
  const ended = await stepsInSlices(steps, () => false, sliceMs);
  return (ended as IteratorReturnResult<T>).value;
}

/**
 * Runs a generator in slices as {@link runInSlices} does until it ends, or until `stopped()` (asked before each
 * step) says to stop: background work that something more urgent ends. Resolves to its result, or undefined when stopped.
 *
 * @example
 * const ran = await runUntil(warmUpSteps(index), () => userSearched, WARMUP_SLICE_MS);
 */
export async function runUntil<T>(steps: Generator<void, T>, stopped: () => boolean, sliceMs = DEFAULT_SLICE_MS): Promise<T | undefined> {
  return (await stepsInSlices(steps, stopped, sliceMs))?.value;
}

async function stepsInSlices<T>(steps: Generator<void, T>, stopped: () => boolean, sliceMs: number): Promise<IteratorReturnResult<T> | undefined> {
  for (;;) {
    if (performance.now() - lastYield > sliceMs) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    if (stopped()) return undefined;
    const step = steps.next();
    if (step.done) return step;
  }
}

/**
 * Runs a generator to completion at once (command-line tools, tests).
 *
 * @example
 * const result = runAtOnce(compactSteps(store, termCount));
 */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
