// The side panel: either the list of events or one event's detail. It owns both views and which event it
// shows (a late answer for another event is dropped); the page tells it what to show, and hears through
// onOpen(id) when an event of the list is chosen and onBack() when the reader goes back to the list.
import { fetchEvent } from './api.js';
import { el } from './dom.js';
import { eventLabel } from './vocabulary.js';
import { renderDetail } from './detail.js';

const LIST_MAX = 300;

export function createPanel({ onOpen, onBack }) {
  const listView = document.getElementById('list-view');
  const detailView = document.getElementById('detail-view');
  const title = listView.querySelector('.panel-title');
  const list = document.getElementById('event-list');
  const note = document.getElementById('list-note');
  const article = document.getElementById('detail');
  let shown = '';

  const setNote = text => { note.textContent = text; };

  /** Lists the events (GeoJSON features), newest first, under `heading` (default "Events"). */
  function showList(features, heading) {
    shown = '';
    detailView.hidden = true;
    listView.hidden = false;
    title.textContent = heading ?? 'Events';
    list.replaceChildren();
    const sorted = [...features].sort((a, b) => (b.properties.date_start ?? '').localeCompare(a.properties.date_start ?? ''));
    for (const f of sorted.slice(0, LIST_MAX)) {
      const p = f.properties;
      const button = el('button', `event-item t-${p.type}`);
      button.type = 'button';
      button.append(el('span', 'swatch'), el('span', 'when', p.date_start ?? '?'), el('span', 'what', eventLabel(p)),
        el('span', 'where', p.location?.name ?? 'place unknown'));
      if (p.fatalities?.best != null) button.append(el('span', 'toll', `${p.fatalities.best} killed`));
      button.addEventListener('click', () => onOpen(p.id));
      const li = el('li');
      li.append(button);
      list.append(li);
    }
    if (features.length > LIST_MAX) setNote(`The list shows ${LIST_MAX} of ${features.length}; narrow the filters to see the rest.`);
    else if (features.length === 0) setNote('No event matches these filters.');
    else setNote('');
  }

  /** Loads and shows one event, then moves the focus to it. */
  async function showEvent(id) {
    shown = id;
    listView.hidden = true;
    detailView.hidden = false;
    article.replaceChildren(el('p', 'note', 'Loading…'));
    try {
      const detail = await fetchEvent(id);
      if (shown !== id) return;
      article.replaceChildren(...renderDetail(detail));
    } catch (e) {
      if (shown !== id) return;
      article.replaceChildren(el('p', 'error', `Could not load the event: ${e.message}`));
    }
    article.focus();
  }

  /** Moves the focus to the first event of the list. */
  const focusList = () => list.querySelector('button')?.focus();

  document.getElementById('back').addEventListener('click', onBack);

  return { showList, showEvent, focusList, setNote };
}
