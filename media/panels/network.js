// Entity Network: the entities named in the same articles as the centre, on a circle around it, edges as
// wide as their shared articles, nodes coloured by type. Click (Enter) re-centres; double-click (Shift+Enter)
// lists the shared articles.
(function () {
  const { el, svg, request, search, copy, plural, width, isWorkbenchChord, start } = NewsPanel;
  const HEIGHT = 460;
  const TYPE_NAMES = { PER: 'person', LOC: 'place', ORG: 'organization', MISC: 'other name' };
  /** The legend's order and words for the node colours. */
  const TYPE_GROUPS = [
    ['PER', 'People'],
    ['LOC', 'Places'],
    ['ORG', 'Organizations'],
    ['MISC', 'Other names'],
  ];
  const DOUBLE_CLICK_MS = 250;
  /**
   * The fewest shared articles ranking by PMI moves the slider up to: a name of one article that shares it with the
   * centre has the highest PMI there is, and such flukes filled the network (ux38: "Capitol) Hill", "Economics").
   */
  const PMI_MIN_SHARED = 3;

  function controls(state, data) {
    const minShared = el('input', { type: 'range', min: 1, max: data.limits.maxMinShared, value: state.minShared, 'data-focus': 'min', 'aria-label': 'Minimum shared articles' });
    const maxNodes = el('input', { type: 'number', min: data.limits.min, max: data.limits.max, value: state.maxNodes, 'data-focus': 'max', 'aria-label': 'Most nodes' });
    const measure = el(
      'select',
      { 'data-focus': 'measure', 'aria-label': 'Rank neighbours by' },
      el('option', { value: 'shared', selected: state.measure === 'shared' }, 'Rank by shared articles'),
      el('option', { value: 'pmi', selected: state.measure === 'pmi' }, 'Rank by PMI (discounts common entities)'),
    );
    minShared.addEventListener('change', () => request({ ...state, minShared: Number(minShared.value) }));
    maxNodes.addEventListener('change', () => request({ ...state, maxNodes: Number(maxNodes.value) }));
    measure.addEventListener('change', () => {
      const { minSharedBeforePmi, ...rest } = state;
      if (measure.value !== 'pmi') {
        // Back to shared articles, the minimum PMI raised is given back (ux38b: it stuck at 3, hiding names unsaid).
        request({ ...rest, measure: measure.value, minShared: minSharedBeforePmi ?? state.minShared });
        return;
      }
      // Never above the centre's own articles, which would leave it alone; the slider may be moved back down.
      const floor = Math.min(PMI_MIN_SHARED, data.nodes[0]?.articles ?? 1);
      request({ ...rest, measure: 'pmi', minShared: Math.max(state.minShared, floor), minSharedBeforePmi: state.minShared });
    });
    return el(
      'div',
      { class: 'toolbar' },
      el('label', { title: state.measure === 'pmi' ? 'Ranked by PMI, a name of one article that shares it with the centre ranks first: the minimum keeps such names out' : '' }, `At least ${plural(state.minShared, 'shared article')} `, minShared),
      el('label', {}, 'Most nodes ', maxNodes),
      measure,
    );
  }

  /** Space kept between a label and the chart's edge, and between two labels. */
  const LABEL_GAP = 4;
  /** The names' font size, as panels.css draws them (`.network g.node text`): measured in it to fit them. */
  const LABEL_FONT_PX = 12;
  const LINE_PX = 14;
  /** The ring is never narrower than this share of the chart's half width, however long the names: they are cut instead. */
  const MIN_RADIUS_SHARE = 0.45;
  /** How much taller than wide (or wider than tall) the ring may be drawn, to use a narrow or a wide chart's room. */
  const MAX_STRETCH = 1.5;

  let measurer;
  /** How wide `text` is drawn in the labels' font. */
  function textWidth(text) {
    if (!measurer) {
      measurer = document.createElement('canvas').getContext('2d');
      measurer.font = `${LABEL_FONT_PX}px ${getComputedStyle(document.body).fontFamily}`;
    }
    return measurer.measureText(text).width;
  }

  function nodeRadius(node, maxArticles) {
    return 6 + 14 * Math.sqrt(node.articles / maxArticles);
  }

  /** Which way a neighbour's label runs from its node: outward, so that names do not cross the edges. */
  function anchorOf(cos) {
    return Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
  }

  /**
   * The neighbours on a ring around the centre, as wide and as tall as the measured names leave room for: a fixed
   * 60 px margin cut "South Carolina" to "th Carolina" in a 760 px window, and left a wide one's top and bottom empty.
   */
  function layout(nodes, w, maxArticles) {
    const center = { x: w / 2, y: HEIGHT / 2 };
    const rest = nodes.slice(1);
    const angles = rest.map((_, index) => (2 * Math.PI * index) / rest.length - Math.PI / 2);
    let rx = w / 2 - LABEL_GAP;
    let ry = HEIGHT / 2 - LABEL_GAP;
    rest.forEach((node, index) => {
      const cos = Math.cos(angles[index]);
      const sin = Math.sin(angles[index]);
      const r = nodeRadius(node, maxArticles);
      const label = textWidth(node.name);
      const across = anchorOf(cos) === 'middle' ? label / 2 : r + LABEL_GAP + label;
      if (Math.abs(cos) > 0.01) rx = Math.min(rx, (w / 2 - LABEL_GAP - across) / Math.abs(cos));
      if (Math.abs(sin) > 0.01) ry = Math.min(ry, (HEIGHT / 2 - LABEL_GAP - r - LINE_PX - 8) / Math.abs(sin));
    });
    rx = Math.max(rx, (w / 2) * MIN_RADIUS_SHARE);
    [rx, ry] = [Math.min(rx, ry * MAX_STRETCH), Math.min(ry, rx * MAX_STRETCH)];
    const places = new Map([[nodes[0].key, center]]);
    // Each name's direction is kept with its place: the labels run the way this layout kept room for.
    rest.forEach((node, index) => {
      const cos = Math.cos(angles[index]);
      const sin = Math.sin(angles[index]);
      places.set(node.key, { x: center.x + rx * cos, y: center.y + ry * sin, cos, sin, anchor: anchorOf(cos) });
    });
    return places;
  }

  /** `name` cut with an ellipsis to at most `room` pixels, or '' when not even a letter fits. */
  function fitted(name, room) {
    if (textWidth(name) <= room) return name;
    for (let length = name.length - 1; length > 0; length--) {
      const cut = `${name.slice(0, length).trimEnd()}…`;
      if (textWidth(cut) <= room) return cut;
    }
    return '';
  }

  /**
   * Places the neighbours' names outside the circle in the order they come (the strongest link first), each where it overlaps no name placed
   * before it: at its node, else a line further out or in, or beside its circle; a name that still overlaps is left out (the node's tooltip and
   * its accessible name keep it), one cut at the chart's edge ends in an ellipsis. Names crowded at the top of a
   * wide chart ("American", "United States" and "Donald Trump") were drawn over each other.
   */
  function labels(nodes, places, w, maxArticles) {
    const drawn = [];
    const boxOf = (x, y, anchor, width) => {
      const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
      return { left, right: left + width, top: y - LABEL_FONT_PX, bottom: y + 3 };
    };
    const overlaps = (box) => drawn.some((other) => box.left < other.right + LABEL_GAP && other.left < box.right + LABEL_GAP && box.top < other.bottom && other.top < box.bottom);
    // Whether a name's box crosses its own node's circle (a line nearer the centre may).
    const meetsCircle = (box, x, y, r) => {
      const nearestX = Math.max(box.left, Math.min(x, box.right));
      const nearestY = Math.max(box.top, Math.min(y, box.bottom));
      return (nearestX - x) ** 2 + (nearestY - y) ** 2 < r * r;
    };
    const result = new Map();
    for (const node of nodes) {
      const place = places.get(node.key);
      const r = nodeRadius(node, maxArticles);
      // The centre's place has no direction: its name goes under it.
      if (place.anchor === undefined) {
        const y = place.y + r + LINE_PX;
        drawn.push(boxOf(place.x, y, 'middle', textWidth(node.name)));
        result.set(node.key, { x: place.x, y, anchor: 'middle', text: node.name });
        continue;
      }
      const { cos, sin, anchor } = place;
      const outward = sin >= 0 ? 1 : -1;
      const x = place.x + cos * (r + LABEL_GAP);
      const y = place.y + sin * (r + 8) + 4;
      // At its node, a line further out, a line nearer the centre, two lines out, then beside its circle on either
      // side: further out may leave the chart at its top or bottom, and nearer the centre cross the node (Donald
      // Trump's name, the second strongest of Twitter's, was left out so).
      const spots = [
        ...[0, outward, -outward, 2 * outward].map((lines) => ({ x, y: y + lines * LINE_PX, anchor })),
        { x: place.x + r + LABEL_GAP, y: place.y + 4, anchor: 'start' },
        { x: place.x - r - LABEL_GAP, y: place.y + 4, anchor: 'end' },
      ];
      for (const spot of spots) {
        const room = spot.anchor === 'start' ? w - LABEL_GAP - spot.x : spot.anchor === 'end' ? spot.x - LABEL_GAP : 2 * Math.min(spot.x, w - spot.x) - 2 * LABEL_GAP;
        const text = fitted(node.name, room);
        if (text === '') continue;
        const box = boxOf(spot.x, spot.y, spot.anchor, textWidth(text));
        if (box.top < 0 || box.bottom > HEIGHT || overlaps(box) || meetsCircle(box, place.x, place.y, r)) continue;
        drawn.push(box);
        result.set(node.key, { x: spot.x, y: spot.y, anchor: spot.anchor, text });
        break;
      }
    }
    return result;
  }

  function graph(state, data) {
    const w = width();
    const maxShared = Math.max(1, ...data.edges.map((edge) => edge.shared));
    const maxArticles = Math.max(1, ...data.nodes.map((node) => node.articles));
    const places = layout(data.nodes, w, maxArticles);
    const names = labels(data.nodes, places, w, maxArticles);
    const root = svg('svg', { class: 'chart network', width: w, height: HEIGHT, role: 'group', 'aria-label': 'Co-occurrence graph' });
    // The centre is the first node: the state's may be the key the entity had before a rename.
    const centerKey = data.nodes[0] && data.nodes[0].key;
    const strokeWidth = (shared) => 1 + (5 * shared) / maxShared;
    // Edges between neighbours as one path per number of shared articles (same width, same tooltip): 60 nodes
    // have over 1,500 of them, and an element (and a title) each made drawing them most of the page's time.
    const chords = new Map();
    for (const edge of data.edges) {
      const a = places.get(edge.from);
      const b = places.get(edge.to);
      if (!a || !b) continue;
      if (edge.from !== centerKey) {
        chords.set(edge.shared, `${chords.get(edge.shared) || ''}M${a.x.toFixed(1)} ${a.y.toFixed(1)}L${b.x.toFixed(1)} ${b.y.toFixed(1)}`);
        continue;
      }
      root.append(svg('line', { class: 'spoke', x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': strokeWidth(edge.shared) }, svg('title', {}, plural(edge.shared, 'shared article'))));
      root.append(svg('text', { class: 'edge-label', x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 3, 'text-anchor': 'middle' }, String(edge.shared)));
    }
    for (const [shared, path] of chords) {
      root.append(svg('path', { class: 'chord', d: path, 'stroke-width': strokeWidth(shared) }, svg('title', {}, `${plural(shared, 'shared article')} between neighbours`)));
    }
    // One Tab stop for the graph, the arrows between its nodes (centre first, then the strongest): each node a stop
    // of its own made 26 presses of Tab to leave a graph of 25 (ux34).
    const groups = [];
    const moveTo = (at) => groups[Math.min(groups.length - 1, Math.max(0, at))]?.focus();
    for (const node of data.nodes) {
      const place = places.get(node.key);
      const isCenter = node.key === centerKey;
      const radius = nodeRadius(node, maxArticles);
      const name = names.get(node.key);
      const label = isCenter ? `${node.name}, ${TYPE_NAMES[node.type]}, ${plural(node.articles, 'article')}, the centre` : `${node.name}, ${TYPE_NAMES[node.type]}, ${plural(node.shared, 'shared article')}`;
      const group = svg(
        'g',
        { class: isCenter ? 'node center' : 'node', tabindex: isCenter ? 0 : -1, role: 'button', 'data-focus': `node:${node.key}`, 'aria-label': `${label}. Enter re-centres, Shift+Enter lists the shared articles; arrow keys move to the next entity.` },
        svg('circle', { class: node.type, cx: place.x, cy: place.y, r: radius }),
        name && svg('text', { x: name.x, y: name.y, 'text-anchor': name.anchor }, name.text),
        svg('title', {}, label),
      );
      let pending;
      group.addEventListener('click', () => {
        clearTimeout(pending);
        pending = setTimeout(() => !isCenter && request({ ...state, center: node.key }), DOUBLE_CLICK_MS);
      });
      group.addEventListener('dblclick', () => {
        clearTimeout(pending);
        search(node.query);
      });
      group.addEventListener('keydown', (event) => {
        const at = groups.indexOf(group);
        const target = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: groups.length - 1 }[event.key];
        if (target !== undefined && !isWorkbenchChord(event)) {
          event.preventDefault();
          moveTo(target);
          return;
        }
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        if (event.shiftKey || isCenter) search(node.query);
        else request({ ...state, center: node.key });
      });
      // The node the keyboard is on is the graph's Tab stop, also when a redraw gives it the focus back.
      group.addEventListener('focus', () => {
        for (const other of groups) other.setAttribute('tabindex', other === group ? '0' : '-1');
      });
      groups.push(group);
      root.append(group);
    }
    return root;
  }

  /**
   * What each node colour means (the colour alone told nothing), each type a toggle that shows or hides its
   * neighbours (ux38: nationality words took 5 of 24 places), and the Copy button.
   */
  function legend(state) {
    const hidden = state.hidden || [];
    const toggle = (type) => request({ ...state, hidden: hidden.includes(type) ? hidden.filter((other) => other !== type) : [...hidden, type] });
    return el(
      'div',
      { class: 'toolbar' },
      el(
        'ul',
        { class: 'legend inline', 'aria-label': 'Node colours: each button shows or hides the neighbours of its type' },
        TYPE_GROUPS.map(([type, name]) =>
          el(
            'li',
            {},
            el(
              'button',
              { class: 'link', 'data-focus': `type:${type}`, 'aria-pressed': String(!hidden.includes(type)), title: `${hidden.includes(type) ? 'Show' : 'Hide'} the ${name.toLowerCase()} around the centre`, onclick: () => toggle(type) },
              el('span', { class: `swatch ${type}`, 'aria-hidden': 'true' }),
              name,
            ),
          ),
        ),
      ),
      el('button', { class: 'secondary', 'data-focus': 'copy', title: 'Copy the neighbours, with their articles and the articles they share with the centre, tab-separated', onclick: copy }, 'Copy Table'),
    );
  }

  start((state, data) => {
    const center = data.nodes[0];
    document.getElementById('app').replaceChildren(
      el('h1', {}, center ? `Entity Network: ${center.name}` : 'Entity Network'),
      el('p', { class: 'hint' }, 'Click a node (or Enter) to centre on it; double-click (or Shift+Enter) to list the articles it shares with the centre. Arrow keys move between nodes.'),
      controls(state, data),
      !center
        ? el('p', { class: 'muted' }, 'No entity: use Show Entity Network on an entity.')
        : data.nodes.length === 1
          ? el('div', {}, legend(state), el('p', { class: 'muted' }, 'No entity of the types shown shares enough articles with this one.'))
          : el('div', {}, legend(state), graph(state, data)),
    );
  });
})();
