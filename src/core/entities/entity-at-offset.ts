import { ArticleEntity } from './types';

/**
 * The entity with a mention that covers the character at `offset` of its article, and that mention.
 *
 * @example
 * entityAtOffset(analyze('Vladimir Putin met Kim Jong-un.'), 20); // { entity: Kim Jong-un, mention: { start: 19, end: 30 } }
 */
export function entityAtOffset(entities: readonly ArticleEntity[], offset: number): { entity: ArticleEntity; mention: { readonly start: number; readonly end: number } } | undefined {
  for (const entity of entities) {
    const mention = entity.mentions.find(({ start, end }) => start <= offset && offset < end);
    if (mention) return { entity, mention };
  }
  return undefined;
}
