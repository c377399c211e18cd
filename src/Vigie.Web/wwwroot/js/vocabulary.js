// The words the pages show for the API's codes. Event types and subtypes, actor kinds and modalities come
// from GET /api/vocabulary, which serves Core's vocabulary (ACLED's wording, the same as the exports);
// the page keeps no list of its own. Country names come from the browser (Intl.DisplayNames).
import { fetchVocabulary } from './api.js';

const types = new Map();
const subtypes = new Map();
const actorKinds = new Map();
const modalities = new Map();

/** Reads the vocabulary once; the labels below fall back to the code in words until then (or if it fails). */
export async function loadVocabulary() {
  const v = await fetchVocabulary();
  for (const [map, terms] of [[types, v.event_types], [subtypes, v.event_subtypes], [actorKinds, v.actor_kinds], [modalities, v.modalities]]) {
    map.clear();
    for (const t of terms) map.set(t.code, t.label);
  }
}

/** "some_code" → "Some code": what is shown for a code the vocabulary does not have. */
function words(code) {
  if (!code) return '';
  const s = code.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The event types in the vocabulary's order, as [code, label] pairs. */
export const eventTypes = () => [...types.entries()];

export const typeLabel = code => types.get(code) ?? words(code);
export const subtypeLabel = code => subtypes.get(code) ?? words(code);
export const actorKindLabel = code => actorKinds.get(code) ?? words(code);
export const modalityLabel = code => modalities.get(code) ?? words(code);

/** The subtype's label when there is one, else the type's. */
export const eventLabel = p => (p.subtype ? subtypeLabel(p.subtype) : typeLabel(p.type));

const regionNames = (() => {
  try { return new Intl.DisplayNames(['en'], { type: 'region' }); } catch { return null; }
})();

/** "SY" → "Syria" (the code itself when the browser does not know it). */
export function countryName(code) {
  if (!code) return '';
  try { return regionNames?.of(code) ?? code; } catch { return code; }
}
