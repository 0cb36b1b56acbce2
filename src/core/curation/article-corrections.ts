import { entityKey } from '../entities/article-entities';
import { displayName, nameIdentity } from '../entities/names';
import { Cancellation } from '../entities/threaded-entities';
import { ArticleEntity, EntityType } from '../entities/types';
import { CorrectedEntity, EntityCorrections } from './entity-corrections';
import { exactNameMentions } from './exact-name';

/**
 * The entities of one article's text as the features read them: the recogniser's, with the user's
 * corrections applied. `id` is the article's id (its URI), for the corrections that apply to some articles only.
 * Undefined while a long text is being analysed on another thread: the features that cannot wait show nothing (or
 * the article's entities from before an edit) meanwhile and ask again when the engine says its entities arrived; those
 * that can wait use `awaitingAnalyzer`, and give the token with which they stop waiting (`waiter`): a long text no one
 * waits for any more is not analysed.
 *
 * @example
 * const analyze: ArticleAnalyzer = correctedAnalyzer((text, id, waiter) => engine.analyze(text, id, false, waiter), facts);
 * const entities = analyze(document.getText(), document.uri.toString()); // undefined while a long text is analysed
 */
export type ArticleAnalyzer = (text: string, id?: string, waiter?: Cancellation) => readonly ArticleEntity[] | undefined;

interface Building {
  key: string;
  name: string;
  type: EntityType;
  mentions: { start: number; end: number }[];
  forms: Map<string, number>;
}

function building(key: string, name: string, type: EntityType): Building {
  return { key, name, type, mentions: [], forms: new Map() };
}

/** The form a mention counts as: its display name, as the engine counts forms ("Workers’ Party" is "Workers' Party"). */
function formAt(text: string, mention: { start: number; end: number }): string {
  return displayName(text.slice(mention.start, mention.end));
}

function take(target: Building, mentions: readonly { start: number; end: number }[], text: string): void {
  target.mentions.push(...mentions);
  for (const mention of mentions) {
    const form = formAt(text, mention);
    target.forms.set(form, (target.forms.get(form) ?? 0) + 1);
  }
}

/**
 * The entity as built, its aliases read from the mentions it kept, as the engine reads them (each mention's display
 * name, sorted): the names its members brought would still list a spelling whose every mention an added name took.
 * An empty mention (one an index's recount could not place on the words) writes no name.
 */
function finished({ key, name, type, mentions, forms }: Building, text: string): ArticleEntity {
  const written = new Set(mentions.map((mention) => formAt(text, mention)));
  written.delete(name);
  written.delete('');
  return {
    key,
    name,
    type,
    aliases: [...written].sort(),
    mentions: mentions.sort((a, b) => a.start - b.start),
    forms: [...forms].map(([text, count]) => ({ text, count })),
  };
}

/** Whether the corrected entity applies in article `id` (an unknown article is every article). */
function appliesIn(entity: CorrectedEntity, id: string | undefined): boolean {
  return id === undefined || !entity.ignoreIn.has(id);
}

/**
 * Applies the corrections to the entities the recogniser found in one article (`text`, whose id is `id`):
 * ignored entities go; merged, renamed and retyped ones take their corrected key, name and type (mentions
 * of several become one entity); mentions written as a `split` form become an entity of their own; and
 * every whole-word occurrence of an added name (`add`, or `addIn` this article) becomes a mention of its entity.
 * The user's word wins: an engine mention that an added name's occurrence overlaps goes, whole (the rest of its
 * span is no mention; an entity left without mentions leaves the article), except a mention of the added name's own
 * entity that holds the occurrence whole, and a longer mention that holds it whole and is of another type or, like
 * it, a person's ("Bush" added inside "Laura Bush"): those stand, and the occurrence is no mention; where added names overlap each other,
 * the longer occurrence stands (the earlier, at equal length). Entities stay in order of first mention, and no two
 * mentions overlap that the recogniser did not give so. An entity's aliases are the other names its remaining
 * mentions are written as, so a spelling whose mentions an added name took is no alias any more. Without corrections, the entities are returned as they are.
 * `added`: the added names' occurrences in `text` ({@link addedOccurrences}), when the caller has them already.
 *
 * @example
 * correctArticleEntities(corrections, engine.analyze(text), text, 'file:///news/a.txt'); // "Putin" now under 'PER:vladimir putin'
 * // With "Science and Education" added as an organization, the engine's ORG "Science and Education of the Workers'
 * // Party Central Committee" gives way to it: ORG "Science and Education", and the rest of that span is plain text.
 */
export function correctArticleEntities(
  corrections: EntityCorrections,
  entities: readonly ArticleEntity[],
  text: string,
  id?: string,
  added?: readonly AddedOccurrence[],
): readonly ArticleEntity[] {
  if (corrections.isEmpty) return entities;
  const byKey = new Map<string, Building>();
  const into = (key: string, name: string, type: EntityType): Building => {
    let target = byKey.get(key);
    if (!target) byKey.set(key, (target = building(key, name, type)));
    return target;
  };
  const place = (key: string, name: string, type: EntityType, mentions: readonly { start: number; end: number }[]) => {
    const fate = corrections.fateOf(key);
    if (fate === 'ignored') return;
    if (fate === undefined) take(into(key, name, type), mentions, text);
    else if (appliesIn(fate.entity, id)) take(into(fate.entity.key, fate.entity.name, fate.entity.type), mentions, text);
  };
  for (const entity of entities) {
    const fate = corrections.fateOf(entity.key);
    const split = fate === undefined || fate === 'ignored' ? [] : fate.entity.split;
    if (split.length === 0) {
      place(entity.key, entity.name, entity.type, entity.mentions);
      continue;
    }
    const kept: { start: number; end: number }[] = [];
    const apart = new Map<string, { name: string; mentions: { start: number; end: number }[] }>();
    for (const mention of entity.mentions) {
      const form = text.slice(mention.start, mention.end);
      const identity = nameIdentity(form);
      if (!split.includes(identity)) {
        kept.push(mention);
        continue;
      }
      const own = apart.get(identity) ?? { name: form, mentions: [] };
      own.mentions.push(mention);
      apart.set(identity, own);
    }
    const keptName = [entity.name, ...entity.aliases].find((name) => !split.includes(nameIdentity(name))) ?? entity.key;
    if (kept.length > 0) place(entity.key, keptName, entity.type, kept);
    // A split form is of the corrected entity's type: a retyped entity's split form is keyed so everywhere else.
    const type = fate === undefined || fate === 'ignored' ? entity.type : fate.entity.type;
    for (const { name, mentions } of apart.values()) place(entityKey(type, name), name, type, mentions);
  }
  addNames(byKey, into, text, added ?? addedOccurrences(corrections, text, id));
  return [...byKey.values()]
    .filter((entity) => entity.mentions.length > 0)
    .map((entity) => finished(entity, text))
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

/**
 * An occurrence of a name the user added to `entity`.
 *
 * @example
 * const occurrence: AddedOccurrence = { entity: scienceAndEducation, name: 'Science and Education', start: 40, end: 61 };
 */
export interface AddedOccurrence {
  readonly entity: CorrectedEntity;
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Whether two spans of a text share a character.
 *
 * @example
 * overlaps({ start: 0, end: 5 }, { start: 4, end: 9 }); // true
 * overlaps({ start: 0, end: 5 }, { start: 5, end: 9 }); // false
 */
export function overlaps(a: { readonly start: number; readonly end: number }, b: { readonly start: number; readonly end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The occurrences of the names added for article `id` (its text `text`), without overlaps among them: the longer
 * stands, then the earlier.
 *
 * @example
 * addedOccurrences(corrections, 'Science and Education met.', 'file:///news/a.txt'); // [{ entity, name: 'Science and Education', start: 0, end: 21 }]
 */
export function addedOccurrences(corrections: EntityCorrections, text: string, id: string | undefined): AddedOccurrence[] {
  const found: AddedOccurrence[] = [];
  for (const entity of corrections.entities()) {
    if (!appliesIn(entity, id)) continue;
    for (const added of entity.added) {
      if (!added.everywhere && (id === undefined || !added.articles.has(id))) continue;
      for (const { start, end } of exactNameMentions(text, added.name)) found.push({ entity, name: added.name, start, end });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: AddedOccurrence[] = [];
  for (const occurrence of found) if (!kept.some((other) => overlaps(other, occurrence))) kept.push(occurrence);
  return kept;
}

function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Whether a longer engine name of type `outer` keeps a shorter added name of type `inner` inside it from taking its
 * place: a name of another type is part of a longer one, not a correction of it (a person "Washington" in the
 * organization "Washington Post"), and so is a person's name in another person's ("Bush" in "Laura Bush"). A place
 * in a place ("Korea" in "North Korea") and an organization in an organization still take over.
 */
function keepsShorterName(outer: EntityType, inner: EntityType): boolean {
  return outer !== inner || inner === 'PER';
}

/**
 * Makes every occurrence of an added name a mention of its entity, in place of the mentions it overlaps (the
 * user's word is a correction of the recogniser's): those are dropped whole, with their forms. An occurrence inside
 * a mention of its own entity corrects nothing ("Putin" added to Vladimir Putin, inside "Vladimir Putin"), nor one
 * inside a longer mention that {@link keepsShorterName}: that mention stands, unless another added name's
 * occurrence takes it.
 */
function addNames(byKey: Map<string, Building>, into: (key: string, name: string, type: EntityType) => Building, text: string, found: readonly AddedOccurrence[]): void {
  if (found.length === 0) return;
  const held = (occurrence: AddedOccurrence) => {
    const length = occurrence.end - occurrence.start;
    for (const entity of byKey.values()) {
      const own = entity.key === occurrence.entity.key;
      if (!own && !keepsShorterName(entity.type, occurrence.entity.type)) continue;
      if (entity.mentions.some((mention) => contains(mention, occurrence) && (own || mention.end - mention.start > length))) return true;
    }
    return false;
  };
  dropOverlapped(byKey, found.filter((occurrence) => !held(occurrence)), text);
  // Asked again: a mention that held an occurrence may have gone to another added name, which leaves it to be added.
  for (const { entity, start, end } of found.filter((occurrence) => !held(occurrence))) take(into(entity.key, entity.name, entity.type), [{ start, end }], text);
}

/** Drops the mentions that an occurrence of `occurrences` overlaps, whole, with their forms. */
function dropOverlapped(byKey: Map<string, Building>, occurrences: readonly AddedOccurrence[], text: string): void {
  for (const entity of byKey.values()) {
    entity.mentions = entity.mentions.filter((mention) => {
      if (!occurrences.some((occurrence) => overlaps(occurrence, mention))) return true;
      const form = formAt(text, mention);
      const left = (entity.forms.get(form) ?? 0) - 1;
      if (left > 0) entity.forms.set(form, left);
      else entity.forms.delete(form);
      return false;
    });
  }
}

/**
 * The analyzer the features use: the engine's entities of a text with the current corrections applied (undefined
 * while the engine has none yet).
 *
 * @example
 * const analyze = correctedAnalyzer((text, id) => engine.analyze(text, id), facts);
 * analyze(document.getText(), document.uri.toString());
 */
export function correctedAnalyzer(engine: ArticleAnalyzer, facts: { corrections(): EntityCorrections }): ArticleAnalyzer {
  // The engine answers a text it remembers with the same entities: corrected once, they are reused until the
  // corrections or the article change. Corrections scan the whole text (the added names), and a hover, the colours
  // and the views each ask: on a long article that was a scan of hundreds of KB on the host's thread per call.
  const corrected = new WeakMap<readonly ArticleEntity[], { readonly corrections: EntityCorrections; readonly id: string | undefined; readonly entities: readonly ArticleEntity[] }>();
  return (text, id, waiter) => {
    const found = engine(text, id, waiter);
    if (found === undefined) return undefined;
    const corrections = facts.corrections();
    const known = corrected.get(found);
    if (known !== undefined && known.corrections === corrections && known.id === id) return known.entities;
    const entities = correctArticleEntities(corrections, found, text, id);
    corrected.set(found, { corrections, id, entities });
    return entities;
  };
}
