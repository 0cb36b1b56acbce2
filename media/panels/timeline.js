// Timeline: mentions of entities and matching articles of queries per day, week or month, as grouped bars;
// values on hover (and for the bar under the keyboard cursor); clicking a bar searches that series in that period.
(function () {
  const { el, textInput, svg, barChart, monthTick, cursorMove, isWorkbenchChord, request, search, plural, start } = NewsPanel;
  const HEIGHT = 220;
  /** What a series counts, with the title of its chart. */
  const UNITS = [
    { unit: 'mentions', title: 'Mentions' },
    { unit: 'articles', title: 'Matching articles' },
  ];
  /**
   * Said of a period the corpus has no article of, which is shaded: its zeros are a gap in the corpus, not news going
   * quiet (ux38: a corpus of no article from July to September drew a topic vanishing over the summer).
   */
  const NO_ARTICLES = 'no article of the corpus is dated in this period';
  let cursor = { period: -1, series: 0 };
  /**
   * The drawn charts' cursor marks: a key moves the mark and rewrites the status in place. It asked the extension
   * for the page again, which counted every series anew and drew every bar, on each press.
   */
  let marks = [];
  /** The bar length of the last page with bars: a change is said in the status (ux37: weeks became months unannounced). */
  let drawnGranularity;

  function describe(data, at) {
    const period = data.periods[at];
    if (!period || data.series.length === 0) return '';
    const values = data.series.map((series) => `${series.spec.label}: ${plural(series.values[at] || 0, series.unit === 'mentions' ? 'mention' : 'article')}`);
    const empty = data.corpusArticles[at] === 0 ? ` (${NO_ARTICLES})` : '';
    return `${period.first === period.last ? period.first : `${period.first} to ${period.last}`} — ${values.join('; ')}${empty}`;
  }

  /**
   * A series' total in the legend, which names the series the keyboard cursor is on once the arrows have moved it (ux34:
   * "(selected)" from the start said nothing of what chose it, or what for).
   */
  function seriesTotal(series, index, periods) {
    const total = plural(series.total, series.unit === 'mentions' ? 'mention' : 'article');
    return cursor.period >= 0 && cursor.period < periods && index === cursor.series && cursorShown(index) ? `${total} (keyboard cursor: Enter searches it there)` : total;
  }

  /** Whether the chart that draws series `index` has the keyboard focus, and so shows the cursor (the style hides it elsewhere). */
  function cursorShown(index) {
    return document.hasFocus() && marks.some(({ root, holds }) => root === document.activeElement && holds(index));
  }

  /** Writes the series' totals in the legend, the cursor's series named while its chart has the focus. */
  function showTotals(data) {
    document.querySelectorAll('.legend [data-series]').forEach((total) => {
      const index = Number(total.getAttribute('data-series'));
      total.textContent = seriesTotal(data.series[index], index, data.periods.length);
    });
  }

  /** Shows the cursor on the chart that draws its series, its values in the status, its series in the legend. */
  function showCursor(data, status) {
    for (const { mark, holds, left } of marks) {
      const shown = holds(cursor.series) && cursor.period >= 0 && cursor.period < data.periods.length;
      mark.setAttribute('visibility', shown ? 'visible' : 'hidden');
      if (shown) mark.setAttribute('x', left(cursor.period));
    }
    status.textContent = describe(data, cursor.period);
    showTotals(data);
  }

  /** The drawn series (refused queries have no values), split by what they count, mentions first. */
  function byUnit(data) {
    const drawn = data.series.filter((series) => !series.error);
    return UNITS.map(({ unit, title }) => ({ title: `${title} per ${data.granularity}`, series: drawn.filter((series) => series.unit === unit) })).filter(({ series }) => series.length > 0);
  }

  /**
   * One chart of the series that count the same thing, on their own scale: mentions and articles on one axis made
   * a query of a few articles look like nothing beside an entity's many mentions, and the axis could not say what it counted.
   */
  function chart(state, data, status, { title, series: drawn }) {
    const count = data.periods.length;
    const max = Math.max(1, ...drawn.flatMap((series) => series.values));
    const { root, plot, axisLabel } = barChart({
      height: HEIGHT,
      max,
      focusKey: `timeline:${title}`,
      label: `${title}. Left and right arrows move between periods, Page Up and Page Down by ${plural(data.pageStep, data.granularity)}, Home and End to the first and last, up and down between series; Enter searches the series in the period shown.`,
    });
    const step = plot.w / Math.max(1, count);
    const barWidth = Math.max(1, (step * 0.85) / Math.max(1, drawn.length));
    const byMonth = data.granularity === 'month';
    const labelGap = Math.ceil((byMonth ? 36 : 80) / step);
    let labelled = -Infinity;
    data.periods.forEach((period, at) => {
      const x = plot.left + at * step;
      // Months are labelled as `monthTick` says; days and weeks by their date, as often as they fit.
      const tick = byMonth ? monthTick(period.label, at, count) : period.label;
      if (at - labelled >= labelGap && tick !== undefined && axisLabel(x, tick)) {
        labelled = at;
      }
      if (data.corpusArticles[at] === 0) root.append(svg('rect', { class: 'no-articles', x, y: plot.top, width: step, height: plot.h }, svg('title', {}, `${period.label}: ${NO_ARTICLES}`)));
      drawn.forEach((series, index) => {
        const value = series.values[at] || 0;
        if (value === 0) return;
        const h = (value / max) * plot.h;
        const bar = svg(
          'rect',
          { class: `bar s${data.series.indexOf(series)}`, x: x + index * barWidth, y: plot.top + plot.h - h, width: barWidth, height: h },
          svg('title', {}, `${series.spec.label}, ${period.label}: ${value}`),
        );
        bar.addEventListener('click', () => search(`${series.query} ${period.filter}`, { passing: true }));
        root.append(bar);
      });
    });
    // The cursor is on one series, so on the one chart that draws it: a key on another chart moves it there first.
    const holds = (index) => drawn.some((series) => data.series.indexOf(series) === index);
    const mark = svg('rect', { class: 'cursor', y: plot.top, width: Math.max(2, step), height: plot.h });
    root.append(mark);
    marks.push({ mark, holds, root, left: (at) => plot.left + at * step });
    // The legend names the cursor's series only while the cursor shows (ux35: it kept saying so after a click elsewhere).
    root.addEventListener('focus', () => showTotals(data));
    root.addEventListener('blur', () => showTotals(data));
    root.addEventListener('mousemove', (event) => {
      const box = root.getBoundingClientRect();
      const at = Math.floor((event.clientX - box.left - plot.left) / step);
      if (at >= 0 && at < count) status.textContent = describe(data, at);
    });
    root.addEventListener('keydown', (event) => {
      if (count === 0 || drawn.length === 0 || isWorkbenchChord(event)) return;
      // The cursor names a series by its place in the legend; up and down move among this chart's series.
      const here = Math.max(0, drawn.findIndex((series) => data.series.indexOf(series) === cursor.series));
      const vertical = { ArrowUp: -1, ArrowDown: 1 }[event.key];
      const period = cursorMove(event.key, cursor.period, { count, page: data.pageStep, start: count - 1 });
      if (period !== undefined || vertical !== undefined) {
        event.preventDefault();
        cursor = {
          period: period ?? (cursor.period === -1 ? count - 1 : cursor.period),
          series: data.series.indexOf(drawn[Math.min(drawn.length - 1, Math.max(0, here + (vertical ?? 0)))]),
        };
        showCursor(data, status);
      } else if (event.key === 'Enter' && holds(cursor.series) && cursor.period >= 0 && cursor.period < count) {
        // Only a period the cursor was moved to, and so shown with its values: never one nobody chose.
        event.preventDefault();
        search(`${drawn[here].query} ${data.periods[cursor.period].filter}`, { passing: true });
      }
    });
    return root;
  }

  function legend(state, data) {
    return el(
      'ul',
      { class: 'legend' },
      data.series.map((series, index) =>
        el(
          'li',
          {},
          el('span', { class: `swatch s${index}`, 'aria-hidden': 'true' }),
          el('span', {}, series.spec.label),
          series.error ? el('span', { class: 'muted' }, `Not a valid query: ${series.error}`) : el('span', { class: 'muted', 'data-series': index }, seriesTotal(series, index, data.periods.length)),
          // The query likely meant ("Did you mean: person:Putin"), which the button draws in this series' place.
          series.suggestion &&
            el(
              'button',
              {
                class: 'link',
                'data-focus': `suggestion:${index}`,
                title: series.suggestion.reason,
                onclick: () => {
                  const { query } = series.suggestion;
                  request({ ...state, series: state.series.map((spec, other) => (other === index ? { kind: 'query', query, label: query } : spec)) });
                },
              },
              `${series.suggestion.label}: ${series.suggestion.query}`,
            ),
          el(
            'button',
            {
              class: 'link',
              'data-focus': `remove:${index}`,
              'aria-label': `Remove ${series.spec.label}`,
              title: 'Remove this series',
              onclick: () => request({ ...state, series: state.series.filter((_, other) => other !== index) }),
            },
            '✕',
          ),
        ),
      ),
    );
  }

  function addForm(state, data) {
    const input = textInput({ 'data-focus': 'add-input', 'aria-label': 'Query to add as a series', placeholder: 'Add a query, e.g. hurricane OR storm' });
    // Fitted to where the series have anything (the default) or the whole corpus: a name of one month in twenty years was
    // one bar among 240. (ux37: "Where the series are" did not read as a span.)
    const span = el(
      'select',
      { 'data-focus': 'span', 'aria-label': 'Span' },
      [
        ['fitted', 'Fitted to the series'],
        ['whole', 'The whole corpus'],
      ].map(([value, label]) => el('option', { value, selected: (state.whole ? 'whole' : 'fitted') === value }, label)),
    );
    span.addEventListener('change', () => {
      const { whole, ...rest } = state;
      request(span.value === 'whole' ? { ...rest, whole: true } : rest);
    });
    const form = el(
      'form',
      { class: 'toolbar' },
      input,
      el('button', { type: 'submit', 'data-focus': 'add', disabled: state.series.length >= data.maxSeries }, 'Add Series'),
      el('label', {}, 'Span ', span),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = input.value.trim();
      if (query !== '') request({ ...state, series: [...state.series, { kind: 'query', query, label: query }] });
    });
    return form;
  }

  start((state, data) => {
    const app = document.getElementById('app');
    const status = el('p', { class: 'status', role: 'status' });
    marks = [];
    app.replaceChildren(
      el('h1', {}, 'Timeline'),
      el(
        'p',
        { class: 'hint' },
        `Per ${data.granularity}: mentions of an entity, matching articles of a query. Hover or move with the arrow keys for values; click a bar (or press Enter) to list its articles.${data.corpusArticles.includes(0) ? ' Shaded: no article of the corpus is dated there.' : ''}`,
      ),
      legend(state, data),
      addForm(state, data),
      data.series.length === 0
        ? el('p', { class: 'muted' }, 'No series yet: add a query above, or use Show Timeline on an entity.')
        : data.periods.length === 0
          ? el('p', { class: 'muted' }, 'No dated articles.')
          : el('div', {}, byUnit(data).flatMap((group) => [el('h2', {}, group.title), chart(state, data, status, group)])),
      status,
    );
    showCursor(data, status);
    const [first, last] = [data.periods[0], data.periods[data.periods.length - 1]];
    if (!first || !last) return;
    if (drawnGranularity !== undefined && drawnGranularity !== data.granularity) {
      status.textContent = `Bars now per ${data.granularity}, not per ${drawnGranularity}: the chart spans ${first.first} to ${last.last}.`;
    }
    drawnGranularity = data.granularity;
  });
})();
