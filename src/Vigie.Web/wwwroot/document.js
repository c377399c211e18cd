// The whole-document view: the text with every stored span highlighted, the chosen event's spans in focus.
import { fetchDocument } from './js/api.js';
import { highlighted, safeLink } from './js/dom.js';

const params = new URLSearchParams(location.search);
const id = params.get('id') ?? '';
const focusEvent = params.get('event');

async function main() {
  const text = document.getElementById('doc-text');
  if (!id) { text.textContent = 'No document id given.'; return; }
  let doc;
  try {
    doc = await fetchDocument(id);
  } catch (e) {
    text.textContent = `Could not load the document: ${e.message}`;
    return;
  }
  document.title = `Vigie — ${doc.title || doc.name || 'document'}`;
  document.getElementById('doc-title').textContent = doc.title || doc.name || 'Document';
  const meta = [doc.date, doc.outlet, doc.lang, doc.name].filter(Boolean).join(' · ');
  document.getElementById('doc-meta').textContent = meta;
  if (doc.url) document.getElementById('doc-link').append(safeLink(doc.url));

  const spans = doc.spans.map(s => ({
    start: s.start, end: s.end,
    cls: `k-${s.kind}` + (focusEvent && s.event_id === focusEvent ? ' focus' : ''),
    id: s.event_id,
  }));
  text.replaceChildren(highlighted(doc.text, 0, doc.text.length, spans));
  const first = text.querySelector('mark.focus');
  if (first) first.scrollIntoView({ block: 'center' });
}

main();
