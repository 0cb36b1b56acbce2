// Page helpers for the e2e specs: the VS Code workbench served by scripts/run-e2e.mjs, driven by
// playwright-core. Selectors are the workbench's own classes and ARIA attributes that proved stable.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { launchChromium, repoRoot } from '../../scripts/harness.mjs';

const screenshotsDir = join(repoRoot, 'test-results', 'e2e');
/** Generous: the first steps wait for the extension host to start and scan the workspace. */
const STEP_TIMEOUT_MS = 30_000;
/** How long a clicked tree row or activity-bar item may take to show its result before it is clicked again, and how many clicks in all. */
const EXPAND_WAIT_MS = 5_000;
const EXPAND_ATTEMPTS = 3;
/** How long F1 may take to show the command palette before it is pressed again, and how many presses in all. */
const PALETTE_WAIT_MS = 5_000;
const PALETTE_ATTEMPTS = 5;
/** How long a command's input box may take to show, and how many times the command is run for it. */
const ANSWER_WAIT_MS = 5_000;
const ANSWER_ATTEMPTS = 3;
/** More key presses than any context menu of the extension has items: the menu's focus moves through them all. */
const MENU_KEY_PRESSES = 40;
/** How long one request for a hover may take to show it, and how many requests are made. */
const HOVER_WAIT_MS = 10_000;
const HOVER_ATTEMPTS = 3;
/** How long a notification is waited for as a toast before it is looked for in the notification centre. */
const TOAST_WAIT_MS = 5_000;

export class Workbench {
  /** The folder the workbench has open: the e2e runner's copy of the fixture workspace. */
  static workspaceFolder() {
    const folder = process.env.NEWS_CORPUS_E2E_WORKSPACE;
    if (!folder) throw new Error('News Corpus: NEWS_CORPUS_E2E_WORKSPACE is not set; run the e2e tests with `npm run test:e2e`.');
    return folder;
  }

  /**
   * Opens the workbench URL that the e2e runner put in NEWS_CORPUS_E2E_URL, in a fresh browser. `initScript` runs in
   * the page before the workbench's own scripts, to watch what it shows from its first moment. `emptyWindow` opens a
   * window with no folder instead of the fixture workspace.
   */
  static async open({ initScript, emptyWindow = false } = {}) {
    const url = process.env.NEWS_CORPUS_E2E_URL;
    if (!url) throw new Error('News Corpus: NEWS_CORPUS_E2E_URL is not set; run the e2e tests with `npm run test:e2e`.');
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    if (initScript) await page.addInitScript(initScript);
    await page.goto(emptyWindow ? emptyWindowUrl(url) : url);
    await page.locator('.monaco-workbench').waitFor();
    return new Workbench(browser, page);
  }

  constructor(browser, page) {
    this.browser = browser;
    this.page = page;
  }

  /** The activity-bar item whose label starts with `label`; it appears once its extension is registered. */
  activityBarItem(label) {
    return this.page.locator(`.activitybar .action-label[aria-label^="${label}"]`);
  }

  /**
   * Shows the side bar of the activity-bar item whose label starts with `label`. The item toggles: after a
   * reload the workbench restores the side bar that was open, and a click landing just as it does closes it,
   * so the side bar is only clicked open when it is not already showing, and a click that hid it is undone.
   */
  async openViewContainer(label) {
    const title = this.page.locator('.sidebar .composite.title').filter({ hasText: label });
    await this.activityBarItem(label).waitFor();
    for (let attempt = 1; attempt <= EXPAND_ATTEMPTS; attempt++) {
      if (await title.isVisible()) return;
      await this.activityBarItem(label).click();
      const shown = await title.waitFor({ timeout: EXPAND_WAIT_MS }).then(() => true, () => false);
      if (shown) return;
    }
    await title.waitFor();
  }

  /** The tree rows of the side-bar view titled `title` (the section header's first word). */
  treeRows(title) {
    return this.page
      .locator('.sidebar .pane')
      .filter({ has: this.page.locator(`.pane-header[aria-label^="${title}"]`) })
      .locator('.monaco-list-row[role="treeitem"]');
  }

  /** The rows among `rows` at tree depth `level` (1 = top). */
  rowsAtLevel(rows, level) {
    return rows.and(this.page.locator(`[aria-level="${level}"]`));
  }

  /** Clicks the first row at tree depth `level` whose text contains `text`, and returns it. */
  async clickTreeRow(rows, level, text = '') {
    const row = this.rowsAtLevel(rows, level).filter({ hasText: text }).first();
    await row.click();
    return row;
  }

  /**
   * Expands the first collapsed row at depth `level` containing `text`; resolves once it shows as expanded.
   * A click can land while the view redraws that row (the first articles listed, then the index's), so a row
   * still collapsed after a while is clicked again.
   */
  async expandTreeRow(rows, level, text) {
    const row = await this.clickTreeRow(rows, level, text);
    const expanded = row.and(this.page.locator('[aria-expanded="true"]'));
    for (let attempt = 1; attempt < EXPAND_ATTEMPTS; attempt++) {
      const shown = await expanded.waitFor({ timeout: EXPAND_WAIT_MS }).then(() => true, () => false);
      if (shown) return row;
      if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
    }
    await expanded.waitFor();
    return row;
  }

  /**
   * Expands the first row at depth `level` containing `text` by its twistie, as a row whose click runs a
   * command (an article opens) does not expand; resolves once it shows as expanded.
   */
  async expandTreeRowByTwistie(rows, level, text) {
    const row = this.rowsAtLevel(rows, level).filter({ hasText: text }).first();
    await row.locator('.monaco-tl-twistie').click();
    await row.and(this.page.locator('[aria-expanded="true"]')).waitFor();
    return row;
  }

  /** The active editor's file name (from its tab) and the text of its visible lines, spaces normalized. */
  async activeEditor() {
    const tab = this.page.locator('.editor-group-container.active .tab.active');
    await tab.waitFor();
    const fileName = await tab.getAttribute('data-resource-name');
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
    await lines.first().waitFor();
    const text = (await lines.allTextContents()).join('\n').replaceAll('\u00a0', ' ');
    return { fileName, text };
  }

  /** Runs a command from the command palette by its title, e.g. "News Corpus: Search Articles". */
  async runCommand(title) {
    const input = this.quickInput();
    // F1 pressed as the workbench moves the focus (an editor opening after a quick input closed) can go unheard: the
    // palette stayed hidden for 30 s in a full run. Pressed again, it shows; on an open palette it changes nothing.
    // The same move of the focus can close the palette just shown, before it is typed in (an editor that a command
    // before opened taking the focus): then it is opened again.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      const shown = await input.waitFor({ timeout: PALETTE_WAIT_MS }).then(() => true, () => false);
      if (shown && (await input.fill(`>${title}`, { timeout: PALETTE_WAIT_MS }).then(() => true, () => false))) break;
      if (attempt === PALETTE_ATTEMPTS) throw new Error(`News Corpus: F1 showed no command palette to type in, in ${PALETTE_ATTEMPTS} presses (to run "${title}"): ${await this.focusReport()}.`);
    }
    // Enter runs the focused row: wait until the filter has put the command there, not only somewhere in the list
    // (a recently used command stays focused until the typed text is applied). Pressed in the box itself: a panel's
    // webview redrawing can take the keyboard's focus back in between.
    await this.activeQuickInputRow().filter({ hasText: title }).waitFor();
    await input.press('Enter');
  }

  /**
   * Runs a command that asks for a text, answers `text` and presses Enter. A panel drawn again as the index changes
   * can take the focus and so close the input box before it is typed in: the command is then run again.
   */
  async answerCommand(command, text) {
    for (let attempt = 1; ; attempt++) {
      await this.page.locator('.sidebar .composite.title').click();
      await this.runCommand(command);
      const typed = await this.quickInput().fill(text, { timeout: ANSWER_WAIT_MS }).then(
        () => true,
        (error) => {
          if (attempt === ANSWER_ATTEMPTS) throw error;
          return false;
        },
      );
      if (typed) return this.quickInput().press('Enter');
    }
  }

  /**
   * Where the keyboard's focus is, and whether a modal editor (the Settings editor opens in one) covers the
   * workbench: a modal editor keeps most workbench keys, F1 among them, to itself.
   */
  async focusReport() {
    return this.page.evaluate(() => {
      const focused = document.activeElement;
      const where = focused ? [focused.tagName.toLowerCase(), ...focused.classList].join('.') : 'nothing';
      const modal = document.querySelector('.monaco-modal-editor-block') ? '; a modal editor is open' : '';
      return `the focus is on ${where}${modal}`;
    });
  }

  /** The text box of the quick input (command palette, quick pick). */
  quickInput() {
    return this.page.locator('.quick-input-widget input');
  }

  /** The rows the quick input lists. */
  quickInputRows() {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  }

  /** The row the quick input would accept on Enter. */
  activeQuickInputRow() {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
  }

  /** The title line of the quick input, where the search box reports counts and timings. */
  quickInputTitle() {
    return this.page.locator('.quick-input-widget .quick-input-title');
  }

  /** The notification toast whose text contains `text`. */
  notificationToast(text) {
    return this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });
  }

  /**
   * Waits until a notification whose text contains `text` is shown: as a toast, or else in the notification centre.
   * The workbench does not always show one as a toast (in 6 of 14 runs a notification went straight to the centre, a
   * toast just clicked still closing; in a full run, the fourth of four notifications in a row), but it lists every one.
   */
  async notified(text) {
    const toasted = await this.notificationToast(text).waitFor({ timeout: TOAST_WAIT_MS }).then(() => true, () => false);
    if (toasted) return;
    await this.runCommand('Notifications: Show Notifications');
    await this.page.locator('.notifications-center .notification-list-item').filter({ hasText: text }).waitFor();
    // Left open, the centre takes the next notifications in place of toasts.
    await this.runCommand('Notifications: Hide Notifications');
  }

  /**
   * Opens the workspace file named `name` with Quick Open and waits until it is the active editor in the News Article
   * language, which the extension switches it to once the corpus knows it (on a slow machine, after it opened).
   */
  async openArticle(name) {
    await this.page.keyboard.press('Control+P');
    await this.quickInput().fill(name);
    await this.activeQuickInputRow().filter({ hasText: name }).waitFor();
    await this.quickInput().press('Enter');
    await this.page.locator(`.editor-group-container.active .tab.active[data-resource-name="${name}"]`).waitFor();
    await this.page.locator('.statusbar-item[id="status.editor.mode"]').filter({ hasText: 'News Article' }).waitFor();
  }

  /**
   * Opens the article at `path` in the workspace and puts the cursor `into` characters into the first `text` in it, with
   * Go to Line/Column as a keyboard user would.
   */
  async cursorAt(path, text, into) {
    await this.openArticle(basename(path));
    const lines = (await readFile(join(Workbench.workspaceFolder(), path), 'utf8')).split('\n');
    const line = lines.findIndex((candidate) => candidate.includes(text));
    if (line < 0) throw new Error(`News Corpus: "${text}" is not in ${path}.`);
    const column = lines[line].indexOf(text) + 1 + into;
    await this.runCommand('Go to Line/Column...');
    await this.quickInput().fill(`:${line + 1}:${column}`);
    await this.activeQuickInputRow().filter({ hasText: `line ${line + 1} at column ${column}` }).waitFor();
    await this.quickInput().press('Enter');
  }

  /**
   * Puts the cursor into `text` in the article at `path` (see {@link cursorAt}) and shows the hover there with Show or
   * Focus Hover; returns the hover once it has `hasText`. The command sometimes lands before the editor has taken the
   * cursor, or before the facts are read: it is asked again, a few times.
   */
  async hoverOver(path, text, into, hasText) {
    await this.cursorAt(path, text, into);
    const hover = this.page.locator('.monaco-hover').filter({ hasText }).first();
    for (let attempt = 1; ; attempt++) {
      await this.runCommand('Show or Focus Hover');
      try {
        await hover.waitFor({ timeout: HOVER_WAIT_MS });
        await settled(hover);
        return hover;
      } catch (error) {
        if (attempt === HOVER_ATTEMPTS) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Filters the Entities view to `filter` with Filter Entities… and returns the first person row whose label starts
   * with `name` (the People group expanded if it was not).
   */
  async filteredPerson(filter, name) {
    await this.answerCommand('News Corpus: Filter Entities…', filter);
    const rows = this.treeRows('Entities');
    const people = this.rowsAtLevel(rows, 1).filter({ hasText: 'People' });
    if ((await people.getAttribute('aria-expanded')) === 'false') await this.expandTreeRow(rows, 1, 'People');
    const row = this.rowsAtLevel(rows, 2).filter({ hasText: new RegExp(`^${name}`) }).first();
    await row.waitFor();
    return row;
  }

  /**
   * Runs the action `label` of `row`'s context menu, chosen with the keyboard once the menu shows: in a full run a
   * click on the item, just shown, left the menu open and ran nothing. The mouse first leaves any tooltip the test
   * before left up: in a full run an article's tooltip covered the row to right-click.
   */
  async contextMenuAction(row, label) {
    await this.moveMouseAway();
    await row.click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    const item = this.page.locator('.context-view .action-item').filter({ has: this.page.locator('.action-label', { hasText: label }) });
    await item.waitFor();
    for (let press = 0; press < MENU_KEY_PRESSES && !(await item.evaluate((element) => element.classList.contains('focused'))); press++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
  }

  /** Moves the mouse to the page's corner and waits until no tooltip or hover it raised is shown. */
  async moveMouseAway() {
    await this.page.mouse.move(0, 0);
    await this.page.waitForFunction(() => [...document.querySelectorAll('.workbench-hover')].every((hover) => hover.getClientRects().length === 0));
  }

  /**
   * Closes the open quick input with Escape and waits until it is gone: a picker still closing took the next test's
   * keys (its Merge picker left open under the next command's).
   */
  async closeQuickInput() {
    await this.page.keyboard.press('Escape');
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** The text the active editor has selected, as the editor reports it in the status bar ("Ln 5, Col 9 (6 selected)"). */
  async selectionStatus() {
    const status = this.page.locator('.statusbar-item[id="status.editor.selection"]');
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }

  /**
   * Waits until the extension's status bar item shows the article count with its library icon: the scan and the
   * index, entities included, are complete (while indexing it shows its progress, and the views and panels fill in
   * as entities arrive).
   */
  async indexComplete(timeout) {
    await this.page.locator('.statusbar-item[id$="newsCorpus.status"] .codicon-library').waitFor({ timeout });
  }

  /** Saves a PNG of the whole page as test-results/e2e/<name>.png. */
  async screenshot(name) {
    await mkdir(screenshotsDir, { recursive: true });
    await this.page.screenshot({ path: join(screenshotsDir, `${name}.png`) });
  }

  /** The page of the visible webview panel (VS Code nests the extension's page in an inner frame). */
  webview() {
    return this.page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
  }

  /** Switches the colour theme with the theme picker, e.g. "Light Modern". */
  async selectColorTheme(name) {
    // The keybinding, as the palette may rank "Browse Color Themes in Marketplace" first.
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+T');
    await this.quickInput().waitFor();
    await this.quickInput().fill(name);
    await this.quickInputRows().filter({ hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  async close() {
    await this.browser.close();
  }
}

/** The folder the sample corpus is copied to, in the workspace, by {@link withSampleCorpus}. */
const SAMPLE_FOLDER = 'wikinews-sample';

/**
 * Copies the sample corpus (317 Wikinews articles) into the workspace before the spec's tests and removes it after
 * them; returns where it is.
 */
export function withSampleCorpus() {
  const sample = () => join(Workbench.workspaceFolder(), SAMPLE_FOLDER);
  before(async function () {
    await cp(join(repoRoot, 'samples', 'wikinews'), sample(), { recursive: true });
  });
  after(async function () {
    await rm(sample(), { recursive: true, force: true });
  });
  return sample;
}

/**
 * Writes `articles` (file name → text) into the workspace folder `folder` before the spec's tests and removes the
 * folder after them.
 */
export function withArticles(folder, articles) {
  const path = () => join(Workbench.workspaceFolder(), folder);
  before(async function () {
    await mkdir(path());
    for (const [name, text] of Object.entries(articles)) await writeFile(join(path(), name), text);
  });
  after(async function () {
    await rm(path(), { recursive: true, force: true });
  });
}

/**
 * Registers the hooks every spec shares: a fresh workbench before its tests (then `ready`, if given), a
 * screenshot named `failed-<prefix><test>` of a test that failed, and closing the browser after. `use` gets the
 * workbench once it is open.
 */
export function withWorkbench(use, { prefix = '', ready } = {}) {
  let workbench;
  before(async function () {
    workbench = await Workbench.open();
    use(workbench);
    await ready?.(workbench);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench.screenshot(`failed-${prefix}${this.currentTest.title.replaceAll(/\W+/g, '-')}`);
  });
  after(async function () {
    await workbench?.close();
  });
}

/**
 * Waits until the animations of `locator`'s element and of its ancestors that end have ended (a hover fades in), so
 * that a screenshot catches it as the user sees it; an endless one (a progress bar's) is not waited for.
 */
async function settled(locator) {
  await locator.evaluate((element) =>
    Promise.all(
      element.ownerDocument
        .getAnimations()
        .filter(({ effect }) => effect?.target instanceof Element && (element.contains(effect.target) || effect.target.contains(element)) && effect.getComputedTiming().endTime !== Infinity)
        .map(({ finished }) => finished.catch(() => undefined)),
    ),
  );
}

/** The workbench URL `url` for a window with no folder open (code-server's `ew` parameter). */
function emptyWindowUrl(url) {
  const empty = new URL(url);
  empty.searchParams.delete('folder');
  empty.searchParams.delete('workspace');
  empty.searchParams.set('ew', 'true');
  return empty.href;
}
