// One event as the side panel shows it: its facts, what each source claims and the evidence sentences
// with the supporting spans highlighted. Pure rendering: data in, elements out.
import { el, highlighted, mergeSpans, safeLink } from './dom.js';
import { typeLabel, subtypeLabel, actorKindLabel, modalityLabel, countryName } from './vocabulary.js';

const PRECISION = { 1: 'the place itself', 2: 'near the place or part of a region', 3: 'only the region or country' };

/** The elements for GET /api/events/{id}'s answer. */
export function renderDetail({ event: ev, mentions, claims }) {
  const out = [];
  out.push(el('h2', `detail-title t-${ev.type}`, typeLabel(ev.type)));
  if (ev.subtype) out.push(el('p', 'subtype', subtypeLabel(ev.subtype)));

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
  if (ev.modality && ev.modality !== 'asserted') row(dl, 'Status', modalityLabel(ev.modality));
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
  for (const m of mentions) out.push(mentionSection(m, ev.id));
  return out;
}

function mentionSection(m, eventId) {
  const section = el('section', 'mention');
  const head = el('p', 'mention-head');
  head.append(el('strong', null, m.document_title || m.document_name || 'Document'));
  const meta = [m.document_date, m.source ? `according to ${m.source}` : null,
    m.modality && m.modality !== 'asserted' ? modalityLabel(m.modality) : null,
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
  links.append(docLink(m.document_id, eventId, 'Open the whole document'));
  if (m.url) links.append(document.createTextNode(' · '), safeLink(m.url, 'original page'));
  section.append(links);
  return section;
}

function row(dl, term, value) {
  if (value === undefined || value === null || value === '') return;
  dl.append(el('dt', null, term));
  const dd = el('dd');
  if (value instanceof Node) dd.append(value); else dd.textContent = String(value);
  dl.append(dd);
}

function actorText(a) {
  if (!a) return null;
  return a.kind ? `${a.name} (${actorKindLabel(a.kind).toLowerCase()})` : a.name;
}

function dateText(ev) {
  if (!ev.date_start) return 'date unknown';
  const range = ev.date_end && ev.date_end !== ev.date_start ? `${ev.date_start} – ${ev.date_end}` : ev.date_start;
  return ev.date_precision ? `${range} (known to the ${ev.date_precision})` : range;
}

/** A link to the document page with the event's spans in focus. */
function docLink(documentId, eventId, text) {
  const a = el('a', 'doc-link', text);
  a.href = `document.html?${new URLSearchParams({ id: documentId, event: eventId })}`;
  return a;
}
