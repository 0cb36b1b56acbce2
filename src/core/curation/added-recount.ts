import { ArticleEntity, EntityType } from '../entities/types';
import type { EntityArticle } from '../search/corpus-index';
import { TermTable } from '../search/term-table';
import { forEachTermId } from '../search/tokenize';
import { addedOccurrences, correctArticleEntities, overlaps } from './article-corrections';
import type { EntityCount } from './corrected-entities';
import { EntityCorrections } from './entity-corrections';

/**
 * An engine entity of one article as an index keeps it: who it is, its written names (name and aliases) and its
 * number of mentions there, without their positions.
 *
 * @example
 * const found: IndexedArticleEntity = { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'], mentions: 3 };
 */
export interface IndexedArticleEntity {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly mentions: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function overlapsAny(span: Span, others: readonly Span[]): boolean {
  return others.some((other) => overlaps(span, other));
}

/** An occurrence of an entity's name in an article's words: the entity's position in its list, and the words' range, `last` included. */
interface Occurrence {
  readonly entity: number;
  readonly first: number;
  readonly last: number;
}

/**
 * Term ids for the words of names and texts, kept across the articles of one recount (the same names come back
 * article after article, and most words of a text are already numbered): a text's words are then numbers to
 * compare, not strings to build, which was most of a recount's time. Passed to {@link placeMentions} by a recount
 * of many articles; one article alone needs none.
 *
 * @example
 * const words = new RecountWords();
 * for (const { text, entities } of articles) placeMentions(text, entities, [], words);
 */
export class RecountWords {
  private readonly table = new TermTable();
  /** Each entity's names' term ids, by key: an entity's names are the same in every article. */
  private readonly names = new Map<string, readonly (readonly number[])[]>();
  private marks = new Uint8Array(0);
  /** The last text's words: term id, start and end, the first `count` of them. */
  ids = new Int32Array(0);
  starts = new Int32Array(0);
  ends = new Int32Array(0);
  count = 0;

  /** The term ids of the words of each of an entity's names (case and accents aside), those with words. */
  namesOf(entity: IndexedArticleEntity): readonly (readonly number[])[] {
    let ids = this.names.get(entity.key);
    if (ids === undefined) {
      ids = [entity.name, ...entity.aliases]
        .map((name) => {
          const found: number[] = [];
          forEachTermId(name, 0, name.length, this.table, (id) => found.push(id));
          return found;
        })
        .filter((terms) => terms.length > 0);
      this.names.set(entity.key, ids);
    }
    return ids;
  }

  /** A mark (1) for each of `firsts` by term id, long enough for every id read so far; the caller clears it. */
  startMarks(firsts: Iterable<number>): Uint8Array {
    if (this.marks.length < this.table.terms.length) this.marks = new Uint8Array(2 * this.table.terms.length);
    for (const first of firsts) this.marks[first] = 1;
    return this.marks;
  }

  /** Reads `text`'s words into {@link ids}, {@link starts} and {@link ends}. */
  read(text: string): void {
    // A text has fewer words than half its characters, plus one.
    const room = (text.length >> 1) + 1;
    if (this.ids.length < room) {
      this.ids = new Int32Array(2 * room);
      this.starts = new Int32Array(2 * room);
      this.ends = new Int32Array(2 * room);
    }
    this.count = 0;
    forEachTermId(text, 0, text.length, this.table, (id, start, end) => {
      this.ids[this.count] = id;
      this.starts[this.count] = start;
      this.ends[this.count++] = end;
    });
  }
}

/** Whether the first `count` of `ids` hold `terms` in a row from `at`. */
function startsAt(ids: Int32Array, count: number, at: number, terms: readonly number[]): boolean {
  if (at + terms.length > count) return false;
  for (let k = 0; k < terms.length; k++) if (ids[at + k] !== terms[k]) return false;
  return true;
}

/**
 * Where each entity's names (`names[entity]`, as term ids) occur in the words last read, in one pass: for each
 * entity, at each word its longest name starting there, its scan going on after it.
 */
function occurrencesIn(words: RecountWords, names: readonly (readonly (readonly number[])[])[]): Occurrence[] {
  const byFirst = new Map<number, { entity: number; terms: readonly number[] }[]>();
  names.forEach((sequences, entity) => {
    for (const terms of sequences) {
      const first = terms[0];
      if (first === undefined) continue;
      const starting = byFirst.get(first) ?? [];
      starting.push({ entity, terms });
      byFirst.set(first, starting);
    }
  });
  for (const starting of byFirst.values()) starting.sort((a, b) => b.terms.length - a.terms.length);
  // Most words start no name: a look-up by id in an array, not in the map, passes them by.
  const starts = words.startMarks(byFirst.keys());
  const resumes = names.map(() => 0);
  const found: Occurrence[] = [];
  const { ids, count } = words;
  for (let at = 0; at < count; at++) {
    if (starts[ids[at] ?? 0] !== 1) continue;
    for (const { entity, terms } of byFirst.get(ids[at] ?? 0) ?? []) {
      if (at < (resumes[entity] ?? 0) || !startsAt(ids, count, at, terms)) continue;
      found.push({ entity, first: at, last: at + terms.length - 1 });
      resumes[entity] = at + terms.length;
    }
  }
  for (const first of byFirst.keys()) starts[first] = 0;
  return found;
}

/**
 * The engine's entities of one article rebuilt from what an index keeps (each entity's number of mentions and its
 * names) and the article's text. The occurrences of the entities' names (whole words, case and accents aside) are
 * laid out as the recogniser's mentions lie, never crossing: the longest first, then in text order (two entities may
 * share the very same words). Each entity's mentions go on its own occurrences, those no span of `avoid` overlaps
 * first. A mention the words do not place (a name the index does not list) is put, empty, at the end of the text,
 * where nothing overlaps it. Exact when the engine named every occurrence of its names; otherwise the mentions an
 * added name takes are the fewest the words allow. `words` may number words across articles.
 *
 * @example
 * placeMentions('Science and Education of the Workers’ Party Central Committee met.', [committee, party], []); // the committee's mention on all of it, none for the party
 */
export function placeMentions(text: string, entities: readonly IndexedArticleEntity[], avoid: readonly Span[], words = new RecountWords()): ArticleEntity[] {
  words.read(text);
  const names = entities.map((entity) => words.namesOf(entity));
  const occurrences = occurrencesIn(words, names).sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  // Which laid occurrence holds each word: an occurrence is laid unless it crosses one (the very same words aside).
  const holder = new Int32Array(words.count).fill(-1);
  const own = entities.map((): Span[] => []);
  occurrences.forEach((occurrence, i) => {
    for (let at = occurrence.first; at <= occurrence.last; at++) {
      const other = occurrences[holder[at] ?? -1];
      if (other !== undefined && (other.first !== occurrence.first || other.last !== occurrence.last)) return;
    }
    for (let at = occurrence.first; at <= occurrence.last; at++) if (holder[at] === -1) holder[at] = i;
    own[occurrence.entity]?.push({ start: words.starts[occurrence.first] ?? 0, end: words.ends[occurrence.last] ?? 0 });
  });
  return entities.map(({ key, name, type, aliases, mentions }, entity) => {
    const spans = (own[entity] ?? []).sort((a, b) => a.start - b.start);
    const placed = [...spans.filter((span) => !overlapsAny(span, avoid)), ...spans.filter((span) => overlapsAny(span, avoid))].slice(0, mentions);
    const unplaced = Array.from({ length: mentions - placed.length }, () => ({ start: text.length, end: text.length }));
    return { key, name, type, aliases, mentions: [...placed, ...unplaced].sort((a, b) => a.start - b.start), forms: [] };
  });
}

/**
 * What {@link recountArticles} reads of an index about one of its articles (of type `A`: a path, or a document
 * number): its text, its engine entities, and its id as the corrections name articles (undefined when no correction names it).
 *
 * @example
 * const source: RecountSource<string> = { text: (path) => index.article(path)?.text ?? '', entities: (path) => …, id: (path) => paths.idOf(path) };
 */
export interface RecountSource<A> {
  text(article: A): string;
  entities(article: A): readonly IndexedArticleEntity[];
  id(article: A): string | undefined;
}

/**
 * A corrected entity of one recounted article: its number of mentions there, and the other names those mentions are
 * written as (a spelling all of whose mentions an added name took is none of them).
 *
 * @example
 * const counted: RecountedEntity = { key: 'PER:robert brown', name: 'Robert Brown', type: 'PER', mentions: 2, aliases: ['Brown'] };
 */
export interface RecountedEntity extends EntityCount {
  readonly aliases: readonly string[];
}

/**
 * The articles where names added by the user occur, recounted as {@link correctArticleEntities} corrects one
 * article: `counts` holds each one's corrected entities; `involved`, by corrected key, the recounted articles whose
 * index-level answer for that key the recount replaces; `displaced`, the engine entities that no correction names but
 * that lose mentions to added names (an index lists them as they are elsewhere).
 *
 * @example
 * const recount: AddedRecount<string> = { counts: new Map([['a.txt', new Map([['ORG:science and education', scienceAndEducation]])]]),
 *   involved: new Map([['ORG:science and education', new Set(['a.txt'])], [committee.key, new Set(['a.txt'])]]), displaced: new Map([[committee.key, committee]]) };
 */
export interface AddedRecount<A> {
  readonly counts: ReadonlyMap<A, ReadonlyMap<string, RecountedEntity>>;
  readonly involved: ReadonlyMap<string, ReadonlySet<A>>;
  readonly displaced: ReadonlyMap<string, Omit<EntityCount, 'mentions'>>;
}

/**
 * An index's recount of the articles where added names occur, by path, with each recounted article's title and date
 * (its mentions 0: the recount counts them).
 *
 * @example
 * const found: AddedIndexRecount = { recount, articles: new Map([['a.txt', { path: 'a.txt', title: 'Plenum', date: '2026-12-01', mentions: 0 }]]) };
 */
export interface AddedIndexRecount {
  readonly recount: AddedRecount<string>;
  readonly articles: ReadonlyMap<string, EntityArticle>;
}

/** The keys forms split off corrected entities go to: the form's engine key, and what the corrections make of it. */
function splitTargets(corrections: EntityCorrections): Set<string> {
  const targets = new Set<string>();
  for (const entity of corrections.entities()) {
    for (const identity of entity.split) {
      const key = `${entity.type}:${identity}`;
      const fate = corrections.fateOf(key);
      targets.add(key);
      if (fate !== undefined && fate !== 'ignored') targets.add(fate.entity.key);
    }
  }
  return targets;
}

/**
 * Recounts `articles` (candidates: those where no added name occurs are skipped) one by one from the index: their engine entities placed
 * on the text ({@link placeMentions}), then corrected as one article is. An engine entity no correction names is
 * involved only where its count changes; a corrected entity where it is named, and one a split form goes to in every
 * recounted article.
 *
 * @example
 * recountArticles(corrections, ['seed-000.txt'], source).displaced.has(committee.key); // true: "Science and Education" took its one mention
 */
export function recountArticles<A>(corrections: EntityCorrections, articles: Iterable<A>, source: RecountSource<A>): AddedRecount<A> {
  const counts = new Map<A, ReadonlyMap<string, RecountedEntity>>();
  const involved = new Map<string, Set<A>>();
  const displaced = new Map<string, Omit<EntityCount, 'mentions'>>();
  const targets = splitTargets(corrections);
  const words = new RecountWords();
  const plain = (key: string) => corrections.fateOf(key) === undefined && !targets.has(key);
  const involve = (key: string, article: A) => {
    const known = involved.get(key) ?? new Set<A>();
    involved.set(key, known.add(article));
  };
  for (const article of articles) {
    const text = source.text(article);
    const id = source.id(article);
    const avoid = addedOccurrences(corrections, text, id);
    // A candidate where no added name occurs after all is the index's to answer.
    if (avoid.length === 0) continue;
    const engine = source.entities(article);
    const corrected = new Map(correctArticleEntities(corrections, placeMentions(text, engine, avoid, words), text, id, avoid).map(({ key, name, type, mentions, aliases }) => [key, { key, name, type, mentions: mentions.length, aliases }]));
    counts.set(article, corrected);
    for (const key of corrected.keys()) if (!plain(key)) involve(key, article);
    for (const found of engine) {
      const fate = corrections.fateOf(found.key);
      if (fate === 'ignored') continue;
      if (fate !== undefined) involve(fate.entity.key, article);
      else if (!targets.has(found.key) && (corrected.get(found.key)?.mentions ?? 0) !== found.mentions) {
        involve(found.key, article);
        displaced.set(found.key, { key: found.key, name: found.name, type: found.type });
      }
    }
    // A split form's entity may gain here by the index's reckoning of the split: the recount decides.
    for (const target of targets) involve(target, article);
  }
  return { counts, involved, displaced };
}
