import { FactsEntry, FactsProblem, parseFacts } from './entity-facts';

/**
 * An entry of the facts and the file (`source`, its URI) it comes from.
 *
 * @example
 * const found: SourcedFactsEntry = { source: 'file:///news/.newscorpus/entities.json', entry };
 */
export interface SourcedFactsEntry {
  readonly source: string;
  readonly entry: FactsEntry;
}

/**
 * The user's facts as the features read them: an entity's entry, whether it is hidden, and news of changes.
 *
 * @example
 * facts.entry('PER:vladimir putin')?.entry.facts.description; // 'President of Russia'
 * if (facts.isHidden(entity.key)) return undefined;
 */
export interface FactsLookup {
  entry(key: string): SourcedFactsEntry | undefined;
  isHidden(key: string): boolean;
  /** Starts calling `listener` after every change of the facts; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
}

/**
 * The facts of every facts file of the workspace (one per folder), kept up to date from their texts. A text
 * that is not valid JSON keeps the entries of the file's last valid text in use (also across a removal of
 * the file), so that a half-typed edit or a colleague's broken save loses nothing. When two files have an entry for the same entity, the file
 * added first wins.
 *
 * @example
 * const store = new FactsStore();
 * store.update('file:///a/.newscorpus/entities.json', '{ "people": { "Vladimir Putin": { "role": "President" } } }');
 * store.update('file:///a/.newscorpus/entities.json', '{ "people": { '); // problems; the role stays known
 * store.entry('PER:vladimir putin')?.entry.facts.role; // 'President'
 */
export class FactsStore implements FactsLookup {
  private readonly files = new Map<string, ReadonlyMap<string, FactsEntry>>();
  /** The entries of each file's last valid text, kept when it is removed: a save that deletes and rewrites the file, or a file deleted and written again invalid, loses nothing. */
  private readonly lastValid = new Map<string, ReadonlyMap<string, FactsEntry>>();
  private readonly listeners = new Set<() => void>();

  /** Reads the new text of the file `source`; returns its problems (none when it is fine). */
  update(source: string, text: string): readonly FactsProblem[] {
    const { entries, problems } = parseFacts(text);
    const kept = entries ?? (this.files.has(source) ? undefined : this.lastValid.get(source));
    if (kept) {
      this.files.set(source, kept);
      this.lastValid.set(source, kept);
      this.changed();
    }
    return problems;
  }

  /** Forgets the file `source` (deleted, or its folder left the workspace). */
  remove(source: string): void {
    if (this.files.delete(source)) this.changed();
  }

  entry(key: string): SourcedFactsEntry | undefined {
    for (const [source, entries] of this.files) {
      const entry = entries.get(key);
      if (entry) return { source, entry };
    }
    return undefined;
  }

  isHidden(key: string): boolean {
    return this.entry(key)?.entry.facts.hidden ?? false;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
