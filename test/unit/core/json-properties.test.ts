import * as assert from 'assert';
import { setProperty } from '../../../src/core/facts/json-properties';

const TEXT = `{
  "people": {
    "Putin": {
      "description": "President of Russia"
    },
    "Kim Jong-un": { "hidden": true }
  }
}
`;

describe('setProperty', () => {
  it('inserts a property among its siblings without re-formatting them', () => {
    assert.strictEqual(
      setProperty(TEXT, ['people', 'Vladimir Putin'], { aliases: ['Putin'] }),
      TEXT.replace('{ "hidden": true }\n', '{ "hidden": true },\n    "Vladimir Putin": {\n      "aliases": ["Putin"]\n    }\n'),
    );
    assert.strictEqual(setProperty(TEXT, ['people', 'Jane'], { add: true }, () => 0), TEXT.replace('"Putin": {', '"Jane": {\n      "add": true\n    },\n    "Putin": {'));
  });

  it('adds a field to an entry written on one line on that line', () => {
    assert.strictEqual(setProperty(TEXT, ['people', 'Kim Jong-un', 'split'], ['Kim']), TEXT.replace('{ "hidden": true }', '{ "hidden": true, "split": ["Kim"] }'));
  });

  it('replaces a value in place, and makes missing objects on the way', () => {
    assert.strictEqual(setProperty(TEXT, ['people', 'Kim Jong-un', 'hidden'], false), TEXT.replace('"hidden": true', '"hidden": false'));
    assert.strictEqual(setProperty('{}', ['places', 'Khasan'], { ignore: true }), '{\n  "places": {\n    "Khasan": {\n      "ignore": true\n    }\n  }\n}');
    assert.strictEqual(setProperty('{\r\n\t"a": {}\r\n}', ['a', 'b'], 1), '{\r\n\t"a": {\r\n\t\t"b": 1\r\n\t}\r\n}');
  });

  it('removes the first, a middle, the last and the only property with their separators', () => {
    const text = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}';
    assert.strictEqual(setProperty(text, ['a'], undefined), '{\n  "b": 2,\n  "c": 3\n}');
    assert.strictEqual(setProperty(text, ['b'], undefined), '{\n  "a": 1,\n  "c": 3\n}');
    assert.strictEqual(setProperty(text, ['c'], undefined), '{\n  "a": 1,\n  "b": 2\n}');
    assert.strictEqual(setProperty('{ "a": { "x": 1 } }', ['a', 'x'], undefined), '{ "a": {} }');
    assert.strictEqual(setProperty(text, ['d'], undefined), text);
    assert.strictEqual(setProperty('[1]', ['a'], 1), '[1]');
  });
});
