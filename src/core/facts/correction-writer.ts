import { getNodeValue, Node, parseTree } from 'jsonc-parser';
import { EntityType } from '../entities/types';
import { ENTITY_TYPES } from '../search/entity-table';
import { Correction, EntityRef, aliasOfRef, keyOfRef, refOfAlias } from './corrections';
import { factsGroupOf, parseFacts } from './entity-facts';
import { formattingOf, TextChange } from './facts-edit';
import { setProperty } from './json-properties';
import { changeBetween } from './text-changes';

/**
 * What the writer must know of the corpus: whether the recogniser itself (before any correction) has an
 * entity, so that renaming back to the engine's own name leaves no alias to a name nobody uses.
 *
 * @example
 * const context: CorrectionContext = { isEngineEntity: (key) => engine.summary(key) !== undefined };
 */
export interface CorrectionContext {
  readonly isEngineEntity: (key: string) => boolean;
}

/** An entry of the file as plain data: its group's type, its name as written, and its fields in file order. */
interface Entry {
  readonly type: EntityType;
  readonly name: string;
  fields: Record<string, unknown>;
}

/** Fields that are lists of text, merged by union when two entries become one. */
const LIST_FIELDS = new Set(['aliases', 'split', 'links', 'ignoreIn', 'addIn']);

function textList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The entries of a valid facts file, in file order (entries that are not objects are not the writer's business). */
function entriesOf(root: Node | undefined): Entry[] {
  const entries: Entry[] = [];
  for (const type of ENTITY_TYPES) {
    const group = root && root.type === 'object' ? propertyValue(root, factsGroupOf(type)) : undefined;
    for (const property of group?.type === 'object' ? (group.children ?? []) : []) {
      const [key, value] = property.children ?? [];
      if (typeof key?.value === 'string' && value?.type === 'object') entries.push({ type, name: key.value, fields: getNodeValue(value) as Record<string, unknown> });
    }
  }
  return entries;
}

function propertyValue(node: Node, name: string): Node | undefined {
  return node.children?.find((property) => property.children?.[0]?.value === name)?.children?.[1];
}

/** The entries of a facts file, changed in memory by corrections, then written back with the fewest edits. */
class EntryModel {
  readonly entries: Entry[];

  constructor(
    text: string,
    private readonly context: CorrectionContext,
  ) {
    this.entries = entriesOf(parseTree(text));
  }

  find(ref: EntityRef): Entry | undefined {
    const key = keyOfRef(ref);
    return this.entries.find((entry) => keyOfRef(entry) === key);
  }

  findOrAdd(ref: EntityRef): Entry {
    const found = this.find(ref);
    if (found) return found;
    const entry: Entry = { type: ref.type, name: ref.name.trim(), fields: {} };
    this.entries.push(entry);
    return entry;
  }

  remove(entry: Entry): void {
    this.entries.splice(this.entries.indexOf(entry), 1);
  }

  apply(correction: Correction): void {
    switch (correction.kind) {
      case 'merge':
        return this.merge(correction.entities, correction.into);
      case 'rename':
        if (keyOfRef({ type: correction.entity.type, name: correction.to }) === keyOfRef(correction.entity)) return this.rewrite(correction.entity, correction.to);
        return this.merge([correction.entity], { type: correction.entity.type, name: correction.to });
      case 'retype':
        return this.merge([correction.entity], { type: correction.to, name: correction.entity.name });
      case 'split':
        return this.split(correction.entity, correction.alias);
      case 'ignore':
      case 'add':
        return this.decide(correction.kind, correction.entity, correction.article);
    }
  }

  /**
   * The sources' entries move into the target's (their aliases, splits and facts; the target's own facts win),
   * each source that the engine knows becomes an alias of the target, and no other entry claims any of them or
   * the target any more: so merging back the other way leaves no cycle, and renaming back leaves nothing.
   */
  private merge(sources: readonly EntityRef[], into: EntityRef): void {
    const targetKey = keyOfRef(into);
    const aliases: EntityRef[] = [];
    const moved: Entry['fields'][] = [];
    for (const source of uniqueBy(sources, keyOfRef).filter((ref) => keyOfRef(ref) !== targetKey)) {
      const entry = this.find(source);
      if (entry) {
        aliases.push(...textList(entry.fields['aliases']).map((alias) => refOfAlias(alias, entry.type)));
        moved.push(entry.fields);
        this.remove(entry);
      }
      if (this.context.isEngineEntity(keyOfRef(source))) aliases.push({ type: source.type, name: entry?.name ?? source.name });
    }
    const claimed = new Set([targetKey, ...aliases.map(keyOfRef)]);
    for (const entry of this.entries) {
      if (keyOfRef(entry) !== targetKey) setList(entry, 'aliases', textList(entry.fields['aliases']).filter((alias) => !claimed.has(keyOfRef(refOfAlias(alias, entry.type)))));
    }
    const target = this.findOrAdd(into);
    for (const fields of moved) {
      for (const [field, value] of Object.entries(fields)) {
        if (field === 'aliases') continue;
        if (LIST_FIELDS.has(field)) setList(target, field, [...textList(target.fields[field]), ...textList(value)]);
        else if (!(field in target.fields)) target.fields[field] = value;
      }
    }
    // After the moved facts, so that a renamed entry reads as before with its aliases last.
    const own = textList(target.fields['aliases']).map((alias) => refOfAlias(alias, target.type));
    // Another writing of the target's own name stays (it makes the entry's writing the one shown: `rewrite`).
    const allAliases = uniqueBy([...own, ...aliases], keyOfRef).filter((ref) => keyOfRef(ref) !== targetKey || (ref.type === target.type && ref.name !== target.name));
    setList(target, 'aliases', allAliases.map((ref) => aliasOfRef(ref, target.type)));
    // A form merged back is no longer split off.
    setList(target, 'split', textList(target.fields['split']).filter((name) => !claimed.has(keyOfRef({ type: target.type, name }))));
  }

  /**
   * A rename to another writing of the same name ("Kim Jong-un" → "Kim Jong-Un"): the entry takes the new name and
   * keeps the writing it had as an alias of its own key, which is what makes the new writing the one shown (an entry
   * with no correction only holds facts); renaming back to that writing leaves no such alias.
   */
  private rewrite(entity: EntityRef, to: string): void {
    const key = keyOfRef(entity);
    const entry = this.find(entity);
    if (entry) this.remove(entry);
    const renamed: Entry = { type: entity.type, name: to, fields: { ...entry?.fields } };
    const aliases = textList(renamed.fields['aliases']);
    const ownKey = (alias: string) => keyOfRef(refOfAlias(alias, entity.type)) === key;
    const writing = aliases.find(ownKey) ?? entity.name;
    setList(renamed, 'aliases', [...aliases.filter((alias) => !ownKey(alias)), ...(writing === to ? [] : [writing])]);
    this.entries.push(renamed);
  }

  /** An alias of the file is released from the entry that claims it; a form the engine merged is listed in `split`. */
  private split(entity: EntityRef, alias: string): void {
    const ref = refOfAlias(alias, entity.type);
    const key = keyOfRef(ref);
    if (key === keyOfRef(entity)) return;
    const claimants = this.entries.filter((entry) => textList(entry.fields['aliases']).some((other) => keyOfRef(refOfAlias(other, entry.type)) === key));
    for (const entry of claimants) setList(entry, 'aliases', textList(entry.fields['aliases']).filter((other) => keyOfRef(refOfAlias(other, entry.type)) !== key));
    if (claimants.length > 0) return;
    const entry = this.findOrAdd(entity);
    setList(entry, 'split', [...textList(entry.fields['split']), ref.name]);
  }

  /**
   * An ignore or an add, everywhere (`field`: true) or in one article (`field`In), cancelling the opposite decision
   * there: ignoring a name everywhere drops its adds, adding it in an article drops its ignore in that article.
   */
  private decide(field: 'ignore' | 'add', entity: EntityRef, article: string | undefined): void {
    const opposite = field === 'ignore' ? 'add' : 'ignore';
    const entry = this.findOrAdd(entity);
    if (article === undefined) {
      entry.fields[field] = true;
      for (const other of [`${field}In`, opposite, `${opposite}In`]) delete entry.fields[other];
      return;
    }
    setList(entry, `${opposite}In`, textList(entry.fields[`${opposite}In`]).filter((path) => path !== article));
    if (entry.fields[field] !== true) setList(entry, `${field}In`, [...textList(entry.fields[`${field}In`]), article]);
  }
}

/** Sets a list field without repeats (by the corpus's matching of names), or removes it when empty. */
function setList(entry: Entry, field: string, values: readonly string[]): void {
  const unique = uniqueBy(values, (value) => (field === 'aliases' ? keyOfRef(refOfAlias(value, entry.type)) : keyOfRef({ type: entry.type, name: value })));
  if (unique.length > 0) entry.fields[field] = unique;
  else delete entry.fields[field];
}

const identityOf = (entry: Entry) => `${entry.type}\u0000${entry.name}`;

/**
 * Writes the difference between the entries read from `text` and the corrected ones back into `text` with
 * {@link setProperty}: changed fields one by one, new entries in alphabetical order, then removed entries (and
 * groups left empty by that); what was not changed keeps its exact text.
 */
function writeEntries(text: string, before: readonly Entry[], after: readonly Entry[]): string {
  const edit = (path: string[], value: unknown, insertAt?: (names: string[]) => number) => {
    text = setProperty(text, path, value, insertAt);
  };
  const kept = after.filter((entry) => Object.keys(entry.fields).length > 0);
  const keptByIdentity = new Map(kept.map((entry) => [identityOf(entry), entry]));
  const beforeByIdentity = new Map(before.map((entry) => [identityOf(entry), entry]));
  for (const entry of kept) {
    const old = beforeByIdentity.get(identityOf(entry));
    const group = factsGroupOf(entry.type);
    if (!old) {
      const root = parseTree(text);
      const added = root && propertyValue(root, group) ? entry.name : group;
      edit([group, entry.name], entry.fields, (names) => {
        const after = names.findIndex((other) => other.localeCompare(added) > 0);
        return after === -1 ? names.length : after;
      });
      continue;
    }
    for (const field of new Set([...Object.keys(old.fields), ...Object.keys(entry.fields)])) {
      if (JSON.stringify(old.fields[field]) !== JSON.stringify(entry.fields[field])) edit([group, entry.name, field], entry.fields[field]);
    }
  }
  // Removals last: a group that a rename empties and fills again stays where it is.
  for (const entry of before) {
    if (keptByIdentity.has(identityOf(entry))) continue;
    const group = factsGroupOf(entry.type);
    edit([group, entry.name], undefined);
    const groupNode = propertyValue(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, group);
    if (groupNode?.type === 'object' && (groupNode.children ?? []).length === 0) edit([group], undefined);
  }
  return text;
}

/**
 * The facts file `text` (valid JSON, or empty) with `corrections` made in order, following the file's rules:
 * each engine entity is claimed by one entry at most, so merging A into B and then B into A leaves no cycle;
 * renaming back to the engine's own name removes the alias; an entry left with no fields is removed (and a
 * group left empty by that); the rest of the file (other entries, unknown fields, layout) keeps its text.
 *
 * @example
 * correctedFactsText('{}', [{ kind: 'rename', entity: { type: 'PER', name: 'Vladmir Putin' }, to: 'Vladimir Putin' }], { isEngineEntity: () => true });
 * // '{\n  "people": {\n    "Vladimir Putin": {\n      "aliases": [\n        "Vladmir Putin"\n      ]\n    }\n  }\n}'
 */
export function correctedFactsText(text: string, corrections: readonly Correction[], context: CorrectionContext): string {
  const base = text.trim() === '' ? `{}${formattingOf(text).eol}` : text;
  const model = new EntryModel(base, context);
  const before = model.entries.map((entry) => ({ ...entry, fields: { ...entry.fields } }));
  for (const correction of corrections) model.apply(correction);
  const written = writeEntries(base, before, model.entries);
  return written === base ? text : written;
}

/**
 * The change (at most one) that makes `correction` in the facts file `text`: see {@link correctedFactsText}.
 *
 * @example
 * applyEdits(text, correctionChanges(text, { kind: 'ignore', entity: { type: 'MISC', name: 'Method' } }, context));
 */
export function correctionChanges(text: string, correction: Correction, context: CorrectionContext): TextChange[] {
  return changeBetween(text, correctedFactsText(text, [correction], context));
}

/** Whether an entry has the same fields in two versions of the file (`undefined`: no such entry). */
function sameFields(a: Entry | undefined, b: Entry | undefined): boolean {
  return JSON.stringify(a?.fields) === JSON.stringify(b?.fields);
}

/**
 * The facts file `current` with one written correction taken back, the one that turned `before` into `after`: entry
 * by entry, so that later corrections of other entities and a colleague's edits of other entries stay. Each entry the
 * correction added, changed or removed gets back what `before` had; the rest of `current` keeps its text. Undefined
 * when `current` is not valid JSON, or when an entry the correction wrote is no longer as it wrote it (a later
 * correction of the same entity, an edit by hand): taking it back would take those back too.
 *
 * @example
 * const first = correctedFactsText('', [{ kind: 'ignore', entity: { type: 'PER', name: 'Kim Min-Woo' } }], context);
 * const second = correctedFactsText(first, [{ kind: 'ignore', entity: { type: 'PER', name: 'Kim Shin-Wook' } }], context);
 * undoneFactsText('', first, second); // only "Kim Shin-Wook" is ignored
 */
export function undoneFactsText(before: string, after: string, current: string): string | undefined {
  // Nothing changed since: the exact text before, which is also how a file the correction created is known to go.
  if (current === after) return before;
  if (!parseFacts(current).entries) return undefined;
  const byIdentity = (text: string) => new Map(entriesOf(parseTree(text)).map((entry) => [identityOf(entry), entry]));
  const was = byIdentity(before);
  const wrote = byIdentity(after);
  const now = entriesOf(parseTree(current));
  const nowByIdentity = new Map(now.map((entry) => [identityOf(entry), entry]));
  const touched = new Set([...was.keys(), ...wrote.keys()].filter((identity) => !sameFields(was.get(identity), wrote.get(identity))));
  if ([...touched].some((identity) => !sameFields(wrote.get(identity), nowByIdentity.get(identity)))) return undefined;
  const restored = [...now.filter((entry) => !touched.has(identityOf(entry))), ...[...touched].flatMap((identity) => was.get(identity) ?? [])];
  return writeEntries(current, now, restored);
}
