import * as vscode from 'vscode';
import { NewsCorpusApi } from './api';
import { SearchOptions } from './core/search/corpus-index';
import { registerArticleLanguage } from './article-language';
import { registerArticleProblems } from './article-problems';
import { correctedAnalyzer } from './core/curation/article-corrections';
import { LikelyDuplicateHints } from './core/curation/likely-duplicate-hints';
import { awaitingAnalyzer } from './core/entities/threaded-entities';
import { everyEntity } from './core/entity-directory';
import { CorpusNameLookup } from './core/search/corpus-names';
import { CorpusDates } from './core/search/query-help';
import { registerCorpus } from './corpus';
import { uriOfIndexPath } from './corpus/index-paths';
import { registerCuration } from './curation';
import { readHighlightArticles, readHighlightEntities } from './corpus/settings';
import { registerDatesTree } from './dates-tree';
import { loadPhaseProbe, registerStallProbe } from './diagnostics';
import { registerEntitiesTree } from './entities-tree';
import { registerEntityEditor } from './entity-editor';
import { registerEntityEngine } from './entity-engine';
import { registerFacts } from './facts';
import { currentFactsText, factsFileOf } from './facts/facts-files';
import { registerInThisArticle } from './in-this-article';
import { registerNavigation } from './navigation';
import { registerPanels } from './panels';
import { registerSearch } from './search';
import { registerSearchResults } from './search-results';
import { registerSkippedFiles } from './skipped-files';
import { registerStatusBar } from './status-bar';

export function activate(context: vscode.ExtensionContext): NewsCorpusApi {
  const log = vscode.window.createOutputChannel('News Corpus', { log: true });
  context.subscriptions.push(log);
  const engine = registerEntityEngine(context, { log });
  const onLoadPhases = loadPhaseProbe();
  const service = registerCorpus(context, { extractor: () => engine.extractorSpec(), onModelProblem: (problem) => engine.modelProblemFound(problem), log, ...(onLoadPhases && { onLoadPhases }) });
  registerStallProbe(context, { corpus: service.corpus, phase: () => service.phase, state: () => service.state, onDidProgress: service.onDidProgress, onDidChangeState: service.onDidChangeState });
  const engineEntity = (key: string) => (service.state === 'ready' ? service.engineEntities.summary(key) !== undefined : undefined);
  const { onDidAnalyze } = engine;
  // The user's corrections (facts file) applied to every answer about entities: the corpus's and each text's. The
  // facts are read once registered below; the analyzers are asked only later, by the features.
  const analyze = correctedAnalyzer((text, id, waiter) => engine.analyze(text, id, false, waiter), { corrections: () => facts.corrections() });
  // For the features that can wait for a long article's entities (the editor's, commands); the views ask `analyze` and follow onDidAnalyze.
  const analyzed = awaitingAnalyzer(analyze, onDidAnalyze);
  // The same for the index's copy of an article, whose long text waits apart from the open editor's (see `analyze`).
  const analyzeIndexed = correctedAnalyzer((text, id, waiter) => engine.analyze(text, id, true, waiter), { corrections: () => facts.corrections() });
  // Finding an entity's mentions and its lines in context read its articles many in a row: in passing, so that the
  // open editors' analyses stay remembered.
  const analyzedInPassing = awaitingAnalyzer(correctedAnalyzer((text, id, waiter) => engine.analyzeInPassing(text, id, waiter), { corrections: () => facts.corrections() }), onDidAnalyze);
  const search = (query: string, options: SearchOptions) => service.search(query, options);
  // The facts file's entries and aliases name the engine's entities: the near names offered for a misspelt one are
  // theirs, worked out again only when they change (not at each key typed in the file, which changes the corrections).
  const engineNames = new CorpusNameLookup(search, service.engineEntities);
  context.subscriptions.push(service.onDidChangeEngineEntities(() => engineNames.entitiesChanged()));
  const { store: facts, reloadFile: reloadFactsFile } = registerFacts(context, { analyzed, entities: service.entities, corpus: service.corpus, engineEntity, names: engineNames, corpusChanges: [service.onDidChangeState, service.onDidChangeEntities] });
  service.followCorrections(facts);
  // Which full name a name alone likely is ("Trump": Donald Trump), for the hover cards and the Entities view.
  const likelyDuplicates = new LikelyDuplicateHints(() => everyEntity(service.entities, 'articles'), (key) => service.entities.summary(key) !== undefined && !facts.isHidden(key));
  context.subscriptions.push(likelyDuplicates, service.onDidChangeEntities(() => likelyDuplicates.entitiesChanged()));
  const datesView = registerDatesTree(context, { corpus: service.corpus, service, articleText: (id) => service.entities.articleText(id) });
  const entitiesView = registerEntitiesTree(context, { entities: service.entities, analyze: analyzeIndexed, onDidAnalyze, onDidChangeEntities: service.onDidChangeEntities, service, likelyDuplicates });
  const articleEntities = registerInThisArticle(context, { corpus: service.corpus, entities: service.entities, analyze, analyzed, onDidAnalyze, onDidChangeEntities: service.onDidChangeEntities, service });
  const workspaceSymbols = registerEntityEditor(context, { corpus: service.corpus, entities: service.entities, analyze, analyzed, analyzedInPassing, facts, highlightEntities: readHighlightEntities, likelyDuplicates });
  registerNavigation(context);
  registerCuration(context, { entities: service.entities, analyzed, facts, factsFileOf, currentFactsText, factsWritten: reloadFactsFile, isEngineEntity: (key) => service.engineEntities.summary(key) !== undefined });
  const names = new CorpusNameLookup(search, service.entities);
  context.subscriptions.push(service.onDidChangeEntities(() => names.entitiesChanged()));
  // Date filters are tried alone as a name's filter is: a search of them that reads the count only.
  const dates: CorpusDates = { span: () => service.corpus.datedSpan(), finds: (filters) => names.finds(filters) };
  const searchResults = registerSearchResults(context, { search, entitiesOf: (path) => service.entitiesOf(path), textOf: (path) => service.entities.articleText(uriOfIndexPath(path).toString()), analyzed, corpus: service.corpus, names, dates });
  registerSearch(context, { search, recent: () => searchResults.history.recent, corpus: service.corpus, names, dates });
  registerSkippedFiles(context, { corpus: service.corpus });
  registerPanels(context, { corpus: service.corpus, entities: service.entities, search, dates, matchesPerDay: (query) => service.matchesPerDay(query), entityKeyNow: (key) => service.entityKeyNow(key), entityAnchor: (key) => service.entityAnchor(key), likelyDuplicates, onDidChangeEntities: service.onDidChangeEntities, analyzed: analyzedInPassing });
  registerStatusBar(context, { service });
  registerArticleLanguage(context, { corpus: service.corpus, enabled: readHighlightArticles });
  registerArticleProblems(context, { corpus: service.corpus });
  return {
    corpus: service.corpus,
    datesTree: datesView.provider,
    entitiesTree: entitiesView.provider,
    articleEntities,
    searchResults,
    workspaceSymbols,
    facts,
    entityModelProblem: () => engine.problem(),
    entityAnalysisPlaces: () => engine.places(),
    viewMessage: (view) => (view === 'dates' ? datesView : entitiesView).message(),
    lastScan: () => service.lastScan,
    search: (query, options = {}) => service.search(query, options),
    whenIdle: () => service.whenIdle(),
    scanPhase: () => service.phase,
    cacheFiles: () => service.cacheFiles,
    saveIndexes: () => service.saveNow(),
  };
}

export function deactivate(): void {}
