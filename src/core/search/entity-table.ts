import { EntityType } from '../entities/types';
import { BatchEntity } from './analyzed-batch';
import { tokenize } from './tokenize';

/**
 * An entity of the corpus as the index knows it.
 *
 * @example
 * table.get('PER:vladimir putin'); // { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'], term: 42 }
 */
export interface EntityInfo {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  /** The dictionary id of the entity's term, whose postings are the articles mentioning it. */
  readonly term: number;
}

/** The table's own, growing record of an entity. */
interface EntityRecord {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: string[];
  readonly term: number;
}

/** Aliases kept per entity; the long tail of spellings adds nothing to matching. */
const MAX_ALIASES = 32;

function words(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}

/**
 * Entity keys with their name, type and aliases, and a word index to resolve `person:Putin`
 * to every merged entity whose name or aliases contain all the words ("Vladimir Putin").
 * (The corpus-level catalog of the entity engine owns mentions and display names; this is what search needs.)
 *
 * @example
 * const table = new EntityTable();
 * table.register({ key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'] }, 42);
 * table.find('putin', 'PER'); // [{ key: 'PER:vladimir putin', … }]
 */
export class EntityTable {
  private readonly byKey = new Map<string, EntityRecord>();
  private readonly byWord = new Map<string, Set<string>>();
  /** The same entities by the dictionary id of their entity term (sparse). */
  private readonly byTerm: EntityRecord[] = [];

  get size(): number {
    return this.byKey.size;
  }

  /** Adds an entity seen in an article (or new aliases of a known one). */
  register(entity: Omit<BatchEntity, 'term'>, term: number): void {
    // By term id first: a number, where the key is a string that came from another thread and would be hashed again.
    let info = this.byTerm[term] ?? this.byKey.get(entity.key);
    if (!info) {
      info = { key: entity.key, name: entity.name, type: entity.type, aliases: [], term };
      this.byKey.set(entity.key, info);
      this.indexWords(entity.name, entity.key);
    }
    this.byTerm[term] = info;
    for (const alias of entity.aliases) {
      if (info.aliases.length >= MAX_ALIASES || alias === info.name || info.aliases.includes(alias)) continue;
      info.aliases.push(alias);
      this.indexWords(alias, entity.key);
    }
  }

  get(key: string): EntityInfo | undefined {
    return this.byKey.get(key);
  }

  all(): IterableIterator<EntityInfo> {
    return this.byKey.values();
  }

  /** Entities (of `type`, if given) whose name or aliases contain every word of `name`. */
  find(name: string, type?: EntityType): EntityInfo[] {
    const wanted = words(name);
    if (wanted.length === 0) return [];
    let keys: Set<string> | undefined;
    for (const word of wanted) {
      const withWord = this.byWord.get(word);
      if (!withWord) return [];
      keys = keys ? new Set([...keys].filter((key) => withWord.has(key))) : withWord;
    }
    const found: EntityInfo[] = [];
    for (const key of keys ?? []) {
      const info = this.byKey.get(key);
      if (info && (type === undefined || info.type === type)) found.push(info);
    }
    return found;
  }

  private indexWords(text: string, key: string): void {
    for (const word of words(text)) {
      let keys = this.byWord.get(word);
      if (!keys) {
        keys = new Set();
        this.byWord.set(word, keys);
      }
      keys.add(key);
    }
  }
}
