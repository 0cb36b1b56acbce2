// The corpus panels' commands open their webview panels (each once: opening again reveals the same one),
// from the palette and from an entity key as the Entities view's context menu passes it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, corpusBecomes, eventually, panelTabs, tabsChange } from './helpers';

describe('corpus panels', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the Corpus Overview once, however often it is asked for', async () => {
    const corpus = await api();
    await corpusBecomes('the fixture corpus is indexed', () => corpus.corpus.size > 0, corpus);
    await vscode.commands.executeCommand('newsCorpus.showOverview');
    await vscode.commands.executeCommand('newsCorpus.showOverview');
    await eventually('the overview is open', () => panelTabs().includes('Corpus Overview'), tabsChange);
    assert.equal(panelTabs().filter((label) => label === 'Corpus Overview').length, 1);
  });

  it('opens the Timeline, the Keyword in Context and the Entity Network of an entity of the Entities view', async () => {
    const corpus = await api();
    const [people] = corpus.entitiesTree.getChildren();
    assert.ok(people, 'the Entities view has groups');
    const [first] = corpus.entitiesTree.getChildren(people);
    assert.ok(first, 'the first group has entities');
    const item = corpus.entitiesTree.getTreeItem(first);
    const name = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    // The element itself, as the view's context menu passes it.
    await vscode.commands.executeCommand('newsCorpus.showTimeline', first);
    await vscode.commands.executeCommand('newsCorpus.showKwic', first);
    await vscode.commands.executeCommand('newsCorpus.showNetwork', first);
    const expected = [`Timeline: ${name}`, `Keyword in Context: ${name}`, `Entity Network: ${name}`];
    await eventually(`the panels ${expected.join(', ')} are open`, () => expected.every((label) => panelTabs().includes(label)), tabsChange);
  });
});
