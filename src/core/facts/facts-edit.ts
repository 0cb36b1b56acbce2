import { findNodeAtLocation, FormattingOptions, modify, parseTree } from 'jsonc-parser';
import { EntityType } from '../entities/types';
import { factsGroupOf } from './entity-facts';

/**
 * A change to a text: replace `length` characters at `offset` with `content` (offsets into the text before
 * any change of the same list is made).
 *
 * @example
 * const change: TextChange = { offset: 1, length: 0, content: '\n  "people": {}' };
 */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

/** The fields a new entry starts with, empty, so that the user sees what can be said (empty ones are not shown). */
const NEW_ENTRY = { description: '', role: '', born: '', links: [], notes: '' };
/** Indentation of a new file, and of an existing one whose indentation cannot be told. */
const DEFAULT_INDENT = 2;

/**
 * The indentation and line ends a text already uses, so that an inserted entry looks like its neighbours.
 *
 * @example
 * formattingOf('{\n\t"people": {}\n}'); // { insertSpaces: false, tabSize: 1, eol: '\n' }
 */
export function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent?.length ?? DEFAULT_INDENT, eol };
}

/**
 * The text of a new facts file that holds one empty entry.
 *
 * @example
 * newFactsFileText('PER', 'Vladimir Putin');
 * // '{\n  "people": {\n    "Vladimir Putin": {\n      "description": "",\n …'
 */
export function newFactsFileText(type: EntityType, name: string): string {
  return `${JSON.stringify({ [factsGroupOf(type)]: { [name]: NEW_ENTRY } }, null, DEFAULT_INDENT)}\n`;
}

/**
 * The changes that add an empty entry for the entity to the facts file `text`, which must be valid JSON (or
 * empty): in its type's group (made when missing), in alphabetical order among the names (or the groups), indented and with
 * line ends like the rest of the file. Everything else, unknown fields and the user's layout included, is left
 * as it is.
 *
 * @example
 * addFactsEntry('{}', 'LOC', 'Khasan'); // [{ offset: 1, length: 0, content: '\n  "places": {\n    "Khasan": { … }\n  }\n' }]
 */
export function addFactsEntry(text: string, type: EntityType, name: string): TextChange[] {
  if (text.trim() === '') return [{ offset: 0, length: text.length, content: newFactsFileText(type, name) }];
  const group = factsGroupOf(type);
  const root = parseTree(text);
  // The new property is the entry in an existing group, else the group itself.
  const added = root && findNodeAtLocation(root, [group]) ? name : group;
  return modify(text, [group, name], NEW_ENTRY, {
    formattingOptions: formattingOf(text),
    getInsertionIndex: (names) => {
      const after = names.findIndex((other) => other.localeCompare(added) > 0);
      return after === -1 ? names.length : after;
    },
  });
}
