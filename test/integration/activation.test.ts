// Smoke test: the extension loads in the real extension host and registers its commands.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
    // Only a development build links a source map (esbuild.mjs).
    const bundle = readFileSync(join(extension.extensionPath, 'dist', 'extension.js'), 'utf8');
    assert.doesNotMatch(bundle, /\/\/# sourceMappingURL=/, `${extension.extensionPath} holds a development build`);
  });

  it('registers the commands of the manifest', async () => {
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of COMMANDS) {
      assert.ok(registered.has(command), `${command} is not registered`);
    }
  });
});
