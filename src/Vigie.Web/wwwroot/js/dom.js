// Building the page safely: article text is only ever put in the page as text nodes (never parsed as
// HTML), and links from stored data are kept only if they are http(s).

/** Creates an element with a class and text content. */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/** The value of a CSS custom property (`--name`) as the element sees it, for what CSS cannot style itself (canvas, Leaflet paths). */
export function cssVar(name, element = document.documentElement) {
  return getComputedStyle(element).getPropertyValue(`--${name}`).trim();
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
