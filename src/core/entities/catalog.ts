import { isAllCaps, nameIdentity } from './names';
import { ArticleEntity, EntityType } from './types';

/**
 * One entity of the corpus, as shown to users.
 *
 * @example
 * const kim: CatalogEntity = { key: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', aliases: ['Kim', 'Kim Jong-Un'], mentionCount: 9, articleCount: 2 };
 */
export interface CatalogEntity {
  /** Corpus-wide identity: type and name identity ("PER:kim jong-un"). */
  readonly key: string;
  /** The most frequent full form across the corpus ("Kim Jong-un" over "Kim Jong-Un"). */
  readonly name: string;
  readonly type: EntityType;
  /** Every other form the corpus uses for it (case variants, short forms), sorted. */
  readonly aliases: readonly string[];
  readonly mentionCount: number;
  readonly articleCount: number;
}

/**
 * One mention of an entity in the corpus.
 *
 * @example
 * const mention: CatalogMention = { articleId: 'news/003.txt', start: 120, end: 131 };
 */
export interface CatalogMention {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
}

interface Entry {
  readonly key: string;
  readonly type: EntityType;
  /** Written form → number of mentions in the corpus. */
  readonly forms: Map<string, number>;
  /** Alias → number of articles that use it. */
  readonly aliases: Map<string, number>;
  readonly articles: Map<string, ArticleEntity>;
  mentionCount: number;
}

/** Larger than any mention count, so that a form in capitals only is displayed only when there is no other. */
const ALL_CAPS_PENALTY = 2 ** 40;

function increment<K>(map: Map<K, number>, key: K, by: number): void {
  const value = (map.get(key) ?? 0) + by;
  if (value <= 0) map.delete(key);
  else map.set(key, value);
}

/**
 * The entities of a whole corpus, kept up to date article by article: `add` and `remove` cost time in
 * proportion to the article's own entities, never to the corpus, so a live index over 100,000
 * articles can call them on every file change. Entities are merged across articles by `key` only: a
 * short form that is ambiguous across the corpus ("Kim") was already resolved inside each article by
 * `extractArticleEntities`, and is never merged globally.
 *
 * @example
 * const catalog = new EntityCatalog();
 * catalog.add('seed-1.txt', extractArticleEntities(recognizer, text1));
 * catalog.add('seed-2.txt', extractArticleEntities(recognizer, text2));
 * catalog.entity('PER:kim jong-un'); // { name: 'Kim Jong-un', aliases: ['Kim', 'Kim Jong-Un'], articleCount: 2, … }
 * catalog.find('kim');               // [the Kim Jong-un entity]
 */
export class EntityCatalog {
  private readonly entries = new Map<string, Entry>();
  private readonly byArticle = new Map<string, readonly ArticleEntity[]>();
  /** Lower-case name or alias → key → how many articles use that name for that key. */
  private readonly byName = new Map<string, Map<string, number>>();

  /** Number of entities in the corpus. */
  get size(): number {
    return this.entries.size;
  }

  /** Number of articles added. */
  get articleCount(): number {
    return this.byArticle.size;
  }

  /** Adds (or replaces) the entities of one article. */
  add(articleId: string, entities: readonly ArticleEntity[]): void {
    this.remove(articleId);
    this.byArticle.set(articleId, entities);
    for (const entity of entities) {
      let entry = this.entries.get(entity.key);
      if (!entry) {
        entry = { key: entity.key, type: entity.type, forms: new Map(), aliases: new Map(), articles: new Map(), mentionCount: 0 };
        this.entries.set(entity.key, entry);
      }
      this.apply(entry, articleId, entity, 1);
    }
  }

  /** Removes the entities of one article (nothing when it was never added). */
  remove(articleId: string): void {
    const entities = this.byArticle.get(articleId);
    if (!entities) return;
    this.byArticle.delete(articleId);
    for (const entity of entities) {
      const entry = this.entries.get(entity.key);
      if (!entry) continue;
      this.apply(entry, articleId, entity, -1);
      if (entry.articles.size === 0) this.entries.delete(entity.key);
    }
  }

  private apply(entry: Entry, articleId: string, entity: ArticleEntity, sign: 1 | -1): void {
    if (sign === 1) entry.articles.set(articleId, entity);
    else entry.articles.delete(articleId);
    entry.mentionCount += sign * entity.mentions.length;
    for (const form of entity.forms) increment(entry.forms, form.text, sign * form.count);
    for (const alias of entity.aliases) increment(entry.aliases, alias, sign);
    for (const name of new Set([entity.name, ...entity.aliases].map((text) => text.toLowerCase()))) {
      const keys = this.byName.get(name) ?? new Map<string, number>();
      increment(keys, entry.key, sign);
      if (keys.size === 0) this.byName.delete(name);
      else this.byName.set(name, keys);
    }
  }

  private snapshot(entry: Entry): CatalogEntity {
    const identity = entry.key.slice(entry.key.indexOf(':') + 1);
    let name = '';
    let best = -1;
    for (const [form, count] of entry.forms) {
      if (nameIdentity(form) !== identity) continue; // short forms never become the display name
      // A headline's capitals are typography, not a spelling: any other form is displayed first.
      const score = count + (isAllCaps(form) ? 0 : ALL_CAPS_PENALTY);
      if (score > best || (score === best && form < name)) {
        name = form;
        best = score;
      }
    }
    if (name === '') name = [...entry.articles.values()][0]?.name ?? identity;
    const aliases = new Set([...entry.forms.keys(), ...entry.aliases.keys()]);
    aliases.delete(name);
    return {
      key: entry.key,
      name,
      type: entry.type,
      aliases: [...aliases].sort(),
      mentionCount: entry.mentionCount,
      articleCount: entry.articles.size,
    };
  }

  /** The entity with this key, or undefined. */
  entity(key: string): CatalogEntity | undefined {
    const entry = this.entries.get(key);
    return entry ? this.snapshot(entry) : undefined;
  }

  /** Every entity, most widespread first (then by name). */
  entities(): CatalogEntity[] {
    return [...this.entries.values()]
      .map((entry) => this.snapshot(entry))
      .sort((a, b) => b.articleCount - a.articleCount || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  }

  /** The merged entities of one article, as added (empty for an unknown article). */
  entitiesOf(articleId: string): readonly ArticleEntity[] {
    return this.byArticle.get(articleId) ?? [];
  }

  /** The ids of the articles that mention the entity, in the order they were added. */
  articlesOf(key: string): string[] {
    return [...(this.entries.get(key)?.articles.keys() ?? [])];
  }

  /** Every mention of the entity, article by article. */
  mentionsOf(key: string): CatalogMention[] {
    const mentions: CatalogMention[] = [];
    for (const [articleId, entity] of this.entries.get(key)?.articles ?? []) {
      for (const { start, end } of entity.mentions) mentions.push({ articleId, start, end });
    }
    return mentions;
  }

  /** The entities whose name or an alias is `name`, case-insensitively, most widespread first. */
  find(name: string): CatalogEntity[] {
    const keys = this.byName.get(name.trim().toLowerCase());
    if (!keys) return [];
    return [...keys.keys()]
      .map((key) => this.entity(key))
      .filter((entity): entity is CatalogEntity => entity !== undefined)
      .sort((a, b) => b.articleCount - a.articleCount || a.name.localeCompare(b.name));
  }
}
