import * as vscode from 'vscode';
import { NewsCorpusApi } from './api';
import { registerArticleLanguage } from './article-language';
import { registerCorpus } from './corpus';
import { readHighlightArticles, readHighlightEntities } from './corpus/settings';
import { registerDatesTree } from './dates-tree';
import { registerStallProbe } from './diagnostics';
import { registerEntitiesTree } from './entities-tree';
import { registerEntityEditor } from './entity-editor';
import { registerEntityEngine } from './entity-engine';
import { registerInThisArticle } from './in-this-article';
import { registerNavigation } from './navigation';
import { registerSearch } from './search';
import { registerSkippedFiles } from './skipped-files';
import { registerStatusBar } from './status-bar';

export function activate(context: vscode.ExtensionContext): NewsCorpusApi {
  registerStallProbe(context);
  const engine = registerEntityEngine(context);
  const service = registerCorpus(context, { extractor: () => engine.extractorSpec() });
  const analyze = (text: string) => engine.analyze(text);
  const datesTree = registerDatesTree(context, { corpus: service.corpus, service });
  const entitiesTree = registerEntitiesTree(context, { entities: service.entities, analyze, onDidChangeEntities: service.onDidChangeEntities, service });
  const articleEntities = registerInThisArticle(context, { corpus: service.corpus, entities: service.entities, analyze });
  registerEntityEditor(context, { corpus: service.corpus, entities: service.entities, analyze, highlightEntities: readHighlightEntities });
  registerNavigation(context);
  registerSearch(context, { search: (query, options) => service.search(query, options) });
  registerSkippedFiles(context, { corpus: service.corpus });
  registerStatusBar(context, { service });
  registerArticleLanguage(context, { corpus: service.corpus, enabled: readHighlightArticles });
  return {
    corpus: service.corpus,
    datesTree,
    entitiesTree,
    articleEntities,
    entityModelProblem: () => engine.problem(),
    lastScan: () => service.lastScan,
    search: (query, options = {}) => service.search(query, options),
    whenIdle: () => service.whenIdle(),
    scanPhase: () => service.phase,
    cacheFiles: () => service.cacheFiles,
    saveIndexes: () => service.saveNow(),
  };
}

export function deactivate(): void {}
