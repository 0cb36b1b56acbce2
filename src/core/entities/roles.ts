import { lowerBound } from '../lower-bound';
import { Kind, LineTokens, Token } from './role-tokens';
import { ArticleEntity, EntityType } from './types';

/**
 * One role an article attaches to an entity, with where it was written (for tests, benchmarks and
 * anyone who wants to show the sentence).
 *
 * @example
 * const role: MinedRole = { key: 'PER:dmitry peskov', role: 'Kremlin spokesman', start: 310, end: 327, mention: { start: 328, end: 341 } };
 */
export interface MinedRole {
  readonly key: string;
  /** The cleaned noun phrase: no leading article, white space collapsed, a sentence-initial capital undone. */
  readonly role: string;
  /** Offsets of the phrase as written in the article. */
  readonly start: number;
  readonly end: number;
  /** The mention the phrase describes. */
  readonly mention: { readonly start: number; readonly end: number };
}

/**
 * Nouns that head a role ("spokesman" in "Kremlin spokesman"). Mining is driven by this list: a phrase
 * without one of these words is never a role, which is what keeps verbs and clauses out ("said", "met").
 * Singular only: a plural ("officials") describes a group, not the person named after it.
 */
const HEADS = new Set([
  // titles, capitalised before a name ("President Reagan")
  'president', 'minister', 'secretary', 'chancellor', 'governor', 'senator', 'congressman', 'congresswoman', 'ambassador',
  'chairman', 'chairwoman', 'chairperson', 'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'mayor',
  'commissioner', 'judge', 'speaker', 'emperor', 'president-elect', 'vice-president', 'vice-chairman', 'treasurer', 'comptroller',
  // descriptions, lower case before a name ("analyst John Smith")
  'dictator', 'leader', 'head', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'manager', 'analyst',
  'economist', 'strategist', 'executive', 'officer', 'official', 'founder', 'co-founder', 'owner', 'administrator', 'counsel',
  'lawyer', 'attorney', 'adviser', 'advisor', 'aide', 'diplomat', 'negotiator', 'envoy', 'deputy', 'trader', 'dealer',
  'partner', 'member', 'editor', 'correspondent', 'coach', 'captain', 'commander', 'banker', 'broker',
  'representative', 'delegate', 'candidate', 'nominee', 'regulator', 'unit', 'subsidiary', 'division', 'affiliate',
]);

/**
 * "General" heads a role only after another head ("Secretary General", "Attorney General"): before a name
 * it is far more often the start of a company ("General Motors", "General Mills").
 */
const TRAILING_HEAD = 'general';

/** Heads that describe a company, not a person: the only roles mined for an ORG ("a unit of Montedison SpA"). */
const ORG_HEADS = new Set(['unit', 'subsidiary', 'division', 'affiliate']);

/**
 * Lower-case words that may stand before a head inside a role ("former", "vice", "finance" in
 * "former vice president", "finance minister"). Any capitalised word may stand there too.
 */
const MODIFIERS = new Set([
  'former', 'then', 'acting', 'interim', 'late', 'retired', 'outgoing', 'incoming', 'deputy', 'vice', 'co', 'assistant',
  'associate', 'senior', 'junior', 'top', 'chief', 'executive', 'managing', 'general', 'prime', 'press', 'first', 'second',
  'foreign', 'finance', 'defense', 'defence', 'state', 'trade', 'agriculture', 'energy', 'commerce', 'interior', 'justice',
  'health', 'labor', 'labour', 'treasury', 'economic', 'economics', 'financial', 'operating', 'marketing', 'sales', 'legal',
  'technical', 'national', 'security', 'military', 'party', 'union', 'company', 'bank', 'government', 'opposition', 'ruling',
  'presidential', 'federal', 'central', 'regional', 'local', 'international', 'oil', 'market', 'research', 'investment', 'board',
  'news', 'joint', 'majority', 'minority', 'commercial', 'independent', 'portfolio', 'fund', 'group', 'corporate', 'administration', 'cabinet',
]);

/** Heads written with a capital as titles: alone at a sentence start they keep it ("President Reagan said"). */
const TITLES = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'governor', 'senator', 'congressman', 'congresswoman', 'ambassador',
  'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'mayor', 'commissioner', 'judge', 'speaker', 'emperor',
]);

/** Modifiers that are common words even before a title: at a sentence start they lose the capital ("Former President"). */
const ALWAYS_LOWER = new Set(['former', 'then', 'acting', 'interim', 'late', 'retired', 'outgoing', 'incoming']);

/** Articles dropped from the start of a role ("the head of the Kremlin" → "head of the Kremlin"). */
const ARTICLES = new Set(['the', 'a', 'an']);
/** Prepositions that open a role's complement ("president of Acme", "analyst at Kidder", "spokesman for IBM"). */
const COMPLEMENT_PREPOSITIONS = new Set(['of', 'at', 'for']);
/** Words that may join the capitalised words of a complement ("Minister of Natural Resources and Environment"). */
const COMPLEMENT_JOINERS = new Set(['of', 'and', 'the', '&', 'de', 'for', 'on']);
/** Words that may join two heads ("chairman and chief executive"). */
const HEAD_JOINERS = new Set(['and', '&']);
/** Capitalised words that are never part of a role: they start a clause or name a time ("In", "On Monday"). */
const NEVER_IN_ROLE = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'with', 'to', 'from', 'for', 'and', 'or', 'but', 'as', 'that', 'this', 'these',
  'those', 'both', 'either', 'neither', 'all', 'each', 'who', 'which', 'whose', 'if', 'when', 'while', 'after', 'before', 'since', 'during', 'under', 'then', 'also', 'according', 'said', 'says',
  'told', 'mr', 'mrs', 'ms', 'dr', 'sir', 'he', 'she', 'it', 'they', 'we', 'i', 'his', 'her', 'its', 'their', 'our', 'my',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** The longest role kept, in words: anything longer is a clause or a list, not a title. */
const MAX_ROLE_WORDS = 10;
/** How far around a mention the miner reads, in characters: a role is a few words, and this bounds the work per mention. */
const WINDOW = 160;

const POSSESSIVE = /['’]s?$/u;
const CAPITALISED = /^\p{Lu}/u;
const NEWLINE = 0x0a;

/** Whether a character range overlaps a mention (of a person, or of any entity). */
type PersonTest = (start: number, end: number) => boolean;

function isCapitalised(token: Token): boolean {
  return CAPITALISED.test(token.text);
}

/** A word that may stand before the head of a role: a capitalised word (not a clause word), a modifier, or another head. */
function isModifier(token: Token, isPerson: PersonTest): boolean {
  if (token.kind !== Kind.Word || POSSESSIVE.test(token.text) || isPerson(token.start, token.end)) return false;
  if (NEVER_IN_ROLE.has(token.lower)) return false;
  return MODIFIERS.has(token.lower) || HEADS.has(token.lower) || isCapitalised(token);
}

/** A capitalised word of a complement ("Acme", "U.S.", "Environment"), not another person. */
function isComplementWord(token: Token | undefined, isPerson: PersonTest): boolean {
  return token !== undefined && token.kind === Kind.Word && isCapitalised(token) && !NEVER_IN_ROLE.has(token.lower) && !isPerson(token.start, token.end);
}

/**
 * Whether `tokens[at]` joins two capitalised words before the head: "of" in "Bank of Japan Governor", "and"
 * in "Trade and Industry Minister" (only right before the last word of the title: in "Japan and U.S. Trade
 * Representative" the "and" joins two countries, not the title). "government of President Sarney" is
 * not joined: "government" is no name.
 */
function joinsNames(tokens: readonly Token[], at: number, isPerson: PersonTest): boolean {
  const joiner = tokens[at]?.lower;
  const before = tokens[at - 1];
  if (!before || !isComplementWord(before, isPerson) || !isComplementWord(tokens[at + 1], isPerson)) return false;
  if (joiner === 'of') return true;
  return joiner === 'and' && HEADS.has(tokens[at + 2]?.lower ?? '');
}

interface ParsedRole {
  /** The index after the role's last token. */
  readonly end: number;
  /** The last head, lower case. */
  readonly head: string;
  /** The index of its token. */
  readonly headAt: number;
  /** Whether a complement follows the head ("of Acme"): such a role may be cut short, one without must be closed. */
  readonly complemented: boolean;
}

/**
 * Parses a role at `tokens[from]`: modifiers and heads ending in a head ("Russian President",
 * "chairman and chief executive"), then an optional complement ("of Acme Corp"). Returns the index
 * after the role, or undefined. The complement is cut at its last capitalised word when a clause word
 * follows ("president of Trident before the merger" → "president of Trident"), and is no role when a
 * lower-case noun follows; a head followed by anything but a complement is no role.
 */
function parseRole(tokens: readonly Token[], from: number, isPerson: PersonTest): ParsedRole | undefined {
  let i = from;
  let headEnd = -1;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    if (isModifier(token, isPerson)) {
      if (HEADS.has(token.lower) || (token.lower === TRAILING_HEAD && headEnd === i)) {
        headEnd = i + 1;
      }
      i++;
    } else if (headEnd === i && HEAD_JOINERS.has(token.lower)) {
      i++;
    } else if (headEnd < 0 && joinsNames(tokens, i, isPerson)) {
      i++;
    } else break;
  }
  const head = tokens[headEnd - 1]?.lower;
  if (headEnd < 0 || head === undefined) return undefined;
  // Words after the last head must be the start of a complement: "Russian President Putin" is not a role.
  if (headEnd !== i && !(HEAD_JOINERS.has(tokens[headEnd]?.lower ?? '') && headEnd + 1 === i)) return undefined;
  const preposition = tokens[headEnd];
  if (!preposition || !COMPLEMENT_PREPOSITIONS.has(preposition.lower)) return { end: headEnd, head, headAt: headEnd - 1, complemented: false };
  let end = headEnd;
  for (let j = headEnd + 1; j < tokens.length; j++) {
    const token = tokens[j];
    if (!token) break;
    if (isComplementWord(token, isPerson)) {
      end = j + 1;
    } else if (!(token.kind === Kind.Word && COMPLEMENT_JOINERS.has(token.lower))) {
      // A lower-case noun or a person's name continues the phrase ("head of European research", "president of the
      // Computer…" with a mistagged "Computer"): cutting there would change what the role says.
      if (token.kind === Kind.Word && !NEVER_IN_ROLE.has(token.lower)) return undefined;
      break;
    }
  }
  return { end, head, headAt: headEnd - 1, complemented: end > headEnd };
}

/** Whether the tokens at `at` close an apposition or a title: a comma, the end of a sentence, line or window. */
function closes(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  return !token || token.kind !== Kind.Word || token.lower === 'said' || token.lower === 'says';
}

/**
 * The role's text as shown: white space collapsed, and a sentence-initial capital undone on a common word
 * ("Former President" → "former President", "Finance director" → "finance director", "Analyst" →
 * "analyst", "Chairman of the Fed" → "chairman of the Fed"), but kept on a title ("President",
 * "Minister of State for Finance", "Trade and Industry Minister": the writer capitalised its head) and
 * on a name ("Kremlin spokesman").
 */
function cleanRole(text: string, candidate: Candidate): string {
  const collapsed = text.replace(/\s+/gu, ' ');
  if (!candidate.sentenceInitial) return collapsed;
  const space = collapsed.indexOf(' ');
  const lower = (space < 0 ? collapsed : collapsed.slice(0, space)).toLowerCase();
  let common: boolean;
  if (ALWAYS_LOWER.has(lower)) common = true;
  else if (candidate.headFirst) common = !TITLES.has(lower);
  // "General Motors chairman": a capitalised word after it makes the first word part of a name.
  else common = !candidate.headCapitalised && (MODIFIERS.has(lower) || HEADS.has(lower)) && !CAPITALISED.test(collapsed.slice(space + 1));
  return common ? lower + collapsed.slice(lower.length) : collapsed;
}

/** What the miner reads around one mention: its tokens, and what the article's entities say about them. */
interface Scan {
  readonly tokens: readonly Token[];
  /** Whether the first token starts the line (the window was not cut in the middle of it). */
  readonly fromLineStart: boolean;
  readonly isPerson: PersonTest;
  /** Whether a range overlaps any entity's mention: a capitalised word at a sentence start is a name only then. */
  readonly isNamed: PersonTest;
}

function startsSentence(scan: Scan, at: number): boolean {
  const before = scan.tokens[at - 1];
  return before ? before.kind === Kind.Stop : scan.fromLineStart;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly head: string;
  readonly sentenceInitial: boolean;
  /** Whether the role starts with its head ("Chairman of…"): then its capital may only be the sentence's. */
  readonly headFirst: boolean;
  /** Whether the head is written with a capital ("Trade and Industry Minister"): a title in title case. */
  readonly headCapitalised: boolean;
}

function candidate(scan: Scan, from: number, last: Token, parsed: ParsedRole, sentenceInitial: boolean): Candidate | undefined {
  const first = scan.tokens[from];
  const head = scan.tokens[parsed.headAt];
  if (!first || !head) return undefined;
  return { start: first.start, end: last.end, head: parsed.head, sentenceInitial, headFirst: parsed.headAt === from, headCapitalised: isCapitalised(head) };
}

/**
 * Whether a role may start at `tokens[from]`. Not at a joining word, and not at a sentence-initial
 * capitalised word that is neither a known role word nor part of a name: its capital says nothing
 * ("Using President Reagan's assumptions" → "President").
 */
function canStartRole(scan: Scan, from: number): boolean {
  const token = scan.tokens[from];
  if (!token || NEVER_IN_ROLE.has(token.lower) || COMPLEMENT_JOINERS.has(token.lower)) return false;
  if (!startsSentence(scan, from) || MODIFIERS.has(token.lower) || HEADS.has(token.lower)) return true;
  return scan.isNamed(token.start, token.end);
}

/**
 * The longest role that ends exactly before `tokens[end]`, reading back over the words `extendsOver` allows;
 * none when a person's name stands right before it (the words after it are a fragment: "Both
 * Treasury[PER] Secretary").
 */
function roleEndingAt(scan: Scan, end: number, extendsOver: (token: Token) => boolean): Candidate | undefined {
  const { tokens } = scan;
  let first = end;
  for (let token = tokens[first - 1]; token && (isModifier(token, scan.isPerson) || extendsOver(token)); token = tokens[first - 1]) first--;
  for (let from = first; from < end; from++) {
    const token = tokens[from];
    const last = tokens[end - 1];
    if (!token || !last || !canStartRole(scan, from)) continue;
    const parsed = parseRole(tokens, from, scan.isPerson);
    if (parsed?.end !== end) continue;
    const before = tokens[from - 1];
    if (before?.kind === Kind.Word && scan.isPerson(before.start, before.end)) return undefined;
    return candidate(scan, from, last, parsed, startsSentence(scan, from));
  }
  return undefined;
}

/** "Kremlin spokesman Dmitry Peskov", "Secretary of State George Shultz": the longest role right before the mention. */
function titleBefore(scan: Scan, mentionAt: number): Candidate | undefined {
  // A mention that starts with a role word took in part of its title ("Justice William Rehnquist" after "Chief").
  const first = scan.tokens[mentionAt]?.lower ?? '';
  if (HEADS.has(first) || MODIFIERS.has(first)) return undefined;
  return roleEndingAt(scan, mentionAt, (token) => token.lower === 'of' || token.lower === 'and');
}

/** "Alexander Kozlov, Minister of Natural Resources and Environment,": the phrase after the mention's comma. */
function appositionAfter(scan: Scan, afterMention: number): Candidate | undefined {
  const { tokens } = scan;
  if (tokens[afterMention]?.kind !== Kind.Comma) return undefined;
  let from = afterMention + 1;
  if (ARTICLES.has(tokens[from]?.lower ?? '')) from++;
  const parsed = parseRole(tokens, from, scan.isPerson);
  const last = parsed ? tokens[parsed.end - 1] : undefined;
  if (!parsed || !last) return undefined;
  // Without a complement the phrase must end there ("Smith, analyst, said"); a cut complement is a role already.
  if (!parsed.complemented && !closes(tokens, parsed.end)) return undefined;
  return candidate(scan, from, last, parsed, false);
}

/** "the head of the Kremlin, Vladimir Putin,": the phrase before the comma that precedes the mention, which must close. */
function appositionBefore(scan: Scan, mentionAt: number, afterMention: number): Candidate | undefined {
  const comma = mentionAt - 1;
  // The name must close the apposition: in "after meeting the president, Putin said" they are two people.
  if (scan.tokens[comma]?.kind !== Kind.Comma || scan.tokens[afterMention]?.kind === Kind.Word) return undefined;
  return roleEndingAt(scan, comma, (token) => token.kind === Kind.Word && COMPLEMENT_JOINERS.has(token.lower));
}

/** Whether a role suits an entity of this type: people take any head, organisations only a company's ("a unit of"). */
function suits(type: EntityType, head: string): boolean {
  if (type === 'PER') return !ORG_HEADS.has(head);
  return type === 'ORG' && ORG_HEADS.has(head);
}

/**
 * The part of the mention's line within WINDOW characters of it. Looking for the line's ends only that
 * far keeps a 2 MB article without line breaks linear: a mention costs its window, not its line.
 */
function windowAround(text: string, start: number, end: number): { from: number; to: number; fromLineStart: boolean } {
  const least = Math.max(0, start - WINDOW);
  let from = start;
  while (from > least && text.charCodeAt(from - 1) !== NEWLINE) from--;
  const most = Math.min(text.length, end + WINDOW);
  let to = end;
  while (to < most && text.charCodeAt(to) !== NEWLINE) to++;
  return { from, to, fromLineStart: from === 0 || text.charCodeAt(from - 1) === NEWLINE };
}

function indexOfTokenAt(tokens: readonly Token[], offset: number): number {
  return lowerBound(tokens.length, (i) => (tokens[i]?.start ?? Infinity) < offset);
}

/** A test for overlap with the mentions of `entities` that pass `keep`: mentions never overlap, so one binary search finds the one at an offset. */
function mentionTest(entities: readonly ArticleEntity[], keep: (entity: ArticleEntity) => boolean): PersonTest {
  const mentions: { start: number; end: number }[] = [];
  for (const entity of entities) if (keep(entity)) mentions.push(...entity.mentions);
  mentions.sort((a, b) => a.start - b.start);
  return (start, end) => {
    const found = mentions[lowerBound(mentions.length, (i) => (mentions[i]?.end ?? Infinity) <= start)];
    return found !== undefined && found.start < end;
  };
}

/**
 * The roles an article attaches to its entities, one per phrase as written: a title right before a
 * mention ("Kremlin spokesman Dmitry Peskov", "U.S. Treasury Secretary James Baker") and an apposition
 * on either side of it, set off by a comma ("the head of the Kremlin, Vladimir Putin,", "Alexander
 * Kozlov, Minister of Natural Resources and Environment"). Roles go to people, and to organisations only
 * as a company's place in a group ("Iowa Beef, a subsidiary of Occidental Petroleum Corp"). A phrase is
 * a role only when it ends in a known head noun (president, minister, spokesman, analyst…) with an
 * optional capitalised complement ("of Acme Corp"), so clauses and verbs never become roles; it never
 * contains another person's name, and a role that is only an entity's name is dropped.
 *
 * @example
 * const entities = extractArticleEntities(recognizer, 'Kremlin spokesman Dmitry Peskov said so.');
 * mineRoles('Kremlin spokesman Dmitry Peskov said so.', entities);
 * // [{ key: 'PER:dmitry peskov', role: 'Kremlin spokesman', start: 0, end: 17, mention: { start: 18, end: 31 } }]
 */
export function mineRoles(text: string, entities: readonly ArticleEntity[]): MinedRole[] {
  const names = new Set<string>();
  for (const entity of entities) {
    names.add(entity.name.toLowerCase());
    for (const alias of entity.aliases) names.add(alias.toLowerCase());
  }
  // A person's name inside a role means the phrase is a list or belongs to someone else ("Putin spokesman…" is rare, lists are not).
  const isPerson = mentionTest(entities, (entity) => entity.type === 'PER');
  const isNamed = mentionTest(entities, () => true);
  const roles: MinedRole[] = [];
  const lines = new LineTokens(text);
  for (const entity of entities) {
    if (entity.type !== 'PER' && entity.type !== 'ORG') continue;
    for (const mention of entity.mentions) {
      const { from, to, fromLineStart } = windowAround(text, mention.start, mention.end);
      const scan: Scan = { tokens: lines.window(from, to), fromLineStart, isPerson, isNamed };
      const at = indexOfTokenAt(scan.tokens, mention.start);
      const after = indexOfTokenAt(scan.tokens, mention.end);
      const candidates = [
        entity.type === 'PER' ? titleBefore(scan, at) : undefined,
        appositionAfter(scan, after),
        appositionBefore(scan, at, after),
      ];
      for (const found of candidates) {
        if (!found || !suits(entity.type, found.head)) continue;
        const role = cleanRole(text.slice(found.start, found.end), found);
        if (role.split(' ').length > MAX_ROLE_WORDS || names.has(role.toLowerCase())) continue;
        roles.push({ key: entity.key, role, start: found.start, end: found.end, mention });
      }
    }
  }
  return roles;
}

/**
 * For the index: each entity key with the distinct roles this article attaches to it, in order of
 * first appearance (case variants count once: the first spelling is kept). Entities without a role
 * are absent.
 *
 * @example
 * articleRoles(text, extractArticleEntities(recognizer, text));
 * // Map { 'PER:dmitry peskov' => ['Kremlin spokesman'], 'PER:vladimir putin' => ['Russian President'] }
 */
export function articleRoles(text: string, entities: readonly ArticleEntity[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const { key, role } of mineRoles(text, entities)) {
    const identity = `${key}\u0000${role.toLowerCase()}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const list = byKey.get(key);
    if (list) list.push(role);
    else byKey.set(key, [role]);
  }
  return byKey;
}
