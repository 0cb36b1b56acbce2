import { nameIdentity } from '../entities/names';
import { EntityType } from '../entities/types';
import { ArticleSummary, EntityArticle } from '../search/corpus-index';
import { EntityListRequest, EntityPage, EntitySummary, compareEntities, matchesEntityFilter, newestFirst } from '../search/entity-listing';
import { foldCase } from '../search/tokenize';
import { ENTITY_TYPES } from '../search/entity-table';
import { AddedIndexRecount, AddedRecount } from './added-recount';
import { SearchCorrections } from './corrected-search';
import { CorrectedEntity, EntityCorrections, EntityFate } from './entity-corrections';
import { SplitView, indexSplitView } from './split-view';

/**
 * An entity of one article with its number of mentions.
 *
 * @example
 * const counted: EntityCount = { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', mentions: 4 };
 */
export interface EntityCount {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly mentions: number;
}

/**
 * A companion of an entity: another entity named in the same articles, with the number of shared articles.
 *
 * @example
 * const companion: Companion = { key: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', articles: 2 };
 */
export interface Companion {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly articles: number;
}

/**
 * The entity figures of one index (a `CorpusIndex`) that the views, cards and panels read, as engine
 * entities; {@link CorrectedIndexEntities} gives the same with the corrections applied.
 *
 * @example
 * const entities: IndexEntities = corpusIndex;
 * entities.entitySummary('PER:vladimir putin')?.articleCount; // 2
 */
export interface IndexEntities {
  entityTypeCounts(): ReadonlyMap<EntityType, number>;
  listEntities(request: EntityListRequest): EntityPage;
  entitySummary(key: string): EntitySummary | undefined;
  /** The entity's articles, newest first; only the newest `limit` when given. */
  entityArticles(key: string, limit?: number): readonly EntityArticle[];
  entityRoles(key: string): readonly { readonly role: string; readonly articles: number }[];
  entityTimeline(key: string): ReadonlyMap<string, number>;
  companions(key: string, limit: number): readonly Companion[];
  entitiesOf(path: string): readonly EntityCount[];
  article(path: string): (Omit<ArticleSummary, 'path'> & { readonly text: string }) | undefined;
  /** The articles where names added by `corrections` occur, recounted one by one ({@link recountArticles}), by path, with their titles and dates. */
  addedRecount(corrections: SearchCorrections): AddedIndexRecount;
  /** A counter of the written `forms` in an article's words (by path), longest form first: how a split divides an entity's mentions. */
  formCounter(forms: readonly string[]): (path: string) => readonly number[];
}

/**
 * How articles are named: the index's path of an article and its id (the URI the corrections use), both ways.
 *
 * @example
 * const paths: ArticlePaths = { idOf: (path) => pathToFileURL(path).href, pathOf: (id) => fileURLToPath(id) };
 */
export interface ArticlePaths {
  idOf(path: string): string;
  pathOf(id: string): string;
}

/** Articles read for an entity's companions counted article by article: as many as the index reads for its own. */
const COMPANION_ARTICLES = 300;

/** The lower-case name an entity list sorts by: the key without its type. */
function identityOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/**
 * Lists of articles each newest first, merged into one newest first: an article in several lists once, with
 * their mentions added. A merge, not a sort: sorting 25,000 articles again (titles compared on every tie of
 * dates) was most of applying a merge of two large entities.
 *
 * @example
 * mergeNewestFirst([[{ path: 'b', title: 'B', date: '2023-09-13', mentions: 1 }], [{ path: 'b', title: 'B', date: '2023-09-13', mentions: 2 }]]); // one article, 3 mentions
 */
export function mergeNewestFirst(lists: readonly (readonly EntityArticle[])[]): readonly EntityArticle[] {
  const [only, ...others] = lists;
  if (only === undefined) return [];
  if (others.length === 0) return only;
  const merged: EntityArticle[] = [];
  const at = new Map<string, number>();
  const heads = lists.map(() => 0);
  for (;;) {
    let best: EntityArticle | undefined;
    let from = -1;
    lists.forEach((list, i) => {
      const candidate = list[heads[i] ?? 0];
      if (candidate && (best === undefined || newestFirst(candidate, best) < 0)) {
        best = candidate;
        from = i;
      }
    });
    if (best === undefined) return merged;
    heads[from] = (heads[from] ?? 0) + 1;
    const known = at.get(best.path);
    const existing = known === undefined ? undefined : merged[known];
    if (known === undefined || existing === undefined) {
      at.set(best.path, merged.length);
      merged.push(best);
    } else {
      merged[known] = { ...existing, mentions: existing.mentions + best.mentions };
    }
  }
}

function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * One index's entities with the user's corrections applied, as a mapping over what the index already knows
 * (nothing is recognised again): a corrected entity's articles are its members' articles merged (an article
 * counted once, its mentions added), without its `ignoreIn` articles; ignored and merged-away engine entities
 * are gone. The articles where an added name occurs (found through the index) are recounted one by one as
 * `correctArticleEntities` corrects an article ({@link recountArticles}), so an engine entity whose mentions there
 * an added name took leaves them, as in the article's own view; everything else is the index's own answer. A corrected entity's articles are worked out once per instance: make a new one when the
 * index or the corrections change.
 *
 * @example
 * const entities = new CorrectedIndexEntities(index, corrections, paths);
 * entities.entitySummary('PER:vladimir putin')?.aliases; // ['Putin', 'V. Putin']
 * entities.entitySummary('PER:putin'); // undefined: merged into Vladimir Putin
 */
export class CorrectedIndexEntities implements IndexEntities {
  /** Each corrected entity's articles, newest first, by key: a hover card asks for them several times. */
  private readonly articlesByKey = new Map<string, readonly EntityArticle[]>();
  /** Each corrected entity's other names, by key: a recount's may read articles' words to know them. */
  private readonly aliasesByKey = new Map<string, readonly string[]>();
  /** Each corrected entity's mentions per month, by key: counted from its articles once, as they are. */
  private readonly timelinesByKey = new Map<string, ReadonlyMap<string, number>>();
  /** Each entity's companions counted article by article (`countedCompanions`), by key, most shared first. */
  private readonly companionsByKey = new Map<string, readonly Companion[]>();
  /** What the split forms move, worked out on first need. */
  private splitView: SplitView | undefined;
  /** The corrected entities that names added by the user belong to, worked out on first need. */
  private withAdded: readonly CorrectedEntity[] | undefined;
  /** The articles where added names occur, recounted one by one, with their titles and dates; worked out on first need. */
  private addedView: { readonly recount: AddedRecount<string>; readonly articles: ReadonlyMap<string, EntityArticle>; readonly displaced: ReadonlyMap<string, CorrectedEntity> } | undefined;

  constructor(
    private readonly index: IndexEntities,
    private readonly corrections: EntityCorrections,
    private readonly paths: ArticlePaths,
  ) {}

  entityTypeCounts(): ReadonlyMap<EntityType, number> {
    const counts = new Map(this.index.entityTypeCounts());
    for (const key of this.touchedKeys()) {
      const engine = this.index.entitySummary(key);
      if (engine) counts.set(engine.type, (counts.get(engine.type) ?? 0) - 1);
    }
    for (const entity of this.allCorrected()) {
      if (this.summaryOf(entity)) counts.set(entity.type, (counts.get(entity.type) ?? 0) + 1);
    }
    return new Map(ENTITY_TYPES.map((type) => [type, Math.max(0, counts.get(type) ?? 0)]));
  }

  listEntities(request: EntityListRequest): EntityPage {
    const needle = foldCase(request.filter?.trim() ?? '');
    let replaced = 0;
    for (const key of this.touchedKeys()) {
      const engine = this.index.entitySummary(key);
      if (engine && engine.type === request.type && matchesEntityFilter(identityOf(engine.key), engine.aliases, needle)) replaced++;
    }
    // Enough of the index's list that the page is right once the replaced entities are taken out.
    const wide = this.index.listEntities({ ...request, offset: 0, limit: request.offset + request.limit + replaced });
    const corrected = this.allCorrected()
      .filter((entity) => entity.type === request.type)
      .flatMap((entity) => this.summaryOf(entity) ?? [])
      .filter((summary) => matchesEntityFilter(identityOf(summary.key), summary.aliases, needle));
    const entities = [...wide.entities.filter((summary) => !this.fateOf(summary.key)), ...corrected]
      .map((summary) => ({ summary, identity: identityOf(summary.key), articles: summary.articleCount, mentions: summary.mentionCount }))
      .sort(compareEntities(request.sort))
      .slice(request.offset, request.offset + request.limit)
      .map(({ summary }) => summary);
    return { total: wide.total - replaced + corrected.length, entities };
  }

  entitySummary(key: string): EntitySummary | undefined {
    const entity = this.correctedEntity(key);
    if (entity) return this.summaryOf(entity);
    return this.fateOf(key) ? undefined : this.index.entitySummary(key);
  }

  entityArticles(key: string, limit?: number): readonly EntityArticle[] {
    const entity = this.correctedEntity(key);
    if (entity) return limit === undefined ? this.articlesOf(entity) : this.articlesOf(entity).slice(0, limit);
    return this.fateOf(key) ? [] : this.index.entityArticles(key, limit);
  }

  entityRoles(key: string): readonly { readonly role: string; readonly articles: number }[] {
    const entity = this.correctedEntity(key);
    if (!entity) return this.fateOf(key) ? [] : this.index.entityRoles(key);
    const merged = new Map<string, { role: string; articles: number }>();
    for (const { role, articles } of entity.members.flatMap((member) => this.index.entityRoles(member))) {
      const known = merged.get(role.toLowerCase());
      merged.set(role.toLowerCase(), { role: known?.role ?? role, articles: (known?.articles ?? 0) + articles });
    }
    return [...merged.values()].sort((a, b) => b.articles - a.articles || a.role.localeCompare(b.role));
  }

  entityTimeline(key: string): ReadonlyMap<string, number> {
    const entity = this.correctedEntity(key);
    if (!entity) return this.fateOf(key) ? new Map() : this.index.entityTimeline(key);
    let timeline = this.timelinesByKey.get(entity.key);
    if (timeline === undefined) {
      const months = new Map<string, number>();
      for (const { date, mentions } of this.articlesOf(entity)) {
        if (date !== undefined) months.set(monthOf(date), (months.get(monthOf(date)) ?? 0) + mentions);
      }
      timeline = new Map([...months].sort(([a], [b]) => a.localeCompare(b)));
      this.timelinesByKey.set(entity.key, timeline);
    }
    return timeline;
  }

  companions(key: string, limit: number): readonly Companion[] {
    // Worked out once: a hover card asks for companions, and an entry list can be long.
    const withAdded = (this.withAdded ??= this.allCorrected().filter((other) => other.added.length > 0));
    const entity = this.correctedEntity(key);
    const own = entity?.key ?? key;
    const members = entity ? entity.members : this.fateOf(key) ? [] : [key];
    // Two forms on either side may name the same articles ("Trump" and "Donald Trump" in one): their shared articles
    // do not add up (59 "shared" of Donald Trump's 57), so a merged entity's are counted article by article.
    if (withAdded.length > 0 || members.length > 1) return this.countedCompanions(own, limit);
    // More of the companions than asked: some merge, some are ignored.
    const merged = new Map<string, Companion>();
    for (const companion of members.flatMap((member) => this.index.companions(member, limit * 2))) {
      const fate = this.fateOf(companion.key);
      if (fate === 'ignored') continue;
      const target = fate ? { key: fate.entity.key, name: fate.entity.name, type: fate.entity.type } : companion;
      if (target.key === own) continue;
      // …and so are an entity's companions of which two merge into one.
      if (merged.has(target.key)) return this.countedCompanions(own, limit);
      merged.set(target.key, { ...target, articles: companion.articles });
    }
    return [...merged.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)).slice(0, limit);
  }

  entitiesOf(path: string): readonly EntityCount[] {
    const recounted = this.added().recount.counts.get(path);
    if (recounted) return [...recounted.values()].map(({ key, name, type, mentions }) => ({ key, name, type, mentions })).sort((a, b) => b.mentions - a.mentions);
    const id = this.paths.idOf(path);
    const counts = new Map<string, EntityCount>();
    const count = (target: Omit<EntityCount, 'mentions'>, mentions: number) => {
      counts.set(target.key, { key: target.key, name: target.name, type: target.type, mentions: (counts.get(target.key)?.mentions ?? 0) + mentions });
    };
    for (const found of this.index.entitiesOf(path)) {
      const fate = this.fateOf(found.key);
      if (fate === undefined) count(found, found.mentions);
      else if (fate !== 'ignored' && !fate.entity.ignoreIn.has(id)) count(fate.entity, found.mentions);
    }
    const { moved, gained } = this.splits();
    for (const [key, byPath] of moved) {
      const leaving = byPath.get(path) ?? 0;
      const known = counts.get(key);
      if (leaving === 0 || known === undefined) continue;
      if (known.mentions > leaving) counts.set(key, { ...known, mentions: known.mentions - leaving });
      else counts.delete(key);
    }
    for (const [key, byPath] of gained) {
      const arriving = byPath.get(path);
      const entity = this.correctedEntity(key);
      if (arriving && entity) count(entity, arriving.mentions);
    }
    return [...counts.values()].sort((a, b) => b.mentions - a.mentions);
  }

  article(path: string): ReturnType<IndexEntities['article']> {
    return this.index.article(path);
  }

  addedRecount(corrections: SearchCorrections): AddedIndexRecount {
    return this.index.addedRecount(corrections);
  }

  formCounter(forms: readonly string[]): (path: string) => readonly number[] {
    return this.index.formCounter(forms);
  }

  /**
   * Companions counted article by article, where the index's counts per entity cannot be added up: when names added
   * by the user take part (the index's entity terms do not know them), and when merged forms share articles. Counted
   * over the entity's newest {@link COMPANION_ARTICLES} articles (as the index counts its own), from each article's
   * entities as {@link entitiesOf} corrects them: a recounted article's as the recount gives them, so the engine names
   * an added name displaced there are not companions and the added one is, as in the Entities view. Worked out once
   * per entity: a hover card asks for them.
   */
  private countedCompanions(own: string, limit: number): Companion[] {
    let counted = this.companionsByKey.get(own);
    if (counted === undefined) {
      const counts = new Map<string, Companion>();
      for (const { path } of this.entityArticles(own, COMPANION_ARTICLES)) {
        for (const { key, name, type } of this.entitiesOf(path)) {
          if (key !== own) counts.set(key, { key, name, type, articles: (counts.get(key)?.articles ?? 0) + 1 });
        }
      }
      counted = [...counts.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
      this.companionsByKey.set(own, counted);
    }
    return counted.slice(0, limit);
  }

  /** The corrected entity (of a facts entry, a split-off form, or an engine entity added names displace) whose key is `key`. */
  private correctedEntity(key: string): CorrectedEntity | undefined {
    return this.corrections.entity(key) ?? this.splits().own.get(key) ?? this.added().displaced.get(key);
  }

  /** What the engine entity `key` becomes, split-off forms and displaced entities included. */
  private fateOf(key: string): EntityFate {
    const fate = this.corrections.fateOf(key);
    if (fate !== undefined) return fate;
    const own = this.splits().own.get(key) ?? this.added().displaced.get(key);
    return own && { entity: own };
  }

  /** Every corrected entity: the facts entries', the split-off forms' and the displaced engine entities not among those. */
  private allCorrected(): readonly CorrectedEntity[] {
    const { own } = this.splits();
    const displaced = [...this.added().displaced.values()].filter((entity) => !own.has(entity.key));
    return own.size + displaced.length === 0 ? this.corrections.entities() : [...this.corrections.entities(), ...own.values(), ...displaced];
  }

  private touchedKeys(): Iterable<string> {
    const keys = [...this.splits().own.keys(), ...this.added().displaced.keys()];
    return keys.length === 0 ? this.corrections.touchedKeys() : new Set([...this.corrections.touchedKeys(), ...keys]);
  }

  /**
   * The articles where names added by the user occur, recounted as one article is corrected ({@link recountArticles}),
   * and the engine entities that lose mentions there without a correction of their own, as corrected entities of one member.
   */
  private added(): NonNullable<CorrectedIndexEntities['addedView']> {
    if (this.addedView) return this.addedView;
    const { recount, articles } = this.index.addedRecount({ corrections: this.corrections, pathOf: (id) => this.paths.pathOf(id) });
    const displaced = new Map([...recount.displaced.values()].map(({ key, name, type }) => [key, { key, name, type, members: [key], split: [], ignoreIn: new Set<string>(), added: [] }]));
    this.addedView = { recount, articles, displaced };
    return this.addedView;
  }

  /** `articles` (of the entity `key`, newest first) with the recounted articles' answers for it in place of the index's. */
  private withRecount(key: string, articles: readonly EntityArticle[]): readonly EntityArticle[] {
    const { recount, articles: recounted } = this.added();
    const replaced = recount.involved.get(key);
    if (replaced === undefined) return articles;
    const counted = [...replaced].flatMap((path) => {
      const mentions = recount.counts.get(path)?.get(key)?.mentions ?? 0;
      const article = recounted.get(path);
      return article === undefined || mentions === 0 ? [] : [{ ...article, mentions }];
    });
    return mergeNewestFirst([articles.filter((article) => !replaced.has(article.path)), counted.sort(newestFirst)]);
  }

  private splits(): SplitView {
    this.splitView ??= indexSplitView(this.index, this.corrections, this.paths);
    return this.splitView;
  }

  /** The corrected entity's articles, newest first: members' merged, ignored articles out, the recounted ones as recounted. */
  private articlesOf(entity: CorrectedEntity): readonly EntityArticle[] {
    let articles = this.articlesByKey.get(entity.key);
    if (articles === undefined) {
      const [only, ...others] = entity.members;
      const leaving = this.splits().moved.get(entity.key);
      const arriving = this.splits().gained.get(entity.key);
      const moves = (leaving?.size ?? 0) + (arriving?.size ?? 0) > 0;
      // A rename or a retype alone: the one member's articles as the index gives them.
      const indexed = only !== undefined && others.length === 0 && entity.ignoreIn.size === 0 && !moves ? this.index.entityArticles(only) : this.mergedArticles(entity, leaving, arriving);
      // The articles where added names occur, added names' own entities included, are as the recount says.
      articles = this.withRecount(entity.key, indexed);
      this.articlesByKey.set(entity.key, articles);
    }
    return articles;
  }

  private mergedArticles(entity: CorrectedEntity, leaving: ReadonlyMap<string, number> = new Map(), arriving: ReadonlyMap<string, EntityArticle> = new Map()): readonly EntityArticle[] {
    let articles = mergeNewestFirst(entity.members.map((member) => this.index.entityArticles(member)));
    if (leaving.size > 0) {
      articles = articles.flatMap((article) => {
        const mentions = article.mentions - (leaving.get(article.path) ?? 0);
        return mentions <= 0 ? [] : [mentions === article.mentions ? article : { ...article, mentions }];
      });
    }
    if (arriving.size > 0) articles = mergeNewestFirst([articles, [...arriving.values()].sort(newestFirst)]);
    if (entity.ignoreIn.size === 0) return articles;
    const ignored = new Set([...entity.ignoreIn].map((id) => this.paths.pathOf(id)));
    return articles.filter((article) => !ignored.has(article.path));
  }

  /**
   * The corrected entity's other names: its members' and its added names, its split forms aside. Where the recount
   * read its articles, a member's name that none of its mentions there is written as any more (an added name took
   * them all) stays only if an article of the entity the recount did not read holds it in its words, as the
   * article's own view lists only the names its mentions are written as.
   */
  private aliasesOf(entity: CorrectedEntity): readonly string[] {
    const known = this.aliasesByKey.get(entity.key);
    if (known !== undefined) return known;
    const forms = new Set(entity.members.flatMap((member) => {
      const engine = this.index.entitySummary(member);
      return engine ? [engine.name, ...engine.aliases] : [];
    }));
    const added = new Set(entity.added.map(({ name }) => name));
    for (const name of added) forms.add(name);
    forms.delete(entity.name);
    let aliases = [...forms].filter((form) => !entity.split.includes(nameIdentity(form)));
    const recounted = this.added().recount.involved.get(entity.key);
    if (recounted !== undefined) {
      const { counts } = this.added().recount;
      const written = new Set([...recounted].flatMap((path) => counts.get(path)?.get(entity.key)?.aliases ?? []));
      const doubtful = aliases.filter((alias) => !written.has(alias) && !added.has(alias));
      const elsewhere = this.wordsHold(doubtful, this.articlesOf(entity).filter((article) => !recounted.has(article.path)));
      aliases = aliases.filter((alias) => !doubtful.includes(alias) || elsewhere.has(alias));
    }
    this.aliasesByKey.set(entity.key, aliases);
    return aliases;
  }

  /** Which of `forms` the words of `articles` hold, read until all are found. */
  private wordsHold(forms: readonly string[], articles: readonly EntityArticle[]): Set<string> {
    const found = new Set<string>();
    if (forms.length === 0) return found;
    const count = this.index.formCounter(forms);
    for (const { path } of articles) {
      count(path).forEach((times, i) => {
        const form = forms[i];
        if (times > 0 && form !== undefined) found.add(form);
      });
      if (found.size === forms.length) break;
    }
    return found;
  }

  private summaryOf(entity: CorrectedEntity): EntitySummary | undefined {
    const articles = this.articlesOf(entity);
    if (articles.length === 0) return undefined;
    const dates = articles.flatMap(({ date }) => (date === undefined ? [] : [date]));
    const summary: EntitySummary = {
      key: entity.key,
      name: entity.name,
      type: entity.type,
      aliases: this.aliasesOf(entity),
      articleCount: articles.length,
      mentionCount: articles.reduce((sum, article) => sum + article.mentions, 0),
    };
    // Newest first, undated last: the first dated article is the latest.
    const lastDate = dates[0];
    const firstDate = dates[dates.length - 1];
    return firstDate === undefined || lastDate === undefined ? summary : { ...summary, firstDate, lastDate };
  }
}
