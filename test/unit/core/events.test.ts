import * as assert from 'assert';
import { Signal } from '../../../src/core/events';

describe('Signal', () => {
  it('calls every listener when one throws, then throws what the first that threw did', () => {
    const signal = new Signal<number>();
    const heard: string[] = [];
    signal.subscribe((value) => {
      heard.push(`first ${value}`);
      throw new Error('the first view broke');
    });
    signal.subscribe((value) => heard.push(`second ${value}`));
    signal.subscribe(() => {
      throw new Error('the third view broke');
    });
    assert.throws(() => signal.fire(1), /the first view broke/);
    assert.deepStrictEqual(heard, ['first 1', 'second 1']);
  });
});
