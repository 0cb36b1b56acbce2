import * as assert from 'assert';
import { EMPTY_HISTORY, RECENT_LIMIT, addRecent, deleteSaved, forgetRecent, parseHistory, renameSaved, restoreSaved, saveSearch } from '../../../src/core/search-workflow/search-history';

describe('search history', () => {
  it('keeps recent queries newest first, without duplicates or blanks, at most 20', () => {
    let history = EMPTY_HISTORY;
    for (let i = 0; i < 25; i++) history = addRecent(history, `q${i}`);
    assert.strictEqual(RECENT_LIMIT, 20);
    assert.strictEqual(history.recent.length, 20);
    assert.strictEqual(history.recent[0], 'q24');
    assert.strictEqual(history.recent[19], 'q5');
    history = addRecent(history, ' q10 ');
    assert.deepStrictEqual(history.recent.slice(0, 3), ['q10', 'q24', 'q23']);
    assert.strictEqual(history.recent.length, 20);
    assert.strictEqual(addRecent(history, '   '), history);
  });

  it('saves, renames and deletes searches by name', () => {
    let history = saveSearch(EMPTY_HISTORY, 'Grain', 'wheat OR corn');
    history = saveSearch(history, 'Oil', 'oil');
    assert.deepStrictEqual(history.saved, [{ name: 'Grain', query: 'wheat OR corn' }, { name: 'Oil', query: 'oil' }]);
    history = saveSearch(history, 'Grain', 'wheat');
    assert.deepStrictEqual(history.saved[0], { name: 'Grain', query: 'wheat' }, 'the same name replaces');
    history = renameSaved(history, 'Grain', 'Cereals');
    assert.deepStrictEqual(history.saved.map((saved) => saved.name), ['Cereals', 'Oil']);
    assert.strictEqual(renameSaved(history, 'Oil', ' '), history, 'a blank name is refused');
    history = renameSaved(history, 'Oil', 'Cereals');
    assert.deepStrictEqual(history.saved, [{ name: 'Cereals', query: 'oil' }], 'a rename onto an existing name replaces it');
    assert.deepStrictEqual(deleteSaved(history, 'Cereals').saved, []);
  });

  it('puts a deleted saved search back where it was, unless one of its name was saved since', () => {
    const a = { name: 'A', query: 'oil' };
    const b = { name: 'B', query: 'gas' };
    const c = { name: 'C', query: 'wheat' };
    const before = { recent: ['oil'], saved: [a, b, c] };
    const deleted = deleteSaved(before, 'B');
    assert.deepStrictEqual(restoreSaved(deleted, b, 1, 'C'), before);
    // The search before it deleted since: back before the one that followed it, not at its old index.
    assert.deepStrictEqual(restoreSaved(deleteSaved(deleted, 'A'), b, 1, 'C').saved, [b, c]);
    assert.deepStrictEqual(restoreSaved(deleteSaved(deleted, 'C'), b, 1).saved, [a, b], 'last when fewer are kept now');
    assert.deepStrictEqual(restoreSaved(deleted, b, -3).saved, [b, a, c]);
    const savedAgain = saveSearch(deleted, 'B', 'coal');
    assert.strictEqual(restoreSaved(savedAgain, b, 1), savedAgain, 'the search saved since under that name is kept');
  });

  it('forgets one recent query, or all of them, and keeps the saved searches', () => {
    const history = { recent: ['oil', 'wheat', 'gas'], saved: [{ name: 'Grain', query: 'wheat' }] };
    assert.deepStrictEqual(forgetRecent(history, 'wheat'), { recent: ['oil', 'gas'], saved: history.saved });
    assert.deepStrictEqual(forgetRecent(history), { recent: [], saved: history.saved });
  });

  it('reads back only well-formed data from workspace state', () => {
    assert.deepStrictEqual(parseHistory(undefined), EMPTY_HISTORY);
    assert.deepStrictEqual(parseHistory('junk'), EMPTY_HISTORY);
    const parsed = parseHistory({ recent: ['oil', 42, '', 'oil', 'gas'], saved: [{ name: 'G', query: 'wheat', extra: 1 }, { name: '', query: 'x' }, 'junk'] });
    assert.deepStrictEqual(parsed, { recent: ['oil', 'gas'], saved: [{ name: 'G', query: 'wheat' }] });
    assert.strictEqual(parseHistory({ recent: Array.from({ length: 30 }, (_, i) => `q${i}`) }).recent.length, RECENT_LIMIT);
  });
});
