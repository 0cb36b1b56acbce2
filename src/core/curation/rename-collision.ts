import { quoteName, withIndefiniteArticle } from '../display-text';
import { entityKey } from '../entities/article-entities';
import { ENTITY_TYPE_NAMES } from '../entity-directory';
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
export function renameCollision(entity: EntityRef, to: string, summary: (key: string) => { readonly key: string; readonly name: string } | undefined): EntityRef | undefined {
  const existing = summary(entityKey(entity.type, to));
  return existing === undefined || existing.key === keyOfRef(entity) ? undefined : { type: entity.type, name: existing.name };
}

/**
 * What Rename asks before renaming `entity` onto the name of `into` (see {@link renameCollision}), which merges them.
 *
 * @example
 * renameMergeQuestion({ type: 'PER', name: 'Donald Trump' }, { type: 'PER', name: 'Joe Biden' });
 * // 'News Corpus: "Joe Biden" is already a person in the corpus: merge "Donald Trump" into it?'
 */
export function renameMergeQuestion(entity: EntityRef, into: EntityRef): string {
  return `News Corpus: ${quoteName(into.name)} is already ${withIndefiniteArticle(ENTITY_TYPE_NAMES[into.type].one)} in the corpus: merge ${quoteName(entity.name)} into it?`;
}
