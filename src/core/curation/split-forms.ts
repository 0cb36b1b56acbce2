import { entityKey } from '../entities/article-entities';
import { isAllCaps, nameIdentity } from '../entities/names';
import { EntityType } from '../entities/types';
import { DocStore } from '../search/doc-store';
import { tokenize } from '../search/tokenize';
import { CorrectedEntity } from './entity-corrections';

/**
 * Counts, in one token sequence (the index's word ids of an article), the occurrences of each of `forms`
 * (word id sequences): scanning left to right, the longest form that starts at a word wins and the scan goes
 * on after it, so "Kim" inside "Kim Jong-un" is not an occurrence of "Kim". A form with an empty sequence (a
 * word the index does not have) never occurs.
 *
 * @example
 * formOccurrences([7, 8, 9, 4, 7], [[7], [7, 8, 9]]); // [1, 1]: "Kim Jong un … Kim"
 */
export function formOccurrences(tokens: ArrayLike<number>, forms: readonly (readonly number[])[]): number[] {
  return formCounterOf(forms)(tokens);
}

/**
 * {@link formOccurrences} for many token sequences: the forms are grouped by their first word once, so each word
 * of a sequence costs one lookup (an entity's articles are hundreds of thousands of words).
 *
 * @example
 * const count = formCounterOf([[7], [7, 8, 9]]);
 * count([7, 8, 9, 4, 7, 5]); // [1, 1]
 */
export function formCounterOf(forms: readonly (readonly number[])[]): (tokens: ArrayLike<number>) => number[] {
  const byFirst = new Map<number, { form: readonly number[]; i: number }[]>();
  forms.forEach((form, i) => {
    const first = form[0];
    if (first === undefined) return;
    const starting = byFirst.get(first) ?? [];
    starting.push({ form, i });
    byFirst.set(first, starting.sort((a, b) => b.form.length - a.form.length));
  });
  // Most words start no form: a flag per word id answers that without a map lookup.
  const starts = new Uint8Array(Math.max(-1, ...byFirst.keys()) + 1);
  for (const first of byFirst.keys()) starts[first] = 1;
  return (tokens) => {
    const counts = forms.map(() => 0);
    for (let at = 0; at < tokens.length; ) {
      if (starts[tokens[at] ?? 0] !== 1) {
        at++;
        continue;
      }
      const found = byFirst.get(tokens[at] ?? 0)?.find(({ form }) => form.every((id, k) => tokens[at + k] === id));
      if (found === undefined) {
        at++;
        continue;
      }
      counts[found.i] = (counts[found.i] ?? 0) + 1;
      at += found.form.length;
    }
    return counts;
  };
}

/**
 * The word ids of a name as the index writes them (lower case, accents removed), or an empty list when one of
 * its words is not in the index's dictionary (the name cannot occur).
 *
 * @example
 * formTermIds('Kim Jong-un', (word) => dictionary.id(word)); // [7, 8, 9]
 */
export function formTermIds(form: string, termId: (word: string) => number | undefined): number[] {
  const ids = tokenize(form).map((token) => termId(token.term));
  return ids.some((id) => id === undefined) ? [] : ids.map((id) => id ?? 0);
}

/**
 * How one article's mentions of an entity divide once forms are split off it, given the occurrences of its
 * other forms (`kept`) and of each split form (`split`) in the article's words. Where only split forms occur,
 * all the mentions go to them (the largest takes what the words do not account for); where other forms occur
 * too, each split form takes its occurrences and the entity keeps the rest, at least one mention.
 *
 * @example
 * divideMentions(3, 1, [2]); // { kept: 1, split: [2] }
 * divideMentions(2, 0, [1]); // { kept: 0, split: [2] }: the article leaves the entity
 */
export function divideMentions(mentions: number, kept: number, split: readonly number[]): { kept: number; split: number[] } {
  let left = kept === 0 ? mentions : mentions - 1;
  const shares = split.map((occurrences) => {
    const share = Math.max(0, Math.min(occurrences, left));
    left -= share;
    return share;
  });
  if (kept === 0 && left > 0 && shares.length > 0) {
    const largest = split.indexOf(Math.max(...split));
    shares[largest] = (shares[largest] ?? 0) + left;
  }
  return { kept: mentions - shares.reduce((sum, share) => sum + share, 0), split: shares };
}

/**
 * What {@link splitEntity} reads of an index, for articles of type `A` (an index's article, or a document
 * number): an engine entity's written forms (name and aliases), its articles with their mentions, and a
 * counter of forms in an article's words.
 *
 * @example
 * const source: SplitSource<EntityArticle> = { forms: (key) => …, articles: (key) => …, formCounter: (forms) => (article) => … };
 */
export interface SplitSource<A> {
  forms(key: string): readonly string[];
  articles(key: string): Iterable<{ readonly article: A; readonly mentions: number }>;
  formCounter(forms: readonly string[]): (article: A) => readonly number[];
}

/**
 * An entity of its own made of a form split off another: the engine key of the form ("PER:kim"), a name to
 * show (the form as the engine wrote it) and the entity's type.
 *
 * @example
 * const kim: SplitOff = { key: 'PER:kim', name: 'Kim', type: 'PER' };
 */
export interface SplitOff {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
}

/**
 * The outcome of splitting forms off one corrected entity: per article, the mentions that leave the entity
 * (`moved`), the articles where all of an engine entity's mentions leave (`emptied`, by the engine entity's
 * key), and for each split-off form its articles with the mentions it takes.
 *
 * @example
 * const split: EntitySplit<string> = { moved: new Map([['c.txt', 1]]), emptied: new Map([['PER:kim jong-un', new Set(['c.txt'])]]), off: [{ entity: kim, articles: new Map([['c.txt', 1]]) }] };
 */
export interface EntitySplit<A> {
  readonly moved: ReadonlyMap<A, number>;
  readonly emptied: ReadonlyMap<string, ReadonlySet<A>>;
  readonly off: readonly { readonly entity: SplitOff; readonly articles: ReadonlyMap<A, number> }[];
}

/** The forms of a corrected entity's members, split ones by identity (its first spelling that is not in capitals only, else its first). */
function formsOf<A>(entity: CorrectedEntity, source: SplitSource<A>): { kept: Set<string>; split: Map<string, string>; splitMembers: string[] } {
  const kept = new Set([entity.name]);
  const split = new Map<string, string>();
  const splitMembers: string[] = [];
  const own = entity.key.slice(entity.key.indexOf(':') + 1);
  for (const member of entity.members) {
    let splits = false;
    for (const form of source.forms(member)) {
      const identity = nameIdentity(form);
      // A spelling of the entity's own name ("The Reagan" of Reagan) cannot be split off it.
      if (identity === own || !entity.split.includes(identity)) kept.add(form);
      else {
        splits = true;
        const known = split.get(identity);
        if (known === undefined || (isAllCaps(known) && !isAllCaps(form))) split.set(identity, form);
      }
    }
    if (splits) splitMembers.push(member);
  }
  return { kept, split, splitMembers };
}

/**
 * Splits the `split` forms off a corrected entity at corpus level, from the words the index holds (the
 * recogniser is not run): only the articles of the engine entities that wrote one of those forms are read;
 * in each, the mentions divide as {@link divideMentions} says, counting the forms with
 * {@link formOccurrences}. A split form the engine never merged into the entity moves nothing.
 *
 * @example
 * splitEntity(kimJongUn, source).off; // [{ entity: { key: 'PER:kim', name: 'Kim', type: 'PER' }, articles: Map { 'c.txt' => 1, 'a.txt' => 1 } }]
 */
export function splitEntity<A>(entity: CorrectedEntity, source: SplitSource<A>): EntitySplit<A> {
  const { kept, split, splitMembers } = formsOf(entity, source);
  if (split.size === 0) return { moved: new Map(), emptied: new Map(), off: [] };
  const splitForms = [...split.values()];
  const keptForms = [...kept].filter((form) => !split.has(nameIdentity(form)));
  const count = source.formCounter([...splitForms, ...keptForms]);
  const moved = new Map<A, number>();
  const emptied = new Map<string, Set<A>>();
  const off = splitForms.map((name) => ({ entity: { key: entityKey(entity.type, name), name, type: entity.type }, articles: new Map<A, number>() }));
  for (const member of splitMembers) {
    const gone = new Set<A>();
    emptied.set(member, gone);
    for (const { article, mentions } of source.articles(member)) {
      const occurrences = count(article);
      const others = occurrences.slice(splitForms.length).reduce((sum, n) => sum + n, 0);
      const { kept: left, split: shares } = divideMentions(mentions, others, occurrences.slice(0, splitForms.length));
      if (left === 0) gone.add(article);
      shares.forEach((share, i) => {
        const target = off[i];
        if (share === 0 || target === undefined) return;
        target.articles.set(article, (target.articles.get(article) ?? 0) + share);
        moved.set(article, (moved.get(article) ?? 0) + share);
      });
    }
  }
  return { moved, emptied, off: off.filter(({ articles }) => articles.size > 0) };
}

/**
 * A counter of `forms` in a document's words (body and title apart, so that no form runs across them), as
 * {@link SplitSource.formCounter} wants it, reading the store's word ids (no text is inflated).
 *
 * @example
 * const count = docFormCounter(store, (word) => dictionary.id(word), ['Kim', 'Kim Jong-un']);
 * count(12); // [1, 2]
 */
export function docFormCounter(store: Pick<DocStore, 'tokens' | 'bodyLen' | 'titleLen' | 'isLive'>, termId: (word: string) => number | undefined, forms: readonly string[]): (doc: number) => number[] {
  const ids = forms.map((form) => formTermIds(form, termId));
  const count = formCounterOf(ids);
  return (doc) => {
    if (!store.isLive(doc)) return ids.map(() => 0);
    const tokens = store.tokens(doc);
    const body = store.bodyLen.array[doc] ?? 0;
    const title = count(tokens.subarray(body, body + (store.titleLen.array[doc] ?? 0)));
    return count(tokens.subarray(0, body)).map((found, i) => found + (title[i] ?? 0));
  };
}
