import { EntityDirectory } from '../core/entity-directory';

/**
 * The entity key a command was given: a key (`PER:vladimir putin`, from a link or a keybinding), or an
 * element of the Entities or In This Article view (`{ kind: 'entity', entity: { key } }`); undefined when it
 * names no indexed entity.
 */
export function entityKeyOf(value: unknown, entities: EntityDirectory): string | undefined {
  const candidate = typeof value === 'string' ? value : (value as { entity?: { key?: unknown } } | undefined)?.entity?.key;
  return typeof candidate === 'string' && entities.summary(candidate) !== undefined ? candidate : undefined;
}
