// The timeline: a canvas histogram of events per day, week or month with a draggable date range, labelled
// under its axis by months, quarters, half-years or years. It owns its bins and the range; the page gives it
// the counts and the filter's dates, and hears of a new range through onRange.
import { cssVar } from './dom.js';

const DAY = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const toMs = s => Date.parse(`${s}T00:00:00Z`);
const toDay = ms => new Date(ms).toISOString().slice(0, 10);
// One date rule with the API and the command line: a month (2019-08) covers the whole month,
// a year (2019) the whole year. firstMs/lastMs give the first and last day a filter value covers.
const firstMs = s => /^\d{4}$/.test(s) ? toMs(`${s}-01-01`) : /^\d{4}-\d{2}$/.test(s) ? toMs(`${s}-01`) : toMs(s);
const lastMs = s => {
  if (/^\d{4}$/.test(s)) return toMs(`${s}-12-31`);
  if (/^\d{4}-\d{2}$/.test(s)) { const [y, m] = s.split('-').map(Number); return Date.UTC(y, m, 0); }
  return toMs(s);
};
const partial = s => /^\d{4}(-\d{2})?$/.test(s);

/**
 * Creates the timeline on the elements given ({canvas, axis, label, clear}). onRange({from, to}) is called
 * with the days of the new range ('' for no bound) when the reader picks or clears one.
 */
export function createTimeline({ canvas, axis, label, clear }, { onRange }) {
  let bins = [];          // {start: ms, end: ms (inclusive day), count}
  let spanMs = 0;         // from the first bin's start to the day after the last bin's end
  let sel = null;         // {a, b} bin indexes, a <= b
  let drag = null;
  let range = { from: '', to: '' };  // the date filter as given (a month stays a month)

  /** Counts per day (the stats' by_day rows) and the date filter in force ({from, to}). */
  function setData(rows, { from = '', to = '' } = {}) {
    range = { from, to };
    const days = rows.filter(r => /^\d{4}-\d{2}-\d{2}$/.test(r.key)).map(r => ({ t: toMs(r.key), n: r.events })).filter(r => !Number.isNaN(r.t));
    bins = [];
    if (days.length) {
      const min = Math.min(...days.map(d => d.t)), max = Math.max(...days.map(d => d.t));
      const span = (max - min) / DAY + 1;
      const width = span <= 200 ? 1 : span <= 1400 ? 7 : 30;
      const count = Math.ceil(span / width);
      for (let i = 0; i < count; i++) bins.push({ start: min + i * width * DAY, end: min + ((i + 1) * width - 1) * DAY, count: 0 });
      for (const d of days) bins[Math.floor((d.t - min) / DAY / width)].count += d.n;
    }
    spanMs = bins.length ? bins.at(-1).end + DAY - bins[0].start : 0;
    sel = null;
    if (bins.length && (from || to)) {
      const first = from ? firstMs(from) : bins[0].start, last = to ? lastMs(to) : bins.at(-1).end;
      const a = bins.findIndex(b => b.end >= first), b = bins.findLastIndex(bn => bn.start <= last);
      if (a >= 0 && b >= a) sel = { a, b };
    }
    canvas.setAttribute('aria-label', bins.length ? `Events per ${bins.length > 1 && bins[1].start - bins[0].start > DAY ? 'period' : 'day'} from ${toDay(bins[0].start)} to ${toDay(bins.at(-1).end)}` : 'No dated events');
    draw();
    showRange();
  }

  function draw() {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    canvas.width = Math.max(1, Math.round(w * ratio));
    canvas.height = Math.max(1, Math.round(h * ratio));
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    // a canvas is painted with values: the colours are app.css's custom properties
    const colour = name => cssVar(name, canvas);
    if (!bins.length) { g.fillStyle = colour('timeline-empty'); g.font = '12px sans-serif'; g.fillText('No dated events', 8, h / 2); return; }
    const max = Math.max(1, ...bins.map(b => b.count));
    const bw = w / bins.length;
    if (sel) { g.fillStyle = colour('timeline-range'); g.fillRect(sel.a * bw, 0, (sel.b - sel.a + 1) * bw, h); }
    const inside = colour('timeline-bar'), outside = colour('timeline-bar-outside');
    for (let i = 0; i < bins.length; i++) {
      const bh = (bins[i].count / max) * (h - 16);
      g.fillStyle = sel && (i < sel.a || i > sel.b) ? outside : inside;
      g.fillRect(i * bw + (bw > 3 ? 0.5 : 0), h - 12 - bh, Math.max(1, bw - (bw > 3 ? 1 : 0)), bh);
    }
    const ticks = axisTicks(w);
    g.fillStyle = colour('timeline-tick');
    for (const t of ticks) g.fillRect(Math.round(t.x), h - 12, 1, t.year ? 8 : 4);
    drawAxis(ticks);
    if (sel) {
      g.strokeStyle = colour('timeline-range-edge'); g.lineWidth = 2;
      g.strokeRect(sel.a * bw + 1, 1, (sel.b - sel.a + 1) * bw - 2, h - 2);
    }
  }

  // Month and year boundaries inside the span: every month when there is room, else every 3 or 6
  // months, else years (every 1, 2, 5 or 10). The first label is the month (and year) of the start.
  function axisTicks(w) {
    if (!bins.length || !spanMs || w <= 0) return [];
    const t0 = bins[0].start, t1 = t0 + spanMs;
    const months = spanMs / (30.44 * DAY), room = w / 60;  // about 60 px per label
    const monthStep = [1, 3, 6].find(m => months / m <= room);
    const yearStep = monthStep ? 0 : [1, 2, 5, 10, 20, 50].find(y => months / 12 / y <= room) ?? 100;
    const start = new Date(t0);
    let y = start.getUTCFullYear(), m = start.getUTCMonth();
    const ticks = [{ x: 0, t: t0, text: `${MONTHS[m]} ${y}`, year: false }];
    for (;;) {
      m++; if (m > 11) { m = 0; y++; }
      const t = Date.UTC(y, m, 1);
      if (t >= t1) break;
      const keep = monthStep ? m % monthStep === 0 : m === 0 && y % yearStep === 0;
      if (!keep) continue;
      ticks.push({ x: (t - t0) / spanMs * w, t, text: m === 0 ? String(y) : MONTHS[m], year: m === 0 });
    }
    return ticks;
  }

  function drawAxis(ticks) {
    if (!axis) return;
    axis.replaceChildren();
    let lastRight = -Infinity;
    const w = axis.clientWidth;
    for (const t of ticks) {
      const tick = document.createElement('span');
      tick.className = t.year ? 'tick year' : 'tick';
      tick.textContent = t.text;
      tick.dataset.date = toDay(t.t);
      tick.style.left = `${t.x}px`;
      axis.append(tick);
      const width = tick.offsetWidth;
      if (t.x < lastRight + 6 || t.x + width > w) { tick.remove(); continue; }  // no overlap, nothing cut at the right edge
      lastRight = t.x + width;
    }
  }

  function showRange(dragging = false) {
    let text = 'All dates';
    const { from, to } = range;
    if (!dragging && (from || to)) {
      // the filter as given: a month stays a month, and its last day is said
      const shownFrom = from || (bins.length ? toDay(bins[0].start) : '…');
      const shownTo = to || (bins.length ? toDay(bins.at(-1).end) : '…');
      text = `${shownFrom} to ${shownTo}`;
      if (partial(from) || partial(to)) {
        const first = from ? toDay(firstMs(from)) : shownFrom, last = to ? toDay(lastMs(to)) : shownTo;
        text += ` (${first} to ${last} inclusive)`;
      }
    } else if (sel) text = `${toDay(bins[sel.a].start)} to ${toDay(bins[sel.b].end)}`;
    label.textContent = text;
    clear.hidden = !sel && (dragging || (!from && !to));
  }

  function commit() {
    range = { from: sel ? toDay(bins[sel.a].start) : '', to: sel ? toDay(bins[sel.b].end) : '' };
    showRange();
    onRange({ ...range });
  }

  const binAt = x => Math.max(0, Math.min(bins.length - 1, Math.floor(x / (canvas.clientWidth / bins.length))));

  canvas.addEventListener('pointerdown', e => {
    if (!bins.length) return;
    canvas.setPointerCapture(e.pointerId);
    const i = binAt(e.offsetX);
    const mode = sel && i >= sel.a && i <= sel.b && sel.b > sel.a ? 'move' : 'new';
    drag = { mode, origin: i, start: sel ? { ...sel } : null, moved: false };
    if (mode === 'new') sel = { a: i, b: i };
    draw();
  });
  canvas.addEventListener('pointermove', e => {
    if (!drag) return;
    const i = binAt(e.offsetX);
    if (i !== drag.origin) drag.moved = true;
    if (drag.mode === 'new') sel = { a: Math.min(drag.origin, i), b: Math.max(drag.origin, i) };
    else {
      const len = drag.start.b - drag.start.a;
      const a = Math.max(0, Math.min(bins.length - 1 - len, drag.start.a + i - drag.origin));
      sel = { a, b: a + len };
    }
    draw(); showRange(true);
  });
  const end = () => { if (!drag) return; drag = null; commit(); };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('keydown', e => {
    if (!bins.length) return;
    if (e.key === 'Escape') { sel = null; draw(); commit(); e.preventDefault(); return; }
    const step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
    if (!step) return;
    e.preventDefault();
    if (!sel) sel = { a: step > 0 ? 0 : bins.length - 1, b: step > 0 ? 0 : bins.length - 1 };
    else if (e.shiftKey) sel = { a: sel.a, b: Math.max(sel.a, Math.min(bins.length - 1, sel.b + step)) };
    else if (sel.a + step >= 0 && sel.b + step < bins.length) sel = { a: sel.a + step, b: sel.b + step };
    draw(); commit();
  });
  clear.addEventListener('click', () => { sel = null; draw(); commit(); });
  new ResizeObserver(() => draw()).observe(canvas);

  return { setData };
}
