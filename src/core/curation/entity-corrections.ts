import { quoteName } from '../display-text';
import { EntityType } from '../entities/types';
import { entityKey } from '../entities/article-entities';
import { nameIdentity } from '../entities/names';
import { FactsAlias, EntryCorrections } from './entry-corrections';

/**
 * What the resolver needs of a facts entry: who it is (its key, type and name as the file writes them) and
 * its corrections; `source` is the facts file it comes from (its URI), which relative article paths are resolved against.
 *
 * @example
 * const entry: CorrectionEntry = { source: 'file:///news/.newscorpus/entities.json', type: 'PER', name: 'Vladimir Putin', corrections };
 */
export interface CorrectionEntry {
  readonly source: string;
  readonly type: EntityType;
  readonly name: string;
  readonly corrections: EntryCorrections;
}

/**
 * A name the engine missed, added to an entity: every occurrence of `name` (case-sensitive, whole words) in
 * the corpus when `everywhere`, else in the articles `articles` (their ids) only.
 *
 * @example
 * const added: AddedName = { name: 'Jane Doe', everywhere: false, articles: new Set(['file:///news/2024/b.txt']) };
 */
export interface AddedName {
  readonly name: string;
  readonly everywhere: boolean;
  readonly articles: ReadonlySet<string>;
}

/**
 * An entity as the user's corrections make it: its canonical key, name and type (those of its facts entry),
 * the engine entities merged into it (`members`, engine keys, its own first), the forms that are not it
 * (`split`, as name identities), the articles where it is not an entity (`ignoreIn`, article ids) and the
 * names added to it.
 *
 * @example
 * const putin: CorrectedEntity = { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER',
 *   members: ['PER:vladimir putin', 'PER:putin'], split: [], ignoreIn: new Set(), added: [] };
 */
export interface CorrectedEntity {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly members: readonly string[];
  readonly split: readonly string[];
  readonly ignoreIn: ReadonlySet<string>;
  readonly added: readonly AddedName[];
}

/**
 * What an engine entity becomes: removed (`ignored`), part of a corrected entity, or `undefined` (untouched).
 *
 * @example
 * const fate: EntityFate = corrections.fateOf('PER:putin'); // { entity: putin }
 */
export type EntityFate = 'ignored' | { readonly entity: CorrectedEntity } | undefined;

/**
 * Something wrong with a correction, at the alias that causes it: a second claim on an engine entity, or a cycle of merges.
 *
 * @example
 * const problem: CorrectionProblem = { source, offset: 120, length: 7, message: '"Putin" is already merged into "Vladimir Putin" …' };
 */
export interface CorrectionProblem {
  readonly source: string;
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  /** The JSON string likely meant in place of the one at the problem, for a quick fix ("did you mean …?"). */
  readonly meant?: string;
}

/**
 * The user's corrections resolved into a mapping over the engine's entities: which engine entity keys are
 * ignored, which belong to a corrected entity (merges, renames and retypes, chains followed), and the
 * corrected entities themselves. Immutable: a change of the facts gives a new one. Applying it never
 * re-runs the recogniser (see `corrected-entities.ts`, `corrected-search.ts`, `article-corrections.ts`).
 *
 * @example
 * const { corrections } = resolveCorrections(entries);
 * corrections.fateOf('PER:putin'); // { entity: { key: 'PER:vladimir putin', … } }
 * corrections.fateOf('MISC:method'); // 'ignored'
 */
export class EntityCorrections {
  /**
   * No corrections at all.
   *
   * @example
   * EntityCorrections.NONE.isEmpty; // true
   */
  static readonly NONE = new EntityCorrections([], new Set());
  private readonly byMember = new Map<string, CorrectedEntity>();
  private readonly byKey = new Map<string, CorrectedEntity>();

  constructor(
    private readonly corrected: readonly CorrectedEntity[],
    private readonly ignored: ReadonlySet<string>,
  ) {
    for (const entity of corrected) {
      this.byKey.set(entity.key, entity);
      for (const member of entity.members) this.byMember.set(member, entity);
    }
  }

  /** Whether there is nothing to apply. */
  get isEmpty(): boolean {
    return this.corrected.length === 0 && this.ignored.size === 0;
  }

  /** The corrected entities. */
  entities(): readonly CorrectedEntity[] {
    return this.corrected;
  }

  /** The corrected entity whose canonical key is `key`. */
  entity(key: string): CorrectedEntity | undefined {
    return this.byKey.get(key);
  }

  /** What the engine entity `key` becomes. */
  fateOf(key: string): EntityFate {
    if (this.ignored.has(key)) return 'ignored';
    const entity = this.byMember.get(key);
    return entity && { entity };
  }

  /** Whether the engine entity `key` is ignored or merged into another (so its own engine figures are not shown). */
  replaces(key: string): boolean {
    if (this.ignored.has(key)) return true;
    const entity = this.byMember.get(key);
    return entity !== undefined && entity.key !== key;
  }

  /** Every engine key that is ignored or part of a corrected entity. */
  touchedKeys(): IterableIterator<string> {
    return new Set([...this.ignored, ...this.byMember.keys()]).values();
  }
}

/** Where each engine key is merged (the key of the entry whose alias claims it), file order deciding. */
function claimsOf(entries: readonly (CorrectionEntry & { key: string })[], problems: CorrectionProblem[]): Map<string, string> {
  const parent = new Map<string, string>();
  const names = new Map(entries.map((entry) => [entry.key, entry.name]));
  const rootOf = (key: string): string[] => {
    const path = [key];
    for (let next = parent.get(key); next !== undefined && !path.includes(next); next = parent.get(next)) path.push(next);
    return path;
  };
  for (const entry of entries) {
    for (const alias of entry.corrections.aliases) {
      // Another writing of the entry's own name ("Kim Jong-un" under "Kim Jong-Un"): nothing to merge, but a
      // correction all the same, so that the entry's writing is the one shown.
      if (alias.key === entry.key) continue;
      const claimed = parent.get(alias.key);
      if (claimed !== undefined) {
        if (claimed !== entry.key) problems.push(problemAt(entry.source, alias, `${quoteName(alias.name)} is already merged into ${quoteName(names.get(claimed) ?? claimed)} by an earlier entry: this alias is ignored.`));
        continue;
      }
      if (rootOf(entry.key).includes(alias.key)) {
        problems.push(problemAt(entry.source, alias, `Merging ${quoteName(alias.name)} into ${quoteName(entry.name)} would go round in a circle (${quoteName(entry.name)} is already merged into ${quoteName(alias.name)}): this alias is ignored.`));
        continue;
      }
      parent.set(alias.key, entry.key);
    }
  }
  return parent;
}

function problemAt(source: string, alias: FactsAlias, message: string): CorrectionProblem {
  return { source, offset: alias.offset, length: alias.length, message };
}

function hasCorrections(corrections: EntryCorrections): boolean {
  return corrections.aliases.length + corrections.split.length + corrections.ignoreIn.length + corrections.addIn.length > 0 || corrections.ignore || corrections.add;
}

/**
 * Resolves the corrections of the facts entries (in file order; one entry per entity key, the caller keeps
 * the first) into an {@link EntityCorrections}: an engine entity is claimed by the first entry whose
 * `aliases` name it (a later claim is a problem and ignored); chains are followed to their end (A's alias
 * B, B's alias C: C is A); a merge that would close a circle is a problem and ignored. `articleId` turns an
 * article path of `ignoreIn`/`addIn`, relative to the workspace folder of the facts file `source`, into
 * the article's id. A correction naming an entity the corpus does not have simply does nothing.
 *
 * @example
 * const { corrections, problems } = resolveCorrections([{ source, type: 'PER', name: 'Vladimir Putin', corrections: { ...NO_CORRECTIONS, aliases: [putin] } }]);
 * corrections.entity('PER:vladimir putin')?.members; // ['PER:vladimir putin', 'PER:putin']
 */
export function resolveCorrections(
  entries: Iterable<CorrectionEntry>,
  articleId: (source: string, relativePath: string) => string = defaultArticleId,
): { corrections: EntityCorrections; problems: CorrectionProblem[] } {
  const keyed = [...entries].map((entry) => ({ ...entry, key: entityKey(entry.type, entry.name) }));
  const problems: CorrectionProblem[] = [];
  const parent = claimsOf(keyed, problems);
  const rootOf = (key: string): string => {
    let root = key;
    for (let next = parent.get(root); next !== undefined; next = parent.get(next)) root = next;
    return root;
  };
  const byKey = new Map(keyed.map((entry) => [entry.key, entry]));
  const groups = new Map<string, string[]>();
  for (const key of new Set([...keyed.map((entry) => entry.key), ...parent.keys()])) {
    const root = rootOf(key);
    const members = groups.get(root) ?? [root];
    if (key !== root) members.push(key);
    groups.set(root, members);
  }
  // Ignored: an entry with `ignore` and everything merged into it.
  const ignored = new Set<string>();
  for (const key of [...groups.values()].flat()) {
    for (let at: string | undefined = key; at !== undefined; at = parent.get(at)) {
      if (byKey.get(at)?.corrections.ignore) ignored.add(key);
    }
  }
  const corrected: CorrectedEntity[] = [];
  for (const [root, members] of groups) {
    const entry = byKey.get(root);
    const inGroup = members.flatMap((member) => byKey.get(member) ?? []);
    if (!entry || (members.length === 1 && !hasCorrections(entry.corrections))) continue;
    const articles = (group: (corrections: EntryCorrections) => readonly string[], of: CorrectionEntry) => group(of.corrections).map((path) => articleId(of.source, path));
    corrected.push({
      key: root,
      name: entry.name,
      type: entry.type,
      members: members.filter((member) => !ignored.has(member)),
      split: [...new Set(inGroup.flatMap((of) => of.corrections.split.map(nameIdentity)))],
      ignoreIn: new Set(inGroup.flatMap((of) => articles((corrections) => corrections.ignoreIn, of))),
      // An added name renamed to another writing ("Jane Doe" to "Jane DOE") is added as written before too: an added
      // name is matched as written, and the articles write it so.
      added: inGroup
        .filter((of) => of.corrections.add || of.corrections.addIn.length > 0)
        .flatMap((of) =>
          [of.name, ...of.corrections.aliases.filter((alias) => alias.key === of.key).map((alias) => alias.name)].map((name) => ({
            name,
            everywhere: of.corrections.add,
            articles: new Set(articles((corrections) => corrections.addIn, of)),
          })),
        ),
    });
  }
  return { corrections: new EntityCorrections(corrected.filter((entity) => !ignored.has(entity.key)), ignored), problems };
}

/** The id of an article of the folder holding `.newscorpus/entities.json` at `source`: its URI, path segments encoded. */
function defaultArticleId(source: string, relativePath: string): string {
  const folder = source.replace(/\/\.newscorpus\/entities\.json$/u, '');
  return `${folder}/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}
