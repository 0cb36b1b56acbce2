import { entityKey } from '../entities/article-entities';
import { EntityType } from '../entities/types';
import { TYPE_WORDS } from '../search-workflow/result-export';
import { ENTITY_TYPES } from '../search/entity-table';

/**
 * An entity as a correction names it: its type and a name of it (matched as the corpus matches names).
 *
 * @example
 * const putin: EntityRef = { type: 'PER', name: 'Vladimir Putin' };
 */
export interface EntityRef {
  readonly type: EntityType;
  readonly name: string;
}

/**
 * One decision of the user about the entities, as the commands and the table import make it:
 * - `merge`: the `entities` become one entity, `into` (its name and type are the result's; it may be one of them);
 * - `rename`: the entity's canonical name becomes `to`;
 * - `retype`: the entity becomes of type `to`;
 * - `split`: `alias`, a name merged into the entity, becomes an entity of its own again;
 * - `ignore`: the name is not an entity, everywhere or in the `article` only (a workspace-relative path);
 * - `add`: every occurrence of the exact name is an entity of the type, everywhere or in the `article` only.
 *
 * @example
 * const merge: Correction = { kind: 'merge', entities: [{ type: 'PER', name: 'Putin' }], into: { type: 'PER', name: 'Vladimir Putin' } };
 * const ignore: Correction = { kind: 'ignore', entity: { type: 'MISC', name: 'Method' }, article: 'papers/a.txt' };
 */
export type Correction =
  | { readonly kind: 'merge'; readonly entities: readonly EntityRef[]; readonly into: EntityRef }
  | { readonly kind: 'rename'; readonly entity: EntityRef; readonly to: string }
  | { readonly kind: 'retype'; readonly entity: EntityRef; readonly to: EntityType }
  | { readonly kind: 'split'; readonly entity: EntityRef; readonly alias: string }
  | { readonly kind: 'ignore' | 'add'; readonly entity: EntityRef; readonly article?: string };

/**
 * A merge of the facts file: `entities` (`into` first) become one named `into`.
 *
 * @example
 * const merge: MergeCorrection = { kind: 'merge', entities: [donaldTrump, trump], into: donaldTrump };
 */
export type MergeCorrection = Extract<Correction, { readonly kind: 'merge' }>;

/**
 * How many entities the merges make part of another.
 *
 * @example
 * entitiesMerged([{ kind: 'merge', entities: [donaldTrump, trump, donaldJTrump], into: donaldTrump }]); // 2
 */
export function entitiesMerged(merges: readonly MergeCorrection[]): number {
  return merges.reduce((sum, merge) => sum + merge.entities.length - 1, 0);
}

const TYPE_OF_WORD: ReadonlyMap<string, EntityType> = new Map((Object.keys(TYPE_WORDS) as EntityType[]).map((type) => [TYPE_WORDS[type], type]));
/** What may stand before the colon of a typed alias: a word of {@link TYPE_WORDS} or a type's code ("per"), any case. */
const TYPE_OF_PREFIX: ReadonlyMap<string, EntityType> = new Map([...TYPE_OF_WORD, ...ENTITY_TYPES.map((type): [string, EntityType] => [type.toLowerCase(), type])]);

/**
 * The entity type a word of {@link TYPE_WORDS} names ("person", "place", "organization", "other"), any case.
 *
 * @example
 * typeOfWord('Place'); // 'LOC'
 */
export function typeOfWord(word: string): EntityType | undefined {
  return TYPE_OF_WORD.get(word.trim().toLowerCase());
}

/**
 * The entity a name in an entry's `aliases` stands for, as the reader applies it and the writer and the table
 * import compare it: a bare name is of the entry's own type, a name with a kind before a colon
 * ("place:Washington", "person:…", "organization:…", "other:…", or a type's code, "loc:…") of that kind. An
 * unknown kind is part of the name ("Apollo 11: Moon").
 *
 * @example
 * refOfAlias('place:Washington', 'PER'); // { type: 'LOC', name: 'Washington' }
 * refOfAlias(' Putin ', 'PER');          // { type: 'PER', name: 'Putin' }
 */
export function refOfAlias(alias: string, entryType: EntityType): EntityRef {
  const colon = alias.indexOf(':');
  const type = colon > 0 ? TYPE_OF_PREFIX.get(alias.slice(0, colon).trim().toLowerCase()) : undefined;
  return type === undefined ? { type: entryType, name: alias.trim() } : { type, name: alias.slice(colon + 1).trim() };
}

/**
 * How an entry of type `entryType` writes the entity `ref` in its `aliases`: bare when of the same type.
 *
 * @example
 * aliasOfRef({ type: 'PER', name: 'Washington' }, 'LOC'); // 'person:Washington'
 */
export function aliasOfRef(ref: EntityRef, entryType: EntityType): string {
  return ref.type === entryType ? ref.name : `${TYPE_WORDS[ref.type]}:${ref.name}`;
}

/**
 * An entity as a correction names it: its type and name alone (a summary carries its counts and aliases too).
 *
 * @example
 * refOf(donaldTrumpSummary); // { type: 'PER', name: 'Donald Trump' }
 */
export function refOf({ type, name }: { readonly type: EntityType; readonly name: string }): EntityRef {
  return { type, name };
}

/**
 * The corpus-wide key of an entity reference ({@link entityKey}).
 *
 * @example
 * keyOfRef({ type: 'PER', name: 'Kim Jong-Un' }); // 'PER:kim jong-un'
 */
export function keyOfRef(ref: EntityRef): string {
  return entityKey(ref.type, ref.name);
}

/**
 * Whether a value (a command argument, a cell) is an entity type.
 *
 * @example
 * isEntityType('PER'); // true
 * isEntityType('person'); // false
 */
export function isEntityType(value: unknown): value is EntityType {
  return (ENTITY_TYPES as readonly unknown[]).includes(value);
}
