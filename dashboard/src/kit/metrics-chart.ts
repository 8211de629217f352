// Metrics as charts (uPlot, bundled: no CDN): one chart per metric type over a chosen range, with
// a text summary beside each (the latest value and unit), so no reading depends on the picture.
import uPlot from 'uplot';
import { failureText, v2, withQuery } from '../api.js';
import { h, replaceChildren } from '../dom.js';

interface Series {
  name: string;
  unit: string;
  points: { timestamp: string; value: number }[];
}

/** Ranges offered, and a step that keeps each under the API's 1440-point cap. */
const RANGES = [
  { label: 'Last hour', seconds: 3600, step: 60 },
  { label: 'Last 6 hours', seconds: 6 * 3600, step: 300 },
  { label: 'Last 24 hours', seconds: 86400, step: 900 },
  { label: 'Last 7 days', seconds: 7 * 86400, step: 3600 },
] as const;

const COLOURS = ['#1d4ed8', '#c2410c', '#15803d', '#7c3aed'];

function summary(series: Series[]): string {
  return series
    .map((s) => {
      const last = s.points[s.points.length - 1];
      return `${s.name}: ${s.points.length} points${last ? `, latest ${last.value.toFixed(2)} ${s.unit}` : ''}`;
    })
    .join('; ');
}

function drawChart(box: HTMLElement, type: string, series: Series[]): uPlot {
  const xs = (series[0]?.points ?? []).map((p) => Date.parse(p.timestamp) / 1000);
  const data: uPlot.AlignedData = [xs, ...series.map((s) => s.points.map((p) => p.value))];
  const options: uPlot.Options = {
    width: Math.max(280, box.clientWidth),
    height: 200,
    series: [{}, ...series.map((s, i) => ({ label: `${s.name} (${s.unit})`, stroke: COLOURS[i % COLOURS.length], width: 2 }))],
    axes: [{}, { size: 56 }],
  };
  const chart = new uPlot(options, data, box);
  chart.root.setAttribute('aria-hidden', 'true');
  chart.root.dataset.metric = type;
  return chart;
}

/** A detail-page section with a range selector and a chart per metric type of `path`. */
export function metricsSection(path: string, types: readonly string[], alive: () => boolean): HTMLElement {
  const rangeId = `range-${Math.random().toString(36).slice(2)}`;
  const range = h('select', { id: rangeId }, ...RANGES.map((r, i) => h('option', { value: String(i) }, r.label)));
  const charts = h('div', { class: 'charts' });
  const plots: uPlot[] = [];

  const load = async () => {
    const choice = RANGES[Number(range.value)] ?? RANGES[0];
    const end = new Date();
    const start = new Date(end.getTime() - choice.seconds * 1000);
    plots.splice(0).forEach((p) => p.destroy());
    const cards = types.map((type) => {
      const box = h('div', { class: 'chart' });
      const text = h('p', { class: 'muted small', 'data-test': `summary-${type}` }, 'Loading…');
      const card = h('figure', { class: 'chart-card', 'data-chart': type }, h('figcaption', {}, h('strong', {}, type)), box, text);
      return { type, box, text, card };
    });
    replaceChildren(charts, ...cards.map((c) => c.card));
    await Promise.all(
      cards.map(async ({ type, box, text, card }) => {
        try {
          const answer = await v2<{ series: Series[] }>('GET', withQuery(path, { type, start: start.toISOString(), end: end.toISOString(), step: String(choice.step) }));
          if (!alive()) return;
          plots.push(drawChart(box, type, answer.series));
          card.dataset.points = String(answer.series.reduce((n, s) => n + s.points.length, 0));
          replaceChildren(text, summary(answer.series));
        } catch (failure) {
          replaceChildren(text, failureText(failure));
        }
      }),
    );
  };
  range.addEventListener('change', () => void load());
  // Charts follow the page's width (the 390 px layout included).
  const resize = new ResizeObserver(() => {
    if (!alive()) return resize.disconnect();
    for (const plot of plots) plot.setSize({ width: Math.max(280, plot.root.parentElement?.clientWidth ?? 280), height: 200 });
  });
  resize.observe(charts);

  const section = h('section', { class: 'card', 'aria-labelledby': `${rangeId}-h` }, h('div', { class: 'page-header' }, h('h2', { id: `${rangeId}-h` }, 'Metrics'), h('div', { class: 'field inline' }, h('label', { for: rangeId }, 'Range'), range)), charts);
  queueMicrotask(() => void load());
  return section;
}
