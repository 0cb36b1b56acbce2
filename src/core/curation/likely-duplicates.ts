import { countOf, quoteName } from '../display-text';
import { nameIdentity } from '../entities/names';
import { EntitySummary } from '../search/entity-listing';

/**
 * Two people of the corpus that are probably one: `entity` is best merged into `into`. A `familyName` pair is a
 * name written alone in some articles ("Trump") and the full name it stands for elsewhere ("Donald Trump"); a
 * `middleName` pair is a full name with and without a middle name or initial ("John Bolton", "John R. Bolton").
 * `rivals` are the other full names the family name could be, most articles first; `likely` pairs are offered
 * already chosen.
 *
 * @example
 * const pair: LikelyDuplicate = { entity: trump, into: donaldTrump, reason: 'familyName', rivals: [melaniaTrump], likely: true };
 */
export interface LikelyDuplicate {
  readonly entity: EntitySummary;
  readonly into: EntitySummary;
  readonly reason: 'familyName' | 'middleName';
  readonly rivals: readonly EntitySummary[];
  readonly likely: boolean;
}

/** A family name alone is offered for the full name with the most articles only when it has this many times the next one's. */
export const RIVAL_RATIO = 3;
/** …and chosen in advance when it has this many times the next one's (or there is no other) … */
export const LIKELY_RIVAL_RATIO = 10;
/** …and at least this many articles: one article's full name is too little to say who a name alone means. */
export const LIKELY_MIN_ARTICLES = 3;

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
  const next = others[0]?.articles ?? 0;
  if (best.articles < RIVAL_RATIO * next) return undefined;
  const likely = best.articles >= LIKELY_RIVAL_RATIO * next && best.articles >= LIKELY_MIN_ARTICLES;
  return { entity: person, into: best.person, reason: 'familyName', rivals: others.map((other) => other.person), likely };
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

/**
 * The people of a corpus that are probably duplicates of one another, as an analyst would merge them: a full name
 * with and without a middle name or initial, when only one longer form exists ("George Bush" stays apart from both
 * "George W. Bush" and "George H. W. Bush"); and a family name written alone in some articles, for the full name
 * that owns it: the one of that family name (or that uses it as a short form in an article) with the most articles,
 * offered when it has {@link RIVAL_RATIO} times the articles of the next ("Clinton", between Bill and Hillary, is
 * not offered) and no fewer than the name alone. Each article already merges its own short forms into its full
 * names; these pairs are the ones no article settles. Largest first (the articles of the entity merged away).
 *
 * @example
 * likelyDuplicates([trump, donaldTrump, melaniaTrump, johnBolton, johnRBolton]);
 * // [Trump → Donald Trump (familyName, rivals: [Melania Trump]), John R. Bolton → John Bolton (middleName)]
 */
export function likelyDuplicates(people: readonly EntitySummary[]): LikelyDuplicate[] {
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
  return [...family, ...middle].sort((a, b) => b.entity.articleCount - a.entity.articleCount || a.entity.name.localeCompare(b.entity.name));
}

/** Rivals named in a pair's description before "and N more". */
const RIVALS_SHOWN = 3;

/**
 * Why a pair is offered, in a sentence for the list it is chosen from.
 *
 * @example
 * likelyDuplicateReason(trumpPair);  // '"Trump" alone in 9 articles; "Donald Trump" in 51; also "Melania Trump" (2)'
 * likelyDuplicateReason(boltonPair); // 'the same first and family name: "John R. Bolton" in 1 article, "John Bolton" in 3'
 */
export function likelyDuplicateReason({ entity, into, reason, rivals }: LikelyDuplicate): string {
  if (reason === 'middleName') return `the same first and family name: ${quoteName(entity.name)} in ${countOf(entity.articleCount, 'article')}, ${quoteName(into.name)} in ${into.articleCount}`;
  const named = rivals.slice(0, RIVALS_SHOWN).map((rival) => `${quoteName(rival.name)} (${rival.articleCount})`);
  if (rivals.length > RIVALS_SHOWN) named.push(`${rivals.length - RIVALS_SHOWN} more`);
  const others = named.length === 0 ? 'no other full name has it' : `also ${named.join(', ')}`;
  return `${quoteName(entity.name)} alone in ${countOf(entity.articleCount, 'article')}; ${quoteName(into.name)} in ${into.articleCount}; ${others}`;
}
