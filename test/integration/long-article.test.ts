import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';
import { factsJson, removeFacts, run } from './curation-surfaces';
import { api, corpusBecomes, eventually, isArticle, withFile, workspaceUri } from './helpers';

const SEED_ARRIVAL = '003_737a2ec1faf8bc49.txt';
/** The size of the longest article of the product's test corpus, in characters. */
const LONG_ARTICLE_CHARS = 592_000;
/** Interval of the stall probe: a turn of the event loop later than this was held up by work on the host's thread. */
const PROBE_MS = 10;
/**
 * The longest stall of the host's thread allowed while the article opens and its entities are found: generous, as
 * opening a document this long costs the host some work of its own and the machine is shared; analysing it on the
 * host took 0.5–2 s.
 */
const STALL_LIMIT_MS = 400;

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function articleEntityNames(corpus: NewsCorpusApi): string[] {
  const view = corpus.articleEntities;
  return view
    .getChildren()
    .flatMap((group) => view.getChildren(group))
    .map((element) => label(view.getTreeItem(element)));
}

function articleViewBecomes(what: string, condition: () => boolean, corpus: NewsCorpusApi): Promise<void> {
  return eventually(what, condition, (listener) => {
    const subscription = corpus.articleEntities.onDidChangeTreeData(listener);
    return () => subscription.dispose();
  });
}

/** Measures the longest time the extension host's thread (this test's own) was held up, from now until `stop`. */
function stallProbe(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - PROBE_MS);
    last = now;
  }, PROBE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last - PROBE_MS);
    },
  };
}

/** The long article of these tests, ending with `lastName`. */
async function longArticle(lastName = 'Angela Merkel'): Promise<string> {
  const seed = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SEED_ARRIVAL)));
  const body = seed.slice(seed.indexOf('\n') + 1);
  const text = ` date 2024-04-05 A very long article.\n${body.repeat(Math.ceil(LONG_ARTICLE_CHARS / body.length))}\nThe talks ended with ${lastName}.\n`;
  assert.ok(text.length >= LONG_ARTICLE_CHARS && text.length < LONG_ARTICLE_CHARS + body.length + 100, `${text.length} characters`);
  return text;
}

/** The text of each entity symbol of the Outline: what its range covers in the document as it is now. */
async function outlineNames(document: vscode.TextDocument): Promise<{ name: string; covered: string }[]> {
  const groups = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
  return groups.flatMap((group) => group.children.map((symbol) => ({ name: symbol.name, covered: document.getText(symbol.selectionRange) })));
}

describe('A long article, analysed off the extension host\'s thread', () => {
  const uri = () => workspaceUri('long-article.txt');

  before(async () => {
    const corpus = await api();
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(await longArticle()));
    await corpusBecomes('the long article is in the corpus', () => corpus.corpus.article(uri().toString()) !== undefined, corpus);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri(), { useTrash: false });
    const corpus = await api();
    await corpusBecomes('the long article has left the corpus', () => corpus.corpus.article(uri().toString()) === undefined, corpus);
  });

  /**
   * Shows the article with `line` written before its second line (so that every mention of the text before the edit
   * would be in the wrong place), runs `check` while that edit is still being analysed, and reverts it.
   */
  async function withLineWritten(line: string, check: (editor: vscode.TextEditor) => Promise<void>): Promise<void> {
    const editor = await vscode.window.showTextDocument(uri());
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri(), editor.document.lineAt(1).range.start, line);
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await check(editor);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }

  it('keeps the host responsive while it opens, finds its entities on the engine\'s thread, then lists them, cards them and outlines them', async () => {
    const corpus = await api();
    const text = await longArticle();
    const before = corpus.entityAnalysisPlaces();
    const probe = stallProbe();
    const shown = performance.now();
    const editor = await vscode.window.showTextDocument(uri());
    await articleViewBecomes('In This Article lists the long article\'s entities', () => articleEntityNames(corpus).includes('Angela Merkel'), corpus);
    const listedMs = performance.now() - shown;
    const longestStallMs = probe.stop();
    const places = corpus.entityAnalysisPlaces();
    console.log(`long article: ${text.length} characters; entities listed ${listedMs.toFixed(0)} ms after it was shown; longest stall of the host ${longestStallMs.toFixed(0)} ms`);
    assert.ok(places.textsOnThread > before.textsOnThread, 'its text went to the entity engine\'s thread');
    assert.ok(places.longestTextOnHost < text.length, `no text this long was analysed on the host's thread (the longest: ${places.longestTextOnHost} characters)`);
    assert.ok(longestStallMs < STALL_LIMIT_MS, `the host's thread stalled ${longestStallMs.toFixed(0)} ms`);
    const names = articleEntityNames(corpus);
    assert.ok(names.includes('Vladimir Putin'), names.join(', '));
    const merkel = editor.document.positionAt(text.lastIndexOf('Merkel'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), merkel);
    const card = hovers.flatMap((hover) => hover.contents).find((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
    assert.match(card?.value ?? '', /\*\*Angela Merkel\*\*/);
    const outline = await outlineNames(editor.document);
    assert.ok(outline.some(({ name }) => name === 'Angela Merkel'), outline.map(({ name }) => name).join(', '));
  });

  it('shows the entities of the text as edited while it was being analysed, never those of the text before', async () => {
    const corpus = await api();
    await withLineWritten('Emmanuel Macron answered the press in Paris.\n', async (editor) => {
      await articleViewBecomes('In This Article lists the name the edit added', () => articleEntityNames(corpus).includes('Emmanuel Macron'), corpus);
      const text = editor.document.getText();
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), editor.document.positionAt(text.indexOf('Macron')));
      assert.ok(hovers.some((hover) => hover.contents.some((content) => content instanceof vscode.MarkdownString && content.value.includes('**Emmanuel Macron**'))));
      const outline = await outlineNames(editor.document);
      // A mention may be written otherwise than the name ("Putin" for Vladimir Putin), but shares a word with it, or is
      // an acronym in capitals ("US" for the United States): a symbol left at an offset of the text before covers neither.
      const words = (phrase: string) => phrase.toLowerCase().split(/[^\p{L}]+/u).filter((word) => word.length > 1);
      const misplaced = outline.filter(({ name, covered }) => !words(covered).some((word) => words(name).includes(word)) && !/^\p{Lu}{2,}$/u.test(covered));
      assert.deepStrictEqual(misplaced, [], 'every symbol covers its name in the text as edited');
    });
  });
  it('keeps colouring its names through an edit: the tokens wait for the edited text\'s entities instead of answering none', async () => {
    await withLineWritten('Emmanuel Macron spoke in Lyon.\n', async (editor) => {
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri());
      // Each token is five numbers, its line and start relative to the token before: the first ones are on line 1.
      const data = [...(tokens?.data ?? [])];
      const spans: string[] = [];
      for (let at = 0, line = 0, start = 0; at + 4 < data.length && line <= 1; at += 5) {
        const [deltaLine = 0, deltaStart = 0, length = 0] = data.slice(at, at + 3);
        start = deltaLine === 0 ? start + deltaStart : deltaStart;
        line += deltaLine;
        if (line === 1) spans.push(editor.document.getText(new vscode.Range(line, start, line, start + length)));
      }
      assert.ok(spans.includes('Emmanuel Macron'), `line 1 coloured: ${spans.join(', ')} (${data.length / 5} tokens)`);
    });
  });

  it('cards no name of the text before an edit made while the hover waited for its entities', async () => {
    await withLineWritten('Emmanuel Macron flew to Madrid.\n', async () => {
      const line = new vscode.Position(1, 0);
      // Over "Emmanuel", then, before its entities are found, "Angela Merkel" is written in front of it.
      const hovering = vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), line.translate(0, 3));
      const second = new vscode.WorkspaceEdit();
      second.insert(uri(), line, 'Angela Merkel spoke first.\n');
      assert.ok(await vscode.workspace.applyEdit(second));
      const cards = (await hovering).flatMap((hover) => hover.contents).filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
      assert.ok(!cards.some((card) => card.value.includes('**Emmanuel Macron**')), 'the card of the name that was there before the edit');
    });
  });
  it('corrects the name that was under the cursor when the command ran, though an edit came while the article\'s entities were found', async () => {
    try {
      await withLineWritten('Emmanuel Macron wrote to Ottawa.\n', async (editor) => {
        editor.selection = new vscode.Selection(1, 3, 1, 3);
        const renaming = run<boolean>('newsCorpus.renameEntity', undefined, 'President Macron');
        // Before its entities are found, the first line grows: every offset after it moves, the cursor's line and column
        // do not (read after the wait, they would be an offset in "Ottawa" of the text analysed).
        const above = new vscode.WorkspaceEdit();
        above.insert(uri(), editor.document.lineAt(0).range.end, ' Filed by Angela Merkel.');
        assert.ok(await vscode.workspace.applyEdit(above));
        assert.strictEqual(await renaming, true, 'the rename wrote the facts file');
        assert.deepStrictEqual(await factsJson(), { people: { 'President Macron': { aliases: ['Emmanuel Macron'] } } });
      });
    } finally {
      await removeFacts();
    }
  });

  it('stops Go to Symbol in Workspace when its token is cancelled, also while it waits for a long article\'s entities: nothing, and no error', async () => {
    const corpus = await api();
    const cancelled = new vscode.CancellationTokenSource();
    cancelled.cancel();
    assert.deepStrictEqual(await corpus.workspaceSymbols.provideWorkspaceSymbols('Lavrov', cancelled.token), [], 'cancelled before it was asked');
    // A long article of its own: its text has not been analysed yet, so that the provider waits for its entities.
    await withFile('long-symbols.txt', await longArticle('Ottokar Brennwald'), isArticle, async (article) => {
      const waiting = new vscode.CancellationTokenSource();
      const answer = corpus.workspaceSymbols.provideWorkspaceSymbols('Brennwald', waiting.token);
      waiting.cancel();
      assert.deepStrictEqual(await answer, [], 'cancelled while it waited');
      const found = await corpus.workspaceSymbols.provideWorkspaceSymbols('Brennwald', new vscode.CancellationTokenSource().token);
      assert.deepStrictEqual(found?.map((symbol) => symbol.name), ['Ottokar Brennwald'], 'not cancelled, it finds the name');
      const [symbol] = found ?? [];
      assert.strictEqual((await vscode.workspace.openTextDocument(article)).getText(symbol?.location.range), 'Ottokar Brennwald', 'at its mention');
    });
  });

  it('selects the next mention of a name an edit still being analysed added, once its entities arrive', async () => {
    await withLineWritten('Emmanuel Macron came by train.\n', async (editor) => {
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('newsCorpus.selectNextMention', { kind: 'entity', entity: { key: 'PER:emmanuel macron' } });
      assert.strictEqual(editor.document.getText(editor.selection), 'Emmanuel Macron');
    });
  });
});
