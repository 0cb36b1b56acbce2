import { findNodeAtLocation, Node, parseTree } from 'jsonc-parser';
import { formattingOf } from './facts-edit';

/**
 * Sets (or, with `undefined`, removes) the property at `path` of the JSON `text`, making the objects on the way
 * when missing, and touching nothing else: unlike jsonc-parser's `modify`, which re-formats the whole lines
 * around an edit, a neighbour written on one line (`"Kim": { "hidden": true }`) stays as written. Indentation
 * and line ends follow the file; a property written on one line gets its new fields on that line too; lists
 * are written on one line. A new property goes at `insertAt(names)` among its siblings (default: last).
 *
 * @example
 * setProperty('{\n  "people": {}\n}', ['people', 'Kim'], { hidden: true });
 * // '{\n  "people": {\n    "Kim": {\n      "hidden": true\n    }\n  }\n}'
 */
export function setProperty(text: string, path: readonly string[], value: unknown, insertAt?: (names: string[]) => number): string {
  const root = parseTree(text);
  const last = path[path.length - 1];
  if (!root || last === undefined) return text;
  const parent = path.length === 1 ? root : findNodeAtLocation(root, path.slice(0, -1));
  if (!parent) return value === undefined ? text : setProperty(text, path.slice(0, -1), { [last]: value });
  if (parent.type !== 'object') return text;
  const style = styleOf(text);
  const properties = parent.children ?? [];
  const index = properties.findIndex((property) => property.children?.[0]?.value === last);
  const property = properties[index];
  if (property) {
    if (value === undefined) return removeAt(text, parent, index);
    const old = property.children?.[1];
    if (!old) return text;
    return splice(text, old.offset, old.length, render(value, lineIndentAt(text, property.offset), style, isOneLine(text, parent)));
  }
  if (value === undefined) return text;
  const at = Math.max(0, Math.min(properties.length, insertAt ? insertAt(properties.map((other) => String(other.children?.[0]?.value))) : properties.length));
  return insertProperty(text, parent, at, last, value, style);
}

interface Style {
  readonly unit: string;
  readonly eol: string;
}

function styleOf(text: string): Style {
  const { insertSpaces, tabSize, eol } = formattingOf(text);
  return { unit: insertSpaces ? ' '.repeat(tabSize ?? 2) : '\t', eol: eol ?? '\n' };
}

function splice(text: string, offset: number, length: number, content: string): string {
  return text.slice(0, offset) + content + text.slice(offset + length);
}

/** The white space that starts the line `offset` is on. */
function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** Whether an object is written on one line (`{ "hidden": true }`), so that its new fields go there too. */
function isOneLine(text: string, node: Node): boolean {
  return !/[\r\n]/.test(text.slice(node.offset, node.offset + node.length)) && (node.children ?? []).length > 0;
}

/** A value as JSON: lists on one line; objects one field a line indented below `indent`, or all on one line. */
function render(value: unknown, indent: string, style: Style, oneLine: boolean): string {
  if (Array.isArray(value)) return `[${value.map((item) => render(item, indent, style, true)).join(', ')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const fields = Object.entries(value);
  if (fields.length === 0) return '{}';
  if (oneLine) return `{ ${fields.map(([field, inner]) => `${JSON.stringify(field)}: ${render(inner, indent, style, true)}`).join(', ')} }`;
  const inner = indent + style.unit;
  return `{${style.eol}${fields.map(([field, item]) => `${inner}${JSON.stringify(field)}: ${render(item, inner, style, false)}`).join(`,${style.eol}`)}${style.eol}${indent}}`;
}

function insertProperty(text: string, parent: Node, at: number, name: string, value: unknown, style: Style): string {
  const properties = parent.children ?? [];
  const parentIndent = lineIndentAt(text, parent.offset);
  if (properties.length === 0) {
    const inner = parentIndent + style.unit;
    return splice(text, parent.offset, parent.length, `{${style.eol}${inner}${JSON.stringify(name)}: ${render(value, inner, style, false)}${style.eol}${parentIndent}}`);
  }
  const oneLine = isOneLine(text, parent);
  const neighbour = properties[Math.min(at, properties.length - 1)] as Node;
  const indent = lineIndentAt(text, neighbour.offset);
  const separator = oneLine ? ', ' : `,${style.eol}${indent}`;
  const written = `${JSON.stringify(name)}: ${render(value, indent, style, oneLine)}`;
  if (at < properties.length) return splice(text, neighbour.offset, 0, written + separator);
  return splice(text, neighbour.offset + neighbour.length, 0, separator + written);
}

/** Removes the `index`th property of `parent` with the comma and white space that separated it. */
function removeAt(text: string, parent: Node, index: number): string {
  const properties = parent.children ?? [];
  const property = properties[index] as Node;
  const previous = properties[index - 1];
  const next = properties[index + 1];
  if (previous) return splice(text, previous.offset + previous.length, property.offset + property.length - previous.offset - previous.length, '');
  if (next) return splice(text, property.offset, next.offset - property.offset, '');
  return splice(text, parent.offset, parent.length, '{}');
}
