import * as assert from 'assert';
import { folderNeeded, joinMessageParts, reasonOf, scanFailureMessage, scanSummaryText, toNotificationText, withProductPrefix } from '../../../src/core/messages';

describe('messages', () => {
  it('prefixes a message with the product name exactly once', () => {
    assert.strictEqual(withProductPrefix('the index was rebuilt'), 'News Corpus: the index was rebuilt');
    assert.strictEqual(withProductPrefix('News Corpus: the index was rebuilt'), 'News Corpus: the index was rebuilt');
  });

  it('takes the reason out of anything thrown, without the prefix', () => {
    assert.strictEqual(reasonOf(new Error('News Corpus: an indexing thread failed')), 'an indexing thread failed');
    assert.strictEqual(reasonOf(new Error('EACCES')), 'EACCES');
    assert.strictEqual(reasonOf('plain string'), 'plain string');
  });

  it('says in a view that lists after a failed scan why, what it lists and how to try again', () => {
    const message = scanFailureMessage(reasonOf(new Error('News Corpus: the cache reader stopped')), 'entities');
    assert.strictEqual(message, 'The index could not be brought up to date (the cache reader stopped): these are the entities it still holds. Run News Corpus: Rescan Workspace to try again.');
  });

  it('makes a view\'s message of all its parts in order, leaving out those it has not', () => {
    assert.strictEqual(joinMessageParts('The scan failed.', undefined, '', 'Showing names containing "kim".'), 'The scan failed. Showing names containing "kim".');
    assert.strictEqual(joinMessageParts('3 files skipped'), '3 files skipped');
    assert.strictEqual(joinMessageParts(undefined, ''), '');
  });

  it('says what a scan did in words: files unchanged, read, and its time', () => {
    assert.strictEqual(scanSummaryText({ unchanged: 315, reread: 0, ms: 1_130 }), '315 files unchanged, none read, in 1.1 s');
    assert.strictEqual(scanSummaryText({ unchanged: 1, reread: 12_345, ms: 40 }), '1 file unchanged, 12,345 read, in 0.0 s');
  });

  it('asks for a folder, saying what for, when none is open, and says nothing when one is', () => {
    assert.strictEqual(folderNeeded(0, 'look for articles in it'), 'News Corpus: open a folder to look for articles in it.');
    assert.strictEqual(folderNeeded(1, 'look for articles in it'), undefined);
    assert.strictEqual(folderNeeded(3, 'see an overview of its articles'), undefined);
  });

  describe('toNotificationText', () => {
    /** The pattern VS Code's notifications turn into links (parseLinkedText in vs/base/common/linkedText.ts). */
    const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)(?: (["'])(.+?)(\3))?\)/i;
    const HOSTILE_NAME = '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D).txt';

    it('keeps a file name that is a command link from being read as a link, and adds the prefix', () => {
      assert.match(HOSTILE_NAME, VSCODE_LINK);
      const text = toNotificationText(`could not open /corpus/${HOSTILE_NAME}: not found`);
      assert.doesNotMatch(text, VSCODE_LINK);
      assert.ok(text.startsWith('News Corpus: could not open /corpus/[x]'));
    });

    it('reads exactly as before once the invisible break is taken out', () => {
      const message = `News Corpus: [a](https://example.com) and [b](file:///etc/passwd "t") in ${HOSTILE_NAME}`;
      const text = toNotificationText(message);
      assert.doesNotMatch(text, VSCODE_LINK);
      assert.strictEqual(text.replaceAll('\u200b', ''), message);
    });

    it('leaves text without links alone', () => {
      assert.strictEqual(toNotificationText('2 files [skipped] (see the list)'), 'News Corpus: 2 files [skipped] (see the list)');
    });
  });
});
