import { countOf, quoteName, withIndefiniteArticle } from '../display-text';
import { nameIdentity } from '../entities/names';
import { ENTITY_TYPE_NAMES } from '../entity-directory';
import { Correction, EntityRef } from '../facts/corrections';
import { EntitySummary } from '../search/entity-listing';

/**
 * Two entities of the corpus that are probably one: `entity` is best merged into `into`. A `familyName` pair is a
 * name written alone in some articles ("Trump") and the full name it stands for elsewhere ("Donald Trump"); a
 * `middleName` pair is a full name with and without a middle name or initial ("John Bolton", "John R. Bolton"); a
 * `sameName` pair is one name the recogniser gave another type in a few articles ("Twitter", an organization in 48
 * articles and another name in 1). `rivals` are the other full names the family name could be, most articles first;
 * `likely` pairs are offered already chosen.
 *
 * @example
 * const pair: LikelyDuplicate = { entity: trump, into: donaldTrump, reason: 'familyName', rivals: [melaniaTrump], likely: true };
 */
export interface LikelyDuplicate {
  readonly entity: EntitySummary;
  readonly into: EntitySummary;
  readonly reason: 'familyName' | 'middleName' | 'sameName';
  readonly rivals: readonly EntitySummary[];
  readonly likely: boolean;
}

/** A name is offered for the entity with the most articles that could own it only when that has this many times the next one's. */
export const RIVAL_RATIO = 3;
/** …and chosen in advance when it has this many times the next one's (or there is no other) … */
export const LIKELY_RIVAL_RATIO = 10;
/** …and at least this many articles: one article is too little to say what a name means. */
export const LIKELY_MIN_ARTICLES = 3;

/** Whether the owner of a name (`best` articles) prevails over the next one that could own it (`next` articles): not at all, possibly, or likely. */
function prevails(best: number, next: number): 'likely' | 'possibly' | undefined {
  if (best < RIVAL_RATIO * next) return undefined;
  return best >= LIKELY_RIVAL_RATIO * next && best >= LIKELY_MIN_ARTICLES ? 'likely' : 'possibly';
}

/** The words of a name as names are compared (lower case, without a leading "the"). */
function wordsOf(name: string): string[] {
  return nameIdentity(name).split(/\s+/u).filter((word) => word !== '');
}

/** A word that can be a family name alone: letters (hyphens, apostrophes), not an initial. */
function isFamilyName(word: string): boolean {
  return /^\p{L}[\p{L}\p{M}'’-]+$/u.test(word);
}

function familyNamePair(person: EntitySummary, fullNames: ReadonlyMap<string, readonly EntitySummary[]>, mergedInto: ReadonlyMap<string, EntitySummary>): LikelyDuplicate | undefined {
  const [word] = wordsOf(person.name);
  if (word === undefined || !isFamilyName(word)) return undefined;
  // Middle-name variants are one person (their own pair merges them): their articles count together, not as rivals.
  const candidates = new Map<string, { readonly person: EntitySummary; articles: number }>();
  for (const full of fullNames.get(word) ?? []) {
    const target = mergedInto.get(full.key) ?? full;
    const known = candidates.get(target.key);
    if (known) known.articles += full.articleCount;
    else candidates.set(target.key, { person: target, articles: full.articleCount });
  }
  const [best, ...others] = [...candidates.values()].sort((a, b) => b.articles - a.articles || a.person.name.localeCompare(b.person.name));
  if (best === undefined || best.articles < person.articleCount) return undefined;
  const verdict = prevails(best.articles, others[0]?.articles ?? 0);
  return verdict && { entity: person, into: best.person, reason: 'familyName', rivals: others.map((other) => other.person), likely: verdict === 'likely' };
}

/** Full names ("John Bolton") with exactly one longer form of the same first and last word ("John R. Bolton"): merged into whichever has more articles. */
function middleNamePairs(people: readonly EntitySummary[]): LikelyDuplicate[] {
  const longer = new Map<string, EntitySummary[]>();
  for (const person of people) {
    const words = wordsOf(person.name);
    if (words.length < 3) continue;
    const ends = `${words[0] ?? ''} ${words[words.length - 1] ?? ''}`;
    longer.set(ends, [...(longer.get(ends) ?? []), person]);
  }
  const pairs: LikelyDuplicate[] = [];
  for (const person of people) {
    const words = wordsOf(person.name);
    if (words.length !== 2 || !words.every(isFamilyName)) continue;
    const [other, ...more] = longer.get(words.join(' ')) ?? [];
    if (other === undefined || more.length > 0) continue;
    const [entity, into] = other.articleCount > person.articleCount ? [person, other] : [other, person];
    pairs.push({ entity, into, reason: 'middleName', rivals: [], likely: true });
  }
  return pairs;
}

/** Each name the recogniser gave several types, the other types merged into the one with the most articles when it prevails. */
function sameNamePairs(entities: readonly EntitySummary[]): LikelyDuplicate[] {
  const byName = new Map<string, EntitySummary[]>();
  for (const entity of entities) {
    const name = nameIdentity(entity.name);
    byName.set(name, [...(byName.get(name) ?? []), entity]);
  }
  const pairs: LikelyDuplicate[] = [];
  for (const group of byName.values()) {
    const [into, next, ...more] = [...group].sort((a, b) => b.articleCount - a.articleCount || a.type.localeCompare(b.type));
    if (into === undefined || next === undefined) continue;
    const verdict = prevails(into.articleCount, next.articleCount);
    if (verdict === undefined) continue;
    for (const entity of [next, ...more]) pairs.push({ entity, into, reason: 'sameName', rivals: [], likely: verdict === 'likely' });
  }
  return pairs;
}

/**
 * The entities of a corpus that are probably duplicates of one another, as an analyst would merge them: a full name
 * with and without a middle name or initial, when only one longer form exists ("George Bush" stays apart from both
 * "George W. Bush" and "George H. W. Bush"); and a family name written alone in some articles, for the full name
 * that owns it: the one of that family name (or that uses it as a short form in an article) with the most articles,
 * offered when it has {@link RIVAL_RATIO} times the articles of the next ("Clinton", between Bill and Hillary, is
 * not offered) and no fewer than the name alone; and, of any type, a name the recogniser read as another type in a
 * few articles, for the type of most of them, under the same ratio. Each article already merges its own short forms
 * into its full names; these pairs are the ones no article settles. Largest first (the articles of the entity merged
 * away).
 *
 * @example
 * likelyDuplicates([trump, donaldTrump, melaniaTrump, johnBolton, johnRBolton]);
 * // [Trump → Donald Trump (familyName, rivals: [Melania Trump]), John R. Bolton → John Bolton (middleName)]
 */
export function likelyDuplicates(entities: readonly EntitySummary[]): LikelyDuplicate[] {
  const people = entities.filter((entity) => entity.type === 'PER');
  const middle = middleNamePairs(people);
  const mergedInto = new Map(middle.map((pair) => [pair.entity.key, pair.into]));
  const fullNames = new Map<string, EntitySummary[]>();
  const add = (word: string, person: EntitySummary) => {
    const list = fullNames.get(word) ?? [];
    if (!list.includes(person)) fullNames.set(word, [...list, person]);
  };
  for (const person of people) {
    const words = wordsOf(person.name);
    if (words.length < 2) continue;
    add(words[words.length - 1] ?? '', person);
    // A short form an article used for this person ("Kim" for Kim Jong-un) is a family name of it too.
    for (const alias of person.aliases) {
      const [only, ...more] = wordsOf(alias);
      if (only !== undefined && more.length === 0 && words.includes(only)) add(only, person);
    }
  }
  const family = people.flatMap((person) => (wordsOf(person.name).length === 1 ? (familyNamePair(person, fullNames, mergedInto) ?? []) : []));
  // A person merged into a full name is not also offered for another type of the name alone.
  const merged = new Set([...family, ...middle].map((pair) => pair.entity.key));
  const retyped = sameNamePairs(entities).filter((pair) => !merged.has(pair.entity.key));
  return [...family, ...middle, ...retyped].sort((a, b) => b.entity.articleCount - a.entity.articleCount || a.entity.name.localeCompare(b.entity.name));
}

const aTypeLabel = (entity: EntitySummary) => withIndefiniteArticle(ENTITY_TYPE_NAMES[entity.type].one);

/**
 * What the list shows for a pair: the two names, with their types when they differ.
 *
 * @example
 * likelyDuplicateLabel(trumpPair);   // 'Trump → Donald Trump'
 * likelyDuplicateLabel(twitterPair); // 'Twitter (other name) → Twitter (organization)'
 */
export function likelyDuplicateLabel({ entity, into }: LikelyDuplicate): string {
  const typed = entity.type !== into.type;
  const named = (of: EntitySummary) => (typed ? `${of.name} (${ENTITY_TYPE_NAMES[of.type].one})` : of.name);
  return `${named(entity)} → ${named(into)}`;
}

/** Rivals named in a pair's description before "and N more". */
const RIVALS_SHOWN = 3;

/**
 * Why a pair is offered, in a sentence for the list it is chosen from.
 *
 * @example
 * likelyDuplicateReason(trumpPair);  // '"Trump" alone in 9 articles; "Donald Trump" in 51; also "Melania Trump" (2)'
 * likelyDuplicateReason(boltonPair); // 'the same first and family name: "John R. Bolton" in 1 article, "John Bolton" in 3'
 * likelyDuplicateReason(twitterPair); // '"Twitter": an organization in 48 articles, another name in 1'
 */
export function likelyDuplicateReason({ entity, into, reason, rivals }: LikelyDuplicate): string {
  if (reason === 'sameName') return `${quoteName(into.name)}: ${aTypeLabel(into)} in ${countOf(into.articleCount, 'article')}, ${aTypeLabel(entity)} in ${entity.articleCount}`;
  if (reason === 'middleName') return `the same first and family name: ${quoteName(entity.name)} in ${countOf(entity.articleCount, 'article')}, ${quoteName(into.name)} in ${into.articleCount}`;
  const named = rivals.slice(0, RIVALS_SHOWN).map((rival) => `${quoteName(rival.name)} (${rival.articleCount})`);
  if (rivals.length > RIVALS_SHOWN) named.push(`${rivals.length - RIVALS_SHOWN} more`);
  const others = named.length === 0 ? 'no other full name has it' : `also ${named.join(', ')}`;
  return `${quoteName(entity.name)} alone in ${countOf(entity.articleCount, 'article')}; ${quoteName(into.name)} in ${into.articleCount}; ${others}`;
}

const refOf = ({ type, name }: EntitySummary): EntityRef => ({ type, name });

/**
 * The merges that make chosen pairs one: one per entity kept, of every pair merged into it. A pair whose `into` is
 * merged away by another chosen pair goes where that one goes, so no merge is into a name that is itself merged; a
 * pair that would close a circle is left out (the first of the circle's pairs decide).
 *
 * @example
 * likelyDuplicateMerges([trumpOrganizationPair, trumpPair]);
 * // [{ kind: 'merge', entities: [Donald Trump, Trump (organization), Trump], into: Donald Trump }]
 */
export function likelyDuplicateMerges(pairs: readonly LikelyDuplicate[]): Correction[] {
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
  return [...byInto.values()].map(({ into, entities }) => ({ kind: 'merge', entities, into }));
}
