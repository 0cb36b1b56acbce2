import * as vscode from 'vscode';
import { countOf, toDisplayText } from '../core/display-text';
import { ENTITY_TYPE_NAMES } from '../core/entity-directory';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { folderNeeded } from '../core/messages';
import { nearNames } from '../core/panels/near-names';
import { EntitySummary } from '../core/search/entity-listing';
import { ENTITY_TYPES } from '../core/search/entity-table';
import { notify } from '../notifications';
import { uriOfIndexPath } from '../corpus/index-paths';
import { entityKeyOf } from './entity-argument';
import { kwicPanel } from './kwic-panel';
import { networkPanel } from './network-panel';
import { overviewPanel } from './overview-panel';
import { PanelHost, PanelKind } from './panel-host';
import { PanelDeps, PanelSources } from './panel-sources';
import { timelinePanel } from './timeline-panel';

/** Entities the network's entity picker lists per type. */
const PICKER_ENTITIES = 20;
/** Changes of the corpus arriving within this window refresh the open panels once. */
const REFRESH_DELAY_MS = 300;

/** Asks for a query or a word when a command came from the palette without one. */
function askText(title: string, prompt: string, placeHolder: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, placeHolder });
}

/** Entities of each type, most articles first, among which a typed name without a match looks for near spellings. */
const NEAR_CANDIDATES = 2000;
/** Near spellings the picker offers at most. */
const NEAR_SPELLINGS = 10;

type EntityItem = vscode.QuickPickItem & { readonly key?: string };

function entityItem(entity: EntitySummary): EntityItem {
  return { label: toDisplayText(entity.name), description: `${ENTITY_TYPE_NAMES[entity.type].one}, ${countOf(entity.articleCount, 'article')}`, key: entity.key };
}

/**
 * What the picker lists for `filter`: the entities whose name contains it; else, under a line saying so, the near
 * spellings; else one item saying why there is nothing to pick. An empty "Pick an entity" list left the reader
 * guessing whether the name was misspelt, or the folder missing.
 */
function pickerItems(deps: PanelDeps, filter: string): { items: EntityItem[]; placeHolder: string } {
  const matching = ENTITY_TYPES.flatMap((type) => deps.entities.list({ type, sort: 'articles', filter, offset: 0, limit: PICKER_ENTITIES }).entities);
  if (matching.length > 0) return { items: matching.map(entityItem), placeHolder: 'Pick an entity' };
  const none = (label: string, placeHolder: string) => ({ items: [{ label: `$(info) ${label}`, alwaysShow: true }], placeHolder });
  if (!vscode.workspace.workspaceFolders?.length) return none('No folder is open: open a folder of articles to see their entities.', 'No entities');
  if ([...deps.entities.typeCounts().values()].every((count) => count === 0)) return none('No entities found yet: the articles name none, or are still being read.', 'No entities');
  const typed = toDisplayText(filter.trim());
  const candidates = ENTITY_TYPES.flatMap((type) => deps.entities.list({ type, sort: 'articles', offset: 0, limit: NEAR_CANDIDATES }).entities);
  const near = nearNames(filter, candidates, NEAR_SPELLINGS);
  if (near.length === 0) return none(`No entity's name contains "${typed}", nor one spelled close to it.`, `No entity named "${typed}"`);
  return {
    items: [{ label: `No entity's name contains "${typed}". Near spellings:`, kind: vscode.QuickPickItemKind.Separator }, ...near.map(entityItem)],
    placeHolder: `No entity named "${typed}": pick a near spelling`,
  };
}

/** The entity to centre the network on, picked from those whose name contains a typed text. */
async function pickEntity(deps: PanelDeps): Promise<string | undefined> {
  const filter = await askText('News Corpus: Show Entity Network', 'The entity to centre the network on: part of its name', 'e.g. putin');
  if (filter === undefined) return undefined;
  const { items, placeHolder } = pickerItems(deps, filter);
  // A whole name typed, and it names the one match: that is the pick (a list of it alone asked the reader twice).
  const [only, ...others] = items;
  if (only?.key !== undefined && others.length === 0 && only.label.toLocaleLowerCase() === toDisplayText(filter.trim()).toLocaleLowerCase()) return only.key;
  return (await vscode.window.showQuickPick(items, { title: 'News Corpus: Show Entity Network', placeHolder }))?.key;
}

/**
 * The corpus panels (Corpus Overview, Timeline, Keyword in Context, Entity Network): their commands, their
 * restoring after a reload, and fresh data when the index changes.
 */
export function registerPanels(context: vscode.ExtensionContext, deps: PanelDeps & { readonly onDidChangeEntities: vscode.Event<unknown>; readonly analyzed: AwaitedAnalyzer }): void {
  const sources = new PanelSources(deps);
  const host = new PanelHost(context.extensionUri, (id) => deps.corpus.article(id) !== undefined);
  const overview = overviewPanel(sources);
  const timeline = timelinePanel(sources);
  const kwic = kwicPanel(sources, (indexPath) => uriOfIndexPath(indexPath).toString(), (text, id) => deps.analyzed(text, id));
  const network = networkPanel(sources);
  const restore = <S>(kind: PanelKind<S>) => vscode.window.registerWebviewPanelSerializer(kind.viewType, host.serializer(kind));
  const labelOf = (key: string) => deps.entities.summary(key)?.name ?? key;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    if (refreshTimer !== undefined) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      sources.reset();
      host.refresh();
    }, REFRESH_DELAY_MS);
  };
  const unsubscribe = deps.corpus.subscribe(refreshSoon);
  context.subscriptions.push(
    host,
    restore(overview),
    restore(timeline),
    restore(kwic),
    restore(network),
    deps.onDidChangeEntities(refreshSoon),
    {
      dispose: () => {
        unsubscribe();
        if (refreshTimer !== undefined) clearTimeout(refreshTimer);
      },
    },
    vscode.commands.registerCommand('newsCorpus.showOverview', () => {
      // With no folder the overview would open empty, inviting the user to drag across months it does not have.
      const noFolder = folderNeeded(vscode.workspace.workspaceFolders?.length ?? 0, 'see an overview of its articles');
      if (noFolder) return void notify('info', noFolder);
      return host.show(overview, overview.initialState);
    }),
    vscode.commands.registerCommand('newsCorpus.showTimeline', async (value: unknown) => {
      const key = entityKeyOf(value, deps.entities);
      if (key !== undefined) return host.show(timeline, { series: [{ kind: 'entity', key, label: labelOf(key) }] });
      const query = typeof value === 'string' ? value : await askText('News Corpus: Show Timeline', 'A query whose matching articles to count per period', 'e.g. hurricane OR storm');
      if (query !== undefined && query.trim() !== '') return host.show(timeline, { series: [{ kind: 'query', query: query.trim(), label: query.trim() }] });
      return undefined;
    }),
    vscode.commands.registerCommand('newsCorpus.showKwic', async (value: unknown) => {
      const key = entityKeyOf(value, deps.entities);
      if (key !== undefined) return host.show(kwic, { ...kwic.initialState, target: { kind: 'entity', key } });
      const text = typeof value === 'string' ? value : await askText('News Corpus: Show Keyword in Context', 'A word or phrase to show in its contexts', 'e.g. interest rates');
      if (text !== undefined && text.trim() !== '') return host.show(kwic, { ...kwic.initialState, target: { kind: 'words', text: text.trim() } });
      return undefined;
    }),
    vscode.commands.registerCommand('newsCorpus.showNetwork', async (value: unknown) => {
      const key = entityKeyOf(value, deps.entities) ?? (value === undefined ? await pickEntity(deps) : undefined);
      if (key !== undefined) await host.show(network, { ...network.initialState, center: key });
    }),
  );
}
