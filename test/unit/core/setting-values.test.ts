import * as assert from 'assert';
import { globSettingProblem, MAX_FILE_SIZE_KB, wholeSetting } from '../../../src/core/setting-values';

describe('wholeSetting', () => {
  const results = { min: 1, max: 1000, fallback: 50 };

  it('rounds a fraction down, as a count of results or kilobytes is whole', () => {
    assert.strictEqual(wholeSetting(2.5, results), 2);
    assert.strictEqual(wholeSetting(1.5, { min: 1, max: MAX_FILE_SIZE_KB, fallback: 2048 }), 1);
  });

  it('brings a value out of range within it, the largest file size included', () => {
    assert.strictEqual(wholeSetting(0.5, results), 1);
    assert.strictEqual(wholeSetting(-3, results), 1);
    assert.strictEqual(wholeSetting(5000, results), 1000);
    assert.strictEqual(wholeSetting(99_999_999, { min: 1, max: MAX_FILE_SIZE_KB, fallback: 2048 }), MAX_FILE_SIZE_KB);
  });

  it('gives the default for what is not a number', () => {
    for (const odd of [undefined, null, '20', Number.NaN, Number.POSITIVE_INFINITY]) assert.strictEqual(wholeSetting(odd, results), 50, String(odd));
  });

  it('keeps a whole value in range as it is', () => {
    assert.strictEqual(wholeSetting(50, results), 50);
    assert.strictEqual(wholeSetting(1000, results), 1000);
  });
});

describe('globSettingProblem', () => {
  it('names the setting, its pattern and what is wrong in it', () => {
    assert.strictEqual(globSettingProblem('newsCorpus.include', '**/{live'), 'News Corpus: the setting newsCorpus.include is not a valid glob pattern: the "{" at character 4 of "**/{live" is never closed');
    assert.strictEqual(globSettingProblem('newsCorpus.exclude', '['), 'News Corpus: the setting newsCorpus.exclude is not a valid glob pattern: the "[" at character 1 of "[" is never closed');
  });

  it('is undefined for a pattern read as written', () => {
    assert.strictEqual(globSettingProblem('newsCorpus.exclude', '**/{node_modules,.git}/**'), undefined);
  });
});
