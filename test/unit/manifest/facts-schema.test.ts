import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { CORRECTION_FIELDS } from '../../../src/core/curation/entry-corrections';
import { parseFacts } from '../../../src/core/facts/entity-facts';
import { REPO_ROOT } from '../core/fixtures';

interface SchemaNode {
  readonly description?: string;
  readonly properties?: Record<string, SchemaNode>;
  readonly definitions?: Record<string, SchemaNode>;
  readonly [keyword: string]: unknown;
}

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'media', 'entities.schema.json'), 'utf8')) as SchemaNode;

/** Keywords with which a JSON schema reports a problem (besides `additionalProperties: false`). */
const JUDGING = ['type', 'format', 'enum', 'const', 'required', 'minItems', 'maxItems', 'minLength', 'pattern', 'not', 'oneOf', 'anyOf'];

function judgingKeywords(node: unknown, at: string): string[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([keyword, value]) => {
    const here = `${at}/${keyword}`;
    // Inside these the names are the file's own (property names), not keywords.
    if (keyword === 'properties' || keyword === 'definitions') return Object.entries(value as object).flatMap(([name, child]) => judgingKeywords(child, `${here}/${name}`));
    if (keyword === 'examples' || keyword === 'defaultSnippets') return [];
    return [...(JUDGING.includes(keyword) || (keyword === 'additionalProperties' && value === false) ? [here] : []), ...judgingKeywords(value, here)];
  });
}

describe('the facts file schema', () => {
  it('judges nothing the reader judges: one problem per mistake, the reader\'s, which says what it does (ux33)', () => {
    assert.deepStrictEqual(judgingKeywords(schema, '#'), []);
    // The mistakes VS Code's JSON support also reported from the schema, each now said once by the reader.
    const mistakes = ['{ "persons": {} }', '{ "people": { "A": { "hidden": "yes" } } }', '{ "people": { "A": { "aliases": 5 } } }', '{ "people": { "A": "x" } }'];
    for (const text of mistakes) assert.strictEqual(parseFacts(text).problems.length, 1, text);
  });

  it('describes every field the reader knows, for the editor\'s hovers and completions', () => {
    const fields = schema.definitions?.['entity']?.properties ?? {};
    for (const field of ['description', 'role', 'born', 'links', 'notes', 'hidden', ...CORRECTION_FIELDS]) assert.ok(fields[field]?.description, field);
    for (const group of ['people', 'places', 'organizations', 'other']) assert.ok(schema.properties?.[group]?.description, group);
  });
});
