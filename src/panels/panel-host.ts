import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { articleTargetOf } from '../core/article-target';
import { LatestUpdate } from '../core/panels/latest-update';
import { panelPage } from './panel-page';

/**
 * One kind of panel: its view type, its script in `media/panels/`, and how its state (what the user asked
 * for: a brushed range, the series drawn…) becomes the plain JSON data the script draws.
 */
export interface PanelKind<S> {
  readonly viewType: string;
  readonly script: string;
  readonly initialState: S;
  title(state: S): string;
  /** The state read back from the webview or a reload, or undefined when it is not one (an older version's). */
  stateOf(value: unknown): S | undefined;
  /** What opening the panel again with `requested` makes of the open panel's state (default: the new one). */
  merge?(open: S, requested: S): S;
  /**
   * What must be found before `data` can answer for `state` and takes waiting (an entity's mentions); the data is sent
   * once it is, and at each `early()`, which says that what is found so far is worth drawing while the rest is found.
   */
  prepare?(state: S, early: () => void): Promise<void>;
  data(state: S): unknown;
  /** What the page's Copy button puts on the clipboard, with what it is for the status bar ("112 lines of …"). */
  copy?(state: S): { readonly text: string; readonly what: string } | undefined;
}

/** Messages from a panel's script: plain JSON, checked before use since a webview is not trusted. */
type PanelMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'state'; readonly state: unknown }
  | { readonly type: 'search'; readonly query: string; readonly passing: boolean }
  | { readonly type: 'open'; readonly target: unknown }
  | { readonly type: 'command'; readonly command: string; readonly argument: string }
  | { readonly type: 'copy' };

/** How long the status bar says what a panel's Copy button copied. */
const COPIED_MESSAGE_MS = 5_000;

/** Commands a panel may run with a string argument (other panels); nothing else of VS Code. */
const PANEL_COMMANDS = new Set(['newsCorpus.showTimeline', 'newsCorpus.showKwic', 'newsCorpus.showNetwork']);

function messageOf(value: unknown): PanelMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message['type']) {
    case 'ready':
      return { type: 'ready' };
    case 'state':
      return { type: 'state', state: message['state'] };
    case 'search':
      return typeof message['query'] === 'string' ? { type: 'search', query: message['query'], passing: message['passing'] === true } : undefined;
    case 'open':
      return { type: 'open', target: message['target'] };
    case 'copy':
      return { type: 'copy' };
    case 'command':
      return typeof message['command'] === 'string' && PANEL_COMMANDS.has(message['command']) && typeof message['argument'] === 'string'
        ? { type: 'command', command: message['command'], argument: message['argument'] }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Opens, restores and feeds the panels: one panel per kind, reopened with a merged state; the state is sent
 * with its data as plain JSON, kept by the script (`setState`) so that VS Code restores it after a reload.
 */
export class PanelHost implements vscode.Disposable {
  /** Each open panel, with its updates: one that waited for its data is sent only if no later one came. */
  private readonly open = new Map<string, { panel: vscode.WebviewPanel; kind: PanelKind<unknown>; state: unknown; updates: LatestUpdate }>();

  /** `isArticle` tells the corpus's articles apart from any other URI a webview might send. */
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly isArticle: (id: string) => boolean,
  ) {}

  /** The serializers that bring the panels back after a reload; register each with VS Code. */
  serializer<S>(kind: PanelKind<S>): vscode.WebviewPanelSerializer {
    return {
      deserializeWebviewPanel: (panel, state: unknown) => {
        this.adopt(panel, kind, kind.stateOf(state) ?? kind.initialState);
        return Promise.resolve();
      },
    };
  }

  /** Shows the panel of `kind` with `state` (merged into the open one's, if any). */
  async show<S>(kind: PanelKind<S>, state: S): Promise<void> {
    if (this.showKnown(kind, state)) return;
    // After a reload, VS Code revives a restored panel only once its tab shows: one still in a background tab is not
    // known here, and a new panel would be a second tab of the kind. Closed first, and waited for: a close still
    // under way when the new panel opened could take the new tab instead (webview tabs of one kind look alike).
    const unrevived = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(kind.viewType));
    if (unrevived.length > 0) await vscode.window.tabGroups.close(unrevived).then(undefined, () => undefined);
    // Revived meanwhile (its tab came to the front as others closed), or opened by a show that did not wait.
    if (this.showKnown(kind, state)) return;
    const panel = vscode.window.createWebviewPanel(kind.viewType, kind.title(state), vscode.ViewColumn.Active, this.options());
    this.adopt(panel, kind, state);
  }

  /** Shows the open panel of `kind` with `state` merged into its own; false when none of the kind is open. */
  private showKnown<S>(kind: PanelKind<S>, state: S): boolean {
    const known = this.open.get(kind.viewType);
    if (!known) return false;
    const merged = kind.merge ? kind.merge(known.state as S, state) : state;
    known.panel.reveal();
    this.update(kind.viewType, merged);
    return true;
  }

  /** Sends fresh data to every open panel, e.g. after the index changed. */
  refresh(): void {
    for (const [viewType, { state }] of this.open) this.update(viewType, state);
  }

  dispose(): void {
    for (const { panel } of [...this.open.values()]) panel.dispose();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    };
  }

  private adopt<S>(panel: vscode.WebviewPanel, kind: PanelKind<S>, state: S): void {
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'news-corpus.svg');
    panel.title = kind.title(state);
    const { webview } = panel;
    panel.webview.html = panelPage({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      mediaUri: (name) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panels', name)).toString(),
      script: kind.script,
      title: kind.title(state),
    });
    this.open.set(kind.viewType, { panel, kind: kind as PanelKind<unknown>, state, updates: new LatestUpdate() });
    panel.onDidDispose(() => this.open.delete(kind.viewType));
    panel.webview.onDidReceiveMessage((value: unknown) => this.receive(kind.viewType, value));
  }

  private update(viewType: string, state: unknown): void {
    const known = this.open.get(viewType);
    if (!known) return;
    known.state = state;
    known.panel.title = known.kind.title(state);
    const { kind, panel } = known;
    const prepare = kind.prepare;
    // The page says it is reading meanwhile (an entity's mentions take up to a second), where it showed the old lines.
    if (prepare) void panel.webview.postMessage({ type: 'busy' });
    void known.updates.run(prepare && ((early) => prepare.call(kind, state, early)), (final) => {
      // An early draw keeps the page busy: more is coming.
      if (this.open.get(viewType) === known) void panel.webview.postMessage({ type: 'data', state, data: kind.data(state), ...(!final && { busy: true }) });
    });
  }

  private async receive(viewType: string, value: unknown): Promise<void> {
    const known = this.open.get(viewType);
    const message = messageOf(value);
    if (!known || !message) return;
    switch (message.type) {
      case 'ready':
        this.update(viewType, known.state);
        return;
      case 'state':
        this.update(viewType, known.kind.stateOf(message.state) ?? known.state);
        return;
      case 'search':
        // The issue asks for the matching search in the results view, where the user can read through it; a bar's
        // clicks are many and passing, so they stay out of Recent Searches (ux33); a name or a range searched is kept.
        await vscode.commands.executeCommand('newsCorpus.searchResults.show', message.query, { recent: !message.passing });
        return;
      case 'open': {
        const target = articleTargetOf(message.target);
        if (target && this.isArticle(target.id)) await vscode.commands.executeCommand('newsCorpus.openArticle', target);
        return;
      }
      case 'command':
        await vscode.commands.executeCommand(message.command, message.argument);
        return;
      case 'copy': {
        const copied = known.kind.copy?.(known.state);
        if (!copied) return;
        await vscode.env.clipboard.writeText(copied.text);
        vscode.window.setStatusBarMessage(`News Corpus: copied ${copied.what}, tab-separated, for a spreadsheet.`, COPIED_MESSAGE_MS);
        return;
      }
    }
  }
}
