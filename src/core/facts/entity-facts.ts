import { getNodeValue, Node, parseTree, ParseError, printParseErrorCode, visit } from 'jsonc-parser';
import { CORRECTION_FIELDS, EntryCorrections, correctionsOf } from '../curation/entry-corrections';
import { resolveCorrections } from '../curation/entity-corrections';
import { quoteName } from '../display-text';
import { editsWithin } from '../edit-distance';
import { entityKey } from '../entities/article-entities';
import { EntityType } from '../entities/types';
import { ENTITY_TYPE_NAMES } from '../entity-directory';
import { defaultEdits } from '../search/query-plan';

/**
 * Where the facts file lives, relative to a workspace folder.
 *
 * @example
 * FACTS_FILE_SEGMENTS.join('/'); // '.newscorpus/entities.json'
 */
export const FACTS_FILE_SEGMENTS = ['.newscorpus', 'entities.json'] as const;

/**
 * The facts a user keeps about one entity. Empty strings are left out; fields the extension does not know
 * are kept, as text, in `more` (in the order of the file).
 *
 * @example
 * const facts: EntityFacts = { description: 'President of Russia since 2012', born: '1952-10-07',
 *   links: ['https://en.wikipedia.org/wiki/Vladimir_Putin'], hidden: false, more: [{ field: 'party', value: 'United Russia' }] };
 */
export interface EntityFacts {
  readonly description?: string;
  readonly role?: string;
  readonly born?: string;
  readonly notes?: string;
  readonly links: readonly string[];
  /** The user does not want this entity pointed out in the editor (a false positive, a name of no interest). */
  readonly hidden: boolean;
  readonly more: readonly { readonly field: string; readonly value: string }[];
}

/**
 * One entity's entry of the facts file: who it is (type and name as written in the file), its facts, and
 * where its name is in the file's text (for Go to Definition).
 *
 * @example
 * const entry: FactsEntry = { type: 'PER', name: 'Vladimir Putin', offset: 20, length: 16, cursor: 56, facts, corrections: NO_CORRECTIONS };
 */
export interface FactsEntry {
  readonly type: EntityType;
  readonly name: string;
  readonly facts: EntityFacts;
  /** What the entry corrects about the engine's entities (merges, splits, ignores, additions). */
  readonly corrections: EntryCorrections;
  /** Offset and length of the entry's name (the property key, quotes included). */
  readonly offset: number;
  readonly length: number;
  /** Where Edit Facts puts the cursor: at the end of the description's text, else on the name. */
  readonly cursor: number;
}

/**
 * Something wrong in the facts file, with where it is: an `error` makes the whole file unusable (it is not
 * JSON), a `warning` only leaves out the part it points at.
 *
 * @example
 * const problem: FactsProblem = { offset: 41, length: 1, severity: 'error', message: 'A comma is missing here.' };
 */
export interface FactsProblem {
  readonly offset: number;
  readonly length: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The JSON string likely meant in place of the one at the problem, for a quick fix (a field misspelt). */
  readonly meant?: string;
}

/**
 * A facts file as read: its entries by entity key, or `undefined` when the text is not valid JSON (then
 * `problems` says where), and what was left out.
 *
 * @example
 * parseFacts('{ "people": { "Vladimir Putin": { "role": "President" } } }').entries?.get('PER:vladimir putin')?.facts.role; // 'President'
 */
export interface ParsedFacts {
  readonly entries: ReadonlyMap<string, FactsEntry> | undefined;
  readonly problems: readonly FactsProblem[];
}

/**
 * The top-level group of an entity type in the facts file: "people", "places", "organizations", "other".
 *
 * @example
 * factsGroupOf('ORG'); // 'organizations'
 */
export function factsGroupOf(type: EntityType): string {
  return ENTITY_TYPE_NAMES[type].group.toLowerCase();
}

const TYPE_OF_GROUP: ReadonlyMap<string, EntityType> = new Map(
  (Object.keys(ENTITY_TYPE_NAMES) as EntityType[]).map((type) => [factsGroupOf(type), type]),
);
/** Top-level keys that are not groups and are left alone. */
const IGNORED_TOP_LEVEL = new Set(['$schema']);
const TEXT_FIELDS = ['description', 'role', 'born', 'notes'] as const;
/** Every field the extension reads, in the order a misspelling nearest to two of them is matched. */
const KNOWN_FIELDS: readonly string[] = [...TEXT_FIELDS, 'links', 'hidden', ...CORRECTION_FIELDS];
/** What jsonc-parser's error codes mean, in the user's words. */
const SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character.',
  InvalidNumberFormat: 'Not a valid number.',
  PropertyNameExpected: 'A name in double quotes is expected here.',
  ValueExpected: 'A value is expected here.',
  ColonExpected: 'A colon is expected here.',
  CommaExpected: 'A comma is missing here.',
  CloseBraceExpected: 'A closing brace "}" is missing.',
  CloseBracketExpected: 'A closing bracket "]" is missing.',
  EndOfFileExpected: 'Nothing may follow the closing brace of the file.',
  InvalidCommentToken: 'Comments are not allowed in JSON.',
  UnexpectedEndOfComment: 'A comment is not closed.',
  UnexpectedEndOfString: 'A string is not closed.',
  UnexpectedEndOfNumber: 'A number is cut short.',
  InvalidUnicode: 'Not a valid \\u escape.',
  InvalidEscapeCharacter: 'Not a valid escape.',
  InvalidCharacter: 'This character must be escaped in a string.',
};
/** Said of a comma just before a closing brace or bracket, which JSON allows nowhere. */
const TRAILING_COMMA = 'A trailing comma is not allowed in JSON: remove it.';
/** Appended to the first syntax error only: what the extension does meanwhile, said once rather than at every error. */
const KEPT = 'The facts from the last valid version of the file stay in use until it is fixed.';

/** The offsets of the commas in `text` that come just before a closing brace or bracket (white space between). */
function trailingCommas(text: string): number[] {
  const found: number[] = [];
  let comma: number | undefined;
  const close = () => {
    if (comma !== undefined) found.push(comma);
    comma = undefined;
  };
  const other = () => {
    comma = undefined;
  };
  visit(
    text,
    {
      onSeparator: (character, offset) => {
        comma = character === ',' ? offset : undefined;
      },
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectBegin: other,
      onArrayBegin: other,
      onObjectProperty: other,
      onLiteralValue: other,
    },
    { disallowComments: true, allowTrailingComma: true },
  );
  return found;
}

/**
 * The syntax errors of `text` as the user should read them, in file order, one per place: a trailing comma is one
 * error at the comma (the parser, told to refuse them, reports two at the closing brace, "a name is expected" and
 * "a value is expected", which send the reader looking for something missing), the parser's own errors are read
 * with trailing commas allowed, and the first error alone says that the last valid facts stay in use.
 */
function syntaxProblems(text: string, errors: readonly ParseError[]): FactsProblem[] {
  const found = new Map<number, { offset: number; length: number; message: string }>();
  for (const { error, offset, length } of errors) {
    if (!found.has(offset)) found.set(offset, { offset, length: Math.max(1, length), message: SYNTAX_MESSAGES[printParseErrorCode(error)] ?? 'Not valid JSON.' });
  }
  // A comma the parser already faults ("[,]": a value is missing there) needs no second error.
  for (const offset of trailingCommas(text)) if (!found.has(offset)) found.set(offset, { offset, length: 1, message: TRAILING_COMMA });
  return [...found.values()]
    .sort((a, b) => a.offset - b.offset)
    .map((problem, i) => ({ ...problem, severity: 'error', message: i === 0 ? `${problem.message} ${KEPT}` : problem.message }));
}

/**
 * Reads the text of a facts file: `{ "people": { "Name": { "description": …, "role": …, "born": …,
 * "links": […], "notes": …, "hidden": true, …any field, and the corrections "aliases", "split", "ignore",
 * "ignoreIn", "add", "addIn" } }, "places": …, "organizations": …, "other": … }`.
 * Entries are keyed like the corpus's entities ({@link entityKey}), so "Kim Jong-Un" in the file is the
 * entity "Kim Jong-un". Invalid JSON gives no entries and an error per syntax problem, with its offset (one per
 * trailing comma, at the comma; the first error adds that the last valid facts stay in use); a part of valid JSON
 * in an unexpected shape is left out with a warning; a field of the user's a typo or two from a known one is kept,
 * with a warning naming that one. Empty text is an empty file.
 *
 * @example
 * parseFacts('{ "people": { "Kim Jong-Un": { "hidden": true } } }').entries?.get('PER:kim jong-un')?.facts.hidden; // true
 * parseFacts('{ "people": { ').entries; // undefined, with problems
 */
export function parseFacts(text: string): ParsedFacts {
  if (text.trim() === '') return { entries: new Map(), problems: [] };
  const errors: ParseError[] = [];
  // Trailing commas are allowed to the parser only so that each is said once, by `syntaxProblems`: the file stays invalid.
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: true });
  const syntax = syntaxProblems(text, errors);
  if (syntax.length > 0 || !root) return { entries: undefined, problems: syntax };
  const problems: FactsProblem[] = [];
  const warn = (node: Node, message: string, meant?: string) => problems.push({ offset: node.offset, length: node.length, severity: 'warning', message, ...(meant !== undefined && { meant: JSON.stringify(meant) }) });
  const entries = new Map<string, FactsEntry>();
  if (root.type !== 'object') {
    warn(root, 'The facts file is an object of groups: { "people": { … }, "places": { … }, "organizations": { … }, "other": { … } }.');
    return { entries, problems };
  }
  for (const [groupKey, group] of propertiesOf(root)) {
    const type = TYPE_OF_GROUP.get(groupKey.value);
    if (IGNORED_TOP_LEVEL.has(groupKey.value)) continue;
    if (type === undefined) {
      warn(groupKey, `Unknown group "${groupKey.value}", left out: the groups are ${[...TYPE_OF_GROUP.keys()].join(', ')}.`);
      continue;
    }
    if (group.type !== 'object') {
      warn(group, `"${groupKey.value}" must be an object of entities by name.`);
      continue;
    }
    for (const [nameKey, value] of propertiesOf(group)) {
      if (value.type !== 'object') {
        warn(value, `The facts of ${quoteName(nameKey.value)} must be an object, such as { "description": "…" }.`);
        continue;
      }
      const key = entityKey(type, nameKey.value);
      if (entries.has(key)) warn(nameKey, `${quoteName(nameKey.value)} is the same entity as an earlier entry: this entry replaces it.`);
      const corrections = correctionsOf(value, type, nameKey.value, warn);
      entries.set(key, { type, name: nameKey.value, facts: factsOf(value, warn), corrections, offset: nameKey.offset, length: nameKey.length, cursor: cursorIn(value) ?? nameKey.offset + 1 });
    }
  }
  // Claims on one entity by two entries, and merges in a circle, are said where they are.
  for (const { offset, length, message } of resolveCorrections([...entries.values()].map((entry) => ({ ...entry, source: '' }))).problems) {
    problems.push({ offset, length, severity: 'warning', message });
  }
  return { entries, problems };
}

/** The properties of an object node as (key node, value node) pairs. */
function propertiesOf(node: Node): [Node & { value: string }, Node][] {
  const pairs: [Node & { value: string }, Node][] = [];
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && value && typeof key.value === 'string') pairs.push([key as Node & { value: string }, value]);
  }
  return pairs;
}

/** Just before the closing quote of the entry's description, if it has one in a string. */
function cursorIn(entry: Node): number | undefined {
  const description = propertiesOf(entry).find(([key]) => key.value === 'description')?.[1];
  return description?.type === 'string' ? description.offset + description.length - 1 : undefined;
}

/** A free field's value as one line of text: scalars as written, arrays joined, objects as JSON. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The known field `field` is likely a misspelling of (any case): the nearest within as many typos as the search allows
 * a word of the known field's length, one up to five letters, so that short fields of the user's ("age", "home") are
 * not taken for "add" or "role", two typos from them.
 */
function knownFieldNear(field: string): string | undefined {
  let nearest: { field: string; edits: number } | undefined;
  for (const known of KNOWN_FIELDS) {
    const allowed = defaultEdits(known);
    const edits = editsWithin(field.toLowerCase(), known.toLowerCase(), allowed);
    if (edits <= allowed && edits < (nearest?.edits ?? Infinity)) nearest = { field: known, edits };
  }
  return nearest?.field;
}

function factsOf(entry: Node, warn: (node: Node, message: string, meant?: string) => void): EntityFacts {
  const facts: { -readonly [K in keyof EntityFacts]: EntityFacts[K] } = { links: [], hidden: false, more: [] };
  const more: { field: string; value: string }[] = [];
  for (const [key, node] of propertiesOf(entry)) {
    const field = key.value;
    const value: unknown = getNodeValue(node);
    if (CORRECTION_FIELDS.includes(field)) continue;
    if ((TEXT_FIELDS as readonly string[]).includes(field)) {
      if (typeof value === 'string' || typeof value === 'number') {
        if (String(value).trim() !== '') facts[field as (typeof TEXT_FIELDS)[number]] = String(value);
      } else {
        warn(node, `"${field}" is text, in double quotes.`);
      }
    } else if (field === 'links') {
      const links = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
      if (links && links.every((link) => typeof link === 'string')) facts.links = links.filter((link) => link.trim() !== '');
      else warn(node, '"links" is a list of addresses: ["https://…"].');
    } else if (field === 'hidden') {
      if (typeof value === 'boolean') facts.hidden = value;
      else warn(node, '"hidden" is true or false.');
    } else if (value !== null && textOf(value).trim() !== '') {
      more.push({ field, value: textOf(value) });
      // Kept, as any field of the user's is: only said, since "descripton: …" on the card read as the extension's doing.
      const meant = knownFieldNear(field);
      if (meant !== undefined) warn(key, `"${field}" is no field the extension knows: the card shows it as written. Did you mean "${meant}"?`, meant);
    }
  }
  facts.more = more;
  return facts;
}
