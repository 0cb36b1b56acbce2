import * as vscode from 'vscode';
import { Corpus } from './core/corpus';
import { ScanPhase, ScanSummary } from './corpus/corpus-service';
import { SearchOptions, SearchResponse } from './core/search/corpus-index';
import { DatesTreeProvider } from './dates-tree/dates-tree-provider';
import { EntityAnalysisPlaces } from './entity-engine';
import { EntitiesTreeProvider } from './entities-tree/entities-tree-provider';
import { FactsLookup } from './core/facts/facts-store';
import { ArticleEntitiesProvider } from './in-this-article/article-entities-provider';
import { SearchResultsProvider } from './search-results/search-results-provider';

/** The views whose message {@link NewsCorpusApi.viewMessage} reads. */
export type MessageView = 'dates' | 'entities';

/**
 * What `activate` returns: for other extensions and for the integration tests, which must reach the
 * bundle's own objects (importing the sources would give them a second, separate copy).
 */
export interface NewsCorpusApi {
  readonly corpus: Corpus;
  readonly datesTree: DatesTreeProvider;
  readonly entitiesTree: EntitiesTreeProvider;
  readonly articleEntities: ArticleEntitiesProvider;
  readonly searchResults: SearchResultsProvider;
  /**
   * Go to Symbol in Workspace's provider, as registered: the integration tests call it with a token of their own,
   * which VS Code's `vscode.executeWorkspaceSymbolProvider` never cancels.
   */
  readonly workspaceSymbols: vscode.WorkspaceSymbolProvider;
  /** The user's facts about entities, from `.newscorpus/entities.json`. */
  readonly facts: FactsLookup;
  /** Why entities are unavailable (the model could not be loaded), or undefined. */
  entityModelProblem(): string | undefined;
  /**
   * Where the entities of open articles were found: a long article's on the entity engine's thread, not the host's.
   * Only for the integration tests, which show so; no feature reads it.
   */
  entityAnalysisPlaces(): EntityAnalysisPlaces;
  /**
   * The message the Dates or Entities view shows above its tree now ('' for none): a failed scan, the Entities view's
   * filter, the Dates view's skipped files or the progress of a scan.
   */
  viewMessage(view: MessageView): string;
  /** Runs a query in the search language over the corpus index; `undefined` until the first scan has finished. */
  search(query: string, options?: SearchOptions): SearchResponse | undefined;
  /** What the last full scan did: how many files the index already had unchanged, and how many it read again. */
  lastScan(): ScanSummary | undefined;
  /** Resolves once every scan and file event received so far has reached the corpus. */
  whenIdle(): Promise<void>;
  /** Where the scan under way is (loading the saved index, checking files against it, indexing), or undefined. */
  scanPhase(): ScanPhase | undefined;
  /** Where the folders' indexes are saved (in the extension's storage). */
  cacheFiles(): string[];
  /** Saves the indexes that changed since their last save now, rather than after the usual delay. */
  saveIndexes(): Promise<void>;
}
