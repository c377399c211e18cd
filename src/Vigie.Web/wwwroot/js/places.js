// Place names on the map, offline: [name, lat, lon, rank, population] rows of vendor/places/places.json, which
// scripts/setup builds from the gazetteer's GeoNames cities500. Rank 0 capitals, 1 towns of 1 M or more,
// 2 of 300 k, 3 of 100 k. They sit in their own pane, above the borders and under the events, and take no clicks.
import { fetchAsset } from './api.js';
import { el } from './dom.js';

/** The zoom from which each rank is shown. */
const PLACE_MIN_ZOOM = [3, 5, 6, 7];
const MAX_SHOWN = 300;

/** Loads the names and redraws them whenever the view moves; `onError(message)` if they cannot be loaded. */
export async function addPlaceNames(map, { onError }) {
  map.createPane('labels').style.zIndex = 450;
  map.getPane('labels').style.pointerEvents = 'none';
  let places;
  try {
    places = (await fetchAsset('vendor/places/places.json')).sort((a, b) => a[3] - b[3] || b[4] - a[4]);
  } catch (e) {
    onError(`The place names could not be loaded (${e.message}); run scripts/setup.`);
    return;
  }
  const layer = L.layerGroup().addTo(map);
  const draw = () => drawPlaces(map, layer, places);
  map.on('moveend', draw);
  draw();
}

// The names for the view: by rank then population, those the zoom allows, skipping any whose box
// would overlap one already placed.
function drawPlaces(map, layer, places) {
  layer.clearLayers();
  const zoom = map.getZoom(), bounds = map.getBounds().pad(0.1), taken = [];
  let shown = 0;
  for (const [name, lat, lon, rank] of places) {
    if (zoom < PLACE_MIN_ZOOM[rank] || shown >= MAX_SHOWN) continue;
    if (!bounds.contains([lat, lon])) continue;
    const p = map.latLngToLayerPoint([lat, lon]);
    const w = name.length * 6.5 + 10, box = { x0: p.x - 3, y0: p.y - 8, x1: p.x + w, y1: p.y + 8 };
    if (taken.some(t => box.x0 < t.x1 && t.x0 < box.x1 && box.y0 < t.y1 && t.y0 < box.y1)) continue;
    taken.push(box);
    const label = el('span', rank === 0 ? 'place capital' : 'place', name);
    layer.addLayer(L.marker([lat, lon], {
      pane: 'labels', interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'place-icon', html: label, iconSize: null, iconAnchor: [3, 3] }),
    }));
    shown++;
  }
}
