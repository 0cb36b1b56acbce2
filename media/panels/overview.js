// Corpus Overview: counts, articles per month (drag or Shift+arrows to brush months; the top lists follow),
// and the most mentioned people, places and organizations. Clicking opens the matching search.
(function () {
  const { el, svg, barChart, monthTick, cursorMove, isWorkbenchChord, request, search, command, number, plural, start } = NewsPanel;
  const HEIGHT = 180;
  // Said in the headings: the Entities view ranks by articles, these lists by mentions (ux37: "Dorsa Derakhshani" with
  // 113 mentions in one interview led the People here and stood far down there).
  const LISTS = [
    ['PER', 'People, most mentioned'],
    ['LOC', 'Places, most mentioned'],
    ['ORG', 'Organizations, most mentioned'],
  ];
  let cursor = -1;
  let anchor = -1;

  const MONTH_NAMES = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });

  function monthLabel(period) {
    const [year, month] = period.label.split('-');
    return `${MONTH_NAMES.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)))} ${year}`;
  }

  function rangeOf(months, from, to) {
    const [a, b] = from <= to ? [from, to] : [to, from];
    return { from: months[a].period.label, to: months[b].period.label };
  }

  function selectedIndexes(months, range) {
    if (!range) return [-1, -1];
    return [months.findIndex((m) => m.period.label === range.from), months.findIndex((m) => m.period.label === range.to)];
  }

  function histogram(state, data, status) {
    const months = data.months;
    const max = Math.max(1, ...months.map((m) => m.count));
    const { root: chart, plot, axisLabel } = barChart({
      height: HEIGHT,
      max,
      focusKey: 'histogram',
      label: 'Articles per month. Left and right arrows move between months, Page Up and Page Down by a year, Home and End to the first and last; Shift extends the selection, Enter searches it, Escape clears it.',
    });
    const step = plot.w / Math.max(1, months.length);
    const [from, to] = selectedIndexes(months, state.range);
    if (from !== -1) {
      chart.classList.add('brushed');
      // A band under the bars: months without articles have no bar to colour, and a brush over them showed nothing.
      chart.append(svg('rect', { class: 'selection', x: plot.left + from * step, y: plot.top, width: (to - from + 1) * step, height: plot.h }));
    }
    months.forEach((month, index) => {
      const x = plot.left + index * step;
      const h = (month.count / max) * plot.h;
      const selected = from !== -1 && index >= from && index <= to;
      chart.append(
        svg(
          'rect',
          { class: selected ? 'bar selected' : 'bar', x: x + Math.min(1, step * 0.1), y: plot.top + plot.h - h, width: Math.max(1, step - Math.min(2, step * 0.2)), height: Math.max(0, h) },
          svg('title', {}, `${monthLabel(month.period)}: ${plural(month.count, 'article')}`),
        ),
      );
      const tick = monthTick(month.period.label, index, months.length);
      if (tick !== undefined) axisLabel(x, tick);
    });
    if (cursor >= 0 && cursor < months.length) {
      chart.append(svg('rect', { class: 'cursor', x: plot.left + cursor * step, y: plot.top, width: Math.max(2, step), height: plot.h }));
    }
    const indexAt = (event) => {
      const box = chart.getBoundingClientRect();
      return Math.min(months.length - 1, Math.max(0, Math.floor((event.clientX - box.left - plot.left) / step)));
    };
    let dragFrom = -1;
    let brush;
    chart.addEventListener('pointerdown', (event) => {
      dragFrom = indexAt(event);
      chart.setPointerCapture(event.pointerId);
      brush = svg('rect', { class: 'brush', y: plot.top, height: plot.h });
      chart.append(brush);
    });
    chart.addEventListener('pointermove', (event) => {
      const at = indexAt(event);
      const month = months[at];
      if (month) status.textContent = `${monthLabel(month.period)}: ${plural(month.count, 'article')}`;
      if (dragFrom === -1) return;
      const [a, b] = dragFrom <= at ? [dragFrom, at] : [at, dragFrom];
      brush.setAttribute('x', plot.left + a * step);
      brush.setAttribute('width', (b - a + 1) * step);
    });
    chart.addEventListener('pointerup', (event) => {
      if (dragFrom === -1) return;
      const at = indexAt(event);
      anchor = dragFrom;
      cursor = at;
      dragFrom = -1;
      request({ range: rangeOf(months, anchor, at) });
    });
    chart.addEventListener('keydown', (event) => {
      if (months.length === 0 || isWorkbenchChord(event)) return;
      const next = cursorMove(event.key, cursor, { count: months.length, page: data.pageStep, start: to !== -1 ? to : months.length - 1 });
      if (next !== undefined) {
        event.preventDefault();
        cursor = next;
        if (!event.shiftKey || anchor === -1) anchor = cursor;
        request({ range: rangeOf(months, anchor, cursor) });
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (data.rangeQuery) search(data.rangeQuery);
      } else if (event.key === 'Escape') {
        cursor = -1;
        anchor = -1;
        request({});
      }
    });
    return chart;
  }

  /** What a name alone says of the full name it is likely the same as ("likely Donald Trump"). */
  function sameAsHint({ name, likely }) {
    const degree = likely ? 'likely' : 'possibly';
    return el('span', { class: 'same-as', title: `Listed apart from ${name}, and ${degree} the same: News Corpus: Merge Likely Duplicates… merges them` }, `${degree} ${name}`);
  }

  function topList(type, title, rows) {
    return el(
      'section',
      {},
      el('h2', {}, title),
      rows.length === 0
        ? el('p', { class: 'muted' }, 'None mentioned.')
        : el(
            'ol',
            {},
            rows.map((row) =>
              el(
                'li',
                {},
                el('button', { class: 'link', 'data-focus': `search:${row.key}`, title: `Search: ${row.query}`, onclick: () => search(row.query) }, row.name),
                ...(row.sameAs ? [sameAsHint(row.sameAs)] : []),
                el('span', { class: 'count' }, plural(row.mentions, 'mention')),
                el('button', { class: 'link', 'data-focus': `timeline:${row.key}`, 'aria-label': `Timeline of ${row.name}`, title: 'Show its timeline', onclick: () => command('newsCorpus.showTimeline', row.key) }, '↗'),
              ),
            ),
          ),
    );
  }

  start((state, data) => {
    const app = document.getElementById('app');
    // The month under the keyboard cursor, as a pointer over it says (ux34: the line stayed empty for the keyboard).
    const atCursor = data.months[cursor];
    const status = el('p', { class: 'status', role: 'status' }, atCursor ? `${monthLabel(atCursor.period)}: ${plural(atCursor.count, 'article')}` : '');
    const period = state.range ? (state.range.from === state.range.to ? state.range.from : `${state.range.from} to ${state.range.to}`) : '';
    app.replaceChildren(
      el('h1', {}, 'Corpus Overview'),
      el('p', { class: 'counts' }, `${plural(data.articles, 'article')} · ${number(data.undated)} undated · ${plural(data.skipped, 'skipped file')}`),
      el('h2', {}, 'Articles per month'),
      el('p', { class: 'hint' }, 'Drag across months, or use the arrow keys (Shift extends), to filter the lists below. Click a name to search its articles.'),
      data.months.length === 0 ? el('p', { class: 'muted' }, 'No dated articles.') : histogram(state, data, status),
      status,
      el(
        'div',
        { class: 'toolbar' },
        state.range
          ? [
              el('span', {}, `Selected: ${period}`),
              el('button', { 'data-focus': 'search-range', onclick: () => search(data.rangeQuery) }, 'Search These Months'),
              el('button', { class: 'secondary', 'data-focus': 'clear', onclick: () => { cursor = -1; anchor = -1; request({}); } }, 'Clear Selection'),
            ]
          : el('span', { class: 'muted' }, 'Whole corpus'),
      ),
      el('div', { class: 'lists' }, LISTS.map(([type, title]) => topList(type, title, data.top[type] || []))),
      ...(data.rankedAmong ? [el('p', { class: 'muted' }, `These months' leaders among the ${number(data.rankedAmong)} most mentioned people, places and organizations of the whole corpus.`)] : []),
    );
  });
})();
