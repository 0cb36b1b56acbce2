import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';

/** The environment variable naming the file the probe appends to; without it there is no probe. */
export const STALL_PROBE_VARIABLE = 'NEWS_CORPUS_STALL_PROBE';
/** How often the probe's timer asks to run: a later run means the event loop was busy for the difference. */
const PROBE_INTERVAL_MS = 10;
/** How often the probe writes the longest stall since its last line, and the memory of the extension host. */
const REPORT_INTERVAL_MS = 500;

/**
 * For `npm run bench:vscode`: when the extension host's environment names a file in
 * {@link STALL_PROBE_VARIABLE}, appends a JSON line every {@link REPORT_INTERVAL_MS} with the longest
 * event-loop stall since the last line (how late a 10 ms timer ran), the host's memory and process id. Off otherwise.
 */
export function registerStallProbe(context: vscode.ExtensionContext): void {
  const file = process.env[STALL_PROBE_VARIABLE];
  if (!file) return;
  let expected = performance.now() + PROBE_INTERVAL_MS;
  let longest = 0;
  let reported = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - expected);
    expected = now + PROBE_INTERVAL_MS;
    if (now - reported < REPORT_INTERVAL_MS) return;
    const memory = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, at: Date.now(), stallMs: Math.round(longest), rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external })}\n`);
    longest = 0;
    reported = now;
  }, PROBE_INTERVAL_MS);
  context.subscriptions.push({ dispose: () => clearInterval(timer) });
}
