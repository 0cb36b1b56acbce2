import { EntitySpan } from './types';

/** The last word of a name of several words ("Belgrano" of "Manuel Belgrano"), or undefined for a one-word name. */
function lastWord(name: string): string | undefined {
  const space = name.lastIndexOf(' ');
  return space === -1 ? undefined : name.slice(space + 1);
}

/**
 * Makes a person of every one-word place or organization that is the last word of a person the same text
 * names in full: after "Manuel Belgrano", "Valeska Paris" or "Hector Montalvo", a lone "Belgrano", "Paris" or
 * "Montalvo" is that person, the usual way news and encyclopaedias refer to someone again. The decoder types a
 * lone word by the word and its sentence, and a family name that is also a club, a town or a city loses to them;
 * its document evidence counts lone occurrences alike, so it agrees with the mistake.
 *
 * @example
 * retypeFamilyNames([{ start: 0, end: 15, type: 'PER', text: 'Manuel Belgrano' }, { start: 20, end: 28, type: 'ORG', text: 'Belgrano' }]);
 * // the second becomes { start: 20, end: 28, type: 'PER', text: 'Belgrano' }
 */
export function retypeFamilyNames(spans: readonly EntitySpan[]): EntitySpan[] {
  const familyNames = new Set<string>();
  for (const span of spans) {
    const family = span.type === 'PER' ? lastWord(span.text) : undefined;
    if (family !== undefined) familyNames.add(family);
  }
  if (familyNames.size === 0) return [...spans];
  return spans.map((span) => ((span.type === 'LOC' || span.type === 'ORG') && familyNames.has(span.text) ? { ...span, type: 'PER' } : span));
}
