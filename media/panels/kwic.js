// Keyword in Context: every occurrence of a word, phrase or entity, aligned on the match; sorted by the
// words left or right of it (or by date), filtered by date, paged. A line opens its article at the occurrence.
(function () {
  const { el, textInput, isWorkbenchChord, request, open, copy, number, plural, start } = NewsPanel;

  function controls(state, data) {
    const words = textInput({
      'data-focus': 'words',
      'aria-label': 'Word or phrase',
      placeholder: 'A word or phrase, e.g. interest rates',
      value: state.target && state.target.kind === 'words' ? state.target.text : '',
    });
    const sort = el(
      'select',
      { 'data-focus': 'sort', 'aria-label': 'Sort by' },
      [
        ['right', 'Sort by words after'],
        ['left', 'Sort by words before'],
        ['date', 'Sort by date'],
      ].map(([value, label]) => el('option', { value, selected: state.sort === value }, label)),
    );
    const bounds = data.span ? { min: data.span.first, max: data.span.last } : {};
    const from = el('input', { type: 'date', 'data-focus': 'from', 'aria-label': 'From date', value: state.from || '', ...bounds });
    const to = el('input', { type: 'date', 'data-focus': 'to', 'aria-label': 'To date', value: state.to || '', ...bounds });
    // Every control as it is now, not only the one changed: a second change made before the page is drawn again
    // would otherwise undo the first.
    const next = () => {
      const merged = { ...state, sort: sort.value, from: from.value, to: to.value, offset: 0 };
      if (!merged.from) delete merged.from;
      if (!merged.to) delete merged.to;
      request(merged);
    };
    for (const control of [sort, from, to]) control.addEventListener('change', next);
    const form = el('form', { class: 'toolbar' }, words, el('button', { type: 'submit', 'data-focus': 'show' }, 'Show'), sort, el('label', {}, 'From ', from), el('label', {}, 'To ', to));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (words.value.trim() === '') return;
      // A new target is read from its first articles again.
      const { read, ...rest } = state;
      request({ ...rest, target: { kind: 'words', text: words.value.trim() }, offset: 0 });
    });
    return form;
  }

  /** Says that search syntax in the words is read as words (the panel finds words as written), or nothing. */
  function syntaxNote(data) {
    if (!data.syntax) return el('div');
    return el('p', { class: 'muted', role: 'note' }, `“${data.syntax}” is search syntax, which Keyword in Context does not use: it finds the words as they are written. Search Articles and the Timeline take the syntax.`);
  }

  function summary(state, data) {
    if (!data.label) return el('p', { class: 'muted' }, 'Type a word or phrase, or use Show Keyword in Context on an entity.');
    // An entity's lines are its mentions (the word its counts use elsewhere), a word's its occurrences.
    const unit = data.unit === 'mention' ? 'mention' : 'occurrence';
    if (data.dateError) return el('p', { class: 'counts', 'data-announce': '' }, `No ${unit}s of “${data.label}” in these dates: ${data.dateError}`);
    const unread = data.unread ? ` (${plural(data.unread, 'article')} could not be read and ${data.unread === 1 ? 'is' : 'are'} left out)` : '';
    const counts = `${plural(data.total, unit)} of “${data.label}” in ${plural(data.articles, 'article')}${unread}`;
    // The first lines, drawn while the rest of the articles are read: said, and no more offered yet.
    if (data.reading) return el('p', { class: 'counts', 'data-announce': '' }, `Reading ${number(Math.min(data.read, data.matching))} articles… ${counts} so far`);
    if (data.matching <= data.read) return el('p', { class: 'counts', 'data-announce': '' }, counts);
    // Only part of the articles is read: say which, that the order and the dates apply to those, and offer more.
    const more = Math.min(data.step, data.matching - data.read);
    return el(
      'p',
      { class: 'counts', 'data-announce': '' },
      `${counts}: the ${number(data.read)} ${data.order} of ${number(data.matching)}${data.dated ? ' in these dates' : ''}, sorted among themselves. `,
      el('button', { class: 'secondary', 'data-focus': 'more', title: `Read the next ${plural(more, 'article')} and sort their ${unit}s with these`, onclick: () => request({ ...state, read: data.read + data.step }) }, `Read ${number(more)} more`),
    );
  }

  /**
   * The line that is the list's one stop of Tab: the last one focused (by key, click or the focus a redraw puts
   * back), so that Tab returns there and no redraw or click leaves two stops.
   */
  let tabStop = 0;
  /** The list the stop belongs to: another target, order, period or page starts again from its first line. */
  let tabStopList = '';

  /**
   * The row a key moves the keyboard to from row `at` of `rows` (arrows, Home, End, Page Up and Down by a screen's
   * worth), or undefined for another key: the lines are one stop of Tab, not a hundred.
   */
  function rowFor(rows, at, key) {
    const height = rows[at].getBoundingClientRect().height;
    const page = height > 0 ? Math.max(1, Math.floor(window.innerHeight / height) - 1) : 1;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1, PageDown: at + page, PageUp: at - page }[key];
    return to === undefined ? undefined : rows[Math.max(0, Math.min(rows.length - 1, to))];
  }

  function table(state, data) {
    const list = JSON.stringify([state.target, state.sort, state.from, state.to, state.offset, state.read]);
    if (list !== tabStopList) [tabStop, tabStopList] = [0, list];
    tabStop = Math.min(tabStop, Math.max(0, data.lines.length - 1));
    const body = el('tbody', {}, data.lines.map((line, index) => {
      const target = { id: line.id, selection: { line: line.line, character: line.character, length: line.length } };
      const row = el(
        'tr',
        { role: 'row', tabindex: index === tabStop ? 0 : -1, 'data-focus': `line:${index}`, title: `${line.title}${line.date ? ` (${line.date})` : ''}`, 'aria-label': `${line.left} ${line.match} ${line.right}, ${line.date || 'undated'}` },
        el('td', { role: 'gridcell', class: 'date' }, line.date || 'undated'),
        el('td', { role: 'gridcell', class: 'left' }, el('span', {}, line.left)),
        el('td', { role: 'gridcell', class: 'match' }, line.match),
        el('td', { role: 'gridcell', class: 'right' }, line.right),
      );
      row.addEventListener('click', () => open(target));
      row.addEventListener('keydown', (event) => {
        if (isWorkbenchChord(event)) return;
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open(target);
          return;
        }
        const next = rowFor([...body.children], index, event.key);
        if (!next) return;
        event.preventDefault();
        next.focus();
      });
      return row;
    }));
    // However a line gets the focus, it becomes the one stop of Tab.
    body.addEventListener('focusin', (event) => {
      const rows = [...body.children];
      const focused = rows.indexOf(event.target);
      if (focused < 0) return;
      tabStop = focused;
      rows.forEach((row, index) => row.setAttribute('tabindex', index === focused ? '0' : '-1'));
    });
    // A grid, so that a screen reader passes the arrow keys to the list instead of reading on with them.
    return el('table', { class: 'kwic', role: 'grid', 'aria-label': 'Occurrences: the arrow keys move between lines, Enter opens a line\'s article there' }, body);
  }

  function pager(state, data) {
    if (data.total === 0) return el('div');
    // Every line found so far, in this order, for a spreadsheet or a story's notes (ux38: nothing could be taken out).
    const copyLines = el('button', { class: 'secondary', 'data-focus': 'copy', title: 'Copy every line found so far, tab-separated', onclick: copy }, 'Copy Lines');
    if (data.total <= data.pageSize) return el('div', { class: 'toolbar' }, copyLines);
    const last = Math.min(data.total, state.offset + data.pageSize);
    return el(
      'div',
      { class: 'toolbar' },
      el('button', { class: 'secondary', 'data-focus': 'previous', disabled: state.offset === 0, onclick: () => request({ ...state, offset: Math.max(0, state.offset - data.pageSize) }) }, 'Previous'),
      el('span', {}, `${number(state.offset + 1)}–${number(last)} of ${number(data.total)}`),
      el('button', { class: 'secondary', 'data-focus': 'next', disabled: last >= data.total, onclick: () => request({ ...state, offset: state.offset + data.pageSize }) }, 'Next'),
      copyLines,
    );
  }

  start((state, data) => {
    document.getElementById('app').replaceChildren(el('h1', {}, 'Keyword in Context'), controls(state, data), summary(state, data), syntaxNote(data), table(state, data), pager(state, data));
  });
})();
