import * as assert from 'assert';
import { Growable } from '../../../src/core/search/growable';

describe('Growable', () => {
  it('lets its spare capacity go on fit, keeping its values, and grows again on a push', () => {
    const column = new Growable(Uint32Array);
    for (let value = 0; value < 100; value++) column.push(value);
    assert.ok(column.array.length > column.length, 'doubling left room to spare');
    column.fit();
    assert.deepStrictEqual([column.array.length, [...column.view()]], [100, Array.from({ length: 100 }, (_, i) => i)]);
    column.push(100);
    assert.deepStrictEqual([column.length, column.view()[100], column.array.length >= 101], [101, 100, true]);
  });
});
