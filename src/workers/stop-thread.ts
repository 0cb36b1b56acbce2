import { Worker } from 'node:worker_threads';
import { StopRequest } from './protocol';

/**
 * How long a thread asked to stop may take to end itself before it is terminated. An indexing thread ends between
 * two files, and one file of the largest size indexed takes well under a second; the cache's reading thread ends
 * once its file read under way has returned. Terminating is the fallback for a thread that hangs, because it can
 * abort the process (see {@link StopRequest}).
 */
export const STOP_GRACE_MS = 10_000;

/**
 * Asks a thread to end itself ({@link StopRequest}; through `stopFlag` too, which a busy indexing thread reads between
 * two files), terminating it only if it has not ended within `graceMs`. Its listeners are dropped: whoever stops it
 * hears no more from it. Resolves to its exit code.
 *
 * @example
 * const code = await stopThread(worker, { stopFlag: new Int32Array(setup.stopFlag) }); // 0: it ended itself
 */
export function stopThread(worker: Worker, { graceMs = STOP_GRACE_MS, stopFlag }: { readonly graceMs?: number; readonly stopFlag?: Int32Array } = {}): Promise<number> {
  worker.removeAllListeners();
  // A thread stopped here may still report its own failure (every thread fails to load a missing model; the
  // first failure stops the run): unheard, it was uncaught, in the extension host and in 5 of 12 runs of its unit test under Node 24.
  worker.on('error', () => undefined);
  return new Promise((resolve) => {
    const forced = setTimeout(() => void worker.terminate().then(resolve, () => resolve(1)), graceMs);
    worker.once('exit', (code: number) => {
      clearTimeout(forced);
      resolve(code);
    });
    if (stopFlag) Atomics.store(stopFlag, 0, 1);
    worker.postMessage({ kind: 'stop' } satisfies StopRequest);
  });
}
