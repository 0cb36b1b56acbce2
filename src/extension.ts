import * as vscode from 'vscode';
import { NewsCorpusApi } from './api';
import { registerArticleLanguage } from './article-language';
import { registerCorpus } from './corpus';
import { readHighlightArticles } from './corpus/settings';
import { registerDatesTree } from './dates-tree';
import { registerNavigation } from './navigation';
import { registerSearch } from './search';
import { registerSkippedFiles } from './skipped-files';
import { registerStatusBar } from './status-bar';

export function activate(context: vscode.ExtensionContext): NewsCorpusApi {
  const service = registerCorpus(context);
  const datesTree = registerDatesTree(context, { corpus: service.corpus });
  registerNavigation(context);
  registerSearch(context, { search: (query, options) => service.search(query, options) });
  registerSkippedFiles(context, { corpus: service.corpus });
  registerStatusBar(context, { service });
  registerArticleLanguage(context, { corpus: service.corpus, enabled: readHighlightArticles });
  return { corpus: service.corpus, datesTree, lastScan: () => service.lastScan, search: (query, options = {}) => service.search(query, options), whenIdle: () => service.whenIdle() };
}

export function deactivate(): void {}
