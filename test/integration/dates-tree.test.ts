import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';
import type { DateTreeElement } from '../../src/dates-tree/dates-tree-provider';
import { api, corpusBecomes, EXTENSION_ID, languageBecomes, workspaceUri } from './helpers';

/** Articles of samples/wikinews, which the runner copies into the workspace. */
const SAMPLE_ARTICLES = 315;

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function childLabels(corpus: NewsCorpusApi, element?: DateTreeElement): Promise<string[]> {
  const children = await corpus.datesTree.getChildren(element);
  return children.map((child) => label(corpus.datesTree.getTreeItem(child)));
}

async function childNamed(corpus: NewsCorpusApi, name: string, element?: DateTreeElement): Promise<DateTreeElement> {
  for (const child of await corpus.datesTree.getChildren(element)) {
    if (label(corpus.datesTree.getTreeItem(child)) === name) return child;
  }
  throw new Error(`no child "${name}" under ${JSON.stringify(element)}: ${(await childLabels(corpus, element)).join(', ')}`);
}

describe('Dates view', () => {
  it('shows the seed articles under 2023 → September → Wed 13 with their titles', async () => {
    const corpus = await api();
    const year = await childNamed(corpus, '2023');
    const september = await childNamed(corpus, 'September', year);
    const day = await childNamed(corpus, 'Wed 13', september);
    const titles = await childLabels(corpus, day);
    assert.deepStrictEqual(titles.sort(), [
      'North Korean dictator Kim Jong-Un arrived in Russia this week and had his first meeting with the head of the Kremlin, Vladimir Putin, this Wednesday (13), at…',
      'North Korean dictator Kim Jong-un arrived in Russia this Tuesday (12) for the long-awaited meeting with Russian President Vladimir Putin.',
    ]);
  });

  it('names the year, month or day with its count in the tooltip of its row (which is also what a screen reader says)', async () => {
    const corpus = await api();
    const year = await childNamed(corpus, '2023');
    const september = await childNamed(corpus, 'September', year);
    const day = await childNamed(corpus, 'Wed 13', september);
    const undated = await childNamed(corpus, 'Undated');
    const tooltip = (element: DateTreeElement) => String(corpus.datesTree.getTreeItem(element).tooltip);
    assert.match(tooltip(year), /^2023 · \d+ articles$/);
    assert.match(tooltip(september), /^September 2023 · \d+ articles$/);
    assert.strictEqual(tooltip(day), 'Wednesday 13 September 2023 (2023-09-13) · 2 articles');
    assert.strictEqual(tooltip(undated), 'Undated · 1 article');
  });

  it('puts the article with an impossible date in the Undated group at the end', async () => {
    const corpus = await api();
    const roots = await childLabels(corpus);
    assert.strictEqual(roots.at(-1), 'Undated');
    const undated = await childNamed(corpus, 'Undated');
    assert.deepStrictEqual(await childLabels(corpus, undated), ['A story whose header carries an impossible date.']);
    const [story] = await corpus.datesTree.getChildren(undated);
    assert.ok(story);
    // The tooltip says why the story is undated (ux34: it said "undated" alone).
    const tooltip = String(corpus.datesTree.resolveTreeItem(corpus.datesTree.getTreeItem(story), story).tooltip).split('\n');
    assert.match(tooltip[1] ?? '', /^undated · /);
    assert.match(tooltip[2] ?? '', /^Invalid date: /);
  });

  it('gives articles a tooltip with date and file name and a command that opens them', async () => {
    const corpus = await api();
    const day = await childNamed(corpus, 'Wed 13', await childNamed(corpus, 'September', await childNamed(corpus, '2023')));
    const [first] = await corpus.datesTree.getChildren(day);
    assert.ok(first);
    const item = corpus.datesTree.getTreeItem(first);
    // Made when it is shown: it may read the article for its whole title.
    assert.strictEqual(item.tooltip, undefined);
    assert.match(String(corpus.datesTree.resolveTreeItem(item, first).tooltip), /\n2023-09-13 · 00[03]_[0-9a-f]+\.txt$/);
    // The row's title is cut at 160 characters; the tooltip's is the whole first sentence (ux34).
    const titles = (await corpus.datesTree.getChildren(day)).map((article) => String(corpus.datesTree.resolveTreeItem(corpus.datesTree.getTreeItem(article), article).tooltip).split('\n')[0]);
    assert.ok(titles.some((title) => title?.endsWith('at the Russian Vostochny Space Center.')), titles.join(' | '));
    assert.ok((await childLabels(corpus, day)).some((row) => row.endsWith('…')), 'the row shows the title cut');
    // One icon, open or not: ThemeIcon.File let the file icon theme switch it with the article's editor (qa24).
    assert.strictEqual(item.iconPath instanceof vscode.ThemeIcon && item.iconPath.id, 'file-text');
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor opened');
    assert.match(editor.document.getText(), /^ date 2023-09-13 /);
    await languageBecomes(editor.document, 'news-article');

    const settings = vscode.workspace.getConfiguration('newsCorpus');
    try {
      await settings.update('highlightArticles', false, vscode.ConfigurationTarget.Workspace);
      await languageBecomes(editor.document, 'plaintext');
    } finally {
      await settings.update('highlightArticles', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await languageBecomes(editor.document, 'news-article');
  });

  it('isolates a right-to-left title from the file name beside it, and an Arabic name inside an English title', async () => {
    const corpus = await api();
    const hebrew = workspaceUri('rtl-title.txt');
    const english = workspaceUri('rtl-name-title.txt');
    const listed = () => [hebrew, english].every((uri) => corpus.corpus.article(uri.toString()) !== undefined);
    await vscode.workspace.fs.writeFile(hebrew, new TextEncoder().encode(' date 2024-03-01 שלום עולם 2024\n'));
    await vscode.workspace.fs.writeFile(english, new TextEncoder().encode(' date 2024-03-01 محمد Salah scores twice\n'));
    try {
      await corpusBecomes('the articles with a Hebrew title and an Arabic name are listed', listed, corpus);
      const shown = [hebrew, english].map((uri) => corpus.datesTree.getTreeItem({ kind: 'article', id: uri.toString() })).map((item) => [label(item), item.description]);
      assert.deepStrictEqual(shown, [
        ['\u2067שלום עולם 2024\u2069', 'rtl-title.txt'],
        ['\u2066\u2067محمد\u2069 Salah scores twice\u2069', 'rtl-name-title.txt'],
      ]);
    } finally {
      for (const uri of [hebrew, english]) await vscode.workspace.fs.delete(uri, { useTrash: false });
      await corpusBecomes('the articles with a Hebrew title and an Arabic name are gone', () => [hebrew, english].every((uri) => corpus.corpus.article(uri.toString()) === undefined), corpus);
    }
  });

  it('skips, and counts, the files that are not articles, and says so above its tree', async () => {
    const corpus = await api();
    const skipped = new Map([...corpus.corpus.skipped()].map((file) => [file.path.replace(/^.*\//, ''), file.reason]));
    assert.deepStrictEqual(Object.fromEntries([...skipped].sort()), {
      'binary.txt': 'binary',
      'empty.txt': 'empty',
      'latin1.txt': 'not-utf8',
      'no-header.txt': 'no-date-header',
    });
    // The four fixture articles, and the sample corpus the runner copies in beside them.
    assert.strictEqual(corpus.corpus.size, 4 + SAMPLE_ARTICLES);
    assert.strictEqual(corpus.viewMessage('dates'), '4 files skipped — see News Corpus: Show Skipped Files');
  });

  it('registers every contributed command, each under the News Corpus category with an icon', async () => {
    await api();
    const registered = await vscode.commands.getCommands(true);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed: { command: string; category?: string; icon?: string }[] = extension?.packageJSON.contributes.commands ?? [];
    assert.ok(contributed.length >= 4);
    for (const { command, category, icon } of contributed) {
      assert.ok(registered.includes(command), `${command} is registered`);
      assert.strictEqual(category, 'News Corpus', command);
      assert.match(icon ?? '', /^\$\([a-z-]+\)$/, command);
    }
  });
});
