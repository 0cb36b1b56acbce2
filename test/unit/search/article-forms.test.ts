import * as assert from 'assert';
import { ArticleForms } from '../../../src/core/search/article-forms';
import { ByteWriter } from '../../../src/core/search/byte-codec';
import { runAtOnce } from '../../../src/core/search/time-slices';

/** Each document's (entity, form, mentions) triples, or undefined when its forms are not known or do not fit `entities`. */
function recordsOf(forms: ArticleForms, entities: readonly number[]): (number[][] | undefined)[] {
  return entities.map((count, doc) => {
    const triples: number[][] = [];
    return forms.forEachForm(doc, count, (entity, form, mentions) => triples.push([entity, form, mentions])) ? triples : undefined;
  });
}

function saved(forms: ArticleForms, docs: number): Uint8Array {
  const writer = new ByteWriter();
  runAtOnce(forms.writeSteps(writer, docs));
  return Buffer.concat(writer.finish());
}

describe('ArticleForms', () => {
  const forms = new ArticleForms();
  // Document 0 loaded from a cache without forms; 1: two entities in their first forms; 2: an entity in no counted
  // form, one in its third form, one in two forms (its triples given apart); 3: no entity.
  forms.record(1, 2, [0, 0, 1, 1, 0, 300]);
  forms.record(2, 3, [2, 0, 2, 1, 2, 1, 2, 1, 1]);
  forms.record(3, 0, []);
  const expected = [undefined, [[0, 0, 1], [1, 0, 300]], [[1, 2, 1], [2, 0, 2], [2, 1, 1]], []];

  it('hands back each entity\'s forms by its place among the document\'s entities', () => {
    assert.deepStrictEqual(recordsOf(forms, [0, 2, 3, 0]), expected);
  });

  it('hands nothing back for a document whose entities are not those it recorded', () => {
    assert.deepStrictEqual(recordsOf(forms, [0, 3, 2, 1]).slice(0, 3), [undefined, undefined, undefined]);
  });

  it('records an article that writes no counted form as empty, one byte, whatever its number of entities', () => {
    const none = new ArticleForms();
    none.record(0, 15, [], 0);
    none.record(1, 2, [1, 0, 1, 0, 0, 3], 0);
    assert.deepStrictEqual(recordsOf(none, [15, 4]), [[], []]);
    assert.deepStrictEqual([...saved(none, 2)], [1, 1]);
  });

  it('records only the first `count` triples of a buffer reused from article to article', () => {
    const reused = new ArticleForms();
    reused.record(0, 2, [1, 3, 2, 0, 0, 5], 1);
    assert.deepStrictEqual(recordsOf(reused, [2]), [[[1, 3, 2]]]);
  });

  it('says which documents write a counted form without being given their entities', () => {
    assert.deepStrictEqual([0, 1, 2, 3, 4].map((doc) => forms.writesAny(doc)), [false, true, true, false, false]);
  });

  it('takes a byte for an entity written in its first form only', () => {
    // Document 1: its size varint, then 2 (one mention) and 600 (300 mentions: two bytes).
    assert.deepStrictEqual([...saved(forms, 2)], [0, 3, 2, 0xd8, 0x04]);
  });

  it('keeps its records when it lets the room kept for more go, and records on after', () => {
    const fitted = new ArticleForms();
    fitted.record(1, 2, [0, 0, 1, 1, 0, 300]);
    fitted.record(2, 3, [2, 0, 2, 1, 2, 1, 2, 1, 1]);
    fitted.fit();
    assert.deepStrictEqual([recordsOf(fitted, [0, 2, 3]), [...saved(fitted, 3)]], [expected.slice(0, 3), [...saved(forms, 3)]]);
    fitted.record(3, 1, [0, 2, 7]);
    assert.deepStrictEqual(recordsOf(fitted, [0, 2, 3, 1]), [...expected.slice(0, 3), [[0, 2, 7]]]);
  });

  it('reads back what it wrote, and refuses a section that does not hold its documents exactly', () => {
    const bytes = saved(forms, 5);
    const read = runAtOnce(ArticleForms.readSteps(bytes, 5));
    assert.deepStrictEqual(recordsOf(read, [0, 2, 3, 0, 0]), [...expected, undefined]);
    read.record(5, 1, [0, 1, 4]);
    assert.deepStrictEqual(recordsOf(read, [0, 0, 0, 0, 0, 1])[5], [[0, 1, 4]], 'a loaded set records on after its documents');
    assert.throws(() => runAtOnce(ArticleForms.readSteps(Buffer.concat([bytes, Uint8Array.of(0)]), 5)), /^Error: News Corpus: the forms section holds other bytes/);
    assert.throws(() => read.record(2, 0, []), /^Error: News Corpus: the forms of article 2 were recorded already/);
  });
});
