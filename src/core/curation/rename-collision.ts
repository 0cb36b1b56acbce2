import { quoteName } from '../display-text';
import { entityKey } from '../entities/article-entities';
import { aTypeName } from '../entity-directory';
import { EntityType } from '../entities/types';
import { EntityRef, keyOfRef } from '../facts/corrections';

/**
 * The entity that renaming `entity` to `to` would merge it into: one of the corpus's entities (as corrected) that
 * already has that type and name, as the corpus matches names (any case). Undefined when the name is free, or is
 * the entity's own (a name merged into it, as after an earlier rename). `summary` looks an entity up by key.
 * A rename onto a taken name makes the two one entity, which the user must agree to: see {@link renameMergeQuestion}.
 *
 * @example
 * const trump = { type: 'PER', name: 'Donald Trump' } as const;
 * renameCollision(trump, 'joe biden', (key) => directory.summary(key)); // { type: 'PER', name: 'Joe Biden' }
 * renameCollision(trump, 'Donald J. Trump', (key) => directory.summary(key)); // undefined
 */
export function renameCollision(entity: EntityRef, to: string, summary: EntitySummaryLookup): EntityRef | undefined {
  return takenBy(entity, { type: entity.type, name: to }, summary);
}

/**
 * The entity that changing the type of `entity` to `to` would merge it into: one of the corpus's entities of that
 * type with the same name (as {@link renameCollision} finds them). Undefined when there is none.
 *
 * @example
 * retypeCollision({ type: 'ORG', name: 'Kremlin' }, 'LOC', (key) => directory.summary(key)); // { type: 'LOC', name: 'Kremlin' } if the corpus has that place
 */
export function retypeCollision(entity: EntityRef, to: EntityType, summary: EntitySummaryLookup): EntityRef | undefined {
  return takenBy(entity, { type: to, name: entity.name }, summary);
}

/** Looks one of the corpus's entities up by key, as the corrected directory does. */
type EntitySummaryLookup = (key: string) => { readonly key: string; readonly name: string } | undefined;

function takenBy(entity: EntityRef, becomes: EntityRef, summary: EntitySummaryLookup): EntityRef | undefined {
  const existing = summary(entityKey(becomes.type, becomes.name));
  return existing === undefined || existing.key === keyOfRef(entity) ? undefined : { type: becomes.type, name: existing.name };
}

/**
 * What Rename or Change Type asks before making `entity` one with `into` (see {@link renameCollision},
 * {@link retypeCollision}), which merges them.
 *
 * @example
 * renameMergeQuestion({ type: 'PER', name: 'Donald Trump' }, { type: 'PER', name: 'Joe Biden' });
 * // 'News Corpus: "Joe Biden" is already a person in the corpus: merge "Donald Trump" into it?'
 */
export function renameMergeQuestion(entity: EntityRef, into: EntityRef): string {
  return `News Corpus: ${quoteName(into.name)} is already ${aTypeName(into.type)} in the corpus: merge ${quoteName(entity.name)} into it?`;
}
