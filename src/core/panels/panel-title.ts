/**
 * A panel's tab title, one rule for every panel: its name, then what it shows, when it shows anything: the first
 * subject and how many more. The Timeline read "Timeline: Donald Trump" with one series and plain "Timeline" once
 * a second was added, and the Network without a centre "Network: no entity".
 *
 * @example
 * panelTitle('Timeline', []);                                    // 'Timeline'
 * panelTitle('Timeline', ['Donald Trump']);                      // 'Timeline: Donald Trump'
 * panelTitle('Timeline', ['Donald Trump', 'election', 'wheat']); // 'Timeline: Donald Trump and 2 more'
 */
export function panelTitle(name: string, subjects: readonly string[]): string {
  const [first] = subjects;
  if (first === undefined) return name;
  return subjects.length === 1 ? `${name}: ${first}` : `${name}: ${first} and ${subjects.length - 1} more`;
}
