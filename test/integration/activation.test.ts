// Smoke test: the extension loads in the real extension host and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'news-corpus.news-corpus';
const COMMANDS = ['newsCorpus.refresh', 'newsCorpus.showSkippedFiles', 'newsCorpus.openSettings'];

describe('activation', () => {
  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the extension host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers the commands of the manifest', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of COMMANDS) {
      assert.ok(registered.has(command), `${command} is not registered`);
    }
  });
});
