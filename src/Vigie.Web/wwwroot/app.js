// The map page. Each part is a module that owns its state (js/): url-state the selection, map the markers,
// filters its controls, timeline its range, panel the list and the detail. This file only wires them:
// it hears what the reader did through their callbacks, changes the selection, and asks for the events.
import * as selection from './js/url-state.js';
import { fetchEventFeatures, fetchStats } from './js/api.js';
import { loadVocabulary } from './js/vocabulary.js';
import { createMap } from './js/map.js';
import { createFilters } from './js/filters.js';
import { createTimeline } from './js/timeline.js';
import { createPanel } from './js/panel.js';

const MAP_PAGE_SIZE = 5000;   // the API's maximum page size

let features = [];            // the events of the last answer (GeoJSON features)
let generation = 0;           // answers to an older request are dropped

const panel = createPanel({ onOpen: openEvent, onBack: closeEvent });
const timeline = createTimeline({
  canvas: document.getElementById('timeline'),
  axis: document.getElementById('timeline-axis'),
  label: document.getElementById('range-label'),
  clear: document.getElementById('range-clear'),
}, { onRange: ({ from, to }) => select({ from, to }) });
let map;

/** A new filter value (or several): the open event is closed and the events are asked again. */
function select(changes, { timeline: withTimeline = false } = {}) {
  selection.update({ ...changes, event: '' });
  map?.select('');
  refresh({ timeline: withTimeline });
}

async function refresh({ timeline: withTimeline = false, fit = false } = {}) {
  const mine = ++generation;
  try {
    const [page, stats] = await Promise.all([
      fetchEventFeatures(selection.query(selection.FILTERS), MAP_PAGE_SIZE),
      withTimeline ? fetchStats(selection.query(selection.NON_DATE_FILTERS)) : Promise.resolve(null),
    ]);
    if (mine !== generation) return;
    features = page.features;
    if (stats) timeline.setData(stats.by_day, { from: selection.get('from'), to: selection.get('to') });
    map.showEvents(features);
    if (fit) map.fitToEvents();
    showCount(page.total);
    if (!selection.get('event')) panel.showList(features, null);
  } catch (e) {
    if (mine !== generation) return;
    document.getElementById('count').textContent = `Error: ${e.message}`;
  }
}

function showCount(total) {
  const shown = features.length;
  const placed = features.filter(f => f.geometry).length;
  let text = `${total} event${total === 1 ? '' : 's'}`;
  if (shown < total) text += ` (the map shows the first ${shown})`;
  if (placed < shown) text += `, ${shown - placed} without coordinates`;
  const count = document.getElementById('count');
  count.textContent = text;
  count.dataset.total = String(total);
}

function openEvent(id) {
  selection.update({ event: id });
  map?.select(id);
  panel.showEvent(id);
}

function closeEvent() {
  selection.update({ event: '' });
  map?.select('');
  panel.showList(features, null);
  panel.focusList();
}

async function start() {
  selection.load();
  try {
    await loadVocabulary();
  } catch (e) {
    panel.setNote(`Could not load the labels: ${e.message}`);
  }
  map = createMap(document.getElementById('map'), {
    onOpen: openEvent,
    onGroup: (members, heading) => panel.showList(members, heading),
    onNote: panel.setNote,
  });
  map.select(selection.get('event'));
  const initial = Object.fromEntries(['country', 'type', 'actor', 'source'].map(k => [k, selection.get(k)]));
  await createFilters(document.getElementById('filters'), initial, {
    onChange: (key, value) => select({ [key]: value }, { timeline: true }),
    onReset: () => select(Object.fromEntries(selection.FILTERS.map(k => [k, ''])), { timeline: true }),
    onNote: panel.setNote,
  });
  selection.update({});
  await refresh({ timeline: true, fit: true });
  const open = selection.get('event');
  if (open) openEvent(open);
}

start();
