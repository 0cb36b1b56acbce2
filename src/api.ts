import { Corpus } from './core/corpus';
import { DatesTreeProvider } from './dates-tree/dates-tree-provider';

/**
 * What `activate` returns: for other extensions and for the integration tests, which must reach the
 * bundle's own objects (importing the sources would give them a second, separate copy).
 */
export interface NewsCorpusApi {
  readonly corpus: Corpus;
  readonly datesTree: DatesTreeProvider;
  /** Resolves once every scan and file event received so far has reached the corpus. */
  whenIdle(): Promise<void>;
}
