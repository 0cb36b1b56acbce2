import { hasWhiteSpace, isWhiteSpaceCode } from './chars';
import { countryNameOf } from './country-aliases';
import { WordSet, isJunk } from './junk';
import { LowerCaseWords } from './lower-case-words';
import { PATRONYMIC_PARTICLES, acronymOf, displayName, identityOfDisplay, isAllCaps, nameIdentity, nameWords, particleFamilyName, royalTitleCount } from './names';
import { ArticleEntity, EntitySpan, EntityType } from './types';

/**
 * What `extractArticleEntities` needs of a recogniser (an `EntityRecognizer`, or a fake in tests).
 *
 * @example
 * const fake: SpanRecognizer = { recognize: () => [{ start: 0, end: 5, type: 'PER', text: 'Putin' }] };
 */
export interface SpanRecognizer {
  recognize(text: string): EntitySpan[];
}

interface Mention {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly display: string;
  readonly identity: string;
}

/** Mentions with the same identity: one full form and its case variants. */
interface Group {
  readonly identity: string;
  readonly words: readonly string[];
  type: EntityType;
  readonly mentions: Mention[];
  /** The group this one was merged into (a short form into its full form), if any. */
  target?: Group;
  /** The name it goes by whatever the article calls it: a country's ("United States" for "U.S."). */
  name?: string;
}

/** Type preference when a name got different types equally often in one article. */
const TYPE_ORDER: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Stands for the article's lower-case words when `isJunk` will not look at them. */
const NO_WORDS: WordSet = new Set();

/** Separators that never stand inside a name: "Russian Far East | Photo", "Reproduction/EFE", "Photo: Reproduction". */
const SEPARATOR = /\s*(?:[|/•·]|:(?=\s))\s*/gu;
const SEPARATOR_CHARACTER = /[|/•·]|:\s/u;
/**
 * A person's title at the start of a span ("Minister of Natural Resources and Environment") is a role, not
 * part of the name: CoNLL annotates the ministry's name alone, and the role miner reads the title.
 */
const LEADING_TITLE = /^(?:Minister|Secretary|Ambassador|Governor|President|Chancellor|Commissioner|Chairman|Chairwoman)\s+(?:of|for)\s+(?:the\s+)?/u;
/** A trailing word in lower case only ("US interprets") is a tagging overrun, not part of the name. */
const TRAILING_LOWER_WORD = /\s+\p{Ll}+$/u;

/**
 * Seats of government that CoNLL annotates as places but readers look up as the institution
 * ("the Kremlin said"). Applied to merged entities only: the recogniser itself keeps the convention
 * it was trained and is measured on.
 */
const INSTITUTIONS = new Map<string, EntityType>([
  ['kremlin', 'ORG'],
  ['white house', 'ORG'],
  ['pentagon', 'ORG'],
  ['downing street', 'ORG'],
  ['elysee', 'ORG'],
  ['élysée', 'ORG'],
]);

/**
 * Splits a span at separators, trims a leading title and a trailing lower-case word, returning the pieces
 * (with their own offsets) that remain; junk pieces are dropped by the caller.
 */
function cleanSpan(span: EntitySpan): EntitySpan[] {
  const pieces: EntitySpan[] = [];
  let from = 0;
  const push = (pieceStart: number, end: number): void => {
    let start = pieceStart;
    let text = span.text.slice(start, end);
    const title = LEADING_TITLE.exec(text);
    if (title && title[0].length < text.length) {
      start += title[0].length;
      text = text.slice(title[0].length);
    }
    const overrun = TRAILING_LOWER_WORD.exec(text);
    if (overrun) text = text.slice(0, overrun.index);
    if (text !== '') pieces.push({ start: span.start + start, end: span.start + start + text.length, type: span.type, text });
  };
  for (const match of span.text.matchAll(SEPARATOR)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, span.text.length);
  return pieces;
}

/** Whether `cleanSpan` would change a span: most have no separator, no leading title and no trailing lower-case word. */
function needsCleaning(text: string): boolean {
  return SEPARATOR_CHARACTER.test(text) || TRAILING_LOWER_WORD.test(text) || LEADING_TITLE.test(text);
}

/** Whether the text before `start` ends a sentence (or the text, a line or a paragraph starts there). */
function isSentenceInitial(text: string, start: number): boolean {
  // Character codes, not a regex per character: this runs for every span of every article.
  for (let i = start - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code !== NEWLINE && (isWhiteSpaceCode(code) || OPENERS.includes(code))) continue;
    return SENTENCE_ENDS.includes(code);
  }
  return true;
}

const NEWLINE = 0x0a;
/** Quotes and brackets that may stand between a sentence's end and its first word: " “ ‘ ' ( [ */
const OPENERS: readonly number[] = [0x22, 0x201c, 0x2018, 0x27, 0x28, 0x5b];
/** What ends a sentence before a word: a line break . ! ? : */
const SENTENCE_ENDS: readonly number[] = [NEWLINE, 0x2e, 0x21, 0x3f, 0x3a];

/** The type the mentions of a group got most often; ties go to the earliest of TYPE_ORDER. */
function majorityType(mentions: readonly Mention[]): EntityType {
  if (mentions.length === 1) return mentions[0]?.type ?? 'MISC';
  const counts = new Map<EntityType, number>();
  for (const mention of mentions) counts.set(mention.type, (counts.get(mention.type) ?? 0) + 1);
  let best: EntityType = mentions[0]?.type ?? 'MISC';
  for (const type of TYPE_ORDER) if ((counts.get(type) ?? 0) > (counts.get(best) ?? 0)) best = type;
  return best;
}

/**
 * The full forms of one article that a one-word name may abbreviate: a person's first or last name
 * ("Putin" → "Vladimir Putin", "Kim" → "Kim Jong-un"), or an organisation's acronym ("KCNA" →
 * "Korean Central News Agency"). Other partial matches are not merged: "New York" inside "New York
 * Times" is another thing. Looked up by word rather than by comparing every pair of groups, which
 * was quadratic in the names of an article.
 */
class FullForms {
  /** People of two words or more, by their first and by their last word. */
  private readonly people = new Map<string, Group[]>();
  /** Organisations and MISC names of two words or more, by type and acronym. */
  private readonly acronyms = new Map<string, Group[]>();

  /** The identities of the last two words or more of every person's name of three words or more ("van biljon"). */
  private readonly personEndings = new Set<string>();

  constructor(groups: readonly Group[]) {
    for (const group of groups) {
      if (group.type !== 'PER') continue;
      for (let from = 1; from + 2 <= group.words.length; from++) this.personEndings.add(group.words.slice(from).join(' '));
    }
    for (const group of groups) {
      if (group.words.length < 2) continue;
      if (group.type === 'PER') {
        if (this.particledFamilyName(group) !== undefined) continue;
        // A titled name joined to its name without the title owns its words as that name: "Sultan" and "Taimur" of
        // "Sultan Said bin Taimur" are both short forms of "Said bin Taimur".
        const owner = group.target ?? group;
        const first = group.words[0] ?? '';
        const last = group.words[group.words.length - 1] ?? '';
        addTo(this.people, first, owner);
        if (last !== first) addTo(this.people, last, owner);
      } else if (group.type === 'ORG' || group.type === 'MISC') {
        const acronym = acronymOf(group.mentions[0]?.display ?? '');
        if (acronym.length >= 2) addTo(this.acronyms, `${group.type}:${acronym}`, group);
      }
    }
  }

  /**
   * The one full form a group abbreviates, or undefined when there is none or more than one: a one-word group, or a
   * person's family name with its particles ("bin Laden" of "Osama bin Laden").
   */
  only(short: Group): Group | undefined {
    const particled = this.particledFamilyName(short);
    if (short.words.length !== 1 && particled === undefined) return undefined;
    // A lone word the article mostly calls a place or a MISC name stays one ("Washington" beside "George
    // Washington", "Muslim" beside a book title read as the person "Atheist Muslim"), unless the recogniser
    // called it a person at least once there ("Kim and Putin" tagged places, "Kim’s").
    const asPerson = (short.type !== 'LOC' && short.type !== 'MISC') || short.mentions.some((mention) => mention.type === 'PER');
    const candidates = asPerson ? (this.people.get(particled ?? short.words[0] ?? '') ?? []) : [];
    // "bin Salman" abbreviates a name that ends so ("Mohammed bin Salman"), not one that starts with "Salman".
    const people = particled === undefined ? candidates : candidates.filter((full) => endsWithWords(full.words, short.words));
    const named = short.type === 'ORG' || short.type === 'MISC' ? (this.acronyms.get(`${short.type}:${short.mentions[0]?.display ?? ''}`) ?? []) : [];
    return people.length + named.length === 1 ? (people[0] ?? named[0]) : undefined;
  }

  /**
   * The family name a person's group is when its other words are particles: "bin" or "ibn" first ("Bin Laden" at a
   * sentence's start too), particles written in lower case in one of its mentions at least ("van der Sar", "de
   * Blasio"), or capitalised particles that end a longer person's name of the article ("De Zoysa" beside "Louis De
   * Zoysa", "Van Biljon" at a sentence's start beside "Leon van Biljon"); else undefined ("Van Jones" alone is a first
   * and a last name).
   */
  private particledFamilyName(group: Group): string | undefined {
    if (group.type !== 'PER') return undefined;
    const family = particleFamilyName(group.words);
    if (family === undefined || PATRONYMIC_PARTICLES.has(group.words[0] ?? '') || this.personEndings.has(group.identity)) return family;
    const lowerParticle = (display: string) => display.split(' ').slice(0, -1).some((word) => /^\p{Ll}/u.test(word));
    return group.mentions.some((mention) => lowerParticle(mention.display)) ? family : undefined;
  }
}

/** Whether the name of `words` ends with `tail`, a shorter name. */
function endsWithWords(words: readonly string[], tail: readonly string[]): boolean {
  return words.length > tail.length && tail.every((word, at) => words[words.length - tail.length + at] === word);
}

function addTo(map: Map<string, Group[]>, key: string, group: Group): void {
  const list = map.get(key);
  if (!list) map.set(key, [group]);
  else if (!list.includes(group)) list.push(group);
}

/** The display name of a group: its most frequent form, preferring one that is not all capitals. */
function bestDisplay(mentions: readonly Mention[]): string {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.display, (counts.get(mention.display) ?? 0) + 1);
  let best = '';
  let bestScore = -1;
  for (const [display, count] of counts) {
    const score = count + (isAllCaps(display) ? 0 : 1_000_000);
    if (score > bestScore) {
      best = display;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Makes a place the article calls by another name of a country ("U.S.", "US", "Britain") one with that country, under
 * the name it goes by in every article ("United States"), so that the corpus has one entity for it, not three. Only
 * places: "Emirates" read as an organization is the airline.
 */
function joinCountryAliases(groups: Map<string, Group>): void {
  // A country's group added meanwhile is visited too, and is no alias: a common name never is.
  for (const group of groups.values()) {
    const country = group.type === 'LOC' ? countryNameOf(group.identity) : undefined;
    if (country === undefined) continue;
    const identity = identityOfDisplay(country);
    let canonical = groups.get(identity);
    if (!canonical) {
      canonical = { identity, words: nameWords(identity), type: 'LOC', mentions: [], name: country };
      groups.set(identity, canonical);
    }
    if (canonical.type === 'LOC') {
      canonical.name = country;
      group.target = canonical;
    }
  }
}

/**
 * Makes a person named with a royal or noble title ("Crown Prince Mohammad bin Salman", "First Lady Melania Trump") one
 * with the same person named without it in the article, or named so if the article never does, so that every article
 * gives the person the same key. The mentions keep their spans, title included.
 */
function joinRoyalTitles(groups: Map<string, Group>): void {
  // A group added meanwhile is visited too, and has no title: its words are those after the titles.
  for (const group of groups.values()) {
    const titles = group.type === 'PER' ? royalTitleCount(group.words) : 0;
    if (titles === 0) continue;
    const words = group.words.slice(titles);
    const identity = words.join(' ');
    let untitled = groups.get(identity);
    if (!untitled) {
      const name = bestDisplay(group.mentions).split(' ').slice(titles).join(' ');
      untitled = { identity, words, type: 'PER', mentions: [], name };
      groups.set(identity, untitled);
    }
    if (untitled.type === 'PER') group.target = untitled;
  }
}

/**
 * The entity key shared across the corpus: type and name identity.
 *
 * @example
 * entityKey('PER', 'Kim Jong-Un'); // 'PER:kim jong-un'
 */
export function entityKey(type: EntityType, name: string): string {
  return `${type}:${nameIdentity(name)}`;
}

/**
 * Recognises the entities of one article and merges their mentions into one entity per real-world
 * thing: case variants and possessives of a name are one entity ("Kim Jong-Un", "Kim Jong-un’s"),
 * a short form joins the one full form it abbreviates in this article ("Putin" → "Vladimir Putin",
 * "Kim" → "Kim Jong-un"; when two full forms could match, the short form stays on its own), and junk is
 * dropped (pronouns, days, months, "Photo", sentence-initial common words). Entities come in order of
 * first mention; `key` is the same for the same name and type in any article.
 *
 * @example
 * extractArticleEntities(recognizer, 'Vladimir Putin met Kim Jong-un. Putin said Kim…');
 * // [{ key: 'PER:vladimir putin', name: 'Vladimir Putin', aliases: ['Putin'], mentions: [2 spans], … },
 * //  { key: 'PER:kim jong-un', name: 'Kim Jong-un', aliases: ['Kim'], … }]
 */
export function extractArticleEntities(recognizer: SpanRecognizer, text: string): ArticleEntity[] {
  // `isJunk` only consults the lower-case words for a one-word span (no white space) at a sentence start.
  let lowerWords: WordSet | undefined;
  const groups = new Map<string, Group>();
  const addMention = (span: EntitySpan): void => {
    const sentenceInitial = isSentenceInitial(text, span.start);
    const needsLowerWords = sentenceInitial && !hasWhiteSpace(span.text);
    if (isJunk(span, needsLowerWords ? (lowerWords ??= new LowerCaseWords(text)) : NO_WORDS, sentenceInitial)) return;
    const display = displayName(span.text);
    const identity = identityOfDisplay(display);
    if (identity === '') return;
    const group = groups.get(identity) ?? { identity, words: nameWords(identity), type: span.type, mentions: [] };
    group.mentions.push({ start: span.start, end: span.end, type: span.type, display, identity });
    groups.set(identity, group);
  };
  for (const span of recognizer.recognize(text)) {
    if (needsCleaning(span.text)) cleanSpan(span).forEach(addMention);
    else addMention(span);
  }
  for (const group of groups.values()) group.type = INSTITUTIONS.get(group.identity) ?? majorityType(group.mentions);
  joinCountryAliases(groups);
  joinRoyalTitles(groups);
  const all = [...groups.values()];
  const fullForms = new FullForms(all);
  for (const short of all) {
    // Only a one-word name or a family name with its particles can be a short form (a first or last name, an
    // acronym); a country and its aliases are not.
    const target = !short.target && short.name === undefined ? fullForms.only(short) : undefined;
    if (target) short.target = target;
  }
  const merged = new Map<Group, Mention[]>();
  for (const group of all) {
    let root = group;
    for (let hops = 0; root.target && hops < all.length; hops++) root = root.target;
    const mentions = merged.get(root);
    if (mentions) mentions.push(...group.mentions);
    else merged.set(root, [...group.mentions]);
  }
  const entities: ArticleEntity[] = [];
  for (const [root, mentions] of merged) {
    const name = root.name ?? bestDisplay(root.mentions);
    const ordered = mentions.sort((a, b) => a.start - b.start);
    const forms = new Map<string, number>();
    for (const mention of ordered) forms.set(mention.display, (forms.get(mention.display) ?? 0) + 1);
    const aliases = [...forms.keys()].filter((alias) => alias !== name).sort();
    entities.push({
      key: entityKey(root.type, name),
      name,
      type: root.type,
      aliases,
      mentions: ordered.map(({ start, end }) => ({ start, end })),
      forms: [...forms].map(([form, count]) => ({ text: form, count })),
    });
  }
  return entities.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}
