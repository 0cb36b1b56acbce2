// Smoke test: the extension loads in the real extension host and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

const COMMANDS = ['newsCorpus.refresh', 'newsCorpus.showSkippedFiles', 'newsCorpus.openSettings'];

describe('activation', () => {
  it('activates the extension', async () => {
    await api();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('registers the commands of the manifest', async () => {
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of COMMANDS) {
      assert.ok(registered.has(command), `${command} is not registered`);
    }
  });
});
