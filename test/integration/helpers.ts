// What the integration tests share: the extension's API (the bundle's own objects, never a second copy built
// from the sources) and waiting for a condition that an event announces.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewsCorpusApi } from '../../src/api';

export const EXTENSION_ID = 'news-corpus.news-corpus';

/**
 * Generous on purpose: on a loaded 2-core machine file events and language switches can take seconds. The waits
 * end as soon as their condition holds, so the deadline only decides how long a real failure takes to report.
 */
const CONDITION_DEADLINE_MS = 30_000;

/** The extension's API once it is active and has taken in everything it has been told so far. */
export async function api(): Promise<NewsCorpusApi> {
  const extension = vscode.extensions.getExtension<NewsCorpusApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed or not enabled in the extension host`);
  const corpus = await extension.activate();
  await corpus.whenIdle();
  return corpus;
}

/** A path in the (first) workspace folder the workbench opened. */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Starts calling `listener` on each change; returns the function that stops it. */
type OnChange = (listener: () => void) => () => void;

/**
 * Resolves once `condition()` holds, checking it now and again on every change `onChange` reports; rejects,
 * naming `what`, if it still does not hold at the deadline.
 */
export function eventually(what: string, condition: () => boolean, onChange: OnChange): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      stop();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`still not true after ${CONDITION_DEADLINE_MS / 1000} s: ${what}`))), CONDITION_DEADLINE_MS);
    // Listening before the first check: a change between the check and the subscription would be missed.
    const stop = onChange(() => {
      if (condition()) settle(resolve);
    });
    if (condition()) settle(resolve);
  });
}

/**
 * Asks `question` again and again (letting the extension host run between asks) until `accepted` takes its answer, and
 * returns that answer; rejects, naming `what` and the last answer, if none is accepted by the deadline. For answers
 * no event announces, such as what VS Code's own commands return.
 */
export async function answerBecomes<T>(what: string, question: () => Thenable<T>, accepted: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + CONDITION_DEADLINE_MS;
  for (;;) {
    const answer = await question();
    if (accepted(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`still not true after ${CONDITION_DEADLINE_MS / 1000} s: ${what} (last answer ${JSON.stringify(answer)})`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Resolves once `condition()` holds for the corpus and the extension has finished the work that led there. */
export async function corpusBecomes(what: string, condition: () => boolean, corpus: NewsCorpusApi): Promise<void> {
  await corpus.whenIdle();
  await eventually(what, condition, (listener) => corpus.corpus.subscribe(listener));
  await corpus.whenIdle();
}

/**
 * Deletes `folder` after the tests of the suite that calls this, and waits until nothing of it is left in the corpus
 * (articles or skipped files): the other test files expect the workspace, and the corpus, as they found them.
 */
export function removedAfterTests(folder: vscode.Uri): void {
  after(async () => {
    const corpus = await api();
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const prefix = `${folder.toString()}/`;
    await corpusBecomes(`nothing of ${folder.path} is left`, () => ![...corpus.corpus.articles(), ...corpus.corpus.skipped()].some((entry) => entry.id.startsWith(prefix)), corpus);
  });
}

/** Whether the file `id` is an article of the corpus: a {@link withFile} condition. */
export const isArticle = (corpus: NewsCorpusApi, id: string): boolean => corpus.corpus.article(id) !== undefined;

/** Writes a file into the workspace for the duration of `test`, once the corpus has taken it in (`known`). */
export async function withFile(name: string, text: string, known: (corpus: NewsCorpusApi, id: string) => boolean, test: (uri: vscode.Uri) => Promise<void>): Promise<void> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  try {
    const corpus = await api();
    await corpusBecomes(`${name} is in the corpus`, () => known(corpus, uri.toString()), corpus);
    await test(uri);
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri, { useTrash: false });
    const corpus = await api();
    const id = uri.toString();
    await corpusBecomes(`${name} has left the corpus`, () => corpus.corpus.article(id) === undefined && ![...corpus.corpus.skipped()].some((file) => file.id === id), corpus);
  }
}

/** Resolves once the document has the language: the switch happens asynchronously, as a close and a reopen. */
export function languageBecomes(document: vscode.TextDocument, languageId: string): Promise<void> {
  return eventually(`${document.uri.path} is in the ${languageId} language (it was ${document.languageId})`, () => document.languageId === languageId, (listener) => {
    const subscriptions = [vscode.workspace.onDidOpenTextDocument(listener), vscode.workspace.onDidCloseTextDocument(listener)];
    return () => subscriptions.forEach((subscription) => subscription.dispose());
  });
}

/** The titles of the open webview tabs of the extension's panels. */
export function panelTabs(): string[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('newsCorpus.'))
    .map((tab) => tab.label);
}

/** Listens to the tabs opening and closing, for {@link eventually}. */
export function tabsChange(listener: () => void): () => void {
  const subscription = vscode.window.tabGroups.onDidChangeTabs(listener);
  return () => subscription.dispose();
}

/** Context keys and their values, as a `when` clause reads them. */
export type WhenContext = Readonly<Record<string, string | boolean>>;

/**
 * Whether a `when` clause of the manifest holds in `context`, for the forms its welcome content uses (terms `key`,
 * `!key`, `key == value`, `key != value` joined by `&&`); any other form fails the test rather than be misjudged.
 */
function holds(clause: string, context: WhenContext): boolean {
  return clause.split('&&').every((term) => {
    const compared = /^\s*([\w.]+)\s*(==|!=)\s*([\w.-]+)\s*$/.exec(term);
    if (compared) return (String(context[compared[1] ?? '']) === compared[3]) === (compared[2] === '==');
    const flag = /^\s*(!?)([\w.]+)\s*$/.exec(term);
    assert.ok(flag, `a when clause the test can judge: ${clause}`);
    return Boolean(context[flag[2] ?? '']) !== (flag[1] === '!');
  });
}

/** The welcome content the installed extension's manifest gives `view` where the context keys are `context`: what the workbench shows while the view has no rows. */
export function welcomeShown(view: string, context: WhenContext): string[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const welcomes: readonly { view: string; contents: string; when?: string }[] = extension.packageJSON.contributes.viewsWelcome;
  return welcomes.filter((welcome) => welcome.view === view && (welcome.when === undefined || holds(welcome.when, context))).map((welcome) => welcome.contents);
}
