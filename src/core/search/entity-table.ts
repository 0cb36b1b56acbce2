import { countryNameOf } from '../entities/country-aliases';
import { identityOfDisplay, isAllCaps, nameIdentity, withoutLeadingThe } from '../entities/names';
import { EntityType } from '../entities/types';
import { BatchEntity, EntityForm } from './analyzed-batch';
import { runAtOnce } from './time-slices';
import { tokenize } from './tokenize';

/**
 * An entity of the corpus as the index knows it.
 *
 * @example
 * table.get('PER:vladimir putin'); // { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'], term: 42 }
 */
export interface EntityInfo {
  readonly key: string;
  /** The most frequent full form across the corpus ("Kim Jong-un" over "Kim Jong-Un"), capitals-only forms last. */
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  /** The dictionary id of the entity's term, whose postings are the articles mentioning it. */
  readonly term: number;
}

/** The table's own, growing record of an entity. */
interface EntityRecord {
  readonly key: string;
  name: string;
  readonly type: EntityType;
  readonly aliases: string[];
  readonly term: number;
  /** Full forms of the name (case variants of the key's identity) with the mentions seen; a few per entity. */
  readonly forms: { readonly text: string; count: number }[];
  /** Roles with the articles saying them, one per lower-case form (writers capitalise titles differently), first spelling kept. */
  readonly roles: { readonly text: string; count: number }[];
}

/** Entities whose words are indexed between two chances to pause (~8 µs an entity). */
const WORD_INDEX_STEP = 1000;
/** Aliases kept per entity; the long tail of spellings adds nothing to matching. */
const MAX_ALIASES = 32;
/** Larger than any mention count, so that a form in capitals only is the name only when there is no other. */
const MIXED_CASE_BONUS = 2 ** 40;
/**
 * The entity types, in the order the UI lists them.
 *
 * @example
 * ENTITY_TYPES.map((type) => table.find('kim', type).length);
 */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];

function words(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}

function addWords(byWord: Map<string, Set<string>>, text: string, key: string): void {
  for (const word of words(text)) {
    let keys = byWord.get(word);
    if (!keys) {
      keys = new Set();
      byWord.set(word, keys);
    }
    keys.add(key);
  }
}

/** An entity's entry for `role`: roles are kept once per lower-case form, so the same spelling is found first without lower-casing every known role. */
function roleOf(info: EntityRecord, role: string): { readonly text: string; count: number } | undefined {
  const same = info.roles.find((known) => known.text === role);
  if (same !== undefined) return same;
  const lower = role.toLowerCase();
  return info.roles.find((known) => known.text.toLowerCase() === lower);
}

/**
 * Whether `form` is a full form of the name of the entity `key`: a case variant of its identity, which the table
 * counts to name the entity ("Kim Jong-Un" of 'PER:kim jong-un'); a short form ("Kim") is an alias, never its name.
 *
 * @example
 * isFullForm('PER:kim jong-un', 'Kim Jong-Un'); // true
 * isFullForm('PER:kim jong-un', 'Kim'); // false
 */
export function isFullForm(key: string, form: string): boolean {
  return identityOfDisplay(form) === key.slice(key.indexOf(':') + 1);
}

function formScore(form: string, count: number): number {
  return count + (isAllCaps(form) ? 0 : MIXED_CASE_BONUS);
}

/**
 * Entity keys with their name, type and aliases, and a word index to resolve `person:Putin`
 * to every merged entity whose name or aliases contain all the words ("Vladimir Putin").
 * The name is the full form written most often across the corpus, counted as batches arrive.
 *
 * @example
 * const table = new EntityTable();
 * table.register({ key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'], forms: [], roles: [] }, 42);
 * table.find('putin', 'PER'); // [{ key: 'PER:vladimir putin', … }]
 */
export class EntityTable {
  private readonly byKey = new Map<string, EntityRecord>();
  /**
   * Entity keys by the words of their names and aliases, for `person:Putin`. Built on first need (or by
   * {@link wordIndexSteps} after a load): tokenising every name was most of decoding the entity table.
   */
  private byWord: Map<string, Set<string>> | undefined = new Map();
  /** The same entities by the dictionary id of their entity term (sparse). */
  private readonly byTerm: EntityRecord[] = [];

  get size(): number {
    return this.byKey.size;
  }

  /** Adds an entity seen in an article (or new aliases and form counts of a known one). */
  register(entity: Omit<BatchEntity, 'term'>, term: number): void {
    // By term id first: a number, where the key is a string that came from another thread and would be hashed again.
    let info = this.byTerm[term] ?? this.byKey.get(entity.key);
    if (!info) {
      info = { key: entity.key, name: entity.name, type: entity.type, aliases: [], term, forms: [], roles: [] };
      this.byKey.set(entity.key, info);
      this.indexWords(entity.name, entity.key);
    }
    this.byTerm[term] = info;
    for (const { text, count } of entity.forms) this.countForm(info, text, count);
    for (const { text, count } of entity.roles) {
      const role = roleOf(info, text);
      if (role) role.count += count;
      else info.roles.push({ text, count });
    }
    for (const alias of entity.aliases) this.addAlias(info, alias);
    if (entity.name !== info.name) this.addAlias(info, entity.name);
  }

  /**
   * Takes back one article's saying of `role` of the entity whose entity term is `term`: the article left the index
   * (removed, or replaced by a version whose roles {@link register} counts again).
   *
   * @example
   * table.uncountRole(42, 'Russian president'); // "Russian president" of entity term 42 is said by one article fewer
   */
  uncountRole(term: number, role: string): void {
    const info = this.byTerm[term];
    const known = info && roleOf(info, role);
    if (known && known.count > 0) known.count--;
  }

  /**
   * The number of `form` among the written forms of the entity whose entity term is `term` (the order of
   * {@link formsOf}, which never changes: forms are only added), or undefined when it is not one of its forms (not a
   * case variant of its name): how an article's record of forms names it (see `ArticleForms`).
   *
   * @example
   * table.formNumber(42, 'Kim Jong-Un'); // 1: counted after 'Kim Jong-un'
   */
  formNumber(term: number, form: string): number | undefined {
    // A loop, not findIndex and a closure: indexing looks up each form its batch's articles write.
    const forms = this.byTerm[term]?.forms ?? [];
    for (let number = 0; number < forms.length; number++) if (forms[number]?.text === form) return number;
    return undefined;
  }

  /**
   * Takes back `mentions` of the form numbered `form` of the entity whose entity term is `term`: an article that
   * wrote them left the index (removed, or replaced by a version whose forms {@link register} counts again). The
   * entity is named anew when another form is now written more than its name.
   *
   * @example
   * table.uncountForm(42, 1, 2); // 'Kim Jong-Un' is written twice fewer
   */
  uncountForm(term: number, form: number, mentions: number): void {
    const info = this.byTerm[term];
    const entry = info?.forms[form];
    if (!info || !entry) return;
    entry.count = Math.max(0, entry.count - mentions);
    if (entry.text !== info.name) return;
    const current = formScore(info.name, entry.count);
    let best: { readonly text: string; count: number } | undefined;
    for (const other of info.forms) if (formScore(other.text, other.count) > (best ? formScore(best.text, best.count) : current)) best = other;
    if (best) this.rename(info, best.text);
  }

  /**
   * Puts back an entity as a saved table held it (its name, aliases and counts already settled): a load takes
   * this path, which skips the comparisons that {@link register} makes for every form.
   */
  restore(entity: Omit<BatchEntity, 'term'>, term: number): void {
    const info: EntityRecord = { key: entity.key, name: entity.name, type: entity.type, aliases: [...entity.aliases], term, forms: [...entity.forms], roles: [...entity.roles] };
    this.byKey.set(entity.key, info);
    this.byTerm[term] = info;
  }

  get(key: string): EntityInfo | undefined {
    return this.byKey.get(key);
  }

  /** The entity whose entity term has dictionary id `term`, if it is one. */
  byTermId(term: number): EntityInfo | undefined {
    return this.byTerm[term];
  }

  all(): IterableIterator<EntityInfo> {
    return this.byKey.values();
  }

  /** The full forms of an entity's name with their mention counts, as saved with the index. */
  formsOf(key: string): readonly EntityForm[] {
    return (this.byKey.get(key)?.forms ?? []).map(({ text, count }) => ({ text, count }));
  }

  /**
   * The roles writers attach to an entity, most articles first, each with the number of articles counted as saying
   * it, at most `most` (a role counted for none left out). Each article that left the index took its roles back, but
   * for one loaded from a cache saved without its roles (see `ArticleRoles`): a role only such articles said stays.
   *
   * @example
   * table.rolesOf('PER:vladimir putin', 3); // [{ text: 'Russian president', count: 3 }], saved as 9 before roles were taken back
   */
  rolesOf(key: string, most = Number.POSITIVE_INFINITY): EntityForm[] {
    return (this.byKey.get(key)?.roles ?? [])
      .flatMap(({ text, count }) => (count > 0 && most > 0 ? [{ text, count: Math.min(count, most) }] : []))
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  }

  /** Entities (of `type`, if given) whose name or aliases contain every word of `name` (a leading "the" aside). */
  find(name: string, type?: EntityType): EntityInfo[] {
    const wanted = words(withoutLeadingThe(name));
    if (wanted.length === 0) return [];
    let keys: Set<string> | undefined;
    const byWord = this.wordIndex();
    for (const word of wanted) {
      const withWord = byWord.get(word);
      if (!withWord) return [];
      keys = keys ? new Set([...keys].filter((key) => withWord.has(key))) : withWord;
    }
    const found: EntityInfo[] = [];
    for (const key of keys ?? []) {
      const info = this.byKey.get(key);
      if (info && (type === undefined || info.type === type)) found.push(info);
    }
    return found;
  }

  /**
   * The entities (of `type`, if given) whose name is `name` up to case and a leading "the": one per type at most. A
   * place asked for by another name of a country is that country, as merging made it (`place:="U.S."`).
   */
  findExact(name: string, type?: EntityType): EntityInfo[] {
    const identity = nameIdentity(name);
    const country = countryNameOf(identity);
    const found: EntityInfo[] = [];
    for (const candidate of type === undefined ? ENTITY_TYPES : [type]) {
      // The country when the corpus has it; else the name's own key (an article whose country was not a place kept it apart).
      const asCountry = candidate === 'LOC' && country !== undefined ? this.byKey.get(`LOC:${nameIdentity(country)}`) : undefined;
      const info = asCountry ?? this.byKey.get(`${candidate}:${identity}`);
      if (info) found.push(info);
    }
    return found;
  }

  private countForm(info: EntityRecord, form: string, count: number): void {
    let entry = info.forms.find((known) => known.text === form);
    if (entry) entry.count += count;
    else {
      // Only case variants of the name compete for it: a short form ("Putin") is an alias, never the name. A known
      // form passed this test when it was first counted (the key never changes), so only a new one is tested.
      if (!isFullForm(info.key, form)) return;
      info.forms.push((entry = { text: form, count }));
    }
    const total = entry.count;
    const current = info.forms.find((known) => known.text === info.name)?.count ?? 0;
    if (form !== info.name && formScore(form, total) > formScore(info.name, current)) this.rename(info, form);
    // A variant that loses to the name is still written so: one batch may bring both, the loser only as a form.
    if (form !== info.name) this.addAlias(info, form);
  }

  /** Names the entity `form`, one of its forms; its name until now becomes an alias. */
  private rename(info: EntityRecord, form: string): void {
    const previous = info.name;
    info.name = form;
    const asAlias = info.aliases.indexOf(form);
    if (asAlias !== -1) info.aliases.splice(asAlias, 1);
    this.addAlias(info, previous);
  }

  private addAlias(info: EntityRecord, alias: string): void {
    if (info.aliases.length >= MAX_ALIASES || alias === info.name || info.aliases.includes(alias)) return;
    info.aliases.push(alias);
    this.indexWords(alias, info.key);
  }

  /**
   * Forgets the word index, to build it later in one go: a table being loaded registers every entity, and
   * indexing their words one by one would make the load pay for an index only entity searches use.
   */
  deferWordIndex(): void {
    this.byWord = undefined;
  }

  /** Builds the word index if it was deferred, pausing every {@link WORD_INDEX_STEP} entities. */
  *wordIndexSteps(): Generator<void, void> {
    if (this.byWord !== undefined) return;
    const byWord = new Map<string, Set<string>>();
    let done = 0;
    for (const info of this.byKey.values()) {
      for (const text of [info.name, ...info.aliases]) addWords(byWord, text, info.key);
      if (++done % WORD_INDEX_STEP === 0) yield;
    }
    this.byWord = byWord;
  }

  private wordIndex(): Map<string, Set<string>> {
    if (this.byWord === undefined) runAtOnce(this.wordIndexSteps());
    return this.byWord as Map<string, Set<string>>;
  }

  private indexWords(text: string, key: string): void {
    if (this.byWord !== undefined) addWords(this.byWord, text, key);
  }
}
