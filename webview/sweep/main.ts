// The sweep panel: progress, a sortable runs table, parallel coordinates, parameter importance and the
// metric of every run over time.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { MetricLine, RunRecord, SweepRecord } from '../../src/shared/storeSchema';
import { adoptChartStyles } from '../common/chartStyles';
import { el, PALETTE } from '../common/dom';
import { createLineChart, type LineChart } from '../common/lineChart';
import { listen, post, saveState } from '../common/vscodeApi';
import { plannedRuns } from '../../src/extension/store/sweepProgress';
import { parameterImportance } from './importance';
import { drawParallelCoordinates } from './parallelCoords';
import { renderRunsTable, type TableState } from './runsTable';

adoptChartStyles();
const app = document.getElementById('app')!;
const table: TableState = { sortKey: '', descending: false, selected: new Set() };
let latest: { sweep: SweepRecord; runs: RunRecord[]; series: Record<string, MetricLine[]> } | undefined;
let timeChart: LineChart | undefined;
let timeChartRuns = '';
const header = el('header');
const tableBox = el('section');
const canvas = el('canvas', { class: 'parallel', 'aria-label': 'parallel coordinates' });
const importanceBox = el('section');
const timeBox = el('section');

function progress(sweep: SweepRecord, runs: RunRecord[]): void {
  const done = runs.filter((r) => ['finished', 'pruned', 'failed', 'stopped'].includes(r.status)).length;
  const cap = Math.max(plannedRuns(sweep.spec) ?? runs.length, runs.length);
  const best = runs.find((r) => r.id === sweep.bestRunId);
  const compare = el('vscode-button', { text: `Compare selected (${table.selected.size})` });
  if (table.selected.size < 2) compare.setAttribute('disabled', '');
  compare.addEventListener('click', () => post({ type: 'compareRuns', runIds: [...table.selected] }));
  header.replaceChildren(el('h2', { text: `${sweep.name} · ${sweep.status}` }),
    el('progress', { max: String(Math.max(cap, 1)), value: String(done) }),
    el('span', { text: ` ${done}/${cap} runs · best ${sweep.metric.name}: ${best ? `${Number(best.summary[sweep.metric.name]?.toPrecision(4))} (${best.name})` : '–'}` }),
    compare);
}

function importance(runs: RunRecord[], metric: string): void {
  const rows = parameterImportance(runs.map((r) => r.params ?? {}), runs.map((r) => r.summary?.[metric] ?? Number.NaN));
  const bar = (v: number) => el('div', { class: 'bar' }, el('span', { class: 'fill', 'data-width': String(Math.round(v * 100)) }));
  importanceBox.replaceChildren(el('h3', { text: `Parameter importance for ${metric}` }),
    el('table', { class: 'importance' }, el('tr', {}, el('th', { text: 'parameter' }), el('th', { text: 'importance (random forest)' }), el('th', { text: 'correlation' })),
      ...rows.map((row) => el('tr', {}, el('td', { text: row.param }), el('td', {}, bar(row.forest), ` ${row.forest.toFixed(2)}`),
        el('td', { class: row.correlation > 0 ? 'positive' : 'negative', text: Number.isFinite(row.correlation) ? row.correlation.toFixed(2) : '–' })))));
  // Widths via CSSOM: the CSP forbids inline style attributes.
  importanceBox.querySelectorAll<HTMLElement>('.fill').forEach((fill) => { fill.style.width = `${fill.dataset.width}%`; });
}

function metricOverTime(runs: RunRecord[], series: Record<string, MetricLine[]>, metric: string): void {
  const key = runs.map((r) => r.id).join(',');
  if (!timeChart || key !== timeChartRuns) {
    timeChart = createLineChart(`${metric} over time`, 'time', runs.map((r, i) => ({ label: r.name, color: PALETTE[i % PALETTE.length], points: true })), { timeX: true });
    timeChartRuns = key;
    timeBox.replaceChildren(timeChart.element);
  }
  // One shared x (seconds since epoch): every run's epoch lines, gaps where a run has no point at that time.
  const points = runs.flatMap((r, i) => (series[r.id] ?? []).filter((l) => typeof l.values[metric] === 'number').map((l) => ({ t: Date.parse(l.time) / 1000, i, v: l.values[metric] })));
  points.sort((a, b) => a.t - b.t);
  const x = points.map((p) => p.t);
  const columns = runs.map((_, i) => points.map((p) => (p.i === i ? p.v : null)));
  timeChart.setData([x, ...columns]);
}

function draw(): void {
  if (!latest) return;
  const { sweep, runs, series } = latest;
  const metric = sweep.metric.name;
  if (!table.sortKey) { table.sortKey = metric; table.descending = sweep.metric.goal === 'maximize'; }
  progress(sweep, runs);
  renderRunsTable(tableBox, runs, metric, table, { open: (runId) => post({ type: 'openRun', runId }), redraw: draw });
  const params = [...new Set(runs.flatMap((r) => Object.keys(r.params ?? {})))].sort();
  drawParallelCoordinates(canvas, runs, params, metric, sweep.metric.goal);
  importance(runs, metric);
  metricOverTime(runs, series, metric);
}

listen((message) => {
  if (message.type !== 'sweepState') return;
  latest = { sweep: message.sweep, runs: message.runs, series: message.series };
  saveState({ sweepId: message.sweep.id });
  if (!app.contains(header)) {
    app.replaceChildren(header, tableBox, el('h3', { text: 'Parallel coordinates' }), canvas, importanceBox, el('h3', { text: 'Metric over time' }), timeBox);
  }
  draw();
});
new ResizeObserver(() => latest && drawParallelCoordinates(canvas, latest.runs, [...new Set(latest.runs.flatMap((r) => Object.keys(r.params ?? {})))].sort(), latest.sweep.metric.name, latest.sweep.metric.goal)).observe(canvas);
