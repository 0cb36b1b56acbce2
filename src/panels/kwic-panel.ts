import { KWIC_PAGE, KwicLine, KwicSort, kwicOfArticles, kwicPage } from '../core/panels/kwic';
import { tokenize } from '../core/search/tokenize';
import { PanelKind } from './panel-host';
import { PanelSources } from './panel-sources';

/** Articles of an entity read for one target, at most (newest first): enough lines to sort, quick to compute. */
const MAX_ENTITY_ARTICLES = 1000;
/** Articles of a word or phrase read, at most (best matches first). */
const MAX_SEARCH_ARTICLES = 300;

/** What is looked for: an entity (all its spellings) or a word or phrase. */
export type KwicTarget = { readonly kind: 'entity'; readonly key: string } | { readonly kind: 'words'; readonly text: string };

/** What the Keyword in Context panel keeps: the target, the order, the date filter and the page. */
export interface KwicState {
  readonly target?: KwicTarget;
  readonly sort: KwicSort;
  readonly from?: string;
  readonly to?: string;
  readonly offset: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function targetOf(value: unknown): KwicTarget | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, key, text } = value as Record<string, unknown>;
  if (kind === 'entity' && typeof key === 'string') return { kind, key };
  if (kind === 'words' && typeof text === 'string' && text.trim() !== '') return { kind, text: text.trim() };
  return undefined;
}

function stateOf(value: unknown): KwicState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { target, sort, from, to, offset } = value as Record<string, unknown>;
  const state: KwicState = {
    sort: sort === 'left' || sort === 'right' || sort === 'date' ? sort : 'right',
    offset: typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : 0,
  };
  const found = targetOf(target);
  return {
    ...state,
    ...(found ? { target: found } : {}),
    ...(typeof from === 'string' && DAY.test(from) ? { from } : {}),
    ...(typeof to === 'string' && DAY.test(to) ? { to } : {}),
  };
}

/**
 * The Keyword in Context panel: every occurrence of a word, phrase or entity, aligned, sorted, filtered by date,
 * paged. `articleIdOf` names the article of a search hit (an index path) as the corpus does.
 */
export function kwicPanel(sources: PanelSources, articleIdOf: (indexPath: string) => string): PanelKind<KwicState> {
  const { entities, search } = sources.deps;
  let cached: { key: string; lines: KwicLine[]; articles: number; matching: number } | undefined;
  const linesOf = (target: KwicTarget) => {
    const key = `${sources.generation}:${JSON.stringify(target)}`;
    if (cached?.key === key) return cached;
    let refs: readonly { id: string; title: string; date?: string | undefined }[] = [];
    let matching = 0;
    let forms: string[] = [];
    if (target.kind === 'entity') {
      const summary = entities.summary(target.key);
      refs = entities.articles(target.key, MAX_ENTITY_ARTICLES);
      forms = summary ? [summary.name, ...summary.aliases] : [];
      matching = summary?.articleCount ?? refs.length;
    } else {
      const terms = tokenize(target.text).map(({ term }) => term);
      const response = terms.length === 0 ? undefined : search(terms.length === 1 ? (terms[0] ?? '') : `"${terms.join(' ')}"`, { limit: MAX_SEARCH_ARTICLES, fuzzyFallback: false, snippetLength: 0 });
      forms = [target.text];
      if (response?.ok) {
        matching = response.total;
        refs = response.hits.map(({ path, title, date }) => ({ id: articleIdOf(path), title, date }));
      }
    }
    cached = { key, ...kwicOfArticles(refs, forms, (id) => entities.articleText(id)), matching };
    return cached;
  };
  return {
    viewType: 'newsCorpus.kwic',
    script: 'kwic.js',
    initialState: { sort: 'right', offset: 0 },
    title: ({ target }) => {
      if (!target) return 'Keyword in Context';
      return `In Context: ${target.kind === 'words' ? target.text : (entities.summary(target.key)?.name ?? target.key)}`;
    },
    stateOf,
    data: (state) => {
      if (!state.target) return { total: 0, lines: [], articles: 0, matching: 0, pageSize: KWIC_PAGE, label: '' };
      const found = linesOf(state.target);
      const label = state.target.kind === 'words' ? state.target.text : (entities.summary(state.target.key)?.name ?? state.target.key);
      const page = kwicPage(found.lines, { sort: state.sort, from: state.from, to: state.to, offset: state.offset, limit: KWIC_PAGE });
      return { ...page, articles: found.articles, matching: found.matching, pageSize: KWIC_PAGE, label };
    },
  };
}
