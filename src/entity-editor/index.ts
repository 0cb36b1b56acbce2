import * as vscode from 'vscode';
import { isArticleDocument } from '../article-document';
import { ARTICLE_LANGUAGE_ID } from '../core/article';
import { Corpus } from '../core/corpus';
import { countOf, toDisplayText } from '../core/display-text';
import { ENTITY_TYPE_NAMES, EntityDirectory } from '../core/entity-directory';
import { ArticleAnalyzer } from '../core/curation/article-corrections';
import { LikelyDuplicateHints } from '../core/curation/likely-duplicate-hints';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { ArticleEntity, EntityType } from '../core/entities/types';
import { FactsLookup } from '../core/facts/facts-store';
import { PacedUpdates } from '../core/paced-updates';
import { ENTITY_TYPES } from '../core/search/entity-table';
import { SETTINGS_SECTION } from '../corpus/settings';
import { notify } from '../notifications';
import { registerAnalysisAhead } from './analysis-ahead';
import { corpusMentions, mentionsIn } from './corpus-mentions';
import { EntitiesWhenKnown, entityAtWhenKnown, mentionRanges } from './entity-at';
import { EntityHoverProvider } from './entity-hover-provider';
import { ENTITY_TOKENS_LEGEND, EntitySemanticTokensProvider } from './entity-semantic-tokens';
import { renewableRegistration } from './renewable-registration';

/**
 * The Outline and breadcrumbs are asked again at most this often as the facts change: typing in a facts file changes
 * them at every keystroke, and each renewal makes VS Code ask every visible article's symbols again.
 */
const SYMBOLS_RENEWAL_INTERVAL_MS = 500;
/** Entities a Go to Symbol in Workspace query lists at most. */
const WORKSPACE_SYMBOLS = 100;
/** The symbol kind each entity type is shown with in the Outline and symbol search (their icons). */
const SYMBOL_KINDS: Readonly<Record<EntityType, vscode.SymbolKind>> = {
  PER: vscode.SymbolKind.Object,
  LOC: vscode.SymbolKind.Namespace,
  ORG: vscode.SymbolKind.Class,
  MISC: vscode.SymbolKind.Constant,
};
/** Article files may still be plain text while the language switch is on its way, or when it is turned off. */
const SELECTOR: vscode.DocumentSelector = [{ language: ARTICLE_LANGUAGE_ID }, { language: 'plaintext' }];

/** What the editor features read: the corpus (which files are articles), its entities, the recogniser and the user's facts. */
export interface EntityEditorDeps {
  readonly corpus: Corpus;
  readonly entities: EntityDirectory;
  readonly analyze: ArticleAnalyzer;
  /** The same, waiting for a long text's entities (for the providers VS Code waits for). */
  readonly analyzed: AwaitedAnalyzer;
  /**
   * The same for the index's copy of an article (where the corpus mentions an entity), which waits apart, read in
   * passing: finding an entity's mentions reads its articles many in a row, which would push the open editors'
   * analyses out of memory.
   */
  readonly analyzedInPassing: AwaitedAnalyzer;
  readonly facts: FactsLookup;
  /** Whether mentions are coloured by type (setting `newsCorpus.highlightEntities`). */
  readonly highlightEntities: () => boolean;
  /** Which full name a name alone likely or possibly is, for the hover cards (the hidden entities left out). */
  readonly likelyDuplicates: Pick<LikelyDuplicateHints, 'of'>;
}

/**
 * Hover cards (with the entity each name is probably the same as), document highlights, the Outline, Go to Definition (the facts entry, else the first mention), Find All References, Go to Symbol in
 * Workspace and colours by type for the entity mentions of article files.
 *
 * A long article's entities are found on the entity engine's thread: the colours come when they arrive, and the
 * providers VS Code waits for (hover, highlights, Outline, definition, references) answer then. A hover over a name
 * of such an article shows VS Code's "Loading…" until its card can be shown, about a second after the article was
 * shown (its analysis starts then; 0.4–0.9 s for 594,000 characters in the integration test): answering nothing would
 * leave the user hovering a name in vain, and a "still reading" note would be a second hover to move the mouse for
 * once the card is ready. Returns the Go to Symbol in Workspace provider, for the API (see `NewsCorpusApi.workspaceSymbols`).
 */
export function registerEntityEditor(context: vscode.ExtensionContext, deps: EntityEditorDeps): vscode.WorkspaceSymbolProvider {
  const isArticle = (document: vscode.TextDocument) => isArticleDocument(document, deps.corpus);
  const { analyzed } = deps;
  // An entity the user hid in the facts file is not pointed out: no card, highlight, colour or symbol.
  const shown = (entities: readonly ArticleEntity[]) => entities.filter((entity) => !deps.facts.isHidden(entity.key));
  /** The entities known now: none while a long article's are on their way. */
  const entitiesOf = (document: vscode.TextDocument) => (isArticle(document) ? shown(deps.analyze(document.getText(), document.uri.toString()) ?? []) : []);
  const entitiesWhenKnown: EntitiesWhenKnown = async (document, token) => {
    if (!isArticle(document)) return [];
    const version = document.version;
    const entities = await analyzed(document.getText(), document.uri.toString(), token);
    return document.version === version ? shown(entities) : undefined;
  };
  const mentionDeps = { entities: deps.entities, analyzed: deps.analyzedInPassing };
  /** The corpus's mentions of the entity at `position`; undefined when no name is there. */
  const mentionsAt = async (document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken) => {
    const found = await entityAtWhenKnown(entitiesWhenKnown, document, position, token);
    return found && corpusMentions(found.entity.key, mentionDeps, token);
  };
  /** Whether each open document was an article when its symbols were last given (by URI), see `renewOnArticleChange`. */
  const symbolsGivenAsArticle = new Map<string, boolean>();
  const symbols: vscode.DocumentSymbolProvider = {
    provideDocumentSymbols: async (document, token) => {
      symbolsGivenAsArticle.set(document.uri.toString(), isArticle(document));
      const entities = await entitiesWhenKnown(document, token);
      if (!entities) throw new vscode.CancellationError();
      // Every range is one mention, never a span of the article. VS Code reads a symbol's range as a scope: sticky
      // scroll (on by default, and whatever the language, a plain-text article included) pins the first line of each
      // range scrolled into, and the breadcrumbs name the first symbol whose range holds the cursor. An entity spanning
      // its first..last mention, and a group spanning its entities, pinned paragraphs over the text and named an entity
      // at lines that speak of others. So an entity is its first mention (where the Outline and @ take the user), and a
      // group its first-named entity's: the breadcrumbs name a type and entity only with the cursor on such a name
      // (a type's later-named entities lie outside their group, so none), and never one the cursor is not on.
      return ENTITY_TYPES.flatMap((type) => {
        const children = entities.filter((entity) => entity.type === type).map((entity) => {
          const first = mentionRanges(entity, document)[0] ?? new vscode.Range(0, 0, 0, 0);
          return new vscode.DocumentSymbol(toDisplayText(entity.name), `${entity.mentions.length}×`, SYMBOL_KINDS[type], first, first);
        });
        const [earliest] = children.map((child) => child.range).sort((a, b) => a.start.compareTo(b.start));
        if (!earliest) return [];
        const group = new vscode.DocumentSymbol(ENTITY_TYPE_NAMES[type].group, `${children.length}`, vscode.SymbolKind.Module, earliest, earliest);
        group.children = children;
        return [group];
      });
    },
  };
  const workspaceSymbols: vscode.WorkspaceSymbolProvider = {
    provideWorkspaceSymbols: async (query, token) => {
      if (query.trim() === '') return [];
      const symbols: vscode.SymbolInformation[] = [];
      for (const type of ENTITY_TYPES) {
        for (const entity of deps.entities.list({ type, sort: 'articles', filter: query, offset: 0, limit: WORKSPACE_SYMBOLS }).entities) {
          // Each entity may wait for an article's text and its analysis: a query typed further stops this one.
          if (token.isCancellationRequested) return [];
          if (deps.facts.isHidden(entity.key)) continue;
          const [newest] = deps.entities.articles(entity.key, 1);
          if (!newest) continue;
          const [first] = await mentionsIn(newest, entity.key, mentionDeps, token);
          // Cancelled while it waited, the analysis answered no mention: the symbol would point at the article's start.
          if (token.isCancellationRequested) return [];
          const location = first ?? new vscode.Location(vscode.Uri.parse(newest.id), new vscode.Position(0, 0));
          symbols.push(new vscode.SymbolInformation(toDisplayText(entity.name), SYMBOL_KINDS[type], `${ENTITY_TYPE_NAMES[type].one} · ${countOf(entity.articleCount, 'article')}`, location));
        }
      }
      return symbols.sort((a, b) => a.name.localeCompare(b.name)).slice(0, WORKSPACE_SYMBOLS);
    },
  };
  // VS Code has no event that asks for an editor's symbols again: a provider registered anew makes the Outline,
  // breadcrumbs and Go to Symbol ask, so that a facts change (a name added, ignored or renamed) shows there at once.
  const symbolsRegistration = renewableRegistration(() => vscode.languages.registerDocumentSymbolProvider(SELECTOR, symbols, { label: 'Entities' }));
  const symbolsRenewals = new PacedUpdates(() => symbolsRegistration.renew(), () => SYMBOLS_RENEWAL_INTERVAL_MS);
  // VS Code keeps a document's symbols until its text or the providers for it change. A file opened before the scan
  // knew it was given none; the scan making it an article changes neither, nor does its switch to the News Article
  // language, which this same provider serves: its Outline, breadcrumbs and Go to Symbol stayed empty. So the
  // provider is renewed when an open document has become an article, or stopped being one, since its symbols were given.
  const renewOnArticleChange = () => {
    const changed = vscode.workspace.textDocuments.some((document) => {
      const given = symbolsGivenAsArticle.get(document.uri.toString());
      return given !== undefined && given !== isArticle(document);
    });
    if (!changed) return;
    // Renewed, the provider gives every document's symbols again: what the old one gave no longer counts.
    symbolsGivenAsArticle.clear();
    symbolsRenewals.request();
  };
  registerAnalysisAhead(context, entitiesOf);
  const tokens = new EntitySemanticTokensProvider(entitiesWhenKnown, deps.highlightEntities);
  context.subscriptions.push(
    tokens,
    { dispose: deps.facts.subscribe(() => tokens.refresh()) },
    // Only the News Article language: other plain text stays plain, as the setting to open articles in it says.
    vscode.languages.registerDocumentSemanticTokensProvider({ language: ARTICLE_LANGUAGE_ID }, tokens, ENTITY_TOKENS_LEGEND),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.highlightEntities`)) tokens.refresh();
    }),
    vscode.languages.registerHoverProvider(SELECTOR, new EntityHoverProvider({ entitiesOf: entitiesWhenKnown, entities: deps.entities, facts: deps.facts, likelyDuplicateOf: (key) => deps.likelyDuplicates.of(key) })),
    vscode.languages.registerDocumentHighlightProvider(SELECTOR, {
      provideDocumentHighlights: async (document, position, token) => {
        const found = await entityAtWhenKnown(entitiesWhenKnown, document, position, token);
        return found ? mentionRanges(found.entity, document).map((range) => new vscode.DocumentHighlight(range, vscode.DocumentHighlightKind.Read)) : [];
      },
    }),
    symbolsRegistration,
    { dispose: deps.facts.subscribe(() => symbolsRenewals.request()) },
    { dispose: () => symbolsRenewals.reset() },
    { dispose: deps.corpus.subscribe(renewOnArticleChange) },
    // A change of language reopens the document: the user may have picked the News Article language for a file outside the corpus.
    vscode.workspace.onDidOpenTextDocument(renewOnArticleChange),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.isClosed) symbolsGivenAsArticle.delete(document.uri.toString());
    }),
    vscode.languages.registerReferenceProvider(SELECTOR, { provideReferences: async (document, position, _context, token) => (await mentionsAt(document, position, token)) ?? [] }),
    vscode.languages.registerDefinitionProvider(SELECTOR, {
      provideDefinition: async (document, position, token) => {
        const found = await entityAtWhenKnown(entitiesWhenKnown, document, position, token);
        if (!found) return undefined;
        const facts = deps.facts.entry(found.entity.key);
        if (facts) {
          const file = await vscode.workspace.openTextDocument(vscode.Uri.parse(facts.source));
          return new vscode.Location(file.uri, new vscode.Range(file.positionAt(facts.entry.offset), file.positionAt(facts.entry.offset + facts.entry.length)));
        }
        // The first mention in the corpus: in its oldest dated article (the list is newest first, undated last).
        const articles = deps.entities.articles(found.entity.key);
        const oldest = [...articles].reverse().find((article) => article.date !== undefined) ?? articles[0];
        return oldest ? (await mentionsIn(oldest, found.entity.key, mentionDeps, token))[0] : undefined;
      },
    }),
    vscode.languages.registerWorkspaceSymbolProvider(workspaceSymbols),
    vscode.commands.registerCommand('newsCorpus.findMentions', async (uri: unknown, line: unknown, character: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const target = typeof uri === 'string' && typeof line === 'number' && typeof character === 'number' ? { uri: vscode.Uri.parse(uri), position: new vscode.Position(line, character) } : editor && { uri: editor.document.uri, position: editor.selection.active };
      const locations = target && (await mentionsAt(await vscode.workspace.openTextDocument(target.uri), target.position));
      // As Edit Facts and Fix Entity do: an empty references list would not say why it is empty.
      if (!target || !locations) return void notify('info', 'News Corpus: put the cursor on a name in an article to find its mentions.');
      return vscode.commands.executeCommand('editor.action.showReferences', target.uri, target.position, locations);
    }),
  );
  return workspaceSymbols;
}
