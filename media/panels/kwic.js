// Keyword in Context: every occurrence of a word, phrase or entity, aligned on the match; sorted by the
// words left or right of it (or by date), filtered by date, paged. A line opens its article at the occurrence.
(function () {
  const { el, textInput, request, open, number, plural, start } = NewsPanel;

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
    const from = el('input', { type: 'date', 'data-focus': 'from', 'aria-label': 'From date', value: state.from || '' });
    const to = el('input', { type: 'date', 'data-focus': 'to', 'aria-label': 'To date', value: state.to || '' });
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
    if (data.dateError) return el('p', { class: 'counts' }, `No occurrences of “${data.label}” in these dates: ${data.dateError}`);
    const counts = `${plural(data.total, 'occurrence')} of “${data.label}” in ${plural(data.articles, 'article')}`;
    if (data.matching <= data.read) return el('p', { class: 'counts' }, counts);
    // Only part of the articles is read: say which, that the order and the dates apply to those, and offer more.
    const more = Math.min(data.step, data.matching - data.read);
    return el(
      'p',
      { class: 'counts' },
      `${counts}: the ${number(data.read)} ${data.order} of ${number(data.matching)}${data.dated ? ' in these dates' : ''}, sorted among themselves. `,
      el('button', { class: 'secondary', 'data-focus': 'more', title: `Read the next ${plural(more, 'article')} and sort their occurrences with these`, onclick: () => request({ ...state, read: data.read + data.step }) }, `Read ${number(more)} more`),
    );
  }

  /**
   * Moves the keyboard from `row` to the row a key names (arrows, Home, End, Page Up and Down by a screen's worth):
   * the lines are one stop of Tab, not a hundred, so the controls after the list stay near.
   */
  function moveFrom(row, key) {
    const rows = [...row.parentElement.children];
    const at = rows.indexOf(row);
    const page = Math.max(1, Math.floor(window.innerHeight / Math.max(1, row.getBoundingClientRect().height)) - 1);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1, PageDown: at + page, PageUp: at - page }[key];
    if (to === undefined) return false;
    const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
    row.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
    return true;
  }

  function table(data) {
    return el(
      'table',
      { class: 'kwic', 'aria-label': 'Occurrences: the arrow keys move between lines, Enter opens a line\'s article there' },
      el('tbody', {}, data.lines.map((line, index) => {
        const target = { id: line.id, selection: { line: line.line, character: line.character, length: line.length } };
        const row = el(
          'tr',
          { tabindex: index === 0 ? 0 : -1, 'data-focus': `line:${index}`, title: `${line.title}${line.date ? ` (${line.date})` : ''}`, 'aria-label': `${line.left} ${line.match} ${line.right}, ${line.date || 'undated'}` },
          el('td', { class: 'date' }, line.date || 'undated'),
          el('td', { class: 'left' }, el('span', {}, line.left)),
          el('td', { class: 'match' }, line.match),
          el('td', { class: 'right' }, line.right),
        );
        row.addEventListener('click', () => open(target));
        row.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            open(target);
          } else if (moveFrom(row, event.key)) {
            event.preventDefault();
          }
        });
        return row;
      })),
    );
  }

  function pager(state, data) {
    if (data.total <= data.pageSize) return el('div');
    const last = Math.min(data.total, state.offset + data.pageSize);
    return el(
      'div',
      { class: 'toolbar' },
      el('button', { class: 'secondary', 'data-focus': 'previous', disabled: state.offset === 0, onclick: () => request({ ...state, offset: Math.max(0, state.offset - data.pageSize) }) }, 'Previous'),
      el('span', {}, `${number(state.offset + 1)}–${number(last)} of ${number(data.total)}`),
      el('button', { class: 'secondary', 'data-focus': 'next', disabled: last >= data.total, onclick: () => request({ ...state, offset: state.offset + data.pageSize }) }, 'Next'),
    );
  }

  start((state, data) => {
    document.getElementById('app').replaceChildren(el('h1', {}, 'Keyword in Context'), controls(state, data), summary(state, data), syntaxNote(data), table(data), pager(state, data));
  });
})();
