// The API client: every request the pages make goes through here, to the server they came from.

/** GET a JSON resource; throws an Error whose message is the problem's detail (or each bad parameter). */
async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body?.errors ? Object.entries(body.errors).map(([k, v]) => `${k}: ${v}`).join('; ') : body?.detail;
    throw new Error(detail || `${response.status} ${response.statusText}`);
  }
  return body;
}

/** A page of events as a GeoJSON FeatureCollection (with its total) for the filters in `params` (URLSearchParams). */
export function fetchEventFeatures(params, pageSize) {
  const q = new URLSearchParams(params);
  q.set('format', 'geojson');
  q.set('page_size', String(pageSize));
  return getJson(`/api/events?${q}`);
}

/** Counts by type, country, day, actor and source under the filters in `params`. */
export const fetchStats = (params = new URLSearchParams()) => getJson(`/api/stats?${params}`);

/** One event with its mentions, claims and evidence sentences. */
export const fetchEvent = id => getJson(`/api/events/${encodeURIComponent(id)}`);

/** A stored document: its text and every span. */
export const fetchDocument = id => getJson(`/api/documents/${encodeURIComponent(id)}`);

/** The words for the codes of the other answers (see vocabulary.js). */
export const fetchVocabulary = () => getJson('/api/vocabulary');

/** A JSON file of the web root (the vendored basemap and place names). */
export async function fetchAsset(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(response.statusText || String(response.status));
  return response.json();
}
