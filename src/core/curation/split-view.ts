import { EntityArticle } from '../search/corpus-index';
import type { ArticlePaths, IndexEntities } from './corrected-entities';
import { CorrectedEntity, EntityCorrections } from './entity-corrections';
import { SplitOff, splitEntity } from './split-forms';

/**
 * What the split forms of the corrections do to one index: the mentions leaving each entity, the articles each
 * entity gains, and the split-off forms that are entities of their own.
 *
 * @example
 * const view: SplitView = indexSplitView(index, corrections, paths);
 * view.gained.get('PER:kim')?.get('c.txt')?.mentions; // 2
 */
export interface SplitView {
  /** Mentions leaving each corrected entity, by its key, then by article path. */
  readonly moved: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The articles (with the mentions taken) each entity gains from forms split off others, by its key, then by path. */
  readonly gained: ReadonlyMap<string, ReadonlyMap<string, EntityArticle>>;
  /** The split-off forms that no facts entry claims: entities of their own, over the engine entity of that name if there is one. */
  readonly own: ReadonlyMap<string, CorrectedEntity>;
}

/** A split-off form as an entity of its own: named as the engine names that key, if it has it, else as the form. */
function ownEntity(off: SplitOff, engineName: string | undefined): CorrectedEntity {
  return { key: off.key, name: engineName ?? off.name, type: off.type, members: [off.key], split: [], ignoreIn: new Set(), added: [] };
}

/**
 * Splits the `split` forms off the corrected entities that have some (`splitEntity`, from the index's words),
 * and gives each split-off form's articles to what its own engine key becomes: a facts entry's entity, nothing
 * when ignored, else an entity of its own.
 *
 * @example
 * indexSplitView(index, corrections, paths).own.get('PER:kim')?.name; // 'Kim'
 */
export function indexSplitView(index: IndexEntities, corrections: EntityCorrections, paths: ArticlePaths): SplitView {
  const moved = new Map<string, ReadonlyMap<string, number>>();
  const gained = new Map<string, Map<string, EntityArticle>>();
  const own = new Map<string, CorrectedEntity>();
  for (const entity of corrections.entities()) {
    if (entity.split.length === 0) continue;
    const byPath = new Map<string, EntityArticle>();
    const split = splitEntity<string>(entity, {
      forms: (key) => {
        const engine = index.entitySummary(key);
        return engine ? [engine.name, ...engine.aliases] : [];
      },
      articles: (key) =>
        index.entityArticles(key).map((article) => {
          byPath.set(article.path, article);
          return { article: article.path, mentions: article.mentions };
        }),
      formCounter: (forms) => index.formCounter(forms),
    });
    moved.set(entity.key, split.moved);
    for (const { entity: off, articles } of split.off) {
      const fate = corrections.fateOf(off.key);
      if (fate === 'ignored') continue;
      const target = fate?.entity ?? own.get(off.key) ?? ownEntity(off, index.entitySummary(off.key)?.name);
      if (fate === undefined) own.set(off.key, target);
      const into = gained.get(target.key) ?? new Map<string, EntityArticle>();
      gained.set(target.key, into);
      for (const [path, mentions] of articles) {
        const article = byPath.get(path);
        if (article === undefined || target.ignoreIn.has(paths.idOf(path))) continue;
        into.set(path, { ...article, mentions: (into.get(path)?.mentions ?? 0) + mentions });
      }
    }
  }
  return { moved, gained, own };
}
