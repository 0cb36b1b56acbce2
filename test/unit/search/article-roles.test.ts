import * as assert from 'assert';
import { ArticleRoles } from '../../../src/core/search/article-roles';
import { ByteWriter } from '../../../src/core/search/byte-codec';
import { runAtOnce } from '../../../src/core/search/time-slices';

const TEXTS = ['Russian president', 'North Korean leader'];
const same = (term: number) => term;

/** Each document's (term, role) pairs, or undefined when its roles are not known. */
function recordsOf(roles: ArticleRoles, docs: number): ((string | number)[][] | undefined)[] {
  return Array.from({ length: docs }, (_, doc) => {
    const pairs: (string | number)[][] = [];
    return roles.forEachRole(doc, (term, role) => pairs.push([term, role])) ? pairs : undefined;
  });
}

function saved(roles: ArticleRoles, docs: number): Uint8Array {
  const writer = new ByteWriter();
  runAtOnce(roles.writeSteps(writer, docs));
  return Buffer.concat(writer.finish());
}

describe('ArticleRoles', () => {
  it('refuses a document recorded already, whose record would land on the next one', () => {
    const roles = new ArticleRoles();
    roles.record(0, [7, 0], 0, 1, same, TEXTS);
    roles.record(1, [], 0, 0, same, TEXTS);
    assert.throws(() => roles.record(1, [7, 1], 0, 1, same, TEXTS), /^Error: News Corpus: the roles of article 1 were recorded already/);
    assert.throws(() => roles.record(0, [], 0, 0, same, TEXTS), /News Corpus:/);
  });

  it('reads back what it wrote: known, known empty and not known records', () => {
    const roles = new ArticleRoles();
    // Documents 0 and 1 loaded from a cache without roles; 4 and 5 never recorded (beyond what it holds).
    roles.record(2, [7, 0, 9, 1], 0, 2, same, TEXTS);
    roles.record(3, [], 0, 0, same, TEXTS);
    roles.record(4, [300_000, 1], 0, 1, same, TEXTS);
    const bytes = saved(roles, 6);
    assert.deepStrictEqual(roles.roleTexts(), TEXTS, 'each text once');
    const read = runAtOnce(ArticleRoles.readSteps(bytes, 6, roles.roleTexts()));
    const expected = [undefined, undefined, [[7, 'Russian president'], [9, 'North Korean leader']], [], [[300_000, 'North Korean leader']], undefined];
    assert.deepStrictEqual(recordsOf(read, 6), expected);
    read.record(6, [1, 0], 0, 1, same, TEXTS);
    assert.deepStrictEqual(recordsOf(read, 7)[6], [[1, 'Russian president']], 'a loaded set records on after its documents');
  });

  it('refuses a section that does not hold its documents exactly, or names a role it does not hold', () => {
    const roles = new ArticleRoles();
    roles.record(0, [7, 1], 0, 1, same, TEXTS);
    const bytes = saved(roles, 1);
    assert.throws(() => runAtOnce(ArticleRoles.readSteps(Buffer.concat([bytes, Uint8Array.of(0)]), 1, TEXTS)), /^Error: News Corpus: the roles section holds other bytes/);
    assert.throws(() => runAtOnce(ArticleRoles.readSteps(bytes, 2, TEXTS)), /News Corpus:/);
    const unknownRole = Uint8Array.from(bytes);
    unknownRole[unknownRole.length - 1] = 5;
    assert.throws(() => runAtOnce(ArticleRoles.readSteps(unknownRole, 1, TEXTS)), /^Error: News Corpus: the roles section names a role it does not hold/);
  });
});
