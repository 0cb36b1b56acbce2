/**
 * Sentences where companies, cities and people each fill their own slots, one a line: words used alike that a
 * clustering must put together.
 *
 * @example
 * slotSentencesText().split('\n')[0]; // 'shares of Google rose after Google said profits grew .'
 */
export function slotSentencesText(): string {
  const companies = ['Google', 'Microsoft', 'Amazon', 'Twitter'];
  const cities = ['Paris', 'Lagos', 'Tokyo', 'Lima'];
  const people = ['Anna', 'Boris', 'Carla', 'Dmitri'];
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const company = companies[i % 4] ?? '';
    const city = cities[(i * 3) % 4] ?? '';
    const person = people[(i * 5) % 4] ?? '';
    lines.push(`shares of ${company} rose after ${company} said profits grew .`);
    lines.push(`the mayor of ${city} flew to ${city} on Monday .`);
    lines.push(`${person} told reporters that ${person} was happy .`);
  }
  return lines.join('\n');
}
