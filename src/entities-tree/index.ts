import * as vscode from 'vscode';
import { ArticleAnalyzer } from '../core/curation/article-corrections';
import { LikelyDuplicateHints } from '../core/curation/likely-duplicate-hints';
import { quoteName } from '../core/display-text';
import { EntityType } from '../core/entities/types';
import { EntityDirectory } from '../core/entity-directory';
import { joinMessageParts, scanFailureMessage, ShownView } from '../core/messages';
import { DEFAULT_ENTITY_SORT, EntitySort } from '../core/search/entity-listing';
import { exactEntityQuery } from '../core/search/query-parser';
import { EntityChange } from '../corpus/corpus-service';
import { contextKey } from '../context-key';
import { refusedWithoutFolder } from '../notifications';
import { ScanProgressSource, showScanProgress } from '../corpus/view-progress';
import { EntitiesTreeProvider, EntityTreeElement } from './entities-tree-provider';

export const ENTITIES_VIEW_ID = 'newsCorpus.entities';
/** Set once the view has worked out that it lists no entity: its "none found" welcome content waits for it. */
const NO_ENTITIES_CONTEXT = 'newsCorpus.noEntities';
/** Where the chosen order is remembered, per workspace. */
const SORT_STATE_KEY = 'newsCorpus.entities.sort';

const SORTS: readonly { readonly sort: EntitySort; readonly label: string; readonly detail: string }[] = [
  { sort: 'articles', label: 'Article Count', detail: 'Entities named in the most articles first' },
  { sort: 'mentions', label: 'Mention Count', detail: 'Entities mentioned most often first' },
  { sort: 'name', label: 'Name', detail: 'Alphabetical, ignoring a leading "The"' },
];

/** What the Entities view reads: the entities, the engine for mentions, and the corpus's changes and state. */
export interface EntitiesTreeDeps {
  readonly entities: EntityDirectory;
  readonly analyze: ArticleAnalyzer;
  /** The entity engine's: a long text's entities have arrived. */
  readonly onDidAnalyze: vscode.Event<void>;
  readonly onDidChangeEntities: vscode.Event<EntityChange>;
  /** `scanFailure`: why the last scan failed, until the next starts. */
  readonly service: ScanProgressSource & { readonly scanFailure: string | undefined };
  /** The entries likely the same as an entity ("Trump" alone, of Donald Trump's), which its tooltip names. */
  readonly likelyDuplicates: Pick<LikelyDuplicateHints, 'of' | 'duplicatesOf' | 'onWorkedOut'>;
}

/**
 * The Entities view's message (exported for the integration tests): the failure of the last scan, then the filter.
 * The failure is left to the welcome content's retry in a view that lists no entity and has no filter: a message
 * would hide that content. With a filter there is a message anyway, which the failure leads. `listsEntities` is
 * asked only after a failure: a hidden view need not count its entities.
 *
 * @example
 * entitiesViewMessage(undefined, () => true, 'kim'); // 'Showing names containing "kim". Clear it with the Clear Entity Filter button above.'
 */
export function entitiesViewMessage(failure: string | undefined, listsEntities: () => boolean, filter: string): string {
  const failed = failure !== undefined && (filter !== '' || listsEntities()) ? scanFailureMessage(failure, 'entities') : undefined;
  return joinMessageParts(failed, filter === '' ? undefined : `Showing names containing ${quoteName(filter)}. Clear it with the Clear Entity Filter button above.`);
}

function isSort(value: unknown): value is EntitySort {
  return SORTS.some(({ sort }) => sort === value);
}

function entityOf(element: unknown): { type: EntityType; name: string } | undefined {
  const candidate = element as Partial<EntityTreeElement> | undefined;
  return candidate?.kind === 'entity' && 'entity' in candidate ? candidate.entity : undefined;
}

/** Shows the Entities view with its sort, filter, paging and search actions, kept in step with the index. */
export function registerEntitiesTree(context: vscode.ExtensionContext, deps: EntitiesTreeDeps): ShownView<EntitiesTreeProvider> {
  const stored = context.workspaceState.get<unknown>(SORT_STATE_KEY);
  let sort: EntitySort = isSort(stored) ? stored : DEFAULT_ENTITY_SORT;
  let filter = '';
  const provider = new EntitiesTreeProvider(deps.entities, deps.analyze, () => ({ sort, filter }), contextKey<boolean>(NO_ENTITIES_CONTEXT), deps.likelyDuplicates);
  const view = vscode.window.createTreeView(ENTITIES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  // Set only when it changes: the workbench is sent a view's message each time it is set, and it is worked out at
  // every change of the entities and state.
  const showMessage = () => {
    const message = entitiesViewMessage(deps.service.scanFailure, () => !provider.isEmpty, filter);
    if (view.message !== message) view.message = message;
  };
  const describe = () => {
    view.description = `by ${SORTS.find((candidate) => candidate.sort === sort)?.label.toLowerCase() ?? sort}`;
    showMessage();
    void vscode.commands.executeCommand('setContext', 'newsCorpus.entitiesFiltered', filter !== '');
  };
  /** Filters the view; the groups with matches open unless `openGroups` is false ("Places 1 of 923" stayed closed over Moscow; ux33). */
  const setFilter = (value: string, openGroups = true) => {
    filter = value.trim();
    describe();
    provider.resetPages();
    if (!openGroups) return;
    // A reveal scrolls to its group: the first group is revealed last, so that the view ends at the top of the matches.
    const groups = provider.groupsWithMatches().reverse();
    void (async () => {
      for (const group of groups) await view.reveal(group, { expand: true, select: false, focus: false }).then(undefined, () => undefined);
    })();
  };
  context.subscriptions.push(
    provider,
    view,
    deps.onDidAnalyze(() => provider.analysisArrived()),
    // The rows' tooltips name the likely duplicates, worked out a while after the entities last changed.
    { dispose: deps.likelyDuplicates.onWorkedOut(() => provider.remakeRows()) },
    deps.onDidChangeEntities((types) => {
      provider.refresh(types);
      showMessage();
    }),
    deps.service.onDidChangeState(showMessage),
    showScanProgress(ENTITIES_VIEW_ID, deps.service),
    // Both take their value as an argument too, so that a keybinding can name it.
    vscode.commands.registerCommand('newsCorpus.entities.sort', async (given: unknown) => {
      const picked = isSort(given)
        ? given
        : (
            await vscode.window.showQuickPick(
              SORTS.map((candidate) => ({ ...candidate, description: candidate.sort === sort ? '(current)' : '' })),
              { title: 'News Corpus: Sort Entities By', placeHolder: 'How the entities of each group are ordered' },
            )
          )?.sort;
      if (picked === undefined) return;
      sort = picked;
      await context.workspaceState.update(SORT_STATE_KEY, sort);
      describe();
      provider.resetPages();
    }),
    vscode.commands.registerCommand('newsCorpus.entities.filter', async (given: unknown) => {
      if (refusedWithoutFolder('filter its entities')) return;
      const value =
        typeof given === 'string'
          ? given
          : await vscode.window.showInputBox({
              title: 'News Corpus: Filter Entities',
              prompt: 'Show only the entities whose name or another spelling contains this text (in any case, with or without accents). Leave empty to show all.',
              placeHolder: 'e.g. putin',
              value: filter,
            });
      if (value !== undefined) setFilter(value);
    }),
    vscode.commands.registerCommand('newsCorpus.entities.clearFilter', () => setFilter('')),
    vscode.commands.registerCommand('newsCorpus.entities.showMore', async (more: unknown) => {
      const type = (more as { type?: unknown } | undefined)?.type;
      if (type !== 'PER' && type !== 'LOC' && type !== 'ORG' && type !== 'MISC') return;
      // The "Show more" row is gone: the keyboard goes on from the first entity it brought, not from the top (a
      // courtesy: a view still fetching its rows may not find it yet).
      const first = provider.showMore(type);
      if (first) await view.reveal(first, { select: false, focus: true }).then(undefined, () => undefined);
    }),
    vscode.commands.registerCommand('newsCorpus.revealEntity', async (key: unknown) => {
      const entity = typeof key === 'string' ? deps.entities.summary(key) : undefined;
      if (!entity) return;
      // Filtered to its name, the entity is on its group's first page, where the view can select it (its group alone opened).
      setFilter(entity.name, false);
      await view.reveal({ kind: 'entity', entity }, { select: true, focus: true, expand: true });
    }),
    vscode.commands.registerCommand('newsCorpus.searchEntity', (element: unknown) => {
      const entity = entityOf(element);
      if (entity) return vscode.commands.executeCommand('newsCorpus.searchResults.show', exactEntityQuery(entity.type, entity.name));
      return undefined;
    }),
  );
  describe();
  return { provider, message: () => view.message ?? '' };
}
