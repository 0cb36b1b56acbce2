import { quoteName } from '../display-text';
import { getNodeValue, Node } from 'jsonc-parser';
import { entityKey } from '../entities/article-entities';
import { EntityType } from '../entities/types';
import { refOfAlias } from '../facts/corrections';

/**
 * An engine entity an entry claims in its `aliases`: a bare name is of the entry's own type, a prefixed one
 * ("person:Washington") of the type the prefix names. `offset` and `length` say where it is in the file.
 *
 * @example
 * const alias: FactsAlias = { key: 'PER:washington', type: 'PER', name: 'Washington', offset: 210, length: 19 };
 */
export interface FactsAlias {
  readonly key: string;
  readonly type: EntityType;
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

/**
 * The corrections of one entry of the facts file (docs/facts.md, "Corrections"): engine entities merged
 * into it (`aliases`), forms that are not it (`split`), where it is not an entity (`ignore` everywhere,
 * `ignoreIn` articles, paths relative to the workspace folder), and where the engine missed it (`add`: every
 * occurrence of the exact name; `addIn`: in these articles only).
 *
 * @example
 * const corrections: EntryCorrections = { aliases: [putinAlias], split: [], ignore: false, ignoreIn: [], add: false, addIn: [] };
 */
export interface EntryCorrections {
  readonly aliases: readonly FactsAlias[];
  readonly split: readonly string[];
  readonly ignore: boolean;
  readonly ignoreIn: readonly string[];
  readonly add: boolean;
  readonly addIn: readonly string[];
}

/**
 * The fields of an entry that are corrections, not facts.
 *
 * @example
 * CORRECTION_FIELDS.includes('aliases'); // true
 */
export const CORRECTION_FIELDS: readonly string[] = ['aliases', 'split', 'ignore', 'ignoreIn', 'add', 'addIn'];

/**
 * An entry without corrections.
 *
 * @example
 * NO_CORRECTIONS.ignore; // false
 */
export const NO_CORRECTIONS: EntryCorrections = { aliases: [], split: [], ignore: false, ignoreIn: [], add: false, addIn: [] };

type Warn = (node: Node, message: string) => void;

/** A list of non-empty strings (one string is a list of one), or undefined with a warning. */
function textList(node: Node, field: string, warn: Warn): { node: Node; text: string }[] | undefined {
  const items = node.type === 'string' ? [node] : node.type === 'array' ? (node.children ?? []) : undefined;
  if (!items || items.some((item) => item.type !== 'string')) {
    warn(node, `"${field}" is a list of names in double quotes: ["…"].`);
    return undefined;
  }
  return items.map((item) => ({ node: item, text: String(getNodeValue(item)).trim() })).filter(({ text }) => text !== '');
}

/** Article paths as the file gives them: relative to the workspace folder, with '/' separators. */
function articlePaths(node: Node, field: string, warn: Warn): string[] {
  const paths: string[] = [];
  for (const { node: item, text } of textList(node, field, warn) ?? []) {
    if (text.startsWith('/') || text.includes('\\') || /^[a-z]:/iu.test(text)) warn(item, `"${text}": article paths are relative to the workspace folder, with "/" between folders (e.g. "2024/article.txt"); left out.`);
    else paths.push(text.replace(/^\.\//u, ''));
  }
  return paths;
}

function flag(node: Node, field: string, warn: Warn): boolean {
  const value: unknown = getNodeValue(node);
  if (typeof value === 'boolean') return value;
  warn(node, `"${field}" is true or false.`);
  return false;
}

/**
 * Reads the correction fields of one entry of type `type` named `name` (a value of the wrong shape is left
 * out with a warning where it is; an alias naming the entry itself does nothing and is said so).
 *
 * @example
 * correctionsOf(entryNode, 'PER', 'Vladimir Putin', warn).aliases.map((alias) => alias.key); // ['PER:putin']
 */
export function correctionsOf(entry: Node, type: EntityType, name: string, warn: Warn): EntryCorrections {
  const corrections: { -readonly [K in keyof EntryCorrections]: EntryCorrections[K] } = { ...NO_CORRECTIONS };
  const own = entityKey(type, name);
  for (const property of entry.children ?? []) {
    const [key, node] = property.children ?? [];
    if (!key || !node || typeof key.value !== 'string') continue;
    switch (key.value) {
      case 'aliases':
        corrections.aliases = (textList(node, 'aliases', warn) ?? []).flatMap(({ node: item, text }) => {
          const target = refOfAlias(text, type);
          const aliasKey = entityKey(target.type, target.name);
          // Another writing of the entry's own name stays: it makes the entry's writing the one shown (a rename of
          // "Kim Jong-un" to "Kim Jong-Un"); the very same text says nothing.
          if (aliasKey !== own || target.name !== name) return [{ key: aliasKey, ...target, offset: item.offset, length: item.length }];
          warn(item, `${quoteName(text)} is ${quoteName(name)} itself: this alias does nothing.`);
          return [];
        });
        break;
      case 'split':
        corrections.split = (textList(node, 'split', warn) ?? []).map(({ text }) => text);
        break;
      case 'ignore':
        corrections.ignore = flag(node, 'ignore', warn);
        break;
      case 'ignoreIn':
        corrections.ignoreIn = articlePaths(node, 'ignoreIn', warn);
        break;
      case 'add':
        corrections.add = flag(node, 'add', warn);
        break;
      case 'addIn':
        corrections.addIn = articlePaths(node, 'addIn', warn);
        break;
    }
  }
  return corrections;
}
