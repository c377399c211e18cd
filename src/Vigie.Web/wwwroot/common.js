// Helpers shared by the map page and the document page.
// Article text is only ever put in the page as text nodes (never parsed as HTML).

export const TYPES = [
  ['battles', 'Battles'],
  ['explosions_remote_violence', 'Explosions / remote violence'],
  ['violence_against_civilians', 'Violence against civilians'],
  ['protests', 'Protests'],
  ['riots', 'Riots'],
  ['strategic_developments', 'Strategic developments'],
];

const TYPE_LABELS = new Map(TYPES);

// ACLED's wording of the subtypes whose snake_case name reads badly.
const SUBTYPE_LABELS = new Map([
  ['air_drone_strike', 'Air/drone strike'],
  ['shelling_artillery_missile_attack', 'Shelling/artillery/missile attack'],
  ['remote_explosive_landmine_ied', 'Remote explosive/landmine/IED'],
  ['abduction_forced_disappearance', 'Abduction/forced disappearance'],
  ['non_state_actor_overtakes_territory', 'Non-state actor overtakes territory'],
  ['headquarters_or_base_established', 'Headquarters or base established'],
  ['looting_property_destruction', 'Looting/property destruction'],
  ['non_violent_transfer_of_territory', 'Non-violent transfer of territory'],
]);

/** "government_regains_territory" → "Government regains territory"; ACLED type names for types. */
export function label(code) {
  if (!code) return '';
  if (TYPE_LABELS.has(code)) return TYPE_LABELS.get(code);
  if (SUBTYPE_LABELS.has(code)) return SUBTYPE_LABELS.get(code);
  const s = code.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const regionNames = (() => {
  try { return new Intl.DisplayNames(['en'], { type: 'region' }); } catch { return null; }
})();

/** "SY" → "Syria" (the code itself when the browser does not know it). */
export function countryName(code) {
  if (!code) return '';
  try { return regionNames?.of(code) ?? code; } catch { return code; }
}

/** GET a JSON resource of the API; throws an Error whose message is the problem's detail. */
export async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body?.errors ? Object.entries(body.errors).map(([k, v]) => `${k}: ${v}`).join('; ') : body?.detail;
    throw new Error(detail || `${response.status} ${response.statusText}`);
  }
  return body;
}

/** Creates an element with a class and text content. */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/**
 * Renders text[start, end) with the given spans (document offsets, objects {start, end, cls})
 * wrapped in <mark>. Overlaps are split into pieces that carry every covering class.
 * Returns a DocumentFragment made only of text nodes and <mark> elements.
 */
export function highlighted(text, start, end, spans) {
  const cuts = new Set([start, end]);
  const inside = spans
    .map(s => ({ start: Math.max(start, s.start), end: Math.min(end, s.end), cls: s.cls, id: s.id }))
    .filter(s => s.start < s.end);
  for (const s of inside) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = inside.filter(s => s.start <= a && s.end >= b);
    if (covering.length === 0) { fragment.append(document.createTextNode(piece)); continue; }
    const mark = el('mark', [...new Set(covering.map(s => s.cls))].join(' '), piece);
    const ids = covering.map(s => s.id).filter(Boolean);
    if (ids.length) mark.dataset.spans = ids.join(' ');
    fragment.append(mark);
  }
  return fragment;
}

/** The union of [start, end] pairs: overlapping or touching spans become one. */
export function mergeSpans(pairs) {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** An <a> for an http(s) URL, or plain text for anything else (no javascript: links from stored data). */
export function safeLink(url, text) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      const a = el('a', null, text ?? u.href);
      a.href = u.href;
      a.rel = 'noopener noreferrer';
      return a;
    }
  } catch { /* not a URL */ }
  return el('span', null, text ?? url);
}

export function dateText(ev) {
  if (!ev.date_start) return 'date unknown';
  const range = ev.date_end && ev.date_end !== ev.date_start ? `${ev.date_start} – ${ev.date_end}` : ev.date_start;
  return ev.date_precision ? `${range} (known to the ${ev.date_precision})` : range;
}
