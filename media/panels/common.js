// Shared by the corpus panels' scripts: messages with the extension and DOM helpers that only ever insert
// text nodes (article text and names are never parsed as HTML).
(function () {
  const vscode = acquireVsCodeApi();
  const SVG_NS = 'http://www.w3.org/2000/svg';
  // One formatter for every number: toLocaleString makes a new one per call, which was most of a first draw.
  const NUMBERS = new Intl.NumberFormat('en-US');
  const number = (value) => NUMBERS.format(Number(value));

  function fill(node, attributes, children) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(typeof child === 'object' ? child : String(child));
    }
    return node;
  }

  /**
   * Draws the page; re-renders keep keyboard focus on the element with the same `data-focus` key, if the page has
   * the focus: a panel redrawn in the background (the corpus changed) must not take it from a quick pick, which
   * then closes, or from the editor.
   */
  function render(draw, state, data) {
    const focused = document.hasFocus() && document.activeElement && document.activeElement.getAttribute('data-focus');
    const started = performance.now();
    draw(state, data);
    // Read by the end-to-end tests, which report how long drawing took.
    document.body.setAttribute('data-render-ms', (performance.now() - started).toFixed(1));
    if (focused) {
      const again = document.querySelector(`[data-focus="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
    announce();
  }

  /**
   * Says the text of the page's `[data-announce]` element in the live region that stays in the page (`#announce`,
   * outside `#app`): a status element drawn anew with the page is not reliably read out (review34), and the whole
   * page as one live region read twelve thousand characters out at each redraw (ux34).
   */
  function announce() {
    const region = document.getElementById('announce');
    const text = document.querySelector('#app [data-announce]')?.textContent ?? '';
    if (region && region.textContent !== text) region.textContent = text;
  }

  /** Width available to a chart: the page's, less its padding. */
  function chartWidth() {
    return Math.max(320, document.body.clientWidth - 32);
  }

  const CHART_MARGIN = { left: 44, right: 8, top: 10, bottom: 22 };
  /** At least the width of a digit or dash of an axis label (11 px): what a label's length is reckoned by. */
  const AXIS_CHAR_WIDTH = 7;

  /**
   * A focusable bar chart's frame: the SVG with its baseline and its 0 and `max` labels, the plot area, and
   * `axisLabel(x, text)`, which writes `text` under the axis from `x`, unless that runs into the label before it;
   * it says whether it wrote it. A label cut off at the right edge (a year whose January is among the last bars)
   * ends at the edge instead, in place of the label before it if they would overlap: it was left out, and the
   * newest bars (2023) had no year under them.
   */
  function barChart({ height, max, focusKey, label }) {
    const w = chartWidth();
    const margin = CHART_MARGIN;
    const plot = { left: margin.left, top: margin.top, w: w - margin.left - margin.right, h: height - margin.top - margin.bottom };
    const root = makeSvg('svg', { class: 'chart', width: w, height, tabindex: 0, role: 'group', 'data-focus': focusKey, 'aria-label': label });
    root.append(
      makeSvg('line', { class: 'axis', x1: margin.left, x2: w - margin.right, y1: margin.top + plot.h, y2: margin.top + plot.h }),
      makeSvg('text', { x: margin.left - 6, y: margin.top + 10, 'text-anchor': 'end' }, number(max)),
      makeSvg('text', { x: margin.left - 6, y: margin.top + plot.h, 'text-anchor': 'end' }, '0'),
    );
    const written = [];
    const axisLabel = (x, text) => {
      const width = text.length * AXIS_CHAR_WIDTH;
      const at = Math.min(x, w - width);
      const clear = (label) => !label || at >= label.end + AXIS_CHAR_WIDTH;
      if (!clear(written.at(-1))) {
        if (at === x || !clear(written.at(-2))) return false;
        written.pop().node.remove();
      }
      const node = makeSvg('text', { x: at, y: height - 6 }, text);
      root.append(node);
      written.push({ node, end: at + width });
      return true;
    };
    return { root, plot, axisLabel };
  }

  /** Months a chart spans at most to name every month under its bar, not only each year. */
  const MONTHS_NAMED = 18;
  const SHORT_MONTH = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

  /**
   * The text under the bar of the month `label` (YYYY-MM), the `index`th of `count` bars, or undefined for none: its
   * year at January and at the first bar; over MONTHS_NAMED months or fewer every month's short name too ("Feb 1987",
   * "Mar"): nine bars over one "1987" said which month each was only on hover (ux38).
   */
  function monthTick(label, index, count) {
    const [year, month] = label.split('-');
    const first = index === 0 || month === '01';
    if (count > MONTHS_NAMED) return first ? year : undefined;
    const name = SHORT_MONTH.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
    return first ? `${name} ${year}` : name;
  }

  /**
   * Where a chart's keyboard cursor goes on `key`, or undefined for a key that does not move it: the arrows by one
   * bar, Page Up and Page Down by `page` bars (earlier and later, as in a date picker), Home and End to the first and
   * last bar. A cursor not shown yet (-1) appears at `start` (the selected or the latest bar) whichever of these keys
   * is pressed: it started at the first bar, years of presses from the recent ones a reader looks for, and Enter then
   * searched a period nobody had chosen.
   */
  function cursorMove(key, cursor, { count, page, start }) {
    const moves = { ArrowLeft: -1, ArrowRight: 1, PageUp: -page, PageDown: page };
    const next = key === 'Home' ? 0 : key === 'End' ? count - 1 : moves[key] === undefined ? undefined : cursor === -1 ? start : cursor + moves[key];
    return next === undefined ? undefined : Math.min(count - 1, Math.max(0, next));
  }

  /**
   * Whether a key press is a chord of Ctrl, Alt or Cmd: the workbench's (Ctrl+Page Down to the next editor), which the
   * webview passes on to VS Code whatever the page does, so a chart that also acted on it would move as the tab changes.
   */
  const isWorkbenchChord = (event) => event.ctrlKey || event.altKey || event.metaKey;

  function makeSvg(tag, attributes = {}, ...children) {
    return fill(document.createElementNS(SVG_NS, tag), attributes, children);
  }

  const el = (tag, attributes = {}, ...children) => fill(document.createElement(tag), attributes, children);

  window.NewsPanel = {
    el,
    /**
     * A text box wide enough for its whole placeholder (a few characters to spare, as `size` counts average ones):
     * the default 20 characters cut the Timeline's "Add a query, e.g. …" to its first few words.
     */
    textInput: (attributes) => el('input', { type: 'text', size: attributes.placeholder.length + 4, ...attributes }),
    svg: makeSvg,
    barChart,
    monthTick,
    cursorMove,
    isWorkbenchChord,
    /** Asks the extension for the data of a new state (the state is kept by VS Code once the data arrives). */
    request: (state) => vscode.postMessage({ type: 'state', state }),
    /** Lists a query's articles in the Search Results view; a bar's click passes `{ passing: true }`, kept out of Recent Searches. */
    search: (query, { passing = false } = {}) => vscode.postMessage({ type: 'search', query, passing }),
    open: (target) => vscode.postMessage({ type: 'open', target }),
    command: (command, argument) => vscode.postMessage({ type: 'command', command, argument }),
    /** Asks the extension to put what the page shows on the clipboard, as a table (the page cannot reach the clipboard). */
    copy: () => vscode.postMessage({ type: 'copy' }),
    number,
    plural: (count, noun) => `${number(count)} ${noun}${count === 1 ? '' : 's'}`,
    width: chartWidth,
    start(draw) {
      let last;
      window.addEventListener('message', (event) => {
        const message = event.data;
        // The extension is finding what the next data needs: the page says so until the data comes.
        // Lines drawn early (more are being read) stay undimmed; the lines of an older state are dimmed.
        if (message && message.type === 'busy') {
          document.body.setAttribute('aria-busy', 'true');
          document.body.classList.remove('partial');
        }
        if (!message || message.type !== 'data') return;
        document.body.classList.toggle('partial', message.busy === true);
        if (message.busy === true) document.body.setAttribute('aria-busy', 'true');
        else document.body.removeAttribute('aria-busy');
        vscode.setState(message.state);
        last = message;
        render(draw, message.state, message.data);
      });
      window.addEventListener('resize', () => last && render(draw, last.state, last.data));
      vscode.postMessage({ type: 'ready' });
    },
  };
})();
