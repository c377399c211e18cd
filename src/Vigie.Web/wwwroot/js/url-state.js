// The page's selection — the filters and the open event — kept in the URL's query string, so that a view
// can be reloaded or shared. This module is its only owner: the others read it and ask for changes here.

/** The filters, in the names of the API's query parameters. */
export const FILTERS = ['country', 'type', 'actor', 'source', 'from', 'to'];
/** The filters that do not restrict dates (those the timeline's counts are taken under). */
export const NON_DATE_FILTERS = ['country', 'type', 'actor', 'source'];

const KEYS = [...FILTERS, 'event'];
const MAX_LENGTH = 100;
const state = Object.fromEntries(KEYS.map(k => [k, '']));

/** Reads the selection from the address bar (at start). */
export function load() {
  const p = new URLSearchParams(location.search);
  for (const k of KEYS) state[k] = (p.get(k) ?? '').slice(0, MAX_LENGTH);
}

/** One value of the selection ('' when unset). */
export const get = key => state[key];

/** Changes some values ({country: 'SY', event: ''}…) and writes the address bar. */
export function update(changes) {
  for (const [k, v] of Object.entries(changes)) {
    if (!KEYS.includes(k)) throw new Error(`not a selection key: ${k}`);
    state[k] = (v ?? '').slice(0, MAX_LENGTH);
  }
  const p = query(KEYS);
  const text = p.toString();
  history.replaceState(null, '', text ? `?${text}` : location.pathname);
}

/** The set values among `keys` as query parameters (for the API or the address bar). */
export function query(keys = FILTERS) {
  const p = new URLSearchParams();
  for (const k of keys) if (state[k]) p.set(k, state[k]);
  return p;
}
