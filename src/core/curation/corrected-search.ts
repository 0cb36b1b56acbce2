import { nameIdentity, withoutLeadingThe } from '../entities/names';
import { EntityType } from '../entities/types';
import { DocStore } from '../search/doc-store';
import { EntityInfo, EntityTable } from '../search/entity-table';
import { PostingList, packCounts } from '../search/postings';
import { TermDictionary } from '../search/term-dictionary';
import { tokenize } from '../search/tokenize';
import { AddedRecount, IndexedArticleEntity, recountArticles } from './added-recount';
import { CorrectedEntity, EntityCorrections } from './entity-corrections';
import { docsWithWordsOf } from './exact-name';
import { EntitySplit, SplitSource, docFormCounter, splitEntity } from './split-forms';

/**
 * What a search needs to apply the corrections: the corrections, and how an article id becomes the index's path.
 *
 * @example
 * index.search('person:Putin', { corrections: { corrections, pathOf: (id) => fileURLToPath(id) } });
 */
export interface SearchCorrections {
  readonly corrections: EntityCorrections;
  pathOf(id: string): string;
}

/**
 * An entity a filter such as `person:Putin` matches, as postings to match against: one list group per
 * engine entity (or added name), and the forms to highlight.
 *
 * @example
 * const match: EntityMatch = { postings: [[mainList, deltaList]], forms: ['Vladimir Putin', 'Putin'] };
 */
export interface EntityMatch {
  readonly postings: readonly (readonly PostingList[])[];
  readonly forms: readonly string[];
}

/**
 * What the search reads of the index to match an entity filter.
 *
 * @example
 * const source: EntitySearchSource = { dictionary, entities, store, lists: (term) => [main.list(term), delta.list(term)] };
 */
export interface EntitySearchSource {
  readonly dictionary: TermDictionary;
  readonly entities: EntityTable;
  readonly store: DocStore;
  lists(term: number): PostingList[];
}

/**
 * The entities an entity filter names, as the engine knows them: by every word of `name` in a name or
 * alias, or (`exact`) by the name itself; of `type` when given.
 *
 * @example
 * engineEntityMatches({ name: 'Putin', entityType: 'PER' }, source); // [{ postings: [[…]], forms: ['Vladimir Putin', 'Putin'] }]
 */
export function engineEntityMatches(atom: { readonly name: string; readonly entityType?: EntityType; readonly exact?: boolean }, source: EntitySearchSource): EntityMatch[] {
  const found = atom.exact ? source.entities.findExact(atom.name, atom.entityType) : source.entities.find(atom.name, atom.entityType);
  return found.map((info) => ({ postings: [source.lists(info.term)], forms: [info.name, ...info.aliases] }));
}

/** A list of the postings of `lists` whose document is not in `without`, as one list. */
function listWithout(lists: readonly PostingList[], without: ReadonlySet<number>): PostingList {
  const docs: number[] = [];
  const counts: number[] = [];
  for (const list of lists) {
    for (let i = list.start; i < list.end; i++) {
      const doc = list.docs[i] ?? 0;
      if (without.has(doc)) continue;
      docs.push(doc);
      counts.push(list.counts[i] ?? 0);
    }
  }
  const order = docs.map((_, i) => i).sort((a, b) => (docs[a] ?? 0) - (docs[b] ?? 0));
  return { docs: Uint32Array.from(order, (i) => docs[i] ?? 0), counts: Uint32Array.from(order, (i) => counts[i] ?? 0), start: 0, end: docs.length };
}

/** The documents of the index as a split reads them: an engine entity's forms, its live postings with their mentions, and forms counted in a document's words. */
function docSplitSource(source: EntitySearchSource): SplitSource<number> {
  return {
    forms: (key) => {
      const info = source.entities.get(key);
      return info ? [info.name, ...info.aliases] : [];
    },
    articles: (key) => {
      const info = source.entities.get(key);
      const found: { article: number; mentions: number }[] = [];
      if (info === undefined) return found;
      for (const { docs, counts, start, end } of source.lists(info.term)) {
        for (let i = start; i < end; i++) {
          const doc = docs[i] ?? 0;
          if (source.store.isLive(doc)) found.push({ article: doc, mentions: source.store.entityMentions(doc, info.term, counts[i] ?? 0) });
        }
      }
      return found;
    },
    formCounter: (forms) => docFormCounter(source.store, (word) => source.dictionary.id(word), forms),
  };
}

/** Values worked out by a key (a corrected entity, the corrections) and by document store, with the store's size then. */
type StoreCache<K extends object, V> = WeakMap<K, WeakMap<object, { readonly count: number; readonly live: number; readonly value: V }>>;

/**
 * `cache`'s value for `key` and `store`, made by `make` when there is none or the store changed size since (a
 * store only grows, and a removal lowers its live count: the same sizes are the same contents).
 */
function cachedFor<K extends object, V>(cache: StoreCache<K, V>, key: K, store: EntitySearchSource['store'], make: () => V): V {
  const byStore = cache.get(key) ?? new WeakMap<object, { count: number; live: number; value: V }>();
  cache.set(key, byStore);
  const known = byStore.get(store);
  if (known && known.count === store.count && known.live === store.liveCount) return known.value;
  const value = make();
  byStore.set(store, { count: store.count, live: store.liveCount, value });
  return value;
}

/**
 * Splits worked out, by corrected entity and by document store: each query with a filter on a split entity would
 * otherwise read its articles again. A change of the facts makes new corrected entities, a change of the store new sizes.
 */
const splits: StoreCache<CorrectedEntity, EntitySplit<number>> = new WeakMap();

function splitOf(entity: CorrectedEntity, source: EntitySearchSource): EntitySplit<number> {
  return cachedFor(splits, entity, source.store, () => splitEntity(entity, docSplitSource(source)));
}

/** One posting list of the documents of `mentions`, each with its mentions as entity-field counts. */
function listOf(mentions: ReadonlyMap<number, number>): PostingList {
  const docs = [...mentions.keys()].sort((a, b) => a - b);
  return { docs: Uint32Array.from(docs), counts: Uint32Array.from(docs, (doc) => packCounts(0, 0, mentions.get(doc) ?? 0)), start: 0, end: docs.length };
}

/** The postings of the corrected entity: its members' (without its ignored articles, nor those a split takes whole); the recount adds its added names' occurrences. */
function correctedMatch(entity: CorrectedEntity, source: EntitySearchSource, search: SearchCorrections): EntityMatch {
  const without = new Set<number>();
  for (const id of entity.ignoreIn) {
    const doc = source.store.docOf(search.pathOf(id));
    if (doc !== undefined) without.add(doc);
  }
  const emptied = entity.split.length === 0 ? new Map<string, ReadonlySet<number>>() : splitOf(entity, source).emptied;
  const members = entity.members.flatMap((member) => source.entities.get(member) ?? []);
  const postings = members.map((info) => {
    const gone = emptied.get(info.key);
    const skipped = gone === undefined ? without : new Set([...without, ...gone]);
    return skipped.size === 0 ? source.lists(info.term) : [listWithout(source.lists(info.term), skipped)];
  });
  const forms = members.flatMap((info: EntityInfo) => [info.name, ...info.aliases]).filter((form) => !entity.split.includes(nameIdentity(form)));
  return { postings, forms: [entity.name, ...forms, ...entity.added.map((added) => added.name)] };
}

/**
 * The live documents where a name added by the user may occur (of every entry, those with all its words; the
 * listed articles only for `addIn`): the recount reads each one's text once and skips those where none does.
 */
function addedDocs(source: EntitySearchSource, search: SearchCorrections): Set<number> {
  const found = new Set<number>();
  const lookup = { termId: (word: string) => source.dictionary.id(word), lists: (term: number) => source.lists(term), isLive: (doc: number) => source.store.isLive(doc) };
  for (const added of search.corrections.entities().flatMap((entity) => entity.added)) {
    if (added.everywhere) for (const doc of docsWithWordsOf(added.name, lookup)) found.add(doc);
    for (const id of added.articles) {
      const doc = source.store.docOf(search.pathOf(id));
      if (doc !== undefined && source.store.isLive(doc)) found.add(doc);
    }
  }
  return found;
}

/** The documents where added names occur, recounted, by corrections and by document store: each query with an entity filter, and the Entities view, would otherwise recount them. */
const recounts: StoreCache<EntityCorrections, AddedRecount<number>> = new WeakMap();

/**
 * The documents of `source` where names the user added occur, recounted one by one ({@link recountArticles}), by
 * document number: worked out once per corrections and index contents, for the entity filters and the Entities view alike.
 *
 * @example
 * addedRecountOf(source, { corrections, pathOf }).counts.get(12)?.get('ORG:science and education')?.mentions; // 1
 */
export function addedRecountOf(source: EntitySearchSource, search: SearchCorrections): AddedRecount<number> {
  return cachedFor(recounts, search.corrections, source.store, () => recountAdded(source, search));
}

/** The recount of {@link addedRecountOf}, worked out anew. */
function recountAdded(source: EntitySearchSource, search: SearchCorrections): AddedRecount<number> {
  // The corrections name articles by id; a document no correction names needs none.
  const ids = new Map<string, string>();
  for (const entity of search.corrections.entities()) {
    for (const id of [...entity.ignoreIn, ...entity.added.flatMap((added) => [...added.articles])]) ids.set(search.pathOf(id), id);
  }
  return recountArticles(search.corrections, addedDocs(source, search), {
    text: (doc) => source.store.text(doc),
    entities: (doc) => {
      const pairs = source.store.entityField(doc);
      const found: IndexedArticleEntity[] = [];
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const info = source.entities.byTermId(pairs[i] ?? 0);
        if (info) found.push({ key: info.key, name: info.name, type: info.type, aliases: info.aliases, mentions: pairs[i + 1] ?? 0 });
      }
      return found;
    },
    id: (doc) => ids.get(source.store.paths[doc] ?? ''),
  });
}

/** The match of the entity `key` with the recounted documents' mentions of it in place of the index's. */
function withRecount(key: string, match: EntityMatch, recount: AddedRecount<number>): EntityMatch {
  const replaced = recount.involved.get(key);
  if (replaced === undefined) return match;
  const counted = new Map<number, number>();
  for (const doc of replaced) {
    const mentions = recount.counts.get(doc)?.get(key)?.mentions ?? 0;
    if (mentions > 0) counted.set(doc, mentions);
  }
  return { postings: [...match.postings.map((lists) => [listWithout(lists, replaced)]), [listOf(counted)]], forms: match.forms };
}

/** Whether the corrected entity's own name answers the filter (a renamed or retyped entity the engine never wrote so). */
function namesEntity(entity: Pick<CorrectedEntity, 'key' | 'name'>, atom: { readonly name: string; readonly exact?: boolean }): boolean {
  if (atom.exact) return nameIdentity(atom.name) === entity.key.slice(entity.key.indexOf(':') + 1);
  const own = new Set(tokenize(entity.name).map((token) => token.term));
  const wanted = tokenize(withoutLeadingThe(atom.name)).map((token) => token.term);
  return wanted.length > 0 && wanted.every((word) => own.has(word));
}

/**
 * The entities an entity filter names once the corrections apply: the engine's matches of any type mapped
 * to what they became (ignored ones dropped, merged ones as their corrected entity, with all its members'
 * articles but its ignored ones), plus the corrected entities whose own name answers; then only those of the
 * filter's type. The documents where added names occur answer as recounted one by one ({@link recountArticles}):
 * an added name's entity is there, and an engine entity whose every mention there an added name took is not.
 *
 * @example
 * correctedEntityMatches({ name: 'Putin', entityType: 'PER' }, source, search); // Vladimir Putin, with "V. Putin"'s articles too
 */
export function correctedEntityMatches(atom: { readonly name: string; readonly entityType?: EntityType; readonly exact?: boolean }, source: EntitySearchSource, search: SearchCorrections): EntityMatch[] {
  const { corrections } = search;
  const matches = new Map<string, EntityMatch>();
  const wanted = (type: EntityType) => atom.entityType === undefined || atom.entityType === type;
  const engine = atom.exact ? source.entities.findExact(atom.name) : source.entities.find(atom.name);
  const corrected = new Set(corrections.entities().filter((entity) => wanted(entity.type) && namesEntity(entity, atom)));
  for (const info of engine) {
    const fate = corrections.fateOf(info.key);
    if (fate === undefined && wanted(info.type)) matches.set(info.key, { postings: [source.lists(info.term)], forms: [info.name, ...info.aliases] });
    else if (fate !== undefined && fate !== 'ignored' && wanted(fate.entity.type)) corrected.add(fate.entity);
  }
  for (const entity of corrected) matches.set(entity.key, correctedMatch(entity, source, search));
  addSplitOffs(atom, source, search, matches);
  const recount = addedRecountOf(source, search);
  return [...matches].map(([key, match]) => withRecount(key, match, recount));
}

/**
 * Adds to `matches` (by corrected key) the articles forms split off other entities take, for each split-off
 * form whose entity (its facts entry's, else its own) is of the filter's type and is already matched or named
 * by the filter: a split-off form no entry claims is an entity of its own name.
 */
function addSplitOffs(atom: { readonly name: string; readonly entityType?: EntityType; readonly exact?: boolean }, source: EntitySearchSource, search: SearchCorrections, matches: Map<string, EntityMatch>): void {
  for (const entity of search.corrections.entities()) {
    for (const identity of entity.split) {
      const key = `${entity.type}:${identity}`;
      const fate = search.corrections.fateOf(key);
      if (fate === 'ignored') continue;
      const target = fate?.entity ?? { key, name: identity, type: entity.type };
      if ((atom.entityType !== undefined && atom.entityType !== target.type) || !(matches.has(target.key) || namesEntity(target, atom))) continue;
      const off = splitOf(entity, source).off.find((found) => found.entity.key === key);
      if (off === undefined) continue;
      const known = matches.get(target.key);
      matches.set(target.key, { postings: [...(known?.postings ?? []), [listOf(off.articles)]], forms: [...(known?.forms ?? []), off.entity.name] });
    }
  }
}
