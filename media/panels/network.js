// Entity Network: the entities named in the same articles as the centre, on a circle around it, edges as
// wide as their shared articles, nodes coloured by type. Click (Enter) re-centres; double-click (Shift+Enter)
// lists the shared articles.
(function () {
  const { el, svg, request, search, plural, width, start } = NewsPanel;
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
    measure.addEventListener('change', () => request({ ...state, measure: measure.value }));
    return el(
      'div',
      { class: 'toolbar' },
      el('label', {}, `At least ${plural(state.minShared, 'shared article')} `, minShared),
      el('label', {}, 'Most nodes ', maxNodes),
      measure,
    );
  }

  function layout(nodes, w) {
    const center = { x: w / 2, y: HEIGHT / 2 };
    const radius = Math.min(w / 2, HEIGHT / 2) - 60;
    const places = new Map([[nodes[0].key, center]]);
    nodes.slice(1).forEach((node, index, rest) => {
      const angle = (2 * Math.PI * index) / rest.length - Math.PI / 2;
      places.set(node.key, { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    });
    return places;
  }

  /** A neighbour's name outside the circle, away from the centre, so that names do not cross the edges. */
  function nodeLabel(name, place, radius, isCenter, w) {
    if (isCenter) return svg('text', { x: place.x, y: place.y + radius + 14, 'text-anchor': 'middle' }, name);
    const dx = place.x - w / 2;
    const dy = place.y - HEIGHT / 2;
    const length = Math.max(1, Math.hypot(dx, dy));
    const anchor = Math.abs(dx) < length * 0.3 ? 'middle' : dx > 0 ? 'start' : 'end';
    return svg('text', { x: place.x + (dx / length) * (radius + 4), y: place.y + (dy / length) * (radius + 8) + 4, 'text-anchor': anchor }, name);
  }

  function graph(state, data) {
    const w = width();
    const places = layout(data.nodes, w);
    const maxShared = Math.max(1, ...data.edges.map((edge) => edge.shared));
    const maxArticles = Math.max(1, ...data.nodes.map((node) => node.articles));
    const root = svg('svg', { class: 'chart network', width: w, height: HEIGHT, role: 'group', 'aria-label': 'Co-occurrence graph' });
    const strokeWidth = (shared) => 1 + (5 * shared) / maxShared;
    // Edges between neighbours as one path per number of shared articles (same width, same tooltip): 60 nodes
    // have over 1,500 of them, and an element (and a title) each made drawing them most of the page's time.
    const chords = new Map();
    for (const edge of data.edges) {
      const a = places.get(edge.from);
      const b = places.get(edge.to);
      if (!a || !b) continue;
      if (edge.from !== state.center) {
        chords.set(edge.shared, `${chords.get(edge.shared) || ''}M${a.x.toFixed(1)} ${a.y.toFixed(1)}L${b.x.toFixed(1)} ${b.y.toFixed(1)}`);
        continue;
      }
      root.append(svg('line', { class: 'spoke', x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': strokeWidth(edge.shared) }, svg('title', {}, plural(edge.shared, 'shared article'))));
      root.append(svg('text', { class: 'edge-label', x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 3, 'text-anchor': 'middle' }, String(edge.shared)));
    }
    for (const [shared, path] of chords) {
      root.append(svg('path', { class: 'chord', d: path, 'stroke-width': strokeWidth(shared) }, svg('title', {}, `${plural(shared, 'shared article')} between neighbours`)));
    }
    for (const node of data.nodes) {
      const place = places.get(node.key);
      const isCenter = node.key === state.center;
      const radius = 6 + 14 * Math.sqrt(node.articles / maxArticles);
      const label = isCenter ? `${node.name}, ${TYPE_NAMES[node.type]}, ${plural(node.articles, 'article')}, the centre` : `${node.name}, ${TYPE_NAMES[node.type]}, ${plural(node.shared, 'shared article')}`;
      const group = svg(
        'g',
        { class: isCenter ? 'node center' : 'node', tabindex: 0, role: 'button', 'data-focus': `node:${node.key}`, 'aria-label': `${label}. Enter re-centres, Shift+Enter lists the shared articles.` },
        svg('circle', { class: node.type, cx: place.x, cy: place.y, r: radius }),
        nodeLabel(node.name, place, radius, isCenter, w),
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
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        if (event.shiftKey || isCenter) search(node.query);
        else request({ ...state, center: node.key });
      });
      root.append(group);
    }
    return root;
  }

  /** What each node colour means, for the types drawn: the colour alone told nothing. */
  function legend(nodes) {
    const drawn = new Set(nodes.map((node) => node.type));
    return el(
      'ul',
      { class: 'legend inline', 'aria-label': 'Node colours' },
      TYPE_GROUPS.filter(([type]) => drawn.has(type)).map(([type, name]) => el('li', {}, el('span', { class: `swatch ${type}`, 'aria-hidden': 'true' }), name)),
    );
  }

  start((state, data) => {
    const center = data.nodes[0];
    document.getElementById('app').replaceChildren(
      el('h1', {}, center ? `Entity Network: ${center.name}` : 'Entity Network'),
      el('p', { class: 'hint' }, 'Click a node (or Enter) to centre on it; double-click (or Shift+Enter) to list the articles it shares with the centre.'),
      controls(state, data),
      !center
        ? el('p', { class: 'muted' }, 'No entity: use Show Entity Network on an entity.')
        : data.nodes.length === 1
          ? el('p', { class: 'muted' }, 'No entity shares enough articles with this one.')
          : el('div', {}, legend(data.nodes), graph(state, data)),
    );
  });
})();
