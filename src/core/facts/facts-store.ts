import { quoteName } from '../display-text';
import { CorrectionEntry, CorrectionProblem, EntityCorrections, resolveCorrections } from '../curation/entity-corrections';
import { CORRECTION_FIELDS, EntryCorrections } from '../curation/entry-corrections';
import { entityKey } from '../entities/article-entities';
import { countryNameOf } from '../entities/country-aliases';
import { ENTITY_TYPE_NAMES, aTypeName } from '../entity-directory';
import { ENTITY_TYPES } from '../search/entity-table';
import { EntityType } from '../entities/types';
import { CorpusNames } from '../search/query-help';
import { aliasOfRef, EntityRef } from './corrections';
import { FactsEntry, FactsProblem, factsGroupOf, parseFacts } from './entity-facts';

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
 * facts.corrections().fateOf('PER:putin'); // { entity: Vladimir Putin }
 */
export interface FactsLookup {
  entry(key: string): SourcedFactsEntry | undefined;
  isHidden(key: string): boolean;
  /** The corrections of every facts file, resolved: what the features apply to the engine's entities. */
  corrections(): EntityCorrections;
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
  /** The resolved corrections and the conflicts between files, made again on first need after a change. */
  private resolved: { corrections: EntityCorrections; conflicts: readonly CorrectionProblem[] } | undefined;

  /**
   * `articleId` turns an article path of `ignoreIn`/`addIn` (relative to the workspace folder of the facts
   * file `source`) into the article's id; by default the folder's URI joined with the path.
   */
  constructor(private readonly articleId?: (source: string, relativePath: string) => string) {}

  /** Reads the new text of the file `source`; returns its problems (none when it is fine). */
  update(source: string, text: string): readonly FactsProblem[] {
    const { entries, problems } = parseFacts(text);
    // A blank text is used but not remembered as the last valid one: a writer that truncates the file before
    // writing it shows it blank for a moment, and invalid text after that must bring back the facts it had.
    const kept = entries ?? this.lastValid.get(source);
    if (kept && kept !== this.files.get(source)) {
      this.files.set(source, kept);
      if (entries && text.trim() !== '') this.lastValid.set(source, entries);
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

  corrections(): EntityCorrections {
    return this.resolve().corrections;
  }

  /**
   * The corrections of one file that another file's contradict (a second claim on an entity, a merge that
   * closes a circle across two workspace folders' files): each file alone is fine, so its own warnings do not
   * say it. At the alias that loses, whose file is `source`.
   *
   * @example
   * store.update(a, '{ "people": { "A": { "aliases": ["B"] } } }');
   * store.update(b, '{ "people": { "B": { "aliases": ["A"] } } }');
   * store.conflicts(); // [{ source: b, message: 'Merging "A" into "B" would go round in a circle … (another workspace folder\'s facts file decides otherwise)' }]
   */
  conflicts(): readonly CorrectionProblem[] {
    return this.resolve().conflicts;
  }

  /**
   * The aliases that name an entity the corpus does not have (`has` says which keys it has), nor any entry: they
   * do nothing, perhaps since the articles that named it were removed, or since the name is misspelt (then
   * `names.nearest`, asked for these aliases only, gives the corpus's nearest name of the type, the entry's own aside).
   *
   * @example
   * store.aliasesNamingNothing((key) => index.entitySummary(key) !== undefined, names); // [{ source, offset: 40, length: 8, message: 'No person is named "Volker" in the corpus; did you mean "Volcker"?' }]
   */
  aliasesNamingNothing(has: (key: string) => boolean, names: Pick<CorpusNames, 'nearest'>): CorrectionProblem[] {
    const problems: CorrectionProblem[] = [];
    for (const [source, entries] of this.files) {
      for (const [key, entry] of entries) {
        for (const alias of entry.corrections.aliases) {
          if (has(alias.key) || this.entry(alias.key)) continue;
          const said = namingNothing(alias, 'alias', has, () => names.nearest(alias.type, alias.name, key), (other) => `write ${quoteName(aliasOfRef({ type: other, name: alias.name }, entry.type))}`);
          const meant = said.near === undefined ? {} : { meant: JSON.stringify(aliasOfRef({ type: alias.type, name: said.near }, entry.type)) };
          problems.push({ source, offset: alias.offset, length: alias.length, message: said.message, ...meant });
        }
      }
    }
    return problems;
  }

  /**
   * The entries whose name is no entity of their group's type in the corpus (`has` says which keys it has), nor one
   * that an entry makes (by adding its name, or merging into it a name the corpus or an entry has): their facts show on
   * no card, their corrections do nothing. A misspelt name got no word (ux38: "James Bakker" for "James Baker"): each is
   * said with the nearest name of its type (`names.nearest`, asked for these entries only). An entry of a country's other
   * name is left to {@link countryAliasEntries}.
   *
   * @example
   * store.entriesNamingNothing((key) => index.entitySummary(key) !== undefined, names); // [{ source, offset: 14, length: 14, message: 'No person is named "James Bakker" in the corpus; did you mean "James Baker"?' }]
   */
  entriesNamingNothing(has: (key: string) => boolean, names: Pick<CorpusNames, 'nearest'>): CorrectionProblem[] {
    const problems: CorrectionProblem[] = [];
    for (const [source, entries] of this.files) {
      for (const [key, entry] of entries) {
        if (has(key) || countryOfEntry(entry) !== undefined || this.makesItsEntity(this.entry(key)?.entry ?? entry, has)) continue;
        const said = namingNothing(entry, 'entry', has, () => names.nearest(entry.type, entry.name), (other) => `move it to "${factsGroupOf(other)}"`);
        problems.push({ source, offset: entry.offset, length: entry.length, message: said.message, ...(said.near !== undefined && { meant: JSON.stringify(said.near) }) });
      }
    }
    return problems;
  }

  /**
   * Whether the entry's corrections make its entity though the corpus does not name it so: it adds its name (matched
   * as written, wherever it is), or merges into it a name the corpus or another entry has (a merge under a new name, a
   * rename, a retype).
   */
  private makesItsEntity(entry: FactsEntry, has: (key: string) => boolean): boolean {
    const { add, addIn, aliases } = entry.corrections;
    const own = entityKey(entry.type, entry.name);
    return add || addIn.length > 0 || aliases.some((alias) => has(alias.key) || (alias.key !== own && this.entry(alias.key) !== undefined));
  }

  /**
   * Entries of places named by another name of a country ("U.S."): merging calls the country by its common name in
   * every article, so the entry's facts and corrections would reach no entity without a word. Each is said where it
   * is, with the name to move it to.
   *
   * @example
   * store.update('one', '{ "places": { "U.S.": { "description": "…" } } }');
   * store.countryAliasEntries(); // [{ source: 'one', offset: 14, length: 6, message: '"U.S." is the "United States" … move this entry to "United States".' }]
   */
  countryAliasEntries(): CorrectionProblem[] {
    const problems: CorrectionProblem[] = [];
    for (const [source, entries] of this.files) {
      for (const entry of entries.values()) {
        const country = countryOfEntry(entry);
        if (country === undefined) continue;
        const message = `${quoteName(entry.name)} is the ${quoteName(country)} in every article (another name of the country): move this entry to ${quoteName(country)}, or its facts show on no card.`;
        problems.push({ source, offset: entry.offset, length: entry.length, message });
      }
    }
    return problems;
  }

  /** Entries with corrections for an entity that an earlier file also has an entry for: the earlier one applies. */
  private shadowedCorrections(): CorrectionProblem[] {
    const seen = new Set<string>();
    const shadowed: CorrectionProblem[] = [];
    for (const [source, entries] of this.files) {
      const fileKeys = [...entries.keys()];
      for (const [key, entry] of entries) {
        if (seen.has(key) && CORRECTION_FIELDS.some((field) => hasValue(entry.corrections, field))) {
          shadowed.push({ source, offset: entry.offset, length: entry.length, message: `${quoteName(entry.name)} also has an entry in another workspace folder's facts file, read first: its corrections apply, this entry's are left out. Agree on one.` });
        }
      }
      fileKeys.forEach((key) => seen.add(key));
    }
    return shadowed;
  }

  private resolve(): { corrections: EntityCorrections; conflicts: readonly CorrectionProblem[] } {
    if (this.resolved) return this.resolved;
    const { corrections, problems } = resolveCorrections(this.entries(), this.articleId);
    // What each file says of itself is among its own problems already: only what files say of each other is new.
    const alone = new Map<string, Set<number>>();
    const conflicts = problems.filter((problem) => {
      let own = alone.get(problem.source);
      if (own === undefined) {
        const entries = [...(this.files.get(problem.source)?.values() ?? [])].map((entry) => ({ source: problem.source, type: entry.type, name: entry.name, corrections: entry.corrections }));
        own = new Set(resolveCorrections(entries, this.articleId).problems.map((found) => found.offset));
        alone.set(problem.source, own);
      }
      return !own.has(problem.offset);
    });
    this.resolved = { corrections, conflicts: [...conflicts.map((problem) => ({ ...problem, message: `${problem.message} (Another workspace folder's facts file decides otherwise: agree on one.)` })), ...this.shadowedCorrections()] };
    return this.resolved;
  }

  /** Every entry of every file, in file order; for an entity in two files, the first file's. */
  private *entries(): Generator<CorrectionEntry> {
    const seen = new Set<string>();
    for (const [source, entries] of this.files) {
      for (const [key, entry] of entries) {
        if (seen.has(key)) continue;
        seen.add(key);
        yield { source, type: entry.type, name: entry.name, corrections: entry.corrections };
      }
    }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.resolved = undefined;
    for (const listener of this.listeners) listener();
  }
}

/** The common name of the country that an entry of a place names by another name ("U.S."), if it does. */
function countryOfEntry(entry: FactsEntry): string | undefined {
  return entry.type === 'LOC' ? countryNameOf(entry.name) : undefined;
}

/**
 * What is said of an entry or an alias (`what`) of the facts file naming `ref`, which the corpus does not have: that
 * another type has the name, and how to write it for that one (`otherType`); else the nearest name of its type, when
 * one is near (`near`, for a quick fix); else that it does nothing for now.
 */
function namingNothing(ref: EntityRef, what: 'entry' | 'alias', has: (key: string) => boolean, nearest: () => string | undefined, otherType: (type: EntityType) => string): { readonly message: string; readonly near?: string } {
  const typeName = ENTITY_TYPE_NAMES[ref.type].one;
  // "person:COVID-19" where the corpus has COVID-19 as another name: said so (ux34: "no entity" read as wrong).
  const other = ENTITY_TYPES.find((type) => type !== ref.type && has(entityKey(type, ref.name)));
  if (other) return { message: `The corpus has no ${typeName} named ${quoteName(ref.name)}, but has ${aTypeName(other)} so named: this ${what} does nothing; ${otherType(other)} for that one.` };
  // Initials are too short to be misspelt: "E.C." was told of "E.F. Hutton Group Inc" (ux38b).
  const near = WRITTEN_AS_INITIALS.test(ref.name) ? undefined : nearest();
  return near === undefined
    ? { message: `No ${typeName} is named ${quoteName(ref.name)} in the corpus: this ${what} does nothing until an article names it.` }
    : { message: `No ${typeName} is named ${quoteName(ref.name)} in the corpus; did you mean ${quoteName(near)}?`, near };
}

/** A name written as initials, dotted or not ("EC", "E.C."). */
const WRITTEN_AS_INITIALS = /^(?:\p{Lu}\.?){1,6}$/u;

/** Whether the correction field `field` says something (a true flag, a non-empty list). */
function hasValue(corrections: EntryCorrections, field: string): boolean {
  const value: unknown = corrections[field as keyof EntryCorrections];
  return value === true || (Array.isArray(value) && value.length > 0);
}
