// The map page: filters, clustered event markers on an offline basemap, a timeline with a
// draggable date range, and a side panel with each event's sources, claims and evidence.
import { TYPES, label, countryName, api, el, highlighted, mergeSpans, safeLink, dateText } from './common.js';

const FILTERS = ['country', 'type', 'actor', 'source', 'from', 'to'];
const MAP_PAGE_SIZE = 5000;   // the API's maximum page size
const CELL = 44;              // clustering grid, in screen pixels
const LIST_MAX = 300;
const LEGEND_CLOSED_BELOW = 1000; // viewport width, px

const state = Object.fromEntries(FILTERS.map(k => [k, '']));
state.event = '';

let map, markerLayer, features = [], total = 0, selectedMarker = null;
const markersById = new Map();

// ---------- URL state ----------

function readUrl() {
  const p = new URLSearchParams(location.search);
  for (const k of [...FILTERS, 'event']) state[k] = (p.get(k) ?? '').slice(0, 100);
}

function writeUrl() {
  const p = new URLSearchParams();
  for (const k of [...FILTERS, 'event']) if (state[k]) p.set(k, state[k]);
  const query = p.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

function filterQuery(keys) {
  const p = new URLSearchParams();
  for (const k of keys) if (state[k]) p.set(k, state[k]);
  return p;
}

// ---------- map ----------

function initMap() {
  map = L.map('map', { zoomControl: true, attributionControl: false, minZoom: 2, maxZoom: 14, worldCopyJump: true })
    .setView([20, 20], 3);
  L.control.attribution({ prefix: false }).addAttribution('Borders: Natural Earth (world-atlas); places: GeoNames').addTo(map);
  // place names sit above the borders and under the event markers, and never take a click
  map.createPane('labels').style.zIndex = 450;
  map.getPane('labels').style.pointerEvents = 'none';
  markerLayer = L.layerGroup().addTo(map);
  map.on('zoomend', drawMarkers);
  addLegend();
  loadBasemap();
  loadPlaces();
}

// ---------- place names ----------

// [name, lat, lon, rank, population] from vendor/places/places.json (scripts/setup builds it from the
// gazetteer's GeoNames cities500). Rank 0 capitals, 1 towns of 1 M or more, 2 of 300 k, 3 of 100 k.
const PLACE_MIN_ZOOM = [3, 5, 6, 7];
let places = [];
let placeLayer = null;

async function loadPlaces() {
  try {
    const response = await fetch('vendor/places/places.json');
    if (!response.ok) throw new Error(response.statusText);
    places = (await response.json()).sort((a, b) => a[3] - b[3] || b[4] - a[4]);
    placeLayer = L.layerGroup().addTo(map);
    map.on('moveend', drawPlaces);
    drawPlaces();
  } catch (e) {
    setNote(`The place names could not be loaded (${e.message}); run scripts/setup.`);
  }
}

// The names for the view: by rank then population, those the zoom allows, skipping any whose box
// would overlap one already placed.
function drawPlaces() {
  if (!placeLayer) return;
  placeLayer.clearLayers();
  const zoom = map.getZoom(), bounds = map.getBounds().pad(0.1), taken = [];
  let shown = 0;
  for (const [name, lat, lon, rank] of places) {
    if (zoom < PLACE_MIN_ZOOM[rank] || shown >= 300) continue;
    if (!bounds.contains([lat, lon])) continue;
    const p = map.latLngToLayerPoint([lat, lon]);
    const w = name.length * 6.5 + 10, box = { x0: p.x - 3, y0: p.y - 8, x1: p.x + w, y1: p.y + 8 };
    if (taken.some(t => box.x0 < t.x1 && t.x0 < box.x1 && box.y0 < t.y1 && t.y0 < box.y1)) continue;
    taken.push(box);
    const label = el('span', rank === 0 ? 'place capital' : 'place');
    label.textContent = name;
    placeLayer.addLayer(L.marker([lat, lon], {
      pane: 'labels', interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'place-icon', html: label, iconSize: null, iconAnchor: [3, 3] }),
    }));
    shown++;
  }
}

async function loadBasemap() {
  try {
    const response = await fetch('vendor/world-atlas/countries-50m.json');
    if (!response.ok) throw new Error(response.statusText);
    const topo = await response.json();
    const countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, { interactive: false, style: { color: '#7a8794', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 } })
      .addTo(map).bringToBack();
  } catch (e) {
    setNote(`The basemap could not be loaded (${e.message}); run scripts/setup.`);
  }
}

function addLegend() {
  const legend = L.control({ position: 'topright' });
  legend.onAdd = () => {
    // collapsible; closed where it would cover much of the map (the panel takes the side up to 1000 px),
    // and it follows the width until the reader opens or closes it
    const box = el('details', 'legend');
    const narrow = window.matchMedia(`(max-width: ${LEGEND_CLOSED_BELOW}px)`);
    let touched = false;
    box.open = !narrow.matches;
    narrow.addEventListener('change', () => { if (!touched) box.open = !narrow.matches; });
    box.addEventListener('click', e => { if (e.target.closest('summary')) touched = true; });
    box.append(el('summary', null, 'Legend'));
    const list = el('ul');
    for (const [code, name] of TYPES) {
      const item = el('li');
      item.append(el('span', `swatch t-${code}`), document.createTextNode(name));
      list.append(item);
    }
    box.append(list, el('p', 'note', 'Size: best fatality estimate. Numbers: grouped events (click to zoom in).'));
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);
}

function eventTitle(p) {
  const place = p.location?.name ?? 'place unknown';
  return `${label(p.type)} — ${place} — ${p.date_start ?? 'date unknown'}`;
}

function eventMarker(f) {
  const p = f.properties;
  const best = p.fatalities?.best ?? 0;
  const d = Math.round(Math.min(40, 14 + 4 * Math.sqrt(best)));
  const icon = L.divIcon({ className: `vg-event t-${p.type}`, html: '', iconSize: [d, d] });
  const m = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { icon, keyboard: true, title: eventTitle(p), riseOnHover: true });
  m.on('click', () => openEvent(p.id));
  markersById.set(p.id, m);
  return m;
}

function clusterMarker(members, center) {
  const counts = new Map();
  for (const f of members) counts.set(f.properties.type, (counts.get(f.properties.type) ?? 0) + 1);
  const dominant = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const d = Math.round(Math.min(54, 26 + 6 * Math.log2(members.length)));
  const count = el('span', null, String(members.length));
  const icon = L.divIcon({ className: `vg-cluster t-${dominant}`, html: count, iconSize: [d, d] });
  const m = L.marker(center, { icon, keyboard: true, title: `${members.length} events here — zoom in` });
  m.on('click', () => {
    const bounds = L.latLngBounds(members.map(f => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    if (map.getZoom() >= map.getMaxZoom() || bounds.getNorthEast().equals(bounds.getSouthWest())) showList(members, `${members.length} events at this place`);
    else map.fitBounds(bounds.pad(0.3), { maxZoom: map.getMaxZoom() });
  });
  return m;
}

/** Grid clustering in screen space at the current zoom: one marker per cell holding several events. */
function drawMarkers() {
  markerLayer.clearLayers();
  markersById.clear();
  selectedMarker = null;
  const zoom = map.getZoom();
  const cells = new Map();
  for (const f of features) {
    if (!f.geometry) continue;
    const pt = map.project([f.geometry.coordinates[1], f.geometry.coordinates[0]], zoom);
    const key = `${Math.floor(pt.x / CELL)}:${Math.floor(pt.y / CELL)}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, cell = { members: [], x: 0, y: 0 });
    cell.members.push(f);
    cell.x += pt.x; cell.y += pt.y;
  }
  for (const cell of cells.values()) {
    if (cell.members.length === 1) markerLayer.addLayer(eventMarker(cell.members[0]));
    else markerLayer.addLayer(clusterMarker(cell.members, map.unproject([cell.x / cell.members.length, cell.y / cell.members.length], zoom)));
  }
  markSelected();
}

function markSelected() {
  selectedMarker?.getElement()?.classList.remove('selected');
  selectedMarker = markersById.get(state.event) ?? null;
  selectedMarker?.getElement()?.classList.add('selected');
}

function fitToEvents() {
  const points = features.filter(f => f.geometry).map(f => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
  if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 8 });
}

// ---------- filters ----------

async function initFilters() {
  const type = document.getElementById('f-type');
  for (const [code, name] of TYPES) type.append(new Option(name, code));
  try {
    const stats = await api('/api/stats');
    const country = document.getElementById('f-country');
    const byName = stats.by_country.map(r => [r.key, countryName(r.key)]).sort((a, b) => a[1].localeCompare(b[1]));
    for (const [code, name] of byName) country.append(new Option(`${name} (${code})`, code));
    fillDatalist('actor-names', stats.by_actor);
    fillDatalist('source-names', stats.by_source);
  } catch (e) {
    setNote(`Could not load the filter choices: ${e.message}`);
  }
  for (const k of ['country', 'type', 'actor', 'source']) {
    const control = document.getElementById(`f-${k}`);
    if (control.tagName === 'SELECT' && state[k] && ![...control.options].some(o => o.value === state[k])) control.append(new Option(state[k], state[k]));
    control.value = state[k];
    control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'change', () => {
      state[k] = control.value.trim();
      state.event = '';
      refresh({ timeline: true });
    });
  }
  document.getElementById('filters').addEventListener('submit', e => e.preventDefault());
  document.getElementById('f-reset').addEventListener('click', () => {
    for (const k of FILTERS) state[k] = '';
    state.event = '';
    for (const k of ['country', 'type', 'actor', 'source']) document.getElementById(`f-${k}`).value = '';
    refresh({ timeline: true });
  });
}

function fillDatalist(id, rows) {
  const list = document.getElementById(id);
  for (const r of rows.slice(0, 300)) list.append(new Option(r.key));
}

// ---------- loading ----------

let generation = 0;

async function refresh({ timeline = false, fit = false } = {}) {
  writeUrl();
  const mine = ++generation;
  const q = filterQuery(FILTERS);
  q.set('format', 'geojson');
  q.set('page_size', String(MAP_PAGE_SIZE));
  try {
    const [page, stats] = await Promise.all([
      api(`/api/events?${q}`),
      timeline ? api(`/api/stats?${filterQuery(['country', 'type', 'actor', 'source'])}`) : Promise.resolve(null),
    ]);
    if (mine !== generation) return;
    features = page.features;
    total = page.total;
    if (stats) Timeline.setData(stats.by_day);
    drawMarkers();
    if (fit) fitToEvents();
    renderCount();
    if (!state.event) showList(features, null);
  } catch (e) {
    if (mine !== generation) return;
    document.getElementById('count').textContent = `Error: ${e.message}`;
  }
}

function renderCount() {
  const shown = features.length;
  const placed = features.filter(f => f.geometry).length;
  let text = `${total} event${total === 1 ? '' : 's'}`;
  if (shown < total) text += ` (the map shows the first ${shown})`;
  if (placed < shown) text += `, ${shown - placed} without coordinates`;
  const count = document.getElementById('count');
  count.textContent = text;
  count.dataset.total = String(total);
}

function setNote(text) {
  document.getElementById('list-note').textContent = text;
}

// ---------- side panel ----------

function showList(list, heading) {
  document.getElementById('detail-view').hidden = true;
  document.getElementById('list-view').hidden = false;
  document.querySelector('#list-view .panel-title').textContent = heading ?? 'Events';
  const ol = document.getElementById('event-list');
  ol.replaceChildren();
  const sorted = [...list].sort((a, b) => (b.properties.date_start ?? '').localeCompare(a.properties.date_start ?? ''));
  for (const f of sorted.slice(0, LIST_MAX)) {
    const p = f.properties;
    const button = el('button', `event-item t-${p.type}`);
    button.type = 'button';
    button.append(el('span', 'swatch'), el('span', 'when', p.date_start ?? '?'), el('span', 'what', label(p.subtype ?? p.type)),
      el('span', 'where', p.location?.name ?? 'place unknown'));
    if (p.fatalities?.best != null) button.append(el('span', 'toll', `${p.fatalities.best} killed`));
    button.addEventListener('click', () => openEvent(p.id));
    const li = el('li');
    li.append(button);
    ol.append(li);
  }
  if (list.length > LIST_MAX) setNote(`The list shows ${LIST_MAX} of ${list.length}; narrow the filters to see the rest.`);
  else if (list.length === 0) setNote('No event matches these filters.');
  else setNote('');
}

async function openEvent(id) {
  state.event = id;
  writeUrl();
  markSelected();
  const article = document.getElementById('detail');
  document.getElementById('list-view').hidden = true;
  document.getElementById('detail-view').hidden = false;
  article.replaceChildren(el('p', 'note', 'Loading…'));
  try {
    const detail = await api(`/api/events/${encodeURIComponent(id)}`);
    if (state.event !== id) return;
    article.replaceChildren(...renderDetail(detail));
  } catch (e) {
    article.replaceChildren(el('p', 'error', `Could not load the event: ${e.message}`));
  }
  article.focus();
}

function row(dl, term, value) {
  if (value === undefined || value === null || value === '') return;
  dl.append(el('dt', null, term));
  const dd = el('dd');
  if (value instanceof Node) dd.append(value); else dd.textContent = String(value);
  dl.append(dd);
}

const PRECISION = { 1: 'the place itself', 2: 'near the place or part of a region', 3: 'only the region or country' };

function actorText(a) {
  if (!a) return null;
  return a.kind ? `${a.name} (${label(a.kind).toLowerCase()})` : a.name;
}

function renderDetail({ event: ev, mentions, claims }) {
  const out = [];
  out.push(el('h2', `detail-title t-${ev.type}`, label(ev.type)));
  if (ev.subtype) out.push(el('p', 'subtype', label(ev.subtype)));

  const dl = el('dl', 'facts');
  row(dl, 'Date', dateText(ev));
  const loc = ev.location;
  if (loc) {
    const where = [loc.name, loc.admin1, countryName(loc.country)].filter(Boolean).join(', ');
    row(dl, 'Place', loc.precision ? `${where} — ${PRECISION[loc.precision] ?? `precision ${loc.precision}`}` : where);
    if (loc.lat != null && loc.lon != null) row(dl, 'Coordinates', `${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}`);
  }
  row(dl, 'Actor 1', actorText(ev.actor1) ?? 'not named');
  row(dl, 'Actor 2', actorText(ev.actor2));
  const f = ev.fatalities;
  row(dl, 'Fatalities', f && (f.low != null || f.best != null || f.high != null)
    ? `low ${f.low ?? '–'} · best ${f.best ?? '–'} · high ${f.high ?? '–'}` : 'no figure for this event');
  if (ev.modality && ev.modality !== 'asserted') row(dl, 'Status', label(ev.modality));
  row(dl, 'Reported by', ev.sources.join(', '));
  out.push(dl);

  if (claims.length) {
    out.push(el('h3', null, 'What each source claims'));
    const table = el('table', 'claims');
    const head = el('tr');
    head.append(el('th', null, 'Source'), el('th', null, 'Killed'), el('th', null, 'In'));
    table.append(head);
    for (const c of claims) {
      const tr = el('tr');
      const docCell = el('td');
      docCell.append(docLink(c.document_id, ev.id, c.document_name || 'document'));
      tr.append(el('td', null, c.source ?? 'the article'), el('td', 'num', c.fatalities ?? '–'), docCell);
      table.append(tr);
    }
    out.push(table);
  }

  out.push(el('h3', null, `Evidence (${mentions.length} mention${mentions.length === 1 ? '' : 's'})`));
  for (const m of mentions) {
    const section = el('section', 'mention');
    const head = el('p', 'mention-head');
    head.append(el('strong', null, m.document_title || m.document_name || 'Document'));
    const meta = [m.document_date, m.source ? `according to ${m.source}` : null,
      m.modality && m.modality !== 'asserted' ? label(m.modality) : null,
      m.fatalities != null ? `${m.fatalities} killed` : null].filter(Boolean).join(' · ');
    if (meta) head.append(el('span', 'note', ` ${meta}`));
    section.append(head);
    for (const s of m.sentences) {
      const quote = el('blockquote', 'evidence');
      quote.append(highlighted(s.text, 0, s.text.length,
        mergeSpans(s.highlights).map(h => ({ start: h[0] - s.start, end: h[1] - s.start, cls: 'ev' }))));
      section.append(quote);
    }
    const links = el('p', 'links');
    links.append(docLink(m.document_id, ev.id, 'Open the whole document'));
    if (m.url) links.append(document.createTextNode(' · '), safeLink(m.url, 'original page'));
    section.append(links);
    out.push(section);
  }
  return out;
}

function docLink(documentId, eventId, text) {
  const a = el('a', 'doc-link', text);
  a.href = `document.html?${new URLSearchParams({ id: documentId, event: eventId })}`;
  return a;
}

// ---------- timeline ----------

const Timeline = (() => {
  const canvas = document.getElementById('timeline');
  const DAY = 86400000;
  const axis = document.getElementById('timeline-axis');
  let bins = [];          // {start: ms, end: ms (inclusive day), count}
  let spanMs = 0;         // from the first bin's start to the day after the last bin's end
  let sel = null;         // {a, b} bin indexes, a <= b
  let drag = null;

  const toMs = s => Date.parse(`${s}T00:00:00Z`);
  const toDay = ms => new Date(ms).toISOString().slice(0, 10);
  // One date rule with the API and the command line: a month (2019-08) covers the whole month,
  // a year (2019) the whole year. firstMs/lastMs give the first and last day a filter value covers.
  const firstMs = s => /^\d{4}$/.test(s) ? toMs(`${s}-01-01`) : /^\d{4}-\d{2}$/.test(s) ? toMs(`${s}-01`) : toMs(s);
  const lastMs = s => {
    if (/^\d{4}$/.test(s)) return toMs(`${s}-12-31`);
    if (/^\d{4}-\d{2}$/.test(s)) { const [y, m] = s.split('-').map(Number); return Date.UTC(y, m, 0); }
    return toMs(s);
  };
  const partial = s => /^\d{4}(-\d{2})?$/.test(s);

  function setData(rows) {
    const days = rows.filter(r => /^\d{4}-\d{2}-\d{2}$/.test(r.key)).map(r => ({ t: toMs(r.key), n: r.events })).filter(r => !Number.isNaN(r.t));
    bins = [];
    if (days.length) {
      const min = Math.min(...days.map(d => d.t)), max = Math.max(...days.map(d => d.t));
      const span = (max - min) / DAY + 1;
      const width = span <= 200 ? 1 : span <= 1400 ? 7 : 30;
      const count = Math.ceil(span / width);
      for (let i = 0; i < count; i++) bins.push({ start: min + i * width * DAY, end: min + ((i + 1) * width - 1) * DAY, count: 0 });
      for (const d of days) bins[Math.floor((d.t - min) / DAY / width)].count += d.n;
    }
    spanMs = bins.length ? bins.at(-1).end + DAY - bins[0].start : 0;
    sel = null;
    if (bins.length && (state.from || state.to)) {
      const from = state.from ? firstMs(state.from) : bins[0].start, to = state.to ? lastMs(state.to) : bins.at(-1).end;
      let a = bins.findIndex(b => b.end >= from), b = bins.findLastIndex(bn => bn.start <= to);
      if (a >= 0 && b >= a) sel = { a, b };
    }
    canvas.setAttribute('aria-label', bins.length ? `Events per ${bins.length > 1 && bins[1].start - bins[0].start > DAY ? 'period' : 'day'} from ${toDay(bins[0].start)} to ${toDay(bins.at(-1).end)}` : 'No dated events');
    draw();
    showRange();
  }

  function draw() {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    canvas.width = Math.max(1, Math.round(w * ratio));
    canvas.height = Math.max(1, Math.round(h * ratio));
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    if (!bins.length) { g.fillStyle = '#666'; g.font = '12px sans-serif'; g.fillText('No dated events', 8, h / 2); return; }
    const max = Math.max(1, ...bins.map(b => b.count));
    const bw = w / bins.length;
    if (sel) { g.fillStyle = 'rgba(31,119,180,0.15)'; g.fillRect(sel.a * bw, 0, (sel.b - sel.a + 1) * bw, h); }
    for (let i = 0; i < bins.length; i++) {
      const bh = (bins[i].count / max) * (h - 16);
      g.fillStyle = sel && (i < sel.a || i > sel.b) ? '#b8c2cc' : '#2b5d8a';
      g.fillRect(i * bw + (bw > 3 ? 0.5 : 0), h - 12 - bh, Math.max(1, bw - (bw > 3 ? 1 : 0)), bh);
    }
    const ticks = axisTicks(w);
    g.fillStyle = '#888';
    for (const t of ticks) g.fillRect(Math.round(t.x), h - 12, 1, t.year ? 8 : 4);
    drawAxis(ticks);
    if (sel) {
      g.strokeStyle = '#1f77b4'; g.lineWidth = 2;
      g.strokeRect(sel.a * bw + 1, 1, (sel.b - sel.a + 1) * bw - 2, h - 2);
    }
  }

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // Month and year boundaries inside the span: every month when there is room, else every 3 or 6
  // months, else years (every 1, 2, 5 or 10). The first label is the month (and year) of the start.
  function axisTicks(w) {
    if (!bins.length || !spanMs || w <= 0) return [];
    const t0 = bins[0].start, t1 = t0 + spanMs;
    const months = spanMs / (30.44 * DAY), room = w / 60;  // about 60 px per label
    const monthStep = [1, 3, 6].find(m => months / m <= room);
    const yearStep = monthStep ? 0 : [1, 2, 5, 10, 20, 50].find(y => months / 12 / y <= room) ?? 100;
    const start = new Date(t0);
    let y = start.getUTCFullYear(), m = start.getUTCMonth();
    const ticks = [{ x: 0, t: t0, text: `${MONTHS[m]} ${y}`, year: false }];
    for (;;) {
      m++; if (m > 11) { m = 0; y++; }
      const t = Date.UTC(y, m, 1);
      if (t >= t1) break;
      const keep = monthStep ? m % monthStep === 0 : m === 0 && y % yearStep === 0;
      if (!keep) continue;
      ticks.push({ x: (t - t0) / spanMs * w, t, text: m === 0 ? String(y) : MONTHS[m], year: m === 0 });
    }
    return ticks;
  }

  function drawAxis(ticks) {
    if (!axis) return;
    axis.replaceChildren();
    let lastRight = -Infinity;
    const w = axis.clientWidth;
    for (const t of ticks) {
      const el = document.createElement('span');
      el.className = t.year ? 'tick year' : 'tick';
      el.textContent = t.text;
      el.dataset.date = toDay(t.t);
      el.style.left = `${t.x}px`;
      axis.append(el);
      const width = el.offsetWidth;
      if (t.x < lastRight + 6 || t.x + width > w) { el.remove(); continue; }  // no overlap, nothing cut at the right edge
      lastRight = t.x + width;
    }
  }

  function showRange(dragging = false) {
    let text = 'All dates';
    if (!dragging && (state.from || state.to)) {
      // the filter as given: a month stays a month, and its last day is said
      const from = state.from || (bins.length ? toDay(bins[0].start) : '…');
      const to = state.to || (bins.length ? toDay(bins.at(-1).end) : '…');
      text = `${from} to ${to}`;
      if (partial(state.from) || partial(state.to)) {
        const first = state.from ? toDay(firstMs(state.from)) : from, last = state.to ? toDay(lastMs(state.to)) : to;
        text += ` (${first} to ${last} inclusive)`;
      }
    } else if (sel) text = `${toDay(bins[sel.a].start)} to ${toDay(bins[sel.b].end)}`;
    document.getElementById('range-label').textContent = text;
    document.getElementById('range-clear').hidden = !sel && (dragging || (!state.from && !state.to));
  }

  function commit() {
    state.from = sel ? toDay(bins[sel.a].start) : '';
    state.to = sel ? toDay(bins[sel.b].end) : '';
    state.event = '';
    showRange();
    refresh();
  }

  const binAt = x => Math.max(0, Math.min(bins.length - 1, Math.floor(x / (canvas.clientWidth / bins.length))));

  canvas.addEventListener('pointerdown', e => {
    if (!bins.length) return;
    canvas.setPointerCapture(e.pointerId);
    const i = binAt(e.offsetX);
    const mode = sel && i >= sel.a && i <= sel.b && sel.b > sel.a ? 'move' : 'new';
    drag = { mode, origin: i, start: sel ? { ...sel } : null, moved: false };
    if (mode === 'new') sel = { a: i, b: i };
    draw();
  });
  canvas.addEventListener('pointermove', e => {
    if (!drag) return;
    const i = binAt(e.offsetX);
    if (i !== drag.origin) drag.moved = true;
    if (drag.mode === 'new') sel = { a: Math.min(drag.origin, i), b: Math.max(drag.origin, i) };
    else {
      const len = drag.start.b - drag.start.a;
      const a = Math.max(0, Math.min(bins.length - 1 - len, drag.start.a + i - drag.origin));
      sel = { a, b: a + len };
    }
    draw(); showRange(true);
  });
  const end = () => { if (!drag) return; drag = null; commit(); };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('keydown', e => {
    if (!bins.length) return;
    if (e.key === 'Escape') { sel = null; draw(); commit(); e.preventDefault(); return; }
    const step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
    if (!step) return;
    e.preventDefault();
    if (!sel) sel = { a: step > 0 ? 0 : bins.length - 1, b: step > 0 ? 0 : bins.length - 1 };
    else if (e.shiftKey) sel = { a: sel.a, b: Math.max(sel.a, Math.min(bins.length - 1, sel.b + step)) };
    else if (sel.a + step >= 0 && sel.b + step < bins.length) sel = { a: sel.a + step, b: sel.b + step };
    draw(); commit();
  });
  document.getElementById('range-clear').addEventListener('click', () => { sel = null; draw(); commit(); });
  new ResizeObserver(() => draw()).observe(canvas);

  return { setData };
})();

// ---------- start ----------

async function start() {
  readUrl();
  initMap();
  document.getElementById('back').addEventListener('click', () => {
    state.event = '';
    writeUrl();
    markSelected();
    showList(features, null);
    document.getElementById('event-list').querySelector('button')?.focus();
  });
  await initFilters();
  await refresh({ timeline: true, fit: true });
  if (state.event) openEvent(state.event);
}

start();
