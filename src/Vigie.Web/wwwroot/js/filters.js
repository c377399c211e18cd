// The filter bar: country and type choices, actor and source names (suggested from the stats), and Reset.
// It owns its form controls; the page gives it the starting values and hears of changes through callbacks.
import { fetchStats } from './api.js';
import { eventTypes, countryName } from './vocabulary.js';

const CONTROLS = ['country', 'type', 'actor', 'source'];
const SUGGESTIONS_MAX = 300;

/**
 * Fills the controls of `form` and sets them to `initial` ({country, type, actor, source}).
 * Callbacks: onChange(key, value) when the reader changes one, onReset() after Reset cleared them all,
 * onNote(text) when the choices cannot be loaded.
 */
export async function createFilters(form, initial, { onChange, onReset, onNote }) {
  const control = k => form.querySelector(`#f-${k}`);
  const type = control('type');
  for (const [code, name] of eventTypes()) type.append(new Option(name, code));
  try {
    const stats = await fetchStats();
    const byName = stats.by_country.map(r => [r.key, countryName(r.key)]).sort((a, b) => a[1].localeCompare(b[1]));
    for (const [code, name] of byName) control('country').append(new Option(`${name} (${code})`, code));
    fillDatalist(form.querySelector('#actor-names'), stats.by_actor);
    fillDatalist(form.querySelector('#source-names'), stats.by_source);
  } catch (e) {
    onNote(`Could not load the filter choices: ${e.message}`);
  }
  for (const k of CONTROLS) {
    const c = control(k);
    const value = initial[k] ?? '';
    // a value from the URL that is not among the choices is kept as a choice of its own
    if (c.tagName === 'SELECT' && value && ![...c.options].some(o => o.value === value)) c.append(new Option(value, value));
    c.value = value;
    c.addEventListener('change', () => onChange(k, c.value.trim()));
  }
  form.addEventListener('submit', e => e.preventDefault());
  form.querySelector('#f-reset').addEventListener('click', () => {
    for (const k of CONTROLS) control(k).value = '';
    onReset();
  });
}

function fillDatalist(list, rows) {
  for (const r of rows.slice(0, SUGGESTIONS_MAX)) list.append(new Option(r.key));
}
