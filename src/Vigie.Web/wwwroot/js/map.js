// The map: the offline basemap (Natural Earth borders of world-atlas, no tiles), the legend, place names,
// and the events as markers grouped by a screen-space grid. It owns the Leaflet map, the events it shows and
// which one is selected; it tells the page what the reader clicked through the callbacks given to createMap.
import { fetchAsset } from './api.js';
import { el, cssVar } from './dom.js';
import { eventTypes, typeLabel } from './vocabulary.js';
import { addPlaceNames } from './places.js';

const CELL = 44;                   // clustering grid, in screen pixels
const LEGEND_CLOSED_BELOW = 1000;  // viewport width, px

/**
 * Creates the map in `element`. Callbacks: onOpen(id) when an event is clicked, onGroup(features, heading)
 * when a group of events at one place cannot be zoomed into further, onNote(text) for a problem to show.
 */
export function createMap(element, { onOpen, onGroup, onNote }) {
  const map = L.map(element, { zoomControl: true, attributionControl: false, minZoom: 2, maxZoom: 14, worldCopyJump: true })
    .setView([20, 20], 3);
  L.control.attribution({ prefix: false }).addAttribution('Borders: Natural Earth (world-atlas); places: GeoNames').addTo(map);
  addPlaceNames(map, { onError: onNote });
  const markerLayer = L.layerGroup().addTo(map);
  const markersById = new Map();
  let features = [];
  let selectedId = '';

  map.on('zoomend', drawMarkers);
  addLegend(map);
  addBasemap(map, element, onNote);

  function eventMarker(f) {
    const p = f.properties;
    const best = p.fatalities?.best ?? 0;
    const d = Math.round(Math.min(40, 14 + 4 * Math.sqrt(best)));
    // an event known only by its region or country (precision 3) is drawn apart: its point is the area's, not the place's
    const area = (p.location?.precision ?? 1) >= 3;
    const icon = L.divIcon({ className: `vg-event t-${p.type}${area ? ' vg-area' : ''}`, html: '', iconSize: [d, d] });
    const title = `${typeLabel(p.type)} — ${p.location?.name ?? 'place unknown'}${area ? ' (region or country only)' : ''} — ${p.date_start ?? 'date unknown'}`;
    const m = L.marker(latLng(f), { icon, keyboard: true, title, riseOnHover: true });
    m.on('click', () => onOpen(p.id));
    markersById.set(p.id, m);
    return m;
  }

  function clusterMarker(members, center) {
    const counts = new Map();
    for (const f of members) counts.set(f.properties.type, (counts.get(f.properties.type) ?? 0) + 1);
    const dominant = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const d = Math.round(Math.min(54, 26 + 6 * Math.log2(members.length)));
    const icon = L.divIcon({ className: `vg-cluster t-${dominant}`, html: el('span', null, String(members.length)), iconSize: [d, d] });
    const m = L.marker(center, { icon, keyboard: true, title: `${members.length} events here — zoom in` });
    m.on('click', () => {
      const bounds = L.latLngBounds(members.map(latLng));
      if (map.getZoom() >= map.getMaxZoom() || bounds.getNorthEast().equals(bounds.getSouthWest())) onGroup(members, `${members.length} events at this place`);
      else map.fitBounds(bounds.pad(0.3), { maxZoom: map.getMaxZoom() });
    });
    return m;
  }

  /** Grid clustering in screen space at the current zoom: one marker per cell holding several events. */
  function drawMarkers() {
    markerLayer.clearLayers();
    markersById.clear();
    const zoom = map.getZoom();
    const cells = new Map();
    for (const f of features) {
      if (!f.geometry) continue;
      const pt = map.project(latLng(f), zoom);
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
    for (const [id, m] of markersById) m.getElement()?.classList.toggle('selected', id === selectedId);
  }

  return {
    /** Replaces the events on the map (GeoJSON features; those without geometry are not drawn). */
    showEvents(list) {
      features = list;
      drawMarkers();
    },
    /** Zooms to the events shown. */
    fitToEvents() {
      const points = features.filter(f => f.geometry).map(latLng);
      if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 8 });
    },
    /** Marks the event's marker as the open one ('' for none). */
    select(id) {
      selectedId = id ?? '';
      markSelected();
    },
  };
}

const latLng = f => [f.geometry.coordinates[1], f.geometry.coordinates[0]];

async function addBasemap(map, element, onNote) {
  try {
    const topo = await fetchAsset('vendor/world-atlas/countries-50m.json');
    const countries = topojson.feature(topo, topo.objects.countries);
    // Leaflet draws SVG paths with colours given as values: they are read from app.css
    const style = { color: cssVar('country-border', element), weight: 0.8, fillColor: cssVar('land', element), fillOpacity: 1 };
    L.geoJSON(countries, { interactive: false, style }).addTo(map).bringToBack();
  } catch (e) {
    onNote(`The basemap could not be loaded (${e.message}); run scripts/setup.`);
  }
}

function addLegend(map) {
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
    for (const [code, name] of eventTypes()) {
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
