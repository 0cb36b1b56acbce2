// Smoke test: the extension loads in the real extension host and registers its commands.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

const COMMANDS = ['newsCorpus.refresh', 'newsCorpus.showSkippedFiles', 'newsCorpus.openSettings'];

describe('activation', () => {
  it('activates the extension', async () => {
    await api();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('is the production bundle that ships, not a development build', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    assert.ok(existsSync(join(extension.extensionPath, 'dist', 'extension.js')));
    // Only a development build writes source maps (esbuild.mjs); the VSIX holds none.
    assert.equal(existsSync(join(extension.extensionPath, 'dist', 'extension.js.map')), false, `${extension.extensionPath} holds a development build`);
  });

  it('registers the commands of the manifest', async () => {
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of COMMANDS) {
      assert.ok(registered.has(command), `${command} is not registered`);
    }
  });
});
