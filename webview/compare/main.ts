// Compare: the curves of the selected runs overlaid, and the diff of their configurations.
import type { MetricLine, RunRecord } from '../../src/shared/storeSchema';
import { adoptChartStyles } from '../common/chartStyles';
import { el, PALETTE } from '../common/dom';
import { createLineChart, type LineChart } from '../common/lineChart';
import { listen, post, saveState } from '../common/vscodeApi';
import { configDiff } from './configDiff';

adoptChartStyles();
const app = document.getElementById('app')!;
const METRICS = ['val_loss', 'loss', 'val_psnr', 'val_ssim'];
let charts: LineChart[] = [];
let chartKey = '';

/** x = epoch; one column per run for a metric. */
function overlay(runs: RunRecord[], series: Record<string, MetricLine[]>, metric: string): (number | null)[][] {
  const epochs = [...new Set(runs.flatMap((r) => (series[r.id] ?? []).map((l) => l.epoch)))].sort((a, b) => a - b);
  const columns = runs.map((r) => {
    const byEpoch = new Map((series[r.id] ?? []).map((l) => [l.epoch, l.values[metric]]));
    return epochs.map((e) => (typeof byEpoch.get(e) === 'number' ? byEpoch.get(e)! : null));
  });
  return [epochs, ...columns];
}

function diffTable(runs: RunRecord[]): HTMLElement {
  const rows = configDiff(runs.map((r) => ({ config: r.config, params: r.params, backend: r.backend })));
  const showAll = el('input', { type: 'checkbox', id: 'show-all' });
  const table = el('table', { class: 'diff' },
    el('tr', {}, el('th', { text: 'key' }), ...runs.map((r) => {
      const link = el('a', { href: '#', text: r.name });
      link.addEventListener('click', (e) => { e.preventDefault(); post({ type: 'openRun', runId: r.id }); });
      return el('th', {}, link);
    })),
    ...rows.map((row) => el('tr', { class: row.differs ? 'differs' : 'same' }, el('td', { text: row.key }),
      ...row.values.map((v) => el('td', { text: v === undefined ? '–' : JSON.stringify(v) })))));
  table.classList.add('hide-same');
  showAll.addEventListener('change', () => table.classList.toggle('hide-same', !showAll.checked));
  const differing = rows.filter((r) => r.differs).length;
  return el('section', {}, el('h3', { text: `Configuration diff (${differing} keys differ)` }),
    el('label', {}, showAll, ' show identical keys too'), table);
}

listen((message) => {
  if (message.type !== 'compareState') return;
  const { runs, series } = message;
  saveState({ runIds: runs.map((r) => r.id) });
  const key = runs.map((r) => r.id).join(',');
  if (key !== chartKey) {
    chartKey = key;
    charts = METRICS.map((metric) => createLineChart(metric, 'epoch', runs.map((r, i) => ({ label: r.name, color: PALETTE[i % PALETTE.length], points: true }))));
    app.replaceChildren(el('h2', { text: `Comparing ${runs.length} runs` }), el('div', { class: 'charts' }, ...charts.map((c) => c.element)), el('div', { id: 'diff' }));
  }
  METRICS.forEach((metric, i) => charts[i].setData(overlay(runs, series, metric)));
  app.querySelector('#diff')!.replaceChildren(diffTable(runs));
});
