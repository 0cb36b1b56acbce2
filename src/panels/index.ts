import * as vscode from 'vscode';
import { AwaitedAnalyzer } from '../core/entities/threaded-entities';
import { pickEntity } from '../entity-picker';
import { refusedWithoutFolder } from '../notifications';
import { uriOfIndexPath } from '../corpus/index-paths';
import { entityKeyOf } from './entity-argument';
import { kwicPanel } from './kwic-panel';
import { networkPanel } from './network-panel';
import { overviewPanel } from './overview-panel';
import { PanelHost, PanelKind } from './panel-host';
import { PanelDeps, PanelSources } from './panel-sources';
import { timelinePanel } from './timeline-panel';

/** Changes of the corpus arriving within this window refresh the open panels once. */
const REFRESH_DELAY_MS = 300;

/** Asks for a query or a word when a command came from the palette without one. */
function askText(title: string, prompt: string, placeHolder: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, placeHolder });
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
  // The likely duplicates the Overview names are worked out a while after it asked for them.
  const unsubscribeHints = deps.likelyDuplicates?.onWorkedOut(refreshSoon);
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
        unsubscribeHints?.();
        if (refreshTimer !== undefined) clearTimeout(refreshTimer);
      },
    },
    vscode.commands.registerCommand('newsCorpus.showOverview', () => {
      // With no folder the overview would open empty, inviting the user to drag across months it does not have.
      if (refusedWithoutFolder('see an overview of its articles')) return undefined;
      return host.show(overview, overview.initialState);
    }),
    vscode.commands.registerCommand('newsCorpus.showTimeline', async (value: unknown) => {
      if (refusedWithoutFolder('see its articles over time')) return undefined;
      const key = entityKeyOf(value, deps.entities);
      if (key !== undefined) return host.show(timeline, { series: [{ kind: 'entity', key: sources.anchorOf(key), label: labelOf(key) }] });
      const query = typeof value === 'string' ? value : await askText('News Corpus: Show Timeline', 'A search query: the Timeline counts the articles it matches in each period', 'e.g. hurricane OR storm');
      if (query !== undefined && query.trim() !== '') return host.show(timeline, { series: [{ kind: 'query', query: query.trim(), label: query.trim() }] });
      return undefined;
    }),
    vscode.commands.registerCommand('newsCorpus.showKwic', async (value: unknown) => {
      if (refusedWithoutFolder('see words of its articles in their contexts')) return undefined;
      const key = entityKeyOf(value, deps.entities);
      if (key !== undefined) return host.show(kwic, { ...kwic.initialState, target: { kind: 'entity', key: sources.anchorOf(key) } });
      const text = typeof value === 'string' ? value : await askText('News Corpus: Show Keyword in Context', 'A word or phrase to show in its contexts', 'e.g. interest rates');
      if (text !== undefined && text.trim() !== '') return host.show(kwic, { ...kwic.initialState, target: { kind: 'words', text: text.trim() } });
      return undefined;
    }),
    vscode.commands.registerCommand('newsCorpus.showNetwork', async (value: unknown) => {
      if (refusedWithoutFolder('see which of its entities are named together')) return undefined;
      const key = entityKeyOf(value, deps.entities) ?? (value === undefined ? await pickEntity(deps.entities, 'News Corpus: Show Entity Network', 'The entity to centre the network on: part of its name') : undefined);
      if (key !== undefined) await host.show(network, { ...network.initialState, center: sources.anchorOf(key) });
    }),
  );
}
