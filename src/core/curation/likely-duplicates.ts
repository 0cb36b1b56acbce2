import { countOf, isolateBidi, quoteName } from '../display-text';
import { nameIdentity } from '../entities/names';
import { ENTITY_TYPE_NAMES, aTypeName } from '../entity-directory';
import { EntityRef, MergeCorrection, refOf } from '../facts/corrections';
import { EntitySummary } from '../search/entity-listing';

/**
 * An entity that could also own a name, with the articles that count for it (a person's middle-name variants together).
 *
 * @example
 * const rival: Rival = { entity: melaniaTrump, articles: 2 };
 */
export interface Rival {
  readonly entity: EntitySummary;
  readonly articles: number;
}

/**
 * Two entities of the corpus that are probably one: `entity` is best merged into `into`. A `familyName` pair is a
 * name written alone in some articles ("Trump") and the full name it stands for elsewhere ("Donald Trump"); a
 * `middleName` pair is a full name with and without a middle name or initial ("John Bolton", "John R. Bolton"); a
 * `sameName` pair is one name the recogniser gave another type in a few articles ("Twitter", an organization in 48
 * articles and another name in 1); an `acronym` pair an organization's initials and its name ("EC", "European
 * Community"). `intoArticles` are the articles that made `into` the owner (a person's
 * middle-name variants count together); `rivals` the other entities that could own the name, most articles first;
 * `likely` pairs are offered already chosen.
 *
 * @example
 * const pair: LikelyDuplicate = { entity: trump, into: donaldTrump, reason: 'familyName', intoArticles: 51, rivals: [{ entity: melaniaTrump, articles: 2 }], likely: true };
 */
export interface LikelyDuplicate {
  readonly entity: EntitySummary;
  readonly into: EntitySummary;
  readonly reason: 'familyName' | 'middleName' | 'sameName' | 'acronym';
  readonly intoArticles: number;
  readonly rivals: readonly Rival[];
  readonly likely: boolean;
}

/**
 * A name is offered for the entity with the most articles that could own it only when that has this many times the
 * articles of the next.
 *
 * @example
 * likelyDuplicates([person('Clinton', 6), person('Bill Clinton', 20), person('Hillary Clinton', 18)]); // []: 20 < 3 × 18
 */
export const RIVAL_RATIO = 3;
/**
 * …and chosen in advance when it has this many times the next one's (or there is no other)…
 *
 * @example
 * likelyDuplicates([person('Baker', 1), person('James Baker', 50), person('Howard Baker', 10)])[0]?.likely; // false: 50 < 10 × 10
 */
export const LIKELY_RIVAL_RATIO = 10;
/**
 * …and at least this many articles: one article is too little to say what a name means.
 *
 * @example
 * likelyDuplicates([person('Newton', 1), person('Helmut Newton', 1)])[0]?.likely; // false
 */
export const LIKELY_MIN_ARTICLES = 3;

/** Whether the owner of a name (`best` articles) prevails over the next one that could own it (`next` articles): not at all, possibly, or likely. */
function prevails(best: number, next: number): 'likely' | 'possibly' | undefined {
  if (best < RIVAL_RATIO * next) return undefined;
  return best >= LIKELY_RIVAL_RATIO * next && best >= LIKELY_MIN_ARTICLES ? 'likely' : 'possibly';
}

/** A generation after a family name ("Robert Downey Jr.", "Henry Ford II"). */
const GENERATION = /^(jr|sr)\.?$|^(ii|iii|iv)$/u;

/** The words of a name as names are compared: lower case, without a leading "the", nor a final "Jr." or "III", which no other form of the name repeats. */
function wordsOfName(name: string): string[] {
  const words = nameIdentity(name).split(/[\s,]+/u).filter((word) => word !== '');
  const last = words[words.length - 1];
  return words.length > 2 && last !== undefined && GENERATION.test(last) ? words.slice(0, -1) : words;
}

/** An entity with its name's words, worked out once. */
interface Named {
  readonly entity: EntitySummary;
  readonly words: readonly string[];
}

const named = (entity: EntitySummary): Named => ({ entity, words: wordsOfName(entity.name) });

/** A word that can be a family name alone: letters (hyphens, apostrophes), not an initial. */
function isFamilyName(word: string): boolean {
  return /^\p{L}[\p{L}\p{M}'’-]+$/u.test(word);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Full names ("John Bolton") with exactly one longer form of the same first and last word ("John R. Bolton"): merged into whichever has more articles. */
function middleNamePairs(people: readonly Named[]): LikelyDuplicate[] {
  const longer = new Map<string, Named[]>();
  for (const person of people) {
    if (person.words.length >= 3) pushTo(longer, `${person.words[0] ?? ''} ${person.words[person.words.length - 1] ?? ''}`, person);
  }
  const pairs: LikelyDuplicate[] = [];
  for (const person of people) {
    if (person.words.length !== 2 || !person.words.every(isFamilyName)) continue;
    const [other, ...more] = longer.get(person.words.join(' ')) ?? [];
    if (other === undefined || more.length > 0) continue;
    const [entity, into] = other.entity.articleCount > person.entity.articleCount ? [person.entity, other.entity] : [other.entity, person.entity];
    const both = entity.articleCount + into.articleCount;
    pairs.push({ entity, into, reason: 'middleName', intoArticles: into.articleCount, rivals: [], likely: both >= LIKELY_MIN_ARTICLES });
  }
  return pairs;
}

/**
 * The full names a name alone could stand for: `owners`, those whose last word it is or that an article shortened to
 * it ("Kim" for Kim Jong-un); `others`, those whose first word it is ("Li" of "Li Peng", written family name first),
 * which are rivals only.
 */
interface FullNames {
  readonly owners: ReadonlyMap<string, readonly EntitySummary[]>;
  readonly others: ReadonlyMap<string, readonly EntitySummary[]>;
}

function fullNamesOf(people: readonly Named[]): FullNames {
  const owners = new Map<string, EntitySummary[]>();
  const others = new Map<string, EntitySummary[]>();
  for (const { entity, words } of people) {
    const last = words[words.length - 1];
    if (words.length < 2 || last === undefined) continue;
    pushTo(owners, last, entity);
    const shortened = new Set<string>();
    for (const alias of entity.aliases) {
      const [only, ...more] = wordsOfName(alias);
      if (only !== undefined && more.length === 0 && only !== last && words.includes(only)) shortened.add(only);
    }
    for (const word of shortened) pushTo(owners, word, entity);
    const first = words[0];
    if (first !== undefined && !shortened.has(first)) pushTo(others, first, entity);
  }
  return { owners, others };
}

function familyNamePair(person: Named, fullNames: FullNames, mergedInto: ReadonlyMap<string, EntitySummary>): LikelyDuplicate | undefined {
  const [word] = person.words;
  if (word === undefined || !isFamilyName(word) || GENERATION.test(word)) return undefined;
  // Middle-name variants are one person (their own pair merges them): their articles count together, not as rivals.
  const candidates = new Map<string, { readonly entity: EntitySummary; articles: number; readonly owns: boolean }>();
  const count = (full: EntitySummary, owns: boolean) => {
    const target = mergedInto.get(full.key) ?? full;
    const known = candidates.get(target.key);
    if (known) known.articles += full.articleCount;
    else candidates.set(target.key, { entity: target, articles: full.articleCount, owns });
  };
  for (const full of fullNames.owners.get(word) ?? []) count(full, true);
  for (const full of fullNames.others.get(word) ?? []) if (!candidates.has((mergedInto.get(full.key) ?? full).key)) count(full, false);
  const [best, ...others] = [...candidates.values()].sort((a, b) => b.articles - a.articles || a.entity.name.localeCompare(b.entity.name));
  // A full name that begins in lower case ("then-Secretary Vázquez") is the recogniser's error, not a name to keep.
  if (best === undefined || !best.owns || /^\p{Ll}/u.test(best.entity.name)) return undefined;
  // Wire copy says "Reagan" in 66 articles and "Ronald Reagan" in 5 (ux38: never offered): a name alone more common
  // than its full name is offered, not chosen, when that full name prevails as any other does ("Athough Reagan", a
  // reading error of 1 article, is a rival it prevails over) and is no stray one ("Uncle Joe", 1 article).
  const aloneMore = best.articles < person.entity.articleCount;
  if (aloneMore && best.articles < LIKELY_MIN_ARTICLES) return undefined;
  const verdict = prevails(best.articles, others[0]?.articles ?? 0);
  const rivals = others.map(({ entity, articles }) => ({ entity, articles }));
  return verdict && { entity: person.entity, into: best.entity, reason: 'familyName', intoArticles: best.articles, rivals, likely: verdict === 'likely' && !aloneMore };
}

/**
 * Each name the recogniser gave several types: the other types merged into the one with the most articles, when it
 * prevails; never ticked, since a few articles' other type is as often a name read short ("America" of "Captain
 * America", a person once) as the name itself. Names are compared as written: "The Atlantic" is not "Atlantic".
 */
function sameNamePairs(entities: readonly Named[]): LikelyDuplicate[] {
  const byName = new Map<string, EntitySummary[]>();
  for (const { entity } of entities) pushTo(byName, entity.name.toLowerCase(), entity);
  const pairs: LikelyDuplicate[] = [];
  for (const group of byName.values()) {
    const [into, next, ...more] = [...group].sort((a, b) => b.articleCount - a.articleCount || a.type.localeCompare(b.type));
    if (into === undefined || next === undefined) continue;
    const verdict = prevails(into.articleCount, next.articleCount);
    if (verdict === undefined) continue;
    for (const entity of [next, ...more]) pairs.push({ entity, into, reason: 'sameName', intoArticles: into.articleCount, rivals: [], likely: false });
  }
  return pairs;
}

/** An organization written as its initials: capitals, dotted or not ("EC", "NATO", "U.N."). */
const INITIALS = /^(?:\p{Lu}\.?){2,6}$/u;
/**
 * Words an organization's initials leave out: small words ("Organization of the Petroleum Exporting Countries": OPEC)
 * and abbreviated legal forms ("A.H. Belo Corp" is no ABC, "Amro Bank NV" no ABN: ux38b).
 */
const UNINITIALLED = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', '&', 'corp', 'inc', 'co', 'cos', 'ltd', 'plc', 'sa', 'nv', 'ag', 'gmbh', 'llc', 'bhd', 'spa', 'ab', 'asa', 'pty', 'bv', 'se', 'srl']);

/**
 * The initials of a name of several capitalised words ("European Community": EC; "A.H. Belo": AHB, a dotted
 * word giving each of its letters), or undefined when it has none.
 */
function initialsOf(name: string): string | undefined {
  const words = name.split(/[\s-]+/u).filter((word) => word !== '' && !UNINITIALLED.has(word.replace(/\.$/u, '').toLowerCase()));
  if (words.length < 2 || !words.every((word) => /^\p{Lu}/u.test(word))) return undefined;
  return words.map((word) => (INITIALS.test(word) ? word.replaceAll('.', '') : word[0])).join('');
}

/**
 * Organizations written as their initials ("EC") in some articles and by name ("European Community") in others, when
 * that name prevails over any other with those initials as a full name does over its rivals ("European Commission");
 * never when an organization's name starts with the initials ("CBS Inc": CBS is its own name, not Continental Bank
 * SA's). Wire copy's EC, USDA, WHO were never paired (ux38); offered, never chosen in advance, the initials merged
 * into the name whatever their articles.
 */
function acronymPairs(organizations: readonly Named[]): LikelyDuplicate[] {
  const byInitials = new Map<string, EntitySummary[]>();
  const firstWords = new Set<string>();
  for (const { entity } of organizations) {
    const initials = initialsOf(entity.name);
    if (initials !== undefined) pushTo(byInitials, initials, entity);
    const [first, second] = entity.name.split(/\s+/u);
    if (first !== undefined && second !== undefined) firstWords.add(first);
  }
  return organizations.flatMap(({ entity }) => {
    if (!INITIALS.test(entity.name) || firstWords.has(entity.name)) return [];
    const [into, ...others] = [...(byInitials.get(entity.name.replaceAll('.', '')) ?? [])].sort((a, b) => b.articleCount - a.articleCount || a.name.localeCompare(b.name));
    if (into === undefined || prevails(into.articleCount, others[0]?.articleCount ?? 0) === undefined) return [];
    const rivals = others.map((other) => ({ entity: other, articles: other.articleCount }));
    return [{ entity, into, reason: 'acronym' as const, intoArticles: into.articleCount, rivals, likely: false }];
  });
}

/**
 * The entities of a corpus that are probably duplicates of one another, as an analyst would merge them: a full name
 * with and without a middle name or initial, when only one longer form exists ("George Bush" stays apart from both
 * "George W. Bush" and "George H. W. Bush"); a family name written alone in some articles, for the full name that
 * owns it: the one of that family name (or that uses it as a short form in an article) with the most articles,
 * offered when it has {@link RIVAL_RATIO} times the articles of the next (a full name that begins with the word, as
 * "Li Peng" for "Li", is a rival too; "Clinton", between Bill and Hillary, is not offered) and no fewer than the name
 * alone; and, of any type, a name the recogniser read as another type in a few articles, for the type of most of
 * them, under the same ratio, never chosen in advance; an organization's initials and the one name that has them,
 * never chosen in advance. A person alone whose name is mostly another type
 * ("Washington", a place in most articles) is offered both ways, neither chosen. Each article already merges its own short forms into its full
 * names; these pairs are the ones no article settles. Largest first (the articles of the entity merged away).
 *
 * @example
 * likelyDuplicates([trump, donaldTrump, melaniaTrump, johnBolton, johnRBolton]);
 * // [Trump → Donald Trump (familyName, rivals: [Melania Trump]), John R. Bolton → John Bolton (middleName)]
 */
export function likelyDuplicates(entities: readonly EntitySummary[]): LikelyDuplicate[] {
  const all = entities.map(named);
  const people = all.filter(({ entity }) => entity.type === 'PER');
  const middle = middleNamePairs(people);
  const mergedInto = new Map(middle.map((pair) => [pair.entity.key, pair.into]));
  const fullNames = fullNamesOf(people);
  const family = people.flatMap((person) => (person.words.length === 1 ? (familyNamePair(person, fullNames, mergedInto) ?? []) : []));
  const retyped = sameNamePairs(all);
  const acronyms = acronymPairs(all.filter(({ entity }) => entity.type === 'ORG'));
  // A person alone that is also read as another type: which it is, the list cannot tell.
  const alsoRetyped = new Set(retyped.map((pair) => pair.entity.key));
  const familyKeys = new Set(family.map((pair) => pair.entity.key));
  const undecided = (pair: LikelyDuplicate) => (alsoRetyped.has(pair.entity.key) && familyKeys.has(pair.entity.key) ? { ...pair, likely: false } : pair);
  return [...family, ...middle, ...retyped, ...acronyms].map(undecided).sort((a, b) => b.entity.articleCount - a.entity.articleCount || a.entity.name.localeCompare(b.entity.name) || a.into.name.localeCompare(b.into.name));
}

/**
 * What the list shows for a pair: the two names, with their types when they differ.
 *
 * @example
 * likelyDuplicateLabel(trumpPair);   // 'Trump → Donald Trump'
 * likelyDuplicateLabel(twitterPair); // 'Twitter (other name) → Twitter (organization)'
 */
export function likelyDuplicateLabel({ entity, into }: LikelyDuplicate): string {
  const typed = entity.type !== into.type;
  // Each name isolated on its own: a right-to-left pair isolated as a whole would show the arrow the other way round.
  const shown = (of: EntitySummary) => (typed ? `${isolateBidi(of.name)} (${ENTITY_TYPE_NAMES[of.type].one})` : isolateBidi(of.name));
  return `${shown(entity)} → ${shown(into)}`;
}

/** Rivals named in a pair's description before "and N more". */
const RIVALS_SHOWN = 3;

/**
 * Why a pair is offered, short enough for one line of the list (the names are in its label): the articles of each, then
 * who else the name could be. A full name's other forms may share articles, so with them it has "up to" their sum.
 *
 * @example
 * likelyDuplicateReason(trumpPair);   // '9 vs 51 articles; others: "Melania Trump" 2'
 * likelyDuplicateReason(carrollPair); // '1 vs 2 articles (up to 4 with its other forms); no other full name'
 * likelyDuplicateReason(boltonPair);  // '1 vs 3 articles; the same first and family name'
 * likelyDuplicateReason(ecPair);      // '60 vs 25 articles; the initials of its name'
 * likelyDuplicateReason(twitterPair); // 'a name of another kind in 1 article, an organization in 48'
 */
export function likelyDuplicateReason({ entity, into, reason, intoArticles, rivals }: LikelyDuplicate): string {
  if (reason === 'sameName') return `${aTypeName(entity.type)} in ${countOf(entity.articleCount, 'article')}, ${aTypeName(into.type)} in ${into.articleCount}`;
  const counts = `${entity.articleCount} vs ${countOf(into.articleCount, 'article')}`;
  if (reason === 'middleName') return `${counts}; the same first and family name`;
  const listed = rivals.slice(0, RIVALS_SHOWN).map((rival) => `${quoteName(rival.entity.name)} ${rival.articles}`);
  if (rivals.length > RIVALS_SHOWN) listed.push(`${rivals.length - RIVALS_SHOWN} more`);
  if (reason === 'acronym') return `${counts}; the initials of its name${listed.length === 0 ? '' : `; others with them: ${listed.join(', ')}`}`;
  const others = listed.length === 0 ? 'no other full name' : `others: ${listed.join(', ')}`;
  const variants = intoArticles === into.articleCount ? '' : ` (up to ${intoArticles} with its other forms)`;
  return `${counts}${variants}; ${others}`;
}

/**
 * The merges that make chosen pairs one: one per entity kept, of every pair merged into it. A pair whose `into` is
 * merged away by another chosen pair goes where that one goes, so no merge is into a name that is itself merged; a
 * pair that would close a circle is left out (the first of the circle's pairs decide).
 *
 * @example
 * likelyDuplicateMerges([trumpOrganizationPair, trumpPair]);
 * // [{ kind: 'merge', entities: [Donald Trump, Trump (organization), Trump], into: Donald Trump }]
 */
export function likelyDuplicateMerges(pairs: readonly LikelyDuplicate[]): MergeCorrection[] {
  const next = new Map<string, EntitySummary>();
  const finalOf = (into: EntitySummary): EntitySummary => {
    let at = into;
    for (let further = next.get(at.key); further !== undefined; further = next.get(at.key)) at = further;
    return at;
  };
  const kept: LikelyDuplicate[] = [];
  for (const pair of pairs) {
    if (next.has(pair.entity.key) || finalOf(pair.into).key === pair.entity.key) continue;
    next.set(pair.entity.key, pair.into);
    kept.push(pair);
  }
  const byInto = new Map<string, { into: EntityRef; entities: EntityRef[] }>();
  for (const pair of kept) {
    const into = finalOf(pair.into);
    const merge = byInto.get(into.key) ?? { into: refOf(into), entities: [refOf(into)] };
    merge.entities.push(refOf(pair.entity));
    byInto.set(into.key, merge);
  }
  return [...byInto.values()].map(({ into, entities }) => ({ kind: 'merge' as const, entities, into }));
}

/**
 * Entities to merge `name` with, those that share a word of its name first ("Elijah Cummings" for "Cummings"), each
 * group in the order given: Merge With… lists the corpus's largest entities, and "Donald Trump" first invites a wrong
 * merge.
 *
 * @example
 * sharingNameWordsFirst('Cummings', [donaldTrump, joeBiden, elijahCummings]);
 * // { sharing: [elijahCummings], others: [donaldTrump, joeBiden] }
 */
export function sharingNameWordsFirst<T extends { readonly name: string }>(name: string, entities: readonly T[]): { readonly sharing: T[]; readonly others: T[] } {
  const words = new Set(wordsOfName(name));
  const sharing: T[] = [];
  const others: T[] = [];
  for (const entity of entities) (wordsOfName(entity.name).some((word) => words.has(word)) ? sharing : others).push(entity);
  return { sharing, others };
}
