import * as assert from 'assert';
import * as vscode from 'vscode';
import { answerBecomes, api, corpusBecomes, eventually, isArticle, languageBecomes, panelTabs, tabsChange, withFile, workspaceUri } from './helpers';

const SEED_MEETING = '000_11aec1007b5c4c05.txt';
const SEED_ARRIVAL = '003_737a2ec1faf8bc49.txt';
/** The only commands a hover card may link to. */
const CARD_COMMANDS = ['newsCorpus.revealEntity', 'newsCorpus.searchResults.show', 'newsCorpus.showTimeline', 'newsCorpus.findMentions', 'newsCorpus.editFacts', 'newsCorpus.fixEntity', 'newsCorpus.mergeEntities'];

/** The document of a seed and the position inside the `occurrence`-th (0-based) appearance of `text`. */
async function positionOf(file: string, text: string, occurrence = 0): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(file));
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = document.getText().indexOf(text, at + 1);
  assert.ok(at >= 0, `"${text}" is in ${file}`);
  return { document, position: document.positionAt(at + 1) };
}

async function hoversAt(uri: vscode.Uri, offset: number): Promise<vscode.Hover[]> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(offset));
}

/** The card's links by title, each with its command and arguments as a click would run them. */
function cardLinks(markdown: vscode.MarkdownString): Map<string, { command: string; args: unknown[] }> {
  const links = [...markdown.value.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^) ]*)(?: "[^"]*")?\)/g)];
  return new Map(links.map(([, title, command, args]) => [title ?? '', { command: command ?? '', args: JSON.parse(decodeURIComponent(args ?? '')) as unknown[] }]));
}

function markdownOf(hovers: vscode.Hover[]): vscode.MarkdownString {
  const [first] = hovers.flatMap((hover) => hover.contents);
  assert.ok(first instanceof vscode.MarkdownString, `a Markdown card: ${JSON.stringify(hovers)}`);
  return first;
}

describe('Entities in the editor (hover, highlights, outline, definition, references, symbols)', () => {
  before(() => api());

  it('hovers "Putin" with the card of Vladimir Putin: type, counts, and links to the extension\'s own commands only', async () => {
    const { document, position } = await positionOf(SEED_MEETING, 'Putin', 1);
    const markdown = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    assert.match(markdown.value, /^\$\(person\) \*\*Vladimir Putin\*\* · person/);
    assert.match(markdown.value, /\d+ articles · \d+ mentions · .* mentions here/);
    assert.match(markdown.value, /Also written: .*Putin/);
    // Mined from the other seed, which calls him "Russian President Vladimir Putin".
    assert.match(markdown.value, /^- Russian President _\(\d+ articles?\)_$/m);
    assert.deepStrictEqual(markdown.isTrusted, { enabledCommands: CARD_COMMANDS });
    const links = [...markdown.value.matchAll(/\]\((\w+):([\w.]+)/g)].map(([, scheme, command]) => `${scheme}:${command}`);
    assert.ok(links.length > 0);
    for (const link of links) assert.ok(CARD_COMMANDS.some((command) => link === `command:${command}`), `unexpected link ${link}`);
  });

  it('counts a role once per article on the card however often its article is saved again, never above the entity\'s articles', async () => {
    const uri = workspaceUri(SEED_ARRIVAL);
    const original = await vscode.workspace.fs.readFile(uri);
    const corpus = await api();
    const card = async () => {
      const { document, position } = await positionOf(SEED_ARRIVAL, 'Putin');
      return markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)).value;
    };
    const roleCounts = (value: string) => [...value.matchAll(/^- (.+) _\((\d+) articles?\)_$/gm)].map(([, role, count]) => `${role ?? ''} ${count ?? ''}`);
    const before = await card();
    // A word the saved version holds, so that the corpus can be seen to have taken in each save.
    const marked = (present: boolean) => {
      const response = corpus.search('zebracrossing', { fuzzyFallback: false });
      return response?.ok === true && response.total === (present ? 1 : 0);
    };
    try {
      for (let save = 0; save < 3; save++) {
        await vscode.workspace.fs.writeFile(uri, Buffer.concat([original, new TextEncoder().encode(' zebracrossing')]));
        await corpusBecomes('the changed seed is indexed', () => marked(true), corpus);
        await vscode.workspace.fs.writeFile(uri, original);
        await corpusBecomes('the restored seed is indexed', () => marked(false), corpus);
      }
      const after = await card();
      assert.ok(roleCounts(before).length > 0, before);
      assert.deepStrictEqual(roleCounts(after), roleCounts(before));
      const articles = Number(/(\d+) articles? · /.exec(after)?.[1]);
      for (const line of roleCounts(after)) assert.ok(Number(line.split(' ').pop()) <= articles, `${line}, of ${articles} articles`);
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
      await corpusBecomes('the seed is as it was', () => marked(false), corpus);
    }
  });

  it('hovers "Kim Jong-Un" and "Kim Jong-un" with the same entity', async () => {
    const upper = await positionOf(SEED_MEETING, 'Kim Jong-Un');
    const lower = await positionOf(SEED_ARRIVAL, 'Kim Jong-un');
    const cards = await Promise.all(
      [upper, lower].map(async ({ document, position }) => markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)).value.split('\n')[0]),
    );
    assert.strictEqual(cards[0], cards[1]);
    assert.match(cards[0] ?? '', /\*\*Kim Jong\\-un\*\*/);
  });

  it('keeps article markup inert in the card of a new article, and shows nothing over a non-entity', async () => {
    const uri = workspaceUri('hover-injection.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(' date 2024-04-01 Angela Merkel met **bold** <b>html</b> $(bug) [Evil](command:workbench.action.quit) in Berlin.\n'));
    try {
      const corpus = await api();
      await corpusBecomes('the new article is in the corpus', () => corpus.corpus.article(uri.toString()) !== undefined, corpus);
      const document = await vscode.workspace.openTextDocument(uri);
      const merkel = document.positionAt(document.getText().indexOf('Merkel'));
      const markdown = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, merkel));
      assert.match(markdown.value, /Angela Merkel/);
      assert.doesNotMatch(markdown.value, /workbench\.action\.quit|<b>|(^|[^\\])\$\(bug/);
      const plain = document.positionAt(document.getText().indexOf('bold'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, plain);
      assert.ok(hovers.every((hover) => hover.contents.every((content) => !(content instanceof vscode.MarkdownString) || !content.value.includes('News Corpus'))));
    } finally {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
  });

  it('cards a mention right after the date header and one that ends the file, and nothing at the very start or end', async () => {
    const text = ' date 2024-04-01 Angela Merkel met the press in Berlin. Reporters asked about Angela Merkel';
    await withFile('edges.txt', text, isArticle, async (uri) => {
      for (const offset of [text.indexOf('Angela'), text.length - 1]) assert.match(markdownOf(await hoversAt(uri, offset)).value, /\*\*Angela Merkel\*\*/, `at ${offset}`);
      for (const offset of [0, text.length]) assert.ok((await hoversAt(uri, offset)).every((hover) => !hover.contents.some((content) => content instanceof vscode.MarkdownString && content.value.includes('$('))), `nothing at ${offset}`);
    });
  });

  it('cards a name at the end of a 2 MB article', async () => {
    const seed = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SEED_ARRIVAL)));
    const body = seed.slice(seed.indexOf('\n') + 1);
    const text = ` date 2024-04-02 A very long article.\n${body.repeat(Math.ceil(2_000_000 / body.length))}\nThe talks ended with Angela Merkel.\n`;
    assert.ok(text.length >= 2_000_000 && text.length < 2048 * 1024, `${text.length} characters`);
    await withFile('huge-article.txt', text, isArticle, async (uri) => {
      assert.match(markdownOf(await hoversAt(uri, text.lastIndexOf('Merkel'))).value, /\*\*Angela Merkel\*\*/);
    });
  });

  it('gives no card in a .txt file that is not an article', async () => {
    const text = 'Notes for the desk: call Angela Merkel and Vladimir Putin.\n';
    const skipped = (corpus: Awaited<ReturnType<typeof api>>, id: string) => [...corpus.corpus.skipped()].some((file) => file.id === id);
    await withFile('desk-notes.txt', text, skipped, async (uri) => {
      assert.deepStrictEqual(await hoversAt(uri, text.indexOf('Merkel')), []);
    });
  });

  it('gives no card in a file skipped as binary for a NUL byte after its first 8,000 bytes', async () => {
    const story = ` date 2024-04-03 Angela Merkel met the press in Berlin.\n${'Reporters waited in the rain. '.repeat(300)}`;
    const text = `${story}\u0000 Angela Merkel left.\n`;
    assert.ok(new TextEncoder().encode(story).length > 8000);
    const binary = (corpus: Awaited<ReturnType<typeof api>>, id: string) => [...corpus.corpus.skipped()].some((file) => file.id === id && file.reason === 'binary');
    await withFile('late-nul.txt', text, binary, async (uri) => {
      for (const offset of [text.indexOf('Merkel'), text.lastIndexOf('Merkel')]) assert.deepStrictEqual(await hoversAt(uri, offset), [], `no card at ${offset}`);
    });
  });

  it('highlights the other mentions of the entity in the article', async () => {
    const { document, position } = await positionOf(SEED_ARRIVAL, 'Putin');
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, position);
    const texts = highlights.map((highlight) => document.getText(highlight.range));
    assert.ok(texts.length >= 2, texts.join(', '));
    assert.ok(texts.every((text) => /^(Vladimir )?Putin$/.test(text)), texts.join(', '));
  });

  it('lists the article\'s entities by type in the Outline', async () => {
    const { document } = await positionOf(SEED_MEETING, 'Putin');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    // The Outline orders symbols by position, so the groups come in the order the article first names them.
    const groups = symbols.map((symbol) => symbol.name);
    for (const group of ['People', 'Places', 'Organizations']) assert.ok(groups.includes(group), groups.join(', '));
    const people = symbols.find((symbol) => symbol.name === 'People')?.children.map((child) => child.name) ?? [];
    assert.ok(people.includes('Sergei Lavrov') && people.includes('Vladimir Putin'), people.join(', '));
  });

  it('lists the entities of an article opened before the corpus knew it, once it knows it, though the Outline asked while it was plain text', async () => {
    const corpus = await api();
    const uri = workspaceUri('outline-late', 'late.txt');
    const id = uri.toString();
    const news = vscode.workspace.getConfiguration('newsCorpus');
    const people = (symbols: vscode.DocumentSymbol[] | undefined) => symbols?.find((symbol) => symbol.name === 'People')?.children.map((child) => child.name) ?? [];
    try {
      // Excluded, the file is opened as a plain-text file that is no article; lifting the exclusion makes it one.
      await news.update('exclude', '**/outline-late/**', vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(' date 2024-05-02 Chancellor Olaf Scholz met President Emmanuel Macron in Berlin.\n'));
      await corpus.whenIdle();
      const document = await vscode.window.showTextDocument(uri).then((editor) => editor.document);
      assert.strictEqual(corpus.corpus.article(id), undefined);
      assert.strictEqual(document.languageId, 'plaintext');
      // VS Code keeps this empty answer for the document (its Outline, breadcrumbs, Go to Symbol) until it has reason to ask again.
      assert.deepStrictEqual(await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri), undefined);
      await news.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await corpusBecomes('the opened file is an article', () => isArticle(corpus, id), corpus);
      await languageBecomes(document, 'news-article');
      const symbols = await answerBecomes('the Outline names its people', () => vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri), (answer) => people(answer).length > 0);
      assert.deepStrictEqual(people(symbols), ['Olaf Scholz', 'Emmanuel Macron']);
    } finally {
      await news.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(workspaceUri('outline-late'), { recursive: true, useTrash: false });
      await corpusBecomes('the late article has left the corpus', () => !isArticle(corpus, id), corpus);
    }
  });

  it('gives each Outline symbol one mention as its range, so that sticky scroll pins no paragraph and the breadcrumbs name no entity away from the cursor', async () => {
    const { document } = await positionOf(SEED_ARRIVAL, 'Putin');
    const groups = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const spans = (symbol: vscode.DocumentSymbol) => `${symbol.name} ${symbol.range.start.line}..${symbol.range.end.line}`;
    const symbols = groups.flatMap((group) => [group, ...group.children]);
    assert.deepStrictEqual(symbols.filter((symbol) => !symbol.range.isSingleLine).map(spans), []);
    for (const group of groups) {
      // The group stands at its first-named entity, and each entity at its first mention, where the Outline takes the user.
      const [earliest] = group.children.map((child) => child.range).sort((a, b) => a.start.compareTo(b.start));
      assert.ok(earliest && group.range.isEqual(earliest), spans(group));
      for (const child of group.children) assert.ok(child.range.isEqual(child.selectionRange), spans(child));
    }
    const putin = groups.find((group) => group.name === 'People')?.children.find((child) => child.name === 'Vladimir Putin');
    assert.ok(putin, groups.map(spans).join(', '));
    assert.strictEqual(document.getText(putin.range), 'Vladimir Putin');
    assert.strictEqual(putin.range.start.line, document.positionAt(document.getText().indexOf('Vladimir Putin')).line);
  });

  it('finds every mention across the corpus, and defines an entity by its first mention in the corpus', async () => {
    const { document, position } = await positionOf(SEED_MEETING, 'Sergei Lavrov');
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
    assert.deepStrictEqual(
      references.map((location) => location.uri.path.replace(/^.*\//, '')),
      [SEED_MEETING],
    );
    const putin = await positionOf(SEED_ARRIVAL, 'Putin');
    const everywhere = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', putin.document.uri, putin.position);
    const files = new Set(everywhere.map((location) => location.uri.path.replace(/^.*\//, '')));
    assert.ok(files.has(SEED_MEETING) && files.has(SEED_ARRIVAL) && files.size > 2, [...files].join(', '));
    for (const location of everywhere.slice(0, 20)) {
      const text = (await vscode.workspace.openTextDocument(location.uri)).getText(location.range);
      assert.match(text, /Putin/, `${location.uri.path}: "${text}"`);
    }
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', putin.document.uri, putin.position);
    assert.strictEqual(definitions.length, 1);
  });

  it('runs the card\'s own links: Search Articles lists the entity\'s articles in the Search Results view, Timeline opens its panel', async () => {
    const corpus = await api();
    const { document, position } = await positionOf(SEED_MEETING, 'Putin', 1);
    const markdown = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    const links = cardLinks(markdown);
    assert.deepStrictEqual([...links.keys()], ['Entities', 'Search', 'Timeline', 'Mentions', 'Edit Facts', 'Fix…']);
    const search = links.get('Search');
    assert.ok(search);
    await vscode.commands.executeCommand(search.command, ...search.args);
    assert.deepStrictEqual(corpus.searchResults.searchGroup, { kind: 'search', query: 'person:="Vladimir Putin"' });
    const response = corpus.searchResults.response;
    const articles = Number(/(\d+) articles ·/.exec(markdown.value)?.[1]);
    assert.ok(response?.ok && response.total === articles, `the card's ${articles} articles: ${JSON.stringify(response)}`);
    const timeline = links.get('Timeline');
    assert.ok(timeline);
    try {
      await vscode.commands.executeCommand(timeline.command, ...timeline.args);
      await eventually('the Timeline of Vladimir Putin is open', () => panelTabs().includes('Timeline: Vladimir Putin'), tabsChange);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('runs the card\'s own links: Show in Entities View filters the view to the entity, Find All Mentions opens them', async () => {
    const corpus = await api();
    await vscode.commands.executeCommand('newsCorpus.revealEntity', 'PER:sergei lavrov');
    try {
      const people = corpus.entitiesTree.getChildren().find((group) => group.kind === 'type' && group.type === 'PER');
      assert.ok(people);
      const names = corpus.entitiesTree.getChildren(people).map((child) => corpus.entitiesTree.getTreeItem(child).label);
      assert.deepStrictEqual(names, ['Sergei Lavrov']);
    } finally {
      await vscode.commands.executeCommand('newsCorpus.entities.clearFilter');
    }
    const { document, position } = await positionOf(SEED_MEETING, 'Sergei Lavrov');
    await vscode.commands.executeCommand('newsCorpus.findMentions', document.uri.toString(), position.line, position.character);
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('colours mentions by type with semantic tokens, and stops when the setting is off', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(SEED_ARRIVAL));
    await vscode.window.showTextDocument(document);
    await languageBecomes(document, 'news-article');
    const tokensOf = async () => {
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
      const found: string[] = [];
      let line = 0;
      let character = 0;
      const data = tokens?.data ?? new Uint32Array(0);
      for (let i = 0; i + 4 < data.length; i += 5) {
        line += data[i] ?? 0;
        character = (data[i] ?? 0) === 0 ? character + (data[i + 1] ?? 0) : (data[i + 1] ?? 0);
        const text = document.getText(new vscode.Range(line, character, line, character + (data[i + 2] ?? 0)));
        found.push(`${legend.tokenTypes[data[i + 3] ?? 0]}:${text}`);
      }
      return found;
    };
    const found = await tokensOf();
    for (const expected of ['person:Vladimir Putin', 'person:Dmitry Peskov', 'place:Russia', 'organization:Kremlin']) assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`);
    const settings = vscode.workspace.getConfiguration('newsCorpus');
    try {
      await settings.update('highlightEntities', false, vscode.ConfigurationTarget.Workspace);
      assert.deepStrictEqual(await tokensOf(), []);
    } finally {
      await settings.update('highlightEntities', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('shows a right-to-left name isolated in the Outline and in Go to Symbol in Workspace, as the views show it', async () => {
    const text = ' date 2024-04-05 Israeli Prime Minister בנימין נתניהו spoke to reporters in Jerusalem.\n';
    const isolated = '\u2067בנימין נתניהו\u2069';
    await withFile('rtl-symbols.txt', text, isArticle, async (uri) => {
      const outline = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      const people = outline.find((symbol) => symbol.name === 'People')?.children.map((child) => child.name) ?? [];
      assert.deepStrictEqual(people, [isolated]);
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'נתניהו');
      assert.deepStrictEqual(symbols.map((symbol) => symbol.name), [isolated]);
    });
  });

  it('finds entities by name with Go to Symbol in Workspace', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Lavrov');
    const lavrov = symbols.find((symbol) => symbol.name === 'Sergei Lavrov');
    assert.ok(lavrov, symbols.map((symbol) => symbol.name).join(', '));
    assert.strictEqual(lavrov.location.uri.path.replace(/^.*\//, ''), SEED_MEETING);
  });
});
