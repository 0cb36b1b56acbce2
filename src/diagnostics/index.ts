import { appendFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Corpus } from '../core/corpus';
import { CacheLoadPhases } from '../workers/cache-file';

/** The environment variable naming the file the probe appends to; without it there is no probe. */
export const STALL_PROBE_VARIABLE = 'NEWS_CORPUS_STALL_PROBE';
/** The environment variable naming a folder for CPU profiles of the extension host, one for each scan; none without it. */
export const CPU_PROFILE_VARIABLE = 'NEWS_CORPUS_CPU_PROFILE';
/** How often the probe's timer asks to run: a later run means the event loop was busy for the difference. */
const PROBE_INTERVAL_MS = 10;
/** A CPU profile goes on this long after its scan ends: the work a scan queues (the saved index's term tree, a save) comes after. */
const PROFILE_TAIL_MS = 4_000;
/** How often the probe writes the longest stall since its last line, and the memory of the extension host. */
const REPORT_INTERVAL_MS = 500;

/** What the probe follows to write its timeline: the corpus and where its scan is. */
export interface StallProbeDeps {
  readonly corpus: Corpus;
  readonly phase: () => string | undefined;
  readonly state: () => string;
  readonly onDidProgress: vscode.Event<void>;
  readonly onDidChangeState: vscode.Event<unknown>;
}

/**
 * For `npm run bench:vscode`: when the extension host's environment names a file in
 * {@link STALL_PROBE_VARIABLE}, appends a JSON line every {@link REPORT_INTERVAL_MS} with the longest
 * event-loop stall since the last line (how late a 10 ms timer ran), the host's memory, CPU time and process id, and a
 * line for each step of the scan (activation with the host's uptime, phases, states, the corpus's size as it
 * first fills), so that the benchmark can say where the time to the first articles goes. Off otherwise.
 */
export function registerStallProbe(context: vscode.ExtensionContext, deps: StallProbeDeps): void {
  const write = probeWriter();
  if (!write) return;
  write({ event: 'activated', hostUptimeMs: Math.round(process.uptime() * 1000) });
  let expected = performance.now() + PROBE_INTERVAL_MS;
  let longest = 0;
  let reported = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - expected);
    expected = now + PROBE_INTERVAL_MS;
    if (now - reported < REPORT_INTERVAL_MS) return;
    const memory = process.memoryUsage();
    write({ stallMs: Math.round(longest), rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external });
    longest = 0;
    reported = now;
  }, PROBE_INTERVAL_MS);
  let phase: string | undefined;
  let listed = 0;
  context.subscriptions.push(
    { dispose: () => clearInterval(timer) },
    deps.onDidProgress(() => {
      if (deps.phase() === phase) return;
      phase = deps.phase();
      write({ event: 'phase', phase: phase ?? 'none' });
    }),
    deps.onDidChangeState(() => write({ event: 'state', state: deps.state(), articles: deps.corpus.size })),
    profileScans(deps),
    {
      // The first listing, and each tenfold growth: when the views got their first articles, and how fast they filled.
      dispose: deps.corpus.subscribe(() => {
        if (deps.corpus.size <= Math.max(0, listed * 10 - 1) || deps.corpus.size === 0) return;
        listed = deps.corpus.size;
        write({ event: 'articles', articles: listed });
      }),
    },
  );
}

/** Appends a line to the probe's file, or undefined when the probe is off. */
function probeWriter(): ((line: object) => void) | undefined {
  const file = process.env[STALL_PROBE_VARIABLE];
  if (!file) return undefined;
  return (line: object) => {
    // CPU time of the whole host process, its indexing threads included: firmer than wall time on a shared machine.
    const cpu = process.cpuUsage();
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, at: Date.now(), cpuMs: Math.round((cpu.user + cpu.system) / 1000), ...line })}\n`);
  };
}

/**
 * With the stall probe on (see {@link registerStallProbe}), what hears a saved index's load phase by phase and appends
 * them as a `load` line (`Date.now()` times, and the cache's thread's own CPU): `npm run bench:vscode` prints them
 * from the activation. Undefined when the probe is off, so that nothing is timed.
 */
export function loadPhaseProbe(): ((phases: CacheLoadPhases) => void) | undefined {
  const write = probeWriter();
  return write && (({ daysAt, reader: { cpuMs, ...ends }, repliedAt, searchableAt, textCheckedAt }) => write({ event: 'load', daysAt, ...ends, readerCpuMs: cpuMs, repliedAt, searchableAt, textCheckedAt }));
}

/**
 * When {@link CPU_PROFILE_VARIABLE} names a folder, profiles the extension host's thread from activation to
 * {@link PROFILE_TAIL_MS} after the end of the first scan, then each later scan likewise, writing
 * `host-PID-N.cpuprofile` files (for DevTools, or summing by function) into it.
 */
function profileScans(deps: StallProbeDeps): vscode.Disposable {
  const folder = process.env[CPU_PROFILE_VARIABLE];
  if (!folder) return { dispose: () => undefined };
  const session = new Session();
  session.connect();
  let profiles = 0;
  let running = false;
  let tail: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
  };
  const finish = () => {
    tail = undefined;
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(folder, `host-${process.pid}-${++profiles}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  start();
  const stop = deps.onDidChangeState(() => {
    if (deps.state() === 'scanning') {
      // A scan starting within the tail of the last one is profiled with it.
      if (tail !== undefined) clearTimeout(tail);
      tail = undefined;
      if (!running) start();
    } else if (running && tail === undefined) tail = setTimeout(finish, PROFILE_TAIL_MS);
  });
  return { dispose: () => (stop.dispose(), tail !== undefined && clearTimeout(tail), session.disconnect()) };
}
