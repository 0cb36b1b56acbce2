// The phases of a saved index's load, from the stall probe's `load` line (see `loadPhaseProbe` in src/diagnostics).
// Kept apart from bench-vscode.mjs so that plain-Node unit tests can check it.

/** The phases in the order they end, each a `load` line's field, and what the line calls it. */
const PHASES = [
  ['daysAt', "days on the host's thread"],
  ['readAt', 'file read'],
  ['checkedAt', 'checksum but the text'],
  ['inflatedAt', 'inflated'],
  ['repliedAt', "reply on the host's thread"],
  ['searchableAt', 'decoded, search can answer'],
  ['textCheckedAt', "the text's checksum"],
];

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * One line saying when each phase of the first load after `activated` (the probe's `activated` line of a host)
 * ended, in seconds from the activation, with each phase's own time after it, and the cache's thread's own CPU
 * time; undefined when that host wrote no `load` line (no saved index loaded, or it was read on the host's thread).
 * A phase the line lacks (the checksum, when the file failed its checks first; the days, when none came) is left out.
 *
 * @example
 * loadPhasesLine(lines, { pid: 7, at: 1000 });
 * // "days on the host's thread 1.20 s, file read 2.10 s (+0.90 s), checksum but the text 2.40 s (+0.30 s), inflated 2.70 s (+0.30 s), reply on the host's thread 2.90 s (+0.20 s), decoded, search can answer 3.50 s (+0.60 s), the text's checksum 3.70 s (+0.20 s); the cache's thread's CPU 1.20 s"
 */
export function loadPhasesLine(lines, activated) {
  const load = lines.find((line) => line.event === 'load' && line.pid === activated.pid && line.at >= activated.at);
  if (!load) return undefined;
  let previous;
  const phases = PHASES.filter(([field]) => load[field] !== undefined).map(([field, name]) => {
    const since = load[field] - activated.at;
    const text = `${name} ${seconds(since)}${previous === undefined ? '' : ` (+${seconds(since - previous)})`}`;
    previous = since;
    return text;
  });
  const cpu = load.readerCpuMs === undefined ? 'not known (no process.threadCpuUsage)' : seconds(load.readerCpuMs);
  return `${phases.join(', ')}; the cache's thread's CPU ${cpu}`;
}
